/* chorus-window-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-add-source-dialog.h"
#include "chorus-application.h"
#include "chorus-conversations-pane.h"
#include "chorus-sources-window.h"
#include "chorus-store-sources.h"
#include "chorus-window-private.h"

/* The window's sources: adding a feed, and the Sync button. The work is
 * the sync engine's; this file turns its results into words. */

#define DEFAULT_WORKSPACE_NAME "Community.chorus"

void
_chorus_window_update_sync (ChorusWindow *self)
{
  gboolean syncing = self->engine != NULL && chorus_sync_engine_get_syncing (self->engine);
  gboolean can_sync = self->store != NULL && chorus_store_count_syncable_sources (self->store) > 0;
  const char *tooltip;

  if (syncing)
    tooltip = _("Syncing…");
  else if (can_sync)
    tooltip = _("Sync");
  else
    tooltip = _("Add a source to sync");

  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), self->store != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button), tooltip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", can_sync && !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-feed", !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.follow-hashtag", !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sources", self->store != NULL);
}

static void
show_toast (ChorusWindow *self,
            const char   *text,
            gboolean      offer_sources)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  if (offer_sources)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-sources");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ChorusSyncSummary summary = { 0, };

  if (!chorus_sync_engine_sync_finish (CHORUS_SYNC_ENGINE (object), result, &summary, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message, FALSE);
      return;
    }

  chorus_conversations_pane_reload (CHORUS_CONVERSATIONS_PANE (self->conversations_pane));

  if (summary.sources_failed > 0)
    /* Translators: shown after a sync; the details are in the sources list. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u source could not be synced",
                                         "%u sources could not be synced",
                                         summary.sources_failed),
                            summary.sources_failed);
  else if (summary.posts_new > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new post", "%u new posts", summary.posts_new),
                            summary.posts_new);
  else
    text = g_strdup (_("Everything is up to date"));

  show_toast (self, text, summary.sources_failed > 0);
}

static void
start_sync (ChorusWindow *self)
{
  if (self->engine == NULL || chorus_sync_engine_get_syncing (self->engine))
    return;

  chorus_sync_engine_sync_async (self->engine, self->cancellable, on_synced_cb, g_object_ref (self));
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  start_sync (CHORUS_WINDOW (widget));
}

static void
add_source_to_store (ChorusWindow *self,
                     const char   *network,
                     const char   *url,
                     const char   *hashtags)
{
  g_autofree char *host = chorus_http_dup_host (url);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (hashtags != NULL)
    {
      g_auto(GStrv) words = g_strsplit (hashtags, " ", 2);

      /* Translators: a source's name, such as "#tallpine on mastodon.social". */
      name = g_strdup_printf (_("#%s on %s"), words[0], host);
    }

  if (!(id = chorus_store_add_source (self->store, network, url, NULL, name ? name : host, &error)) ||
      (hashtags != NULL && !chorus_store_set_source_hashtags (self->store, id, hashtags, &error)))
    {
      show_toast (self, error->message, FALSE);
      return;
    }

  _chorus_window_update_sync (self);
  start_sync (self);
}

/* Called whenever the window's workspace changes. */
void
_chorus_window_store_changed (ChorusWindow *self)
{
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_func (self->engine, _chorus_window_update_sync, self);
  g_clear_object (&self->engine);

  if (self->store != NULL)
    {
      self->engine = chorus_sync_engine_new (self->store, self->http);
      g_signal_connect_swapped (self->engine, "notify::syncing",
                                G_CALLBACK (_chorus_window_update_sync), self);
    }

  _chorus_window_update_sync (self);

  if (self->store != NULL && self->pending_source != NULL)
    {
      g_auto(GStrv) pending = g_steal_pointer (&self->pending_source);

      add_source_to_store (self, pending[0], pending[1], pending[2]);
    }
}

/* Without a workspace, the source goes into the default one, in the user
 * data dir, created on first use. */
static void
on_source_chosen_cb (ChorusWindow *self,
                     const char   *network,
                     const char   *url,
                     const char   *hashtags)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->store != NULL)
    {
      add_source_to_store (self, network, url, hashtags);
      return;
    }

  dir = chorus_application_dup_data_dir ();
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, DEFAULT_WORKSPACE_NAME, NULL);
  file = g_file_new_for_path (path);

  g_strfreev (self->pending_source);
  self->pending_source = g_new0 (char *, 4);
  self->pending_source[0] = g_strdup (network);
  self->pending_source[1] = g_strdup (url);
  self->pending_source[2] = g_strdup (hashtags);
  chorus_window_open_workspace (self, file, CHORUS_WINDOW_OPEN_CREATE);
}

static void
present_add_source (ChorusWindow        *self,
                    ChorusAddSourceKind  kind)
{
  ChorusAddSourceDialog *dialog = chorus_add_source_dialog_new (GTK_WINDOW (self), kind);

  g_signal_connect_object (dialog, "source-chosen", G_CALLBACK (on_source_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_feed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_add_source (CHORUS_WINDOW (widget), CHORUS_ADD_SOURCE_FEED);
}

static void
follow_hashtag_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  present_add_source (CHORUS_WINDOW (widget), CHORUS_ADD_SOURCE_MASTODON_HASHTAG);
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (chorus_sources_window_new (GTK_WINDOW (self), self->store)));
}

void
_chorus_window_class_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.add-feed", NULL, add_feed_action);
  gtk_widget_class_install_action (widget_class, "win.follow-hashtag", NULL, follow_hashtag_action);
}
