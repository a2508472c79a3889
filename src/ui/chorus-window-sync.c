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
#include "chorus-designs-pane.h"
#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-pretests-pane.h"
#include "chorus-store-sources.h"
#include "chorus-text.h"
#include "chorus-window-private.h"

/* The window's sync: the Sync button and its progress, the toasts that
 * name what failed, desktop notifications for new posts while the window
 * is away, the periodic sync, and adding a feed or hashtag. The work is
 * the sync engine's; this file turns its signals into words. */

#define DEFAULT_WORKSPACE_NAME "Community.chorus"

/* One source that failed during the sync under way. */
typedef struct
{
  ChorusSource *source;       /* its health as it was before */
  GError       *error;
} SyncFailure;

static void
sync_failure_free (SyncFailure *failure)
{
  g_clear_object (&failure->source);
  g_clear_error (&failure->error);
  g_free (failure);
}

static void schedule_periodic_sync (ChorusWindow *self);

void
_chorus_window_update_sync (ChorusWindow *self)
{
  gboolean syncing = self->engine != NULL && chorus_sync_engine_get_syncing (self->engine);
  gboolean can_sync = self->store != NULL && chorus_store_count_syncable_sources (self->store) > 0;

  if (!syncing)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button),
                                 can_sync ? _("Sync") : _("Add a source to sync"));

  gtk_stack_set_visible_child_name (self->sync_icon_stack, syncing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->sync_spinner, syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", can_sync && !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-feed", !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.follow-hashtag", !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sources", self->store != NULL);
}

/* A sync's toast replaces the previous one, so they never pile up. */
static void
show_toast (ChorusWindow *self,
            const char   *text,
            const char   *button_label,
            const char   *action_name,
            GVariant     *target)
{
  AdwToast *toast = adw_toast_new (text);

  if (self->sync_toast != NULL)
    adw_toast_dismiss (self->sync_toast);

  adw_toast_set_timeout (toast, 6);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_action_target_value (toast, target);
    }
  g_set_object (&self->sync_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_failures_toast (ChorusWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *source_name = NULL;
  SyncFailure *failure;

  if (self->sync_failures->len > 1)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: shown after a sync; the details are in the list of
                                            * accounts. */
                                           "%u source could not be synced",
                                           "%u sources could not be synced",
                                           self->sync_failures->len),
                              self->sync_failures->len);
      show_toast (self, text, _("_Details"), "win.show-sources", NULL);
      return;
    }

  failure = g_ptr_array_index (self->sync_failures, 0);
  source_name = chorus_text_isolate (chorus_source_get_display_name (failure->source));
  if (g_error_matches (failure->error, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN))
    {
      /* Translators: %s is a source, such as "@brand on mastodon.social". */
      text = g_strdup_printf (_("%s needs you to sign in again"), source_name);
      show_toast (self, text, _("Sign _In"), "win.sign-in-source",
                  g_variant_new_int64 (chorus_source_get_id (failure->source)));
      return;
    }

  /* Translators: %s is a source, such as "@brand on mastodon.social". */
  text = g_strdup_printf (_("Could not sync %s"), source_name);
  show_toast (self, text, _("_Details"), "win.show-sources", NULL);
}

/* Progress */

static void
on_source_started_cb (ChorusWindow *self,
                      ChorusSource *source)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *name = chorus_text_isolate (chorus_source_get_display_name (source));
  guint total = MAX (self->sync_total, self->sync_done + 1);

  /* Translators: the Sync button's tooltip during a sync: "Syncing @brand on mastodon.social… (2 of 5)". */
  tooltip = g_strdup_printf (_("Syncing %s… (%u of %u)"), name, self->sync_done + 1, total);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button), tooltip);
  gtk_progress_bar_set_fraction (self->sync_progress, (self->sync_done + 0.5) / total);
}

static void
withdraw_notifications (ChorusWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  for (guint i = 0; app != NULL && i < self->notification_ids->len; i++)
    g_application_withdraw_notification (app, g_ptr_array_index (self->notification_ids, i));
  g_ptr_array_set_size (self->notification_ids, 0);
}

static void
on_window_is_active_cb (ChorusWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    withdraw_notifications (self);
}

/* New posts for an account that watches its mentions, while the person
 * is elsewhere: a desktop notification that opens the inbox. */
static void
notify_new_posts (ChorusWindow *self,
                  ChorusSource *source,
                  guint         inserted)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *workspace = NULL;
  char *id;

  /* Without a session bus, GLib has nowhere to send it (and complains). */
  if (app == NULL || g_application_get_dbus_connection (app) == NULL || gtk_window_is_active (GTK_WINDOW (self)) ||
      !chorus_source_get_watch_mentions (source) || chorus_source_get_account (source) == NULL)
    return;

  count = chorus_format_count (inserted);
  source_name = chorus_text_isolate (chorus_source_get_display_name (source));
  /* Translators: a desktop notification; the first %s is a number formatted for the locale, the second
   * an account, such as "@brand on mastodon.social". */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new post for %s", "%s new posts for %s", inserted),
                           count, source_name);
  /* A workspace is a file, and files can be named anything too. */
  name = chorus_store_dup_name (self->store);
  workspace = chorus_text_isolate (name);
  /* Translators: %s is the workspace's name. */
  body = g_strdup_printf (_("Open the inbox of “%s” to read and answer them."), workspace);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-conversations", "s",
                                                 chorus_store_get_path (self->store));

  id = g_strdup_printf ("new-posts-%u-%" G_GINT64_FORMAT, g_str_hash (chorus_store_get_path (self->store)),
                        chorus_source_get_id (source));
  g_application_send_notification (app, id, notification);
  g_ptr_array_add (self->notification_ids, id);
}

static void
on_source_finished_cb (ChorusWindow *self,
                       ChorusSource *source,
                       guint         inserted,
                       guint         updated,
                       const GError *error)
{
  self->sync_done++;
  gtk_progress_bar_set_fraction (self->sync_progress,
                                 (double) self->sync_done / MAX (self->sync_total, self->sync_done));

  /* A periodic sync only speaks of what newly went wrong. */
  if (error != NULL && (!self->sync_automatic || chorus_source_get_last_error (source) == NULL))
    {
      SyncFailure *failure = g_new0 (SyncFailure, 1);

      failure->source = g_object_ref (source);
      failure->error = g_error_copy (error);
      g_ptr_array_add (self->sync_failures, failure);
    }

  if (error == NULL && inserted > 0)
    notify_new_posts (self, source, inserted);

  _chorus_window_sources_changed (self);
}

/* Runs */

static void start_run (ChorusWindow *self,
                       gint64        source_id,
                       gboolean      automatic);

static void
start_queued (ChorusWindow *self)
{
  gint64 id;

  if (self->sync_queue->len == 0)
    return;

  id = g_array_index (self->sync_queue, gint64, 0);
  g_array_remove_index (self->sync_queue, 0);
  start_run (self, id, FALSE);
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
  gboolean synced;

  synced = chorus_sync_engine_sync_finish (CHORUS_SYNC_ENGINE (object), result, &summary, &error);

  /* The window moved on to another workspace, or closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || CHORUS_SYNC_ENGINE (object) != self->engine)
    return;

  _chorus_window_update_sync (self);

  if (!synced)
    show_toast (self, error->message, NULL, NULL, NULL);
  else if (self->sync_failures->len > 0)
    show_failures_toast (self);
  else if (!self->sync_automatic)
    {
      g_autofree char *count = chorus_format_count (summary.posts_new);

      /* Translators: shown after a sync; %s is a number formatted for the locale. */
      text = summary.posts_new > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new post", "%s new posts",
                                                                   summary.posts_new),
                                                      count)
                                   : g_strdup (_("Everything is up to date"));
      show_toast (self, text, NULL, NULL, NULL);
    }

  if (synced && summary.posts_new + summary.posts_updated > 0)
    chorus_conversations_pane_reload (CHORUS_CONVERSATIONS_PANE (self->conversations_pane));
  /* A sync refreshes the pre-tests' counts, and their "last refreshed". */
  if (synced)
    chorus_pretests_pane_reload (CHORUS_PRETESTS_PANE (self->pretests_pane));
  /* New entries and votes from the challenges' hashtags. */
  if (synced && summary.entries_new + summary.votes_changed > 0)
    chorus_designs_pane_reload (CHORUS_DESIGNS_PANE (self->designs_pane));

  /* A source that answered a sync can take what waits for it. */
  _chorus_window_flush_outbox (self);

  if (self->sync_queue->len > 0)
    start_queued (self);
  else
    schedule_periodic_sync (self);
}

/* How many sources a sync of everything will read. */
static guint
count_sources_to_sync (ChorusWindow *self)
{
  g_autoptr(GPtrArray) sources = chorus_store_list_sources (self->store, NULL);
  guint count = 0;

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      ChorusSource *source = g_ptr_array_index (sources, i);

      if (!chorus_source_get_is_sample (source) && chorus_source_get_enabled (source) &&
          chorus_sync_engine_can_sync (chorus_source_get_network (source)))
        count++;
    }

  return count;
}

static void
start_run (ChorusWindow *self,
           gint64        source_id,
           gboolean      automatic)
{
  if (self->engine == NULL || chorus_sync_engine_get_syncing (self->engine))
    return;

  self->sync_automatic = automatic;
  self->sync_done = 0;
  self->sync_total = source_id != 0 ? 1 : count_sources_to_sync (self);
  g_ptr_array_set_size (self->sync_failures, 0);
  gtk_progress_bar_set_fraction (self->sync_progress, 0.0);
  g_clear_handle_id (&self->periodic_id, g_source_remove);

  if (source_id != 0)
    chorus_sync_engine_sync_source_async (self->engine, source_id, self->cancellable, on_synced_cb,
                                          g_object_ref (self));
  else
    chorus_sync_engine_sync_async (self->engine, self->cancellable, on_synced_cb, g_object_ref (self));
}

/**
 * _chorus_window_sync_source:
 * @self: a #ChorusWindow
 * @source_id: a source of its workspace
 *
 * Syncs one source now, or after the sync under way.
 */
void
_chorus_window_sync_source (ChorusWindow *self,
                            gint64        source_id)
{
  if (self->engine == NULL)
    return;

  if (chorus_sync_engine_get_syncing (self->engine))
    g_array_append_val (self->sync_queue, source_id);
  else
    start_run (self, source_id, FALSE);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  start_run (CHORUS_WINDOW (widget), 0, FALSE);
}

/* Periodic sync: counted from the end of the last sync. */

static gboolean
on_periodic_sync_cb (gpointer user_data)
{
  ChorusWindow *self = user_data;
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  self->periodic_id = 0;

  if (self->store != NULL && chorus_store_count_syncable_sources (self->store) > 0 &&
      g_network_monitor_get_network_available (monitor) && !g_network_monitor_get_network_metered (monitor))
    start_run (self, 0, TRUE);

  if (self->periodic_id == 0 && (self->engine == NULL || !chorus_sync_engine_get_syncing (self->engine)))
    schedule_periodic_sync (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_periodic_sync (ChorusWindow *self)
{
  guint minutes = g_settings_get_uint (self->settings, "sync-interval-minutes");

  g_clear_handle_id (&self->periodic_id, g_source_remove);

  if (minutes == 0 || self->store == NULL)
    return;

  self->periodic_id = g_timeout_add_seconds (minutes * 60, on_periodic_sync_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->periodic_id),
                            "[chorus] periodic sync");
}

/* Adding a feed or a hashtag */

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
      show_toast (self, error->message, NULL, NULL, NULL);
      return;
    }

  _chorus_window_update_sync (self);
  _chorus_window_sources_changed (self);
  _chorus_window_sync_source (self, id);
}

/* Called whenever the window's workspace changes. */
void
_chorus_window_store_changed (ChorusWindow *self)
{
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  g_array_set_size (self->sync_queue, 0);

  if (self->store != NULL)
    {
      self->engine = chorus_sync_engine_new (self->store, self->http);
      g_signal_connect_swapped (self->engine, "notify::syncing",
                                G_CALLBACK (_chorus_window_update_sync), self);
      g_signal_connect_swapped (self->engine, "source-started", G_CALLBACK (on_source_started_cb), self);
      g_signal_connect_swapped (self->engine, "source-finished", G_CALLBACK (on_source_finished_cb), self);
    }

  _chorus_window_update_sync (self);
  schedule_periodic_sync (self);

  if (self->store != NULL && self->pending_source != NULL)
    {
      g_auto(GStrv) pending = g_steal_pointer (&self->pending_source);

      add_source_to_store (self, pending[0], pending[1], pending[2]);
    }

  if (self->store != NULL && self->pending_account != NULL)
    _chorus_window_add_pending_account (self);
}

/* Without a workspace, a new source goes into the default one, in the
 * user data dir, created on first use. */
void
_chorus_window_open_default_workspace (ChorusWindow *self)
{
  g_autofree char *dir = chorus_application_dup_data_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, DEFAULT_WORKSPACE_NAME, NULL);
  file = g_file_new_for_path (path);
  chorus_window_open_workspace (self, file, CHORUS_WINDOW_OPEN_CREATE);
}

static void
on_source_chosen_cb (ChorusWindow *self,
                     const char   *network,
                     const char   *url,
                     const char   *hashtags)
{
  if (self->store != NULL)
    {
      add_source_to_store (self, network, url, hashtags);
      return;
    }

  g_strfreev (self->pending_source);
  self->pending_source = g_new0 (char *, 4);
  self->pending_source[0] = g_strdup (network);
  self->pending_source[1] = g_strdup (url);
  self->pending_source[2] = g_strdup (hashtags);
  _chorus_window_open_default_workspace (self);
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

void
_chorus_window_init_sync (ChorusWindow *self)
{
  self->sync_failures = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_failure_free);
  self->sync_queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->notification_ids = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect_object (self->settings, "changed::sync-interval-minutes",
                           G_CALLBACK (schedule_periodic_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_window_is_active_cb), NULL);
}

void
_chorus_window_dispose_sync (ChorusWindow *self)
{
  g_clear_handle_id (&self->periodic_id, g_source_remove);
  if (self->notification_ids != NULL)
    withdraw_notifications (self);
  g_clear_object (&self->sync_toast);
  g_clear_pointer (&self->sync_failures, g_ptr_array_unref);
  g_clear_pointer (&self->sync_queue, g_array_unref);
  g_clear_pointer (&self->notification_ids, g_ptr_array_unref);
}

void
_chorus_window_class_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.add-feed", NULL, add_feed_action);
  gtk_widget_class_install_action (widget_class, "win.follow-hashtag", NULL, follow_hashtag_action);
}
