/* chorus-mastodon-auth.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "chorus-error.h"
#include "chorus-mastodon-auth.h"
#include "chorus-parse-json-private.h"

/* The steps of signing in to a Mastodon-API server as a desktop app:
 * OAuth 2 authorization code with PKCE (RFC 7636), the browser sent back
 * to a loopback receiver (RFC 8252 §7.3) or, as a fallback, the server
 * showing a code to paste (the out-of-band redirect URI).
 *
 * Which redirect URIs are registered: one registration per instance, with
 * two redirect URIs, the loopback http://127.0.0.1:PORT/callback on the
 * port the receiver had when the app was registered, and the out-of-band
 * urn:ietf:wg:oauth:2.0:oob. Later sign-ins ask the receiver for that same
 * port again and take any free one when it is busy. Mastodon's OAuth
 * library (Doorkeeper) ignores the port when both the registered and the
 * requested redirect URI are loopback IP literals, as RFC 8252 §7.3 asks,
 * so there any port works; servers that compare redirect URIs exactly
 * still work whenever the registered port is free, and the pasted code is
 * the way in when it is not. So neither a fixed port that may be taken nor
 * a registration per sign-in (which piles up apps on the server) is needed.
 *
 * No error message and no log line here ever holds a code, verifier,
 * client secret or token; request bodies that carry them are wiped when
 * freed. */

#define FORM_CONTENT_TYPE "application/x-www-form-urlencoded"
#define MAX_OAUTH_ERROR 64

/* The RFC 7636 unreserved characters, 66 of them. */
static const char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

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

/* Random bytes */

/* Fills @buffer from the kernel's CSPRNG, never from g_random: getrandom(2),
 * or /dev/urandom where a sandbox refuses that. */
static void
fill_random (guint8 *buffer,
             gsize   length)
{
  gsize done = 0;
  int fd = -1;

  while (done < length)
    {
      ssize_t n = fd < 0 ? getrandom (buffer + done, length - done, 0) : read (fd, buffer + done, length - done);

      if (n > 0)
        done += (gsize) n;
      else if (n < 0 && errno == EINTR)
        continue;
      else if (fd < 0 && (fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC)) >= 0)
        continue;
      else
        g_error ("No secure source of random numbers; Chorus cannot sign in safely");
    }

  if (fd >= 0)
    close (fd);
}

/* @length characters drawn evenly from the unreserved set: bytes at or
 * above 3 × 66 are dropped so that no character is likelier than another. */
static char *
dup_random_unreserved (gsize length)
{
  const guint alphabet = sizeof unreserved - 1;
  char *text = g_malloc (length + 1);
  guint8 bytes[64];
  gsize n = 0;

  while (n < length)
    {
      fill_random (bytes, sizeof bytes);
      for (gsize i = 0; i < sizeof bytes && n < length; i++)
        if (bytes[i] < (256 / alphabet) * alphabet)
          text[n++] = unreserved[bytes[i] % alphabet];
    }

  explicit_bzero (bytes, sizeof bytes);
  text[length] = '\0';
  return text;
}

/**
 * chorus_mastodon_pkce_new_verifier:
 *
 * Returns: (transfer full): a PKCE code verifier of
 *   %CHORUS_MASTODON_PKCE_VERIFIER_LENGTH unreserved characters from the
 *   kernel's secure random source
 */
char *
chorus_mastodon_pkce_new_verifier (void)
{
  return dup_random_unreserved (CHORUS_MASTODON_PKCE_VERIFIER_LENGTH);
}

/**
 * chorus_mastodon_oauth_new_state:
 *
 * Returns: (transfer full): a random OAuth `state`, which ties the browser's
 *   return to the sign-in that sent it away
 */
char *
chorus_mastodon_oauth_new_state (void)
{
  return dup_random_unreserved (CHORUS_MASTODON_STATE_LENGTH);
}

/**
 * chorus_mastodon_pkce_challenge:
 * @verifier: a code verifier
 *
 * Returns: (transfer full): the S256 code challenge of @verifier: base64url
 *   without padding of its SHA-256
 */
char *
chorus_mastodon_pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  char *challenge;

  g_return_val_if_fail (verifier != NULL, NULL);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);

  challenge = g_base64_encode (digest, length);
  g_strdelimit (challenge, "+", '-');
  g_strdelimit (challenge, "/", '_');
  challenge[strcspn (challenge, "=")] = '\0';

  return challenge;
}

/* URLs and codes */

/* @path on @server_url, with or without a slash at its end. */
static char *
dup_endpoint (const char *server_url,
              const char *path)
{
  gsize length = strlen (server_url);

  while (length > 0 && server_url[length - 1] == '/')
    length--;

  return g_strdup_printf ("%.*s%s", (int) length, server_url, path);
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_string_append_c (url, '&');
  g_string_append (url, name);
  g_string_append_c (url, '=');
  g_string_append_uri_escaped (url, value, NULL, FALSE);
}

/**
 * chorus_mastodon_build_authorize_url:
 * @server_url: the server
 * @client_id: the app's client id
 * @redirect_uri: a loopback redirect URI, or
 *   %CHORUS_MASTODON_OOB_REDIRECT_URI; registered with the app
 * @scopes: space-separated, such as %CHORUS_MASTODON_SCOPES
 * @state: from chorus_mastodon_oauth_new_state()
 * @code_challenge: from chorus_mastodon_pkce_challenge()
 *
 * Returns: (transfer full): the page where the person allows Chorus in,
 *   to open in their browser
 */
char *
chorus_mastodon_build_authorize_url (const char *server_url,
                                     const char *client_id,
                                     const char *redirect_uri,
                                     const char *scopes,
                                     const char *state,
                                     const char *code_challenge)
{
  g_autofree char *endpoint = NULL;
  GString *url;

  g_return_val_if_fail (server_url != NULL, NULL);
  g_return_val_if_fail (client_id != NULL && redirect_uri != NULL && scopes != NULL, NULL);
  g_return_val_if_fail (state != NULL && code_challenge != NULL, NULL);

  endpoint = dup_endpoint (server_url, "/oauth/authorize");
  url = g_string_new (endpoint);
  g_string_append (url, "?response_type=code");
  append_param (url, "client_id", client_id);
  append_param (url, "redirect_uri", redirect_uri);
  append_param (url, "scope", scopes);
  append_param (url, "state", state);
  append_param (url, "code_challenge", code_challenge);
  append_param (url, "code_challenge_method", "S256");

  return g_string_free (url, FALSE);
}

static gboolean
check_code_text (const char  *code,
                 GError     **error)
{
  const char *problem = NULL;

  if (*code == '\0')
    problem = _("Paste the code the server showed after you allowed Chorus in.");
  else if (strlen (code) > CHORUS_MASTODON_MAX_CODE_LENGTH)
    problem = _("This is too long to be a sign-in code. Copy only the code the server showed.");

  for (const char *p = code; problem == NULL && *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p > '~')
      problem = _("This is not a sign-in code: a code has only letters, digits and punctuation, "
                  "without spaces. Copy only the code the server showed.");

  if (problem != NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, problem);

  return problem == NULL;
}

/**
 * chorus_mastodon_check_pasted_code:
 * @text: (nullable): what the person pasted
 * @error: a location for a #GError
 *
 * Trims @text and checks that it can be an authorization code: not empty,
 * printable ASCII without spaces, at most %CHORUS_MASTODON_MAX_CODE_LENGTH
 * characters. The message never quotes @text.
 *
 * Returns: (transfer full) (nullable): the code, to free with g_free(), or
 *   %NULL with @error set (%G_IO_ERROR_INVALID_ARGUMENT)
 */
char *
chorus_mastodon_check_pasted_code (const char  *text,
                                   GError     **error)
{
  char *code = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!check_code_text (code, error))
    {
      _chorus_parse_wipe_free (code);
      return NULL;
    }

  return code;
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

  url = dup_endpoint (server_url, path);

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
