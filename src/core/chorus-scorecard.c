/* chorus-scorecard.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-format.h"
#include "chorus-jury-private.h"
#include "chorus-ranking-private.h"

/* One juror's scorecard: the challenge's accepted entries, and the
 * juror's score of each on each criterion. An entry is complete once
 * every criterion has a score. The weighted score is the one the ranking
 * gives the juror for the entry (chorus-ranking-stats.c), on 0 to 10.
 *
 * Submitting a card records its digest, a SHA-256 of its scores; the
 * card counts as submitted while its scores still hash to that digest, so
 * changing a score and changing it back leaves it submitted, and no clock
 * has to be compared. */

struct _ChorusScorecard
{
  gatomicrefcount  ref_count;

  ChorusJury      *jury;
  gint64           juror_id;
  GArray          *entries;           /* gint64 submission ids, in order */
  GArray          *scores;            /* ChorusJuryScore, this juror's */
  gint64           submitted_at;      /* 0 when never */
  char            *submitted_digest;
  gint64           locked_at;         /* when the first winner was chosen, 0 when none */
};

G_DEFINE_BOXED_TYPE (ChorusScorecard, chorus_scorecard, chorus_scorecard_ref, chorus_scorecard_unref)

ChorusScorecard *
_chorus_scorecard_new (ChorusJury *jury,
                       gint64      juror_id)
{
  ChorusScorecard *self = g_new0 (ChorusScorecard, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->jury = chorus_jury_ref (jury);
  self->juror_id = juror_id;
  self->entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scores = g_array_new (FALSE, FALSE, sizeof (ChorusJuryScore));

  return self;
}

void
_chorus_scorecard_add_entry (ChorusScorecard *self,
                             gint64           submission_id)
{
  g_array_append_val (self->entries, submission_id);
}

void
_chorus_scorecard_set_submitted (ChorusScorecard *self,
                                 gint64           at,
                                 const char      *digest)
{
  self->submitted_at = at;
  g_free (self->submitted_digest);
  self->submitted_digest = g_strdup (digest);
}

void
_chorus_scorecard_set_locked_at (ChorusScorecard *self,
                                 gint64           at)
{
  self->locked_at = at;
}

ChorusScorecard *
chorus_scorecard_ref (ChorusScorecard *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_scorecard_unref (ChorusScorecard *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  chorus_jury_unref (self->jury);
  g_array_unref (self->entries);
  g_array_unref (self->scores);
  g_free (self->submitted_digest);
  g_free (self);
}

/* Returns: (transfer none): the jury, with the criteria the card scores */
ChorusJury *
chorus_scorecard_get_jury (const ChorusScorecard *self)
{
  return self->jury;
}

gint64
chorus_scorecard_get_juror_id (const ChorusScorecard *self)
{
  return self->juror_id;
}

/* Returns: how many accepted entries the card scores */
guint
chorus_scorecard_get_n_entries (const ChorusScorecard *self)
{
  return self->entries->len;
}

/* Returns: the submission id of the entry at @i, by when it was submitted */
gint64
chorus_scorecard_get_entry (const ChorusScorecard *self,
                            guint                  i)
{
  g_return_val_if_fail (i < self->entries->len, 0);

  return g_array_index (self->entries, gint64, i);
}

gboolean
chorus_scorecard_has_entry (const ChorusScorecard *self,
                            gint64                 submission_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, gint64, i) == submission_id)
      return TRUE;

  return FALSE;
}

static int
find_score (const ChorusScorecard *self,
            gint64                 submission_id,
            gint64                 criterion_id)
{
  for (guint i = 0; i < self->scores->len; i++)
    {
      const ChorusJuryScore *score = &g_array_index (self->scores, ChorusJuryScore, i);

      if (score->submission_id == submission_id && score->criterion_id == criterion_id)
        return (int) i;
    }

  return -1;
}

/* Returns: the juror's score of the entry on the criterion, or NaN */
double
chorus_scorecard_get_score (const ChorusScorecard *self,
                            gint64                 submission_id,
                            gint64                 criterion_id)
{
  int i = find_score (self, submission_id, criterion_id);

  return i < 0 ? NAN : g_array_index (self->scores, ChorusJuryScore, i).score;
}

/**
 * chorus_scorecard_set_score:
 * @score: 0 to 10, or NaN to clear it
 *
 * Changes the card in memory only, as the store's write of the same
 * score did (chorus_store_set_jury_score()).
 */
void
chorus_scorecard_set_score (ChorusScorecard *self,
                            gint64           submission_id,
                            gint64           criterion_id,
                            double           score)
{
  int i = find_score (self, submission_id, criterion_id);
  ChorusJuryScore added = { submission_id, self->juror_id, criterion_id, score };

  if (i >= 0 && isnan (score))
    g_array_remove_index (self->scores, (guint) i);
  else if (i >= 0)
    g_array_index (self->scores, ChorusJuryScore, i).score = score;
  else if (!isnan (score))
    g_array_append_val (self->scores, added);
}

/* Returns: how many scores the card holds */
guint
chorus_scorecard_get_n_scores (const ChorusScorecard *self)
{
  return self->scores->len;
}

/* Returns: how many of the jury's criteria the entry has a score on */
guint
chorus_scorecard_count_scored (const ChorusScorecard *self,
                               gint64                 submission_id)
{
  guint n = 0;

  for (guint c = 0; c < chorus_jury_get_n_criteria (self->jury); c++)
    n += find_score (self, submission_id, chorus_jury_get_criterion (self->jury, c)->id) >= 0;

  return n;
}

/* Returns: the entry's score from this juror, 0 to 10, weighted by the
 * criteria scored so far, or NaN when none is */
double
chorus_scorecard_get_weighted_score (const ChorusScorecard *self,
                                     gint64                 submission_id)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (ChorusJuryScore));
  g_autoptr(GArray) criteria = g_array_new (FALSE, FALSE, sizeof (ChorusJuryCriterion));

  for (guint i = 0; i < self->scores->len; i++)
    if (g_array_index (self->scores, ChorusJuryScore, i).submission_id == submission_id)
      g_array_append_val (scores, g_array_index (self->scores, ChorusJuryScore, i));

  for (guint c = 0; c < chorus_jury_get_n_criteria (self->jury); c++)
    {
      const ChorusCriterion *criterion = chorus_jury_get_criterion (self->jury, c);
      ChorusJuryCriterion weight = { criterion->id, criterion->weight };

      g_array_append_val (criteria, weight);
    }

  return _chorus_ranking_juror_score ((const ChorusJuryScore *) (gpointer) scores->data, scores->len,
                                      (const ChorusJuryCriterion *) (gpointer) criteria->data, criteria->len);
}

/* Returns: how many entries still miss a score on some criterion */
guint
chorus_scorecard_count_incomplete (const ChorusScorecard *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += chorus_scorecard_count_scored (self, g_array_index (self->entries, gint64, i)) <
         chorus_jury_get_n_criteria (self->jury);

  return n;
}

/* Returns: when the card was last submitted, in Unix seconds, or 0 */
gint64
chorus_scorecard_get_submitted_at (const ChorusScorecard *self)
{
  return self->submitted_at;
}

/* Returns: whether the card was submitted with the scores it holds now */
gboolean
chorus_scorecard_is_submitted (const ChorusScorecard *self)
{
  g_autofree char *digest = NULL;

  if (self->submitted_at == 0 || self->submitted_digest == NULL)
    return FALSE;

  digest = chorus_scorecard_dup_digest (self);
  return g_str_equal (digest, self->submitted_digest);
}

/* Returns: when the challenge's first winner was chosen, in Unix
 * seconds, or 0 while it has none */
gint64
chorus_scorecard_get_locked_at (const ChorusScorecard *self)
{
  return self->locked_at;
}

/* Returns: whether the card can no longer change: once a challenge has
 * winners, the scores that chose them stay as they were until every
 * winner is taken back */
gboolean
chorus_scorecard_is_locked (const ChorusScorecard *self)
{
  return self->locked_at != 0;
}

/**
 * chorus_scorecard_dup_lock_reason:
 * @locked_at: when the challenge's first winner was chosen, in Unix seconds
 *
 * Returns: (transfer full): why a challenge's jury scores cannot change,
 *   in one sentence, with the date
 */
char *
chorus_scorecard_dup_lock_reason (gint64 locked_at)
{
  g_autofree char *date = chorus_format_date (locked_at);

  /* Translators: %s is a date, such as “12 March”. */
  return g_strdup_printf (_("Scores are locked because winners were chosen on %s."), date);
}

/* Returns: (transfer full) (nullable): why the card cannot be submitted
 * now, in one sentence, or %NULL when it can */
char *
chorus_scorecard_dup_blocker (const ChorusScorecard *self)
{
  guint incomplete = chorus_scorecard_count_incomplete (self);

  if (self->locked_at != 0)
    return chorus_scorecard_dup_lock_reason (self->locked_at);
  if (self->entries->len == 0)
    return g_strdup (_("The challenge has no accepted entries to score yet."));
  if (incomplete > 0)
    /* Translators: why a jury scorecard cannot be submitted yet. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry still has a criterion without a score.",
                                         "%u entries still have a criterion without a score.", incomplete),
                            incomplete);
  if (chorus_scorecard_is_submitted (self))
    return g_strdup (_("This scorecard was already submitted as it stands."));
  return NULL;
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const ChorusJuryScore *x = a;
  const ChorusJuryScore *y = b;

  if (x->submission_id != y->submission_id)
    return x->submission_id < y->submission_id ? -1 : 1;
  if (x->criterion_id != y->criterion_id)
    return x->criterion_id < y->criterion_id ? -1 : 1;
  return 0;
}

/* Returns: (transfer full): a SHA-256 of the card's scores, in an order
 * of their own, the same whatever order they were set in */
char *
chorus_scorecard_dup_digest (const ChorusScorecard *self)
{
  g_autoptr(GArray) sorted = g_array_copy (self->scores);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_array_sort (sorted, compare_scores);
  for (guint i = 0; i < sorted->len; i++)
    {
      const ChorusJuryScore *score = &g_array_index (sorted, ChorusJuryScore, i);
      g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d\n",
                                               score->submission_id, score->criterion_id,
                                               (int) round (score->score * 10));

      g_checksum_update (checksum, (const guchar *) line, -1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}
