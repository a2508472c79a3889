/* chorus-saved-replies-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-saved-replies-page.h"
#include "chorus-store-saved-replies.h"

/* The Saved Replies page of Preferences: the answers the reply box offers,
 * in its menu's order, each with the start of its text and buttons to move
 * it up, edit it (its name and its text, in a dialog) or delete it (after
 * asking). Every change goes to the store in a worker, and the list is read
 * again once it is written. */

struct _ChorusSavedRepliesPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *group;
  GPtrArray           *rows;         /* AdwActionRow, as listed */

  ChorusStore         *store;
  GCancellable        *cancellable;
  gboolean             ready;
};

G_DEFINE_FINAL_TYPE (ChorusSavedRepliesPage, chorus_saved_replies_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (ChorusSavedRepliesPage *self);

static void
show_error (ChorusSavedRepliesPage *self,
            const char             *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_debug ("Saved replies: %s", message);
}

static void
on_changed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusSavedRepliesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (chorus_store_change_saved_reply_finish (CHORUS_STORE (object), result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error->message);
    }
  reload (self);
}

/* The user data of on_changed_cb(): the list is out of date until read again. */
static gpointer
start_change (ChorusSavedRepliesPage *self)
{
  self->ready = FALSE;
  return g_object_ref (self);
}

/* The editor */

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0';
}

static void
update_save (AdwMessageDialog *dialog)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "chorus-name");
  GtkTextBuffer *body = g_object_get_data (G_OBJECT (dialog), "chorus-body");
  g_autofree char *text = dup_buffer_text (body);

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           has_text (gtk_editable_get_text (name)) && has_text (text));
}

static void
on_editor_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       ChorusSavedRepliesPage *self)
{
  ChorusSavedReply *reply = g_object_get_data (G_OBJECT (dialog), "chorus-saved-reply");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "chorus-name");
  g_autofree char *body = dup_buffer_text (g_object_get_data (G_OBJECT (dialog), "chorus-body"));

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (reply == NULL)
    chorus_store_add_saved_reply_async (self->store, gtk_editable_get_text (name), body, self->cancellable,
                                        on_changed_cb, start_change (self));
  else
    chorus_store_edit_saved_reply_async (self->store, chorus_saved_reply_get_id (reply),
                                         gtk_editable_get_text (name), body, self->cancellable,
                                         on_changed_cb, start_change (self));
}

static GtkWidget *
build_editor_fields (AdwMessageDialog *dialog,
                     ChorusSavedReply *reply)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *hint;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 132);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);

  /* Translators: keep {name} and {handle} as they are. */
  hint = gtk_label_new (_("{name} becomes the name of the person you answer, or their handle "
                          "when they have no name; {handle} becomes their handle."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");

  if (reply != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (name), chorus_saved_reply_get_name (reply));
      gtk_text_buffer_set_text (buffer, chorus_saved_reply_get_body (reply), -1);
    }

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), hint);

  g_object_set_data (G_OBJECT (dialog), "chorus-name", name);
  g_object_set_data (G_OBJECT (dialog), "chorus-body", buffer);
  g_signal_connect_object (name, "changed", G_CALLBACK (update_save), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (update_save), dialog, G_CONNECT_SWAPPED);
  return box;
}

static AdwMessageDialog *
open_editor (ChorusSavedRepliesPage *self,
             ChorusSavedReply       *reply)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       reply == NULL ? _("New Saved Reply") : _("Edit Saved Reply"),
                                                       NULL));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (reply != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "chorus-saved-reply", g_object_ref (reply), g_object_unref);
  adw_message_dialog_set_extra_child (dialog, build_editor_fields (dialog, reply));
  update_save (dialog);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_editor_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The list */

static void
on_edit_clicked_cb (GtkButton              *button,
                    ChorusSavedRepliesPage *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (button), "chorus-saved-reply"));
}

static void
on_delete_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       ChorusSavedRepliesPage *self)
{
  ChorusSavedReply *reply = g_object_get_data (G_OBJECT (dialog), "chorus-saved-reply");

  if (g_strcmp0 (response, "delete") == 0)
    chorus_store_delete_saved_reply_async (self->store, chorus_saved_reply_get_id (reply), self->cancellable,
                                           on_changed_cb, start_change (self));
}

static void
on_delete_clicked_cb (GtkButton              *button,
                      ChorusSavedRepliesPage *self)
{
  ChorusSavedReply *reply = g_object_get_data (G_OBJECT (button), "chorus-saved-reply");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                   _("Nobody on the team will find it in the reply box any more."));
  /* Translators: %s is a saved reply's name. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     chorus_saved_reply_get_name (reply));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "chorus-saved-reply", g_object_ref (reply), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Move Up and Move Down: the button knows where its reply goes. */
static void
on_move_clicked_cb (GtkButton              *button,
                    ChorusSavedRepliesPage *self)
{
  ChorusSavedReply *reply = g_object_get_data (G_OBJECT (button), "chorus-saved-reply");
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chorus-target"));

  chorus_store_move_saved_reply_async (self->store, chorus_saved_reply_get_id (reply), target,
                                       self->cancellable, on_changed_cb, start_change (self));
}

static GtkWidget *
add_button (AdwActionRow           *row,
            ChorusSavedReply       *reply,
            const char             *icon_name,
            const char             *tooltip,
            GCallback               callback,
            ChorusSavedRepliesPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "chorus-saved-reply", g_object_ref (reply), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (row, button);
  return button;
}

/* Like the Statuses page: both arrows on every row, off at the ends,
 * so that the Edit and Delete buttons line up down the list. */
static void
add_move_button (AdwActionRow           *row,
                 ChorusSavedReply       *reply,
                 gboolean                down,
                 guint                   position,
                 guint                   n_replies,
                 ChorusSavedRepliesPage *self)
{
  GtkWidget *button = add_button (row, reply, down ? "go-down-symbolic" : "go-up-symbolic",
                                  down ? _("Move Down") : _("Move Up"), G_CALLBACK (on_move_clicked_cb), self);

  gtk_widget_set_sensitive (button, down ? position + 1 < n_replies : position > 0);
  g_object_set_data (G_OBJECT (button), "chorus-target", GUINT_TO_POINTER (down ? position + 1 : position - 1));
}

static AdwActionRow *
build_row (ChorusSavedRepliesPage *self,
           ChorusSavedReply       *reply,
           guint                   position,
           guint                   n_replies)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *line = g_strdup (chorus_saved_reply_get_body (reply));

  g_strdelimit (line, "\r\n\t", ' ');
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_saved_reply_get_name (reply));
  adw_action_row_set_subtitle (row, line);
  adw_action_row_set_subtitle_lines (row, 1);

  add_move_button (row, reply, FALSE, position, n_replies, self);
  add_move_button (row, reply, TRUE, position, n_replies, self);
  add_button (row, reply, "document-edit-symbolic", _("Edit"), G_CALLBACK (on_edit_clicked_cb), self);
  add_button (row, reply, "user-trash-symbolic", _("Delete"), G_CALLBACK (on_delete_clicked_cb), self);
  return row;
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusSavedRepliesPage) self = user_data;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;

  replies = chorus_store_list_saved_replies_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (replies == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < replies->len; i++)
    {
      AdwActionRow *row = build_row (self, g_ptr_array_index (replies, i), i, replies->len);

      adw_preferences_group_add (self->group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }

  adw_preferences_group_set_description (self->group,
                                         replies->len == 0
                                         ? _("No saved replies yet. Keep the answers you give often, and insert them from the reply box.")
                                         /* Translators: keep {name} as it is. */
                                         : _("The reply box offers these in this order. {name} becomes the name of the person you answer."));
  self->ready = TRUE;
}

static void
reload (ChorusSavedRepliesPage *self)
{
  self->ready = FALSE;
  chorus_store_list_saved_replies_async (self->store, self->cancellable, on_listed_cb, g_object_ref (self));
}

static void
chorus_saved_replies_page_dispose (GObject *object)
{
  ChorusSavedRepliesPage *self = CHORUS_SAVED_REPLIES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (chorus_saved_replies_page_parent_class)->dispose (object);
}

static void
chorus_saved_replies_page_class_init (ChorusSavedRepliesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_saved_replies_page_dispose;
}

static void
chorus_saved_replies_page_init (ChorusSavedRepliesPage *self)
{
  GtkWidget *add_button;

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "saved-replies");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Saved Replies"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "document-edit-symbolic");

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Saved Replies"));
  add_button = gtk_button_new_with_mnemonic (_("_Add Saved Reply…"));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (chorus_saved_replies_page_add), self);
  adw_preferences_group_set_header_suffix (self->group, add_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->group);
}

/**
 * chorus_saved_replies_page_new:
 * @store: the workspace whose saved replies to edit
 *
 * Returns: (transfer floating): the page, named "saved-replies"
 */
ChorusSavedRepliesPage *
chorus_saved_replies_page_new (ChorusStore *store)
{
  ChorusSavedRepliesPage *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_SAVED_REPLIES_PAGE, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

/* Returns: whether the saved replies were listed (again) since the last change */
gboolean
chorus_saved_replies_page_is_ready (ChorusSavedRepliesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_PAGE (self), FALSE);

  return self->ready;
}

/**
 * chorus_saved_replies_page_add:
 * @self: a #ChorusSavedRepliesPage
 *
 * Opens the dialog of a new saved reply, as "Add Saved Reply…" does.
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
chorus_saved_replies_page_add (ChorusSavedRepliesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_PAGE (self), NULL);

  return open_editor (self, NULL);
}

/**
 * chorus_saved_replies_page_edit:
 * @self: a #ChorusSavedRepliesPage
 * @reply: the saved reply to change
 *
 * Returns: (transfer none): the dialog, as the row's Edit button opens it
 */
AdwMessageDialog *
chorus_saved_replies_page_edit (ChorusSavedRepliesPage *self,
                                ChorusSavedReply       *reply)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_PAGE (self), NULL);
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLY (reply), NULL);

  return open_editor (self, reply);
}

guint
chorus_saved_replies_page_get_n_rows (ChorusSavedRepliesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_PAGE (self), 0);

  return self->rows->len;
}

/**
 * chorus_saved_replies_page_get_row:
 *
 * Returns: (transfer none): the row of the saved reply at @index
 */
AdwActionRow *
chorus_saved_replies_page_get_row (ChorusSavedRepliesPage *self,
                                   guint                   index)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
