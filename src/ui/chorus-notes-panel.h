/* chorus-notes-panel.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_NOTES_PANEL (chorus_notes_panel_get_type ())

/* Signals: "changed" (gint64 audit_id, const char *message) after a note
 * is added or deleted, and "failed" (GError *error); see
 * chorus_triage_class_add_signals(). Action: "notes.add" (Ctrl+Enter in
 * the note being written). */

G_DECLARE_FINAL_TYPE (ChorusNotesPanel, chorus_notes_panel, CHORUS, NOTES_PANEL, GtkWidget)

GtkWidget   *chorus_notes_panel_new                 (void);
void         chorus_notes_panel_show                (ChorusNotesPanel *self,
                                                     ChorusStore      *store,
                                                     gint64            conversation_id);
ChorusStore *chorus_notes_panel_get_store           (ChorusNotesPanel *self);
gint64       chorus_notes_panel_get_conversation_id (ChorusNotesPanel *self);
gboolean     chorus_notes_panel_get_loading         (ChorusNotesPanel *self);
GListModel  *chorus_notes_panel_get_notes           (ChorusNotesPanel *self);
GListModel  *chorus_notes_panel_get_history         (ChorusNotesPanel *self);

G_END_DECLS
