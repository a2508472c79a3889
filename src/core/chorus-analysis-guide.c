/* chorus-analysis-guide.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chorus-analysis-private.h"
#include "chorus-stats-private.h"

/* What an analysis tells a team to do next: how many more votes or
 * people reached would settle a given difference (the planner), and
 * whether the variants ran at times too far apart to compare fairly
 * (the time guard). */

/* Poll: the two leading shares s₁ ≥ s₂ (1/k each without votes) decide
 * the race; m = s₁ + s₂ of all votes go to one of them. Detecting a
 * difference d of shares means detecting, among those m votes, a split
 * p = ½ + d / (2m) (capped at 0.999) against ½, a one-sample binomial
 * test needing
 *
 *   n₂ = ((z₀.₉₇₅ · ½ + z₀.₈₀ · √(p (1 − p))) / (p − ½))²
 *
 * votes for the pair, so ⌈n₂ / m⌉ votes in all. */
static gint64
plan_poll (const ChorusAnalysis *self,
           double                difference)
{
  double first = 0, second = 0, m, p, n_pair;
  gint64 required;

  for (guint i = 0; i < self->n_variants; i++)
    {
      double share = self->total > 0 ? self->variants[i].share : 1.0 / self->n_variants;

      if (share > first)
        {
          second = first;
          first = share;
        }
      else if (share > second)
        {
          second = share;
        }
    }

  m = first + second;
  p = MIN (0.5 + difference / (2 * m), 0.999);
  n_pair = (_chorus_stats_normal_quantile (0.975) * 0.5
            + _chorus_stats_normal_quantile (0.80) * sqrt (p * (1 - p))) / (p - 0.5);
  n_pair *= n_pair;
  required = (gint64) ceil (n_pair / m);

  return MAX (0, required - self->total);
}

/* Rates: the best observed rate p₁ (½ without exposures) against
 * p₂ = p₁ − d (p₁ + d when that would be negative, at most 1), by the
 * two-proportion z test with equal groups, p̄ = (p₁ + p₂) / 2:
 *
 *   n = ((z₀.₉₇₅ √(2 p̄ (1 − p̄)) + z₀.₈₀ √(p₁ (1 − p₁) + p₂ (1 − p₂))) / |p₁ − p₂|)²
 *
 * per variant; each variant needs ⌈n⌉ − eᵢ more exposures, if any.
 * Where d passes p₁ the alternative turns from p₁ − d to p₁ + d, whose
 * larger variance can ask for more than a slightly smaller d did. */
static gint64
plan_rates (const ChorusAnalysis *self,
            double                difference)
{
  double p1 = -1, p2, mean, n;
  gint64 per_variant, more = 0;

  for (guint i = 0; i < self->n_variants; i++)
    if (self->variants[i].exposures > 0)
      p1 = MAX (p1, self->variants[i].share);
  if (p1 < 0)
    p1 = 0.5;

  p2 = p1 - difference;
  if (p2 < 0)
    p2 = MIN (p1 + difference, 1.0);
  mean = (p1 + p2) / 2;

  n = (_chorus_stats_normal_quantile (0.975) * sqrt (2 * mean * (1 - mean))
       + _chorus_stats_normal_quantile (0.80) * sqrt (p1 * (1 - p1) + p2 * (1 - p2)))
      / fabs (p1 - p2);
  n *= n;
  per_variant = (gint64) ceil (n);

  for (guint i = 0; i < self->n_variants; i++)
    more += MAX (0, per_variant - self->variants[i].exposures);

  return more;
}

/**
 * chorus_analysis_plan_more:
 * @self: a #ChorusAnalysis
 * @difference: the smallest difference of shares or rates worth
 *   detecting, e.g. 0.05
 *
 * How many more votes (poll) or exposures in all (rates) would detect
 * @difference with 80 % power at a two-sided 5 % level.
 *
 * Returns: 0 or more, or -1 unless 0 < @difference < 1
 */
gint64
chorus_analysis_plan_more (const ChorusAnalysis *self,
                           double                difference)
{
  g_return_val_if_fail (self != NULL, -1);

  if (!(difference > 0 && difference < 1))
    return -1;

  if (self->design == CHORUS_ANALYSIS_POLL)
    return plan_poll (self, difference);

  return plan_rates (self, difference);
}

/**
 * chorus_analysis_check_times:
 * @self: an analysis
 * @first_posted_at: (array): per variant, in the analysis's order, when
 *   its first post went out (Unix seconds), or 0 when unknown (a poll, a
 *   manual entry, a post not sent yet)
 * @observed_until: (array): per variant, until when its counts were read
 *   (Unix seconds), or 0 when unknown
 *
 * The time guard. Sets %CHORUS_ANALYSIS_WARNING_TIME_SPREAD when the
 * variants with a known posting time were first posted more than
 * %CHORUS_ANALYSIS_TIME_SPREAD_SECONDS apart, or more than half of the
 * shortest window (observed_until − first_posted_at, counting only
 * windows longer than zero) apart, unless they were posted within
 * %CHORUS_ANALYSIS_TIME_SPREAD_MIN_SECONDS of each other; see
 * chorus_analysis_get_time_spread().
 * With fewer than two known times there is nothing to compare.
 */
void
chorus_analysis_check_times (ChorusAnalysis *self,
                             const gint64   *first_posted_at,
                             const gint64   *observed_until)
{
  gint64 first = G_MAXINT64, last = 0, shortest = G_MAXINT64;
  guint known = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (first_posted_at != NULL && observed_until != NULL);

  for (guint i = 0; i < self->n_variants; i++)
    {
      if (first_posted_at[i] <= 0)
        continue;
      known++;
      first = MIN (first, first_posted_at[i]);
      last = MAX (last, first_posted_at[i]);
      if (observed_until[i] > first_posted_at[i])
        shortest = MIN (shortest, observed_until[i] - first_posted_at[i]);
    }

  if (known < 2)
    return;

  self->time_spread = last - first;
  if (self->time_spread > CHORUS_ANALYSIS_TIME_SPREAD_SECONDS ||
      (shortest < G_MAXINT64 && self->time_spread * 2 > shortest &&
       self->time_spread > CHORUS_ANALYSIS_TIME_SPREAD_MIN_SECONDS))
    self->warnings |= CHORUS_ANALYSIS_WARNING_TIME_SPREAD;
}

/**
 * chorus_analysis_get_time_spread:
 *
 * Returns: how far apart, in seconds, the variants were first posted, as
 *   chorus_analysis_check_times() found; 0 before it ran
 */
gint64
chorus_analysis_get_time_spread (const ChorusAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->time_spread;
}
