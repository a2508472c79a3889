/* chorus-jury-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-jury.h"
#include "chorus-scorecard.h"

G_BEGIN_DECLS

/* Building a jury and a scorecard: the store reads the rows, tests make
 * them up. */

ChorusJury      *_chorus_jury_new                (gint64           challenge_id,
                                                  const char      *title);
void             _chorus_jury_add_juror          (ChorusJury      *self,
                                                  gint64           member_id,
                                                  const char      *name,
                                                  gboolean         is_me);
void             _chorus_jury_add_criterion      (ChorusJury      *self,
                                                  gint64           id,
                                                  const char      *name,
                                                  double           weight);

ChorusScorecard *_chorus_scorecard_new           (ChorusJury      *jury,
                                                  gint64           juror_id);
void             _chorus_scorecard_add_entry     (ChorusScorecard *self,
                                                  gint64           submission_id);
void             _chorus_scorecard_set_submitted (ChorusScorecard *self,
                                                  gint64           at,
                                                  const char      *digest);
void             _chorus_scorecard_set_locked_at (ChorusScorecard *self,
                                                  gint64           at);

G_END_DECLS
