/* chorus-tag.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_TAG (chorus_tag_get_type ())

G_DECLARE_FINAL_TYPE (ChorusTag, chorus_tag, CHORUS, TAG, GObject)

gint64      chorus_tag_get_id          (ChorusTag *self);
const char *chorus_tag_get_name        (ChorusTag *self);
const char *chorus_tag_get_color       (ChorusTag *self);
guint       chorus_tag_get_usage_count (ChorusTag *self);

G_END_DECLS
