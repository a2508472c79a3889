/* test-analysis.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A pre-test's statistics: bad input and its messages, a poll and a 2 × 2
 * table worked by hand, posteriors with closed forms (ties, no data, one
 * vote), chances summing to 1 up to 50,000 votes, the warnings, the
 * planner, and the JSON. check-analysis-scipy.py compares many more
 * numbers with scipy. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chorus-analysis.h"
#include "chorus-error.h"
#include "chorus-verdict.h"

#define assert_close(value, expected, tolerance) \
  G_STMT_START { \
    double v_ = (value), e_ = (expected); \
    if (!(fabs (v_ - e_) <= (tolerance))) \
      g_error ("%s = %.17g, expected %.17g", #value, v_, e_); \
  } G_STMT_END

typedef struct
{
  const char   *name;
  guint         n;
  const gint64  counts[3];
  const gint64  exposures[3];
  gboolean      rates;
  const char   *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "one-variant", 1, { 3 }, { 0 }, FALSE, "A pre-test compares from 2 to 26 variants, not 1." },
  { "no-variants", 0, { 0 }, { 0 }, FALSE, "A pre-test compares from 2 to 26 variants, not 0." },
  { "negative-votes", 3, { 4, 2, -1 }, { 0 }, FALSE, "Variant 3 has a negative number of votes (-1)." },
  { "negative-successes", 2, { -5, 2 }, { 10, 10 }, TRUE, "Variant 1 has a negative number of successes (-5)." },
  { "negative-exposures", 2, { 0, 0 }, { 10, -3 }, TRUE, "Variant 2 has a negative number of exposures (-3)." },
  { "more-successes", 2, { 3, 12 }, { 10, 10 }, TRUE, "Variant 2 has more successes (12) than exposures (10)." },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;

  analysis = chorus_analysis_new (c->counts, c->rates ? c->exposures : NULL, c->n, &error);
  g_assert_null (analysis);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_too_many_variants (void)
{
  gint64 counts[27] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;

  analysis = chorus_analysis_new (counts, NULL, 27, &error);
  g_assert_null (analysis);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  analysis = chorus_analysis_new (counts, NULL, 26, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_analysis_get_n_pairs (analysis), ==, 26 * 25 / 2);
}

static ChorusAnalysis *
new_analysis (const gint64 *counts,
              const gint64 *exposures,
              guint         n)
{
  g_autoptr(GError) error = NULL;
  ChorusAnalysis *analysis = chorus_analysis_new (counts, exposures, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  return analysis;
}

static void
assert_chances_sum_to_one (const ChorusAnalysis *analysis)
{
  double sum = 0;

  for (guint i = 0; i < chorus_analysis_get_n_variants (analysis); i++)
    {
      const ChorusAnalysisVariant *v = chorus_analysis_get_variant (analysis, i);

      g_assert_cmpfloat (v->chance_to_beat_all, >=, 0);
      g_assert_cmpfloat (v->expected_loss, >=, 0);
      sum += v->chance_to_beat_all;
    }
  assert_close (sum, 1.0, 1e-9);
}

static void
test_poll_by_hand (void)
{
  static const gint64 counts[] = { 18, 30, 12 };
  g_autoptr(ChorusAnalysis) analysis = new_analysis (counts, NULL, 3);
  const ChorusAnalysisPair *pair;

  /* 60 votes, 20 expected each:
   * χ² = ((18 − 20)² + (30 − 20)² + (12 − 20)²) / 20 = (4 + 100 + 64) / 20 = 8.4
   * on 2 df, whose survival function is e^(−x/2): p = e^(−4.2) = 0.0149956. */
  g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_POLL);
  g_assert_cmpint (chorus_analysis_get_total (analysis), ==, 60);
  g_assert_cmpuint (chorus_analysis_get_df (analysis), ==, 2);
  assert_close (chorus_analysis_get_chi_square (analysis), 8.4, 1e-12);
  assert_close (chorus_analysis_get_p_value (analysis), exp (-4.2), 1e-14);
  assert_close (chorus_analysis_get_variant (analysis, 1)->share, 0.5, 1e-15);
  g_assert_cmpint (chorus_analysis_get_variant (analysis, 1)->exposures, ==, -1);
  g_assert_cmpuint (chorus_analysis_get_variant (analysis, 1)->index, ==, 2);
  g_assert_true (chorus_analysis_has_enough_data (analysis));
  g_assert_cmpint (chorus_analysis_get_warnings (analysis), ==, CHORUS_ANALYSIS_WARNING_NONE);
  g_assert_cmpuint (chorus_analysis_get_best (analysis), ==, 2);

  /* Pairs against 50/50: (1, 2) gives 12² / 48 = 3 (p = 0.0832645),
   * (1, 3) 6² / 30 = 1.2 (p = 0.273322), (2, 3) 18² / 42 = 7.714 (p =
   * 0.00547855). Holm: 3 · 0.00547855, then 2 · 0.0832645, then 0.273322. */
  g_assert_cmpuint (chorus_analysis_get_n_pairs (analysis), ==, 3);
  pair = chorus_analysis_get_pair (analysis, 0);
  g_assert_cmpuint (pair->a, ==, 1);
  g_assert_cmpuint (pair->b, ==, 2);
  assert_close (pair->chi_square, 3.0, 1e-12);
  assert_close (pair->p_value, 0.08326451666355042, 1e-12);
  assert_close (pair->p_holm, 2 * 0.08326451666355042, 1e-12);
  pair = chorus_analysis_get_pair (analysis, 1);
  assert_close (pair->chi_square, 1.2, 1e-12);
  assert_close (pair->p_holm, 0.273321678292295, 1e-12);
  pair = chorus_analysis_get_pair (analysis, 2);
  g_assert_cmpuint (pair->a, ==, 2);
  g_assert_cmpuint (pair->b, ==, 3);
  assert_close (pair->chi_square, 324.0 / 42, 1e-12);
  assert_close (pair->p_holm, 3 * 0.00547855324254737, 1e-12);

  assert_chances_sum_to_one (analysis);
}

static void
test_rates_by_hand (void)
{
  static const gint64 counts[] = { 10, 20 };
  static const gint64 exposures[] = { 100, 100 };
  g_autoptr(ChorusAnalysis) analysis = new_analysis (counts, exposures, 2);
  const ChorusAnalysisVariant *v;

  /* The table (10 20 / 90 80): χ² = N (ad − bc)² / (r₁ r₂ c₁ c₂)
   * = 200 · (800 − 1800)² / (30 · 170 · 100 · 100) = 200/51 = 3.9216,
   * p = 0.0476704 on 1 df. */
  g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_RATES);
  g_assert_cmpint (chorus_analysis_get_total (analysis), ==, 200);
  g_assert_cmpuint (chorus_analysis_get_df (analysis), ==, 1);
  assert_close (chorus_analysis_get_chi_square (analysis), 200.0 / 51, 1e-12);
  assert_close (chorus_analysis_get_p_value (analysis), 0.0476703806561615, 1e-12);
  assert_close (chorus_analysis_get_pair (analysis, 0)->chi_square, 200.0 / 51, 1e-12);

  v = chorus_analysis_get_variant (analysis, 1);
  assert_close (v->share, 0.2, 1e-15);
  g_assert_cmpint (v->exposures, ==, 100);
  g_assert_cmpfloat (v->wilson_low, <, 0.2);
  g_assert_cmpfloat (v->wilson_high, >, 0.2);
  g_assert_cmpuint (chorus_analysis_get_best (analysis), ==, 2);
  assert_chances_sum_to_one (analysis);
}

static void
test_closed_forms (void)
{
  static const gint64 one[] = { 1, 0 };
  static const gint64 one_exposure[] = { 1, 0 };
  g_autoptr(ChorusAnalysis) poll = new_analysis (one, NULL, 2);
  g_autoptr(ChorusAnalysis) rates = new_analysis (one, one_exposure, 2);

  /* One vote: share₁ ~ Beta(2, 1), P(share₁ > ½) = 1 − ¼ = ¾;
   * E[max] = ∫₀^½ (1 − t) 2t dt + ∫_½^1 t · 2t dt = 1/6 + 7/12 = ¾, so the
   * losses are ¾ − ⅔ = 1/12 and ¾ − ⅓ = 5/12. */
  assert_close (chorus_analysis_get_variant (poll, 0)->chance_to_beat_all, 0.75, 1e-10);
  assert_close (chorus_analysis_get_variant (poll, 1)->chance_to_beat_all, 0.25, 1e-10);
  assert_close (chorus_analysis_get_variant (poll, 0)->expected_loss, 1.0 / 12, 1e-10);
  assert_close (chorus_analysis_get_variant (poll, 1)->expected_loss, 5.0 / 12, 1e-10);

  /* One success in one exposure against nothing: Beta(2, 1) against
   * Beta(1, 1), P = ∫ 2x · x dx = ⅔; E[max] = ∫ (1 − x² · x) dx = ¾, so
   * the losses are ¾ − ⅔ = 1/12 and ¾ − ½ = ¼. */
  assert_close (chorus_analysis_get_variant (rates, 0)->chance_to_beat_all, 2.0 / 3, 1e-10);
  assert_close (chorus_analysis_get_variant (rates, 1)->chance_to_beat_all, 1.0 / 3, 1e-10);
  assert_close (chorus_analysis_get_variant (rates, 0)->expected_loss, 1.0 / 12, 1e-10);
  assert_close (chorus_analysis_get_variant (rates, 1)->expected_loss, 0.25, 1e-10);
  g_assert_true (isnan (chorus_analysis_get_chi_square (rates)));
}

static void
test_no_data (void)
{
  static const gint64 zeros[] = { 0, 0, 0, 0 };
  g_autoptr(ChorusAnalysis) poll = new_analysis (zeros, NULL, 4);
  g_autoptr(ChorusAnalysis) rates = new_analysis (zeros, zeros, 3);

  /* Flat posteriors: every chance 1/k. Dirichlet(1, 1, 1, 1) has
   * E[max] = H₄ / 4 = 25/48, so each loss is 25/48 − 1/4 = 13/48; three
   * uniform rates have E[max] = ¾, so each loss is ¾ − ½ = ¼. */
  for (guint i = 0; i < 4; i++)
    {
      const ChorusAnalysisVariant *v = chorus_analysis_get_variant (poll, i);

      assert_close (v->chance_to_beat_all, 0.25, 1e-9);
      assert_close (v->expected_loss, 13.0 / 48, 1e-9);
      g_assert_cmpfloat (v->share, ==, 0);
      g_assert_cmpfloat (v->wilson_low, ==, 0);
      g_assert_cmpfloat (v->wilson_high, ==, 1);
    }
  for (guint i = 0; i < 3; i++)
    {
      assert_close (chorus_analysis_get_variant (rates, i)->chance_to_beat_all, 1.0 / 3, 1e-9);
      assert_close (chorus_analysis_get_variant (rates, i)->expected_loss, 0.25, 1e-9);
    }

  g_assert_true (isnan (chorus_analysis_get_chi_square (poll)));
  g_assert_true (isnan (chorus_analysis_get_p_value (poll)));
  g_assert_true (isnan (chorus_analysis_get_pair (poll, 0)->p_holm));
  g_assert_true (isnan (chorus_analysis_get_p_value (rates)));
  g_assert_cmpuint (chorus_analysis_get_best (poll), ==, 1);
  g_assert_cmpuint (chorus_analysis_get_best (rates), ==, 1);
  g_assert_cmpint (chorus_analysis_get_warnings (poll), ==, CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA);
  /* No exposures anywhere is not an imbalance. */
  g_assert_cmpint (chorus_analysis_get_warnings (rates), ==, CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA);
}

static void
test_ties (void)
{
  static const gint64 counts[] = { 40, 55, 55, 30 };
  static const gint64 exposures[] = { 400, 500, 500, 300 };
  g_autoptr(ChorusAnalysis) poll = new_analysis (counts, NULL, 4);
  g_autoptr(ChorusAnalysis) rates = new_analysis (counts, exposures, 4);

  /* Variants 2 and 3 are the same: the same chance, and the first wins. */
  g_assert_cmpfloat (chorus_analysis_get_variant (poll, 1)->chance_to_beat_all, ==,
                     chorus_analysis_get_variant (poll, 2)->chance_to_beat_all);
  g_assert_cmpfloat (chorus_analysis_get_variant (poll, 1)->chance_to_beat_all, >, 0.45);
  g_assert_cmpuint (chorus_analysis_get_best (poll), ==, 2);
  g_assert_cmpfloat (chorus_analysis_get_variant (rates, 1)->chance_to_beat_all, ==,
                     chorus_analysis_get_variant (rates, 2)->chance_to_beat_all);
  g_assert_cmpuint (chorus_analysis_get_best (rates), ==, 2);
  assert_chances_sum_to_one (poll);
  assert_chances_sum_to_one (rates);
}

typedef struct
{
  const char  *name;
  guint        n;
  gint64       counts[6];
  gint64       exposures[6];
  gboolean     rates;
} SumCase;

static const SumCase sum_cases[] = {
  { "poll-large", 2, { 40000, 39500 }, { 0 }, FALSE },
  { "poll-50000", 3, { 50000, 49000, 1000 }, { 0 }, FALSE },
  { "poll-dominant", 3, { 1000, 0, 0 }, { 0 }, FALSE },
  { "poll-six", 6, { 1, 2, 3, 4, 5, 6 }, { 0 }, FALSE },
  { "poll-six-large", 6, { 12000, 12100, 11900, 12050, 11980, 12020 }, { 0 }, FALSE },
  { "rates-large", 2, { 4000, 4150 }, { 100000, 100000 }, TRUE },
  { "rates-imbalanced", 3, { 30, 45, 3 }, { 1000, 1100, 50 }, TRUE },
  { "rates-extremes", 4, { 0, 500, 1, 250 }, { 500, 500, 3, 1000 }, TRUE },
};

static void
test_chances_sum (gconstpointer data)
{
  const SumCase *c = data;
  g_autoptr(ChorusAnalysis) analysis = new_analysis (c->counts, c->rates ? c->exposures : NULL, c->n);

  assert_chances_sum_to_one (analysis);
}

static void
test_large_poll (void)
{
  static const gint64 counts[] = { 50000, 49000, 1000 };
  g_autoptr(ChorusAnalysis) analysis = new_analysis (counts, NULL, 3);
  double z;

  /* With 100,000 votes the shares are nearly normal: share₁ − share₂ has
   * mean 0.01 and variance (s₁ + s₂ − (s₁ − s₂)²) / n = 0.9899 / 100000. */
  z = 0.01 / sqrt (0.9899 / 100000);
  assert_close (chorus_analysis_get_variant (analysis, 0)->chance_to_beat_all,
                0.5 * erfc (-z / G_SQRT2), 1e-4);
  g_assert_cmpfloat (chorus_analysis_get_variant (analysis, 2)->chance_to_beat_all, <, 1e-12);
  g_assert_cmpuint (chorus_analysis_get_best (analysis), ==, 1);
}

static void
test_warnings (void)
{
  static const gint64 few[] = { 3, 4 };
  static const gint64 enough[] = { 40, 50 };
  static const gint64 spread[] = { 5, 5, 5, 5, 5, 5, 1 };
  static const gint64 successes[] = { 10, 10 };
  static const gint64 twice[] = { 100, 200 };
  static const gint64 more_than_twice[] = { 100, 201 };
  static const gint64 rare[] = { 1, 1 };
  static const gint64 empty[] = { 0, 5 };
  static const gint64 empty_exposures[] = { 0, 40 };
  g_autoptr(ChorusAnalysis) a = new_analysis (few, NULL, 2);
  g_autoptr(ChorusAnalysis) b = new_analysis (enough, NULL, 2);
  g_autoptr(ChorusAnalysis) c = new_analysis (spread, NULL, 7);
  g_autoptr(ChorusAnalysis) d = new_analysis (successes, twice, 2);
  g_autoptr(ChorusAnalysis) e = new_analysis (successes, more_than_twice, 2);
  g_autoptr(ChorusAnalysis) f = new_analysis (rare, twice, 2);
  g_autoptr(ChorusAnalysis) g = new_analysis (empty, empty_exposures, 2);

  g_assert_cmpint (chorus_analysis_get_warnings (a), ==, CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA);
  g_assert_false (chorus_analysis_has_enough_data (a));
  g_assert_cmpint (chorus_analysis_get_warnings (b), ==, CHORUS_ANALYSIS_WARNING_NONE);
  /* 31 votes but under 5 expected for each of 7 variants. */
  g_assert_cmpint (chorus_analysis_get_warnings (c), ==, CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA);
  /* Exactly twice the exposures is still balanced; more is not. */
  g_assert_cmpint (chorus_analysis_get_warnings (d), ==, CHORUS_ANALYSIS_WARNING_NONE);
  g_assert_cmpint (chorus_analysis_get_warnings (e), ==, CHORUS_ANALYSIS_WARNING_EXPOSURE_IMBALANCE);
  /* Two successes in all: expected successes under 5. */
  g_assert_cmpint (chorus_analysis_get_warnings (f), ==, CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA);
  g_assert_cmpint (chorus_analysis_get_warnings (g), ==,
                   CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA | CHORUS_ANALYSIS_WARNING_EXPOSURE_IMBALANCE);
  g_assert_true (isnan (chorus_analysis_get_chi_square (g)));
}

static void
test_plan (void)
{
  static const gint64 zeros[] = { 0, 0 };
  static const gint64 votes[] = { 120, 100, 30 };
  static const gint64 successes[] = { 12, 20 };
  static const gint64 exposures[] = { 300, 310 };
  g_autoptr(ChorusAnalysis) empty_poll = new_analysis (zeros, NULL, 2);
  g_autoptr(ChorusAnalysis) empty_rates = new_analysis (zeros, zeros, 2);
  g_autoptr(ChorusAnalysis) poll = new_analysis (votes, NULL, 3);
  g_autoptr(ChorusAnalysis) rates = new_analysis (successes, exposures, 2);
  ChorusAnalysis *analyses[] = { empty_poll, empty_rates, poll, rates };

  /* No votes, two variants: m = 1, p = 0.525,
   * n₂ = ((1.959964 · 0.5 + 0.841621 · √(0.525 · 0.475)) / 0.025)² = 3137.19. */
  g_assert_cmpint (chorus_analysis_plan_more (empty_poll, 0.05), ==, 3138);
  /* No exposures: p₁ = 0.5, p₂ = 0.45, p̄ = 0.475,
   * n = ((1.959964 √(2 · 0.475 · 0.525) + 0.841621 √(0.25 + 0.2475)) / 0.05)²
   * = 1564.67, so 1565 for each of the two. */
  g_assert_cmpint (chorus_analysis_plan_more (empty_rates, 0.05), ==, 2 * 1565);

  /* Fewer are needed for larger differences. For rates the alternative
   * p₂ = p₁ − d turns into p₁ + d once d passes the best rate p₁, which
   * can need more again, so each side of that switch is checked alone:
   * best rates 0.5 (no exposures) and 20/310. */
  for (guint i = 0; i < G_N_ELEMENTS (analyses); i++)
    {
      double switch_at = i == 1 ? 0.5 : (i == 3 ? 20.0 / 310 : 1);
      gint64 previous = G_MAXINT64;

      g_assert_cmpint (chorus_analysis_plan_more (analyses[i], 0), ==, -1);
      g_assert_cmpint (chorus_analysis_plan_more (analyses[i], -0.1), ==, -1);
      g_assert_cmpint (chorus_analysis_plan_more (analyses[i], 1), ==, -1);
      g_assert_cmpint (chorus_analysis_plan_more (analyses[i], NAN), ==, -1);
      for (double d = 0.005; d < 0.95; d += 0.005)
        {
          gint64 more = chorus_analysis_plan_more (analyses[i], d);

          if (d > switch_at && d - 0.005 <= switch_at)
            previous = G_MAXINT64;
          g_assert_cmpint (more, >=, 0);
          g_assert_cmpint (more, <=, previous);
          previous = more;
        }
      /* Small differences need data; huge ones need none beyond what is there. */
      g_assert_cmpint (chorus_analysis_plan_more (analyses[i], 0.01), >, 1000);
    }
  g_assert_cmpint (chorus_analysis_plan_more (poll, 0.6), ==, 0);
}

static void
test_json (void)
{
  static const gint64 counts[] = { 3, 0 };
  static const gint64 exposures[] = { 10, 0 };
  static const char * const texts[] = { "Short subject", "Long subject" };
  g_autoptr(ChorusAnalysis) poll = new_analysis (counts, NULL, 2);
  g_autoptr(ChorusAnalysis) rates = new_analysis (counts, exposures, 2);
  g_autoptr(JsonNode) poll_node = chorus_analysis_to_json (poll, texts);
  g_autoptr(JsonNode) rates_node = chorus_analysis_to_json (rates, NULL);
  JsonObject *object = json_node_get_object (poll_node);
  JsonObject *variant, *pair, *plan;

  g_assert_cmpstr (json_object_get_string_member (object, "design"), ==, "poll");
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "df"), ==, 1);
  assert_close (json_object_get_double_member (object, "chi_square"), 3.0, 1e-12);
  g_assert_false (json_object_get_boolean_member (object, "enough_data"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "warnings"), 0),
                   ==, "not-enough-data");
  g_assert_cmpint (json_object_get_int_member (object, "best"), ==, 1);
  variant = json_array_get_object_element (json_object_get_array_member (object, "variants"), 1);
  g_assert_cmpint (json_object_get_int_member (variant, "index"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (variant, "text"), ==, "Long subject");
  g_assert_true (json_object_get_null_member (variant, "exposures"));
  g_assert_false (json_object_has_member (variant, "rate"));
  g_assert_true (json_object_has_member (variant, "expected_loss"));
  plan = json_object_get_object_member (object, "plan");
  assert_close (json_object_get_double_member (plan, "difference"), 0.05, 1e-15);
  g_assert_cmpint (json_object_get_int_member (plan, "more"), ==,
                   chorus_analysis_plan_more (poll, 0.05));

  /* A variant without exposures makes the test undefined: nulls. */
  object = json_node_get_object (rates_node);
  g_assert_cmpstr (json_object_get_string_member (object, "design"), ==, "rates");
  g_assert_true (json_object_get_null_member (object, "chi_square"));
  g_assert_true (json_object_get_null_member (object, "p_value"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "warnings")), ==, 2);
  variant = json_array_get_object_element (json_object_get_array_member (object, "variants"), 0);
  g_assert_true (json_object_get_null_member (variant, "text"));
  g_assert_cmpint (json_object_get_int_member (variant, "exposures"), ==, 10);
  assert_close (json_object_get_double_member (variant, "rate"), 0.3, 1e-15);
  assert_close (json_object_get_double_member (variant, "share"), 0.3, 1e-15);
  pair = json_array_get_object_element (json_object_get_array_member (object, "pairs"), 0);
  g_assert_cmpint (json_object_get_int_member (pair, "a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (pair, "b"), ==, 2);
  g_assert_true (json_object_get_null_member (pair, "p_holm"));
}

static void
test_boxed (void)
{
  static const gint64 counts[] = { 1, 2 };
  ChorusAnalysis *analysis = new_analysis (counts, NULL, 2);
  ChorusAnalysis *copy = g_boxed_copy (CHORUS_TYPE_ANALYSIS, analysis);

  g_assert_true (copy == analysis);
  g_boxed_free (CHORUS_TYPE_ANALYSIS, copy);
  g_assert_cmpint (chorus_analysis_get_total (analysis), ==, 3);
  chorus_analysis_unref (analysis);
}

/* The time guard: first posting times more than 12 h apart, or more than
 * half of the shortest observed window apart, and nothing to compare with
 * fewer than two known times. */
static void
test_time_spread (void)
{
  const gint64 counts[] = { 40, 55, 50 };
  const gint64 exposures[] = { 1000, 1000, 1000 };
  const gint64 base = 1760000000;
  const gint64 hour = 60 * 60;
  struct
  {
    gint64   posted[3];
    gint64   until[3];
    gboolean warned;
    gint64   spread;
  } cases[] = {
    /* an hour apart, read for two days: fine */
    { { base, base + hour, base + 2 * hour }, { base + 48 * hour, base + 48 * hour, base + 48 * hour }, FALSE, 2 * hour },
    /* 13 h apart, read for a week: too far apart whatever the window */
    { { base, base + 13 * hour, base + hour }, { base + 168 * hour, base + 168 * hour, base + 168 * hour }, TRUE,
      13 * hour },
    /* exactly 12 h apart, read for a week: not more than the limit */
    { { base, base + 12 * hour, base }, { base + 168 * hour, base + 168 * hour, base + 168 * hour }, FALSE, 12 * hour },
    /* 2 h apart, but the last was read for only 3 h: more than half of it */
    { { base, base + 2 * hour, base + hour }, { base + 5 * hour, base + 5 * hour, base + 5 * hour }, TRUE, 2 * hour },
    /* 2 h apart, the shortest window 4 h: exactly half, fine */
    { { base, base + 2 * hour, base + hour }, { base + 6 * hour, base + 6 * hour, base + 6 * hour }, FALSE, 2 * hour },
    /* one known time only (a manual run for the others): nothing to compare */
    { { base + 20 * hour, 0, 0 }, { base + 30 * hour, 0, 0 }, FALSE, 0 },
    /* posted two minutes apart and read a minute later: the same moment */
    { { base, base + 120, base + 60 }, { base + 180, base + 180, base + 180 }, FALSE, 120 },
    /* ten minutes apart, read for a quarter of an hour: more than half of it */
    { { base, base + 600, base }, { base + 900, base + 900, base + 900 }, TRUE, 600 },
    /* unknown windows count for nothing */
    { { base, base + 3 * hour, 0 }, { 0, 0, 0 }, FALSE, 3 * hour },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChorusAnalysis) analysis = chorus_analysis_new (counts, exposures, 3, &error);
      g_autoptr(GPtrArray) sentences = NULL;
      gboolean said = FALSE;

      g_assert_no_error (error);
      g_assert_false (chorus_analysis_get_warnings (analysis) & CHORUS_ANALYSIS_WARNING_TIME_SPREAD);
      chorus_analysis_check_times (analysis, cases[i].posted, cases[i].until);
      g_assert_cmpint (!!(chorus_analysis_get_warnings (analysis) & CHORUS_ANALYSIS_WARNING_TIME_SPREAD), ==,
                       cases[i].warned);
      g_assert_cmpint (chorus_analysis_get_time_spread (analysis), ==, cases[i].spread);

      sentences = chorus_verdict_dup_warnings (analysis);
      for (guint j = 0; j < sentences->len; j++)
        said |= strstr (g_ptr_array_index (sentences, j), "first posted up to") != NULL;
      g_assert_cmpint (said, ==, cases[i].warned);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/analysis/bad-input/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sum_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/analysis/chances-sum/%s", sum_cases[i].name);

      g_test_add_data_func (path, &sum_cases[i], test_chances_sum);
    }
  g_test_add_func ("/chorus/analysis/too-many-variants", test_too_many_variants);
  g_test_add_func ("/chorus/analysis/poll-by-hand", test_poll_by_hand);
  g_test_add_func ("/chorus/analysis/rates-by-hand", test_rates_by_hand);
  g_test_add_func ("/chorus/analysis/closed-forms", test_closed_forms);
  g_test_add_func ("/chorus/analysis/no-data", test_no_data);
  g_test_add_func ("/chorus/analysis/ties", test_ties);
  g_test_add_func ("/chorus/analysis/large-poll", test_large_poll);
  g_test_add_func ("/chorus/analysis/warnings", test_warnings);
  g_test_add_func ("/chorus/analysis/time-spread", test_time_spread);
  g_test_add_func ("/chorus/analysis/plan", test_plan);
  g_test_add_func ("/chorus/analysis/json", test_json);
  g_test_add_func ("/chorus/analysis/boxed", test_boxed);

  return g_test_run ();
}
