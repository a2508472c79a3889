/* chorus-rule-editor-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-rule-editor.h"

G_BEGIN_DECLS

/* The editor's rows, for the rules page and its tests. */
struct _ChorusRuleEditor
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toasts;
  GtkButton            *save_button;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *conditions_group;
  AdwEntryRow          *text_row;
  AdwComboRow          *network_row;
  AdwEntryRow          *language_row;
  AdwComboRow          *segment_row;
  AdwEntryRow          *tag_row;
  AdwComboRow          *assignee_row;
  AdwComboRow          *status_row;
  AdwComboRow          *priority_row;

  ChorusStore          *store;
  ChorusRule           *rule;       /* what is being edited; id 0 when new */
  GPtrArray            *members;    /* ChorusTeamMember, in the assignee list's order after "Nobody" */
  GPtrArray            *statuses;   /* ChorusStatus, likewise after "Leave As Is" */
  GCancellable         *cancellable;
  guint                 dry_run_source;
};

G_END_DECLS
