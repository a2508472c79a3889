/* chorus-sources-window.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-window.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SOURCES_WINDOW (chorus_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSourcesWindow, chorus_sources_window, CHORUS, SOURCES_WINDOW, AdwPreferencesWindow)

ChorusSourcesWindow *chorus_sources_window_new (ChorusWindow *window);

G_END_DECLS
