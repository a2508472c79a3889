/* test-ranking.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The ranking of a challenge, from rows made up here: each statistic
 * against values worked out by hand (or from a textbook: Krippendorff's
 * own reliability data), votes counted once per person through several
 * accounts and ways of voting, excluded votes counted apart, ties sharing
 * a rank in a documented order, and a missing jury or community score
 * said so rather than taken as 0. check-ranking-scipy.py checks the same
 * numbers on many random challenges against scipy. */

#include <locale.h>

#include "ranking-test-util.h"

static void
test_bayesian_average (void)
{
  /* (C·m + Σ) / (C + n) = (2 · 3.5 + 14) / (2 + 3) */
  assert_close (_chorus_ranking_bayesian_average (14, 3, 3.5, 2), 4.2);
  /* No scores: the prior itself. */
  assert_close (_chorus_ranking_bayesian_average (0, 0, 3.5, 2), 3.5);
  /* No prior weight: the plain mean. */
  assert_close (_chorus_ranking_bayesian_average (9, 2, 3.5, 0), 4.5);
  g_assert_true (isnan (_chorus_ranking_bayesian_average (0, 0, 3.5, 0)));
  g_assert_true (isnan (_chorus_ranking_bayesian_average (4, 1, NAN, NAN)));
}

static void
test_wilson_lower (void)
{
  /* (p + z²/2n − z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(0.975),
   * worked out with scipy.stats.norm.ppf. */
  assert_close (_chorus_ranking_z95 (), 1.959963984540054);
  assert_close (_chorus_ranking_wilson_lower (5, 10), 0.236593090512564);
  assert_close (_chorus_ranking_wilson_lower (10, 10), 0.7224672001371106);
  assert_close (_chorus_ranking_wilson_lower (1, 3), 0.061491944720396215);
  g_assert_cmpfloat (_chorus_ranking_wilson_lower (0, 10), ==, 0);
  g_assert_true (isnan (_chorus_ranking_wilson_lower (0, 0)));
  g_assert_true (isnan (_chorus_ranking_wilson_lower (3, 2)));
}

static void
test_juror_score (void)
{
  const ChorusJuryCriterion criteria[] = { { 1, 0.4 }, { 2, 0.3 }, { 3, 0.3 } };
  const ChorusJuryCriterion unweighted[] = { { 1, 0 }, { 2, 0 } };
  const ChorusJuryScore all[] = { { 1, 9, 1, 8 }, { 1, 9, 2, 6 }, { 1, 9, 3, 7 } };
  const ChorusJuryScore some[] = { { 1, 9, 1, 8 }, { 1, 9, 2, 6 } };
  const ChorusJuryScore unknown[] = { { 1, 9, 7, 1 }, { 1, 9, 1, 8 } };

  /* 0.4 · 8 + 0.3 · 6 + 0.3 · 7 */
  assert_close (_chorus_ranking_juror_score (all, 3, criteria, 3), 7.1);
  /* A criterion left out: (0.4 · 8 + 0.3 · 6) / 0.7 */
  assert_close (_chorus_ranking_juror_score (some, 2, criteria, 3), 5.0 / 0.7);
  /* Weights all 0: the plain mean. */
  assert_close (_chorus_ranking_juror_score (some, 2, unweighted, 2), 7);
  /* A criterion the challenge does not have counts for nothing. */
  assert_close (_chorus_ranking_juror_score (unknown, 2, criteria, 3), 8);
  g_assert_true (isnan (_chorus_ranking_juror_score (unknown, 1, criteria, 3)));
}

static void
test_krippendorff_textbook (void)
{
  /* Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
   * section C: four observers, twelve units, missing values; α = 0.849
   * for interval data there, 0.8491071428571428 exactly (95.1/112
   * worked out by the pairwise definition in Python). */
  const double x = NAN;
  const double data[4 * 12] = {
    1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x,
    1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3,
    x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x,
    1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x,
  };
  const double constant[2 * 3] = { 4, 4, 4, 4, 4, 4 };
  const double lone[2 * 3] = { 1, 2, x, x, x, 3 };
  double shifted[4 * 12];

  assert_close (_chorus_ranking_krippendorff_alpha (data, 4, 12), 0.8491071428571428);
  g_assert_cmpfloat (round (_chorus_ranking_krippendorff_alpha (data, 4, 12) * 1000) / 1000, ==, 0.849);

  /* Interval data: shifting and scaling every value changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    shifted[i] = 1000 + 7 * data[i];
  assert_close (_chorus_ranking_krippendorff_alpha (shifted, 4, 12), 0.8491071428571428);

  /* Perfect agreement with no variation, and no unit rated twice. */
  g_assert_true (isnan (_chorus_ranking_krippendorff_alpha (constant, 2, 3)));
  g_assert_true (isnan (_chorus_ranking_krippendorff_alpha (lone, 2, 3)));
}

/* Three entries, worked through by hand in the comments. */
static ChorusRanking *
make_worked_example (double community_weight)
{
  ChorusRanking *ranking = _chorus_ranking_new (1, "score5", community_weight, 0);
  const double jury_100_s1[] = { 8, 6, 7 }, jury_100_s2[] = { 6, 6, 6 }, jury_100_s3[] = { 9, 8, NAN };
  const double jury_200_s1[] = { 7, 7, 7 }, jury_200_s2[] = { 5, 4, 6 };
  ChorusRankedVote *vote;

  ranking_test_entry (ranking, 1, 61, 6);
  ranking_test_entry (ranking, 2, 71, 7);
  ranking_test_entry (ranking, 3, 81, 8);
  _chorus_ranking_add_criterion (ranking, 1, 0.5);
  _chorus_ranking_add_criterion (ranking, 2, 0.3);
  _chorus_ranking_add_criterion (ranking, 3, 0.2);

  /* Entry 1: person 1 scores 5 from one account, then 3 from another (the
   * later counts); person 2 scores 4; person 3 likes it. Scores 3 and 4,
   * one supporter, three people. */
  ranking_test_vote (ranking, 1, "reply_score", 11, 1, 5, 10 * RANKING_DAY);
  ranking_test_vote (ranking, 1, "reply_score", 12, 1, 3, 11 * RANKING_DAY);
  ranking_test_vote (ranking, 1, "reply_score", 21, 2, 4, 10 * RANKING_DAY);
  ranking_test_vote (ranking, 1, "like", 31, 3, NAN, 10 * RANKING_DAY);
  /* Entry 2: person 2 scores 2, two kiosk voters 5 and 4; person 4's like
   * was excluded. Scores 2, 5, 4; three people; one excluded. */
  ranking_test_vote (ranking, 2, "reply_score", 21, 2, 2, 10 * RANKING_DAY);
  ranking_test_kiosk_vote (ranking, 2, "k1", 5);
  ranking_test_kiosk_vote (ranking, 2, "k2", 4);
  vote = ranking_test_vote (ranking, 2, "like", 41, 4, NAN, 10 * RANKING_DAY);
  vote->excluded = TRUE;
  vote->exclusion_reason = g_strdup ("Spam account");
  /* Entry 3: person 3 likes it; person 5 reposts it, then likes it: two
   * supporters, no score. */
  ranking_test_vote (ranking, 3, "like", 31, 3, NAN, 10 * RANKING_DAY);
  ranking_test_vote (ranking, 3, "repost", 51, 5, NAN, 12 * RANKING_DAY);
  ranking_test_vote (ranking, 3, "like", 51, 5, NAN, 13 * RANKING_DAY);

  /* Weighted by 0.5, 0.3, 0.2: juror 100 gives 7.2, 6 and 8.625 (criterion
   * 3 left out: 6.9 / 0.8); juror 200 gives 7 and 4.9. */
  ranking_test_jury (ranking, 1, 100, jury_100_s1, 3);
  ranking_test_jury (ranking, 2, 100, jury_100_s2, 3);
  ranking_test_jury (ranking, 3, 100, jury_100_s3, 3);
  ranking_test_jury (ranking, 1, 200, jury_200_s1, 3);
  ranking_test_jury (ranking, 2, 200, jury_200_s2, 3);

  _chorus_ranking_compute (ranking);
  return ranking;
}

static void
test_worked_example (void)
{
  g_autoptr(ChorusRanking) ranking = make_worked_example (0.5);
  const ChorusRankedEntry *s1 = chorus_ranking_find_entry (ranking, 1);
  const ChorusRankedEntry *s2 = chorus_ranking_find_entry (ranking, 2);
  const ChorusRankedEntry *s3 = chorus_ranking_find_entry (ranking, 3);

  /* Five scores counted, summing to 18, over three entries. */
  assert_close (chorus_ranking_get_prior_mean (ranking), 3.6);
  assert_close (chorus_ranking_get_prior_weight (ranking), 5.0 / 3);
  /* People 1, 2, 3 and 5, and the two kiosk voters; not person 4. */
  g_assert_cmpuint (chorus_ranking_get_n_voters (ranking), ==, 6);

  g_assert_cmpuint (s1->votes_counted, ==, 3);
  g_assert_cmpuint (s1->votes_excluded, ==, 0);
  g_assert_cmpuint (s1->n_scores, ==, 2);
  g_assert_cmpuint (s1->supporters, ==, 1);
  assert_close (s1->mean_score, 3.5);
  /* (5/3 · 3.6 + 7) / (5/3 + 2) = 39/11 */
  assert_close (s1->bayesian_average, 39.0 / 11);
  assert_close (s1->support_lower_bound, 0.030053369748306632);
  assert_close (s1->jury_score, 0.71);
  g_assert_cmpuint (s1->n_jurors, ==, 2);
  assert_close (s1->combined_score, 0.7095454545454545);

  g_assert_cmpuint (s2->votes_counted, ==, 3);
  g_assert_cmpuint (s2->votes_excluded, ==, 1);
  g_assert_cmpuint (s2->n_scores, ==, 3);
  g_assert_cmpuint (s2->supporters, ==, 0);
  assert_close (s2->mean_score, 11.0 / 3);
  assert_close (s2->bayesian_average, 51.0 / 14);
  g_assert_cmpfloat (s2->support_lower_bound, ==, 0);
  assert_close (s2->jury_score, 0.545);
  assert_close (s2->combined_score, 0.6367857142857143);

  g_assert_cmpuint (s3->votes_counted, ==, 2);
  g_assert_cmpuint (s3->supporters, ==, 2);
  g_assert_cmpuint (s3->n_scores, ==, 0);
  g_assert_true (isnan (s3->mean_score));
  assert_close (s3->bayesian_average, 3.6);
  assert_close (s3->support_lower_bound, 0.09677141110578043);
  assert_close (s3->jury_score, 0.8625);
  g_assert_cmpuint (s3->n_jurors, ==, 1);
  assert_close (s3->combined_score, 0.79125);

  g_assert_cmpuint (chorus_ranking_get_entry (ranking, 0)->submission_id, ==, 3);
  g_assert_cmpuint (chorus_ranking_get_entry (ranking, 1)->submission_id, ==, 1);
  g_assert_cmpuint (chorus_ranking_get_entry (ranking, 2)->submission_id, ==, 2);
  g_assert_cmpuint (s3->rank, ==, 1);
  g_assert_cmpuint (s1->rank, ==, 2);
  g_assert_cmpuint (s2->rank, ==, 3);

  /* Jurors' weighted scores 7.2, 6 (juror 100) and 7, 4.9 (juror 200) on
   * the entries both scored: D_o = 2.5/4, D_e = 26.78/12. */
  g_assert_cmpuint (chorus_ranking_get_n_jurors (ranking), ==, 2);
  g_assert_true (chorus_ranking_has_jury_scores (ranking));
  assert_close (chorus_ranking_get_agreement (ranking), 1 - (2.5 / 4) / (26.78 / 12));
}

/* Which votes count: the latest score and the first support of each
 * person on each entry; the flags of one person with two accounts. */
static void
test_counted_votes (void)
{
  g_autoptr(ChorusRanking) ranking = make_worked_example (0.5);
  gboolean counted[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, FALSE };
  gint64 order[] = { 1, 3, 4, 2, 5, 8, 6, 7, 9, 10, 11 };

  /* Votes come back by entry, then time, then id: person 1's second
   * score came a day after the others on entry 1, and entry 2's kiosk
   * votes on day 100. */
  g_assert_cmpuint (chorus_ranking_get_n_votes (ranking), ==, G_N_ELEMENTS (counted));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (ranking, i);

      g_assert_cmpint (vote->id, ==, order[i]);
      g_assert_cmpint (vote->counted, ==, counted[vote->id - 1]);
      /* Person 1 voted on entry 1 from two accounts: votes 1 and 2. */
      g_assert_cmpuint (vote->flags, ==, vote->id <= 2 ? CHORUS_RANKING_FLAG_MULTI_IDENTITY : CHORUS_RANKING_FLAG_NONE);
    }

  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_MULTI_IDENTITY);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 2)->flags, ==, CHORUS_RANKING_FLAG_NONE);
}

/* A like and a repost from one person are one supporter; so are a like
 * from each of their accounts. An excluded vote counts nowhere. */
static void
test_support_once_per_person (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "support", 1.0, 0);
  const ChorusRankedEntry *a, *b;
  ChorusRankedVote *vote;

  ranking_test_entry (ranking, 1, 0, 0);
  ranking_test_entry (ranking, 2, 0, 0);
  ranking_test_vote (ranking, 1, "like", 11, 1, NAN, 1);
  ranking_test_vote (ranking, 1, "repost", 11, 1, NAN, 2);
  ranking_test_vote (ranking, 1, "like", 12, 1, NAN, 3);
  ranking_test_vote (ranking, 1, "poll", 21, 2, NAN, 4);
  ranking_test_kiosk_vote (ranking, 1, "token-a", NAN);
  ranking_test_kiosk_vote (ranking, 2, "token-a", NAN);
  ranking_test_vote (ranking, 2, "like", 21, 2, NAN, 5);
  vote = ranking_test_vote (ranking, 2, "like", 31, 3, NAN, 6);
  vote->excluded = TRUE;
  /* A reply that had no readable score says nothing. */
  ranking_test_vote (ranking, 2, "reply_score", 41, 4, NAN, 7);
  _chorus_ranking_compute (ranking);

  a = chorus_ranking_find_entry (ranking, 1);
  b = chorus_ranking_find_entry (ranking, 2);
  g_assert_cmpuint (a->supporters, ==, 3);
  g_assert_cmpuint (a->votes_counted, ==, 3);
  g_assert_cmpuint (b->supporters, ==, 2);
  g_assert_cmpuint (b->votes_counted, ==, 2);
  g_assert_cmpuint (b->votes_excluded, ==, 1);
  /* Person 1, person 2 and the kiosk voter. */
  g_assert_cmpuint (chorus_ranking_get_n_voters (ranking), ==, 3);

  /* A support challenge ranks on the Wilson bound of 3 and 2 out of 3;
   * with the community weight 1 the jury is not needed. */
  assert_close (a->community_score, _chorus_ranking_wilson_lower (3, 3));
  assert_close (b->combined_score, _chorus_ranking_wilson_lower (2, 3));
  g_assert_cmpuint (a->flags & CHORUS_RANKING_FLAG_NO_JURY_SCORE, ==, 0);
  g_assert_true (isnan (a->bayesian_average));
  g_assert_cmpuint (a->rank, ==, 1);
  g_assert_cmpuint (b->rank, ==, 2);
}

/* Entries equal on every score share a rank; more counted votes, then the
 * earlier entry, then the lower id list them. */
static void
test_ties (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "score5", 1.0, 0);
  const gint64 expected_order[] = { 4, 2, 5, 3, 6, 1 };
  const guint expected_rank[] = { 1, 2, 2, 2, 5, 6 };

  for (gint64 id = 1; id <= 6; id++)
    ranking_test_entry (ranking, id, 0, 0);
  /* 4 has the best score. 2, 3 and 5 are tied on score 4 from one person
   * each; 2 also has a like, so it has more votes; 3 and 5 then go by
   * their entry time, which is made the other way round here. 6 has no
   * score, so the prior (3.6), above 1's single 1. */
  ranking_test_vote (ranking, 4, "reply_score", 11, 1, 5, 1);
  ranking_test_vote (ranking, 2, "reply_score", 12, 2, 4, 1);
  ranking_test_vote (ranking, 2, "like", 13, 3, NAN, 1);
  ranking_test_vote (ranking, 3, "reply_score", 14, 4, 4, 1);
  ranking_test_vote (ranking, 5, "reply_score", 15, 5, 4, 1);
  ranking_test_vote (ranking, 1, "reply_score", 16, 6, 1, 1);
  ((ChorusRankedEntry *) g_ptr_array_index (ranking->entries, 4))->submitted_at = 0;
  _chorus_ranking_compute (ranking);

  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    {
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (ranking, i);

      g_assert_cmpint (entry->submission_id, ==, expected_order[i]);
      g_assert_cmpuint (entry->rank, ==, expected_rank[i]);
    }
}

/* A jury that counts but has not scored: NaN and a flag, never 0. */
static void
test_no_jury_yet (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "score5", 0.6, 0);
  g_autoptr(ChorusRanking) community_only = _chorus_ranking_new (1, "score5", 1.0, 0);
  const double scores[] = { 8, 8 };
  const ChorusRankedEntry *scored, *unscored;

  for (guint i = 0; i < 2; i++)
    {
      ChorusRanking *r = i == 0 ? ranking : community_only;

      ranking_test_entry (r, 1, 0, 0);
      ranking_test_entry (r, 2, 0, 0);
      _chorus_ranking_add_criterion (r, 1, 1);
      ranking_test_vote (r, 1, "reply_score", 11, 1, 2, 1);
      ranking_test_vote (r, 2, "reply_score", 12, 2, 5, 1);
      if (i == 0)
        ranking_test_jury (r, 1, 100, scores, 1);
      _chorus_ranking_compute (r);
    }

  scored = chorus_ranking_find_entry (ranking, 1);
  unscored = chorus_ranking_find_entry (ranking, 2);
  g_assert_true (isnan (unscored->jury_score));
  g_assert_true (isnan (unscored->combined_score));
  g_assert_cmpuint (unscored->flags, ==, CHORUS_RANKING_FLAG_NO_JURY_SCORE);
  g_assert_cmpuint (scored->flags, ==, CHORUS_RANKING_FLAG_NONE);
  /* The prior is 3.5 with weight 1: a Bayesian average of (3.5 + 2) / 2. */
  assert_close (scored->combined_score, 0.6 * (2.75 / 5) + 0.4 * 0.8);
  /* The entry with a combined score comes first, whatever the rest. */
  g_assert_cmpuint (scored->rank, ==, 1);
  g_assert_cmpuint (unscored->rank, ==, 2);

  /* Nobody on the jury scored anything, but the community decides alone. */
  g_assert_false (chorus_ranking_has_jury_scores (community_only));
  g_assert_true (isnan (chorus_ranking_get_agreement (community_only)));
  unscored = chorus_ranking_find_entry (community_only, 2);
  g_assert_cmpuint (unscored->flags, ==, CHORUS_RANKING_FLAG_NONE);
  assert_close (unscored->combined_score, 4.25 / 5);
  g_assert_cmpuint (unscored->rank, ==, 1);
}

/* A 0-5 challenge without a single score: no community score, said so. */
static void
test_no_community_score (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "score5", 0.5, 0);
  g_autoptr(ChorusRanking) jury_only = _chorus_ranking_new (1, "score5", 0.0, 0);
  const double scores[] = { 6 };

  for (guint i = 0; i < 2; i++)
    {
      ChorusRanking *r = i == 0 ? ranking : jury_only;
      ChorusRankedEntry *entry = ranking_test_entry (r, 1, 0, 0);

      g_free (entry->moderation);
      entry->moderation = g_strdup ("pending");
      _chorus_ranking_add_criterion (r, 1, 1);
      ranking_test_vote (r, 1, "like", 11, 1, NAN, 1);
      ranking_test_jury (r, 1, 100, scores, 1);
      _chorus_ranking_compute (r);
    }

  g_assert_true (isnan (chorus_ranking_get_prior_mean (ranking)));
  g_assert_true (isnan (chorus_ranking_get_entry (ranking, 0)->community_score));
  g_assert_true (isnan (chorus_ranking_get_entry (ranking, 0)->combined_score));
  g_assert_cmpuint (chorus_ranking_get_entry (ranking, 0)->flags, ==,
                    CHORUS_RANKING_FLAG_NO_COMMUNITY_SCORE | CHORUS_RANKING_FLAG_PENDING);
  assert_close (chorus_ranking_get_entry (jury_only, 0)->combined_score, 0.6);
  g_assert_cmpuint (chorus_ranking_get_entry (jury_only, 0)->flags, ==, CHORUS_RANKING_FLAG_PENDING);
}

static void
test_flag_names (void)
{
  g_auto(GStrv) keys = chorus_ranking_flags_to_keys (CHORUS_RANKING_FLAG_SELF_VOTE | CHORUS_RANKING_FLAG_BURST |
                                                     CHORUS_RANKING_FLAG_PENDING);
  g_auto(GStrv) none = chorus_ranking_flags_to_keys (CHORUS_RANKING_FLAG_NONE);
  const char * const expected[] = { "burst", "self_vote", "pending", NULL };

  g_assert_cmpstrv (keys, expected);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  for (guint i = 0; i < CHORUS_RANKING_N_FLAGS; i++)
    {
      g_assert_nonnull (chorus_ranking_flag_key (1 << i));
      g_assert_nonnull (chorus_ranking_flag_describe (1 << i));
    }
  g_assert_cmpstr (chorus_ranking_flag_key (CHORUS_RANKING_FLAG_NEAR_DUPLICATE), ==, "near_duplicate");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/ranking/bayesian-average", test_bayesian_average);
  g_test_add_func ("/chorus/ranking/wilson-lower", test_wilson_lower);
  g_test_add_func ("/chorus/ranking/juror-score", test_juror_score);
  g_test_add_func ("/chorus/ranking/krippendorff-textbook", test_krippendorff_textbook);
  g_test_add_func ("/chorus/ranking/worked-example", test_worked_example);
  g_test_add_func ("/chorus/ranking/counted-votes", test_counted_votes);
  g_test_add_func ("/chorus/ranking/support-once-per-person", test_support_once_per_person);
  g_test_add_func ("/chorus/ranking/ties", test_ties);
  g_test_add_func ("/chorus/ranking/no-jury-yet", test_no_jury_yet);
  g_test_add_func ("/chorus/ranking/no-community-score", test_no_community_score);
  g_test_add_func ("/chorus/ranking/flag-names", test_flag_names);

  return g_test_run ();
}
