/* triage-bar-fixture.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-triage-bar shares: the triage bar above the notes panel in a
 * window of their own, on the workspace of chorus-test-triage.h (five
 * conversations, Ana Lima as "me" and Bo Chen), every "changed" and
 * "failed" signal of either recorded, and what a person does with them:
 * picking dropdown items, finding labels and buttons, opening the tag
 * popover. Helpers fail the running test when what they wait for never
 * comes. */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-notes-panel.h"
#include "chorus-tag-popover.h"
#include "chorus-triage-bar.h"

#include "chorus-test-triage.h"

G_BEGIN_DECLS

typedef struct
{
  Fixture           f;
  GtkWindow        *window;
  ChorusTriageBar  *bar;
  ChorusNotesPanel *panel;
  GArray           *audit_ids;     /* from "changed", bar and panel alike */
  GPtrArray        *messages;
  GError           *failure;
} Rig;

/* A "changed" or "failed" after the first @before changes. */
typedef struct
{
  Rig   *rig;
  guint  before;
} ChangeWait;

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

void              rig_set_up       (Rig               *rig,
                                    gconstpointer      data);
void              rig_tear_down    (Rig               *rig,
                                    gconstpointer      data);

/* Waiting */
gboolean          bar_loaded       (gpointer           data);
gboolean          panel_loaded     (gpointer           data);
gboolean          change_arrived   (gpointer           data);
gint64            wait_change      (Rig               *rig,
                                    guint              before,
                                    const char        *message);

/* Showing the bar and the panel; conversations by their index in the
 * fixture, -1 ending a list. */
void              show_bar         (Rig               *rig,
                                    int                first,
                                    ...);
void              show_panel       (Rig               *rig,
                                    int                conversation);
void              set_status       (Rig               *rig,
                                    int                conversation,
                                    gint64             status_id);
void              add_note_as      (Rig               *rig,
                                    gint64             author,
                                    const char        *body,
                                    gint64             age);
gint64            tagged           (Rig               *rig,
                                    const char        *tag,
                                    int                conversation);

/* Widgets */
gpointer          child_of         (gpointer           widget,
                                    GType              type,
                                    const char        *name);
GtkDropDown      *drop_down        (Rig               *rig,
                                    const char        *name);
char             *items_of         (GtkDropDown       *drop_down);
const char       *selected_of      (GtkDropDown       *drop_down);
void              pick             (GtkDropDown       *drop_down,
                                    const char        *label);
char             *expected_lines   (const char        *first,
                                    ...);
GtkWidget        *find_widget      (GtkWidget         *root,
                                    WidgetMatch        match,
                                    gconstpointer      data);
gboolean          is_label         (GtkWidget         *widget,
                                    gconstpointer      text);
gboolean          is_button        (GtkWidget         *widget,
                                    gconstpointer      tooltip);
ChorusTagPopover *open_tag_popover (Rig               *rig);
GtkWidget        *popover_child    (ChorusTagPopover  *popover,
                                    const char        *name);

G_END_DECLS
