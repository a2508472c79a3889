/* test-account-check.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Trying an account before it is kept, against fake servers on
 * 127.0.0.1: a Bluesky session, a Discourse user, a feed. Every refusal is
 * one sentence that never quotes the secret. And what a person types,
 * made into what the store keeps. */

#include "config.h"

#include <string.h>

#include "chorus-account-check.h"
#include "chorus-secrets.h"

#include "chorus-test-util.h"

#define APP_PASSWORD "abcd-efgh-ijkl-mnop"
#define API_KEY      "0123456789abcdef"

typedef struct
{
  ChorusTestSyncRig  rig;
  ChorusHttp        *http;
  char              *url;         /* the server, without a trailing slash */
  char              *last_body;   /* of the last POST */
} Fixture;


static void
on_session_cb (SoupServerMessage *message,
               Fixture           *f)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));

  g_free (f->last_body);
  f->last_body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  if (strstr (f->last_body, "\"identifier\":\"twofactor.example\""))
    chorus_test_reply_json (message, 401,
                            "{\"error\":\"AuthFactorTokenRequired\",\"message\":\"A sign in code has been sent\"}");
  else if (strstr (f->last_body, "\"password\":\"" APP_PASSWORD "\""))
    chorus_test_reply_json (message, 200,
                            "{\"did\":\"did:plc:abcdefghijklmnopqrstuvwx\",\"handle\":\"Brand.Example\","
                            "\"accessJwt\":\"access.jwt.x\",\"refreshJwt\":\"refresh.jwt.x\"}");
  else
    chorus_test_reply_json (message, 401,
                            "{\"error\":\"AuthenticationRequired\","
                            "\"message\":\"Invalid identifier or password\"}");
}

static void
on_current_user_cb (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *key = soup_message_headers_get_one (headers, "Api-Key");
  const char *user = soup_message_headers_get_one (headers, "Api-Username");

  if (g_strcmp0 (user, "garbage") == 0)
    chorus_test_reply_json (message, 200, "<html>not a forum</html>");
  else if (g_strcmp0 (key, API_KEY) == 0 && g_strcmp0 (user, "brand") == 0)
    chorus_test_reply_json (message, 200, "{\"current_user\":{\"id\":3,\"username\":\"Brand\"}}");
  else if (g_strcmp0 (key, API_KEY) == 0)
    chorus_test_reply_json (message, 404, "{\"errors\":[\"not found\"]}");
  else
    chorus_test_reply_json (message, 403,
                            "{\"errors\":[\"You are not permitted to view the requested resource.\"]}");
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (path, "/xrpc/com.atproto.server.createSession"))
    on_session_cb (message, f);
  else if (g_str_equal (path, "/session/current.json"))
    on_current_user_cb (message);
  else if (g_str_equal (path, "/feed.xml"))
    {
      const char *feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Trail Reviews</title>"
                         "<item><title>Boots</title><link>https://reviews.example/boots</link></item>"
                         "</channel></rss>";

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/rss+xml", SOUP_MEMORY_STATIC, feed, strlen (feed));
    }
  else
    chorus_test_reply_json (message, 404, "{}");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  f->http = f->rig.http;
  f->url = g_strndup (f->rig.base, strlen (f->rig.base) - 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_sync_rig_tear_down (&f->rig);
  g_free (f->url);
  g_free (f->last_body);
}

/* Waits for a check started with chorus_test_async_result_cb(). */
static char *
finish_check (GAsyncResult **result,
              GError       **error)
{
  char *name;

  chorus_test_wait_async_result (result);
  name = chorus_account_check_finish (*result, error);
  g_clear_object (result);

  return name;
}

static char *
check_feed (Fixture     *f,
            const char  *url,
            GError     **error)
{
  GAsyncResult *result = NULL;

  chorus_account_check_feed_async (f->http, url, NULL, chorus_test_async_result_cb, &result);
  return finish_check (&result, error);
}

static char *
check_bluesky (Fixture     *f,
               const char  *handle,
               const char  *password,
               GError     **error)
{
  GAsyncResult *result = NULL;

  chorus_account_check_bluesky_async (f->http, f->url, handle, password, NULL, chorus_test_async_result_cb,
                                      &result);
  return finish_check (&result, error);
}

static char *
check_discourse (Fixture     *f,
                 const char  *username,
                 const char  *key,
                 GError     **error)
{
  GAsyncResult *result = NULL;

  chorus_account_check_discourse_async (f->http, f->url, username, key, NULL, chorus_test_async_result_cb,
                                        &result);
  return finish_check (&result, error);
}

static void
assert_refused (const GError *error,
                const char   *secret)
{
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (strstr (error->message, secret));
}

static void
test_bluesky (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *code = NULL;

  handle = check_bluesky (f, "brand.example", APP_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (handle, ==, "brand.example");
  g_assert_cmpstr (f->last_body, ==, "{\"identifier\":\"brand.example\",\"password\":\"" APP_PASSWORD "\"}");

  /* Quotes and backslashes are escaped, not cut. */
  refused = check_bluesky (f, "brand.example", "zq\"xk\\", &error);
  g_assert_null (refused);
  assert_refused (error, "zq");
  g_assert_nonnull (strstr (f->last_body, "\"password\":\"zq\\\"xk\\\\\""));
  g_clear_error (&error);

  code = check_bluesky (f, "twofactor.example", "main-password", &error);
  g_assert_null (code);
  assert_refused (error, "main-password");
}

static void
test_discourse (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  g_autofree char *wrong_key = NULL;
  g_autofree char *wrong_user = NULL;
  g_autofree char *garbage = NULL;

  user = check_discourse (f, "brand", API_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user, ==, "Brand");

  wrong_key = check_discourse (f, "brand", "fedcba9876543210", &error);
  g_assert_null (wrong_key);
  assert_refused (error, "fedcba9876543210");
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  wrong_user = check_discourse (f, "someone", API_KEY, &error);
  g_assert_null (wrong_user);
  assert_refused (error, API_KEY);
  g_clear_error (&error);

  garbage = check_discourse (f, "garbage", API_KEY, &error);
  g_assert_null (garbage);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_feed (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (f->url, "/feed.xml", NULL);
  g_autofree char *missing = g_strconcat (f->url, "/gone.xml", NULL);
  g_autofree char *title = NULL;
  g_autofree char *nothing = NULL;

  title = check_feed (f, url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Trail Reviews");

  nothing = check_feed (f, missing, &error);
  g_assert_null (nothing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_normalize (void)
{
  g_autofree char *server = chorus_account_normalize_url ("  mastodon.social/ ", TRUE);
  g_autofree char *feed = chorus_account_normalize_url ("example.org/feed/", FALSE);
  g_autofree char *blank = chorus_account_normalize_url ("   ", TRUE);
  g_autofree char *name = chorus_account_normalize_name (" @brand.bsky.social ");
  g_autofree char *words = chorus_account_normalize_words ("#tallpine, TrailTested  #tallpine2");
  g_autofree char *phrases = chorus_account_normalize_phrases ("tall pine boots, hiking\nwaterproof ");
  g_autofree char *shown = chorus_account_format_watch_list ("tallpine trailtested", FALSE, "#");
  g_autofree char *feed_name = chorus_account_dup_default_name ("feed", "https://reviews.example/f.xml", NULL,
                                                                "Trail Reviews");
  g_autofree char *host_name = chorus_account_dup_default_name ("feed", "https://reviews.example/f.xml", NULL,
                                                                NULL);

  g_assert_cmpstr (server, ==, "https://mastodon.social");
  g_assert_cmpstr (feed, ==, "https://example.org/feed/");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (name, ==, "brand.bsky.social");
  g_assert_cmpstr (words, ==, "tallpine TrailTested tallpine2");
  g_assert_cmpstr (phrases, ==, "tall pine boots\nhiking\nwaterproof");
  g_assert_cmpstr (shown, ==, "#tallpine, #trailtested");
  g_assert_cmpstr (feed_name, ==, "Trail Reviews");
  g_assert_cmpstr (host_name, ==, "reviews.example");
  g_assert_cmpstr (chorus_account_get_secret_kind ("mastodon"), ==, CHORUS_SECRET_KIND_TOKEN);
  g_assert_cmpstr (chorus_account_get_secret_kind ("bluesky"), ==, CHORUS_SECRET_KIND_APP_PASSWORD);
  g_assert_cmpstr (chorus_account_get_secret_kind ("discourse"), ==, CHORUS_SECRET_KIND_API_KEY);
  g_assert_null (chorus_account_get_secret_kind ("feed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/account-check/normalize", test_normalize);
  g_test_add ("/chorus/account-check/bluesky", Fixture, NULL, fixture_set_up, test_bluesky, fixture_tear_down);
  g_test_add ("/chorus/account-check/discourse", Fixture, NULL, fixture_set_up, test_discourse,
              fixture_tear_down);
  g_test_add ("/chorus/account-check/feed", Fixture, NULL, fixture_set_up, test_feed, fixture_tear_down);

  return g_test_run ();
}
