/* chorus-ranking-stats.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "chorus-ranking-private.h"
#include "chorus-stats-private.h"

/* The statistics of a challenge's ranking.
 *
 * Bayesian average of 0-5 scores: (C·m + Σ scores) / (C + n), the
 * entry's n scores pulled towards the prior mean m as if it also had C
 * votes at m. The ranking takes m = the mean of every counted score in the
 * challenge and C = the mean number of counted scores per entry, so an
 * entry with few scores cannot top one with many by luck, and one with
 * none sits at m. This is the "weighted rating" of IMDb's Top 250 and
 * the "Bayesian average" of Wikipedia's article of that name.
 *
 * Wilson lower bound of support: the lower end of the 95 % Wilson score
 * interval (Wilson, "Probable inference…", JASA 22, 1927) of k supporters
 * out of n voters, as in Evan Miller's "How Not To Sort By Average
 * Rating" (2009); chorus-stats.c computes the interval.
 *
 * Jury score: for each juror, the mean of their scores (0-10) over the
 * criteria they scored, weighted by the criteria's weights (a plain mean
 * when those weights are all 0; criteria not in the challenge's list are
 * ignored); then the plain mean over the jurors who scored the entry,
 * divided by 10.
 *
 * Agreement between jurors: Krippendorff's alpha for interval data
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011),
 * over the jurors' weighted scores of the entries. It takes any number of
 * jurors and entries a juror has not scored yet (only entries with two or
 * more scores count), and reads 1 for perfect agreement, 0 for agreement
 * no better than chance, below 0 for systematic disagreement;
 * Krippendorff asks for α ≥ 0.800 to rely on the scores, 0.667 at the
 * least for tentative conclusions. With the squared difference as the
 * metric, over the n pairable values v and units u of m_u values each:
 *   D_o = (1/n) Σ_u Σ_{i≠j∈u} (v_i − v_j)² / (m_u − 1)
 *   D_e = 1/(n(n − 1)) Σ_{c≠k} (v_c − v_k)²,   α = 1 − D_o / D_e,
 * computed from sums since Σ_{i<j} (v_i − v_j)² = m Σ v² − (Σ v)². */

double
_chorus_ranking_z95 (void)
{
  return _chorus_stats_normal_quantile (0.975);
}

double
_chorus_ranking_bayesian_average (double sum,
                                  guint  n,
                                  double prior_mean,
                                  double prior_weight)
{
  if (isnan (prior_mean) || isnan (prior_weight) || prior_weight < 0 || prior_weight + n <= 0)
    return NAN;

  return (prior_weight * prior_mean + sum) / (prior_weight + n);
}

double
_chorus_ranking_wilson_lower (guint successes,
                              guint trials)
{
  double low, high;

  if (trials == 0 || successes > trials)
    return NAN;
  /* Exactly 0, which the interval's formula misses by a rounding error. */
  if (successes == 0)
    return 0;

  _chorus_stats_wilson (successes, trials, _chorus_ranking_z95 (), &low, &high);
  return low;
}

static double
criterion_weight (const ChorusJuryCriterion *criteria,
                  guint                      n_criteria,
                  gint64                     id)
{
  for (guint i = 0; i < n_criteria; i++)
    {
      if (criteria[i].id == id)
        return criteria[i].weight;
    }
  return NAN;
}

/* One juror's scores of one entry, weighted by criteria. */
double
_chorus_ranking_juror_score (const ChorusJuryScore     *scores,
                             guint                      n_scores,
                             const ChorusJuryCriterion *criteria,
                             guint                      n_criteria)
{
  double weighted = 0, weights = 0, plain = 0;
  guint n = 0;

  for (guint i = 0; i < n_scores; i++)
    {
      double weight = criterion_weight (criteria, n_criteria, scores[i].criterion_id);

      if (isnan (weight) || isnan (scores[i].score))
        continue;
      weighted += weight * scores[i].score;
      weights += weight;
      plain += scores[i].score;
      n++;
    }

  if (n == 0)
    return NAN;
  return weights > 0 ? weighted / weights : plain / n;
}

double
_chorus_ranking_krippendorff_alpha (const double *values,
                                    guint         n_raters,
                                    guint         n_units)
{
  double shift = NAN, within = 0, sum = 0, sum2 = 0;
  guint n = 0;

  for (guint u = 0; u < n_units; u++)
    {
      double s1 = 0, s2 = 0;
      guint m = 0;

      /* Shifting by the first value keeps the sums of squares small. */
      for (guint r = 0; r < n_raters; r++)
        {
          double v = values[r * n_units + u];

          if (isnan (v))
            continue;
          if (isnan (shift))
            shift = v;
          v -= shift;
          s1 += v;
          s2 += v * v;
          m++;
        }

      if (m < 2)
        continue;
      within += 2 * (m * s2 - s1 * s1) / (m - 1);
      sum += s1;
      sum2 += s2;
      n += m;
    }

  if (n < 2 || n * sum2 - sum * sum <= 1e-12 * n * sum2)
    return NAN;

  /* 1 − D_o / D_e = 1 − (within / n) / (2 (n Σv² − (Σv)²) / (n (n − 1))) */
  return 1 - (within / n) * (n * (n - 1.0)) / (2 * (n * sum2 - sum * sum));
}

static int
compare_jury_scores (gconstpointer a,
                     gconstpointer b)
{
  const ChorusJuryScore *x = a;
  const ChorusJuryScore *y = b;

  if (x->submission_id != y->submission_id)
    return x->submission_id < y->submission_id ? -1 : 1;
  if (x->juror_id != y->juror_id)
    return x->juror_id < y->juror_id ? -1 : 1;
  return 0;
}

static guint
index_of_juror (GArray *jurors,
                gint64  juror_id)
{
  for (guint i = 0; i < jurors->len; i++)
    {
      if (g_array_index (jurors, gint64, i) == juror_id)
        return i;
    }

  g_array_append_val (jurors, juror_id);
  return jurors->len - 1;
}

typedef struct
{
  guint  unit;
  guint  juror;
  double score;
} Cell;

/* One cell per juror and entry of the ranking: the juror's weighted
 * score. Fills @jurors with the jurors' ids, in the cells' juror order. */
static GArray *
collect_cells (ChorusRanking *self,
               GArray        *jurors)
{
  g_autoptr(GHashTable) units = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) sorted = g_array_copy (self->jury_scores);
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  const ChorusJuryCriterion *criteria = (const ChorusJuryCriterion *) (gpointer) self->criteria->data;

  for (guint u = 0; u < self->entries->len; u++)
    {
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, u);

      g_hash_table_insert (units, &entry->submission_id, GUINT_TO_POINTER (u + 1));
    }

  g_array_sort (sorted, compare_jury_scores);
  for (guint i = 0, j; i < sorted->len; i = j)
    {
      const ChorusJuryScore *first = &g_array_index (sorted, ChorusJuryScore, i);
      guint unit = GPOINTER_TO_UINT (g_hash_table_lookup (units, &first->submission_id));
      Cell cell;

      for (j = i + 1; j < sorted->len && compare_jury_scores (first, &g_array_index (sorted, ChorusJuryScore, j)) == 0; j++)
        ;
      cell.score = _chorus_ranking_juror_score (first, j - i, criteria, self->criteria->len);
      if (unit == 0 || isnan (cell.score))
        continue;

      cell.unit = unit - 1;
      cell.juror = index_of_juror (jurors, first->juror_id);
      g_array_append_val (cells, cell);
    }

  return cells;
}

/* Each entry's jury score and juror count, and the agreement between the
 * jurors over the entries of the ranking. */
void
_chorus_ranking_compute_jury (ChorusRanking *self)
{
  g_autoptr(GArray) jurors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cells = collect_cells (self, jurors);
  guint n_units = self->entries->len;
  g_autofree double *matrix = g_new (double, MAX (jurors->len * n_units, 1));

  for (guint i = 0; i < jurors->len * n_units; i++)
    matrix[i] = NAN;

  for (guint i = 0; i < cells->len; i++)
    {
      const Cell *cell = &g_array_index (cells, Cell, i);
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, cell->unit);

      matrix[cell->juror * n_units + cell->unit] = cell->score;
      entry->jury_score = (entry->n_jurors == 0 ? 0 : entry->jury_score) + cell->score;
      entry->n_jurors++;
    }

  for (guint u = 0; u < n_units; u++)
    {
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, u);

      if (entry->n_jurors > 0)
        entry->jury_score /= 10.0 * entry->n_jurors;
    }

  self->n_jurors = jurors->len;
  self->agreement = _chorus_ranking_krippendorff_alpha (matrix, jurors->len, n_units);
}
