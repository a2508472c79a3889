/* chorus-verdict.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "chorus-format.h"
#include "chorus-verdict.h"

/* A variant is called the clear winner from this chance to be best on. */
#define CLEAR_WINNER 0.95

/**
 * chorus_verdict_format_share:
 * @fraction: a share or a rate between 0 and 1
 *
 * Returns: (transfer full): the percentage with one decimal, in the
 *   locale's way ("40.2%", "40,2 %")
 */
char *
chorus_verdict_format_share (double fraction)
{
  return chorus_format_share (fraction);
}

/**
 * chorus_verdict_format_p:
 *
 * Returns: (transfer full): "p = 0.031", or "p < 0.001" for smaller values
 */
char *
chorus_verdict_format_p (double p_value)
{
  if (p_value < 0.001)
    /* Translators: a p-value below 0.001; keep the number as the locale writes 0.001. */
    return g_strdup_printf (_("p < %.3f"), 0.001);
  /* Translators: a p-value, such as "p = 0.031". */
  return g_strdup_printf (_("p = %.3f"), p_value);
}

static char *
dup_label (const char * const *labels,
           guint               index)
{
  if (labels != NULL && labels[index - 1] != NULL)
    return g_strdup (labels[index - 1]);
  /* Translators: a variant named by its position when it has no name. */
  return g_strdup_printf (_("Variant %u"), index);
}

/**
 * chorus_verdict_dup_headline:
 * @labels: (nullable) (array zero-terminated=1): the variants' names
 *
 * Returns: (transfer full): which variant leads and how surely, the way
 *   Bayesian A/B tools put it ("“B” has a 94% chance to be best"), or that
 *   there is not enough data yet
 */
char *
chorus_verdict_dup_headline (const ChorusAnalysis *analysis,
                             const char * const   *labels)
{
  guint best = chorus_analysis_get_best (analysis);
  const ChorusAnalysisVariant *variant = chorus_analysis_get_variant (analysis, best - 1);
  g_autofree char *label = dup_label (labels, best);
  g_autofree char *chance = chorus_format_percent (variant->chance_to_beat_all);

  if (!chorus_analysis_has_enough_data (analysis))
    {
      g_autofree char *so_far = chorus_format_count (chorus_analysis_get_total (analysis));

      if (chorus_analysis_get_design (analysis) == CHORUS_ANALYSIS_RATES)
        /* Translators: %d is a number of people; the reading needs that many reached per variant. */
        return g_strdup_printf (_("Not enough data yet: each variant needs at least %d people reached, "
                                  "and enough successes and failures, before the result means anything."),
                                CHORUS_ANALYSIS_MIN_TOTAL);
      /* Translators: the first %s is how many votes there are so far, %d how many are needed at least. */
      return g_strdup_printf (_("Not enough data yet: %s so far, and at least %d are needed before the result "
                                "means anything."), so_far, MAX (CHORUS_ANALYSIS_MIN_TOTAL,
                                5 * (int) chorus_analysis_get_n_variants (analysis)));
    }

  if (variant->chance_to_beat_all >= CLEAR_WINNER)
    /* Translators: the first %s is a variant's name, the second a percentage such as "94%". */
    return g_strdup_printf (_("“%s” has a %s chance to be best: a clear winner."), label, chance);
  /* Translators: the first %s is a variant's name, the second a percentage such as "64%". */
  return g_strdup_printf (_("“%s” has a %s chance to be best, so no variant is a clear winner yet."), label, chance);
}

/**
 * chorus_verdict_dup_test:
 *
 * Returns: (transfer full) (nullable): what the chi-square test says, or
 *   %NULL when it is undefined (no data)
 */
char *
chorus_verdict_dup_test (const ChorusAnalysis *analysis)
{
  double p = chorus_analysis_get_p_value (analysis);
  g_autofree char *p_text = NULL;
  guint df;

  if (isnan (p))
    return NULL;

  p_text = chorus_verdict_format_p (p);
  df = chorus_analysis_get_df (analysis);
  if (p < 0.05)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %.1f is a chi-square statistic, %u its degrees of
                                          * freedom, %s a p-value such as "p = 0.003". */
                                         "The variants really differ: a difference this large would rarely "
                                         "happen by chance (χ² = %.1f, %u degree of freedom, %s).",
                                         "The variants really differ: a difference this large would rarely "
                                         "happen by chance (χ² = %.1f, %u degrees of freedom, %s).", df),
                            chorus_analysis_get_chi_square (analysis), df, p_text);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %.1f is a chi-square statistic, %u its degrees of
                                        * freedom, %s a p-value such as "p = 0.31". */
                                       "The difference between the variants could still be chance (χ² = %.1f, "
                                       "%u degree of freedom, %s).",
                                       "The difference between the variants could still be chance (χ² = %.1f, "
                                       "%u degrees of freedom, %s).", df),
                          chorus_analysis_get_chi_square (analysis), df, p_text);
}

/**
 * chorus_verdict_dup_warnings:
 *
 * Returns: (transfer full) (element-type utf8): the guards' warnings other
 *   than "not enough data" (which the headline says), as sentences
 */
GPtrArray *
chorus_verdict_dup_warnings (const ChorusAnalysis *analysis)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  ChorusAnalysisWarnings flags = chorus_analysis_get_warnings (analysis);

  if (flags & CHORUS_ANALYSIS_WARNING_EXPOSURE_IMBALANCE)
    {
      gint64 low = G_MAXINT64, high = 0;
      g_autofree char *low_text = NULL;
      g_autofree char *high_text = NULL;

      for (guint i = 0; i < chorus_analysis_get_n_variants (analysis); i++)
        {
          low = MIN (low, chorus_analysis_get_variant (analysis, i)->exposures);
          high = MAX (high, chorus_analysis_get_variant (analysis, i)->exposures);
        }
      low_text = chorus_format_count (low);
      high_text = chorus_format_count (high);
      g_ptr_array_add (warnings,
                       /* Translators: the two %s are numbers of people, the smallest and the largest. */
                       g_strdup_printf (_("The variants reached very different audiences (from %s to %s people), "
                                          "so compare them with care."), low_text, high_text));
    }

  if (flags & CHORUS_ANALYSIS_WARNING_TIME_SPREAD)
    {
      g_autofree char *spread = chorus_format_duration (chorus_analysis_get_time_spread (analysis));

      g_ptr_array_add (warnings,
                       /* Translators: %s is a duration, such as "14 h". */
                       g_strdup_printf (_("The variants were first posted up to %s apart, so the time of day and "
                                          "how long each was seen may explain part of the difference."), spread));
    }

  return warnings;
}

/**
 * chorus_verdict_dup_plan:
 *
 * Returns: (transfer full): how many more votes or exposures would show a
 *   5-point difference with 80 % power, or that there are already enough
 */
char *
chorus_verdict_dup_plan (const ChorusAnalysis *analysis)
{
  gint64 more = chorus_analysis_plan_more (analysis, CHORUS_VERDICT_PLAN_DIFFERENCE);
  g_autofree char *count = chorus_format_count (more);
  gulong n = (gulong) CLAMP (more, 0, G_MAXLONG);

  if (more < 0)
    return NULL;
  if (more == 0)
    /* xgettext:no-c-format */
    return g_strdup (_("There is already enough data to detect a 5-point difference with 80% power."));
  if (chorus_analysis_get_design (analysis) == CHORUS_ANALYSIS_RATES)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a number of people reached. */
                                         "About %s more person reached would detect a 5-point difference with 80%% power.",
                                         "About %s more people reached would detect a 5-point difference with 80%% power.",
                                         n), count);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a number of votes. */
                                       "About %s more vote would detect a 5-point difference with 80%% power.",
                                       "About %s more votes would detect a 5-point difference with 80%% power.",
                                       n), count);
}
