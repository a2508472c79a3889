/* chorus-window-accounts.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-account-check.h"
#include "chorus-secrets.h"
#include "chorus-sources-window.h"
#include "chorus-store-sources.h"
#include "chorus-window-private.h"

/* The window's accounts: connecting one (from the welcome page too, where
 * the default workspace is made for it), signing in again, removing one,
 * and the Accounts and Feeds window. Whoever shows the accounts listens to
 * the window's "sources-changed" signal. */

enum {
  SOURCES_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void
_chorus_window_sources_changed (ChorusWindow *self)
{
  g_signal_emit (self, signals[SOURCES_CHANGED], 0);
}

static void
on_source_saved_cb (ChorusWindow *self,
                    gint64        source_id,
                    gboolean      needs_sync)
{
  _chorus_window_update_sync (self);
  _chorus_window_sources_changed (self);

  if (needs_sync)
    _chorus_window_sync_source (self, source_id);
}

/* Checked before a workspace was open: kept until the default one is. */
static void
on_account_ready_cb (ChorusWindow             *self,
                     const ChorusAccountDraft *draft)
{
  g_clear_pointer (&self->pending_account, chorus_account_draft_free);
  self->pending_account = chorus_account_draft_copy (draft);

  if (self->store != NULL)
    _chorus_window_add_pending_account (self);
  else
    _chorus_window_open_default_workspace (self);
}

void
_chorus_window_add_pending_account (ChorusWindow *self)
{
  g_autoptr(ChorusAccountDraft) draft = g_steal_pointer (&self->pending_account);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!(id = chorus_account_draft_add (draft, self->store, &error)))
    {
      _chorus_window_show_error (self, _("Could Not Add the Account"), error, TRUE);
      return;
    }

  on_source_saved_cb (self, id, TRUE);
}

/**
 * _chorus_window_present_account_dialog:
 * @self: a #ChorusWindow
 * @parent: (nullable): the window to put the dialog on; @self when %NULL
 * @mode: what the dialog is for
 * @source: (nullable): the source to edit or sign in again
 */
void
_chorus_window_present_account_dialog (ChorusWindow            *self,
                                       GtkWindow               *parent,
                                       ChorusAccountDialogMode  mode,
                                       ChorusSource            *source)
{
  ChorusAccountDialog *dialog;

  dialog = chorus_account_dialog_new (parent != NULL ? parent : GTK_WINDOW (self), self->http, self->store,
                                      mode, source);
  g_signal_connect_object (dialog, "source-saved", G_CALLBACK (on_source_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "account-ready", G_CALLBACK (on_account_ready_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_secret_cleared_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to forget (a secret from the environment), or no keyring. */
  if (!chorus_secrets_clear_finish (result, &error))
    g_debug ("Could not forget a removed source’s secret: %s", error->message);
}

/**
 * _chorus_window_remove_source:
 * @self: a #ChorusWindow
 * @source: one of its workspace's sources
 * @error: a location for a #GError
 *
 * Removes @source, whose posts stay, and forgets its secret in the
 * keyring.
 */
gboolean
_chorus_window_remove_source (ChorusWindow  *self,
                              ChorusSource  *source,
                              GError       **error)
{
  const char *kind = chorus_account_get_secret_kind (chorus_source_get_network (source));

  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!chorus_store_remove_source (self->store, chorus_source_get_id (source), error))
    return FALSE;

  if (kind != NULL && chorus_source_get_account (source) != NULL && chorus_source_get_secret_env (source) == NULL)
    chorus_secrets_clear_async (chorus_source_get_network (source), chorus_source_get_server_url (source),
                                chorus_source_get_account (source), kind, NULL, on_secret_cleared_cb, NULL);

  _chorus_window_update_sync (self);
  _chorus_window_sources_changed (self);

  return TRUE;
}

static ChorusSource *
find_source (ChorusWindow *self,
             gint64        source_id)
{
  g_autoptr(GPtrArray) sources = chorus_store_list_sources (self->store, NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    if (chorus_source_get_id (g_ptr_array_index (sources, i)) == source_id)
      return g_object_ref (g_ptr_array_index (sources, i));

  return NULL;
}

static void
sign_in_source_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  g_autoptr(ChorusSource) source = NULL;

  if (self->store != NULL && (source = find_source (self, g_variant_get_int64 (parameter))))
    _chorus_window_present_account_dialog (self, NULL, CHORUS_ACCOUNT_DIALOG_SIGN_IN, source);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _chorus_window_present_account_dialog (CHORUS_WINDOW (widget), NULL, CHORUS_ACCOUNT_DIALOG_ADD, NULL);
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (chorus_sources_window_new (self)));
}

void
_chorus_window_class_add_account_actions (GtkWidgetClass *widget_class)
{
  /**
   * ChorusWindow::sources-changed:
   *
   * A source of the window's workspace was added, changed, removed or
   * synced.
   */
  signals [SOURCES_CHANGED] =
    g_signal_new ("sources-changed",
                  G_TYPE_FROM_CLASS (widget_class),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in-source", "x", sign_in_source_action);
}
