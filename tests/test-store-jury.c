/* test-store-jury.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The jury's scorecards on the small challenge workspace
 * (challenge-workspace.c: Jo is "me", Kim and Lee the jurors of Summit
 * Tee, entries 1 and 2 accepted, 3 rejected, 4 pending): the jury and a
 * card read back, every refusal leaving the scores as they were, a score
 * set, changed and cleared, one juror never touching another's row, a
 * card submitted only once complete with one audit entry, the async
 * variants, and the agreement said in words by Krippendorff's
 * thresholds. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "challenge-workspace.h"
#include "chorus-error.h"
#include "chorus-jury-private.h"
#include "chorus-store-awards.h"
#include "chorus-store-jury.h"
#include "chorus-store-private.h"
#include "chorus-store-ranking.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"

#define JO  1
#define KIM 2
#define LEE 3

#define ORIGINALITY 1
#define BRAND_FIT   2

#define PINE_RIDGE  1
#define NIGHT_TRAIL 2
#define COPY        3
#define FORMULA     4

typedef ChallengeFixture Fixture;

/* Every jury score, as one line: "entry juror criterion score;…". */
static char *
all_scores (Fixture *f)
{
  return chorus_test_db_query_text (f->db, "SELECT group_concat (s, ';') FROM"
                                           " (SELECT submission_id || ' ' || juror_id || ' ' || criterion_id"
                                           "         || ' ' || score AS s"
                                           "  FROM jury_scores ORDER BY submission_id, juror_id, criterion_id)");
}

static ChorusScorecard *
load_card (Fixture *f,
           gint64   juror_id)
{
  g_autoptr(GError) error = NULL;
  ChorusScorecard *card = chorus_store_load_scorecard (f->store, SUMMIT_TEE, juror_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
  return card;
}

static void
test_load_jury (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusJury) jury = chorus_store_load_jury (f->store, SUMMIT_TEE, &error);
  g_autoptr(ChorusJury) mug = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (chorus_jury_get_title (jury), ==, "Summit Tee");
  g_assert_true (chorus_jury_is_ready (jury));
  g_assert_cmpuint (chorus_jury_get_n_jurors (jury), ==, 2);
  g_assert_cmpstr (chorus_jury_get_juror (jury, 0)->name, ==, "Kim");
  g_assert_cmpint (chorus_jury_get_juror (jury, 1)->member_id, ==, LEE);
  g_assert_null (chorus_jury_find_juror (jury, JO));
  /* Jo is "me", but not on this jury. */
  g_assert_cmpint (chorus_jury_find_me (jury), ==, -1);

  g_assert_cmpuint (chorus_jury_get_n_criteria (jury), ==, 2);
  g_assert_cmpstr (chorus_jury_get_criterion (jury, 0)->name, ==, "Originality");
  g_assert_cmpint (chorus_jury_get_criterion (jury, 1)->id, ==, BRAND_FIT);
  g_assert_cmpfloat_with_epsilon (chorus_jury_get_share (jury, 0), 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (chorus_jury_get_share (jury, 1), 0.4, 1e-12);

  /* Kim becomes "me". */
  chorus_test_db_exec (f->db, "UPDATE team_members SET is_me = (id = %d)", KIM);
  g_clear_pointer (&jury, chorus_jury_unref);
  jury = chorus_store_load_jury (f->store, SUMMIT_TEE, &error);
  g_assert_cmpint (chorus_jury_find_me (jury), ==, 0);

  mug = chorus_store_load_jury (f->store, MUG_ART, &error);
  g_assert_no_error (error);
  g_assert_false (chorus_jury_is_ready (mug));

  g_assert_null (chorus_store_load_jury (f->store, 42, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
}

static void
test_load_scorecard (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ChorusScorecard) kim = load_card (f, KIM);
  g_autoptr(ChorusScorecard) lee = load_card (f, LEE);
  g_autoptr(GError) error = NULL;

  /* The accepted entries only, by when they came in. */
  g_assert_cmpuint (chorus_scorecard_get_n_entries (kim), ==, 2);
  g_assert_cmpint (chorus_scorecard_get_entry (kim, 0), ==, PINE_RIDGE);
  g_assert_cmpint (chorus_scorecard_get_entry (kim, 1), ==, NIGHT_TRAIL);
  g_assert_false (chorus_scorecard_has_entry (kim, COPY));
  g_assert_false (chorus_scorecard_has_entry (kim, FORMULA));

  g_assert_cmpuint (chorus_scorecard_get_n_scores (kim), ==, 4);
  g_assert_cmpfloat (chorus_scorecard_get_score (kim, PINE_RIDGE, ORIGINALITY), ==, 8);
  g_assert_cmpfloat (chorus_scorecard_get_score (kim, NIGHT_TRAIL, BRAND_FIT), ==, 9);
  g_assert_cmpfloat_with_epsilon (chorus_scorecard_get_weighted_score (kim, PINE_RIDGE), 7.2, 1e-12);
  g_assert_cmpuint (chorus_scorecard_count_incomplete (kim), ==, 0);
  g_assert_false (chorus_scorecard_is_submitted (kim));
  g_assert_cmpint (chorus_scorecard_get_submitted_at (kim), ==, 0);

  /* Lee has not scored Night Trail's brand fit. */
  g_assert_cmpuint (chorus_scorecard_count_scored (lee, NIGHT_TRAIL), ==, 1);
  g_assert_true (isnan (chorus_scorecard_get_score (lee, NIGHT_TRAIL, BRAND_FIT)));
  g_assert_cmpfloat_with_epsilon (chorus_scorecard_get_weighted_score (lee, NIGHT_TRAIL), 5, 1e-12);
  g_assert_cmpuint (chorus_scorecard_count_incomplete (lee), ==, 1);

  g_assert_null (chorus_store_load_scorecard (f->store, SUMMIT_TEE, JO, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
}

typedef struct
{
  gint64  submission_id;
  gint64  juror_id;
  gint64  criterion_id;
  double  score;
  int     code;
} Refusal;

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const Refusal refusals[] = {
    { COPY, KIM, ORIGINALITY, 5, CHORUS_ERROR_INVALID_ARGUMENT },     /* rejected */
    { FORMULA, KIM, ORIGINALITY, 5, CHORUS_ERROR_INVALID_ARGUMENT },  /* pending */
    { 99, KIM, ORIGINALITY, 5, CHORUS_ERROR_NOT_FOUND },              /* gone */
    { PINE_RIDGE, JO, ORIGINALITY, 5, CHORUS_ERROR_INVALID_ARGUMENT },/* not a juror */
    { PINE_RIDGE, 99, ORIGINALITY, 5, CHORUS_ERROR_INVALID_ARGUMENT },/* nobody */
    { PINE_RIDGE, KIM, 99, 5, CHORUS_ERROR_NOT_FOUND },               /* no such criterion */
    { PINE_RIDGE, KIM, ORIGINALITY, 10.5, CHORUS_ERROR_INVALID_ARGUMENT },
    { PINE_RIDGE, KIM, ORIGINALITY, -0.5, CHORUS_ERROR_INVALID_ARGUMENT },
    { PINE_RIDGE, KIM, ORIGINALITY, 7.25, CHORUS_ERROR_INVALID_ARGUMENT },
    { PINE_RIDGE, KIM, ORIGINALITY, NAN, CHORUS_ERROR_INVALID_ARGUMENT },
    { PINE_RIDGE, KIM, ORIGINALITY, INFINITY, CHORUS_ERROR_INVALID_ARGUMENT },
  };
  g_autofree char *before = all_scores (f);
  g_autoptr(GError) error = NULL;

  /* A criterion of another challenge is not this entry's. */
  chorus_test_db_exec (f->db, "INSERT INTO jury_criteria (id, challenge_id, name, weight, position)"
                              " VALUES (3, %d, 'Fun', 1, 0)", MUG_ART);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      g_autofree char *after = NULL;

      g_test_message ("refusal %u", i);
      g_assert_false (chorus_store_set_jury_score (f->store, r->submission_id, r->juror_id, r->criterion_id,
                                                   r->score, &error));
      g_assert_error (error, CHORUS_ERROR, r->code);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      if (r->score == 5)
        {
          g_assert_false (chorus_store_clear_jury_score (f->store, r->submission_id, r->juror_id, r->criterion_id,
                                                         &error));
          g_assert_error (error, CHORUS_ERROR, r->code);
          g_clear_error (&error);
        }
      after = all_scores (f);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_false (chorus_store_set_jury_score (f->store, PINE_RIDGE, KIM, 3, 5, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (chorus_store_clear_jury_score (f->store, COPY, KIM, ORIGINALITY, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 0);
}

/* Winners chosen lock every juror's scores until the last winner is
 * taken back; the card says since when. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusScorecard) card = NULL;
  g_autofree char *before = all_scores (f);
  g_autofree char *after = NULL;
  g_autofree char *reason = NULL;

  g_assert_cmpint (chorus_store_choose_winner (f->store, SUMMIT_TEE, PINE_RIDGE, 1, "Jury favourite", &error), >, 0);
  g_assert_no_error (error);
  chorus_test_db_exec (f->db, "UPDATE winners SET chosen_at = 1700000000");

  g_assert_false (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 6.5, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Scores are locked because winners were chosen on "));
  g_clear_error (&error);
  g_assert_false (chorus_store_clear_jury_score (f->store, PINE_RIDGE, KIM, ORIGINALITY, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_submit_scorecard (f->store, SUMMIT_TEE, KIM, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY);
  g_clear_error (&error);
  after = all_scores (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = 'jury-scorecard'"),
                   ==, 0);

  card = load_card (f, LEE);
  g_assert_true (chorus_scorecard_is_locked (card));
  g_assert_cmpint (chorus_scorecard_get_locked_at (card), ==, 1700000000);
  reason = chorus_scorecard_dup_blocker (card);
  g_assert_nonnull (strstr (reason, "winners were chosen on "));
  g_clear_pointer (&card, chorus_scorecard_unref);

  /* A second winner keeps the first date; taking back both unlocks. */
  g_assert_cmpint (chorus_store_choose_winner (f->store, SUMMIT_TEE, NIGHT_TRAIL, 2, "Runner-up", &error), >, 0);
  card = load_card (f, LEE);
  g_assert_cmpint (chorus_scorecard_get_locked_at (card), ==, 1700000000);
  g_clear_pointer (&card, chorus_scorecard_unref);
  g_assert_cmpint (chorus_store_remove_winner (f->store, SUMMIT_TEE, 1, "Author is staff", &error), >, 0);
  g_assert_false (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 6.5, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_remove_winner (f->store, SUMMIT_TEE, 2, "Start over", &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 6.5, &error));
  g_assert_no_error (error);
  card = load_card (f, LEE);
  g_assert_false (chorus_scorecard_is_locked (card));
  g_assert_cmpint (chorus_scorecard_get_locked_at (card), ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusScorecard) card = NULL;
  static const double scores[] = { 0, 10, 6.3, 7.5 };

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, scores[i], &error));
      g_assert_no_error (error);
      g_clear_pointer (&card, chorus_scorecard_unref);
      card = load_card (f, LEE);
      g_assert_cmpfloat_with_epsilon (chorus_scorecard_get_score (card, NIGHT_TRAIL, BRAND_FIT), scores[i], 1e-9);
    }

  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM jury_scores WHERE juror_id = 3"), ==, 4);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT scored_at FROM jury_scores"
                                                    " WHERE submission_id = 2 AND juror_id = 3 AND criterion_id = 2"),
                   >, 0);
  g_assert_cmpuint (chorus_scorecard_count_incomplete (card), ==, 0);
  g_assert_cmpfloat_with_epsilon (chorus_scorecard_get_weighted_score (card, NIGHT_TRAIL), 0.6 * 5 + 0.4 * 7.5, 1e-12);
  /* Setting scores writes no audit entry: submitting the card does. */
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 0);
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusScorecard) card = NULL;
  g_autofree char *scores = NULL;

  g_assert_true (chorus_store_clear_jury_score (f->store, PINE_RIDGE, LEE, ORIGINALITY, &error));
  g_assert_no_error (error);
  /* Clearing what is not there is no error. */
  g_assert_true (chorus_store_clear_jury_score (f->store, PINE_RIDGE, LEE, ORIGINALITY, &error));
  g_assert_no_error (error);

  scores = all_scores (f);
  g_assert_cmpstr (scores, ==, "1 2 1 8.0;1 2 2 6.0;1 3 2 7.0;2 2 1 6.0;2 2 2 9.0;2 3 1 5.0");
  card = load_card (f, LEE);
  g_assert_true (isnan (chorus_scorecard_get_score (card, PINE_RIDGE, ORIGINALITY)));
  g_assert_cmpuint (chorus_scorecard_count_incomplete (card), ==, 2);
}

/* Kim's score and Lee's of the same entry and criterion are two rows:
 * writing one never changes the other. */
static void
test_jurors_apart (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusScorecard) kim = NULL;
  g_autoptr(ChorusScorecard) lee = NULL;

  g_assert_true (chorus_store_set_jury_score (f->store, PINE_RIDGE, KIM, ORIGINALITY, 2, &error));
  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, KIM, BRAND_FIT, 1.5, &error));
  g_assert_true (chorus_store_clear_jury_score (f->store, NIGHT_TRAIL, KIM, ORIGINALITY, &error));
  g_assert_no_error (error);

  kim = load_card (f, KIM);
  lee = load_card (f, LEE);
  g_assert_cmpfloat (chorus_scorecard_get_score (kim, PINE_RIDGE, ORIGINALITY), ==, 2);
  g_assert_cmpfloat (chorus_scorecard_get_score (lee, PINE_RIDGE, ORIGINALITY), ==, 7);
  g_assert_cmpfloat (chorus_scorecard_get_score (lee, NIGHT_TRAIL, ORIGINALITY), ==, 5);
  g_assert_true (isnan (chorus_scorecard_get_score (lee, NIGHT_TRAIL, BRAND_FIT)));
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM jury_scores WHERE juror_id = 3"), ==, 3);
}

static void
test_submit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusScorecard) card = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *sentence = NULL;
  gint64 id;

  /* Incomplete: refused, nothing logged. */
  g_assert_cmpint (chorus_store_submit_scorecard (f->store, SUMMIT_TEE, LEE, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "1 entry still has a criterion without a score.");
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_submit_scorecard (f->store, SUMMIT_TEE, JO, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_submit_scorecard (f->store, MUG_ART, LEE, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 0);

  /* Complete: one entry, by "me" (Jo), naming the juror. */
  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 6.5, &error));
  id = chorus_store_submit_scorecard (f->store, SUMMIT_TEE, LEE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = 'jury-scorecard'"
                                                    " AND subject_type = 'challenge' AND subject_id = 1"
                                                    " AND actor_id = 1"), ==, 1);
  detail = chorus_test_db_query_text (f->db, "SELECT json_extract (detail, '$.juror') || ' '"
                                             " || json_extract (detail, '$.juror_name') || ' '"
                                             " || json_extract (detail, '$.scores') || ' '"
                                             " || json_extract (detail, '$.entries') FROM audit_log");
  g_assert_cmpstr (detail, ==, "3 Lee 4 2");
  g_clear_pointer (&detail, g_free);
  detail = chorus_test_db_query_text (f->db, "SELECT detail FROM audit_log");
  sentence = chorus_test_describe ("jury-scorecard", detail, "Jo");
  g_assert_cmpstr (sentence, ==, "Jo submitted the jury scorecard of Lee for “Summit Tee” with 4 scores");

  card = load_card (f, LEE);
  g_assert_true (chorus_scorecard_is_submitted (card));
  g_assert_cmpint (chorus_scorecard_get_submitted_at (card), >, 0);

  /* Again as it stands: refused. Changed and changed back: still as
   * submitted. Changed: submitted again, a second entry. */
  g_assert_cmpint (chorus_store_submit_scorecard (f->store, SUMMIT_TEE, LEE, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 9, &error));
  g_clear_pointer (&card, chorus_scorecard_unref);
  card = load_card (f, LEE);
  g_assert_false (chorus_scorecard_is_submitted (card));
  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 6.5, &error));
  g_clear_pointer (&card, chorus_scorecard_unref);
  card = load_card (f, LEE);
  g_assert_true (chorus_scorecard_is_submitted (card));
  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 9, &error));
  g_assert_cmpint (chorus_store_submit_scorecard (f->store, SUMMIT_TEE, LEE, &error), >, id);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 2);

  /* Kim's card is Kim's: Lee's submission does not count for it. */
  g_clear_pointer (&card, chorus_scorecard_unref);
  card = load_card (f, KIM);
  g_assert_false (chorus_scorecard_is_submitted (card));
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusJury) jury = NULL;
  g_autoptr(ChorusScorecard) card = NULL;

  chorus_store_load_jury_async (f->store, SUMMIT_TEE, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  jury = chorus_store_load_jury_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_jury_get_n_criteria (jury), ==, 2);
  g_clear_object (&result);

  chorus_store_set_jury_score_async (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 8.5, NULL,
                                     chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_store_jury_score_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  chorus_store_set_jury_score_async (f->store, COPY, LEE, BRAND_FIT, 8.5, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_false (chorus_store_jury_score_finish (f->store, result, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  chorus_store_submit_scorecard_async (f->store, SUMMIT_TEE, LEE, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_cmpint (chorus_store_submit_scorecard_finish (f->store, result, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&result);

  chorus_store_clear_jury_score_async (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_store_jury_score_finish (f->store, result, &error));
  g_clear_object (&result);

  chorus_store_load_scorecard_async (f->store, SUMMIT_TEE, LEE, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  card = chorus_store_load_scorecard_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_scorecard_get_submitted_at (card), >, 0);
  g_assert_false (chorus_scorecard_is_submitted (card));
  g_assert_cmpuint (chorus_scorecard_count_incomplete (card), ==, 1);
  g_clear_object (&result);

  chorus_store_load_scorecard_async (f->store, 42, LEE, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_null (chorus_store_load_scorecard_finish (f->store, result, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
}

/* The weighted score a card shows is the juror's part of the ranking's
 * jury score. */
static void
test_matches_ranking (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(ChorusScorecard) kim = NULL;
  g_autoptr(ChorusScorecard) lee = NULL;

  g_assert_true (chorus_store_set_jury_score (f->store, NIGHT_TRAIL, LEE, BRAND_FIT, 3.5, &error));
  ranking = chorus_store_rank_challenge (f->store, SUMMIT_TEE, &error);
  g_assert_no_error (error);
  kim = load_card (f, KIM);
  lee = load_card (f, LEE);

  for (guint i = 0; i < chorus_scorecard_get_n_entries (kim); i++)
    {
      gint64 id = chorus_scorecard_get_entry (kim, i);
      double mean = (chorus_scorecard_get_weighted_score (kim, id) + chorus_scorecard_get_weighted_score (lee, id)) / 2;

      g_assert_cmpfloat_with_epsilon (chorus_ranking_find_entry (ranking, id)->jury_score, mean / 10, 1e-12);
    }
}

static void
test_digest (void)
{
  g_autoptr(ChorusJury) jury = _chorus_jury_new (1, "Tee");
  g_autoptr(ChorusScorecard) a = NULL;
  g_autoptr(ChorusScorecard) b = NULL;
  g_autofree char *digest_a = NULL;
  g_autofree char *digest_b = NULL;
  g_autofree char *digest_c = NULL;

  _chorus_jury_add_juror (jury, 7, "Kim", FALSE);
  _chorus_jury_add_criterion (jury, 1, "Fun", 0);
  _chorus_jury_add_criterion (jury, 2, "Fit", 0);
  /* Weights of 0 give equal shares, as the ranking's plain mean. */
  g_assert_cmpfloat (chorus_jury_get_share (jury, 1), ==, 0.5);

  a = _chorus_scorecard_new (jury, 7);
  b = _chorus_scorecard_new (jury, 7);
  _chorus_scorecard_add_entry (a, 10);
  chorus_scorecard_set_score (a, 10, 1, 4);
  chorus_scorecard_set_score (a, 10, 2, 6.5);
  chorus_scorecard_set_score (b, 10, 2, 6.5);
  chorus_scorecard_set_score (b, 10, 1, 4);
  digest_a = chorus_scorecard_dup_digest (a);
  digest_b = chorus_scorecard_dup_digest (b);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpfloat (chorus_scorecard_get_weighted_score (a, 10), ==, 5.25);

  chorus_scorecard_set_score (b, 10, 1, NAN);
  g_assert_cmpuint (chorus_scorecard_get_n_scores (b), ==, 1);
  digest_c = chorus_scorecard_dup_digest (b);
  g_assert_cmpstr (digest_c, !=, digest_a);
  g_assert_true (isnan (chorus_scorecard_get_weighted_score (a, 11)));
}

static void
test_score_is_valid (void)
{
  g_assert_true (chorus_jury_score_is_valid (0));
  g_assert_true (chorus_jury_score_is_valid (10));
  g_assert_true (chorus_jury_score_is_valid (7.5));
  g_assert_true (chorus_jury_score_is_valid (0.1));
  g_assert_true (chorus_jury_score_is_valid (9.9));
  g_assert_false (chorus_jury_score_is_valid (7.25));
  g_assert_false (chorus_jury_score_is_valid (-0.1));
  g_assert_false (chorus_jury_score_is_valid (10.1));
  g_assert_false (chorus_jury_score_is_valid (NAN));
  g_assert_false (chorus_jury_score_is_valid (INFINITY));
}

typedef struct
{
  double      alpha;
  const char *words;
} Agreement;

static void
test_agreement_words (void)
{
  static const Agreement cases[] = {
    { NAN, "Not enough scores yet: the agreement needs at least two jurors who scored the same entries." },
    { 1, "The jurors agree (α = 1.000): their scores can be relied on." },
    { 0.8, "The jurors agree (α = 0.800): their scores can be relied on." },
    /* Shown as 0.800, so it reads as 0.800 does. */
    { 0.7995, "The jurors agree (α = 0.800): their scores can be relied on." },
    { 0.7994, "The jurors partly agree (α = 0.799): draw only tentative conclusions from their scores." },
    { 0.667, "The jurors partly agree (α = 0.667): draw only tentative conclusions from their scores." },
    { 0.6664, "The jurors disagree (α = 0.666): talk the scores over before relying on them." },
    { -0.0001, "The jurors disagree (α = 0.000): talk the scores over before relying on them." },
    { -0.25, "The jurors disagree (α = -0.250): talk the scores over before relying on them." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = chorus_jury_describe_agreement (cases[i].alpha);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/chorus/store-jury/" path, Fixture, NULL, challenge_fixture_set_up, func, challenge_fixture_tear_down)
  ADD ("load-jury", test_load_jury);
  ADD ("load-scorecard", test_load_scorecard);
  ADD ("refusals", test_refusals);
  ADD ("locked", test_locked);
  ADD ("round-trip", test_round_trip);
  ADD ("clear", test_clear);
  ADD ("jurors-apart", test_jurors_apart);
  ADD ("submit", test_submit);
  ADD ("async", test_async);
  ADD ("matches-ranking", test_matches_ranking);
#undef ADD
  g_test_add_func ("/chorus/jury/digest", test_digest);
  g_test_add_func ("/chorus/jury/score-is-valid", test_score_is_valid);
  g_test_add_func ("/chorus/jury/agreement-words", test_agreement_words);

  return g_test_run ();
}
