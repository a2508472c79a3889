/* chorus-kiosk-window.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-challenge.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_KIOSK_WINDOW (chorus_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusKioskWindow, chorus_kiosk_window, CHORUS, KIOSK_WINDOW, AdwWindow)

ChorusKioskWindow *chorus_kiosk_window_new            (GtkWindow         *parent,
                                                       ChorusStore       *store,
                                                       ChorusChallenge   *challenge);
const char        *chorus_kiosk_window_get_page       (ChorusKioskWindow *self);
guint              chorus_kiosk_window_get_n_entries  (ChorusKioskWindow *self);

G_END_DECLS
