/* chorus-preferences-window.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-window.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_PREFERENCES_WINDOW (chorus_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPreferencesWindow, chorus_preferences_window, CHORUS, PREFERENCES_WINDOW, AdwPreferencesWindow)

ChorusPreferencesWindow *chorus_preferences_window_new          (GSettings               *settings);
void                     chorus_preferences_window_add_accounts (ChorusPreferencesWindow *self,
                                                                 ChorusWindow            *window);

G_END_DECLS
