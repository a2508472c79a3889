/* chorus-analysis.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-analysis-private.h"
#include "chorus-error.h"
#include "chorus-stats-private.h"

/* The statistics of one pre-test, computed once when it is created.
 *
 * Frequentist: a chi-square test over all variants, the same test on
 * every pair with Holm's adjustment over the pairs, and a 95 % Wilson
 * interval per variant.
 *
 * Bayesian, with flat priors: a poll's shares follow
 * Dirichlet(1 + c₁, …, 1 + cₖ), which is X / ΣX for independent
 * Xⱼ ~ Gamma(1 + cⱼ, 1); rates follow independent Beta(1 + cᵢ, 1 + eᵢ − cᵢ).
 * As the sum S = ΣX of a poll is independent of the shares X / S, both
 * designs reduce to one-dimensional integrals over independent
 * variables with densities fⱼ and distribution functions Fⱼ:
 *
 *   P(i is the largest) = ∫ fᵢ(x) Πⱼ≠ᵢ Fⱼ(x) dx
 *   E[max]              = ∫₀^∞ (1 − Πⱼ Fⱼ(x)) dx
 *
 * and a poll divides E[max X] by α₀ = Σαⱼ to get E[max share]. These are
 * computed exactly, up to the integrator's tolerance, instead of by
 * sampling, so the same counts always give the same numbers.
 *
 * With 50,000 votes a density is 200 wide on an axis of 100,000, so each
 * integral runs over a window of ± 40 standard deviations around the
 * mass that matters (what lies outside is below e⁻⁴⁰), and starts from
 * pieces split at every variant's mode and at ± 3, 8 and 20 standard
 * deviations, so that no peak falls between the integrator's nodes. */

#define MAX_VARIANTS 26
#define WINDOW_SDS 40.0
/* Integrals of probabilities: the chances sum to 1 within 1e-9. */
#define CHANCE_TOLERANCE 1e-12
#define LOSS_TOLERANCE 1e-12


G_DEFINE_BOXED_TYPE (ChorusAnalysis, chorus_analysis, chorus_analysis_ref, chorus_analysis_unref)

/* The posterior of every variant, as independent variables: Gamma(α, 1)
 * in a poll, Beta(α, β) for rates. */
typedef struct
{
  ChorusAnalysisDesign design;
  guint                n;
  guint                current;   /* the variant whose chance is integrated */
  double               alpha[MAX_VARIANTS];
  double               beta[MAX_VARIANTS];
  double               mean[MAX_VARIANTS];
  double               sd[MAX_VARIANTS];
  double               mode[MAX_VARIANTS];
  double               low[MAX_VARIANTS];
  double               high[MAX_VARIANTS];
} Posterior;

static gboolean
validate (const gint64  *counts,
          const gint64  *exposures,
          guint          n_variants,
          GError       **error)
{
  if (n_variants < 2 || n_variants > MAX_VARIANTS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is how many variants were given. */
                   _("A pre-test compares from 2 to 26 variants, not %u."),
                   n_variants);
      return FALSE;
    }

  for (guint i = 0; i < n_variants; i++)
    {
      if (counts[i] < 0 && exposures == NULL)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u numbers a variant from 1; %lld is the number given. */
                       _("Variant %u has a negative number of votes (%lld)."),
                       i + 1, (long long) counts[i]);
          return FALSE;
        }
      if (counts[i] < 0)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u numbers a variant from 1; %lld is the number given. */
                       _("Variant %u has a negative number of successes (%lld)."),
                       i + 1, (long long) counts[i]);
          return FALSE;
        }
      if (exposures != NULL && exposures[i] < 0)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u numbers a variant from 1; %lld is the number given. */
                       _("Variant %u has a negative number of exposures (%lld)."),
                       i + 1, (long long) exposures[i]);
          return FALSE;
        }
      if (exposures != NULL && counts[i] > exposures[i])
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u numbers a variant from 1; the first %lld counts
                        * successes, the second exposures. */
                       _("Variant %u has more successes (%lld) than exposures (%lld)."),
                       i + 1, (long long) counts[i], (long long) exposures[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* Σ (cᵢ − E)² / E against equal expected counts E = total / k; NaN
 * without any count. */
static double
goodness_of_fit (const gint64 *counts,
                 guint         k)
{
  double total = 0, expected, chi_square = 0;

  for (guint i = 0; i < k; i++)
    total += counts[i];
  if (total == 0)
    return NAN;

  expected = total / k;
  for (guint i = 0; i < k; i++)
    chi_square += (counts[i] - expected) * (counts[i] - expected) / expected;

  return chi_square;
}

/* Pearson's chi-square on the 2 × k table of successes and failures,
 * without continuity correction; NaN when a row or column sums to 0,
 * where an expected cell would be 0. */
static double
independence (const gint64 *counts,
              const gint64 *exposures,
              guint         k)
{
  double n = 0, successes = 0, failures, chi_square = 0;

  for (guint i = 0; i < k; i++)
    {
      if (exposures[i] == 0)
        return NAN;
      n += exposures[i];
      successes += counts[i];
    }
  failures = n - successes;
  if (successes == 0 || failures == 0)
    return NAN;

  for (guint i = 0; i < k; i++)
    {
      double expected_s = exposures[i] * successes / n;
      double expected_f = exposures[i] * failures / n;
      double observed_f = exposures[i] - counts[i];

      chi_square += (counts[i] - expected_s) * (counts[i] - expected_s) / expected_s;
      chi_square += (observed_f - expected_f) * (observed_f - expected_f) / expected_f;
    }

  return chi_square;
}

static double
test_statistic (const ChorusAnalysis *self,
                const gint64         *counts,
                const gint64         *exposures,
                guint                 k)
{
  if (self->design == CHORUS_ANALYSIS_POLL)
    return goodness_of_fit (counts, k);

  return independence (counts, exposures, k);
}

static void
compute_tests (ChorusAnalysis *self,
               const gint64   *counts,
               const gint64   *exposures)
{
  g_autofree double *p_values = g_new (double, self->n_pairs);
  guint k = self->n_variants;
  guint pair = 0;

  self->df = k - 1;
  self->chi_square = test_statistic (self, counts, exposures, k);
  self->p_value = _chorus_stats_chi2_sf (self->chi_square, self->df);

  for (guint a = 0; a < k; a++)
    for (guint b = a + 1; b < k; b++)
      {
        gint64 pair_counts[2] = { counts[a], counts[b] };
        gint64 pair_exposures[2] = { 0, 0 };
        ChorusAnalysisPair *p = &self->pairs[pair];

        if (exposures != NULL)
          {
            pair_exposures[0] = exposures[a];
            pair_exposures[1] = exposures[b];
          }
        p->a = a + 1;
        p->b = b + 1;
        p->chi_square = test_statistic (self, pair_counts, pair_exposures, 2);
        p->p_value = _chorus_stats_chi2_sf (p->chi_square, 1);
        p_values[pair++] = p->p_value;
      }

  _chorus_stats_holm (p_values, p_values, self->n_pairs);
  for (guint i = 0; i < self->n_pairs; i++)
    self->pairs[i].p_holm = p_values[i];
}

static void
compute_shares (ChorusAnalysis *self)
{
  double z = _chorus_stats_normal_quantile (0.975);

  for (guint i = 0; i < self->n_variants; i++)
    {
      ChorusAnalysisVariant *v = &self->variants[i];
      gint64 trials = self->design == CHORUS_ANALYSIS_POLL ? self->total : v->exposures;

      v->share = trials > 0 ? (double) v->count / trials : 0;
      _chorus_stats_wilson (v->count, trials, z, &v->wilson_low, &v->wilson_high);
    }
}

/* Poll: at least CHORUS_ANALYSIS_MIN_TOTAL votes and 5 expected per
 * variant. Rates: that many exposures per variant, and every expected
 * cell of the 2 × k table at least 5. */
static gboolean
has_enough_data (const ChorusAnalysis *self)
{
  double successes = 0, failures = 0;

  if (self->design == CHORUS_ANALYSIS_POLL)
    return self->total >= CHORUS_ANALYSIS_MIN_TOTAL
           && (double) self->total / self->n_variants >= 5;

  for (guint i = 0; i < self->n_variants; i++)
    {
      if (self->variants[i].exposures < CHORUS_ANALYSIS_MIN_TOTAL)
        return FALSE;
      successes += self->variants[i].count;
      failures += self->variants[i].exposures - self->variants[i].count;
    }

  for (guint i = 0; i < self->n_variants; i++)
    {
      double share = (double) self->variants[i].exposures / self->total;

      if (share * successes < 5 || share * failures < 5)
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_exposure_imbalance (const ChorusAnalysis *self)
{
  gint64 low = G_MAXINT64, high = 0;

  if (self->design != CHORUS_ANALYSIS_RATES)
    return FALSE;

  for (guint i = 0; i < self->n_variants; i++)
    {
      low = MIN (low, self->variants[i].exposures);
      high = MAX (high, self->variants[i].exposures);
    }

  if (low == 0)
    return high > 0;

  return (double) high / low > CHORUS_ANALYSIS_IMBALANCE_RATIO;
}

static void
set_up_posterior (Posterior            *post,
                  const ChorusAnalysis *self)
{
  post->design = self->design;
  post->n = self->n_variants;

  for (guint j = 0; j < post->n; j++)
    {
      const ChorusAnalysisVariant *v = &self->variants[j];
      double a = 1.0 + v->count;

      post->alpha[j] = a;
      if (post->design == CHORUS_ANALYSIS_POLL)
        {
          post->mean[j] = a;
          post->sd[j] = sqrt (a);
          post->mode[j] = a - 1;
          post->low[j] = MAX (0.0, a - WINDOW_SDS * post->sd[j]);
          post->high[j] = a + WINDOW_SDS * post->sd[j];
        }
      else
        {
          double b = 1.0 + (v->exposures - v->count);
          double s = a + b;

          post->beta[j] = b;
          post->mean[j] = a / s;
          post->sd[j] = sqrt (a * b / (s * s * (s + 1)));
          post->mode[j] = s > 2 ? (a - 1) / (s - 2) : 0.5;
          post->low[j] = MAX (0.0, post->mean[j] - WINDOW_SDS * post->sd[j]);
          post->high[j] = MIN (1.0, post->mean[j] + WINDOW_SDS * post->sd[j]);
        }
    }
}

static double
posterior_pdf (const Posterior *post,
               guint            j,
               double           x)
{
  if (post->design == CHORUS_ANALYSIS_POLL)
    return _chorus_stats_gamma_pdf (post->alpha[j], x);

  return _chorus_stats_beta_pdf (post->alpha[j], post->beta[j], x);
}

static void
posterior_cdf (const Posterior *post,
               guint            j,
               double           x,
               double          *cdf,
               double          *sf)
{
  if (post->design == CHORUS_ANALYSIS_POLL)
    _chorus_stats_gamma_pq (post->alpha[j], x, cdf, sf);
  else
    _chorus_stats_beta_inc_pq (post->alpha[j], post->beta[j], x, cdf, sf);
}

/* fᵢ(x) Πⱼ≠ᵢ Fⱼ(x), the product in index order so that equal posteriors
 * give bit-identical chances. */
static double
chance_integrand (double   x,
                  gpointer user_data)
{
  const Posterior *post = user_data;
  double value = posterior_pdf (post, post->current, x);

  for (guint j = 0; j < post->n && value > 0; j++)
    {
      double cdf, sf;

      if (j == post->current)
        continue;
      posterior_cdf (post, j, x, &cdf, &sf);
      value *= cdf;
    }

  return value;
}

/* 1 − Πⱼ Fⱼ(x) = −expm1 (Σ log Fⱼ(x)), with log Fⱼ = log1p (−(1 − Fⱼ))
 * where Fⱼ is near 1, so the upper tail keeps its digits. */
static double
max_integrand (double   x,
               gpointer user_data)
{
  const Posterior *post = user_data;
  double log_all = 0;

  for (guint j = 0; j < post->n; j++)
    {
      double cdf, sf;

      posterior_cdf (post, j, x, &cdf, &sf);
      if (cdf <= 0)
        return 1;
      log_all += cdf < 0.5 ? log (cdf) : log1p (-sf);
    }

  return -expm1 (log_all);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* low, high, and every mode and mean ± 3, 8, 20 sd strictly between. */
static GArray *
collect_points (const Posterior *post,
                double           low,
                double           high)
{
  static const double offsets[] = { 0, -3, 3, -8, 8, -20, 20 };
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_append_val (points, low);
  g_array_append_val (points, high);
  for (guint j = 0; j < post->n; j++)
    for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
      {
        double x = o == 0 ? post->mode[j] : post->mean[j] + offsets[o] * post->sd[j];

        if (x > low && x < high)
          g_array_append_val (points, x);
      }

  g_array_sort (points, compare_doubles);
  return points;
}

static void
compute_bayes (ChorusAnalysis *self)
{
  Posterior post = { 0 };
  g_autoptr(GArray) max_points = NULL;
  double low = 0, high = 0, alpha_0 = 0, expected_max;

  set_up_posterior (&post, self);

  for (guint i = 0; i < post.n; i++)
    {
      g_autoptr(GArray) points = collect_points (&post, post.low[i], post.high[i]);

      post.current = i;
      self->variants[i].chance_to_beat_all =
        _chorus_stats_integrate (chance_integrand, &post,
                                 (const double *) points->data, points->len,
                                 CHANCE_TOLERANCE, 0, NULL);
      low = MAX (low, post.low[i]);
      high = MAX (high, post.high[i]);
      alpha_0 += post.alpha[i];
    }

  /* Below the highest window's start some Fⱼ is below e⁻⁴⁰, so
   * 1 − Π Fⱼ is 1 there; above every window it is 0. */
  max_points = collect_points (&post, low, high);
  expected_max = low + _chorus_stats_integrate (max_integrand, &post,
                                                (const double *) max_points->data,
                                                max_points->len,
                                                LOSS_TOLERANCE * (self->design == CHORUS_ANALYSIS_POLL ? alpha_0 : 1),
                                                0, NULL);
  if (self->design == CHORUS_ANALYSIS_POLL)
    expected_max /= alpha_0;

  for (guint i = 0; i < post.n; i++)
    {
      double mean = self->design == CHORUS_ANALYSIS_POLL
                    ? post.alpha[i] / alpha_0
                    : post.mean[i];

      /* E[max − θᵢ] ≥ 0; rounding may leave a few ulps below. */
      self->variants[i].expected_loss = MAX (0.0, expected_max - mean);
    }
}

/* The first variant with the highest chance; chances within 1e-12 of
 * each other are a tie. */
static guint
find_best (const ChorusAnalysis *self)
{
  guint best = 0;

  for (guint i = 1; i < self->n_variants; i++)
    if (self->variants[i].chance_to_beat_all
        > self->variants[best].chance_to_beat_all + 1e-12)
      best = i;

  return best + 1;
}

/**
 * chorus_analysis_new:
 * @counts: (array length=n_variants): votes (poll) or successes (rates)
 * @exposures: (array length=n_variants) (nullable): exposures per
 *   variant, or %NULL for a poll
 * @n_variants: from 2 to 26
 * @error: return location for a %CHORUS_ERROR_INVALID_ARGUMENT
 *
 * Computes every statistic of a pre-test.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL on bad input
 */
ChorusAnalysis *
chorus_analysis_new (const gint64  *counts,
                     const gint64  *exposures,
                     guint          n_variants,
                     GError       **error)
{
  ChorusAnalysis *self;

  g_return_val_if_fail (counts != NULL || n_variants == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate (counts, exposures, n_variants, error))
    return NULL;

  self = g_new0 (ChorusAnalysis, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->design = exposures != NULL ? CHORUS_ANALYSIS_RATES : CHORUS_ANALYSIS_POLL;
  self->n_variants = n_variants;
  self->n_pairs = n_variants * (n_variants - 1) / 2;
  self->variants = g_new0 (ChorusAnalysisVariant, n_variants);
  self->pairs = g_new0 (ChorusAnalysisPair, self->n_pairs);

  for (guint i = 0; i < n_variants; i++)
    {
      self->variants[i].index = i + 1;
      self->variants[i].count = counts[i];
      self->variants[i].exposures = exposures != NULL ? exposures[i] : -1;
      self->total += exposures != NULL ? exposures[i] : counts[i];
    }

  compute_shares (self);
  compute_tests (self, counts, exposures);
  compute_bayes (self);
  self->best = find_best (self);

  self->enough_data = has_enough_data (self);
  if (!self->enough_data)
    self->warnings |= CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA;
  if (has_exposure_imbalance (self))
    self->warnings |= CHORUS_ANALYSIS_WARNING_EXPOSURE_IMBALANCE;

  return self;
}

ChorusAnalysis *
chorus_analysis_ref (ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_analysis_unref (ChorusAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->variants);
  g_free (self->pairs);
  g_free (self);
}

ChorusAnalysisDesign
chorus_analysis_get_design (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, CHORUS_ANALYSIS_POLL);

  return self->design;
}

/* Votes in a poll, exposures summed over the variants for rates. */
gint64
chorus_analysis_get_total (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

/* NaN when the test is undefined (no data, or a zero row or column). */
double
chorus_analysis_get_chi_square (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->chi_square;
}

guint
chorus_analysis_get_df (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->df;
}

double
chorus_analysis_get_p_value (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->p_value;
}

gboolean
chorus_analysis_has_enough_data (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->enough_data;
}

ChorusAnalysisWarnings
chorus_analysis_get_warnings (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, CHORUS_ANALYSIS_WARNING_NONE);

  return self->warnings;
}

guint
chorus_analysis_get_n_variants (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_variants;
}

/* @i counts from 0; the variant's index field counts from 1. */
const ChorusAnalysisVariant *
chorus_analysis_get_variant (const ChorusAnalysis *self,
                             guint                 i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_variants, NULL);

  return &self->variants[i];
}

guint
chorus_analysis_get_n_pairs (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pairs;
}

/* @i counts from 0, pairs in the order (1, 2), (1, 3), …, (2, 3), … */
const ChorusAnalysisPair *
chorus_analysis_get_pair (const ChorusAnalysis *self,
                          guint                 i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_pairs, NULL);

  return &self->pairs[i];
}

guint
chorus_analysis_get_best (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->best;
}
