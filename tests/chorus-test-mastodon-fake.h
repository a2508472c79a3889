/* chorus-test-mastodon-fake.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-mastodon-auth and test-mastodon-sign-in share: a fake
 * Mastodon OAuth server in the test process, and a SoupSession playing the
 * browser. The fake does what Doorkeeper (Mastodon's OAuth library) does:
 * it ignores the port of loopback redirect URIs, checks the PKCE verifier
 * and the redirect URI at token time, and takes a code only once, on a
 * successful exchange. Header-only, since each test program is built from
 * its own file and chorus-test-util.c. */

#pragma once

#include <string.h>

#include <libsoup/soup.h>

#include "chorus-http.h"
#include "chorus-mastodon-auth.h"
#include "chorus-test-util.h"

/* The fake server */

typedef struct
{
  SoupServer *server;
  char       *url;
  GHashTable *apps;         /* client id → client secret */
  GHashTable *redirects;    /* client id → registered redirect URIs */
  GHashTable *grants;       /* code → "client-id redirect-uri challenge" */
  GHashTable *tokens;       /* access token → username */
  GPtrArray  *secrets;      /* all it handed out that must stay out of messages */
  guint       registrations;
  gboolean    deny;
} Fake;

G_GNUC_UNUSED static char *
fake_new_secret (Fake       *fake,
                 const char *prefix)
{
  g_autofree char *random = chorus_mastodon_oauth_new_state ();
  char *secret = g_strconcat (prefix, random, NULL);

  g_ptr_array_add (fake->secrets, g_strdup (secret));
  return secret;
}

G_GNUC_UNUSED static void
fake_reply (SoupServerMessage *message,
            guint              status,
            const char        *content_type,
            char              *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_TAKE, body, strlen (body));
}

G_GNUC_UNUSED static void
fake_reply_oauth_error (SoupServerMessage *message,
                        guint              status,
                        const char        *error)
{
  fake_reply (message, status, "application/json",
              g_strdup_printf ("{\"error\":\"%s\",\"error_description\":\"Nope.\"}", error));
}

G_GNUC_UNUSED static GHashTable *
fake_read_form (SoupServerMessage *message)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (message));
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpstr (soup_message_headers_get_content_type (soup_server_message_get_request_headers (message), NULL),
                   ==, "application/x-www-form-urlencoded");
  return soup_form_decode (text);
}

/* As Doorkeeper: the port of a loopback IP redirect URI may differ. */
G_GNUC_UNUSED static gboolean
fake_redirect_matches (const char *registered,
                       const char *given)
{
  g_autoptr(GUri) a = g_uri_parse (registered, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) b = g_uri_parse (given, G_URI_FLAGS_NONE, NULL);

  if (g_strcmp0 (registered, given) == 0)
    return TRUE;

  return a != NULL && b != NULL && g_strcmp0 (g_uri_get_host (a), "127.0.0.1") == 0 &&
         g_strcmp0 (g_uri_get_host (b), "127.0.0.1") == 0 &&
         g_strcmp0 (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_strcmp0 (g_uri_get_path (a), g_uri_get_path (b)) == 0 && g_uri_get_query (b) == NULL;
}

G_GNUC_UNUSED static gboolean
fake_is_registered (Fake       *fake,
                    const char *client_id,
                    const char *redirect_uri)
{
  const char *registered = g_hash_table_lookup (fake->redirects, client_id ? client_id : "");
  g_auto(GStrv) uris = g_strsplit (registered ? registered : "", "\n", -1);

  for (guint i = 0; uris[i] != NULL; i++)
    if (redirect_uri != NULL && fake_redirect_matches (uris[i], redirect_uri))
      return TRUE;

  return FALSE;
}

G_GNUC_UNUSED static void
fake_serve_apps (Fake              *fake,
                 SoupServerMessage *message)
{
  g_autoptr(GHashTable) form = fake_read_form (message);
  const char *uris = g_hash_table_lookup (form, "redirect_uris");
  g_autofree char *client_id = g_strdup_printf ("client-%u", ++fake->registrations);
  char *secret;

  g_assert_cmpstr (g_hash_table_lookup (form, "client_name"), ==, "Chorus");
  g_assert_cmpstr (g_hash_table_lookup (form, "scopes"), ==, CHORUS_MASTODON_SCOPES);
  g_assert_true (g_str_has_prefix (uris, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (uris, "/callback\n" CHORUS_MASTODON_OOB_REDIRECT_URI));

  secret = fake_new_secret (fake, "secret-");
  g_hash_table_insert (fake->apps, g_strdup (client_id), secret);
  g_hash_table_insert (fake->redirects, g_strdup (client_id), g_strdup (uris));
  fake_reply (message, 200, "application/json",
              g_strdup_printf ("{\"id\":\"7\",\"name\":\"Chorus\",\"website\":null,\"redirect_uri\":\"x\","
                               "\"client_id\":\"%s\",\"client_secret\":\"%s\"}", client_id, secret));
}

G_GNUC_UNUSED static void
fake_serve_authorize (Fake              *fake,
                      SoupServerMessage *message,
                      GHashTable        *query)
{
  const char *redirect_uri = g_hash_table_lookup (query, "redirect_uri");
  const char *client_id = g_hash_table_lookup (query, "client_id");
  g_autofree char *state = g_uri_escape_string (g_hash_table_lookup (query, "state"), NULL, FALSE);
  g_autofree char *code = NULL;
  g_autofree char *location = NULL;

  g_assert_cmpstr (g_hash_table_lookup (query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (query, "scope"), ==, CHORUS_MASTODON_SCOPES);
  if (!fake_is_registered (fake, client_id, redirect_uri))
    {
      fake_reply (message, 400, "text/plain", g_strdup ("unknown client or redirect URI"));
      return;
    }

  if (fake->deny)
    {
      location = g_strdup_printf ("%s?error=access_denied&state=%s", redirect_uri, state);
      soup_server_message_set_redirect (message, 302, location);
      return;
    }

  code = fake_new_secret (fake, "code-");
  g_hash_table_insert (fake->grants, g_strdup (code),
                       g_strjoin (" ", client_id, redirect_uri, g_hash_table_lookup (query, "code_challenge"), NULL));

  if (g_str_equal (redirect_uri, CHORUS_MASTODON_OOB_REDIRECT_URI))
    fake_reply (message, 200, "text/plain", g_steal_pointer (&code));
  else
    {
      location = g_strdup_printf ("%s?code=%s&state=%s", redirect_uri, code, state);
      soup_server_message_set_redirect (message, 302, location);
    }
}

G_GNUC_UNUSED static void
fake_serve_token (Fake              *fake,
                  SoupServerMessage *message)
{
  g_autoptr(GHashTable) form = fake_read_form (message);
  const char *client_id = g_hash_table_lookup (form, "client_id");
  const char *code = g_hash_table_lookup (form, "code");
  const char *grant = code != NULL ? g_hash_table_lookup (fake->grants, code) : NULL;
  g_auto(GStrv) parts = g_strsplit (grant ? grant : "- - -", " ", 3);
  const char *verifier = g_hash_table_lookup (form, "code_verifier");
  g_autofree char *challenge = chorus_mastodon_pkce_challenge (verifier != NULL ? verifier : "");
  char *token;

  g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "authorization_code");
  if (client_id == NULL ||
      g_strcmp0 (g_hash_table_lookup (fake->apps, client_id), g_hash_table_lookup (form, "client_secret")) != 0)
    {
      fake_reply_oauth_error (message, 401, "invalid_client");
      return;
    }

  /* Only a successful exchange uses the code up, as in Doorkeeper. */
  if (g_strcmp0 (parts[0], client_id) != 0 || g_strcmp0 (parts[1], g_hash_table_lookup (form, "redirect_uri")) != 0 ||
      g_strcmp0 (parts[2], challenge) != 0)
    {
      fake_reply_oauth_error (message, 400, "invalid_grant");
      return;
    }

  g_assert_cmpstr (g_hash_table_lookup (form, "scope"), ==, CHORUS_MASTODON_SCOPES);
  g_hash_table_remove (fake->grants, code);
  token = fake_new_secret (fake, "token-");
  g_hash_table_insert (fake->tokens, g_strdup (token), g_strdup ("alice"));
  fake_reply (message, 200, "application/json",
              g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"scope\":\"%s\","
                               "\"created_at\":1700000000}", token, CHORUS_MASTODON_SCOPES));
  g_free (token);
}

G_GNUC_UNUSED static void
fake_serve_account (Fake              *fake,
                    SoupServerMessage *message)
{
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");

  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer ") ||
      !g_hash_table_contains (fake->tokens, authorization + 7))
    {
      fake_reply (message, 401, "application/json", g_strdup ("{\"error\":\"The access token is invalid\"}"));
      return;
    }

  fake_reply (message, 200, "application/json",
              g_strdup ("{\"id\":\"109\",\"username\":\"alice\",\"acct\":\"alice\",\"display_name\":\"Alice ✨\","
                        "\"locked\":false,\"bot\":false,\"url\":\"https://example.invalid/@alice\"}"));
}

G_GNUC_UNUSED static void
on_fake_request_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  Fake *fake = user_data;
  const char *method = soup_server_message_get_method (message);

  if (g_str_equal (path, "/api/v1/apps") && g_str_equal (method, "POST"))
    fake_serve_apps (fake, message);
  else if (g_str_equal (path, "/oauth/authorize") && query != NULL)
    fake_serve_authorize (fake, message, query);
  else if (g_str_equal (path, "/oauth/token") && g_str_equal (method, "POST"))
    fake_serve_token (fake, message);
  else if (g_str_equal (path, "/api/v1/accounts/verify_credentials"))
    fake_serve_account (fake, message);
  else
    fake_reply (message, 404, "application/json", g_strdup ("{\"error\":\"Record not found\"}"));
}

/* The fixture: the fake, Chorus's HTTP client, and a browser */

typedef struct
{
  Fake         fake;
  ChorusHttp  *http;
  SoupSession *browser;
} Fixture;

G_GNUC_UNUSED static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->fake.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->fake.server, NULL, on_fake_request_cb, &f->fake, NULL);
  soup_server_listen_local (f->fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->fake.server);
  f->fake.url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->fake.apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->fake.redirects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->fake.grants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->fake.tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->fake.secrets = g_ptr_array_new_with_free_func (g_free);

  f->http = chorus_http_new ();
  chorus_http_set_backoff (f->http, 1, 1);
  f->browser = soup_session_new ();
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->browser);
  g_clear_object (&f->http);
  soup_server_disconnect (f->fake.server);
  g_clear_object (&f->fake.server);
  g_free (f->fake.url);
  g_hash_table_unref (f->fake.apps);
  g_hash_table_unref (f->fake.redirects);
  g_hash_table_unref (f->fake.grants);
  g_hash_table_unref (f->fake.tokens);
  g_ptr_array_unref (f->fake.secrets);
}

/* Messages name the server, never a secret. */
G_GNUC_UNUSED static void
assert_error_clean (Fixture      *f,
                    const GError *error,
                    const char   *verifier)
{
  g_assert_nonnull (error);
  for (guint i = 0; i < f->fake.secrets->len; i++)
    g_assert_null (strstr (error->message, g_ptr_array_index (f->fake.secrets, i)));
  g_assert_true (verifier == NULL || strstr (error->message, verifier) == NULL);
}

/* The browser */

typedef struct
{
  SoupMessage  *message;
  GAsyncResult *result;
} Visit;

G_GNUC_UNUSED static Visit *
visit_start (Fixture    *f,
             const char *method,
             const char *url)
{
  Visit *visit = g_new0 (Visit, 1);

  visit->message = soup_message_new (method, url);
  soup_session_send_and_read_async (f->browser, visit->message, G_PRIORITY_DEFAULT, NULL,
                                    chorus_test_async_result_cb, &visit->result);
  return visit;
}

/* Waits for the page, checks its status, and returns its text. */
G_GNUC_UNUSED static char *
visit_finish (Fixture *f,
              Visit   *visit,
              guint    status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  char *text;

  chorus_test_wait_async_result (&visit->result);
  body = soup_session_send_and_read_finish (f->browser, visit->result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (visit->message), ==, status);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  g_object_unref (visit->message);
  g_object_unref (visit->result);
  g_free (visit);
  return text;
}

G_GNUC_UNUSED static char *
visit (Fixture    *f,
       const char *url,
       guint       status)
{
  return visit_finish (f, visit_start (f, "GET", url), status);
}
