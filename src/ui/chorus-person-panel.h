/* chorus-person-panel.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-person.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_PERSON_PANEL (chorus_person_panel_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPersonPanel, chorus_person_panel, CHORUS, PERSON_PANEL, GtkWidget)

GtkWidget       *chorus_person_panel_new                (void);
void             chorus_person_panel_show               (ChorusPersonPanel    *self,
                                                         ChorusStore          *store,
                                                         gint64                person_id);
gint64           chorus_person_panel_get_person_id      (ChorusPersonPanel    *self);
ChorusPerson    *chorus_person_panel_get_person         (ChorusPersonPanel    *self);
gboolean         chorus_person_panel_get_loading        (ChorusPersonPanel    *self);
GtkToggleButton *chorus_person_panel_get_segment_button (ChorusPersonPanel    *self,
                                                         ChorusPersonSegments  segment);
guint            chorus_person_panel_get_n_history_rows (ChorusPersonPanel    *self);
GtkWidget       *chorus_person_panel_get_history_row    (ChorusPersonPanel    *self,
                                                         guint                 index);
const char      *chorus_person_panel_get_median_text    (ChorusPersonPanel    *self);
guint            chorus_person_panel_get_n_suggestions  (ChorusPersonPanel    *self);
GtkButton       *chorus_person_panel_get_suggestion_button (ChorusPersonPanel *self,
                                                         guint                 index,
                                                         gboolean              merge);
const char      *chorus_person_panel_get_opt_out_text   (ChorusPersonPanel    *self);

char            *chorus_person_panel_format_reply       (gint64                first_reply);
gboolean         chorus_person_panel_can_open_uri       (const char           *uri);

G_END_DECLS
