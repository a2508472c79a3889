/* chorus-mastodon-sign-in.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-mastodon-sign-in.h"
#include "chorus-oauth-receiver.h"
#include "chorus-parse-json-private.h"
#include "chorus-secrets.h"

/* One sign-in to a Mastodon-API server, from start to token:
 *
 *   1. reuse the app registration kept in the keyring for this server, if
 *      the server still knows it, or register Chorus again and keep that;
 *   2. start the loopback receiver, on the registered port when it is free
 *      (see chorus-mastodon-auth.c for why that port, and why any will do);
 *   3. publish two authorization pages in the authorize-url and
 *      manual-authorize-url properties: the caller opens the first in the
 *      browser, and offers the second (which shows a code to paste) as the
 *      fallback for browsers that cannot reach this computer;
 *   4. wait for the browser to come back, or for a pasted code;
 *   5. trade the code for a token, and ask whose it is.
 *
 * The client credentials are kept here, as one keyring secret per server
 * (kind client-secret, no account): a small JSON object with the client id
 * and secret, the loopback redirect URI and the scopes registered. Keeping
 * the token is the caller's job: it knows which source the token is for. */

#define NETWORK "mastodon"

struct _ChorusMastodonSignIn
{
  GObject              parent_instance;

  ChorusHttp          *http;
  char                *server_url;
  char                *host;
  char                *authorize_url;
  char                *manual_authorize_url;

  /* One run at a time; cleared when it ends. */
  gboolean             running;
  gboolean             waiting;           /* for the browser or a pasted code */
  char                *verifier;
  char                *state;
  ChorusMastodonApp   *app;
  char                *kept_redirect_uri; /* of the kept registration */
  ChorusOAuthReceiver *receiver;
  GCancellable        *wait_cancellable;  /* stops the receiver's wait */
  gulong               cancelled_id;
  char                *pasted_code;
  ChorusMastodonToken *token;
};

G_DEFINE_FINAL_TYPE (ChorusMastodonSignIn, chorus_mastodon_sign_in, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUTHORIZE_URL,
  PROP_MANUAL_AUTHORIZE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_urls (ChorusMastodonSignIn *self,
          char                 *authorize_url,
          char                 *manual_authorize_url)
{
  g_free (self->authorize_url);
  self->authorize_url = authorize_url;
  g_free (self->manual_authorize_url);
  self->manual_authorize_url = manual_authorize_url;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORIZE_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANUAL_AUTHORIZE_URL]);
}

/* Forgets everything of the run, before it is answered. */
static void
end_run (GTask *task)
{
  ChorusMastodonSignIn *self = g_task_get_source_object (task);

  g_cancellable_disconnect (g_task_get_cancellable (task), self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->wait_cancellable);
  g_clear_object (&self->receiver);
  g_clear_pointer (&self->app, chorus_mastodon_app_free);
  g_clear_pointer (&self->kept_redirect_uri, g_free);
  g_clear_pointer (&self->token, chorus_mastodon_token_free);
  g_clear_pointer (&self->verifier, _chorus_parse_wipe_free);
  g_clear_pointer (&self->state, _chorus_parse_wipe_free);
  g_clear_pointer (&self->pasted_code, _chorus_parse_wipe_free);
  self->waiting = FALSE;
  self->running = FALSE;

  if (self->authorize_url != NULL)
    set_urls (self, NULL, NULL);
}

static void
fail_run (GTask  *task,
          GError *error)
{
  end_run (task);
  g_task_return_error (task, error);
}

/* The kept registration */

static char *
dup_kept_app_json (const ChorusMastodonApp *app,
                   const char              *redirect_uri)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "client_id");
  json_builder_add_string_value (builder, app->client_id);
  json_builder_set_member_name (builder, "client_secret");
  json_builder_add_string_value (builder, app->client_secret);
  json_builder_set_member_name (builder, "redirect_uri");
  json_builder_add_string_value (builder, redirect_uri);
  json_builder_set_member_name (builder, "scopes");
  json_builder_add_string_value (builder, CHORUS_MASTODON_SCOPES);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The port of a kept loopback redirect URI, or 0. */
static guint
get_loopback_port (const char *redirect_uri)
{
  g_autoptr(GUri) uri = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_strcmp0 (g_uri_get_host (uri), "127.0.0.1") != 0 || g_uri_get_port (uri) <= 0)
    return 0;

  return (guint) g_uri_get_port (uri);
}

/* Takes the kept registration, unless it is unreadable or was made for
 * other scopes: the server would refuse the scopes asked for now. */
static void
read_kept_app (ChorusMastodonSignIn *self,
               const char           *json)
{
  g_autoptr(JsonNode) root = _chorus_json_load (json, -1, NULL);
  g_autoptr(ChorusMastodonApp) app = g_new0 (ChorusMastodonApp, 1);
  JsonObject *object = _chorus_json_object (root);
  const char *redirect_uri = _chorus_json_get_string (object, "redirect_uri");

  app->client_id = _chorus_parse_dup_secret (_chorus_json_get_string (object, "client_id"));
  app->client_secret = _chorus_parse_dup_secret (_chorus_json_get_string (object, "client_secret"));

  if (app->client_id == NULL || app->client_secret == NULL || redirect_uri == NULL ||
      g_strcmp0 (_chorus_json_get_string (object, "scopes"), CHORUS_MASTODON_SCOPES) != 0)
    {
      g_debug ("The app kept for %s is unreadable or for other scopes; registering again", self->host);
      return;
    }

  self->app = g_steal_pointer (&app);
  self->kept_redirect_uri = g_strdup (redirect_uri);
}

static void
on_kept_app_forgotten_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!chorus_secrets_clear_finish (result, &error))
    g_debug ("Could not forget the app kept for a server: %s", error->message);
}

/* Steps of the run, in order */

static void
on_verified_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusMastodonSignIn *self = g_task_get_source_object (task);
  g_autoptr(ChorusMastodonSignInResult) sign_in = NULL;
  GError *error = NULL;

  sign_in = g_new0 (ChorusMastodonSignInResult, 1);
  if (!(sign_in->account = chorus_mastodon_verify_credentials_finish (CHORUS_HTTP (object), result, &error)))
    {
      fail_run (task, error);
      return;
    }

  sign_in->token = g_steal_pointer (&self->token);
  end_run (task);
  g_task_return_pointer (task, g_steal_pointer (&sign_in), (GDestroyNotify) chorus_mastodon_sign_in_result_free);
}

static void
on_code_exchanged_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusMastodonSignIn *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!(self->token = chorus_mastodon_exchange_code_finish (CHORUS_HTTP (object), result, &error)))
    {
      /* The next sign-in registers again. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        chorus_secrets_clear_async (NETWORK, self->server_url, NULL, CHORUS_SECRET_KIND_CLIENT_SECRET,
                                    NULL, on_kept_app_forgotten_cb, NULL);
      fail_run (task, error);
      return;
    }

  chorus_mastodon_verify_credentials_async (self->http, self->server_url, self->token->access_token,
                                            cancellable, on_verified_cb, g_steal_pointer (&task));
}

static void
on_code_received_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusMastodonSignIn *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  const char *redirect_uri;
  char *code;

  self->waiting = FALSE;
  code = chorus_oauth_receiver_wait_finish (CHORUS_OAUTH_RECEIVER (object), result, &error);

  if (code != NULL)
    redirect_uri = chorus_oauth_receiver_get_redirect_uri (self->receiver);
  else if (self->pasted_code != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      /* The wait was stopped because a code was pasted. */
      g_clear_error (&error);
      code = g_steal_pointer (&self->pasted_code);
      redirect_uri = CHORUS_MASTODON_OOB_REDIRECT_URI;
    }
  else
    {
      fail_run (task, error);
      return;
    }

  chorus_mastodon_exchange_code_async (self->http, self->server_url, self->app, code, self->verifier,
                                       redirect_uri, CHORUS_MASTODON_SCOPES, cancellable,
                                       on_code_exchanged_cb, g_steal_pointer (&task));
  _chorus_parse_wipe_free (code);
}

static void
on_run_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
ask_authorization (GTask *task)
{
  ChorusMastodonSignIn *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *challenge = chorus_mastodon_pkce_challenge (self->verifier);
  const char *redirect_uri = chorus_oauth_receiver_get_redirect_uri (self->receiver);
  char *url;
  char *manual_url;

  url = chorus_mastodon_build_authorize_url (self->server_url, self->app->client_id, redirect_uri,
                                             CHORUS_MASTODON_SCOPES, self->state, challenge);
  manual_url = chorus_mastodon_build_authorize_url (self->server_url, self->app->client_id,
                                                    CHORUS_MASTODON_OOB_REDIRECT_URI,
                                                    CHORUS_MASTODON_SCOPES, self->state, challenge);

  self->wait_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_run_cancelled_cb),
                                                self->wait_cancellable, NULL);

  self->waiting = TRUE;
  chorus_oauth_receiver_wait_async (self->receiver, self->wait_cancellable, on_code_received_cb,
                                    g_object_ref (task));

  /* Last: the caller opens the browser from here, or even pastes a code. */
  set_urls (self, url, manual_url);
}

static void
on_app_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!chorus_secrets_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          fail_run (task, error);
          return;
        }

      /* Without a keyring the next sign-in just registers again. */
      g_debug ("Could not keep the app registration: %s", error->message);
      g_clear_error (&error);
    }

  ask_authorization (task);
}

static void
on_app_registered_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusMastodonSignIn *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  char *json;

  if (!(self->app = chorus_mastodon_register_app_finish (CHORUS_HTTP (object), result, &error)))
    {
      fail_run (task, error);
      return;
    }

  json = dup_kept_app_json (self->app, chorus_oauth_receiver_get_redirect_uri (self->receiver));
  chorus_secrets_store_async (NETWORK, self->server_url, NULL, CHORUS_SECRET_KIND_CLIENT_SECRET, json,
                              cancellable, on_app_stored_cb, g_steal_pointer (&task));
  _chorus_parse_wipe_free (json);
}

static void
register_app (GTask *task)
{
  ChorusMastodonSignIn *self = g_task_get_source_object (task);

  g_clear_pointer (&self->app, chorus_mastodon_app_free);
  chorus_mastodon_register_app_async (self->http, self->server_url,
                                      chorus_oauth_receiver_get_redirect_uri (self->receiver),
                                      CHORUS_MASTODON_SCOPES, g_task_get_cancellable (task),
                                      on_app_registered_cb, task);
}

static void
on_app_checked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (chorus_mastodon_check_app_finish (CHORUS_HTTP (object), result, &error))
    ask_authorization (task);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      register_app (g_steal_pointer (&task));
    }
  else
    fail_run (task, error);
}

/* Listens on the kept registration's port when it is free, else on any. */
static gboolean
start_receiver (ChorusMastodonSignIn  *self,
                GError               **error)
{
  guint port = self->kept_redirect_uri != NULL ? get_loopback_port (self->kept_redirect_uri) : 0;

  self->receiver = chorus_oauth_receiver_new (self->host, self->state);

  if (port != 0 && chorus_oauth_receiver_listen (self->receiver, port, NULL))
    return TRUE;

  return chorus_oauth_receiver_listen (self->receiver, 0, error);
}

static void
on_kept_app_looked_up_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusMastodonSignIn *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  char *json;

  if ((json = chorus_secrets_lookup_finish (result, &error)))
    {
      read_kept_app (self, json);
      chorus_secrets_free (json);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail_run (task, error);
      return;
    }
  else
    {
      g_debug ("No app kept for %s: %s", self->host, error->message);
      g_clear_error (&error);
    }

  if (!start_receiver (self, &error))
    fail_run (task, error);
  else if (self->app != NULL)
    chorus_mastodon_check_app_async (self->http, self->server_url, self->app, cancellable,
                                     on_app_checked_cb, g_steal_pointer (&task));
  else
    register_app (g_steal_pointer (&task));
}

static void
chorus_mastodon_sign_in_dispose (GObject *object)
{
  ChorusMastodonSignIn *self = (ChorusMastodonSignIn *)object;

  g_clear_object (&self->receiver);
  g_clear_object (&self->wait_cancellable);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (chorus_mastodon_sign_in_parent_class)->dispose (object);
}

static void
chorus_mastodon_sign_in_finalize (GObject *object)
{
  ChorusMastodonSignIn *self = (ChorusMastodonSignIn *)object;

  g_free (self->server_url);
  g_free (self->host);
  g_free (self->authorize_url);
  g_free (self->manual_authorize_url);

  G_OBJECT_CLASS (chorus_mastodon_sign_in_parent_class)->finalize (object);
}

static void
chorus_mastodon_sign_in_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChorusMastodonSignIn *self = CHORUS_MASTODON_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_AUTHORIZE_URL:
      g_value_set_string (value, self->authorize_url);
      break;

    case PROP_MANUAL_AUTHORIZE_URL:
      g_value_set_string (value, self->manual_authorize_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_mastodon_sign_in_class_init (ChorusMastodonSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_mastodon_sign_in_dispose;
  object_class->finalize = chorus_mastodon_sign_in_finalize;
  object_class->get_property = chorus_mastodon_sign_in_get_property;

  /**
   * ChorusMastodonSignIn:authorize-url:
   *
   * The page to open in the browser, which sends it back to Chorus; set
   * while the run waits for it, %NULL otherwise.
   */
  properties[PROP_AUTHORIZE_URL] =
    g_param_spec_string ("authorize-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChorusMastodonSignIn:manual-authorize-url:
   *
   * The same page, but showing a code to paste into
   * chorus_mastodon_sign_in_submit_code(); set with #ChorusMastodonSignIn:authorize-url.
   */
  properties[PROP_MANUAL_AUTHORIZE_URL] =
    g_param_spec_string ("manual-authorize-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_mastodon_sign_in_init (ChorusMastodonSignIn *self)
{
}

/**
 * chorus_mastodon_sign_in_new:
 * @http: the #ChorusHttp to ask the server with
 * @server_url: the server, such as "https://mastodon.social"
 *
 * Returns: (transfer full): a sign-in, to start with
 *   chorus_mastodon_sign_in_run_async()
 */
ChorusMastodonSignIn *
chorus_mastodon_sign_in_new (ChorusHttp *http,
                             const char *server_url)
{
  ChorusMastodonSignIn *self;

  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_MASTODON_SIGN_IN, NULL);
  self->http = g_object_ref (http);
  self->server_url = g_strdup (server_url);
  self->host = chorus_http_dup_host (server_url);

  return self;
}

const char *
chorus_mastodon_sign_in_get_server_url (ChorusMastodonSignIn *self)
{
  g_return_val_if_fail (CHORUS_IS_MASTODON_SIGN_IN (self), NULL);

  return self->server_url;
}

const char *
chorus_mastodon_sign_in_get_authorize_url (ChorusMastodonSignIn *self)
{
  g_return_val_if_fail (CHORUS_IS_MASTODON_SIGN_IN (self), NULL);

  return self->authorize_url;
}

const char *
chorus_mastodon_sign_in_get_manual_authorize_url (ChorusMastodonSignIn *self)
{
  g_return_val_if_fail (CHORUS_IS_MASTODON_SIGN_IN (self), NULL);

  return self->manual_authorize_url;
}

/**
 * chorus_mastodon_sign_in_submit_code:
 * @self: a #ChorusMastodonSignIn
 * @text: what the person pasted from the manual authorization page
 * @error: a location for a #GError
 *
 * Goes on with the code the server showed, instead of waiting for the
 * browser. The message of an error never quotes @text.
 *
 * Returns: %TRUE when the code was taken; %FALSE with
 *   %G_IO_ERROR_INVALID_ARGUMENT when @text cannot be a code, or
 *   %G_IO_ERROR_PENDING when the sign-in is not waiting for one
 */
gboolean
chorus_mastodon_sign_in_submit_code (ChorusMastodonSignIn  *self,
                                     const char            *text,
                                     GError               **error)
{
  char *code;

  g_return_val_if_fail (CHORUS_IS_MASTODON_SIGN_IN (self), FALSE);

  if (!self->waiting)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("Chorus is not waiting for a sign-in code now."));
      return FALSE;
    }

  if (!(code = chorus_mastodon_check_pasted_code (text, error)))
    return FALSE;

  _chorus_parse_wipe_free (self->pasted_code);
  self->pasted_code = code;
  self->waiting = FALSE;
  g_cancellable_cancel (self->wait_cancellable);

  return TRUE;
}

/**
 * chorus_mastodon_sign_in_run_async:
 * @self: a #ChorusMastodonSignIn
 * @cancellable: (nullable): a #GCancellable; how long to wait for the
 *   person is the caller's business
 * @callback: called with the account and its token, or an error
 * @user_data: data for @callback
 *
 * Signs in, as the top of this file tells. Open
 * #ChorusMastodonSignIn:authorize-url in the browser when it is set.
 */
void
chorus_mastodon_sign_in_run_async (ChorusMastodonSignIn *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_MASTODON_SIGN_IN (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_mastodon_sign_in_run_async);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("Chorus is already signing in to this server."));
      return;
    }

  self->running = TRUE;
  self->verifier = chorus_mastodon_pkce_new_verifier ();
  self->state = chorus_mastodon_oauth_new_state ();

  chorus_secrets_lookup_async (NETWORK, self->server_url, NULL, CHORUS_SECRET_KIND_CLIENT_SECRET, NULL,
                               cancellable, on_kept_app_looked_up_cb, g_steal_pointer (&task));
}

/**
 * chorus_mastodon_sign_in_run_finish:
 * @self: a #ChorusMastodonSignIn
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Errors come from the steps: a person who declined gives
 * %G_IO_ERROR_PERMISSION_DENIED, as does a refused code or token.
 *
 * Returns: (transfer full): the account and its token, or %NULL with
 *   @error set
 */
ChorusMastodonSignInResult *
chorus_mastodon_sign_in_run_finish (ChorusMastodonSignIn  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chorus_mastodon_sign_in_result_free:
 * @result: (nullable): a result
 *
 * Frees @result, overwriting the token first.
 */
void
chorus_mastodon_sign_in_result_free (ChorusMastodonSignInResult *result)
{
  if (result == NULL)
    return;

  chorus_mastodon_account_free (result->account);
  chorus_mastodon_token_free (result->token);
  g_free (result);
}
