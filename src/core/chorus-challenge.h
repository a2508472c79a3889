/* chorus-challenge.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_CHALLENGE (chorus_challenge_get_type ())

G_DECLARE_FINAL_TYPE (ChorusChallenge, chorus_challenge, CHORUS, CHALLENGE, GObject)

gint64      chorus_challenge_get_id                (ChorusChallenge *self);
const char *chorus_challenge_get_title             (ChorusChallenge *self);
const char *chorus_challenge_get_brief             (ChorusChallenge *self);
const char *chorus_challenge_get_hashtag           (ChorusChallenge *self);
gint64      chorus_challenge_get_submissions_open  (ChorusChallenge *self);
gint64      chorus_challenge_get_submissions_close (ChorusChallenge *self);
gint64      chorus_challenge_get_voting_open       (ChorusChallenge *self);
gint64      chorus_challenge_get_voting_close      (ChorusChallenge *self);
const char *chorus_challenge_get_scale             (ChorusChallenge *self);
guint       chorus_challenge_get_submission_count  (ChorusChallenge *self);
guint       chorus_challenge_get_vote_count        (ChorusChallenge *self);
const char *chorus_challenge_get_state             (ChorusChallenge *self,
                                                    gint64           now);

G_END_DECLS
