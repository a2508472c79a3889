/* chorus-statuses-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-statuses-page.h"
#include "chorus-store-inbox.h"
#include "chorus-store-team.h"
#include "chorus-team-dialogs.h"

/* The Statuses page of Preferences: the workspace's statuses in their
 * order, each saying whether it counts as open or done and how many
 * conversations have it, with buttons to move it up or down, edit its name
 * and kind, or delete it (its conversations move to a status the person
 * picks); and "Add Status…". The page lists the statuses again on
 * ChorusStore::team-changed, whoever made the change, and counts again on
 * ChorusStore::conversations-changed. */

struct _ChorusStatusesPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *group;
  GPtrArray           *rows;          /* AdwActionRow, as listed */

  ChorusStore         *store;
  GPtrArray           *statuses;      /* ChorusStatus, in order; NULL until listed */
  GCancellable        *cancellable;   /* edits and dialogs */
  GCancellable        *listing;       /* the listing and counting under way */
  guint                pending;       /* reads under way */
  gboolean             recount;       /* conversations changed meanwhile */
};

G_DEFINE_FINAL_TYPE (ChorusStatusesPage, chorus_statuses_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_subtitle (AdwActionRow *row,
               ChorusStatus *status,
               gint64        count)
{
  g_autofree char *number = count >= 0 ? chorus_format_count (count) : NULL;
  g_autofree char *subtitle = NULL;

  if (count < 0)
    subtitle = g_strdup (chorus_status_get_closed (status) ? _("Counts as done") : _("Counts as open"));
  else if (chorus_status_get_closed (status))
    /* Translators: %s is a number of conversations. */
    subtitle = g_strdup_printf (ngettext ("Counts as done · %s conversation", "Counts as done · %s conversations",
                                          count),
                                number);
  else
    /* Translators: %s is a number of conversations. */
    subtitle = g_strdup_printf (ngettext ("Counts as open · %s conversation", "Counts as open · %s conversations",
                                          count),
                                number);

  adw_action_row_set_subtitle (row, subtitle);
}

static void count_rows (ChorusStatusesPage *self);

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  ChorusStatusesPage *self;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (!chorus_store_count_conversations_finish (CHORUS_STORE (source), result, &count, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_get_data (G_OBJECT (row), "chorus-page");
  if (error != NULL)
    g_debug ("Cannot count a status's conversations: %s", error->message);
  else
    show_subtitle (row, g_object_get_data (G_OBJECT (row), "chorus-item"), count);

  if (--self->pending == 0 && self->recount)
    {
      self->recount = FALSE;
      count_rows (self);
    }
}

static void
count_rows (ChorusStatusesPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      ChorusStatus *status = g_object_get_data (G_OBJECT (row), "chorus-item");

      self->pending++;
      chorus_team_count_async (self->store, chorus_status_get_id (status), 0, self->listing,
                               on_counted_cb, g_object_ref (row));
    }
}

/* Cancelled reads leave pending alone: a new listing starts from none. */
static void
cancel_listing (ChorusStatusesPage *self)
{
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->pending = 0;
  self->recount = FALSE;
}

/* Counted again once what is under way is done. */
static void
on_conversations_changed_cb (ChorusStatusesPage *self)
{
  if (self->pending > 0)
    self->recount = TRUE;
  else
    count_rows (self);
}

/* Adding and editing */

static void
on_status_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       ChorusStatusesPage *self)
{
  ChorusStatus *status = g_object_get_data (G_OBJECT (dialog), "chorus-item");
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "chorus-entry");
  GtkCheckButton *done = g_object_get_data (G_OBJECT (dialog), "chorus-done");
  g_autofree char *name = chorus_team_dup_entry_text (entry);
  gboolean closed = gtk_check_button_get_active (done);

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (status == NULL)
    {
      chorus_store_add_status_async (self->store, name, closed, self->cancellable,
                                     chorus_team_edit_done_cb, g_object_ref (self));
      return;
    }

  if (g_strcmp0 (name, chorus_status_get_name (status)) != 0)
    chorus_store_rename_status_async (self->store, chorus_status_get_id (status), name, self->cancellable,
                                      chorus_team_edit_done_cb, g_object_ref (self));
  if (closed != chorus_status_get_closed (status))
    chorus_store_set_status_closed_async (self->store, chorus_status_get_id (status), closed, self->cancellable,
                                          chorus_team_edit_done_cb, g_object_ref (self));
}

/* Adds a status with @status NULL, or edits @status. */
static AdwMessageDialog *
open_status_dialog (ChorusStatusesPage *self,
                    ChorusStatus       *status)
{
  AdwMessageDialog *dialog;
  GtkEntry *entry;
  GtkWidget *done;

  dialog = chorus_team_dialog_new (GTK_WIDGET (self), status == NULL ? _("Add Status") : _("Edit Status"),
                                   _("Conversations with a status that counts as done leave the open views "
                                     "and show in Done."),
                                   "save", status == NULL ? _("_Add") : _("_Save"), FALSE);
  entry = chorus_team_dialog_add_entry (dialog, _("Name"), status != NULL ? chorus_status_get_name (status) : NULL,
                                        TRUE);
  done = gtk_check_button_new_with_mnemonic (_("Counts as _Done"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (done), status != NULL && chorus_status_get_closed (status));
  chorus_team_dialog_add_child (dialog, done);

  g_object_set_data (G_OBJECT (dialog), "chorus-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "chorus-done", done);
  if (status != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "chorus-item", g_object_ref (status), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_status_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_edit_clicked_cb (GtkButton          *button,
                    ChorusStatusesPage *self)
{
  open_status_dialog (self, g_object_get_data (G_OBJECT (button), "chorus-item"));
}

/* Moving */

static void
move_status (ChorusStatusesPage *self,
             GtkButton          *button,
             int                 offset)
{
  ChorusStatus *status = g_object_get_data (G_OBJECT (button), "chorus-item");
  guint position;

  if (!g_ptr_array_find (self->statuses, status, &position))
    return;

  chorus_store_move_status_async (self->store, chorus_status_get_id (status), (guint) ((int) position + offset),
                                  self->cancellable, chorus_team_edit_done_cb, g_object_ref (self));
}

static void
on_move_up_clicked_cb (GtkButton          *button,
                       ChorusStatusesPage *self)
{
  move_status (self, button, -1);
}

static void
on_move_down_clicked_cb (GtkButton          *button,
                         ChorusStatusesPage *self)
{
  move_status (self, button, 1);
}

/* Deleting */

static void
on_delete_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       ChorusStatusesPage *self)
{
  ChorusStatus *status = g_object_get_data (G_OBJECT (dialog), "chorus-item");
  GtkDropDown *targets = g_object_get_data (G_OBJECT (dialog), "chorus-targets");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "chorus-target-ids");
  gint64 move_to = 0;

  if (targets != NULL && gtk_drop_down_get_selected (targets) < ids->len)
    move_to = g_array_index (ids, gint64, gtk_drop_down_get_selected (targets));

  chorus_store_delete_status_async (self->store, chorus_status_get_id (status), move_to, self->cancellable,
                                    chorus_team_edit_done_cb, g_object_ref (self));
}

/* The statuses @status's conversations may move to, the first of its
 * own kind chosen. */
static GtkWidget *
new_targets (ChorusStatusesPage *self,
             ChorusStatus       *status,
             GArray             *ids)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  guint chosen = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->statuses->len; i++)
    {
      ChorusStatus *other = g_ptr_array_index (self->statuses, i);
      gint64 id = chorus_status_get_id (other);

      if (other == status)
        continue;
      if (chosen == GTK_INVALID_LIST_POSITION && chorus_status_get_closed (other) == chorus_status_get_closed (status))
        chosen = ids->len;
      gtk_string_list_append (names, chorus_status_get_name (other));
      g_array_append_val (ids, id);
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), chosen != GTK_INVALID_LIST_POSITION ? chosen : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move Conversations To"), -1);
  return drop_down;
}

static void
on_delete_counted_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GtkButton) button = user_data;
  ChorusStatus *status = g_object_get_data (G_OBJECT (button), "chorus-item");
  ChorusStatusesPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *number = NULL;
  AdwMessageDialog *dialog;
  guint count = 0;

  if (!chorus_store_count_conversations_finish (CHORUS_STORE (source), result, &count, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        chorus_team_show_error (GTK_WIDGET (button), error->message);
      return;
    }

  self = CHORUS_STATUSES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), CHORUS_TYPE_STATUSES_PAGE));
  if (self == NULL || self->statuses == NULL)
    return;

  number = chorus_format_count (count);
  /* Translators: %s is a conversation status's name. */
  heading = g_strdup_printf (_("Delete “%s”?"), chorus_status_get_name (status));
  if (count == 0)
    body = g_strdup (_("No conversations have this status."));
  else
    /* Translators: %s is a number of conversations; a list of the other statuses follows. */
    body = g_strdup_printf (ngettext ("%s conversation has this status. Choose the status it gets instead:",
                                      "%s conversations have this status. Choose the status they get instead:",
                                      count),
                            number);

  dialog = chorus_team_dialog_new (GTK_WIDGET (self), heading, body, "delete", _("_Delete"), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-item", g_object_ref (status), g_object_unref);
  if (count > 0)
    {
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GtkWidget *targets = new_targets (self, status, ids);

      chorus_team_dialog_add_child (dialog, targets);
      g_object_set_data (G_OBJECT (dialog), "chorus-targets", targets);
      g_object_set_data_full (G_OBJECT (dialog), "chorus-target-ids", ids, (GDestroyNotify) g_array_unref);
    }
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The built-in New, the last open and the last closed status stay: the
 * page says so at once rather than after asking where conversations go. */
static void
on_delete_clicked_cb (GtkButton          *button,
                      ChorusStatusesPage *self)
{
  ChorusStatus *status = g_object_get_data (G_OBJECT (button), "chorus-item");
  g_autofree char *refusal = chorus_status_dup_delete_refusal (status, self->statuses);
  g_autofree char *heading = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (refusal == NULL)
    {
      chorus_team_count_async (self->store, chorus_status_get_id (status), 0, self->cancellable,
                               on_delete_counted_cb, g_object_ref (button));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is a conversation status's name. */
  heading = g_strdup_printf (_("“%s” Cannot Be Deleted"), chorus_status_get_name (status));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, refusal);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Listing */

static AdwActionRow *
build_row (gpointer   page,
           gpointer   item,
           guint      position,
           GPtrArray *statuses)
{
  ChorusStatusesPage *self = page;
  ChorusStatus *status = item;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_status_get_name (status));
  g_object_set_data_full (G_OBJECT (row), "chorus-item", g_object_ref (status), g_object_unref);
  g_object_set_data (G_OBJECT (row), "chorus-page", self);
  show_subtitle (row, status, -1);

  button = chorus_team_add_row_button (row, "go-up-symbolic", _("Move Up"), status,
                                       G_CALLBACK (on_move_up_clicked_cb), self);
  gtk_widget_set_sensitive (button, position > 0);
  button = chorus_team_add_row_button (row, "go-down-symbolic", _("Move Down"), status,
                                       G_CALLBACK (on_move_down_clicked_cb), self);
  gtk_widget_set_sensitive (button, position + 1 < statuses->len);
  chorus_team_add_row_button (row, "document-edit-symbolic", _("Edit Status"), status,
                              G_CALLBACK (on_edit_clicked_cb), self);
  chorus_team_add_row_button (row, "user-trash-symbolic", _("Delete Status"), status,
                              G_CALLBACK (on_delete_clicked_cb), self);
  return row;
}

static void
on_statuses_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusStatusesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *statuses = chorus_store_list_statuses_finish (CHORUS_STORE (source), result, &error);

  if (statuses == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->pending--;
  if (statuses == NULL)
    {
      chorus_team_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  self->statuses = statuses;

  chorus_team_replace_rows (self->group, self->rows, statuses, build_row, self);
  count_rows (self);
}

static void
reload (ChorusStatusesPage *self)
{
  cancel_listing (self);
  self->listing = g_cancellable_new ();
  self->pending = 1;
  chorus_store_list_statuses_async (self->store, self->listing, on_statuses_cb, g_object_ref (self));
}

static void
chorus_statuses_page_dispose (GObject *object)
{
  ChorusStatusesPage *self = CHORUS_STATUSES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  cancel_listing (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_statuses_page_parent_class)->dispose (object);
}

static void
chorus_statuses_page_finalize (GObject *object)
{
  ChorusStatusesPage *self = CHORUS_STATUSES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_statuses_page_parent_class)->finalize (object);
}

static void
chorus_statuses_page_class_init (ChorusStatusesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_statuses_page_dispose;
  object_class->finalize = chorus_statuses_page_finalize;
}

static void
chorus_statuses_page_init (ChorusStatusesPage *self)
{
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Statuses"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "object-select-symbolic");

  self->group = chorus_team_add_group (ADW_PREFERENCES_PAGE (self), _("Conversation Statuses"), _("_Add Status…"),
                                       G_CALLBACK (chorus_statuses_page_add_status));
  adw_preferences_group_set_description (self->group, _("Triage offers these statuses in this order."));
}

/**
 * chorus_statuses_page_new:
 * @store: the workspace whose statuses to edit
 *
 * Returns: (transfer floating): the page
 */
ChorusStatusesPage *
chorus_statuses_page_new (ChorusStore *store)
{
  ChorusStatusesPage *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_STATUSES_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "team-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * chorus_statuses_page_is_ready:
 *
 * Returns: whether the statuses are listed and counted
 */
gboolean
chorus_statuses_page_is_ready (ChorusStatusesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUSES_PAGE (self), FALSE);

  return self->statuses != NULL && self->pending == 0;
}

/**
 * chorus_statuses_page_add_status:
 * @self: a #ChorusStatusesPage, ready
 *
 * Asks for a new status's name and kind, as "Add Status…" does.
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
chorus_statuses_page_add_status (ChorusStatusesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUSES_PAGE (self), NULL);

  return open_status_dialog (self, NULL);
}

guint
chorus_statuses_page_get_n_rows (ChorusStatusesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUSES_PAGE (self), 0);

  return self->rows->len;
}

/**
 * chorus_statuses_page_get_row:
 *
 * Returns: (transfer none): the row of the status at @index
 */
AdwActionRow *
chorus_statuses_page_get_row (ChorusStatusesPage *self,
                              guint               index)
{
  g_return_val_if_fail (CHORUS_IS_STATUSES_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
