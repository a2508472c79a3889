/* chorus-jury.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A challenge's jury as its scorecards need it: the team members on it
 * and the criteria they score each accepted entry on, from 0 to 10. */

/* Krippendorff's thresholds for alpha (interval data): from
 * RELIABLE up the jurors' scores can be relied on, from TENTATIVE up they
 * allow tentative conclusions, and below that the jurors disagree. */
#define CHORUS_JURY_ALPHA_RELIABLE  0.800
#define CHORUS_JURY_ALPHA_TENTATIVE 0.667

/* A jury score goes from 0 to 10 with one decimal at most. */
#define CHORUS_JURY_SCORE_MAX 10.0

typedef struct
{
  gint64    member_id;
  char     *name;
  gboolean  is_me;        /* the team member marked as "me" */
} ChorusJuror;

typedef struct
{
  gint64  id;
  char   *name;
  double  weight;         /* as stored: relative to the other criteria's */
} ChorusCriterion;

typedef struct _ChorusJury ChorusJury;

#define CHORUS_TYPE_JURY (chorus_jury_get_type ())

GType              chorus_jury_get_type               (void) G_GNUC_CONST;
ChorusJury        *chorus_jury_ref                    (ChorusJury *self);
void               chorus_jury_unref                  (ChorusJury *self);

gint64             chorus_jury_get_challenge_id       (const ChorusJury *self);
const char        *chorus_jury_get_title              (const ChorusJury *self);
gboolean           chorus_jury_is_ready               (const ChorusJury *self);
guint              chorus_jury_get_n_jurors           (const ChorusJury *self);
const ChorusJuror *chorus_jury_get_juror              (const ChorusJury *self,
                                                       guint             i);
const ChorusJuror *chorus_jury_find_juror             (const ChorusJury *self,
                                                       gint64            member_id);
int                chorus_jury_find_me                (const ChorusJury *self);
guint              chorus_jury_get_n_criteria         (const ChorusJury *self);
const ChorusCriterion *chorus_jury_get_criterion      (const ChorusJury *self,
                                                       guint             i);
const ChorusCriterion *chorus_jury_find_criterion     (const ChorusJury *self,
                                                       gint64            criterion_id);
double             chorus_jury_get_share              (const ChorusJury *self,
                                                       guint             i);

gboolean           chorus_jury_score_is_valid         (double            score);
char              *chorus_jury_describe_agreement     (double            alpha);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusJury, chorus_jury_unref)

G_END_DECLS
