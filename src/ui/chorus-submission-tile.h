/* chorus-submission-tile.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-submission.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SUBMISSION_TILE (chorus_submission_tile_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSubmissionTile, chorus_submission_tile, CHORUS, SUBMISSION_TILE, GtkWidget)

ChorusSubmission *chorus_submission_tile_get_submission (ChorusSubmissionTile *self);
void              chorus_submission_tile_set_submission (ChorusSubmissionTile *self,
                                                         ChorusSubmission     *submission);
gboolean          chorus_submission_tile_has_thumbnail  (ChorusSubmissionTile *self);
const char       *chorus_submission_tile_get_badge      (ChorusSubmissionTile *self);

G_END_DECLS
