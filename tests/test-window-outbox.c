/* test-window-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fake-mastodon.h"
#include "fake-mastodon-private.h"
#include "outbox-test-util.h"

#include "chorus-test-window.h"

/* The window sends what waits in the outbox without being asked: a reply
 * written while offline goes out when the workspace opens, one queued
 * while a server failed goes out after the next sync, each exactly once,
 * with a toast that says so. In English and Spanish, as the other window
 * tests. */

#define TOKEN      "window-outbox-token-51c2"
#define TOKEN_ENV  "CHORUS_WINDOW_OUTBOX_TOKEN"
#define TAG        "chorusoutboxwindow"

typedef struct
{
  FakeMastodon *fake;
  guint         expected;
} Waiting;

static gboolean
server_got_statuses (gpointer data)
{
  Waiting *waiting = data;

  return fake_mastodon_get_stats (waiting->fake).created >= waiting->expected;
}

static gboolean
nothing_waits (gpointer data)
{
  ChorusWindow *window = data;

  return !window->outbox_flushing;
}

static gint64
count_sent (ChorusWindow *window)
{
  sqlite3 *db = chorus_test_db_open (chorus_store_get_path (window->store), SQLITE_OPEN_READONLY, 5000);
  gint64 sent = outbox_test_query_int (db, "SELECT count(*) FROM outbox WHERE state = 'sent'");

  sqlite3_close (db);
  return sent;
}

static void
test_background_flush (void)
{
  FakeMastodonConfig config = { 0, };
  FakeMastodon *fake;
  g_autofree char *path = NULL;
  g_autofree char *target_uri = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *sent_one = NULL;
  g_autoptr(ChorusStore) store = test_create_workspace ("Outbox.chorus", &path);
  ChorusWindow *window;
  AdwToast *toast;
  Waiting waiting;
  gint64 source_id;
  gint64 target_id;

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 6;
  fake = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);

  /* Written offline last time: a reply waits in the outbox. */
  source_id = outbox_test_add_account (store, "mastodon", fake_mastodon_get_url (fake), "brand", TOKEN_ENV);
  target_uri = g_strdup_printf ("https://fake.example/users/ana/statuses/%" G_GUINT64_FORMAT, fake_status_id (2));
  remote_id = g_strdup_printf ("%" G_GUINT64_FORMAT, fake_status_id (2));
  target_id = outbox_test_store_post (store, source_id, "mastodon", target_uri, remote_id, NULL);
  outbox_test_queue_reply (store, target_id, "Written on a plane, sent on landing.");
  g_clear_object (&store);

  /* Opening the workspace sends it, with nobody asking. */
  window = test_open_window (path);
  waiting.fake = fake;
  waiting.expected = 1;
  g_assert_true (chorus_test_spin_until (server_got_statuses, &waiting, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (nothing_waits, window, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (count_sent (window), ==, 1);
  toast = window->outbox_toast;
  sent_one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent %u waiting reply or reaction",
                                           "Sent %u waiting replies or reactions", 1), 1);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, sent_one);

  /* The server fails a second reply's send: it waits, and the next sync
   * (which reaches the server again) sends it. */
  fake_mastodon_add_post_fault (fake, 2, FAKE_MASTODON_FAULT_SERVER_ERROR);
  outbox_test_queue_reply (window->store, target_id, "A second answer.");
  _chorus_window_flush_outbox (window);
  g_assert_true (chorus_test_spin_until (nothing_waits, window, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (fake_mastodon_get_stats (fake).created, ==, 1);
  g_assert_cmpuint (fake_mastodon_get_stats (fake).status_posts, ==, 2);
  g_assert_cmpuint (window->outbox_retry_id, !=, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL);
  waiting.expected = 2;
  g_assert_true (chorus_test_spin_until (server_got_statuses, &waiting, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (test_not_syncing, window, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (nothing_waits, window, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (count_sent (window), ==, 2);

  /* Exactly once each, however many flushes ran. */
  _chorus_window_flush_outbox (window);
  g_assert_true (chorus_test_spin_until (nothing_waits, window, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (fake_mastodon_get_stats (fake).created, ==, 2);
  g_assert_cmpuint (window->outbox_retry_id, ==, 0);

  test_destroy_window (window);
  fake_mastodon_stop (fake);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add_func ("/chorus/window-outbox/background-flush", test_background_flush);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
