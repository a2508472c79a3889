/* chorus-team-dialogs.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-store.h"

G_BEGIN_DECLS

/* What the Statuses and Team pages of Preferences share: a group of rows
 * with an add button, a failure shown as a toast, a row's icon buttons, the small dialogs that ask for a name
 * or a confirmation, counting conversations, and the callback of the
 * store's edits. */

/* Builds the row of @item, the @position-th of @items. */
typedef AdwActionRow *(*ChorusTeamRowBuilder) (gpointer   page,
                                               gpointer   item,
                                               guint      position,
                                               GPtrArray *items);

AdwPreferencesGroup *chorus_team_add_group      (AdwPreferencesPage  *page,
                                                 const char          *title,
                                                 const char          *add_label,
                                                 GCallback            add);
void              chorus_team_replace_rows      (AdwPreferencesGroup *group,
                                                 GPtrArray           *rows,
                                                 GPtrArray           *items,
                                                 ChorusTeamRowBuilder build,
                                                 gpointer             page);
void              chorus_team_show_error        (GtkWidget           *page,
                                                 const char          *message);
GtkWidget        *chorus_team_add_row_button    (AdwActionRow        *row,
                                                 const char          *icon_name,
                                                 const char          *tooltip,
                                                 gpointer             item,
                                                 GCallback            callback,
                                                 gpointer             page);
AdwMessageDialog *chorus_team_dialog_new        (GtkWidget           *page,
                                                 const char          *heading,
                                                 const char          *body,
                                                 const char          *response,
                                                 const char          *label,
                                                 gboolean             destructive);
GtkEntry         *chorus_team_dialog_add_entry  (AdwMessageDialog    *dialog,
                                                 const char          *label,
                                                 const char          *text,
                                                 gboolean             required);
void              chorus_team_dialog_add_child  (AdwMessageDialog    *dialog,
                                                 GtkWidget           *child);
char             *chorus_team_dup_entry_text    (GtkEntry            *entry);
void              chorus_team_count_async       (ChorusStore         *store,
                                                 gint64               status_id,
                                                 gint64               member_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void              chorus_team_edit_done_cb      (GObject             *source,
                                                 GAsyncResult        *result,
                                                 gpointer             user_data);

G_END_DECLS
