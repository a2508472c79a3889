/* chorus-jury.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-jury-private.h"

/* A challenge's jury: its members, by name, and its criteria in their
 * order. A criterion's share of an entry's jury score is its weight over
 * the sum of the weights, or an equal share when every weight is 0, as
 * the ranking weighs them (chorus-ranking-stats.c). */

struct _ChorusJury
{
  gatomicrefcount  ref_count;

  gint64           challenge_id;
  char            *title;
  GArray          *jurors;      /* ChorusJuror */
  GArray          *criteria;    /* ChorusCriterion, in order */
};

G_DEFINE_BOXED_TYPE (ChorusJury, chorus_jury, chorus_jury_ref, chorus_jury_unref)

static void
juror_clear (gpointer data)
{
  ChorusJuror *juror = data;

  g_clear_pointer (&juror->name, g_free);
}

static void
criterion_clear (gpointer data)
{
  ChorusCriterion *criterion = data;

  g_clear_pointer (&criterion->name, g_free);
}

ChorusJury *
_chorus_jury_new (gint64      challenge_id,
                  const char *title)
{
  ChorusJury *self = g_new0 (ChorusJury, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->challenge_id = challenge_id;
  self->title = g_strdup (title != NULL ? title : "");
  self->jurors = g_array_new (FALSE, TRUE, sizeof (ChorusJuror));
  g_array_set_clear_func (self->jurors, juror_clear);
  self->criteria = g_array_new (FALSE, TRUE, sizeof (ChorusCriterion));
  g_array_set_clear_func (self->criteria, criterion_clear);

  return self;
}

void
_chorus_jury_add_juror (ChorusJury *self,
                        gint64      member_id,
                        const char *name,
                        gboolean    is_me)
{
  ChorusJuror juror = { member_id, g_strdup (name != NULL ? name : ""), is_me };

  g_array_append_val (self->jurors, juror);
}

void
_chorus_jury_add_criterion (ChorusJury *self,
                            gint64      id,
                            const char *name,
                            double      weight)
{
  ChorusCriterion criterion = { id, g_strdup (name != NULL ? name : ""), MAX (weight, 0) };

  g_array_append_val (self->criteria, criterion);
}

ChorusJury *
chorus_jury_ref (ChorusJury *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_jury_unref (ChorusJury *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_array_unref (self->jurors);
  g_array_unref (self->criteria);
  g_free (self);
}

gint64
chorus_jury_get_challenge_id (const ChorusJury *self)
{
  return self->challenge_id;
}

/* Returns: the challenge's title */
const char *
chorus_jury_get_title (const ChorusJury *self)
{
  return self->title;
}

/* Returns: whether there is anyone to score and anything to score on */
gboolean
chorus_jury_is_ready (const ChorusJury *self)
{
  return self->jurors->len > 0 && self->criteria->len > 0;
}

guint
chorus_jury_get_n_jurors (const ChorusJury *self)
{
  return self->jurors->len;
}

/* Returns: (transfer none): the juror at @i, by name */
const ChorusJuror *
chorus_jury_get_juror (const ChorusJury *self,
                       guint             i)
{
  g_return_val_if_fail (i < self->jurors->len, NULL);

  return &g_array_index (self->jurors, ChorusJuror, i);
}

/* Returns: (transfer none) (nullable): the juror who is team member @member_id */
const ChorusJuror *
chorus_jury_find_juror (const ChorusJury *self,
                        gint64            member_id)
{
  for (guint i = 0; i < self->jurors->len; i++)
    if (g_array_index (self->jurors, ChorusJuror, i).member_id == member_id)
      return &g_array_index (self->jurors, ChorusJuror, i);

  return NULL;
}

/* Returns: the position of the juror marked as "me", or -1 when "me" is
 * not on the jury (or nobody is marked) */
int
chorus_jury_find_me (const ChorusJury *self)
{
  for (guint i = 0; i < self->jurors->len; i++)
    if (g_array_index (self->jurors, ChorusJuror, i).is_me)
      return (int) i;

  return -1;
}

guint
chorus_jury_get_n_criteria (const ChorusJury *self)
{
  return self->criteria->len;
}

/* Returns: (transfer none): the criterion at @i, in the challenge's order */
const ChorusCriterion *
chorus_jury_get_criterion (const ChorusJury *self,
                           guint             i)
{
  g_return_val_if_fail (i < self->criteria->len, NULL);

  return &g_array_index (self->criteria, ChorusCriterion, i);
}

/* Returns: (transfer none) (nullable): the criterion @criterion_id */
const ChorusCriterion *
chorus_jury_find_criterion (const ChorusJury *self,
                            gint64            criterion_id)
{
  for (guint i = 0; i < self->criteria->len; i++)
    if (g_array_index (self->criteria, ChorusCriterion, i).id == criterion_id)
      return &g_array_index (self->criteria, ChorusCriterion, i);

  return NULL;
}

/* Returns: the share, 0 to 1, of the criterion at @i in an entry's jury
 * score once every criterion is scored */
double
chorus_jury_get_share (const ChorusJury *self,
                       guint             i)
{
  double total = 0;

  g_return_val_if_fail (i < self->criteria->len, NAN);

  for (guint c = 0; c < self->criteria->len; c++)
    total += g_array_index (self->criteria, ChorusCriterion, c).weight;

  if (total <= 0)
    return 1.0 / self->criteria->len;
  return g_array_index (self->criteria, ChorusCriterion, i).weight / total;
}

/* Returns: whether @score is a jury score: 0 to 10, one decimal at most */
gboolean
chorus_jury_score_is_valid (double score)
{
  double tenths = score * 10;

  return isfinite (score) && score >= 0 && score <= CHORUS_JURY_SCORE_MAX &&
         fabs (tenths - round (tenths)) < 1e-6;
}

/**
 * chorus_jury_describe_agreement:
 * @alpha: Krippendorff's alpha between the jurors, NaN when it cannot be
 *   computed (chorus_ranking_get_agreement())
 *
 * Says in plain words how far the jurors agree, by Krippendorff's
 * thresholds (%CHORUS_JURY_ALPHA_RELIABLE and
 * %CHORUS_JURY_ALPHA_TENTATIVE). Alpha is shown, and compared, rounded to
 * three decimals, as the thresholds are written.
 *
 * Returns: (transfer full): one sentence
 */
char *
chorus_jury_describe_agreement (double alpha)
{
  /* Adding 0 turns a -0 into 0, which prints without its sign. */
  double shown = round (alpha * 1000) / 1000 + 0.0;

  if (isnan (alpha))
    return g_strdup (_("Not enough scores yet: the agreement needs at least two jurors who scored the same "
                       "entries."));
  if (shown >= CHORUS_JURY_ALPHA_RELIABLE)
    /* Translators: %.3f is Krippendorff's alpha, such as 0.912. */
    return g_strdup_printf (_("The jurors agree (α = %.3f): their scores can be relied on."), shown);
  if (shown >= CHORUS_JURY_ALPHA_TENTATIVE)
    /* Translators: %.3f is Krippendorff's alpha, such as 0.712. */
    return g_strdup_printf (_("The jurors partly agree (α = %.3f): draw only tentative conclusions from their "
                              "scores."), shown);
  /* Translators: %.3f is Krippendorff's alpha, such as 0.312 or −0.100. */
  return g_strdup_printf (_("The jurors disagree (α = %.3f): talk the scores over before relying on them."), shown);
}
