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

/* A voter's turn that sits idle this many seconds ends by itself (the
 * ChorusKioskWindow:idle-timeout property), counted down in a notice for
 * the last CHORUS_KIOSK_IDLE_COUNTDOWN seconds. */
#define CHORUS_KIOSK_IDLE_TIMEOUT   120
#define CHORUS_KIOSK_IDLE_COUNTDOWN 15

#define CHORUS_TYPE_KIOSK_WINDOW (chorus_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusKioskWindow, chorus_kiosk_window, CHORUS, KIOSK_WINDOW, AdwWindow)

ChorusKioskWindow *chorus_kiosk_window_new             (GtkWindow         *parent,
                                                        ChorusStore       *store,
                                                        ChorusChallenge   *challenge);
const char        *chorus_kiosk_window_get_page        (ChorusKioskWindow *self);
guint              chorus_kiosk_window_get_n_entries   (ChorusKioskWindow *self);
const char        *chorus_kiosk_window_get_idle_notice (ChorusKioskWindow *self);

G_END_DECLS
