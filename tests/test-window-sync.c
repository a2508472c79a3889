/* test-window-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-account-dialog-private.h"
#include "chorus-text.h"
#include "fake-mastodon.h"

#include "chorus-test-window.h"

/* The window's sync, in-process, against a fake server whose feed is gone
 * and an account whose token is missing: the progress while it runs, the
 * toasts that name what failed and lead to the fix, sources queued behind
 * a running sync, and the periodic sync's timer. English or Spanish, as
 * test-accounts. */

typedef struct
{
  ChorusWindow *window;
  guint         started;
  gboolean      tooltip_named_source;
} Progress;

static void
on_source_started_cb (ChorusSyncEngine *engine,
                      ChorusSource     *source,
                      Progress         *progress)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (progress->window->sync_button));
  g_autofree char *isolated = chorus_text_isolate (chorus_source_get_display_name (source));

  progress->started++;
  progress->tooltip_named_source = tooltip != NULL && strstr (tooltip, isolated) != NULL &&
                                   strstr (tooltip, CHORUS_TEST_RLO) == NULL &&
                                   strstr (tooltip, CHORUS_TEST_ZWSP) == NULL;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress->window->sync_progress)));
}

static gboolean
sync_toast_shown (gpointer data)
{
  ChorusWindow *window = data;

  return test_not_syncing (window) && window->sync_queue->len == 0 && window->sync_toast != NULL;
}

static void
sync_and_wait (ChorusWindow *window,
               gint64        source_id)
{
  g_clear_object (&window->sync_toast);
  if (source_id == 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL);
  else
    _chorus_window_sync_source (window, source_id);
  g_assert_true (chorus_test_spin_until (sync_toast_shown, window, CHORUS_TEST_WAIT_MS));
}

static void
test_sync_failures (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *base = test_start_server (server, test_serve_status, GUINT_TO_POINTER (404));
  g_autofree char *feed_url = g_strconcat (base, "/feed.xml", NULL);
  g_autofree char *path = NULL;
  g_autoptr(ChorusStore) store = test_create_workspace ("Failing.chorus", &path);
  g_autofree char *two_failed = NULL;
  Progress progress = { 0, };
  ChorusWindow *window;
  gint64 feed;
  gint64 mastodon;

  /* Its name would turn the tooltip's count around, and hides a space. */
  feed = test_add_source (store, "feed", feed_url, NULL, "Broken " CHORUS_TEST_RLO "Feed" CHORUS_TEST_ZWSP, NULL);
  /* Its token would come from an environment variable that is not set. */
  mastodon = test_add_source (store, "mastodon", base, "brand", "@brand on the test server",
                              "CHORUS_TEST_NO_TOKEN");
  g_clear_object (&store);
  g_unsetenv ("CHORUS_TEST_NO_TOKEN");

  window = test_open_window (path);
  progress.window = window;
  g_signal_connect (window->engine, "source-started", G_CALLBACK (on_source_started_cb), &progress);

  /* Everything: two failures, one toast that leads to the details. */
  sync_and_wait (window, 0);
  g_assert_cmpuint (progress.started, ==, 2);
  g_assert_true (progress.tooltip_named_source);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sync_progress)));
  two_failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source could not be synced",
                                             "%u sources could not be synced", 2), 2);
  g_assert_cmpstr (adw_toast_get_title (window->sync_toast), ==, two_failed);
  g_assert_cmpstr (adw_toast_get_action_name (window->sync_toast), ==, "win.show-sources");

  /* One feed: the toast names it, cleaned and isolated. */
  sync_and_wait (window, feed);
  g_assert_nonnull (strstr (adw_toast_get_title (window->sync_toast), CHORUS_TEST_FSI "Broken Feed" CHORUS_TEST_PDI));
  g_assert_cmpstr (adw_toast_get_action_name (window->sync_toast), ==, "win.show-sources");

  /* An account that needs signing in: the toast offers to. */
  sync_and_wait (window, mastodon);
  g_assert_nonnull (strstr (adw_toast_get_title (window->sync_toast), "@brand on the test server"));
  g_assert_cmpstr (adw_toast_get_action_name (window->sync_toast), ==, "win.sign-in-source");
  g_assert_cmpint (g_variant_get_int64 (adw_toast_get_action_target_value (window->sync_toast)), ==, mastodon);

  /* A source asked for during a sync waits its turn. */
  progress.started = 0;
  g_clear_object (&window->sync_toast);
  _chorus_window_sync_source (window, mastodon);
  _chorus_window_sync_source (window, feed);
  g_assert_cmpuint (window->sync_queue->len, ==, 1);
  g_assert_true (chorus_test_spin_until (sync_toast_shown, window, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (progress.started, ==, 2);
  g_assert_nonnull (strstr (adw_toast_get_title (window->sync_toast), "Broken Feed"));

  /* The toast's Sign In opens the dialog for that account. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-in-source", "x", mastodon);
  {
    ChorusAccountDialog *dialog = test_find_toplevel (CHORUS_TYPE_ACCOUNT_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_cmpint (dialog->mode, ==, CHORUS_ACCOUNT_DIALOG_SIGN_IN);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  g_signal_handlers_disconnect_by_data (window->engine, &progress);
  test_destroy_window (window);
}

/* A notification server on the session bus, in this process, that counts
 * what it is asked to show. */
typedef struct
{
  guint shown;
  guint closed;
  char *summary;   /* the last notification's title and body */
  char *body;
  guint owner_id;
  guint object_id;
  gboolean owned;
} Notifications;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "</interface></node>";

static void
on_notifications_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  Notifications *notifications = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      notifications->shown++;
      g_clear_pointer (&notifications->summary, g_free);
      g_clear_pointer (&notifications->body, g_free);
      g_variant_get (parameters, "(&su&sss@as@a{sv}i)", NULL, NULL, NULL, &notifications->summary,
                     &notifications->body, NULL, NULL, NULL);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notifications->shown));
    }
  else
    {
      notifications->closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  Notifications *notifications = user_data;

  notifications->owned = TRUE;
}

static gboolean
name_owned (gpointer data)
{
  Notifications *notifications = data;

  return notifications->owned;
}

static void
serve_notifications (GDBusConnection *connection,
                     Notifications   *notifications)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;

  notifications->object_id = g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                                                info->interfaces[0], &vtable, notifications,
                                                                NULL, &error);
  g_assert_no_error (error);
  notifications->owner_id = g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                                          G_BUS_NAME_OWNER_FLAGS_REPLACE, on_name_acquired_cb,
                                                          NULL, notifications, NULL);
  g_assert_true (chorus_test_spin_until (name_owned, notifications, CHORUS_TEST_WAIT_MS));
}

static void
stop_notifications (GDBusConnection *connection,
                    Notifications   *notifications)
{
  g_bus_unown_name (notifications->owner_id);
  g_dbus_connection_unregister_object (connection, notifications->object_id);
  g_clear_pointer (&notifications->summary, g_free);
  g_clear_pointer (&notifications->body, g_free);
}

static gboolean
notifications_shown (gpointer data)
{
  Notifications *notifications = data;

  return notifications->shown == 1;
}

static gboolean
window_away (gpointer data)
{
  return !gtk_window_is_active (data);
}

static gboolean
window_back (gpointer data)
{
  return gtk_window_is_active (data);
}

/* New mentions while the window is away: a desktop notification, taken
 * back when the window comes back. */
static void
test_notify_mentions (void)
{
  FakeMastodonConfig config = { 0, };
  g_autoptr(ChorusStore) store = NULL;
  g_autofree char *path = NULL;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (test_get_application ()));
  Notifications notifications = { 0, };
  GtkWidget *elsewhere;
  FakeMastodon *fake;
  ChorusWindow *window;

  if (bus == NULL)
    {
      g_test_skip ("no session bus to send notifications on; run the tests through build-aux/chorus-test");
      return;
    }

  serve_notifications (bus, &notifications);

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = "tallpine";
  config.token = "window-sync-token";
  config.statuses = 6;
  config.mention_every = 1;
  fake = fake_mastodon_start (&config);
  g_setenv ("CHORUS_TEST_TOKEN", config.token, TRUE);

  /* The account's name and the workspace's file both hide a reversal or a space. */
  store = test_create_workspace ("Men" CHORUS_TEST_ZWSP "tions.chorus", &path);
  test_add_source (store, "mastodon", fake_mastodon_get_url (fake), "brand",
                   "@brand " CHORUS_TEST_RLO "on the fake server" CHORUS_TEST_ZWSP, "CHORUS_TEST_TOKEN");
  g_clear_object (&store);
  window = test_open_window (path);

  /* Another window takes the focus, as when the person works elsewhere. */
  elsewhere = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (elsewhere));
  if (!chorus_test_spin_until (window_away, window, 2000))
    {
      gtk_window_destroy (GTK_WINDOW (elsewhere));
      test_destroy_window (window);
      fake_mastodon_stop (fake);
      stop_notifications (bus, &notifications);
      g_test_skip ("the window keeps the focus here, so nothing is notified");
      return;
    }

  sync_and_wait (window, 0);
  g_assert_cmpuint (window->sync_failures->len, ==, 0);
  g_assert_cmpuint (window->notification_ids->len, ==, 1);
  g_assert_true (chorus_test_spin_until (notifications_shown, &notifications, CHORUS_TEST_WAIT_MS));
  g_assert_nonnull (strstr (notifications.summary, CHORUS_TEST_FSI "@brand on the fake server" CHORUS_TEST_PDI));
  g_assert_null (strstr (notifications.summary, CHORUS_TEST_RLO));
  g_assert_nonnull (strstr (notifications.body, CHORUS_TEST_FSI "Mentions" CHORUS_TEST_PDI));
  g_assert_null (strstr (notifications.body, CHORUS_TEST_ZWSP));

  /* Coming back to the window takes the notification back. */
  gtk_window_destroy (GTK_WINDOW (elsewhere));
  gtk_window_present (GTK_WINDOW (window));
  if (chorus_test_spin_until (window_back, window, 2000))
    g_assert_cmpuint (window->notification_ids->len, ==, 0);

  test_destroy_window (window);
  fake_mastodon_stop (fake);
  stop_notifications (bus, &notifications);
}

/* The periodic sync follows the setting. */
static void
test_periodic_sync (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ChorusWindow *window;

  g_settings_set_uint (settings, "sync-interval-minutes", 15);
  window = test_open_empty_window ("Periodic.chorus");
  g_assert_cmpuint (window->periodic_id, !=, 0);
  g_settings_set_uint (settings, "sync-interval-minutes", 0);
  g_assert_cmpuint (window->periodic_id, ==, 0);
  g_settings_set_uint (settings, "sync-interval-minutes", 30);
  g_assert_cmpuint (window->periodic_id, !=, 0);
  g_settings_reset (settings, "sync-interval-minutes");

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add_func ("/chorus/window-sync/failures", test_sync_failures);
  g_test_add_func ("/chorus/window-sync/notify-mentions", test_notify_mentions);
  g_test_add_func ("/chorus/window-sync/periodic", test_periodic_sync);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
