/* chorus-status.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_STATUS (chorus_status_get_type ())

G_DECLARE_FINAL_TYPE (ChorusStatus, chorus_status, CHORUS, STATUS, GObject)

gint64      chorus_status_get_id          (ChorusStatus *self);
const char *chorus_status_get_builtin     (ChorusStatus *self);
const char *chorus_status_get_custom_name (ChorusStatus *self);
const char *chorus_status_get_name        (ChorusStatus *self);
guint       chorus_status_get_position    (ChorusStatus *self);
gboolean    chorus_status_get_closed      (ChorusStatus *self);

G_END_DECLS
