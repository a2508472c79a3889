/* chorus-challenge-editor.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CHALLENGE_EDITOR (chorus_challenge_editor_get_type ())

G_DECLARE_FINAL_TYPE (ChorusChallengeEditor, chorus_challenge_editor, CHORUS, CHALLENGE_EDITOR, AdwWindow)

ChorusChallengeEditor *chorus_challenge_editor_new        (GtkWindow             *parent,
                                                           ChorusStore           *store,
                                                           gint64                 challenge_id);
gboolean               chorus_challenge_editor_is_ready   (ChorusChallengeEditor *self);

G_END_DECLS
