/* chorus-accounts-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-account-row.h"
#include "chorus-accounts-page.h"
#include "chorus-store-sources.h"
#include "chorus-text.h"
#include "chorus-window-private.h"

/* The accounts and feeds of a window's workspace, with their health, and
 * what can be done with each: add, edit, sign in again, sync, remove. The
 * page is in the Accounts and Feeds window and in Preferences; the window
 * does the work, and says when the list changed ("sources-changed"). */

struct _ChorusAccountsPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *accounts_group;
  AdwPreferencesGroup *sample_group;
  AdwActionRow        *empty_row;

  ChorusWindow        *window;
  GPtrArray           *rows;            /* ChorusAccountRow, in either group */
};

G_DEFINE_FINAL_TYPE (ChorusAccountsPage, chorus_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

static GtkWindow *
get_parent (ChorusAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : GTK_WINDOW (self->window);
}

static void
show_toast (ChorusAccountsPage *self,
            const char         *text)
{
  GtkWindow *parent = get_parent (self);

  if (ADW_IS_PREFERENCES_WINDOW (parent))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (parent), adw_toast_new (text));
}

static void
clear_rows (ChorusAccountsPage *self,
            GHashTable         *expanded)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ChorusAccountRow *row = g_ptr_array_index (self->rows, i);
      ChorusSource *source = chorus_account_row_get_source (row);
      GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_memdup2 (&(gint64) { chorus_source_get_id (source) }, sizeof (gint64)));
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
    }

  g_ptr_array_set_size (self->rows, 0);
}

static void
populate (ChorusAccountsPage *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ChorusStore *store = chorus_window_get_store (self->window);
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  guint accounts = 0;
  guint samples = 0;

  clear_rows (self, expanded);

  if (store == NULL)
    sources = g_ptr_array_new ();
  else if (!(sources = chorus_store_list_sources (store, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      ChorusSource *source = g_ptr_array_index (sources, i);
      ChorusAccountRow *row = chorus_account_row_new (source);
      gint64 id = chorus_source_get_id (source);
      gboolean sample = chorus_source_get_is_sample (source);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (expanded, &id));
      adw_preferences_group_add (sample ? self->sample_group : self->accounts_group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
      if (sample)
        samples++;
      else
        accounts++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), accounts == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_group), samples > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", store != NULL);
}

static ChorusSource *
find_source (ChorusAccountsPage *self,
             GVariant           *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ChorusSource *source = chorus_account_row_get_source (g_ptr_array_index (self->rows, i));

      if (chorus_source_get_id (source) == id)
        return source;
    }

  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChorusAccountsPage *self = CHORUS_ACCOUNTS_PAGE (widget);

  _chorus_window_present_account_dialog (self->window, get_parent (self), CHORUS_ACCOUNT_DIALOG_ADD, NULL);
}

/* accounts.edit and accounts.sign-in */
static void
present_dialog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ChorusAccountsPage *self = CHORUS_ACCOUNTS_PAGE (widget);
  ChorusSource *source = find_source (self, parameter);
  ChorusAccountDialogMode mode = g_str_equal (action_name, "accounts.edit") ? CHORUS_ACCOUNT_DIALOG_EDIT
                                                                            : CHORUS_ACCOUNT_DIALOG_SIGN_IN;

  if (source != NULL)
    _chorus_window_present_account_dialog (self->window, get_parent (self), mode, source);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusAccountsPage *self = CHORUS_ACCOUNTS_PAGE (widget);
  ChorusSource *source = find_source (self, parameter);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (source == NULL)
    return;

  _chorus_window_sync_source (self->window, chorus_source_get_id (source));
  name = chorus_text_isolate (chorus_source_get_display_name (source));
  /* Translators: %s is a source, such as "@brand on mastodon.social". */
  text = g_strdup_printf (_("Syncing %s…"), name);
  show_toast (self, text);
}

static void
on_remove_confirmed_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        ChorusAccountsPage *self)
{
  ChorusSource *source = g_object_get_data (G_OBJECT (dialog), "chorus-source");
  g_autoptr(GError) error = NULL;

  if (!_chorus_window_remove_source (self->window, source, &error))
    show_toast (self, error->message);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusAccountsPage *self = CHORUS_ACCOUNTS_PAGE (widget);
  ChorusSource *source = find_source (self, parameter);
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  if (source == NULL)
    return;

  /* Translators: %s is a source, such as "@brand on mastodon.social". */
  name = chorus_text_isolate (chorus_source_get_display_name (source));
  heading = g_strdup_printf (_("Remove %s?"), name);
  if (chorus_source_get_account (source) != NULL && chorus_source_get_secret_env (source) == NULL)
    body = _("Its posts stay in the workspace. Chorus also forgets how to sign in to it on this computer.");
  else
    body = _("Its posts stay in the workspace.");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "chorus-source", g_object_ref (source), g_object_unref);
  g_signal_connect_object (dialog, "response::remove", G_CALLBACK (on_remove_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_accounts_page_dispose (GObject *object)
{
  ChorusAccountsPage *self = (ChorusAccountsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ACCOUNTS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (chorus_accounts_page_parent_class)->dispose (object);
}

static void
chorus_accounts_page_class_init (ChorusAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_accounts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountsPage, sample_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountsPage, empty_row);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "x", present_dialog_action);
  gtk_widget_class_install_action (widget_class, "accounts.sign-in", "x", present_dialog_action);
  gtk_widget_class_install_action (widget_class, "accounts.sync", "x", sync_action);
  gtk_widget_class_install_action (widget_class, "accounts.remove", "x", remove_action);
}

static void
chorus_accounts_page_init (ChorusAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
}

ChorusAccountsPage *
chorus_accounts_page_new (ChorusWindow *window)
{
  ChorusAccountsPage *self;

  g_return_val_if_fail (CHORUS_IS_WINDOW (window), NULL);

  self = g_object_new (CHORUS_TYPE_ACCOUNTS_PAGE, NULL);
  self->window = g_object_ref (window);
  g_signal_connect_object (window, "sources-changed", G_CALLBACK (populate), self, G_CONNECT_SWAPPED);
  populate (self);

  return self;
}
