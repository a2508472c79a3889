/* chorus-ranking-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-ranking.h"

G_BEGIN_DECLS

/* Building a ranking (the store reads the rows, tests make them up), the
 * statistics it is made of, and the integrity rules. All pure: values in,
 * values out. */

typedef struct
{
  gint64 submission_id;
  gint64 juror_id;
  gint64 criterion_id;
  double score;          /* 0 to 10 */
} ChorusJuryScore;

typedef struct
{
  gint64 id;
  double weight;
} ChorusJuryCriterion;

struct _ChorusRanking
{
  gatomicrefcount  ref_count;

  /* The challenge, as the caller sets it before computing. */
  gint64           challenge_id;
  char            *title;
  char            *hashtag;
  char            *scale;              /* "score5" or "support" */
  double           community_weight;
  gint64           created_at;
  gint64           voting_open_at;     /* 0 when unknown */

  /* Set by _chorus_ranking_compute(). */
  double           prior_mean;
  double           prior_weight;
  guint            n_voters;
  double           agreement;
  guint            n_jurors;

  GPtrArray       *entries;            /* ChorusRankedEntry, in rank order once computed */
  GPtrArray       *votes;              /* ChorusRankedVote, by entry then time */
  GArray          *jury_scores;        /* ChorusJuryScore */
  GArray          *criteria;           /* ChorusJuryCriterion */
};

ChorusRanking     *_chorus_ranking_new               (gint64               challenge_id,
                                                      const char          *scale,
                                                      double               community_weight,
                                                      gint64               created_at);
ChorusRankedEntry *_chorus_ranking_add_entry         (ChorusRanking       *self,
                                                      gint64               submission_id,
                                                      gint64               submitted_at);
ChorusRankedVote  *_chorus_ranking_add_vote          (ChorusRanking       *self,
                                                      gint64               id,
                                                      gint64               submission_id,
                                                      const char          *kind,
                                                      gint64               cast_at);
void               _chorus_ranking_add_criterion     (ChorusRanking       *self,
                                                      gint64               id,
                                                      double               weight);
void               _chorus_ranking_add_jury_score    (ChorusRanking       *self,
                                                      gint64               submission_id,
                                                      gint64               juror_id,
                                                      gint64               criterion_id,
                                                      double               score);
void               _chorus_ranking_compute           (ChorusRanking       *self);

/* Statistics (chorus-ranking-stats.c). */

/* The 95 % two-sided z, Φ⁻¹(0.975). */
double             _chorus_ranking_z95               (void);
double             _chorus_ranking_bayesian_average  (double               sum,
                                                      guint                n,
                                                      double               prior_mean,
                                                      double               prior_weight);
double             _chorus_ranking_wilson_lower      (guint                successes,
                                                      guint                trials);
double             _chorus_ranking_juror_score       (const ChorusJuryScore     *scores,
                                                      guint                      n_scores,
                                                      const ChorusJuryCriterion *criteria,
                                                      guint                      n_criteria);
/* Krippendorff's alpha for interval data over @n_units units rated by
 * @n_raters raters: @values[r * n_units + u], NaN where rater r did not
 * rate unit u. NaN when there is no variation or fewer than two pairable
 * values. */
double             _chorus_ranking_krippendorff_alpha (const double       *values,
                                                       guint               n_raters,
                                                       guint               n_units);
void               _chorus_ranking_compute_jury      (ChorusRanking       *self);

/* Integrity (chorus-integrity.c). */

/* A burst: at least this many votes on one entry within the window... */
#define CHORUS_INTEGRITY_BURST_WINDOW     (60 * 60)
#define CHORUS_INTEGRITY_BURST_MIN_VOTES  5
/* ...that its usual rate makes this unlikely, over all windows. */
#define CHORUS_INTEGRITY_BURST_ALPHA      0.001

double             _chorus_integrity_poisson_tail    (guint                k,
                                                      double               mean);
void               _chorus_integrity_flag_votes      (ChorusRanking       *self);
void               _chorus_integrity_flag_duplicates (ChorusRanking       *self);

G_END_DECLS
