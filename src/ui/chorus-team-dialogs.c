/* chorus-team-dialogs.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-store-inbox.h"
#include "chorus-store-team.h"
#include "chorus-team-dialogs.h"

/**
 * chorus_team_add_group:
 * @add: a #GtkButton::clicked handler, given @page
 *
 * Returns: (transfer none): a group with @title and an add button,
 *   insensitive until chorus_team_replace_rows(), added to @page
 */
AdwPreferencesGroup *
chorus_team_add_group (AdwPreferencesPage  *page,
                       const char          *title,
                       const char          *add_label,
                       GCallback            add)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *button = gtk_button_new_with_mnemonic (add_label);

  adw_preferences_group_set_title (group, title);
  gtk_widget_set_sensitive (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", add, page);
  adw_preferences_group_set_header_suffix (group, button);
  adw_preferences_page_add (page, group);

  return group;
}

/**
 * chorus_team_replace_rows:
 * @rows: the rows of @group, as listed; replaced
 * @items: what to list now
 *
 * Lists @items in @group instead of @rows, and enables the group's add
 * button.
 */
void
chorus_team_replace_rows (AdwPreferencesGroup  *group,
                          GPtrArray            *rows,
                          GPtrArray            *items,
                          ChorusTeamRowBuilder  build,
                          gpointer              page)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; i < items->len; i++)
    {
      AdwActionRow *row = build (page, g_ptr_array_index (items, i), i, items);

      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (rows, row);
    }

  gtk_widget_set_sensitive (adw_preferences_group_get_header_suffix (group), TRUE);
}

/**
 * chorus_team_show_error:
 * @page: a page of the Preferences window
 * @message: a translated sentence
 *
 * Shows @message as a toast of the window holding @page.
 */
void
chorus_team_show_error (GtkWidget  *page,
                        const char *message)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_debug ("Not shown, the page is gone: %s", message);
}

/**
 * chorus_team_add_row_button:
 * @item: the status or member of the row, kept as the button's
 *   "chorus-item" data
 * @callback: a #GtkButton::clicked handler, given @page
 *
 * Returns: (transfer none): a flat icon button at the end of @row
 */
GtkWidget *
chorus_team_add_row_button (AdwActionRow *row,
                            const char   *icon_name,
                            const char   *tooltip,
                            gpointer      item,
                            GCallback     callback,
                            gpointer      page)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "chorus-item", g_object_ref (item), g_object_unref);
  g_signal_connect (button, "clicked", callback, page);
  adw_action_row_add_suffix (row, button);
  return button;
}

/**
 * chorus_team_dialog_new:
 * @page: the page asking
 * @body: (nullable): the dialog's text
 * @response: the id of the response that goes ahead; "cancel" is the other
 * @label: its label, with a mnemonic
 * @destructive: whether it destroys something, and is not the default
 *
 * Returns: (transfer none): a dialog, not shown yet, transient for the
 *   window of @page
 */
AdwMessageDialog *
chorus_team_dialog_new (GtkWidget  *page,
                        const char *heading,
                        const char *body,
                        const char *response,
                        const char *label,
                        gboolean    destructive)
{
  GtkRoot *root = gtk_widget_get_root (page);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "chorus-response", (gpointer) g_intern_string (response));
  return dialog;
}

/* The dialog's form, made on first use. */
static GtkBox *
get_form (AdwMessageDialog *dialog)
{
  GtkWidget *form = adw_message_dialog_get_extra_child (dialog);

  if (form == NULL)
    {
      form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      adw_message_dialog_set_extra_child (dialog, form);
    }

  return GTK_BOX (form);
}

/* The response goes ahead only when every required entry has a name. */
static void
on_entry_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  gboolean filled = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (get_form (dialog)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *text = NULL;

      if (!GTK_IS_ENTRY (child) || g_object_get_data (G_OBJECT (child), "chorus-required") == NULL)
        continue;
      text = chorus_team_dup_entry_text (GTK_ENTRY (child));
      filled = filled && *text != '\0';
    }

  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (dialog), "chorus-response"),
                                           filled);
}

/**
 * chorus_team_dialog_add_entry:
 * @label: what the entry asks for, as its placeholder and accessible label
 * @text: (nullable): what it holds at first
 * @required: whether the dialog needs it filled in
 *
 * Returns: (transfer none): an entry added to the dialog's form
 */
GtkEntry *
chorus_team_dialog_add_entry (AdwMessageDialog *dialog,
                              const char       *label,
                              const char       *text,
                              gboolean          required)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_box_append (get_form (dialog), entry);

  if (required)
    {
      g_object_set_data (G_OBJECT (entry), "chorus-required", GINT_TO_POINTER (TRUE));
      g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), dialog);
      on_entry_changed_cb (GTK_EDITABLE (entry), dialog);
    }

  return GTK_ENTRY (entry);
}

void
chorus_team_dialog_add_child (AdwMessageDialog *dialog,
                              GtkWidget        *child)
{
  gtk_box_append (get_form (dialog), child);
}

/* Returns: (transfer full): the entry's text, trimmed */
char *
chorus_team_dup_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/**
 * chorus_team_count_async:
 * @status_id: the status to count the conversations of, or 0
 * @member_id: the member to count the conversations assigned to, or 0
 *
 * Counts conversations, open and closed alike, in a worker; finish with
 * chorus_store_count_conversations_finish().
 */
void
chorus_team_count_async (ChorusStore         *store,
                         gint64               status_id,
                         gint64               member_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_new ();

  if (status_id != 0)
    chorus_inbox_filter_set_status_ids (filter, &status_id, 1);
  if (member_id != 0)
    chorus_inbox_filter_set_assignee (filter, CHORUS_INBOX_ASSIGNEE_MEMBER, member_id);
  chorus_store_count_conversations_async (store, filter, FALSE, cancellable, callback, user_data);
}

/**
 * chorus_team_edit_done_cb:
 * @user_data: (transfer full): the page that asked
 *
 * Finishes any edit of chorus-store-team.h, showing why it was refused.
 * What changed is shown again on ChorusStore::team-changed.
 */
void
chorus_team_edit_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GtkWidget) page = user_data;
  g_autoptr(GError) error = NULL;

  if (chorus_store_edit_finish (CHORUS_STORE (source), result, &error) == 0 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    chorus_team_show_error (page, error->message);
}
