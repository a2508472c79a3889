/* chorus-scorecard.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-jury.h"

G_BEGIN_DECLS

/* One juror's scores of a challenge's accepted entries, criterion by
 * criterion, and whether they submitted the card as it stands. Scores
 * are NaN where the juror has not scored yet. */

typedef struct _ChorusScorecard ChorusScorecard;

#define CHORUS_TYPE_SCORECARD (chorus_scorecard_get_type ())

GType             chorus_scorecard_get_type              (void) G_GNUC_CONST;
ChorusScorecard  *chorus_scorecard_ref                   (ChorusScorecard *self);
void              chorus_scorecard_unref                 (ChorusScorecard *self);

ChorusJury       *chorus_scorecard_get_jury              (const ChorusScorecard *self);
gint64            chorus_scorecard_get_juror_id          (const ChorusScorecard *self);
guint             chorus_scorecard_get_n_entries         (const ChorusScorecard *self);
gint64            chorus_scorecard_get_entry             (const ChorusScorecard *self,
                                                          guint                  i);
gboolean          chorus_scorecard_has_entry             (const ChorusScorecard *self,
                                                          gint64                 submission_id);

double            chorus_scorecard_get_score             (const ChorusScorecard *self,
                                                          gint64                 submission_id,
                                                          gint64                 criterion_id);
void              chorus_scorecard_set_score             (ChorusScorecard       *self,
                                                          gint64                 submission_id,
                                                          gint64                 criterion_id,
                                                          double                 score);
guint             chorus_scorecard_get_n_scores          (const ChorusScorecard *self);
guint             chorus_scorecard_count_scored          (const ChorusScorecard *self,
                                                          gint64                 submission_id);
double            chorus_scorecard_get_weighted_score    (const ChorusScorecard *self,
                                                          gint64                 submission_id);
guint             chorus_scorecard_count_incomplete      (const ChorusScorecard *self);

gint64            chorus_scorecard_get_submitted_at      (const ChorusScorecard *self);
gboolean          chorus_scorecard_is_submitted          (const ChorusScorecard *self);
char             *chorus_scorecard_dup_digest            (const ChorusScorecard *self);
char             *chorus_scorecard_dup_blocker           (const ChorusScorecard *self);

gint64            chorus_scorecard_get_locked_at         (const ChorusScorecard *self);
gboolean          chorus_scorecard_is_locked             (const ChorusScorecard *self);
char             *chorus_scorecard_dup_lock_reason       (gint64                 locked_at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusScorecard, chorus_scorecard_unref)

G_END_DECLS
