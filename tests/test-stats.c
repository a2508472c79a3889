/* test-stats.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The numeric primitives behind the pre-test statistics, against values
 * from tables and closed forms: normal quantiles and tails, chi-square
 * critical values, incomplete gamma as a Poisson sum and incomplete
 * beta as a binomial sum (both added up term by term here), the arcsine
 * law, the Wilson interval of 81 out of 263, Holm's worked example, and
 * integrals with known values. */

#include <locale.h>
#include <math.h>

#include "chorus-stats-private.h"

#define assert_close(value, expected, rel) \
  G_STMT_START { \
    double v_ = (value), e_ = (expected); \
    if (!(fabs (v_ - e_) <= (rel) * fabs (e_))) \
      g_error ("%s = %.17g, expected %.17g (relative %.3g)", #value, v_, e_, \
               fabs (v_ - e_) / fabs (e_)); \
  } G_STMT_END

static void
test_normal_quantile (void)
{
  /* Tables of the standard normal: z for 97.5 %, 80 %, 99.5 % and 1e-10. */
  assert_close (_chorus_stats_normal_quantile (0.975), 1.959963984540054, 1e-15);
  assert_close (_chorus_stats_normal_quantile (0.025), -1.959963984540054, 1e-15);
  assert_close (_chorus_stats_normal_quantile (0.80), 0.8416212335729143, 1e-15);
  assert_close (_chorus_stats_normal_quantile (0.995), 2.5758293035489004, 1e-15);
  assert_close (_chorus_stats_normal_quantile (1e-10), -6.361340902404056, 1e-14);
  g_assert_cmpfloat (_chorus_stats_normal_quantile (0.5), ==, 0.0);
  g_assert_cmpfloat (_chorus_stats_normal_quantile (0), ==, -INFINITY);
  g_assert_cmpfloat (_chorus_stats_normal_quantile (1), ==, INFINITY);
  g_assert_true (isnan (_chorus_stats_normal_quantile (1.5)));
  g_assert_true (isnan (_chorus_stats_normal_quantile (NAN)));

  /* Round trips across both tails and both approximation regions. */
  for (double p = 1e-300; p < 0.5; p *= 3.7)
    {
      double x = _chorus_stats_normal_quantile (p);

      /* Φ's relative condition number is about x², so allow for that. */
      assert_close (_chorus_stats_normal_cdf (x), p, 1e-14 * (4 + x * x));
      /* 1 − p is rounded, so the upper quantile is only as good as that. */
      if (p > 1e-8)
        assert_close (_chorus_stats_normal_quantile (1 - p), -_chorus_stats_normal_quantile (p), 1e-7);
    }
}

static void
test_normal_cdf (void)
{
  g_assert_cmpfloat (_chorus_stats_normal_cdf (0), ==, 0.5);
  assert_close (_chorus_stats_normal_cdf (1.96), 0.9750021048517795, 1e-15);
  assert_close (_chorus_stats_normal_cdf (-1), 0.15865525393145707, 1e-14);
  /* The far tail keeps its relative precision: Φ(−10) ≈ 7.62e-24. */
  assert_close (_chorus_stats_normal_cdf (-10), 7.61985302416047e-24, 1e-12);
}

typedef struct
{
  double x;
  double df;
  double sf;
} ChiSquareRow;

static void
test_chi2_sf (void)
{
  /* Critical values from any chi-square table, at 5 % and 1 %. */
  static const ChiSquareRow rows[] = {
    { 3.841458820694124, 1, 0.05 },
    { 5.991464547107979, 2, 0.05 },
    { 7.814727903251179, 3, 0.05 },
    { 11.070497693516351, 5, 0.05 },
    { 6.6348966010212145, 1, 0.01 },
    { 9.21034037197618, 2, 0.01 },
    { 23.209251158954356, 10, 0.01 },
    { 124.34211340400407, 100, 0.05 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    assert_close (_chorus_stats_chi2_sf (rows[i].x, rows[i].df), rows[i].sf, 1e-12);

  /* Two degrees of freedom: the survival function is e^(−x/2). */
  for (double x = 0.01; x < 1400; x *= 1.9)
    assert_close (_chorus_stats_chi2_sf (x, 2), exp (-x / 2), 1e-13);

  g_assert_cmpfloat (_chorus_stats_chi2_sf (0, 3), ==, 1.0);
  g_assert_true (isnan (_chorus_stats_chi2_sf (NAN, 1)));
  g_assert_true (isnan (_chorus_stats_chi2_sf (1, 0)));
}

/* Q(a, x) for whole a is the chance of fewer than a Poisson(x) events:
 * e^(−x) Σₖ₍ₐ xᵏ / k!, summed here term by term in logs. */
static double
poisson_below (int    a,
               double x)
{
  double sum = 0;

  for (int k = 0; k < a; k++)
    sum += exp (k * log (x) - x - lgamma (k + 1));

  return sum;
}

static void
test_incomplete_gamma (void)
{
  static const int shapes[] = { 1, 2, 3, 10, 50, 100, 500, 2000 };
  static const double scales[] = { 0.1, 0.5, 0.9, 1.0, 1.1, 1.5, 2.0 };

  assert_close (_chorus_stats_gamma_q (3, 2), 5 * exp (-2), 1e-14);
  assert_close (_chorus_stats_gamma_p (1, 0.5), -expm1 (-0.5), 1e-14);
  /* P(½, x) = erf (√x). */
  assert_close (_chorus_stats_gamma_p (0.5, 2), 0.9544997361036416, 1e-14);
  assert_close (_chorus_stats_gamma_p (0.5, 0.01), erf (0.1), 1e-13);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (scales); j++)
      {
        double a = shapes[i], x = scales[j] * a, p, q;
        double expected_q = poisson_below (shapes[i], x);

        _chorus_stats_gamma_pq (a, x, &p, &q);
        if (expected_q > 1e-300)
          assert_close (q, expected_q, 1e-11);
        assert_close (p + q, 1.0, 1e-15);
      }

  g_assert_cmpfloat (_chorus_stats_gamma_p (2, 0), ==, 0.0);
  g_assert_true (isnan (_chorus_stats_gamma_p (-1, 1)));
  g_assert_true (isnan (_chorus_stats_gamma_q (1, -1)));
}

/* I_x(a, b) for whole a, b is the chance of at least a successes in
 * a + b − 1 trials of chance x. */
static double
binomial_at_least (int    a,
                   int    b,
                   double x)
{
  int n = a + b - 1;
  double sum = 0;

  for (int j = a; j <= n; j++)
    sum += exp (lgamma (n + 1) - lgamma (j + 1) - lgamma (n - j + 1)
                + j * log (x) + (n - j) * log1p (-x));

  return sum;
}

static void
test_incomplete_beta (void)
{
  static const int shapes[][2] = { { 1, 1 }, { 2, 3 }, { 5, 2 }, { 20, 30 }, { 100, 7 }, { 150, 150 } };
  static const double xs[] = { 0.01, 0.2, 0.45, 0.5, 0.62, 0.9, 0.99 };

  /* P(at least 2 of 4 at 0.4) = 1 − 0.6⁴ − 4 · 0.4 · 0.6³ = 0.5248. */
  assert_close (_chorus_stats_beta_inc (2, 3, 0.4), 0.5248, 1e-14);
  /* The arcsine law: I_x(½, ½) = (2/π) asin √x. */
  assert_close (_chorus_stats_beta_inc (0.5, 0.5, 0.3), 2 / G_PI * asin (sqrt (0.3)), 1e-13);
  /* Symmetry: I_½(a, a) = ½. */
  assert_close (_chorus_stats_beta_inc (7.5, 7.5, 0.5), 0.5, 1e-14);
  assert_close (_chorus_stats_beta_inc (5000, 5000, 0.5), 0.5, 1e-12);
  /* I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a. */
  assert_close (_chorus_stats_beta_inc (1, 40, 0.03), -expm1 (40 * log1p (-0.03)), 1e-14);
  assert_close (_chorus_stats_beta_inc (12, 1, 0.8), pow (0.8, 12), 1e-14);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (xs); j++)
      {
        double p, q, expected = binomial_at_least (shapes[i][0], shapes[i][1], xs[j]);

        _chorus_stats_beta_inc_pq (shapes[i][0], shapes[i][1], xs[j], &p, &q);
        if (expected > 1e-300)
          assert_close (p, expected, 1e-11);
        assert_close (p + q, 1.0, 1e-15);
        /* I_x(a, b) = 1 − I_(1−x)(b, a) */
        assert_close (_chorus_stats_beta_inc (shapes[i][1], shapes[i][0], 1 - xs[j]), q,
                      q > 1e-200 ? 1e-11 : 1.0);
      }

  g_assert_cmpfloat (_chorus_stats_beta_inc (2, 2, 0), ==, 0.0);
  g_assert_cmpfloat (_chorus_stats_beta_inc (2, 2, 1), ==, 1.0);
  g_assert_true (isnan (_chorus_stats_beta_inc (2, 2, 1.5)));
}

static void
test_densities (void)
{
  /* B(3, 4) = 2! 3! / 6! = 1/60, so the density at 0.2 is 60 · 0.2² · 0.8³. */
  assert_close (_chorus_stats_beta_pdf (3, 4, 0.2), 60 * 0.04 * 0.512, 1e-14);
  assert_close (_chorus_stats_beta_pdf (1, 5, 0.1), 5 * pow (0.9, 4), 1e-14);
  g_assert_cmpfloat (_chorus_stats_beta_pdf (1, 1, 0), ==, 1.0);
  g_assert_cmpfloat (_chorus_stats_beta_pdf (2, 2, 1.5), ==, 0.0);

  /* Gamma(3, 1) at 2: 2² e⁻² / 2!. */
  assert_close (_chorus_stats_gamma_pdf (3, 2), 2 * exp (-2), 1e-14);
  assert_close (_chorus_stats_gamma_pdf (1, 4), exp (-4), 1e-14);
  assert_close (_chorus_stats_gamma_pdf (0.5, 2), exp (-2) / sqrt (G_PI * 2), 1e-14);
  g_assert_cmpfloat (_chorus_stats_gamma_pdf (2, 0), ==, 0.0);

  /* Large shapes agree with the plain formula to its own precision. */
  assert_close (_chorus_stats_gamma_pdf (50001, 50100),
                exp (50000 * log (50100.0) - 50100 - lgamma (50001)), 1e-9);
  assert_close (_chorus_stats_beta_pdf (4001, 96001, 0.0405),
                exp (4000 * log (0.0405) + 96000 * log1p (-0.0405)
                     - lgamma (4001) - lgamma (96001) + lgamma (100002)), 1e-8);

  assert_close (_chorus_stats_log_gamma (0.5), 0.5 * log (G_PI), 1e-15);
}

static void
test_wilson (void)
{
  double low, high;

  /* 81 successes in 263 trials, the example of Wilson's score interval in
   * the literature on binomial intervals: 95 % interval (0.2553, 0.3662).
   * By hand: (81 + z²/2) / (263 + z²) ± z / (263 + z²) · √(81 · 182 / 263 + z²/4)
   * = 0.310695 ± 0.055403 with z = 1.959964. */
  _chorus_stats_wilson (81, 263, _chorus_stats_normal_quantile (0.975), &low, &high);
  g_assert_cmpfloat_with_epsilon (low, 0.2553, 5e-5);
  g_assert_cmpfloat_with_epsilon (high, 0.3662, 5e-5);
  assert_close (low, 0.2552885198782742, 1e-12);
  assert_close (high, 0.36620957698280004, 1e-12);

  /* Nothing observed: the whole range. No success, or all: one end stays put. */
  _chorus_stats_wilson (0, 0, 1.96, &low, &high);
  g_assert_cmpfloat (low, ==, 0.0);
  g_assert_cmpfloat (high, ==, 1.0);
  _chorus_stats_wilson (0, 10, 1.96, &low, &high);
  g_assert_cmpfloat (low, ==, 0.0);
  g_assert_cmpfloat (high, <, 0.35);
  _chorus_stats_wilson (10, 10, 1.96, &low, &high);
  g_assert_cmpfloat (low, >, 0.65);
  g_assert_cmpfloat (high, ==, 1.0);
}

static void
assert_adjusted (const double *p_values,
                 const double *expected,
                 guint         n)
{
  g_autofree double *adjusted = g_new (double, n);

  _chorus_stats_holm (p_values, adjusted, n);
  for (guint i = 0; i < n; i++)
    {
      if (isnan (expected[i]))
        g_assert_true (isnan (adjusted[i]));
      else
        assert_close (adjusted[i], expected[i], 1e-15);
    }
}

static void
test_holm (void)
{
  /* The worked example of the Holm–Bonferroni method: four hypotheses
   * with p = 0.01, 0.04, 0.03, 0.005 at α = 0.05 reject H4 and H1. Sorted,
   * 4 · 0.005 = 0.02, 3 · 0.01 = 0.03, 2 · 0.03 = 0.06, 1 · 0.04 = 0.04,
   * which the step-down raises to 0.06. */
  static const double example[] = { 0.01, 0.04, 0.03, 0.005 };
  static const double example_holm[] = { 0.03, 0.06, 0.06, 0.02 };
  /* Capped at 1 and kept monotone. */
  static const double capped[] = { 0.6, 0.7, 0.2 };
  static const double capped_holm[] = { 1.0, 1.0, 0.6 };
  /* NaN stays out of the family of m = 3. */
  static const double gaps[] = { 0.3, 0.8, NAN, 0.02 };
  static const double gaps_holm[] = { 0.6, 0.8, NAN, 0.06 };
  /* Ties share one value. */
  static const double ties[] = { 0.01, 0.01 };
  static const double ties_holm[] = { 0.02, 0.02 };
  double in_place[] = { 0.01, 0.04, 0.03, 0.005 };

  assert_adjusted (example, example_holm, 4);
  assert_adjusted (capped, capped_holm, 3);
  assert_adjusted (gaps, gaps_holm, 4);
  assert_adjusted (ties, ties_holm, 2);

  _chorus_stats_holm (in_place, in_place, 4);
  for (guint i = 0; i < 4; i++)
    assert_close (in_place[i], example_holm[i], 1e-15);
}

static double
sine (double   x,
      gpointer user_data)
{
  return sin (x);
}

static double
square_root (double   x,
             gpointer user_data)
{
  return sqrt (x);
}

static double
narrow_bell (double   x,
             gpointer user_data)
{
  double sd = *(double *) user_data;

  return exp (-(x - 0.3) * (x - 0.3) / (2 * sd * sd));
}

static double
gamma_density (double   x,
               gpointer user_data)
{
  return _chorus_stats_gamma_pdf (*(double *) user_data, x);
}

static void
test_integrate (void)
{
  double ends[] = { 0, G_PI };
  double unit[] = { 0, 1 };
  double sd = 1e-4;
  double split[] = { 0, 0.3 - 20 * sd, 0.3 - 8 * sd, 0.3 - 3 * sd, 0.3,
                     0.3 + 3 * sd, 0.3 + 8 * sd, 0.3 + 20 * sd, 1 };
  double shape = 40001;
  double window[] = { 40001 - 40 * 200.0025, 40001, 40001 + 40 * 200.0025 };
  double error;

  assert_close (_chorus_stats_integrate (sine, NULL, ends, 2, 1e-13, 0, &error), 2.0, 1e-13);
  g_assert_cmpfloat (error, <=, 1e-13);

  /* √x has no derivative at 0: adaptive refinement gets there anyway. */
  assert_close (_chorus_stats_integrate (square_root, NULL, unit, 2, 1e-12, 0, &error),
                2.0 / 3, 1e-11);

  /* A bell 1e-4 wide on [0, 1], split at its peak and ± 3, 8, 20 sd as
   * the analysis splits its integrals: √(2π) · 1e-4. */
  assert_close (_chorus_stats_integrate (narrow_bell, &sd, split, G_N_ELEMENTS (split), 1e-15, 0, NULL),
                sqrt (2 * G_PI) * sd, 1e-10);

  /* A density of shape 40,001 integrates to 1 over ± 40 sd. */
  assert_close (_chorus_stats_integrate (gamma_density, &shape, window, 3, 1e-13, 0, NULL),
                1.0, 1e-11);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/stats/normal-quantile", test_normal_quantile);
  g_test_add_func ("/chorus/stats/normal-cdf", test_normal_cdf);
  g_test_add_func ("/chorus/stats/chi2-sf", test_chi2_sf);
  g_test_add_func ("/chorus/stats/incomplete-gamma", test_incomplete_gamma);
  g_test_add_func ("/chorus/stats/incomplete-beta", test_incomplete_beta);
  g_test_add_func ("/chorus/stats/densities", test_densities);
  g_test_add_func ("/chorus/stats/wilson", test_wilson);
  g_test_add_func ("/chorus/stats/holm", test_holm);
  g_test_add_func ("/chorus/stats/integrate", test_integrate);

  return g_test_run ();
}
