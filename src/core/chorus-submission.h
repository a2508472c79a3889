/* chorus-submission.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_SUBMISSION (chorus_submission_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSubmission, chorus_submission, CHORUS, SUBMISSION, GObject)

gint64      chorus_submission_get_id            (ChorusSubmission *self);
const char *chorus_submission_get_title         (ChorusSubmission *self);
const char *chorus_submission_get_author_name   (ChorusSubmission *self);
const char *chorus_submission_get_author_handle (ChorusSubmission *self);
const char *chorus_submission_get_network       (ChorusSubmission *self);
const char *chorus_submission_get_image_path    (ChorusSubmission *self);
const char *chorus_submission_get_image_sha256  (ChorusSubmission *self);
const char *chorus_submission_get_moderation    (ChorusSubmission *self);
const char *chorus_submission_get_moderation_reason (ChorusSubmission *self);
guint       chorus_submission_get_vote_count    (ChorusSubmission *self);
double      chorus_submission_get_mean_score    (ChorusSubmission *self);
guint       chorus_submission_get_winner_place  (ChorusSubmission *self);

G_END_DECLS
