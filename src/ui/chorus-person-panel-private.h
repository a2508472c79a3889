/* chorus-person-panel-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-identity.h"
#include "chorus-person-panel.h"
#include "chorus-store-people.h"

G_BEGIN_DECLS

struct _ChorusPersonPanel
{
  GtkWidget            parent_instance;

  GtkStack            *state_stack;     /* bound so that disposing unparents it */
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkListBox          *identities_list;
  GtkLabel            *opt_out_label;
  GtkWidget           *suggestions_box;
  GtkListBox          *suggestions_list;
  GtkFlowBox          *segments_box;
  GtkListBox          *fields_list;
  GtkTextView         *notes_view;
  GtkLabel            *median_label;
  GtkListBox          *history_list;
  GtkLabel            *history_more_label;

  GtkToggleButton     *segment_buttons[CHORUS_PERSON_N_SEGMENTS];
  GtkSizeGroup        *network_badges;   /* so that the accounts' handles line up */
  ChorusStore         *store;
  gint64               person_id;
  ChorusPerson        *person;
  char                *saved_notes;
  GCancellable        *cancellable;      /* changes; cancelled in dispose */
  GCancellable        *load_cancellable; /* the current loads */
  guint                loads;
  guint                history_rows;
  guint                suggestion_rows;
  gboolean             updating;         /* setting toggles from the store */
};

GtkWidget *_chorus_person_panel_make_identity_row (GtkWidget                *panel,
                                                   ChorusIdentity           *identity);
GtkWidget *_chorus_person_panel_make_field_row    (const char               *name,
                                                   const char               *value);
GtkWidget *_chorus_person_panel_make_history_row  (ChorusPersonConversation *conversation);

void       _chorus_person_panel_clear_list        (GtkListBox               *list);
void       _chorus_person_panel_set_loads         (ChorusPersonPanel        *self,
                                                   guint                     loads);
void       _chorus_person_panel_load_suggestions  (ChorusPersonPanel        *self);
void       _chorus_person_panel_clear_suggestions (ChorusPersonPanel        *self);

G_END_DECLS
