/* chorus-jury-score-row.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-jury.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_JURY_SCORE_ROW (chorus_jury_score_row_get_type ())

G_DECLARE_FINAL_TYPE (ChorusJuryScoreRow, chorus_jury_score_row, CHORUS, JURY_SCORE_ROW, AdwActionRow)

GtkWidget *chorus_jury_score_row_new              (const ChorusCriterion *criterion,
                                                   double                 share,
                                                   double                 score);
gint64     chorus_jury_score_row_get_criterion_id (ChorusJuryScoreRow    *self);
double     chorus_jury_score_row_get_score        (ChorusJuryScoreRow    *self);
void       chorus_jury_score_row_set_score        (ChorusJuryScoreRow    *self,
                                                   double                 score);

void       chorus_jury_score_row_set_locked       (ChorusJuryScoreRow    *self,
                                                   gboolean               locked);
gboolean   chorus_jury_score_row_is_locked        (ChorusJuryScoreRow    *self);

G_END_DECLS
