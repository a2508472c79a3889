/* chorus-triage-bar.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_TRIAGE_BAR (chorus_triage_bar_get_type ())

/* Signals: "changed" (gint64 audit_id, const char *message) after each
 * change, for a toast offering Undo, and "failed" (GError *error); see
 * chorus_triage_class_add_signals(). Actions, for keyboard shortcuts
 * through gtk_widget_activate_action() on the bar: "triage.done",
 * "triage.assign", "triage.tag", "triage.unread", and "triage.sentiment"
 * with "positive", "neutral", "negative" or "automatic". */

G_DECLARE_FINAL_TYPE (ChorusTriageBar, chorus_triage_bar, CHORUS, TRIAGE_BAR, GtkWidget)

GtkWidget   *chorus_triage_bar_new               (void);
void         chorus_triage_bar_set_conversations (ChorusTriageBar *self,
                                                  ChorusStore     *store,
                                                  GPtrArray       *conversations);
GPtrArray   *chorus_triage_bar_get_conversations (ChorusTriageBar *self);
ChorusStore *chorus_triage_bar_get_store         (ChorusTriageBar *self);
gboolean     chorus_triage_bar_get_loading       (ChorusTriageBar *self);

G_END_DECLS
