/* chorus-team-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-store-inbox.h"
#include "chorus-store-team.h"
#include "chorus-team-dialogs.h"
#include "chorus-team-page.h"

/* The Team page of Preferences: who the person at this computer is among
 * the team (the member marked as "me" in the workspace, whose
 * conversations Assigned to Me lists and in whose name notes are written),
 * then the team members by name, each with buttons to rename or remove
 * them (their conversations become unassigned, after the page says how
 * many), and "Add Member…". The page lists the team again on
 * ChorusStore::team-changed, whoever made the change. */

struct _ChorusTeamPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *me_group;
  AdwComboRow         *me_row;
  GtkStringList       *me_names;
  GArray              *me_ids;        /* gint64, one per item of me_names; 0 for nobody */
  AdwPreferencesGroup *group;
  GPtrArray           *rows;          /* AdwActionRow, as listed */

  ChorusStore         *store;
  GPtrArray           *members;       /* ChorusTeamMember, by name; NULL until listed */
  GCancellable        *cancellable;   /* edits and dialogs */
  GCancellable        *listing;       /* the listing under way */
  gboolean             updating;      /* filling me_row, not a person's choice */
};

G_DEFINE_FINAL_TYPE (ChorusTeamPage, chorus_team_page, ADW_TYPE_PREFERENCES_PAGE)

/* "Me" */

static void
on_me_selected_cb (ChorusTeamPage *self)
{
  guint selected = adw_combo_row_get_selected (self->me_row);
  gint64 id;

  if (self->updating || selected >= self->me_ids->len || (id = g_array_index (self->me_ids, gint64, selected)) == 0)
    return;

  chorus_store_set_me_async (self->store, id, self->cancellable, chorus_team_edit_done_cb, g_object_ref (self));
}

static void
fill_me_row (ChorusTeamPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->me_names));
  guint chosen = 0;

  self->updating = TRUE;
  g_array_set_size (self->me_ids, 0);
  gtk_string_list_splice (self->me_names, 0, n, NULL);

  for (guint i = 0; i < self->members->len; i++)
    {
      ChorusTeamMember *member = g_ptr_array_index (self->members, i);
      gint64 id = chorus_team_member_get_id (member);

      if (chorus_team_member_get_is_me (member))
        chosen = i + 1;
      gtk_string_list_append (self->me_names, chorus_team_member_get_name (member));
      g_array_append_val (self->me_ids, id);
    }

  /* Nobody yet: a choice that is only shown, and goes once somebody is chosen. */
  if (chosen == 0)
    {
      gint64 nobody = 0;
      const char *label = C_("team member", "Not Chosen");

      gtk_string_list_splice (self->me_names, 0, 0, &label);
      g_array_prepend_val (self->me_ids, nobody);
    }
  else
    chosen--;

  adw_combo_row_set_selected (self->me_row, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->me_group), self->members->len > 0);
  self->updating = FALSE;
}

/* Adding and renaming */

static void
on_member_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ChorusTeamPage   *self)
{
  ChorusTeamMember *member = g_object_get_data (G_OBJECT (dialog), "chorus-item");
  g_autofree char *name = chorus_team_dup_entry_text (g_object_get_data (G_OBJECT (dialog), "chorus-entry"));
  GtkEntry *email_entry = g_object_get_data (G_OBJECT (dialog), "chorus-email");
  g_autofree char *email = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (member != NULL)
    {
      if (g_strcmp0 (name, chorus_team_member_get_name (member)) != 0)
        chorus_store_rename_team_member_async (self->store, chorus_team_member_get_id (member), name,
                                               self->cancellable, chorus_team_edit_done_cb, g_object_ref (self));
      return;
    }

  email = chorus_team_dup_entry_text (email_entry);
  chorus_store_add_team_member_async (self->store, name, *email != '\0' ? email : NULL, "member", self->cancellable,
                                      chorus_team_edit_done_cb, g_object_ref (self));
}

/* Adds a member with @member NULL, or renames @member. */
static AdwMessageDialog *
open_member_dialog (ChorusTeamPage   *self,
                    ChorusTeamMember *member)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkEntry *entry;

  if (member != NULL)
    /* Translators: %s is a team member's name. */
    heading = g_strdup_printf (_("Rename %s"), chorus_team_member_get_name (member));
  dialog = chorus_team_dialog_new (GTK_WIDGET (self), member == NULL ? _("Add Team Member") : heading,
                                   member == NULL ? _("Conversations can be assigned to every member of the team.")
                                                  : NULL,
                                   "save", member == NULL ? _("_Add") : _("_Rename"), FALSE);
  entry = chorus_team_dialog_add_entry (dialog, _("Name"),
                                        member != NULL ? chorus_team_member_get_name (member) : NULL, TRUE);
  g_object_set_data (G_OBJECT (dialog), "chorus-entry", entry);
  if (member == NULL)
    g_object_set_data (G_OBJECT (dialog), "chorus-email",
                       chorus_team_dialog_add_entry (dialog, _("Email (optional)"), NULL, FALSE));
  else
    g_object_set_data_full (G_OBJECT (dialog), "chorus-item", g_object_ref (member), g_object_unref);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_rename_clicked_cb (GtkButton      *button,
                      ChorusTeamPage *self)
{
  open_member_dialog (self, g_object_get_data (G_OBJECT (button), "chorus-item"));
}

/* Removing */

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ChorusTeamPage   *self)
{
  ChorusTeamMember *member = g_object_get_data (G_OBJECT (dialog), "chorus-item");

  chorus_store_remove_team_member_async (self->store, chorus_team_member_get_id (member), self->cancellable,
                                         chorus_team_edit_done_cb, g_object_ref (self));
}

static void
on_remove_counted_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GtkButton) button = user_data;
  ChorusTeamMember *member = g_object_get_data (G_OBJECT (button), "chorus-item");
  const char *name = chorus_team_member_get_name (member);
  ChorusTeamPage *self;
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

  if (!(self = CHORUS_TEAM_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), CHORUS_TYPE_TEAM_PAGE))))
    return;

  number = chorus_format_count (count);
  /* Translators: %s is a team member's name. */
  heading = g_strdup_printf (_("Remove %s?"), name);
  if (count == 0)
    /* Translators: %s is a team member's name. */
    body = g_strdup_printf (_("No conversations are assigned to %s."), name);
  else
    /* Translators: the first %s is a number of conversations, the second a team member's name. */
    body = g_strdup_printf (ngettext ("%s conversation is assigned to %s. It will become unassigned.",
                                      "%s conversations are assigned to %s. They will become unassigned.",
                                      count),
                            number, name);

  dialog = chorus_team_dialog_new (GTK_WIDGET (self), heading, body, "remove", _("_Remove"), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-item", g_object_ref (member), g_object_unref);
  g_signal_connect_object (dialog, "response::remove", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_clicked_cb (GtkButton      *button,
                      ChorusTeamPage *self)
{
  ChorusTeamMember *member = g_object_get_data (G_OBJECT (button), "chorus-item");

  chorus_team_count_async (self->store, 0, chorus_team_member_get_id (member), self->cancellable,
                           on_remove_counted_cb, g_object_ref (button));
}

/* Listing */

static AdwActionRow *
build_row (gpointer   page,
           gpointer   item,
           guint      position,
           GPtrArray *members)
{
  ChorusTeamPage *self = page;
  ChorusTeamMember *member = item;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_team_member_get_name (member));
  if (chorus_team_member_get_email (member) != NULL)
    adw_action_row_set_subtitle (row, chorus_team_member_get_email (member));
  g_object_set_data_full (G_OBJECT (row), "chorus-item", g_object_ref (member), g_object_unref);

  chorus_team_add_row_button (row, "document-edit-symbolic", _("Rename"), member,
                              G_CALLBACK (on_rename_clicked_cb), self);
  chorus_team_add_row_button (row, "user-trash-symbolic", _("Remove From Team"), member,
                              G_CALLBACK (on_remove_clicked_cb), self);
  return row;
}

static void
on_members_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *members = chorus_store_list_team_members_finish (CHORUS_STORE (source), result, &error);

  if (members == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        chorus_team_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_object (&self->listing);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = members;

  chorus_team_replace_rows (self->group, self->rows, members, build_row, self);

  adw_preferences_group_set_description (self->group,
                                         members->len == 0
                                         ? _("No team members yet. Add the people who triage and answer conversations.")
                                         : NULL);
  fill_me_row (self);
}

static void
reload (ChorusTeamPage *self)
{
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->listing = g_cancellable_new ();
  chorus_store_list_team_members_async (self->store, self->listing, on_members_cb, g_object_ref (self));
}

static void
chorus_team_page_dispose (GObject *object)
{
  ChorusTeamPage *self = CHORUS_TEAM_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_team_page_parent_class)->dispose (object);
}

static void
chorus_team_page_finalize (GObject *object)
{
  ChorusTeamPage *self = CHORUS_TEAM_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->me_names);
  g_clear_pointer (&self->me_ids, g_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_team_page_parent_class)->finalize (object);
}

static void
chorus_team_page_class_init (ChorusTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_team_page_dispose;
  object_class->finalize = chorus_team_page_finalize;
}

static void
chorus_team_page_init (ChorusTeamPage *self)
{
  self->rows = g_ptr_array_new ();
  self->me_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Team"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "avatar-default-symbolic");

  self->me_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->me_group, _("You"));
  adw_preferences_group_set_description (self->me_group,
                                         _("Assigned to Me lists this member’s conversations, and your notes "
                                           "are written in their name."));
  gtk_widget_set_visible (GTK_WIDGET (self->me_group), FALSE);
  self->me_names = gtk_string_list_new (NULL);
  self->me_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->me_row), _("Who Is Using This Computer"));
  adw_combo_row_set_model (self->me_row, G_LIST_MODEL (self->me_names));
  g_signal_connect_swapped (self->me_row, "notify::selected", G_CALLBACK (on_me_selected_cb), self);
  adw_preferences_group_add (self->me_group, GTK_WIDGET (self->me_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->me_group);

  self->group = chorus_team_add_group (ADW_PREFERENCES_PAGE (self), _("Team Members"), _("_Add Member…"),
                                       G_CALLBACK (chorus_team_page_add_member));
}

/**
 * chorus_team_page_new:
 * @store: the workspace whose team to edit
 *
 * Returns: (transfer floating): the page
 */
ChorusTeamPage *
chorus_team_page_new (ChorusStore *store)
{
  ChorusTeamPage *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_TEAM_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "team-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * chorus_team_page_is_ready:
 *
 * Returns: whether the team is listed, with no listing under way
 */
gboolean
chorus_team_page_is_ready (ChorusTeamPage *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_PAGE (self), FALSE);

  return self->members != NULL && self->listing == NULL;
}

/**
 * chorus_team_page_add_member:
 * @self: a #ChorusTeamPage
 *
 * Asks for a new member's name and address, as "Add Member…" does.
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
chorus_team_page_add_member (ChorusTeamPage *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_PAGE (self), NULL);

  return open_member_dialog (self, NULL);
}

/**
 * chorus_team_page_get_me_row:
 *
 * Returns: (transfer none): the row that chooses who "me" is
 */
AdwComboRow *
chorus_team_page_get_me_row (ChorusTeamPage *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_PAGE (self), NULL);

  return self->me_row;
}

guint
chorus_team_page_get_n_rows (ChorusTeamPage *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_PAGE (self), 0);

  return self->rows->len;
}

/**
 * chorus_team_page_get_row:
 *
 * Returns: (transfer none): the row of the member at @index, by name
 */
AdwActionRow *
chorus_team_page_get_row (ChorusTeamPage *self,
                          guint           index)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
