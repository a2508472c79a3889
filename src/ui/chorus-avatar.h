/* chorus-avatar.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_AVATAR (chorus_avatar_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAvatar, chorus_avatar, CHORUS, AVATAR, GtkWidget)

GtkWidget  *chorus_avatar_new      (int           size);
const char *chorus_avatar_get_text (ChorusAvatar *self);
void        chorus_avatar_set_text (ChorusAvatar *self,
                                    const char   *text);
int         chorus_avatar_get_size (ChorusAvatar *self);

G_END_DECLS
