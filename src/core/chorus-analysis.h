/* chorus-analysis.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How a pre-test's counts are read.
 *
 * CHORUS_ANALYSIS_POLL: the counts are votes in one poll (one vote per
 * person). Chi-square goodness of fit against equal preference,
 * Dirichlet(1, …, 1) prior, shares of the total.
 *
 * CHORUS_ANALYSIS_RATES: the counts are successes out of each variant's
 * exposures. Chi-square test of independence on the 2 × k table, Beta(1, 1)
 * priors, rates per variant. */
typedef enum
{
  CHORUS_ANALYSIS_POLL,
  CHORUS_ANALYSIS_RATES,
} ChorusAnalysisDesign;

/* What a reader should be warned about, as flags. */
typedef enum
{
  CHORUS_ANALYSIS_WARNING_NONE               = 0,
  CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA    = 1 << 0,
  CHORUS_ANALYSIS_WARNING_EXPOSURE_IMBALANCE = 1 << 1,
  CHORUS_ANALYSIS_WARNING_TIME_SPREAD        = 1 << 2,
} ChorusAnalysisWarnings;

/* Below this many votes (poll) or exposures per variant (rates), or with an
 * expected cell count under 5, the result is "not enough data yet". */
#define CHORUS_ANALYSIS_MIN_TOTAL 30

/* Exposures differing by more than this factor are imbalanced. */
#define CHORUS_ANALYSIS_IMBALANCE_RATIO 2.0

/* The time guard (chorus_analysis_check_times()): the variants' first
 * posting times are "very different" when the earliest and the latest lie
 * more than this apart, or more than half of the shortest time any
 * variant was observed for. An audience at 9:00 is not the one at 21:00,
 * and a post seen for a day has had longer to collect likes than one seen
 * for an hour. */
#define CHORUS_ANALYSIS_TIME_SPREAD_SECONDS (12 * 60 * 60)
/* Posts this close together went out at the same time, as far as any
 * audience is concerned, however short their windows so far (a run read
 * moments after its posts went out). */
#define CHORUS_ANALYSIS_TIME_SPREAD_MIN_SECONDS (5 * 60)

typedef struct
{
  guint   index;              /* 1-based position */
  gint64  count;
  gint64  exposures;          /* -1 in a poll */
  double  share;              /* count / total (poll) or count / exposures (rates) */
  double  wilson_low;         /* 95 % Wilson score interval of share */
  double  wilson_high;
  double  chance_to_beat_all; /* posterior P(this variant is the best) */
  double  expected_loss;      /* posterior E[max − this], in share or rate */
} ChorusAnalysisVariant;

typedef struct
{
  guint  a;                   /* 1-based positions, a < b */
  guint  b;
  double chi_square;          /* poll: goodness of fit on (count a, count b);
                               * rates: 2 × 2 independence, no continuity correction */
  double p_value;
  double p_holm;              /* Holm-adjusted over all k (k − 1) / 2 pairs */
} ChorusAnalysisPair;

typedef struct _ChorusAnalysis ChorusAnalysis;

#define CHORUS_TYPE_ANALYSIS (chorus_analysis_get_type ())

GType                        chorus_analysis_get_type        (void) G_GNUC_CONST;

ChorusAnalysis              *chorus_analysis_new             (const gint64  *counts,
                                                              const gint64  *exposures,
                                                              guint          n_variants,
                                                              GError       **error);
ChorusAnalysis              *chorus_analysis_ref             (ChorusAnalysis *self);
void                         chorus_analysis_unref           (ChorusAnalysis *self);

ChorusAnalysisDesign         chorus_analysis_get_design      (const ChorusAnalysis *self);
gint64                       chorus_analysis_get_total       (const ChorusAnalysis *self);
double                       chorus_analysis_get_chi_square  (const ChorusAnalysis *self);
guint                        chorus_analysis_get_df          (const ChorusAnalysis *self);
double                       chorus_analysis_get_p_value     (const ChorusAnalysis *self);
gboolean                     chorus_analysis_has_enough_data (const ChorusAnalysis *self);
ChorusAnalysisWarnings       chorus_analysis_get_warnings    (const ChorusAnalysis *self);
guint                        chorus_analysis_get_n_variants  (const ChorusAnalysis *self);
const ChorusAnalysisVariant *chorus_analysis_get_variant     (const ChorusAnalysis *self,
                                                              guint                 i);
guint                        chorus_analysis_get_n_pairs     (const ChorusAnalysis *self);
const ChorusAnalysisPair    *chorus_analysis_get_pair        (const ChorusAnalysis *self,
                                                              guint                 i);
guint                        chorus_analysis_get_best        (const ChorusAnalysis *self);

void                         chorus_analysis_check_times     (ChorusAnalysis       *self,
                                                              const gint64         *first_posted_at,
                                                              const gint64         *observed_until);
gint64                       chorus_analysis_get_time_spread (const ChorusAnalysis *self);

gint64                       chorus_analysis_plan_more       (const ChorusAnalysis *self,
                                                              double                difference);

JsonNode                    *chorus_analysis_to_json         (const ChorusAnalysis *self,
                                                              const char * const   *texts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusAnalysis, chorus_analysis_unref)

G_END_DECLS
