/* chorus-saved-reply.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_SAVED_REPLY (chorus_saved_reply_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSavedReply, chorus_saved_reply, CHORUS, SAVED_REPLY, GObject)

ChorusSavedReply *chorus_saved_reply_new      (gint64            id,
                                               const char       *name,
                                               const char       *body);
gint64            chorus_saved_reply_get_id   (ChorusSavedReply *self);
const char       *chorus_saved_reply_get_name (ChorusSavedReply *self);
const char       *chorus_saved_reply_get_body (ChorusSavedReply *self);

G_END_DECLS
