/* test-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>

#include "chorus-http.h"
#include "chorus-test-util.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"

/* The sync engine against a fake feed server on 127.0.0.1 that replays a
 * real feed from the corpus and misbehaves on request: conditional GET,
 * 5xx and 429 retries, dropped connections, oversized answers, broken XML,
 * and one failing source that must not stop the others. */

typedef struct
{
  ChorusTestSyncRig rig;
  GBytes           *feed;
  guint             requests;
  guint             failures_left;   /* for /flaky and /limited */
  char             *last_min_id;     /* what the last hashtag request asked from */
} Fixture;

static GBytes *
read_corpus (const char *relative)
{
  g_autofree char *path = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read %s: %s", relative, error->message);

  return g_bytes_new_take (contents, length);
}

static void
serve_feed (SoupServerMessage *message,
            GBytes            *body)
{
  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", "\"v1\"");
  soup_server_message_set_response (message, "application/rss+xml", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);

  f->requests++;

  /* One request per connection: libsoup 3.2's server keeps the sockets of
   * kept-alive connections past its own disposal, which LeakSanitizer
   * reports; closing each connection makes every test leak-free. */
  soup_message_headers_replace (response_headers, "Connection", "close");

  if (g_str_equal (path, "/feed.xml"))
    {
      if (g_strcmp0 (soup_message_headers_get_one (request_headers, "If-None-Match"), "\"v1\"") == 0)
        soup_server_message_set_status (message, 304, NULL);
      else
        serve_feed (message, f->feed);
    }
  else if (g_str_equal (path, "/flaky.xml") && f->failures_left > 0)
    {
      f->failures_left--;
      soup_server_message_set_status (message, 503, NULL);
    }
  else if (g_str_equal (path, "/limited.xml") && f->failures_left > 0)
    {
      f->failures_left--;
      soup_server_message_set_status (message, 429, NULL);
      soup_message_headers_replace (response_headers, "Retry-After", "1");
    }
  else if (g_str_equal (path, "/flaky.xml") || g_str_equal (path, "/limited.xml"))
    serve_feed (message, f->feed);
  else if (g_str_equal (path, "/paced.xml"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) reset = g_date_time_add_seconds (now, 2);
      g_autofree char *reset_text = g_date_time_format_iso8601 (reset);

      /* Mastodon's way of saying "that was the last request for now". */
      soup_message_headers_replace (response_headers, "X-RateLimit-Remaining", "0");
      soup_message_headers_replace (response_headers, "X-RateLimit-Reset", reset_text);
      serve_feed (message, f->feed);
      soup_message_headers_remove (response_headers, "ETag");
    }
  else if (g_str_equal (path, "/api/v1/timelines/tag/hoot"))
    {
      const char *min_id = query ? g_hash_table_lookup (query, "min_id") : NULL;

      g_free (f->last_min_id);
      f->last_min_id = g_strdup (min_id);

      if (min_id != NULL)
        chorus_test_reply_json (message, 200, "[]");
      else
        {
          g_autoptr(GBytes) page = read_corpus ("mastodon/real/timeline_tag_hoot.json");

          soup_server_message_set_status (message, 200, NULL);
          soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                            g_bytes_get_data (page, NULL), g_bytes_get_size (page));
        }
    }
  else if (g_str_equal (path, "/undated.json"))
    {
      g_autoptr(GBytes) undated = read_corpus ("feeds/jsonfeed/simple.json");

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/feed+json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (undated, NULL), g_bytes_get_size (undated));
    }
  else if (g_str_equal (path, "/huge.xml"))
    {
      gsize size = 2 * 1024 * 1024;
      char *junk = g_malloc (size);

      memset (junk, 'x', size);
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/rss+xml", SOUP_MEMORY_TAKE, junk, size);
    }
  else if (g_str_equal (path, "/broken.xml"))
    {
      /* A login page or a captive portal where the feed should be. */
      const char *page = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
                         "<body><form><input name=user></form></body></html>";

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else
    soup_server_message_set_status (message, 404, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  chorus_http_set_max_bytes (f->rig.http, 1024 * 1024);
  f->feed = read_corpus ("feeds/rss-parser/guardian.rss");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_sync_rig_tear_down (&f->rig);
  g_bytes_unref (f->feed);
  g_free (f->last_min_id);
}

static gint64
add_feed (Fixture    *f,
          const char *name)
{
  g_autofree char *url = g_strconcat (f->rig.base, name, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_add_source (f->rig.store, "feed", url, NULL, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
test_conditional_get (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_feed (f, "feed.xml");
  ChorusSyncSummary first;
  ChorusSyncSummary second;
  g_autoptr(ChorusSource) source = NULL;
  gint64 posts;

  first = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (first.sources_synced, ==, 1);
  g_assert_cmpuint (first.sources_failed, ==, 0);
  g_assert_cmpuint (first.posts_new, >, 10);
  posts = chorus_store_get_counter (f->rig.store, "posts");
  g_assert_cmpint (posts, ==, first.posts_new);

  /* The server answers 304 to the saved ETag: nothing is parsed again. */
  second = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (second.sources_synced, ==, 1);
  g_assert_cmpuint (second.posts_new, ==, 0);
  g_assert_cmpint (chorus_store_get_counter (f->rig.store, "posts"), ==, posts);

  source = chorus_test_find_source (f->rig.store, id);
  g_assert_cmpint (chorus_source_get_last_success (source), >, 0);
  g_assert_null (chorus_source_get_last_error (source));
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  ChorusSyncSummary first;
  ChorusSyncSummary second;

  add_feed (f, "flaky.xml");   /* served without conditional GET */
  first = chorus_test_sync_now (f->rig.engine);
  second = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (first.posts_new, >, 10);
  g_assert_cmpuint (second.posts_new, ==, 0);
  g_assert_cmpuint (second.posts_updated, ==, 0);
  g_assert_cmpint (chorus_store_get_counter (f->rig.store, "posts"), ==, first.posts_new);
}

static void
test_retries (Fixture       *f,
              gconstpointer  data)
{
  ChorusSyncSummary summary;

  add_feed (f, "flaky.xml");
  f->failures_left = 2;
  summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_synced, ==, 1);
  g_assert_cmpuint (f->requests, ==, 3);
  g_assert_cmpuint (summary.posts_new, >, 10);
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  gint64 before = g_get_monotonic_time ();
  ChorusSyncSummary summary;

  add_feed (f, "limited.xml");
  f->failures_left = 1;
  summary = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (summary.sources_synced, ==, 1);
  g_assert_cmpuint (f->requests, ==, 2);
  /* Retry-After: 1 was honoured rather than the 20 ms backoff. */
  g_assert_cmpint (g_get_monotonic_time () - before, >=, 900 * 1000);
}

static void
test_failures_are_per_source (Fixture       *f,
                              gconstpointer  data)
{
  gint64 huge = add_feed (f, "huge.xml");
  gint64 broken = add_feed (f, "broken.xml");
  gint64 missing = add_feed (f, "missing.xml");
  gint64 good = add_feed (f, "feed.xml");
  g_autoptr(ChorusSource) huge_source = NULL;
  g_autoptr(ChorusSource) broken_source = NULL;
  g_autoptr(ChorusSource) missing_source = NULL;
  g_autoptr(ChorusSource) good_source = NULL;
  ChorusSyncSummary summary;

  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 3);
  g_assert_cmpuint (summary.sources_synced, ==, 1);
  g_assert_cmpuint (summary.posts_new, >, 10);

  huge_source = chorus_test_find_source (f->rig.store, huge);
  broken_source = chorus_test_find_source (f->rig.store, broken);
  missing_source = chorus_test_find_source (f->rig.store, missing);
  good_source = chorus_test_find_source (f->rig.store, good);

  g_assert_nonnull (chorus_source_get_last_error (huge_source));
  g_assert_nonnull (strstr (chorus_source_get_last_error (huge_source), "127.0.0.1"));
  g_assert_nonnull (chorus_source_get_last_error (broken_source));
  g_assert_nonnull (chorus_source_get_last_error (missing_source));
  g_assert_cmpint (chorus_source_get_last_success (missing_source), ==, 0);
  g_assert_null (chorus_source_get_last_error (good_source));
}

/* A server that says no requests are left until a reset time is not asked
 * again before then. */
static void
test_rate_limit_pacing (Fixture       *f,
                        gconstpointer  data)
{
  gint64 before;

  add_feed (f, "paced.xml");
  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_synced, ==, 1);

  before = g_get_monotonic_time ();
  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_synced, ==, 1);
  g_assert_cmpuint (f->requests, ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - before, >=, 900 * 1000);
}

/* A hashtag on a Mastodon-API server: the newest page first, then only
 * what is newer than the stored cursor. */
static void
test_mastodon_hashtag (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  ChorusSyncSummary first;
  ChorusSyncSummary second;
  gint64 id;

  id = chorus_store_add_source (f->rig.store, "mastodon", f->rig.base, NULL, "#hoot", &error);
  g_assert_no_error (error);
  g_assert_true (chorus_store_set_source_hashtags (f->rig.store, id, "#hoot", &error));
  g_assert_no_error (error);

  first = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (first.sources_failed, ==, 0);
  g_assert_cmpuint (first.posts_new, >, 0);
  g_assert_null (f->last_min_id);
  cursor = chorus_store_dup_cursor (f->rig.store, id, "tag:hoot");
  g_assert_nonnull (cursor);

  second = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (second.sources_failed, ==, 0);
  g_assert_cmpuint (second.posts_new, ==, 0);
  g_assert_cmpstr (f->last_min_id, ==, cursor);
  g_assert_cmpint (chorus_store_get_counter (f->rig.store, "posts"), ==, first.posts_new);
}

/* Entries without any date are dated when first seen, once. */
static void
test_undated_entries (Fixture       *f,
                      gconstpointer  data)
{
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  ChorusSyncSummary first;
  ChorusSyncSummary second;

  add_feed (f, "undated.json");
  first = chorus_test_sync_now (f->rig.engine);
  second = chorus_test_sync_now (f->rig.engine);

  g_assert_cmpuint (first.sources_failed, ==, 0);
  g_assert_cmpuint (first.posts_new, >, 0);
  g_assert_cmpuint (second.posts_new, ==, 0);
  g_assert_cmpuint (second.posts_updated, ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (f->rig.store),
                                             "SELECT min (created_at) FROM posts"), >=, before);
}

static void
test_https_required (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusSource) source = NULL;
  gint64 id;

  g_assert_true (chorus_http_check_url ("https://example.org/feed", NULL));
  g_assert_true (chorus_http_check_url ("http://127.0.0.1:8080/feed", NULL));
  g_assert_true (chorus_http_check_url ("http://[::1]/feed", NULL));
  g_assert_false (chorus_http_check_url ("http://example.org/feed", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (chorus_http_check_url ("file:///etc/passwd", &error));
  g_clear_error (&error);
  g_assert_false (chorus_http_check_url ("not a url", &error));
  g_clear_error (&error);

  id = chorus_store_add_source (f->rig.store, "feed", "http://example.org/feed", NULL, "Plain", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_failed, ==, 1);
  source = chorus_test_find_source (f->rig.store, id);
  g_assert_nonnull (strstr (chorus_source_get_last_error (source), "https://"));
  g_assert_cmpuint (f->requests, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/sync/conditional-get", Fixture, NULL, fixture_set_up, test_conditional_get, fixture_tear_down);
  g_test_add ("/chorus/sync/idempotent", Fixture, NULL, fixture_set_up, test_idempotent, fixture_tear_down);
  g_test_add ("/chorus/sync/retries", Fixture, NULL, fixture_set_up, test_retries, fixture_tear_down);
  g_test_add ("/chorus/sync/retry-after", Fixture, NULL, fixture_set_up, test_retry_after, fixture_tear_down);
  g_test_add ("/chorus/sync/failures-are-per-source", Fixture, NULL, fixture_set_up,
              test_failures_are_per_source, fixture_tear_down);
  g_test_add ("/chorus/sync/rate-limit-pacing", Fixture, NULL, fixture_set_up, test_rate_limit_pacing,
              fixture_tear_down);
  g_test_add ("/chorus/sync/mastodon-hashtag", Fixture, NULL, fixture_set_up, test_mastodon_hashtag,
              fixture_tear_down);
  g_test_add ("/chorus/sync/undated-entries", Fixture, NULL, fixture_set_up, test_undated_entries,
              fixture_tear_down);
  g_test_add ("/chorus/sync/https-required", Fixture, NULL, fixture_set_up, test_https_required,
              fixture_tear_down);

  return g_test_run ();
}
