/* chorus-mastodon-auth-requests.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "chorus-error.h"
#include "chorus-mastodon-auth.h"
#include "chorus-mastodon-auth-private.h"
#include "chorus-parse-json-private.h"

/* What signing in asks the server: registering the app, checking a kept
 * registration, trading the code for a token, and who signed in. The
 * steps that need no server, and why the redirect URIs are what they are,
 * are in chorus-mastodon-auth.c. No error message and no log line here
 * ever holds a code, verifier, client secret or token; request bodies
 * that carry them are wiped when freed. */

#define FORM_CONTENT_TYPE "application/x-www-form-urlencoded"
#define MAX_OAUTH_ERROR 64

/* Turns a server's answer into a result, or an error. */
typedef gpointer (*ReadAnswer) (const char          *host,
                                ChorusHttpResponse  *response,
                                GError             **error);

/* One request in flight; the task's data. */
typedef struct
{
  char           *host;           /* names the server in messages */
  ReadAnswer      read_answer;
  GDestroyNotify  free_answer;
} Call;

static void
call_free (Call *call)
{
  g_free (call->host);
  g_free (call);
}

/* Requests */

static const char *
response_data (ChorusHttpResponse *response,
               gsize              *length)
{
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, length) : NULL;

  if (data == NULL)
    {
      *length = 0;
      return "";
    }

  return data;
}

/* The OAuth error code of an error answer (RFC 6749 §5.2), or NULL. */
static char *
dup_oauth_error (ChorusHttpResponse *response)
{
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  const char *code;
  gsize length;

  data = response_data (response, &length);
  root = _chorus_json_load (data, (gssize) length, NULL);
  code = _chorus_json_get_string (_chorus_json_object (root), "error");

  return _chorus_parse_is_identifier (code, "_", MAX_OAUTH_ERROR) ? g_strdup (code) : NULL;
}

/* The token endpoint answers 401, or invalid_client, only when it does not
 * know the client (RFC 6749 §5.2): the app was removed from the server. */
static gboolean
is_client_rejected (ChorusHttpResponse *response,
                    const char         *oauth_error)
{
  return response->status == 401 || g_strcmp0 (oauth_error, "invalid_client") == 0;
}

static GError *
new_client_rejected_error (const char *host)
{
  return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                      /* Translators: %s is a Mastodon server's name, such as mastodon.social. */
                      _("%s no longer knows Chorus as an app. Sign in again."), host);
}

static void
on_answered_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ChorusHttpResponse) response = NULL;
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer answer;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!(answer = call->read_answer (call->host, response, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, answer, call->free_answer);
}

/* GETs @path on @server_url, or POSTs @form there when it is not NULL;
 * @form is taken over, and wiped once sent. */
static void
start_call (ChorusHttp          *http,
            const char          *server_url,
            const char          *path,
            const char * const  *headers,
            char                *form,
            ReadAnswer           read_answer,
            GDestroyNotify       free_answer,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = NULL;
  Call *call;

  task = g_task_new (http, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  call = g_new0 (Call, 1);
  call->host = chorus_http_dup_host (server_url);
  call->read_answer = read_answer;
  call->free_answer = free_answer;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  url = _chorus_mastodon_dup_endpoint (server_url, path);

  if (form == NULL)
    {
      chorus_http_get_async (http, url, headers, cancellable, on_answered_cb, g_steal_pointer (&task));
      return;
    }

  body = g_bytes_new_with_free_func (form, strlen (form), (GDestroyNotify) _chorus_parse_wipe_free, form);
  chorus_http_post_async (http, url, headers, FORM_CONTENT_TYPE, body, cancellable,
                          on_answered_cb, g_steal_pointer (&task));
}

static gpointer
finish_call (ChorusHttp    *http,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, http), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Registering the app */

static gpointer
read_app (const char          *host,
          ChorusHttpResponse  *response,
          GError             **error)
{
  const char *data;
  gsize length;

  if (response->status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a Mastodon server's name, such as mastodon.social; %u an HTTP status
                    * code, such as 500. */
                   _("%s did not register Chorus as an app (HTTP %u)."), host, response->status);
      return NULL;
    }

  data = response_data (response, &length);
  return chorus_mastodon_parse_app (data, (gssize) length, error);
}

/**
 * chorus_mastodon_register_app_async:
 * @http: a #ChorusHttp
 * @server_url: the server
 * @loopback_redirect_uri: the loopback receiver's redirect URI,
 *   http://127.0.0.1:PORT/callback
 * @scopes: the scopes the app may ask for, such as %CHORUS_MASTODON_SCOPES
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the client credentials, or an error
 * @user_data: data for @callback
 *
 * Registers Chorus with the server (POST /api/v1/apps), with the loopback
 * redirect URI and %CHORUS_MASTODON_OOB_REDIRECT_URI, so that the same
 * registration serves both ways of signing in; see the top of this file
 * for how the port is handled. Keeping the credentials is the caller's job.
 */
void
chorus_mastodon_register_app_async (ChorusHttp          *http,
                                    const char          *server_url,
                                    const char          *loopback_redirect_uri,
                                    const char          *scopes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *redirect_uris = NULL;
  char *form;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL && loopback_redirect_uri != NULL && scopes != NULL);

  /* Mastodon takes several redirect URIs separated by newlines. */
  redirect_uris = g_strconcat (loopback_redirect_uri, "\n", CHORUS_MASTODON_OOB_REDIRECT_URI, NULL);
  form = soup_form_encode ("client_name", "Chorus",
                           "redirect_uris", redirect_uris,
                           "scopes", scopes,
                           NULL);

  start_call (http, server_url, "/api/v1/apps", NULL, form, read_app,
              (GDestroyNotify) chorus_mastodon_app_free, chorus_mastodon_register_app_async,
              cancellable, callback, user_data);
}

/**
 * chorus_mastodon_register_app_finish:
 *
 * Returns: (transfer full): the client credentials, or %NULL with @error set
 */
ChorusMastodonApp *
chorus_mastodon_register_app_finish (ChorusHttp    *http,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_call (http, result, chorus_mastodon_register_app_async, error);
}

/* Checking a kept registration */

static gpointer
read_check (const char          *host,
            ChorusHttpResponse  *response,
            GError             **error)
{
  g_autofree char *oauth_error = dup_oauth_error (response);

  if (is_client_rejected (response, oauth_error))
    {
      g_propagate_error (error, new_client_rejected_error (host));
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

/**
 * chorus_mastodon_check_app_async:
 * @http: a #ChorusHttp
 * @server_url: the server
 * @app: client credentials kept from an earlier registration
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Asks whether the server still knows @app, before a person is sent to
 * an authorization page that would fail in their browser. This is a
 * token request with a code that cannot exist: a server authenticates the
 * client before it looks at the code, so it answers invalid_client when
 * the app is gone and invalid_grant when it is not, and creates nothing.
 */
void
chorus_mastodon_check_app_async (ChorusHttp              *http,
                                 const char              *server_url,
                                 const ChorusMastodonApp *app,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autofree char *code = NULL;
  g_autofree char *verifier = NULL;
  char *form;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL && app != NULL);

  code = chorus_mastodon_oauth_new_state ();
  verifier = chorus_mastodon_pkce_new_verifier ();
  form = soup_form_encode ("grant_type", "authorization_code",
                           "code", code,
                           "client_id", app->client_id,
                           "client_secret", app->client_secret,
                           "redirect_uri", CHORUS_MASTODON_OOB_REDIRECT_URI,
                           "code_verifier", verifier,
                           NULL);

  start_call (http, server_url, "/oauth/token", NULL, form, read_check, NULL,
              chorus_mastodon_check_app_async, cancellable, callback, user_data);
}

/**
 * chorus_mastodon_check_app_finish:
 *
 * Returns: %TRUE when the server still knows the app; %FALSE with
 *   %G_IO_ERROR_NOT_FOUND when it does not (register again), or with
 *   another error when it could not be asked
 */
gboolean
chorus_mastodon_check_app_finish (ChorusHttp    *http,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_call (http, result, chorus_mastodon_check_app_async, error) != NULL;
}

/* Exchanging the code */

static gpointer
read_token (const char          *host,
            ChorusHttpResponse  *response,
            GError             **error)
{
  g_autofree char *oauth_error = NULL;
  const char *data;
  gsize length;

  if (response->status == 200)
    {
      data = response_data (response, &length);
      return chorus_mastodon_parse_token (data, (gssize) length, error);
    }

  oauth_error = dup_oauth_error (response);

  if (g_strcmp0 (oauth_error, "invalid_grant") == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 /* Translators: %s is a Mastodon server's name, such as mastodon.social. */
                 _("%s did not accept the sign-in code. Sign in again."), host);
  else if (is_client_rejected (response, oauth_error))
    g_propagate_error (error, new_client_rejected_error (host));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is a Mastodon server's name, such as mastodon.social; %u an HTTP status
                  * code, such as 500. */
                 _("%s did not give Chorus an access token (HTTP %u)."), host, response->status);

  return NULL;
}

/**
 * chorus_mastodon_exchange_code_async:
 * @http: a #ChorusHttp
 * @server_url: the server
 * @app: the client credentials
 * @code: the authorization code
 * @code_verifier: the PKCE verifier whose challenge went to the
 *   authorization page
 * @redirect_uri: the redirect URI given to the authorization page
 * @scopes: the scopes asked for there
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token, or an error
 * @user_data: data for @callback
 *
 * Trades the code for an access token (POST /oauth/token).
 */
void
chorus_mastodon_exchange_code_async (ChorusHttp              *http,
                                     const char              *server_url,
                                     const ChorusMastodonApp *app,
                                     const char              *code,
                                     const char              *code_verifier,
                                     const char              *redirect_uri,
                                     const char              *scopes,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  char *form;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL && app != NULL && code != NULL);
  g_return_if_fail (code_verifier != NULL && redirect_uri != NULL && scopes != NULL);

  form = soup_form_encode ("grant_type", "authorization_code",
                           "code", code,
                           "client_id", app->client_id,
                           "client_secret", app->client_secret,
                           "redirect_uri", redirect_uri,
                           "code_verifier", code_verifier,
                           "scope", scopes,
                           NULL);

  start_call (http, server_url, "/oauth/token", NULL, form, read_token,
              (GDestroyNotify) chorus_mastodon_token_free, chorus_mastodon_exchange_code_async,
              cancellable, callback, user_data);
}

/**
 * chorus_mastodon_exchange_code_finish:
 *
 * A code the server refuses (wrong verifier or redirect URI, used before,
 * expired) gives %G_IO_ERROR_PERMISSION_DENIED; an app the server no
 * longer knows gives %G_IO_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): the token, or %NULL with @error set
 */
ChorusMastodonToken *
chorus_mastodon_exchange_code_finish (ChorusHttp    *http,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_call (http, result, chorus_mastodon_exchange_code_async, error);
}

/* Who signed in */

static ChorusMastodonAccount *
parse_account (const char  *host,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ChorusMastodonAccount) account = NULL;
  JsonObject *object;

  if (!(root = _chorus_json_load (data, (gssize) length, error)))
    return NULL;

  object = _chorus_json_object (root);
  account = g_new0 (ChorusMastodonAccount, 1);
  account->id = _chorus_json_dup_id (object, "id");
  account->username = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "username"));
  account->acct = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "acct"));
  account->display_name = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "display_name"));

  if (account->username == NULL || account->acct == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   /* Translators: %s is a Mastodon server's name, such as mastodon.social. */
                   _("%s did not say which account signed in."), host);
      return NULL;
    }

  if (account->display_name == NULL)
    account->display_name = g_strdup (account->username);

  return g_steal_pointer (&account);
}

static gpointer
read_account (const char          *host,
              ChorusHttpResponse  *response,
              GError             **error)
{
  const char *data;
  gsize length;

  /* Until CHORUS_ERROR has a code for "sign in again", that is
   * G_IO_ERROR_PERMISSION_DENIED. */
  if (response->status == 401)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a Mastodon server's name, such as mastodon.social. */
                   _("%s no longer accepts Chorus’s sign-in. Sign in again."), host);
      return NULL;
    }

  if (response->status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a Mastodon server's name, such as mastodon.social; %u an HTTP status
                    * code, such as 500. */
                   _("%s did not say which account signed in (HTTP %u)."), host, response->status);
      return NULL;
    }

  data = response_data (response, &length);
  return parse_account (host, data, length, error);
}

/**
 * chorus_mastodon_verify_credentials_async:
 * @http: a #ChorusHttp
 * @server_url: the server
 * @access_token: a token from chorus_mastodon_exchange_code_finish()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the account, or an error
 * @user_data: data for @callback
 *
 * Asks which account @access_token belongs to
 * (GET /api/v1/accounts/verify_credentials).
 */
void
chorus_mastodon_verify_credentials_async (ChorusHttp          *http,
                                          const char          *server_url,
                                          const char          *access_token,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  const char *headers[] = { "Authorization", NULL, NULL };
  char *authorization;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL && access_token != NULL);

  headers[1] = authorization = g_strconcat ("Bearer ", access_token, NULL);
  start_call (http, server_url, "/api/v1/accounts/verify_credentials", headers, NULL,
              read_account, (GDestroyNotify) chorus_mastodon_account_free,
              chorus_mastodon_verify_credentials_async, cancellable, callback, user_data);

  /* ChorusHttp keeps its own copy of the headers. */
  _chorus_parse_wipe_free (authorization);
}

/**
 * chorus_mastodon_verify_credentials_finish:
 *
 * A token the server refuses gives %G_IO_ERROR_PERMISSION_DENIED.
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
ChorusMastodonAccount *
chorus_mastodon_verify_credentials_finish (ChorusHttp    *http,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_call (http, result, chorus_mastodon_verify_credentials_async, error);
}

/**
 * chorus_mastodon_account_free:
 * @account: (nullable): an account
 */
void
chorus_mastodon_account_free (ChorusMastodonAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->id);
  g_free (account->username);
  g_free (account->acct);
  g_free (account->display_name);
  g_free (account);
}
