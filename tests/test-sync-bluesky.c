/* test-sync-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "chorus-secrets.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-bluesky.h"

/* The Bluesky connector through the sync engine, against a fake service
 * on 127.0.0.1 (see fake-bluesky.c): the entryway, a PLC directory, and a
 * PDS reached as "localhost" that serves searchPosts, listNotifications
 * and getPostThread. The app password comes from an environment variable,
 * so only the keyring test needs a keyring. */

typedef FakeBluesky Fixture;

static GString *logged;

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fake_bluesky_set_up (f);
  g_string_truncate (logged, 0);
}

static gboolean
clear_secret (const char *server,
              const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_clear_async ("bluesky", server, HANDLE, kind, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);

  return chorus_secrets_clear_finish (result, NULL);
}

static void
assert_no_secrets (const char *text)
{
  g_assert_null (strstr (text, TOKEN_PREFIX));
  g_assert_null (strstr (text, APP_PASSWORD));
  g_assert_null (strstr (text, WRONG_PASSWORD));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Whatever reached a keyring goes (without one, this fails at once). */
  clear_secret (f->rig.base, CHORUS_SECRET_KIND_REFRESH_TOKEN);
  clear_secret (f->rig.base, CHORUS_SECRET_KIND_APP_PASSWORD);

  g_assert_cmpuint (f->misplaced, ==, 0);
  assert_no_secrets (logged->str);

  fake_bluesky_tear_down (f);
}

/* Helpers */

static void
add_source (Fixture    *f,
            gboolean    mentions,
            const char *hashtags,
            const char *keywords,
            const char *secret_env)
{
  ChorusSourceSettings settings = { "@" HANDLE, mentions, hashtags, keywords, NULL, secret_env };
  g_autoptr(GError) error = NULL;

  f->source_id = chorus_store_add_account (f->rig.store, "bluesky", f->rig.base, HANDLE, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->source_id, >, 0);
}

/* The source as the workspace now has it: the only one. */
static ChorusSource *
find_source (Fixture *f)
{
  g_autoptr(GPtrArray) sources = chorus_store_list_sources (f->rig.store, NULL);

  g_assert_cmpuint (sources->len, ==, 1);

  return chorus_test_find_source (f->rig.store, f->source_id);
}

static gint64
count_posts (Fixture *f)
{
  sqlite3 *db = _chorus_store_get_db (f->rig.store);

  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(DISTINCT uri) FROM posts"), ==,
                   chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts"));

  return chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts");
}

static void
assert_synced (ChorusSyncSummary summary)
{
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.sources_synced, ==, 1);
}

/* Tests */

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  ChorusSyncSummary summary;

  fake_bluesky_add_posts (f, 30);
  add_source (f, FALSE, NULL, "redistricting", PASSWORD_ENV);

  /* A stream's first sync takes its newest page only. */
  summary = chorus_test_sync_now (f->rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.posts_new, ==, FAKE_PAGE);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE);
  g_assert_cmpuint (f->searches, ==, 1);
  g_assert_cmpstr (f->last_query, ==, "redistricting");

  /* Then the walk stops at the page reaching what it saw. */
  fake_bluesky_add_posts (f, 3);
  summary = chorus_test_sync_now (f->rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.posts_new, ==, 3);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 3);
  g_assert_cmpuint (f->searches, ==, 2);

  /* More new posts than a page: it walks back two. */
  fake_bluesky_add_posts (f, 15);
  summary = chorus_test_sync_now (f->rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.posts_new, ==, 15);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 3 + 15);
  g_assert_cmpuint (f->searches, ==, 4);

  /* One sign-in, then the session is renewed; identity every sync. */
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->refreshes, ==, 2);
  g_assert_cmpuint (f->resolves, ==, 3);
  g_assert_cmpuint (f->plc_lookups, ==, 3);
}

static void
test_mentions_and_hashtags (Fixture       *f,
                            gconstpointer  data)
{
  fake_bluesky_add_notifications (f, 60);
  fake_bluesky_add_posts (f, 5);
  add_source (f, TRUE, "coffee", NULL, PASSWORD_ENV);

  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->listings, ==, 1);
  g_assert_cmpstr (f->last_reasons, ==, "mention,reply,quote");
  g_assert_cmpstr (f->last_query, ==, "#coffee");
  g_assert_cmpuint (f->served_mentions, ==, FAKE_PAGE);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 5);
}

/* Replies come with the posts they answer and the replies below them, in
 * one conversation; a thread that cannot be read costs nothing else. */
static void
test_threads (Fixture       *f,
              gconstpointer  data)
{
  sqlite3 *db = _chorus_store_get_db (f->rig.store);
  gint64 replies;

  f->serve_threads = TRUE;
  fake_bluesky_add_notifications (f, 40);
  add_source (f, TRUE, NULL, NULL, PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));

  replies = chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts WHERE uri LIKE '%chorusnotifications%'"
                                          " AND uri NOT LIKE '%reply' AND reply_to_uri IS NOT NULL");
  g_assert_cmpint (replies, >, 0);
  g_assert_cmpuint (f->threads, ==, (guint) replies);
  /* Each reply's parent is stored, in the reply's conversation... */
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts r JOIN posts p"
                                                 " ON p.uri = r.reply_to_uri AND p.conversation_id = r.conversation_id"
                                                 " WHERE r.uri LIKE '%chorusnotifications%'"
                                                 "  AND r.uri NOT LIKE '%reply'"),
                   ==, replies);
  /* ...and so is the reply below it. */
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts b JOIN posts r"
                                                 " ON r.uri = b.reply_to_uri AND r.conversation_id = b.conversation_id"
                                                 " WHERE b.uri LIKE '%chorusnotifications%reply'"),
                   ==, replies);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts WHERE text = 'A reply below it.'"),
                   ==, replies);

  /* A server that fails every thread: the mentions still arrive. */
  f->fail_threads = TRUE;
  fake_bluesky_add_notifications (f, 5);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->served_mentions, >, FAKE_PAGE);
}

static void
test_refresh_refused (Fixture       *f,
                      gconstpointer  data)
{
  fake_bluesky_add_posts (f, 5);
  add_source (f, FALSE, "coffee", NULL, PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));

  /* A refresh token the server no longer takes: sign in again, once. */
  f->refuse_refresh = TRUE;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->refreshes, ==, 1);
  g_assert_cmpuint (f->creates, ==, 2);

  f->refuse_refresh = FALSE;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->refreshes, ==, 2);
  g_assert_cmpuint (f->creates, ==, 2);
}

static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ChorusSource) source = NULL;
  g_autoptr(ChorusSource) fixed = NULL;
  ChorusSyncSummary summary;

  g_setenv (PASSWORD_ENV, WRONG_PASSWORD, TRUE);
  fake_bluesky_add_posts (f, 5);
  add_source (f, TRUE, NULL, NULL, PASSWORD_ENV);

  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->listings, ==, 0);

  source = find_source (f);
  g_assert_true (chorus_source_get_needs_reauth (source));
  g_assert_nonnull (strstr (chorus_source_get_last_error (source), "@" HANDLE));
  assert_no_secrets (chorus_source_get_last_error (source));
  g_assert_nonnull (strstr (logged->str, "did not accept"));   /* the logs are read */

  /* With the right one, the source is well again. */
  g_setenv (PASSWORD_ENV, APP_PASSWORD, TRUE);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  fixed = find_source (f);
  g_assert_false (chorus_source_get_needs_reauth (fixed));
  g_assert_null (chorus_source_get_last_error (fixed));
}

static void
test_missing_password (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ChorusSource) source = NULL;

  g_unsetenv (PASSWORD_ENV);
  add_source (f, TRUE, NULL, NULL, PASSWORD_ENV);

  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_failed, ==, 1);
  source = find_source (f);
  g_assert_true (chorus_source_get_needs_reauth (source));
  g_assert_nonnull (strstr (chorus_source_get_last_error (source), PASSWORD_ENV));
  g_assert_cmpuint (f->creates, ==, 0);
}

static void
test_retries (Fixture       *f,
              gconstpointer  data)
{
  fake_bluesky_add_posts (f, 5);
  add_source (f, FALSE, "coffee", NULL, PASSWORD_ENV);
  f->fail_429 = 1;
  f->fail_500 = 1;

  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->searches, ==, 3);
  g_assert_cmpint (count_posts (f), ==, 5);
}

static void
test_interrupted_walk (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *mark = NULL;
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;

  fake_bluesky_add_posts (f, 30);
  add_source (f, FALSE, NULL, "redistricting", PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  mark = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_nonnull (mark);

  /* The walk's second page fails: the mark does not move (whether the
   * first page's posts were written is the pager's business). */
  fake_bluesky_add_posts (f, 25);
  f->break_older_pages = TRUE;
  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_failed, ==, 1);
  g_assert_cmpint (count_posts (f), <=, 2 * FAKE_PAGE);
  after = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_cmpstr (after, ==, mark);

  /* So the next walk starts from the top again and misses nothing. */
  f->break_older_pages = FALSE;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 25);
  moved = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_cmpstr (moved, >, mark);
}

/* This machine's clock two days behind the service's: every indexedAt
 * looks two days ahead of it. The mark still follows the service's order
 * (measured against its Date), so a later sync walks back to it and
 * misses nothing; and an indexedAt years ahead of the service's own clock
 * cannot freeze it. */
static void
test_clock_behind (Fixture       *f,
                   gconstpointer  data)
{
  gint64 ahead = 2 * 24 * 60 * 60;
  g_autofree char *mark = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *last = NULL;
  gint64 resume;

  f->clock_ahead = ahead;
  f->clock = g_get_real_time () / G_USEC_PER_SEC + ahead - 3 * FAKE_PAGE * POST_SPACING;
  fake_bluesky_add_posts (f, 3 * FAKE_PAGE);
  add_source (f, FALSE, NULL, "redistricting", PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE);
  mark = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_nonnull (mark);

  /* More than two pages since: all of them are read. */
  fake_bluesky_add_posts (f, 2 * FAKE_PAGE + 5);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpint (count_posts (f), ==, 3 * FAKE_PAGE + 5);
  moved = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_cmpstr (moved, >, mark);

  /* One post indexed in 2099, then more than a page: the mark ignores
   * the first, and still reaches back to the others. */
  resume = f->clock;
  f->clock = g_get_real_time () / G_USEC_PER_SEC + 73 * 365 * 24 * 3600LL;
  fake_bluesky_add_posts (f, 1);
  f->clock = resume;
  fake_bluesky_add_posts (f, FAKE_PAGE + 5);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpint (count_posts (f), ==, 4 * FAKE_PAGE + 11);
  last = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_cmpstr (last, >, moved);
  g_assert_true (g_str_has_prefix (last, "20"));
  g_assert_false (g_str_has_prefix (last, "2099"));

  fake_bluesky_add_posts (f, FAKE_PAGE + 5);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpint (count_posts (f), ==, 5 * FAKE_PAGE + 16);
}

static void
test_expired_during_sync (Fixture       *f,
                          gconstpointer  data)
{
  fake_bluesky_add_posts (f, 5);
  add_source (f, FALSE, NULL, "one\ntwo", PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));

  /* The second stream's request finds the session expired: it is renewed
   * and the streams are read again. */
  f->expire_access_after = 2;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->checks, ==, 1);
  g_assert_cmpuint (f->refreshes, ==, 2);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpint (count_posts (f), ==, 5);
}

/* Keyring */

static gboolean
skip_without_keyring (void)
{
  static gsize probed = 0;
  static gboolean usable = FALSE;

  if (g_once_init_enter (&probed))
    {
      g_autoptr(GAsyncResult) result = NULL;

      chorus_secrets_set_timeout (5);
      chorus_secrets_store_async ("bluesky", "https://probe.invalid", HANDLE, CHORUS_SECRET_KIND_TOKEN,
                                  "probe", NULL, chorus_test_async_result_cb, &result);
      chorus_test_wait_async_result (&result);
      usable = chorus_secrets_store_finish (result, NULL);
      g_clear_object (&result);
      if (usable)
        {
          chorus_secrets_clear_async ("bluesky", "https://probe.invalid", HANDLE, CHORUS_SECRET_KIND_TOKEN,
                                      NULL, chorus_test_async_result_cb, &result);
          chorus_test_wait_async_result (&result);
          chorus_secrets_clear_finish (result, NULL);
        }
      g_once_init_leave (&probed, 1);
    }

  if (!usable)
    g_test_skip ("no unlocked keyring; build-aux/chorus-test provides one");

  return !usable;
}

static void
test_keyring (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *kept;

  if (skip_without_keyring ())
    return;

  chorus_secrets_store_async ("bluesky", f->rig.base, HANDLE, CHORUS_SECRET_KIND_APP_PASSWORD, APP_PASSWORD,
                              NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_secrets_store_finish (result, NULL));
  g_clear_object (&result);

  fake_bluesky_add_posts (f, 5);
  add_source (f, FALSE, "coffee", NULL, NULL);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->refreshes, ==, 1);

  /* The keyring holds the newest refresh token, for the next process. */
  chorus_secrets_lookup_async ("bluesky", f->rig.base, HANDLE, CHORUS_SECRET_KIND_REFRESH_TOKEN, NULL, NULL,
                               chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  kept = chorus_secrets_lookup_finish (result, NULL);
  g_assert_cmpstr (kept, ==, f->refresh);
  chorus_secrets_free (kept);
}

/* Logs are kept, to check that no secret reaches them; debug messages
 * go no further. */
static GLogFunc default_log_handler;

static void
record_log_handler (const char     *domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  static GMutex lock;

  g_mutex_lock (&lock);
  g_string_append_printf (logged, "%s\n", message);
  g_mutex_unlock (&lock);

  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) == 0)
    default_log_handler (domain, log_level, message, user_data);
}

static void
add_test (const char    *path,
          void         (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Without a session bus, keyring calls fail at once rather than look
   * for one to start. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chorus-test-bus", TRUE);

  logged = g_string_new (NULL);
  default_log_handler = g_log_set_default_handler (record_log_handler, NULL);
  g_log_set_debug_enabled (TRUE);

  add_test ("/chorus/sync-bluesky/incremental", test_incremental);
  add_test ("/chorus/sync-bluesky/mentions-and-hashtags", test_mentions_and_hashtags);
  add_test ("/chorus/sync-bluesky/threads", test_threads);
  add_test ("/chorus/sync-bluesky/refresh-refused", test_refresh_refused);
  add_test ("/chorus/sync-bluesky/wrong-password", test_wrong_password);
  add_test ("/chorus/sync-bluesky/missing-password", test_missing_password);
  add_test ("/chorus/sync-bluesky/retries", test_retries);
  add_test ("/chorus/sync-bluesky/interrupted-walk", test_interrupted_walk);
  add_test ("/chorus/sync-bluesky/expired-during-sync", test_expired_during_sync);
  add_test ("/chorus/sync-bluesky/clock-behind", test_clock_behind);
  add_test ("/chorus/sync-bluesky/keyring", test_keyring);

  return g_test_run ();
}
