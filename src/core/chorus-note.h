/* chorus-note.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_NOTE (chorus_note_get_type ())

G_DECLARE_FINAL_TYPE (ChorusNote, chorus_note, CHORUS, NOTE, GObject)

gint64      chorus_note_get_id              (ChorusNote *self);
gint64      chorus_note_get_conversation_id (ChorusNote *self);
gint64      chorus_note_get_author_id       (ChorusNote *self);
const char *chorus_note_get_author_name     (ChorusNote *self);
const char *chorus_note_get_body            (ChorusNote *self);
gint64      chorus_note_get_created_at      (ChorusNote *self);

G_END_DECLS
