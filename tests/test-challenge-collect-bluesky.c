/* test-challenge-collect-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "challenge-test-util.h"
#include "chorus-secrets.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "fake-bluesky-challenge.h"

/* Design challenges fed by a fake Bluesky service (fake-bluesky.c with
 * fake-bluesky-challenge.c) through the sync engine: a Bluesky account that
 * watches nothing by itself searches the challenge's hashtag; posts with
 * the tag and an image become entries, with their image; likes made
 * during voting and reposts become votes, read from the PDS, page by page
 * with the session's token; a like taken back is removed; replies in the
 * post's thread that give a score become scores. */

#define DAY  CHALLENGE_TEST_DAY
#define HOUR (60 * 60)
#define TAG  CHALLENGE_TEST_TAG

typedef struct
{
  FakeBluesky           bluesky;
  FakeBlueskyChallenge *challenge;
  gint64                now;
} Fixture;

static void
clear_secret (const char *server,
              const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_clear_async ("bluesky", server, HANDLE, kind, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  chorus_secrets_clear_finish (result, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ChorusSourceSettings settings = { "@" HANDLE, FALSE, NULL, NULL, NULL, PASSWORD_ENV };
  g_autoptr(GError) error = NULL;

  fake_bluesky_set_up (&f->bluesky);
  f->challenge = fake_bluesky_challenge_new (&f->bluesky);
  f->now = g_get_real_time () / G_USEC_PER_SEC;

  f->bluesky.source_id = chorus_store_add_account (f->bluesky.rig.store, "bluesky", f->bluesky.rig.base, HANDLE,
                                                   &settings, &error);
  g_assert_no_error (error);

  challenge_test_add_challenge (f->bluesky.rig.store, f->now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clear_secret (f->bluesky.rig.base, CHORUS_SECRET_KIND_REFRESH_TOKEN);
  clear_secret (f->bluesky.rig.base, CHORUS_SECRET_KIND_APP_PASSWORD);
  g_assert_cmpuint (f->bluesky.misplaced, ==, 0);

  g_clear_pointer (&f->challenge, fake_bluesky_challenge_free);
  fake_bluesky_tear_down (&f->bluesky);
}

static sqlite3 *
db (Fixture *f)
{
  return _chorus_store_get_db (f->bluesky.rig.store);
}

static gint64
entry_of (Fixture    *f,
          const char *uri)
{
  return challenge_test_entry_of (f->bluesky.rig.store, "uri", uri);
}

static char *
dump_votes (Fixture *f,
            gint64   submission_id)
{
  return challenge_test_dump_votes (f->bluesky.rig.store, submission_id);
}

static void
assert_synced (ChorusSyncSummary summary)
{
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.sources_synced, ==, 1);
}

static void
test_entries_and_votes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) png_a = challenge_test_make_png (64, 7);
  g_autoptr(GBytes) png_b = challenge_test_make_png (48, 8);
  g_autofree char *early = fake_bluesky_challenge_add_post (f->challenge, "sam.test", f->now - 20 * DAY,
                                                            "Too early #" TAG, TAG, "early.png", png_b);
  g_autofree char *a = fake_bluesky_challenge_add_post (f->challenge, "maria.test", f->now - 5 * DAY,
                                                        "Night Trail #" TAG, TAG, "a.png", png_a);
  g_autofree char *b = fake_bluesky_challenge_add_post (f->challenge, "li.test", f->now - 4 * DAY,
                                                        "#" TAG " Alpine Glow", TAG, "b.png", png_b);
  g_autofree char *words = fake_bluesky_challenge_add_post (f->challenge, "tom.test", f->now - 3 * DAY,
                                                            "Words only #" TAG, TAG, NULL, NULL);
  g_autofree char *votes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png_a);
  ChorusSyncSummary summary;
  gint64 entry_a;
  gint64 entry_b;

  fake_bluesky_challenge_like (f->challenge, a, "bo.test", f->now - 2 * DAY);
  fake_bluesky_challenge_like (f->challenge, a, "ana.test", f->now - 2 * HOUR);
  fake_bluesky_challenge_like (f->challenge, a, "cy.test", f->now - HOUR);
  fake_bluesky_challenge_repost (f->challenge, a, "bo.test");
  fake_bluesky_challenge_like (f->challenge, b, "di.test", f->now - HOUR);

  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.entries_new, ==, 2);
  /* bo.test liked before voting opened: not a vote. */
  g_assert_cmpuint (summary.votes_changed, ==, 4);
  g_assert_cmpstr (f->bluesky.last_query, ==, "#" TAG);

  entry_a = entry_of (f, a);
  entry_b = entry_of (f, b);
  g_assert_cmpint (entry_a, >, 0);
  g_assert_cmpint (entry_b, >, 0);
  g_assert_cmpint (entry_of (f, early), ==, 0);
  g_assert_cmpint (entry_of (f, words), ==, 0);
  sql = g_strdup_printf ("SELECT image_sha256 || ' ' || title || ' ' || width FROM submissions"
                         " WHERE id = %" G_GINT64_FORMAT, entry_a);
  sha = chorus_test_db_query_text (db (f), sql);
  g_assert_true (g_str_has_prefix (sha, expected_sha));
  g_assert_true (g_str_has_suffix (sha, " Night Trail 64"));

  votes = dump_votes (f, entry_a);
  g_assert_cmpstr (votes, ==, "ana.test@:like bo.test@:repost cy.test@:like");
  g_clear_pointer (&votes, g_free);
  votes = dump_votes (f, entry_b);
  g_assert_cmpstr (votes, ==, "di.test@:like");
  g_clear_pointer (&votes, g_free);
  /* A like counts from when it was made; three pages of likes for a. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT cast_at FROM votes v JOIN identities i ON i.id = v.voter_id"
                         " WHERE i.handle = 'ana.test'");
  g_assert_cmpint (chorus_test_db_query_int (db (f), sql), ==, f->now - 2 * HOUR);
  g_assert_cmpuint (fake_bluesky_challenge_count (f->challenge, "/xrpc/app.bsky.feed.getLikes"), ==, 3);

  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.entries_new, ==, 0);
  g_assert_cmpuint (summary.votes_changed, ==, 0);
  g_assert_cmpuint (fake_bluesky_challenge_count (f->challenge, "/media/a.png"), ==, 1);

  fake_bluesky_challenge_unlike (f->challenge, a, "cy.test");
  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.votes_changed, ==, 1);
  votes = dump_votes (f, entry_a);
  g_assert_cmpstr (votes, ==, "ana.test@:like bo.test@:repost");
}

/* A challenge created after its hashtag had pages of entries: its first
 * sync searches from the start of its submissions on (since) and walks
 * back through every page, so no post from before it is stored; the next
 * sync reads only the newest page. */
static void
test_backfill (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (40, 13);
  guint n = 3 * FAKE_PAGE + 5;
  ChorusSyncSummary summary;

  for (guint i = 0; i < 3; i++)
    g_free (fake_bluesky_challenge_add_post (f->challenge, "sam.test", f->now - 12 * DAY + i * HOUR,
                                             "Too early #" TAG, TAG, "early.png", png));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.png", i);

      g_free (fake_bluesky_challenge_add_post (f->challenge, "maria.test", f->now - 9 * DAY + i * HOUR,
                                               "Entry #" TAG, TAG, name, png));
    }

  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.entries_new, ==, n);
  g_assert_cmpuint (f->bluesky.searches, ==, 4);
  g_assert_cmpint (chorus_test_db_query_int (db (f), "SELECT count(*) FROM posts WHERE text LIKE 'Too early%'"),
                   ==, 0);

  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.entries_new, ==, 0);
  g_assert_cmpuint (f->bluesky.searches, ==, 5);
}

static char *
dump_scores (Fixture *f,
             gint64   submission_id)
{
  return challenge_test_dump_scores (f->bluesky.rig.store, submission_id);
}

/* The direct replies of an entry's thread that give a score, each
 * person's latest, in the voting window; a deleted reply's score goes. */
static void
test_score_replies (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (40, 11);
  g_autofree char *a = fake_bluesky_challenge_add_post (f->challenge, "maria.test", f->now - 5 * DAY,
                                                        "Night Trail #" TAG, TAG, "a.png", png);
  g_autofree char *ana = fake_bluesky_challenge_reply (f->challenge, a, "ana.test", f->now - 2 * HOUR,
                                                       "⭐⭐⭐⭐⭐");
  g_autofree char *scores = NULL;
  g_autofree char *notice = NULL;
  ChorusSyncSummary summary;
  gint64 entry;

  g_free (fake_bluesky_challenge_reply (f->challenge, a, "bo.test", f->now - 2 * HOUR, "4 out of 5, nice"));
  g_free (fake_bluesky_challenge_reply (f->challenge, a, "cy.test", f->now - 2 * HOUR, "5/5 idea, 1/5 print"));
  g_free (fake_bluesky_challenge_reply (f->challenge, a, "bo.test", f->now - HOUR, "make that 5/5"));
  g_free (fake_bluesky_challenge_reply (f->challenge, a, "dan.test", f->now - 2 * DAY, "3/5"));

  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.votes_changed, ==, 2);
  g_assert_cmpuint (fake_bluesky_challenge_count (f->challenge, "/xrpc/app.bsky.feed.getPostThread"), ==, 1);
  entry = entry_of (f, a);
  scores = dump_scores (f, entry);
  g_assert_cmpstr (scores, ==, "ana.test@=5.0 bo.test@=5.0");
  notice = chorus_test_db_query_text (db (f), "SELECT notice FROM vote_reads");
  g_assert_cmpstr (notice, ==, "1 reply gives scores that disagree, and does not count.");

  fake_bluesky_challenge_delete_reply (f->challenge, a, ana);
  summary = chorus_test_sync_now (f->bluesky.rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.votes_changed, ==, 1);
  g_clear_pointer (&scores, g_free);
  scores = dump_scores (f, entry);
  g_assert_cmpstr (scores, ==, "bo.test@=5.0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/challenge-collect-bluesky/entries-and-votes", Fixture, NULL,
              fixture_set_up, test_entries_and_votes, fixture_tear_down);
  g_test_add ("/chorus/challenge-collect-bluesky/score-replies", Fixture, NULL,
              fixture_set_up, test_score_replies, fixture_tear_down);
  g_test_add ("/chorus/challenge-collect-bluesky/backfill", Fixture, NULL,
              fixture_set_up, test_backfill, fixture_tear_down);

  return g_test_run ();
}
