/* chorus-bluesky-session.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-session.h"
#include "chorus-error.h"
#include "chorus-parse-json-private.h"
#include "chorus-secrets.h"

/* Signing a Bluesky account in. Sessions are opened on server_url;
 * reading goes to the account's own server (PDS), named by the session or
 * found from the handle: its DID, then the DID document (plc.directory, or
 * the host's did.json).
 *
 * Sessions: createSession allows 30 calls in 5 minutes and 300 a day, so
 * the app password opens a session once. Its refresh token is kept, in the
 * keyring and in this process (for when there is no keyring), and every
 * sync renews the session with it, keeping the new token it gets back.
 * Only without a kept token, or when the server refuses it, does the app
 * password open a new session.
 *
 * Each operation is a GTask whose data is the login, which its caller
 * keeps until the operation is done. */

#define NETWORK               "bluesky"
#define DEFAULT_PLC_DIRECTORY "https://plc.directory"

struct _ChorusBlueskyLogin
{
  ChorusHttp           *http;
  ChorusSource         *source;
  char                 *base;         /* server_url without a trailing slash: sessions live there */
  char                 *did;          /* the handle's, once resolved */
  char                 *pds;          /* from the DID document, then the one chosen to read from */
  char                 *refresh;      /* a kept refresh token, wiped when freed */
  ChorusBlueskySession *session;
};

/* Refresh tokens this process was given, by "server_url\naccount": the
 * newest, whether or not the keyring could keep them. */
G_LOCK_DEFINE_STATIC (kept_sessions);
static GHashTable *kept_sessions;

static void find_session (GTask *task);

static char *
dup_without_slash (const char *url)
{
  char *base = g_strstrip (g_strdup (url));

  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  return base;
}

static GTask *
login_task_new (ChorusBlueskyLogin  *self,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, self, NULL);
  /* Cancelling is checked between the steps below; what a step already
   * got stands. */
  g_task_set_check_cancellable (task, FALSE);

  return task;
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Kept sessions */

static char *
dup_session_key (ChorusSource *source)
{
  return g_strconcat (chorus_source_get_server_url (source), "\n", chorus_source_get_account (source), NULL);
}

static char *
dup_kept_refresh (ChorusSource *source)
{
  g_autofree char *key = dup_session_key (source);
  char *token;

  G_LOCK (kept_sessions);
  token = kept_sessions != NULL ? g_strdup (g_hash_table_lookup (kept_sessions, key)) : NULL;
  G_UNLOCK (kept_sessions);

  return token;
}

/* Keeps @token for the next sync, or forgets the kept one when NULL. */
static void
keep_refresh (ChorusSource *source,
              const char   *token)
{
  g_autofree char *key = dup_session_key (source);

  G_LOCK (kept_sessions);
  if (kept_sessions == NULL)
    kept_sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) _chorus_parse_wipe_free);
  if (token != NULL)
    g_hash_table_replace (kept_sessions, g_steal_pointer (&key), g_strdup (token));
  else
    g_hash_table_remove (kept_sessions, key);
  G_UNLOCK (kept_sessions);
}

/* XRPC */

/* The error name of an XRPC error answer, "ExpiredToken" for instance. */
static char *
dup_xrpc_error (ChorusHttpResponse *response)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = NULL;
  const char *name;

  if (length == 0 || !(root = _chorus_json_load (body, (gssize) length, NULL)))
    return NULL;

  name = _chorus_json_get_string (_chorus_json_object (root), "error");

  return _chorus_parse_is_identifier (name, "._-", 128) ? g_strdup (name) : NULL;
}

static void
call_xrpc (GTask               *task,
           const char          *base,
           const char          *path,
           const char          *bearer,
           GBytes              *body,
           GAsyncReadyCallback  callback)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autofree char *url = g_strconcat (base, "/xrpc/", path, NULL);
  g_autofree char *authorization = bearer != NULL ? g_strconcat ("Bearer ", bearer, NULL) : NULL;
  const char *headers[] = { "Authorization", authorization, NULL };

  if (body == NULL)
    chorus_http_get_async (self->http, url, bearer != NULL ? headers : NULL, g_task_get_cancellable (task),
                           callback, task);
  else
    chorus_http_post_async (self->http, url, bearer != NULL ? headers : NULL, "application/json", body,
                            g_task_get_cancellable (task), callback, task);

  if (authorization != NULL)
    explicit_bzero (authorization, strlen (authorization));
}

static GError *
new_session_error (ChorusBlueskyLogin *self,
                   guint               status)
{
  g_autofree char *host = chorus_http_dup_host (self->base);

  /* Translators: the first %s is a server, the second a Bluesky handle,
   * %u an HTTP status code. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s did not open a session for @%s (HTTP %u)."),
                      host, chorus_source_get_account (self->source), status);
}

/* Identity: handle → DID → DID document → PDS. Any step that fails leaves
 * the PDS to the session or to server_url, so it is only logged. */

static char *
dup_did_document_url (const char *did)
{
  const char *directory = g_getenv ("CHORUS_PLC_DIRECTORY");
  g_autofree char *host = NULL;

  if (g_str_has_prefix (did, "did:plc:"))
    {
      g_autofree char *escaped = g_uri_escape_string (did, ":", FALSE);

      if (directory == NULL || *directory == '\0')
        directory = DEFAULT_PLC_DIRECTORY;
      return g_strconcat (directory, g_str_has_suffix (directory, "/") ? "" : "/", escaped, NULL);
    }

  /* did:web names a host, its port percent-encoded; never a path. */
  if (!g_str_has_prefix (did, "did:web:") || strchr (did + strlen ("did:web:"), ':') != NULL ||
      !(host = g_uri_unescape_string (did + strlen ("did:web:"), "/?#@")) || *host == '\0')
    return NULL;

  return g_strconcat ("https://", host, "/.well-known/did.json", NULL);
}

/* What a 200 answer says, or NULL (logged) for any other answer. */
static char *
read_identity_answer (GObject       *object,
                      GAsyncResult  *result,
                      char        *(*parse) (const char *, gssize, GError **),
                      const char    *what)
{
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  char *value = NULL;
  const char *body;
  gsize length;

  response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error);
  if (response != NULL && response->status == 200)
    {
      body = chorus_http_response_get_body (response, &length);
      value = parse (body, (gssize) length, &error);
    }

  if (value == NULL)
    g_debug ("No %s: %s (HTTP %u)", what, error != NULL ? error->message : "refused",
             response != NULL ? response->status : 0);

  return value;
}

static void
on_did_document_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  ChorusBlueskyLogin *self = g_task_get_task_data (task);

  self->pds = read_identity_answer (object, result, chorus_bluesky_parse_did_document, "DID document");
  find_session (task);
}

static void
fetch_did_document (GTask *task)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autofree char *url = self->did != NULL ? dup_did_document_url (self->did) : NULL;

  if (url == NULL)
    find_session (task);
  else
    chorus_http_get_async (self->http, url, NULL, g_task_get_cancellable (task), on_did_document_cb, task);
}

static void
on_handle_resolved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  ChorusBlueskyLogin *self = g_task_get_task_data (task);

  self->did = read_identity_answer (object, result, chorus_bluesky_parse_resolve_handle, "handle's DID");
  fetch_did_document (task);
}

static void
resolve_identity (GTask *task)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  const char *account = chorus_source_get_account (self->source);
  g_autofree char *escaped = g_uri_escape_string (account, NULL, FALSE);
  g_autofree char *path = g_strconcat ("com.atproto.identity.resolveHandle?handle=", escaped, NULL);

  call_xrpc (task, self->base, path, NULL, NULL, on_handle_resolved_cb);
}

/* The session's own DID document wins; the resolved one only counts when
 * it is the signed-in account's. */
static void
choose_pds (ChorusBlueskyLogin *self)
{
  const char *pds = self->session->pds_endpoint;
  char *chosen;

  if (pds == NULL && self->pds != NULL && g_strcmp0 (self->did, self->session->did) == 0)
    pds = self->pds;

  chosen = dup_without_slash (pds != NULL ? pds : self->base);
  g_free (self->pds);
  self->pds = chosen;
}

/* Sessions */

static void
on_refresh_kept_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  /* Without a keyring this process still keeps it; the next run signs in. */
  if (!chorus_secrets_store_finish (result, &error))
    g_debug ("The Bluesky session is not in the keyring: %s", error->message);

  if (!g_task_return_error_if_cancelled (task))
    {
      choose_pds (g_task_get_task_data (task));
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

/* Takes the session a createSession or refreshSession answer opened. */
static void
keep_session (GTask              *task,
              ChorusHttpResponse *response)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  GError *error = NULL;
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  ChorusBlueskySession *session = chorus_bluesky_parse_session (body, (gssize) length, &error);

  if (session == NULL)
    {
      return_error (task, error);
      return;
    }

  g_clear_pointer (&self->session, chorus_bluesky_session_free);
  self->session = session;
  keep_refresh (self->source, session->refresh_jwt);
  chorus_secrets_store_async (NETWORK, chorus_source_get_server_url (self->source),
                              chorus_source_get_account (self->source), CHORUS_SECRET_KIND_REFRESH_TOKEN,
                              session->refresh_jwt, g_task_get_cancellable (task), on_refresh_kept_cb, task);
}

static GError *
new_refused_error (ChorusBlueskyLogin *self,
                   ChorusHttpResponse *response)
{
  const char *account = chorus_source_get_account (self->source);
  g_autofree char *name = dup_xrpc_error (response);

  if (g_strcmp0 (name, "AuthFactorTokenRequired") == 0)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        /* Translators: %s is a Bluesky handle, such as alice.bsky.social; “App Passwords” is
                         * the name of Bluesky's settings section. */
                        _("Bluesky asks for a confirmation code to sign in as @%s. Sign in with an app "
                          "password instead: make one in Bluesky’s settings under App Passwords."),
                        account);

  if (response->status == 401 || g_strcmp0 (name, "AuthenticationRequired") == 0)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        /* Translators: %s is a Bluesky handle, such as alice.bsky.social; “App Passwords” is
                         * the name of Bluesky's settings section. */
                        _("Bluesky did not accept the app password for @%s. Make a new one in Bluesky’s "
                          "settings under App Passwords, then sign in again."),
                        account);

  g_debug ("createSession answered %u %s", response->status, name != NULL ? name : "");
  return new_session_error (self, response->status);
}

static void
on_session_created_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    return_error (task, error);
  else if (response->status != 200)
    return_error (task, new_refused_error (self, response));
  else
    keep_session (task, response);
}

static GBytes *
new_sign_in_body (const char *identifier,
                  const char *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, identifier);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return g_bytes_new_with_free_func (text, strlen (text), (GDestroyNotify) _chorus_parse_wipe_free, text);
}

static void
on_app_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  char *password;

  if (!(password = chorus_secrets_lookup_finish (result, &error)))
    {
      if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        return_error (task, g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, error->message));
      else
        return_error (task, g_steal_pointer (&error));
      return;
    }

  body = new_sign_in_body (chorus_source_get_account (self->source), password);
  chorus_secrets_free (password);
  call_xrpc (task, self->base, "com.atproto.server.createSession", NULL, body, on_session_created_cb);
}

/* The one call that counts against createSession's limits. */
static void
open_session (GTask *task)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);

  chorus_secrets_lookup_async (NETWORK, chorus_source_get_server_url (self->source),
                               chorus_source_get_account (self->source), CHORUS_SECRET_KIND_APP_PASSWORD,
                               chorus_source_get_secret_env (self->source), g_task_get_cancellable (task),
                               on_app_password_cb, task);
}

static void
on_session_refreshed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    return_error (task, error);
  else if (response->status == 400 || response->status == 401)
    {
      /* Expired or revoked: forget it, and sign in again. */
      name = dup_xrpc_error (response);
      g_debug ("The kept Bluesky session ended (%s); signing in again", name != NULL ? name : "no reason");
      keep_refresh (self->source, NULL);
      open_session (task);
    }
  else if (response->status != 200)
    return_error (task, new_session_error (self, response->status));
  else
    keep_session (task, response);
}

static void
refresh_session (GTask *task)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);

  /* A POST without input, but ChorusHttp posts a body: an empty one. */
  call_xrpc (task, self->base, "com.atproto.server.refreshSession", self->refresh, nothing,
             on_session_refreshed_cb);
}

static void
on_refresh_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  ChorusBlueskyLogin *self = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  if ((token = chorus_secrets_lookup_finish (result, &error)))
    {
      self->refresh = _chorus_parse_dup_secret (token);
      chorus_secrets_free (token);
    }
  else if (!g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
    g_debug ("No Bluesky session from the keyring: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else if (self->refresh != NULL)
    refresh_session (task);
  else
    open_session (task);
}

static void
find_session (GTask *task)
{
  ChorusBlueskyLogin *self = g_task_get_task_data (task);

  if ((self->refresh = dup_kept_refresh (self->source)))
    {
      refresh_session (task);
      return;
    }

  chorus_secrets_lookup_async (NETWORK, chorus_source_get_server_url (self->source),
                               chorus_source_get_account (self->source), CHORUS_SECRET_KIND_REFRESH_TOKEN,
                               NULL, g_task_get_cancellable (task), on_refresh_found_cb, task);
}

static void
on_session_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autofree char *name = NULL;
  gboolean ended;

  response = chorus_http_get_finish (CHORUS_HTTP (object), result, NULL);
  if (response != NULL && response->status != 200)
    name = dup_xrpc_error (response);

  ended = g_strcmp0 (name, "ExpiredToken") == 0 || g_strcmp0 (name, "InvalidToken") == 0;
  if (ended)
    g_debug ("The Bluesky session ended during the sync (%s); renewing it", name);

  g_task_return_boolean (task, ended);
  g_object_unref (task);
}

static gboolean
propagate_boolean (GAsyncResult  *result,
                   gpointer       source_tag,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Public API */

/* A login for @source, whose account is a handle or a DID; not signed in
 * yet. */
ChorusBlueskyLogin *
chorus_bluesky_login_new (ChorusHttp   *http,
                          ChorusSource *source)
{
  ChorusBlueskyLogin *self;

  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);
  g_return_val_if_fail (CHORUS_IS_SOURCE (source), NULL);

  self = g_new0 (ChorusBlueskyLogin, 1);
  self->http = g_object_ref (http);
  self->source = g_object_ref (source);
  self->base = dup_without_slash (chorus_source_get_server_url (source));

  return self;
}

void
chorus_bluesky_login_free (ChorusBlueskyLogin *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->http);
  g_clear_object (&self->source);
  g_free (self->base);
  g_free (self->did);
  g_free (self->pds);
  _chorus_parse_wipe_free (self->refresh);
  g_clear_pointer (&self->session, chorus_bluesky_session_free);
  g_free (self);
}

/* Where the signed-in account reads, without a trailing slash. */
const char *
chorus_bluesky_login_get_pds (ChorusBlueskyLogin *self)
{
  g_return_val_if_fail (self != NULL && self->session != NULL, NULL);

  return self->pds;
}

/* The DID of the account signed in, as the session answer named it; the
 * repo a record is written to. */
const char *
chorus_bluesky_login_get_did (ChorusBlueskyLogin *self)
{
  g_return_val_if_fail (self != NULL && self->session != NULL, NULL);

  return self->session->did;
}

/* The session's access token, for "Authorization: Bearer". */
const char *
chorus_bluesky_login_get_access_token (ChorusBlueskyLogin *self)
{
  g_return_val_if_fail (self != NULL && self->session != NULL, NULL);

  return self->session->access_jwt;
}

/* Signs in. The first time, finds the account's PDS, then renews the kept
 * session or, without one, opens a session with the app password (from the
 * keyring, or from the source's secret variable). Once signed in, renews
 * the session it has, for when chorus_bluesky_login_check_async() says it
 * ended. @self must outlive the call. */
void
chorus_bluesky_login_open_async (ChorusBlueskyLogin  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const char *account;
  GTask *task;

  g_return_if_fail (self != NULL);
  g_return_if_fail (chorus_source_get_account (self->source) != NULL);

  task = login_task_new (self, chorus_bluesky_login_open_async, cancellable, callback, user_data);
  account = chorus_source_get_account (self->source);

  if (self->session != NULL)
    {
      _chorus_parse_wipe_free (self->refresh);
      self->refresh = g_strdup (self->session->refresh_jwt);
      refresh_session (task);
    }
  else if (g_str_has_prefix (account, "did:"))
    {
      self->did = g_strdup (account);
      fetch_did_document (task);
    }
  else
    resolve_identity (task);
}

gboolean
chorus_bluesky_login_open_finish (ChorusBlueskyLogin  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  return propagate_boolean (result, chorus_bluesky_login_open_async, error);
}

/* Asks the PDS whether the session ended (com.atproto.server.getSession),
 * when a request failed without saying why. */
void
chorus_bluesky_login_check_async (ChorusBlueskyLogin  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (self != NULL && self->session != NULL);

  task = login_task_new (self, chorus_bluesky_login_check_async, cancellable, callback, user_data);
  call_xrpc (task, self->pds, "com.atproto.server.getSession", self->session->access_jwt, NULL,
             on_session_checked_cb);
}

/* TRUE when the server said the session expired or is invalid; FALSE for
 * any other answer, or none. */
gboolean
chorus_bluesky_login_check_finish (ChorusBlueskyLogin *self,
                                   GAsyncResult       *result)
{
  return propagate_boolean (result, chorus_bluesky_login_check_async, NULL);
}
