/* chorus-jury-window.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-challenge.h"
#include "chorus-store.h"
#include "chorus-submission.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_JURY_WINDOW (chorus_jury_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusJuryWindow, chorus_jury_window, CHORUS, JURY_WINDOW, AdwWindow)

ChorusJuryWindow *chorus_jury_window_new           (GtkWindow        *parent,
                                                    ChorusStore      *store,
                                                    ChorusChallenge  *challenge);
const char       *chorus_jury_window_get_page      (ChorusJuryWindow *self);
ChorusSubmission *chorus_jury_window_get_entry     (ChorusJuryWindow *self);
gboolean          chorus_jury_window_get_blind     (ChorusJuryWindow *self);
void              chorus_jury_window_set_blind     (ChorusJuryWindow *self,
                                                    gboolean          blind);
gboolean          chorus_jury_window_is_saving     (ChorusJuryWindow *self);

G_END_DECLS
