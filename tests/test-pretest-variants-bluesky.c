/* test-pretest-variants-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-outbox-sender.h"
#include "chorus-post.h"
#include "chorus-pretest-variants.h"
#include "chorus-secrets.h"
#include "chorus-test-util.h"
#include "fake-bluesky-feed.h"
#include "fake-bluesky.h"
#include "outbox-test-util.h"

/* Variant posts on Bluesky, end to end: a real workspace launches a
 * campaign's variants from a Bluesky account, the outbox writes each as a
 * record on the fake PDS (fake-bluesky.c, fake-bluesky-feed.c) and reads
 * the account's followers for its reach, and each sync of the account
 * reads their counts (getPosts), their replies (getPostThread) and
 * whether they were deleted. The app password comes from an environment
 * variable, as in test-sync-bluesky, so no keyring is needed; a keyring,
 * when there is one, gets the session's refresh token, which the
 * fixture removes. */

#define HOUR        (60 * 60)
#define FOLLOWERS   1234
#define DELETED     "This post was deleted from Bluesky: the counts are the last ones Chorus read."
#define SLOW_DOWN   "Bluesky asked Chorus to slow down, so the counts of the pre-test’s posts stay as Chorus " \
                    "last read them. The next sync reads them again."

typedef struct
{
  FakeBluesky         bsky;
  sqlite3            *db;
  ChorusOutboxSender *sender;
  gint64              campaign_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fake_bluesky_set_up (&f->bsky);
  f->bsky.feed->followers = FOLLOWERS;
  f->bsky.source_id = outbox_test_add_account (f->bsky.rig.store, "bluesky", f->bsky.rig.base, HANDLE,
                                               PASSWORD_ENV);
  f->db = chorus_test_db_open (f->bsky.rig.workspace.path, SQLITE_OPEN_READWRITE, 5000);
  f->sender = chorus_outbox_sender_new (f->bsky.rig.store, f->bsky.rig.http);
  f->campaign_id = outbox_test_add_campaign (f->db, "Spring tagline");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  /* The session's refresh token, when a keyring kept it. */
  chorus_secrets_clear_async ("bluesky", f->bsky.rig.base, HANDLE, CHORUS_SECRET_KIND_REFRESH_TOKEN, NULL,
                              chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  chorus_secrets_clear_finish (result, NULL);

  g_assert_cmpuint (f->bsky.misplaced, ==, 0);
  g_clear_object (&f->sender);
  sqlite3_close (f->db);
  fake_bluesky_tear_down (&f->bsky);
}

/* Helpers */

static gint64
launch (Fixture *f,
        gint64   campaign_id,
        gint64   spacing)
{
  g_autoptr(GError) error = NULL;
  gint64 run = chorus_store_launch_variant_posts (f->bsky.rig.store, campaign_id, &f->bsky.source_id, 1, spacing,
                                                  G_GUINT64_CONSTANT (0x5eed5eed5eed), &error);

  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);
  return run;
}

static void
launch_and_send_all (Fixture *f)
{
  launch (f, f->campaign_id, 0);
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, G_N_ELEMENTS (outbox_test_taglines));
  g_assert_cmpuint (f->bsky.feed->records->len, ==, G_N_ELEMENTS (outbox_test_taglines));
}

/* Syncs the account; returns its last error, or NULL. */
static char *
sync_source (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT last_error FROM sources WHERE id = %" G_GINT64_FORMAT,
                                          f->bsky.source_id);

  chorus_test_sync_now (f->bsky.rig.engine);
  return chorus_test_db_query_text (f->db, sql);
}

static void
assert_synced (Fixture *f)
{
  g_autofree char *failure = sync_source (f);

  g_assert_cmpstr (failure, ==, NULL);
}

/* The variant of the fake's @index-th record. */
static gint64
variant_of_record (Fixture *f,
                   guint    index)
{
  return outbox_test_query_int (f->db, "SELECT variant_id FROM run_posts WHERE remote_id = '%s'",
                                fake_bluesky_feed_get_uri (f->bsky.feed, index));
}

static gint64
count_observations (Fixture *f)
{
  return outbox_test_query_int (f->db, "SELECT count(*) FROM observations");
}

/* Tests */

/* Each variant goes out when due, in the order the run recorded, as a
 * post of its own; the account's followers then are its reach. */
static void
test_launch (Fixture       *f,
             gconstpointer  data)
{
  gint64 run = launch (f, f->campaign_id, HOUR);

  for (guint k = 0; k < G_N_ELEMENTS (outbox_test_taglines); k++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *body = NULL;
      JsonObject *record;

      if (k > 0)
        chorus_test_db_exec (f->db, "UPDATE outbox SET not_before = not_before - %d WHERE not_before IS NOT NULL",
                             HOUR);
      g_assert_cmpuint (outbox_test_flush (f->sender).sent_pretest, ==, 1);
      g_assert_cmpuint (f->bsky.feed->records->len, ==, k + 1);
      g_assert_cmpuint (f->bsky.feed->profile_reads, ==, k + 1);

      /* The k-th record is the variant at position k of the schedule. */
      sql = g_strdup_printf ("SELECT o.body FROM run_posts rp JOIN outbox o ON o.id = rp.outbox_id"
                             " WHERE rp.run_id = %" G_GINT64_FORMAT " AND rp.position = %u", run, k);
      body = chorus_test_db_query_text (f->db, sql);
      record = fake_bluesky_feed_get_record (f->bsky.feed, k);
      g_assert_cmpstr (json_object_get_string_member (record, "text"), ==, body);
      g_assert_false (json_object_has_member (record, "reply"));
      g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM run_posts WHERE position = %u"
                                              " AND remote_id = '%s' AND posted_at IS NOT NULL",
                                              k, fake_bluesky_feed_get_uri (f->bsky.feed, k)), ==, 1);
    }

  /* Each is the brand's own post, in a thread of its own, and reached the
   * account's followers. */
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM run_posts rp"
                                          " JOIN posts p ON p.id = rp.post_id WHERE p.is_own"
                                          "  AND p.uri = rp.remote_id AND p.reply_to_uri IS NULL"), ==, 3);
  for (guint k = 0; k < G_N_ELEMENTS (outbox_test_taglines); k++)
    g_assert_cmpint (outbox_test_latest (f->db, variant_of_record (f, k), "reach"), ==, FOLLOWERS);
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 0);
}

/* A sync reads the counts of every post in one getPosts, quotes counted
 * as reposts, and writes only what moved. */
static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  gint64 a, b;
  gint64 before;

  launch_and_send_all (f);
  a = variant_of_record (f, 0);
  b = variant_of_record (f, 1);
  fake_bluesky_feed_set_counts (f->bsky.feed, 0, 12, 3, 0, 2);
  fake_bluesky_feed_set_counts (f->bsky.feed, 1, 4, 0, 0, 0);
  assert_synced (f);

  g_assert_cmpuint (f->bsky.feed->post_reads, ==, 1);
  g_assert_cmpuint (f->bsky.feed->most_uris, ==, 3);
  g_assert_cmpuint (f->bsky.feed->thread_reads, ==, 0);   /* no replies to read */
  g_assert_cmpint (outbox_test_latest (f->db, a, "likes"), ==, 12);
  g_assert_cmpint (outbox_test_latest (f->db, a, "reposts"), ==, 5);
  g_assert_cmpint (outbox_test_latest (f->db, a, "replies"), ==, 0);
  g_assert_cmpint (outbox_test_latest (f->db, b, "likes"), ==, 4);
  g_assert_cmpint (outbox_test_latest (f->db, b, "reposts"), ==, 0);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM pretest_runs WHERE last_refreshed_at > 0"),
                   ==, 1);

  before = count_observations (f);
  assert_synced (f);
  g_assert_cmpint (count_observations (f), ==, before);

  fake_bluesky_feed_set_counts (f->bsky.feed, 0, 15, -1, -1, -1);
  assert_synced (f);
  g_assert_cmpint (count_observations (f), ==, before + 1);
  g_assert_cmpint (outbox_test_latest (f->db, a, "likes"), ==, 15);
}

/* getPosts takes 25 URIs at most: 30 posts are two reads. */
static void
test_batches (Fixture       *f,
              gconstpointer  data)
{
  launch (f, f->campaign_id, 0);
  for (guint i = 1; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Campaign %u", i);

      launch (f, outbox_test_add_campaign (f->db, name), 0);
    }
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 30);
  for (guint i = 0; i < 30; i++)
    fake_bluesky_feed_set_counts (f->bsky.feed, i, i, 0, 0, 0);

  assert_synced (f);
  g_assert_cmpuint (f->bsky.feed->post_reads, ==, 2);
  g_assert_cmpuint (f->bsky.feed->most_uris, ==, 25);
  for (guint i = 0; i < 30; i++)
    g_assert_cmpint (outbox_test_latest (f->db, variant_of_record (f, i), "likes"), ==, i);
}

/* Replies come from each post's thread, one level deep, into the post's
 * conversation, where the campaign reads them with their sentiment. */
static void
test_replies (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  ChorusSentimentMix mix = { 9, 9, 9 };
  ChorusSyncSummary summary;
  gint64 a, b;

  launch_and_send_all (f);
  a = variant_of_record (f, 0);
  b = variant_of_record (f, 1);
  fake_bluesky_feed_add_reply (f->bsky.feed, 0, "I love this, what a great idea!", 2);
  fake_bluesky_feed_add_reply (f->bsky.feed, 0, "This is terrible and ugly, I hate it.", 9);
  fake_bluesky_feed_add_reply (f->bsky.feed, 0, "When does it ship?", 1);
  fake_bluesky_feed_add_reply (f->bsky.feed, 1, "Awful. Really bad.", 0);

  summary = chorus_test_sync_now (f->bsky.rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.posts_new, ==, 4);
  g_assert_cmpuint (f->bsky.feed->thread_reads, ==, 2);   /* only the posts with replies */
  g_assert_cmpstr (f->bsky.feed->last_depth, ==, "1");
  g_assert_cmpint (outbox_test_latest (f->db, a, "replies"), ==, 3);

  replies = chorus_store_list_variant_replies (f->bsky.rig.store, f->campaign_id, a, 2, &mix, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 2);
  g_assert_cmpstr (chorus_post_get_text (g_ptr_array_index (replies, 0)), ==,
                   "This is terrible and ugly, I hate it.");
  g_assert_cmpstr (chorus_post_get_network (g_ptr_array_index (replies, 0)), ==, "bluesky");
  g_assert_cmpuint (mix.positive, ==, 1);
  g_assert_cmpuint (mix.negative, ==, 1);
  g_assert_cmpuint (mix.neutral, ==, 1);
  g_clear_pointer (&replies, g_ptr_array_unref);

  replies = chorus_store_list_variant_replies (f->bsky.rig.store, f->campaign_id, b, 10, &mix, &error);
  g_assert_cmpuint (replies->len, ==, 1);
  g_assert_cmpuint (mix.negative, ==, 1);
  g_assert_cmpuint (mix.positive + mix.neutral, ==, 0);

  /* Read again, they are the same posts. */
  summary = chorus_test_sync_now (f->bsky.rig.engine);
  g_assert_cmpuint (summary.posts_new, ==, 0);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts WHERE NOT is_own"), ==, 4);
}

/* A post with more replies than Chorus takes at a time. */
static void
test_many_replies (Fixture       *f,
                   gconstpointer  data)
{
  launch_and_send_all (f);
  for (guint i = 0; i < 130; i++)
    fake_bluesky_feed_add_reply (f->bsky.feed, 2, "Nice.", 0);

  assert_synced (f);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts WHERE NOT is_own"), ==, 100);
  g_assert_cmpint (outbox_test_latest (f->db, variant_of_record (f, 2), "replies"), ==, 130);
}

/* The campaign reads engagements (likes, reposts and quotes, replies)
 * out of the followers each post reached. */
static void
test_analysis (Fixture       *f,
               gconstpointer  data)
{
  const gint64 counts[][4] = { { 30, 6, 4, 1 }, { 9, 1, 2, 0 }, { 20, 2, 3, 5 } };
  gint64 expected[3];
  gint64 variants[3];

  launch_and_send_all (f);
  for (guint i = 0; i < 3; i++)
    {
      fake_bluesky_feed_set_counts (f->bsky.feed, i, counts[i][0], counts[i][1], counts[i][2], counts[i][3]);
      expected[i] = counts[i][0] + counts[i][1] + counts[i][2] + counts[i][3];
      variants[i] = variant_of_record (f, i);
    }
  assert_synced (f);
  outbox_test_assert_rates (f->bsky.rig.store, f->db, f->campaign_id, variants, expected, 3, FOLLOWERS);
}

/* A deleted post keeps its last counts, with the notice Mastodon's get;
 * the others are still read. */
static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  gint64 a, b, c;
  guint threads;

  launch_and_send_all (f);
  a = variant_of_record (f, 0);
  b = variant_of_record (f, 1);
  c = variant_of_record (f, 2);
  for (guint i = 0; i < 3; i++)
    fake_bluesky_feed_set_counts (f->bsky.feed, i, 7, 1, 0, 0);
  assert_synced (f);

  /* Left out by getPosts, a #notFoundPost in its thread. */
  fake_bluesky_feed_delete (f->bsky.feed, 0);
  fake_bluesky_feed_set_counts (f->bsky.feed, 1, 8, -1, -1, -1);
  threads = f->bsky.feed->thread_reads;
  assert_synced (f);
  g_assert_cmpuint (f->bsky.feed->thread_reads, ==, threads + 1);
  g_assert_cmpint (outbox_test_latest (f->db, a, "likes"), ==, 7);
  g_assert_cmpint (outbox_test_latest (f->db, b, "likes"), ==, 8);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM run_posts WHERE variant_id = %"
                                          G_GINT64_FORMAT " AND notice = '" DELETED "'", a), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM run_posts WHERE notice IS NOT NULL"), ==, 1);

  /* The AppView's other answer: a NotFound error. */
  f->bsky.feed->not_found_as_error = TRUE;
  fake_bluesky_feed_delete (f->bsky.feed, 2);
  assert_synced (f);
  g_assert_cmpint (outbox_test_latest (f->db, c, "likes"), ==, 7);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM run_posts WHERE variant_id = %"
                                          G_GINT64_FORMAT " AND notice = '" DELETED "'", c), ==, 1);
}

/* Rate limited, or a server error, on the counts or on the replies: the
 * sync says so in words, and every figure stays as it was until a sync
 * gets through. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *failure = NULL;
  gint64 a;
  gint64 before;
  gint64 refreshed;

  launch_and_send_all (f);
  a = variant_of_record (f, 0);
  fake_bluesky_feed_set_counts (f->bsky.feed, 0, 7, 1, -1, 0);   /* replies: those added */
  assert_synced (f);
  before = count_observations (f);
  refreshed = outbox_test_query_int (f->db, "SELECT last_refreshed_at FROM pretest_runs");
  chorus_test_db_exec (f->db, "UPDATE pretest_runs SET last_refreshed_at = last_refreshed_at - 60");

  /* On every attempt of the client: on getPosts, then on a thread. */
  fake_bluesky_feed_set_counts (f->bsky.feed, 0, 9, 2, -1, -1);
  f->bsky.feed->refuse_posts = 4;
  failure = sync_source (f);
  g_assert_cmpstr (failure, ==, SLOW_DOWN);
  g_assert_cmpint (count_observations (f), ==, before);
  g_assert_cmpint (outbox_test_latest (f->db, a, "likes"), ==, 7);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT last_refreshed_at FROM pretest_runs"), ==, refreshed - 60);

  g_assert_cmpuint (f->bsky.feed->refuse_posts, ==, 0);
  fake_bluesky_feed_add_reply (f->bsky.feed, 0, "Love it!", 0);
  f->bsky.feed->refuse_threads = 4;
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_cmpstr (failure, ==, SLOW_DOWN);
  g_assert_cmpuint (f->bsky.feed->refuse_threads, ==, 0);
  g_assert_cmpint (count_observations (f), ==, before);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts WHERE NOT is_own"), ==, 0);

  f->bsky.feed->refusal = 502;
  f->bsky.feed->refuse_posts = 4;
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_cmpstr (failure, ==, "Bluesky did not share the counts of a pre-test’s post (HTTP 502).");
  g_assert_cmpint (count_observations (f), ==, before);

  /* Through again. */
  assert_synced (f);
  g_assert_cmpint (outbox_test_latest (f->db, a, "likes"), ==, 9);
  g_assert_cmpint (outbox_test_latest (f->db, a, "replies"), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts WHERE NOT is_own"), ==, 1);
}

/* A session that ends at the refresh is renewed, and the refresh runs
 * again. */
static void
test_expired (Fixture       *f,
              gconstpointer  data)
{
  guint refreshes;
  guint reads;

  launch_and_send_all (f);
  fake_bluesky_feed_set_counts (f->bsky.feed, 0, 5, 0, 0, 0);
  f->bsky.feed->expire_on_read = TRUE;
  refreshes = f->bsky.refreshes;
  reads = f->bsky.feed->post_reads;

  assert_synced (f);
  g_assert_cmpuint (f->bsky.checks, ==, 1);
  g_assert_cmpuint (f->bsky.refreshes, ==, refreshes + 2);   /* as the sync begins, then after the check */
  g_assert_cmpuint (f->bsky.creates, ==, 1);                 /* the app password, only for the first session */
  g_assert_cmpuint (f->bsky.feed->post_reads, ==, reads + 1);   /* the one after renewing */
  g_assert_cmpint (outbox_test_latest (f->db, variant_of_record (f, 0), "likes"), ==, 5);
}

/* Variant @position says @unit @times over, and the others something
 * short; a launch then gives @message, or starts a run when NULL. */
static void
assert_launch (Fixture    *f,
               guint       position,
               const char *unit,
               guint       times,
               const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GString *repeated = g_string_new (NULL);
  gint64 run;

  for (guint i = 0; i < times; i++)
    g_string_append (repeated, unit);
  text = g_string_free (repeated, FALSE);
  chorus_test_db_exec (f->db, "UPDATE variants SET body = CASE position WHEN %u THEN '%s' ELSE 'Short' END",
                       position, text);
  chorus_test_db_exec (f->db, "UPDATE pretest_runs SET state = 'closed'");

  run = chorus_store_launch_variant_posts (f->bsky.rig.store, f->campaign_id, &f->bsky.source_id, 1, HOUR, 1,
                                           &error);
  if (message == NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpint (run, >, 0);
      return;
    }

  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (run, ==, 0);
}

/* Bluesky counts a post's length in graphemes (300) and UTF-8 bytes
 * (3000); a variant that does not fit is named. */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  /* An e and a combining acute accent: one grapheme, two code points. */
  assert_launch (f, 0, "e\xcc\x81", 300, NULL);
  assert_launch (f, 0, "e\xcc\x81", 301, "Variant A is 301 characters long, and posts on Bluesky allow 300.");
  /* A family of four: one grapheme, 25 bytes. */
  assert_launch (f, 2, "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d"
                       "\xf0\x9f\x91\xa6", 150,
                 "Variant C takes 3750 bytes, and a post on Bluesky may take 3000: shorten it, or use fewer emoji.");
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM pretest_runs"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    void      (*run) (Fixture *, gconstpointer);
  } tests[] = {
    { "launch", test_launch },
    { "refresh", test_refresh },
    { "batches", test_batches },
    { "replies", test_replies },
    { "many-replies", test_many_replies },
    { "analysis", test_analysis },
    { "deleted", test_deleted },
    { "refused", test_refused },
    { "expired", test_expired },
    { "limits", test_limits },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strconcat ("/chorus/pretest-variants-bluesky/", tests[i].name, NULL);

      g_test_add (path, Fixture, NULL, fixture_set_up, tests[i].run, fixture_tear_down);
    }

  return g_test_run ();
}
