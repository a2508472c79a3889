/* test-store-ranking.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A challenge's ranking read from a workspace (challenge-workspace.c):
 * the numbers worked out by hand, one person's accounts counted once
 * after a merge, rejected entries left out, votes excluded and counted
 * again with a reason in the audit log, the async variants,
 * near-duplicate entries found from the images in the media store, and
 * the notice of the last read of each entry's votes. */

#include <locale.h>
#include <math.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "challenge-workspace.h"
#include "chorus-error.h"
#include "chorus-phash.h"
#include "chorus-store-merges.h"
#include "chorus-store-private.h"
#include "chorus-store-ranking.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"
#include "image-test-util.h"

typedef ChallengeFixture Fixture;

static ChorusRanking *
rank (Fixture *f,
      gint64   challenge_id)
{
  g_autoptr(GError) error = NULL;
  ChorusRanking *ranking = chorus_store_rank_challenge (f->store, challenge_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranking);
  return ranking;
}

static void
test_worked_example (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ChorusRanking) ranking = rank (f, SUMMIT_TEE);
  g_autofree char *path = chorus_store_dup_media_path (f->store, "0000000000000000000000000000000000000000000000000000000000000002", "jpg");
  const ChorusRankedEntry *first, *second, *third;

  g_assert_cmpstr (chorus_ranking_get_title (ranking), ==, "Summit Tee");
  g_assert_cmpstr (chorus_ranking_get_hashtag (ranking), ==, "SummitTee");
  g_assert_cmpstr (chorus_ranking_get_scale (ranking), ==, "score5");
  g_assert_cmpfloat (chorus_ranking_get_community_weight (ranking), ==, 0.5);
  g_assert_cmpuint (chorus_ranking_get_n_entries (ranking), ==, 3);
  g_assert_null (chorus_ranking_find_entry (ranking, 3));
  g_assert_cmpfloat_with_epsilon (chorus_ranking_get_prior_mean (ranking), 3.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (chorus_ranking_get_prior_weight (ranking), 5.0 / 3, 1e-12);
  g_assert_cmpuint (chorus_ranking_get_n_voters (ranking), ==, 5);
  g_assert_cmpuint (chorus_ranking_get_n_jurors (ranking), ==, 2);
  /* Kim 7.2, 7.2 and Lee 7, 5: D_o = 9.76/4, D_e = 27.52/12. */
  g_assert_cmpfloat_with_epsilon (chorus_ranking_get_agreement (ranking), 1 - (9.76 / 4) / (27.52 / 12), 1e-12);

  first = chorus_ranking_get_entry (ranking, 0);
  g_assert_cmpint (first->submission_id, ==, 1);
  g_assert_cmpuint (first->rank, ==, 1);
  g_assert_cmpstr (first->title, ==, "Pine Ridge");
  g_assert_cmpstr (first->author, ==, "@dee@social.example");
  g_assert_cmpuint (first->votes_counted, ==, 4);
  g_assert_cmpuint (first->votes_excluded, ==, 1);
  g_assert_cmpuint (first->supporters, ==, 2);
  g_assert_cmpfloat_with_epsilon (first->mean_score, 4.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (first->bayesian_average, 46.0 / 11, 1e-12);
  g_assert_cmpfloat_with_epsilon (first->jury_score, 0.71, 1e-12);
  g_assert_cmpfloat_with_epsilon (first->combined_score, 0.5 * 46.0 / 55 + 0.5 * 0.71, 1e-12);
  /* Dee's own score; Cy's new account was excluded, so it flags nothing. */
  g_assert_cmpuint (first->flags, ==, CHORUS_RANKING_FLAG_SELF_VOTE);

  second = chorus_ranking_get_entry (ranking, 1);
  g_assert_cmpint (second->submission_id, ==, 2);
  g_assert_cmpstr (second->author, ==, "@eve.bsky.social");
  g_assert_cmpstr (second->image_path, ==, path);
  g_assert_cmpuint (second->votes_counted, ==, 3);
  g_assert_cmpfloat_with_epsilon (second->bayesian_average, 3.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (second->jury_score, 0.61, 1e-12);
  g_assert_cmpfloat_with_epsilon (second->combined_score, 0.655, 1e-12);
  g_assert_cmpuint (second->flags, ==, CHORUS_RANKING_FLAG_NONE);

  third = chorus_ranking_get_entry (ranking, 2);
  g_assert_cmpint (third->submission_id, ==, 4);
  g_assert_null (third->author);
  g_assert_cmpstr (third->moderation, ==, "pending");
  g_assert_true (isnan (third->combined_score));
  g_assert_cmpfloat_with_epsilon (third->bayesian_average, 3.8, 1e-12);
  g_assert_cmpuint (third->flags, ==, CHORUS_RANKING_FLAG_NO_JURY_SCORE | CHORUS_RANKING_FLAG_PENDING);

  /* The excluded vote is there with its reason and its flag. */
  for (guint i = 0; i < chorus_ranking_get_n_votes (ranking); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (ranking, i);

      g_assert_cmpint (vote->submission_id, !=, 3);
      if (vote->id != VOTE_CY_EXCLUDED)
        continue;
      g_assert_true (vote->excluded);
      g_assert_cmpstr (vote->exclusion_reason, ==, "New account");
      g_assert_cmpstr (vote->voter, ==, "@cy@social.example");
      g_assert_cmpuint (vote->flags, ==, CHORUS_RANKING_FLAG_NEW_ACCOUNT);
    }
}

/* Ana's two accounts count twice until the team merges them. */
static void
test_merged_accounts_count_once (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(ChorusRanking) before = rank (f, SUMMIT_TEE);
  g_autoptr(ChorusRanking) after = NULL;
  g_autoptr(GError) error = NULL;
  const ChorusRankedEntry *entry;

  entry = chorus_ranking_find_entry (before, 1);
  g_assert_cmpuint (entry->supporters, ==, 2);
  g_assert_cmpuint (entry->votes_counted, ==, 4);

  g_assert_cmpint (chorus_store_merge_people (f->store, ANA, ANA_ALT, &error), >, 0);
  g_assert_no_error (error);

  after = rank (f, SUMMIT_TEE);
  entry = chorus_ranking_find_entry (after, 1);
  g_assert_cmpuint (entry->supporters, ==, 1);
  g_assert_cmpuint (entry->votes_counted, ==, 3);
  g_assert_cmpuint (entry->flags, ==, CHORUS_RANKING_FLAG_SELF_VOTE | CHORUS_RANKING_FLAG_MULTI_IDENTITY);
  g_assert_cmpuint (chorus_ranking_get_n_voters (after), ==, 4);
}

/* A person merged into another before the identities moved (as the CRM
 * import reads them) is the kept person too. */
static void
test_merged_into (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ChorusRanking) ranking = NULL;

  chorus_test_db_exec (f->db, "UPDATE people SET merged_into = %d WHERE id = %d", ANA, ANA_ALT);
  ranking = rank (f, SUMMIT_TEE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->supporters, ==, 1);
}

static gint64
audit_count (Fixture    *f,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = '%s'"
                                          " AND subject_type = 'vote'", action);

  return chorus_test_db_query_int (f->db, sql);
}

static void
test_exclude_and_include (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *sentence = NULL;
  gint64 audit_id;

  audit_id = chorus_store_exclude_vote (f->store, VOTE_ANA_REPOST, "  Same person as @ana  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_id, >, 0);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT excluded FROM votes WHERE id = 2"), ==, 1);
  detail = chorus_test_db_query_text (f->db, "SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (detail, ==,
                   "{\"submission\":1,\"challenge\":1,\"kind\":\"repost\",\"reason\":\"Same person as @ana\"}");
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT actor_id FROM audit_log ORDER BY id DESC LIMIT 1"), ==, 1);
  sentence = chorus_test_describe ("vote-exclude", detail, "Jo");
  g_assert_cmpstr (sentence, ==, "Jo excluded a vote: Same person as @ana");

  ranking = rank (f, SUMMIT_TEE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->votes_excluded, ==, 2);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->supporters, ==, 1);
  g_clear_pointer (&ranking, chorus_ranking_unref);

  /* Twice, without a reason, or a vote that is not there: refused, and
   * nothing written. */
  g_assert_cmpint (chorus_store_exclude_vote (f->store, VOTE_ANA_REPOST, "Again", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_exclude_vote (f->store, VOTE_ANA_LIKE, " \t", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_exclude_vote (f->store, 999, "Gone", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_include_vote (f->store, VOTE_ANA_LIKE, "Not excluded", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f, "vote-exclude"), ==, 1);
  g_assert_cmpint (audit_count (f, "vote-include"), ==, 0);

  /* Counted again, with why it had been excluded kept in the log. */
  g_assert_cmpint (chorus_store_include_vote (f->store, VOTE_CY_EXCLUDED, "Checked: a real customer", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT excluded FROM votes WHERE id = 5"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT exclusion_reason IS NULL FROM votes WHERE id = 5"), ==, 1);
  g_clear_pointer (&detail, g_free);
  detail = chorus_test_db_query_text (f->db, "SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (detail, ==,
                   "{\"submission\":1,\"challenge\":1,\"kind\":\"reply_score\",\"reason\":\"Checked: a real customer\","
                   "\"previous_reason\":\"New account\"}");
  g_assert_cmpint (audit_count (f, "vote-include"), ==, 1);

  /* Cy's vote counts, and its new account now flags the entry. */
  ranking = rank (f, SUMMIT_TEE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->n_scores, ==, 3);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags & CHORUS_RANKING_FLAG_NEW_ACCOUNT, !=, 0);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;

  chorus_store_rank_challenge_async (f->store, SUMMIT_TEE, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  ranking = chorus_store_rank_challenge_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_ranking_get_entry (ranking, 0)->submission_id, ==, 1);
  g_clear_object (&result);

  chorus_store_rank_challenge_async (f->store, 42, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_null (chorus_store_rank_challenge_finish (f->store, result, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no challenge with the id 42.");
  g_clear_error (&error);
  g_clear_object (&result);

  chorus_store_exclude_vote_async (f->store, VOTE_ANA_LIKE, "Bot", NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_cmpint (chorus_store_vote_change_finish (f->store, result, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&result);

  chorus_store_include_vote_async (f->store, VOTE_ANA_LIKE, "", NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_cmpint (chorus_store_vote_change_finish (f->store, result, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_object (&result);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT excluded FROM votes WHERE id = 1"), ==, 1);
}

/* Writes a picture of rings (or bars) @size pixels square into the media
 * store, and returns its SHA-256. */
static char *
write_image (Fixture  *f,
             gboolean  rings,
             int       size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  char *sha;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.1, 0.4);
  cairo_set_line_width (cr, size / 20.0);
  for (int i = 1; i <= 4; i++)
    {
      if (rings)
        cairo_arc (cr, size * 0.4, size * 0.45, size * 0.1 * i, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, size * 0.2 * i - size * 0.1, size * 0.1, size * 0.08, size * 0.3 * (i % 3 + 1));
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  png = image_test_png_bytes (surface);
  cairo_surface_destroy (surface);

  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  path = chorus_store_dup_media_path (f->store, sha, "png");
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  return sha;
}

static void
test_near_duplicates (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *rings = write_image (f, TRUE, 400);
  g_autofree char *small_rings = write_image (f, TRUE, 150);
  g_autofree char *bars = write_image (f, FALSE, 400);
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;
  const ChorusNearDuplicate *pair;

  /* Entry 1 has the rings, entry 3 (rejected) the same rings smaller,
   * entry 4 bars; entry 2 is a JPEG, which core leaves to its caller, and
   * here gets the rings' hash that way. */
  chorus_test_db_exec (f->db,
                       "UPDATE submissions SET image_sha256 = '%s' WHERE id = 1;"
                       "UPDATE submissions SET image_sha256 = '%s' WHERE id = 3;"
                       "UPDATE submissions SET image_sha256 = '%s' WHERE id = 4;",
                       rings, small_rings, bars);

  pairs = chorus_store_find_near_duplicates (f->store, SUMMIT_TEE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair = &g_array_index (pairs, ChorusNearDuplicate, 0);
  g_assert_cmpint (pair->submission_id, ==, 3);
  g_assert_cmpint (pair->original_id, ==, 1);
  g_assert_cmpuint (pair->distance, <=, CHORUS_PHASH_NEAR_DISTANCE);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM submissions WHERE phash IS NOT NULL"), ==, 3);

  /* The rejected copy is not ranked: nothing looks like entry 1 yet. */
  ranking = rank (f, SUMMIT_TEE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags & CHORUS_RANKING_FLAG_NEAR_DUPLICATE, ==, 0);
  g_clear_pointer (&ranking, chorus_ranking_unref);

  g_assert_true (chorus_store_set_submission_phash (f->store, 2,
                                                    (guint64) chorus_test_db_query_int (f->db, "SELECT phash FROM submissions WHERE id = 1") ^ 0x5,
                                                    &error));
  g_assert_no_error (error);
  g_assert_false (chorus_store_set_submission_phash (f->store, 99, 0, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ranking = rank (f, SUMMIT_TEE);
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 1)->near_duplicate_of, ==, 2);
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 2)->near_duplicate_of, ==, 1);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 4)->flags & CHORUS_RANKING_FLAG_NEAR_DUPLICATE, ==, 0);
  g_clear_pointer (&pairs, g_array_unref);

  pairs = chorus_store_find_near_duplicates (f->store, 42, &error);
  g_assert_null (pairs);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
}

/* An image that is missing or not a PNG is simply not hashed. */
static void
test_unreadable_images (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = chorus_store_dup_media_path (f->store, "0000000000000000000000000000000000000000000000000000000000000004", "png");
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, "not a png", -1, &error);
  g_assert_no_error (error);

  pairs = chorus_store_find_near_duplicates (f->store, SUMMIT_TEE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM submissions WHERE phash IS NOT NULL"), ==, 0);
}

static void
test_support_challenge (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ChorusRanking) ranking = rank (f, MUG_ART);
  const ChorusRankedEntry *entry = chorus_ranking_get_entry (ranking, 0);

  g_assert_cmpuint (chorus_ranking_get_n_entries (ranking), ==, 1);
  g_assert_false (chorus_ranking_has_jury_scores (ranking));
  /* One supporter out of one voter: the Wilson bound of 1/1 is 1 / (1 + z²). */
  g_assert_cmpfloat_with_epsilon (entry->support_lower_bound, 1 / (1 + 1.959963984540054 * 1.959963984540054), 1e-12);
  g_assert_cmpfloat (entry->combined_score, ==, entry->support_lower_bound);
  g_assert_true (isnan (entry->bayesian_average));
  g_assert_cmpuint (entry->flags, ==, CHORUS_RANKING_FLAG_SELF_VOTE);
}

/* The notice of the last read of an entry's votes reaches its ranked
 * entry; an entry read without one, or never read, has none. */
static void
test_read_notice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ChorusRanking) ranking = NULL;
  guint with_notice = 0;

  chorus_test_db_exec (f->db, "INSERT INTO vote_reads (submission_id, read_at, notice) VALUES"
                              " (1, 5, '2 replies give scores that disagree, and do not count.'), (2, 5, NULL)");
  ranking = rank (f, SUMMIT_TEE);

  g_assert_cmpstr (chorus_ranking_find_entry (ranking, 1)->read_notice, ==,
                   "2 replies give scores that disagree, and do not count.");
  g_assert_null (chorus_ranking_find_entry (ranking, 2)->read_notice);
  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    with_notice += chorus_ranking_get_entry (ranking, i)->read_notice != NULL;
  g_assert_cmpuint (with_notice, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/chorus/store-ranking/" path, Fixture, NULL, challenge_fixture_set_up, func, challenge_fixture_tear_down)
  ADD ("worked-example", test_worked_example);
  ADD ("merged-accounts-count-once", test_merged_accounts_count_once);
  ADD ("merged-into", test_merged_into);
  ADD ("exclude-and-include", test_exclude_and_include);
  ADD ("async", test_async);
  ADD ("near-duplicates", test_near_duplicates);
  ADD ("unreadable-images", test_unreadable_images);
  ADD ("support-challenge", test_support_challenge);
  ADD ("read-notice", test_read_notice);
#undef ADD

  return g_test_run ();
}
