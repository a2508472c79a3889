/* chorus-stats.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "chorus-stats-private.h"

/* The numeric primitives of the pre-test statistics, from textbook
 * methods: incomplete gamma by its power series below x = a + 1 and by
 * its continued fraction above; incomplete beta by its continued
 * fraction on the side of the mean where it converges fast; the normal
 * quantile by a rational first guess refined with Halley steps on erfc().
 *
 * Posterior shapes reach 50,000 and more, where exp (a log x − x −
 * lgamma (a)) loses ten digits to cancellation between terms near 10⁶.
 * The densities are therefore written as Stirling's series plus the
 * deviance term x log (x / m) + m − x (Loader's saddle-point form), each
 * computed without cancellation, and the incomplete functions take
 * their leading factor from those densities. */

#define MAX_ITERATIONS 200000
#define EPSILON 1e-16
#define TINY 1e-300
#define LOG_SQRT_2PI 0.918938533204672741780329736406

/* Gauss–Kronrod 7-15: the Kronrod nodes on [0, 1) (odd positions are
 * also the Gauss nodes), their weights, and the Gauss weights. */
static const double kronrod_nodes[8] = {
  0.991455371120812639206854697526329,
  0.949107912342758524526189684047851,
  0.864864423359769072789712788640926,
  0.741531185599394439863864773280788,
  0.586087235467691130294144845693013,
  0.405845151377397166906606412076961,
  0.207784955007898467600689403773245,
  0.000000000000000000000000000000000,
};
static const double kronrod_weights[8] = {
  0.022935322010529224963732008058970,
  0.063092092629978553290700663189204,
  0.104790010322250183839876322541518,
  0.140653259715525918745189590510238,
  0.169004726639267902826583426598550,
  0.190350578064785409913256402421014,
  0.204432940075298892414161999234649,
  0.209482141084727828012999174891714,
};
static const double gauss_weights[4] = {
  0.129484966168869693270611432679082,
  0.279705391489276667901467771423780,
  0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
};

/* Intervals kept by the adaptive integrator at most. */
#define MAX_INTERVALS 4000

double
_chorus_stats_log_gamma (double a)
{
  return lgamma (a);
}

/* log Γ(m + 1) − (m log m − m + ½ log (2π m)): the error of Stirling's
 * formula, by its asymptotic series for large m (truncation error below
 * 1e-15 from m = 15). */
static double
stirling_error (double m)
{
  double m2;

  if (m < 15)
    return lgamma (m + 1) - (m * log (m) - m + 0.5 * log (2 * G_PI * m));

  m2 = m * m;
  return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * m2)) / m2) / m2) / m;
}

/* x log (x / m) + m − x ≥ 0 for x, m > 0. Near x = m the terms cancel,
 * so there it is the series (x − m) v + 2x Σ v^(2j+1) / (2j + 1) with
 * v = (x − m) / (x + m). */
static double
deviance (double x,
          double m)
{
  double v, sum, term;

  if (fabs (x - m) >= 0.1 * (x + m))
    return x * log (x / m) + m - x;

  v = (x - m) / (x + m);
  sum = (x - m) * v;
  term = 2 * x * v;
  for (int j = 1; j < 1000; j++)
    {
      double next;

      term *= v * v;
      next = sum + term / (2 * j + 1);
      if (next == sum)
        break;
      sum = next;
    }

  return sum;
}

/* Density of Gamma(a, 1): x^(a−1) e^(−x) / Γ(a). With m = a − 1 this is
 * e^(−deviance (m, x) − stirling_error (m)) / √(2π m). */
double
_chorus_stats_gamma_pdf (double a,
                         double x)
{
  double m;

  if (isnan (a) || isnan (x) || a <= 0)
    return NAN;
  if (x < 0 || isinf (x))
    return 0;
  if (x == 0)
    return a < 1 ? INFINITY : (a == 1 ? 1 : 0);
  if (a <= 1)
    return exp ((a - 1) * log (x) - x - lgamma (a));

  m = a - 1;
  return exp (-deviance (m, x) - stirling_error (m) - 0.5 * log (m) - LOG_SQRT_2PI);
}

/* Density of Beta(a, b). For a, b > 1 it is (n + 1) times the binomial
 * probability of k = a − 1 successes in n = a + b − 2 trials, written in
 * the same saddle-point form as the gamma density. */
double
_chorus_stats_beta_pdf (double a,
                        double b,
                        double x)
{
  double k, n, log_pmf;

  if (isnan (a) || isnan (b) || isnan (x) || a <= 0 || b <= 0)
    return NAN;
  if (x < 0 || x > 1)
    return 0;
  if (x == 0)
    return a < 1 ? INFINITY : (a == 1 ? b : 0);
  if (x == 1)
    return b < 1 ? INFINITY : (b == 1 ? a : 0);
  if (a == 1)
    return b * exp ((b - 1) * log1p (-x));
  if (b == 1)
    return a * exp ((a - 1) * log (x));
  if (a < 1 || b < 1)
    return exp ((a - 1) * log (x) + (b - 1) * log1p (-x)
                - lgamma (a) - lgamma (b) + lgamma (a + b));

  k = a - 1;
  n = a + b - 2;
  log_pmf = stirling_error (n) - stirling_error (k) - stirling_error (n - k)
            - deviance (k, n * x) - deviance (n - k, n * (1 - x))
            + 0.5 * log (n / (k * (n - k))) - LOG_SQRT_2PI;

  return (n + 1) * exp (log_pmf);
}

/* P(a, x) = x^a e^(−x) / Γ(a + 1) · Σₙ xⁿ / ((a + 1) ⋯ (a + n)). */
static double
gamma_p_series (double a,
                double x,
                double front)
{
  double term = 1 / a;
  double sum = term;

  for (int n = 1; n < MAX_ITERATIONS; n++)
    {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPSILON)
        break;
    }

  return front * sum;
}

/* Q(a, x) = x^a e^(−x) / Γ(a) · 1 / (x + 1 − a − 1 (1 − a) / (x + 3 − a −
 * 2 (2 − a) / (x + 5 − a − …))), by the modified Lentz method. */
static double
gamma_q_fraction (double a,
                  double x,
                  double front)
{
  double b = x + 1 - a;
  double c = 1 / TINY;
  double d = 1 / b;
  double h = d;

  for (int i = 1; i < MAX_ITERATIONS; i++)
    {
      double an = -i * (i - a);
      double delta;

      b += 2;
      d = an * d + b;
      if (fabs (d) < TINY)
        d = TINY;
      c = b + an / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1) < EPSILON)
        break;
    }

  return front * h;
}

void
_chorus_stats_gamma_pq (double  a,
                        double  x,
                        double *p,
                        double *q)
{
  double front;

  g_assert (p != NULL && q != NULL);

  if (isnan (a) || isnan (x) || a <= 0 || x < 0)
    {
      *p = *q = NAN;
      return;
    }
  if (x == 0 || isinf (x))
    {
      *p = x == 0 ? 0 : 1;
      *q = 1 - *p;
      return;
    }

  /* x^a e^(−x) / Γ(a) */
  front = x * _chorus_stats_gamma_pdf (a, x);
  if (x < a + 1)
    {
      *p = gamma_p_series (a, x, front);
      *q = 1 - *p;
    }
  else
    {
      *q = gamma_q_fraction (a, x, front);
      *p = 1 - *q;
    }
}

double
_chorus_stats_gamma_p (double a,
                       double x)
{
  double p, q;

  _chorus_stats_gamma_pq (a, x, &p, &q);
  return p;
}

double
_chorus_stats_gamma_q (double a,
                       double x)
{
  double p, q;

  _chorus_stats_gamma_pq (a, x, &p, &q);
  return q;
}

/* I_x(a, b) = x^a (1 − x)^b / (a B(a, b)) · 1 / (1 + d₁ / (1 + d₂ / (1 + …)))
 * with d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and
 * d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)), by the modified Lentz
 * method. It converges fast for x < (a + 1) / (a + b + 2). */
static double
beta_fraction (double a,
               double b,
               double x)
{
  double front = x * (1 - x) * _chorus_stats_beta_pdf (a, b, x);
  double f = 1;
  double c = 1;
  double d = 0;

  for (int j = 1; j < MAX_ITERATIONS; j++)
    {
      int m = j / 2;
      double dj, delta;

      if (j % 2 == 1)
        dj = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
      else
        dj = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));

      d = 1 + dj * d;
      if (fabs (d) < TINY)
        d = TINY;
      c = 1 + dj / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1 / d;
      delta = c * d;
      f *= delta;
      if (fabs (delta - 1) < EPSILON)
        break;
    }

  return front / (a * f);
}

void
_chorus_stats_beta_inc_pq (double  a,
                           double  b,
                           double  x,
                           double *p,
                           double *q)
{
  g_assert (p != NULL && q != NULL);

  if (isnan (a) || isnan (b) || isnan (x) || a <= 0 || b <= 0 || x < 0 || x > 1)
    {
      *p = *q = NAN;
      return;
    }
  if (x == 0 || x == 1)
    {
      *p = x;
      *q = 1 - x;
      return;
    }

  if (x < (a + 1) / (a + b + 2))
    {
      *p = beta_fraction (a, b, x);
      *q = 1 - *p;
    }
  else
    {
      *q = beta_fraction (b, a, 1 - x);
      *p = 1 - *q;
    }
}

double
_chorus_stats_beta_inc (double a,
                        double b,
                        double x)
{
  double p, q;

  _chorus_stats_beta_inc_pq (a, b, x, &p, &q);
  return p;
}

double
_chorus_stats_chi2_sf (double x,
                       double df)
{
  if (isnan (x) || isnan (df) || df <= 0)
    return NAN;
  if (x <= 0)
    return 1;

  return _chorus_stats_gamma_q (df / 2, x / 2);
}

double
_chorus_stats_normal_cdf (double x)
{
  return 0.5 * erfc (-x / G_SQRT2);
}

/* Φ⁻¹(p) for p ≤ ½: a rational approximation good to about 1e-9 (the
 * central one for p > 0.02425, one in √(−2 log p) in the tail), then two
 * Halley steps on Φ(x) − p, each of which triples the correct digits. */
static double
normal_quantile_lower (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00 };
  double x;

  if (p > 0.02425)
    {
      double q = p - 0.5;
      double r = q * q;

      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
  else
    {
      double q = sqrt (-2 * log (p));

      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }

  for (int i = 0; i < 2; i++)
    {
      double e = _chorus_stats_normal_cdf (x) - p;
      double u = e * sqrt (2 * G_PI) * exp (x * x / 2);

      x -= u / (1 + x * u / 2);
    }

  return x;
}

double
_chorus_stats_normal_quantile (double p)
{
  if (isnan (p) || p < 0 || p > 1)
    return NAN;
  if (p == 0)
    return -INFINITY;
  if (p == 1)
    return INFINITY;

  /* 1 − p is exact for p ≥ ½, and the lower tail keeps relative precision. */
  if (p > 0.5)
    return -normal_quantile_lower (1 - p);

  return normal_quantile_lower (p);
}

/* (k + z²/2) / (n + z²) ± z / (n + z²) · √(k (n − k) / n + z²/4) */
void
_chorus_stats_wilson (gint64  successes,
                      gint64  trials,
                      double  z,
                      double *low,
                      double *high)
{
  double k = successes;
  double n = trials;
  double z2 = z * z;
  double center, half;

  g_assert (low != NULL && high != NULL);

  if (trials <= 0)
    {
      *low = 0;
      *high = 1;
      return;
    }

  center = (k + z2 / 2) / (n + z2);
  half = z / (n + z2) * sqrt (k * (n - k) / n + z2 / 4);
  *low = CLAMP (center - half, 0.0, 1.0);
  *high = CLAMP (center + half, 0.0, 1.0);
}

typedef struct
{
  double p;
  guint  index;
} RankedP;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedP *x = a;
  const RankedP *y = b;

  if (x->p != y->p)
    return x->p < y->p ? -1 : 1;

  return x->index < y->index ? -1 : (x->index > y->index);
}

/* The r-th smallest of m p-values becomes max over s ≤ r of
 * min (1, (m − s + 1) p₍ₛ₎), which keeps the order of the p-values. */
void
_chorus_stats_holm (const double *p_values,
                    double       *adjusted,
                    guint         n)
{
  g_autofree RankedP *ranked = g_new (RankedP, MAX (n, 1));
  guint m = 0;
  double running = 0;

  for (guint i = 0; i < n; i++)
    {
      if (isnan (p_values[i]))
        continue;
      ranked[m].p = p_values[i];
      ranked[m].index = i;
      m++;
    }
  for (guint i = 0; i < n; i++)
    if (isnan (p_values[i]))
      adjusted[i] = NAN;

  qsort (ranked, m, sizeof (RankedP), compare_ranked);
  for (guint r = 0; r < m; r++)
    {
      running = MAX (running, MIN (1.0, (m - r) * ranked[r].p));
      adjusted[ranked[r].index] = running;
    }
}

typedef struct
{
  double a;
  double b;
  double result;
  double error;
} Interval;

static void
gauss_kronrod (ChorusStatsFunc  func,
               gpointer         user_data,
               Interval        *interval)
{
  double center = 0.5 * (interval->a + interval->b);
  double half = 0.5 * (interval->b - interval->a);
  double f_center = func (center, user_data);
  double kronrod = f_center * kronrod_weights[7];
  double gauss = f_center * gauss_weights[3];

  for (guint j = 0; j < 7; j++)
    {
      double dx = half * kronrod_nodes[j];
      double pair = func (center - dx, user_data) + func (center + dx, user_data);

      kronrod += kronrod_weights[j] * pair;
      if (j % 2 == 1)
        gauss += gauss_weights[j / 2] * pair;
    }

  interval->result = kronrod * half;
  interval->error = fabs (kronrod - gauss) * half;
}

/* Global adaptive refinement: keep bisecting the piece with the largest
 * error estimate (|K15 − G7|, which overstates the error of K15) until
 * the sum of the estimates is small enough. */
double
_chorus_stats_integrate (ChorusStatsFunc  func,
                         gpointer         user_data,
                         const double    *points,
                         guint            n_points,
                         double           abs_tolerance,
                         double           rel_tolerance,
                         double          *error)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
  double result = 0, total_error = 0, stuck_error = 0;

  g_return_val_if_fail (func != NULL, NAN);
  g_return_val_if_fail (points != NULL && n_points >= 2, NAN);

  for (guint i = 0; i + 1 < n_points; i++)
    {
      Interval piece = { points[i], points[i + 1], 0, 0 };

      if (!(points[i] < points[i + 1]))
        continue;
      gauss_kronrod (func, user_data, &piece);
      g_array_append_val (intervals, piece);
    }

  for (;;)
    {
      Interval *worst = NULL;
      Interval left, right;
      double mid;

      result = 0;
      total_error = stuck_error;
      for (guint i = 0; i < intervals->len; i++)
        {
          Interval *piece = &g_array_index (intervals, Interval, i);

          result += piece->result;
          total_error += piece->error;
          if (worst == NULL || piece->error > worst->error)
            worst = piece;
        }

      if (worst == NULL
          || total_error <= MAX (abs_tolerance, rel_tolerance * fabs (result))
          || intervals->len >= MAX_INTERVALS)
        break;

      mid = 0.5 * (worst->a + worst->b);
      if (!(worst->a < mid && mid < worst->b))
        {
          /* Too narrow to split: accept it as it is. */
          stuck_error += worst->error;
          worst->error = 0;
          continue;
        }

      left = (Interval) { worst->a, mid, 0, 0 };
      right = (Interval) { mid, worst->b, 0, 0 };
      gauss_kronrod (func, user_data, &left);
      gauss_kronrod (func, user_data, &right);
      *worst = left;
      g_array_append_val (intervals, right);
    }

  if (error != NULL)
    *error = total_error;

  return result;
}
