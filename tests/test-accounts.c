/* test-accounts.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-account-check.h"
#include "chorus-account-dialog-private.h"
#include "chorus-account-row.h"
#include "chorus-error.h"
#include "chorus-feed-parser.h"
#include "chorus-secrets.h"
#include "chorus-sources-window.h"

#include "chorus-test-mastodon-fake.h"
#include "chorus-test-window.h"

/* Accounts in the real window, in-process: the Accounts and Feeds window
 * and its rows, removing a source, and the Connect an Account dialog
 * against a fake forum, a fake feed and a fake Mastodon server (whose
 * "browser" is a SoupSession). English or (CHORUS_TEST_LANGUAGE=es)
 * Spanish: expected words go through gettext. With CHORUS_ACCOUNTS_SHOTS
 * naming a folder, the window and the dialog's pages are saved there. */

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (CHORUS_IS_ACCOUNT_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static GPtrArray *
list_rows (GtkWidget *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (window, rows);
  return rows;
}

static gboolean
dialog_idle (gpointer data)
{
  return !chorus_account_dialog_get_busy (data);
}

static gboolean
dialog_gone (gpointer data)
{
  return test_find_toplevel (CHORUS_TYPE_ACCOUNT_DIALOG) == NULL;
}

static gboolean
dialog_waiting (gpointer data)
{
  ChorusAccountDialog *dialog = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (dialog->stack), "waiting") == 0;
}

static ChorusAccountDialog *
present_add_dialog (ChorusWindow *window,
                    const char   *network)
{
  ChorusAccountDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  g_assert_nonnull ((dialog = test_find_toplevel (CHORUS_TYPE_ACCOUNT_DIALOG)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "networks");
  test_shoot (GTK_WINDOW (dialog), "CHORUS_ACCOUNTS_SHOTS", "accounts", "networks");
  chorus_account_dialog_choose_network (dialog, network);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "form");
  test_shoot (GTK_WINDOW (dialog), "CHORUS_ACCOUNTS_SHOTS", "accounts", network);

  return dialog;
}

/* NULL when this process can keep a secret in an unlocked keyring,
 * otherwise why not (tests/test-secrets.c asks the same way). */
static char *
probe_keyring (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return g_strdup ("no session bus, so no keyring; run the tests through build-aux/chorus-test");

  chorus_secrets_set_timeout (5);
  chorus_secrets_store_async ("discourse", "http://127.0.0.1:1", "probe", CHORUS_SECRET_KIND_API_KEY, "probe",
                              NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  stored = chorus_secrets_store_finish (result, &error);
  if (stored)
    {
      g_clear_object (&result);
      chorus_secrets_clear_async ("discourse", "http://127.0.0.1:1", "probe", CHORUS_SECRET_KIND_API_KEY, NULL,
                                  chorus_test_async_result_cb, &result);
      chorus_test_wait_async_result (&result);
    }
  chorus_secrets_set_timeout (0);

  return stored ? NULL : g_strdup_printf ("the keyring cannot keep a secret: %s", error->message);
}

static char *
lookup_secret (const char *network,
               const char *server_url,
               const char *account,
               const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  chorus_secrets_lookup_async (network, server_url, account, kind, NULL, NULL, chorus_test_async_result_cb,
                               &result);
  chorus_test_wait_async_result (&result);
  secret = chorus_secrets_lookup_finish (result, &error);
  g_assert_no_error (error);

  return secret;
}

/* The list of accounts */

static void
test_list_and_remove (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ChorusStore) store = test_create_workspace ("Accounts.chorus", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *watching = NULL;
  ChorusAccountDialog *dialog;
  AdwMessageDialog *confirm;
  ChorusWindow *window;
  GtkWidget *accounts;
  gint64 bluesky;
  gint64 feed;

  test_add_source (store, "mastodon", "https://social.example", "brand", "@brand on social.example", NULL);
  bluesky = test_add_source (store, "bluesky", "https://bsky.social", "brand.bsky.social", "@brand.bsky.social",
                             NULL);
  feed = test_add_source (store, "feed", "https://reviews.example/feed.xml", NULL, "Trail Reviews", NULL);
  refused = g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, "The app password was revoked.");
  g_assert_true (chorus_store_record_sync (store, bluesky, refused, &error));
  g_clear_object (&store);

  window = test_open_window (path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  g_assert_nonnull ((accounts = test_find_toplevel (CHORUS_TYPE_SOURCES_WINDOW)));
  gtk_test_widget_wait_for_draw (accounts);
  test_shoot (GTK_WINDOW (accounts), "CHORUS_ACCOUNTS_SHOTS", "accounts", "list");

  rows = list_rows (accounts);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "@brand on social.example");
  g_assert_false (chorus_account_row_get_needs_sign_in (g_ptr_array_index (rows, 0)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)), ==, _("Not synced yet"));
  watching = chorus_account_describe_watching (chorus_account_row_get_source (g_ptr_array_index (rows, 0)));
  g_assert_nonnull (strstr (watching, "#tallpine"));

  /* The refused sign-in shows, with a way to sign in again. */
  g_assert_true (chorus_account_row_get_needs_sign_in (g_ptr_array_index (rows, 1)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 1)), ==, _("Needs sign-in again"));
  g_assert_false (chorus_account_row_get_needs_sign_in (g_ptr_array_index (rows, 2)));

  /* Removing asks first, then forgets the source. */
  gtk_widget_activate_action (g_ptr_array_index (rows, 2), "accounts.remove", "x", feed);
  g_assert_nonnull ((confirm = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == GTK_WINDOW (accounts));
  adw_message_dialog_response (confirm, "remove");

  g_ptr_array_unref (rows);
  rows = list_rows (accounts);
  g_assert_cmpuint (rows->len, ==, 2);
  sources = test_list_sources (window);
  g_assert_cmpuint (sources->len, ==, 2);
  for (guint i = 0; i < sources->len; i++)
    g_assert_cmpint (chorus_source_get_id (g_ptr_array_index (sources, i)), !=, feed);

  /* "Sign In…" opens the dialog for that source, which only asks for the
   * new app password. */
  gtk_widget_activate_action (g_ptr_array_index (rows, 1), "accounts.sign-in", "x", bluesky);
  g_assert_nonnull ((dialog = test_find_toplevel (CHORUS_TYPE_ACCOUNT_DIALOG)));
  g_assert_cmpint (dialog->mode, ==, CHORUS_ACCOUNT_DIALOG_SIGN_IN);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->handle_row)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->secret_row)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->watch_group)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (accounts));
  test_destroy_window (window);
}

/* Connecting a forum account */

static void
on_forum_request_cb (SoupServer        *server,
                     SoupServerMessage *message,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *body;

  if (g_strcmp0 (path, "/session/current.json") == 0 &&
      g_strcmp0 (soup_message_headers_get_one (headers, "Api-Key"), "right-key") == 0 &&
      g_strcmp0 (soup_message_headers_get_one (headers, "Api-Username"), "brand") == 0)
    {
      body = "{\"current_user\":{\"id\":7,\"username\":\"Brand\"}}";
      soup_server_message_set_status (message, 200, NULL);
    }
  else
    {
      body = "{\"errors\":[\"You are not permitted to view the requested resource.\"]}";
      soup_server_message_set_status (message, 403, NULL);
    }

  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
commit_discourse (ChorusAccountDialog *dialog,
                  const char          *url,
                  const char          *key)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog->server_row), url);
  gtk_editable_set_text (GTK_EDITABLE (dialog->handle_row), "@brand");
  gtk_editable_set_text (GTK_EDITABLE (dialog->secret_row), key);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.commit", NULL);
}

static void
test_add_discourse (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *url = test_start_server (server, on_forum_request_cb, NULL);
  g_autofree char *reason = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  ChorusAccountDialog *dialog;
  ChorusWindow *window;
  ChorusSource *source;
  char *secret;

  window = test_open_empty_window ("Forum.chorus");
  dialog = present_add_dialog (window, "discourse");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->categories_row)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->hashtags_row)));

  /* A wrong key: said in the dialog, which keeps what was typed, and
   * nothing is added. */
  commit_discourse (dialog, url, "wrong-key");
  g_assert_true (chorus_account_dialog_get_busy (dialog));
  g_assert_true (chorus_test_spin_until (dialog_idle, dialog, CHORUS_TEST_WAIT_MS));
  g_assert_true (test_find_toplevel (CHORUS_TYPE_ACCOUNT_DIALOG) == dialog);
  g_assert_true (gtk_revealer_get_reveal_child (dialog->band_revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (dialog->band_label), "127.0.0.1"));
  g_assert_null (strstr (gtk_label_get_label (dialog->band_label), "wrong-key"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->secret_row)), ==, "wrong-key");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->secret_row), "error"));
  sources = test_list_sources (window);
  g_assert_cmpuint (sources->len, ==, 0);
  g_clear_pointer (&sources, g_ptr_array_unref);

  if ((reason = probe_keyring ()) != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      test_destroy_window (window);
      g_test_skip (reason);
      return;
    }

  /* The right key: the account is added as the forum spells it, its key
   * goes to the keyring, and the dialog closes. */
  gtk_editable_set_text (GTK_EDITABLE (dialog->categories_row), "support, #feedback");
  commit_discourse (dialog, url, "right-key");
  g_assert_true (chorus_test_spin_until (dialog_gone, NULL, CHORUS_TEST_WAIT_MS));

  sources = test_list_sources (window);
  g_assert_cmpuint (sources->len, ==, 1);
  source = g_ptr_array_index (sources, 0);
  name = chorus_account_dup_default_name ("discourse", url, "Brand", NULL);
  g_assert_cmpstr (chorus_source_get_network (source), ==, "discourse");
  g_assert_cmpstr (chorus_source_get_server_url (source), ==, url);
  g_assert_cmpstr (chorus_source_get_account (source), ==, "Brand");
  g_assert_cmpstr (chorus_source_get_display_name (source), ==, name);
  g_assert_cmpstr (chorus_source_get_watch_categories (source), ==, "support feedback");
  g_assert_true (chorus_source_get_watch_mentions (source));

  secret = lookup_secret ("discourse", url, "Brand", CHORUS_SECRET_KIND_API_KEY);
  g_assert_cmpstr (secret, ==, "right-key");
  chorus_secrets_free (secret);

  test_destroy_window (window);
}

/* Feeds */

static void
test_add_missing_feed (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *base = test_start_server (server, test_serve_status, GUINT_TO_POINTER (404));
  g_autofree char *url = g_strconcat (base, "/feed.xml", NULL);
  g_autoptr(GPtrArray) sources = NULL;
  ChorusWindow *window = test_open_empty_window ("Feeds.chorus");
  ChorusAccountDialog *dialog = present_add_dialog (window, "feed");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->secret_row)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->watch_group)));
  gtk_editable_set_text (GTK_EDITABLE (dialog->server_row), url);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.commit", NULL);
  g_assert_true (chorus_test_spin_until (dialog_idle, dialog, CHORUS_TEST_WAIT_MS));

  g_assert_true (gtk_revealer_get_reveal_child (dialog->band_revealer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->server_row)), ==, url);
  sources = test_list_sources (window);
  g_assert_cmpuint (sources->len, ==, 0);

  /* Back to the networks, and forward again: the address is still there. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "networks");
  chorus_account_dialog_choose_network (dialog, "feed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->server_row)), ==, url);

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_destroy_window (window);
}

/* From the welcome page: the feed is checked, then the default workspace
 * is made for it, and it syncs. */
static gboolean
has_synced_source (gpointer data)
{
  ChorusWindow *window = data;
  g_autoptr(GPtrArray) sources = NULL;

  if (chorus_window_get_store (window) == NULL || !test_not_syncing (window))
    return FALSE;

  sources = chorus_store_list_sources (chorus_window_get_store (window), NULL);
  return sources != NULL && sources->len == 1 &&
         chorus_source_get_last_success (g_ptr_array_index (sources, 0)) > 0;
}

static void
test_welcome_feed (void)
{
  g_autofree char *corpus = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), "feeds", "rss-parser",
                                              "heise.atom", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autoptr(ChorusFeed) feed = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  ChorusAccountDialog *dialog;
  ChorusWindow *window;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (corpus, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  base = test_start_server (server, test_serve_feed, bytes);
  url = g_strconcat (base, "/heise.atom", NULL);
  feed = chorus_feed_parse (contents, length, url, &error);
  g_assert_no_error (error);

  window = chorus_window_new (test_get_application ());
  gtk_window_present (GTK_WINDOW (window));
  dialog = present_add_dialog (window, "feed");
  g_assert_null (dialog->store);
  gtk_editable_set_text (GTK_EDITABLE (dialog->server_row), url);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.commit", NULL);
  g_assert_true (chorus_test_spin_until (dialog_gone, NULL, CHORUS_TEST_WAIT_MS));

  g_assert_true (chorus_test_spin_until (has_synced_source, window, CHORUS_TEST_WAIT_MS));
  g_assert_true (g_str_has_prefix (chorus_store_get_path (chorus_window_get_store (window)), test_dir));
  sources = test_list_sources (window);
  g_assert_cmpstr (chorus_source_get_display_name (g_ptr_array_index (sources, 0)), ==, feed->title);
  g_assert_null (window->pending_account);

  test_destroy_window (window);
}

/* Mastodon: the browser signs in, or a code is pasted */

static void
sign_in_in_browser (Fixture             *f,
                    ChorusAccountDialog *dialog)
{
  g_autofree char *page = NULL;

  g_assert_true (chorus_test_spin_until (dialog_waiting, dialog, CHORUS_TEST_WAIT_MS));
  page = visit (f, chorus_mastodon_sign_in_get_authorize_url (dialog->sign_in), 200);
}

static void
paste_code (Fixture             *f,
            ChorusAccountDialog *dialog)
{
  g_autofree char *code = NULL;

  g_assert_true (chorus_test_spin_until (dialog_waiting, dialog, CHORUS_TEST_WAIT_MS));

  /* What cannot be a code is refused where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (dialog->code_row), "not a code");
  g_signal_emit_by_name (dialog->code_row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->code_row), "error"));
  g_assert_true (gtk_revealer_get_reveal_child (dialog->band_revealer));

  code = visit (f, chorus_mastodon_sign_in_get_manual_authorize_url (dialog->sign_in), 200);
  gtk_editable_set_text (GTK_EDITABLE (dialog->code_row), code);
  g_signal_emit_by_name (dialog->code_row, "apply");
}

static void
test_add_mastodon (void)
{
  g_autofree char *reason = probe_keyring ();
  g_autoptr(GPtrArray) sources = NULL;
  ChorusAccountDialog *dialog;
  ChorusWindow *window;
  Fixture f = { 0, };

  fixture_set_up (&f, NULL);
  window = test_open_empty_window ("Mastodon.chorus");

  dialog = present_add_dialog (window, "mastodon");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->secret_row)));
  gtk_editable_set_text (GTK_EDITABLE (dialog->server_row), f.fake.url);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.commit", NULL);
  sign_in_in_browser (&f, dialog);

  if (reason != NULL)
    {
      /* Signed in, but with no keyring to keep the token in: said, and
       * nothing added. */
      g_assert_true (chorus_test_spin_until (dialog_idle, dialog, CHORUS_TEST_WAIT_MS));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "form");
      g_assert_true (gtk_revealer_get_reveal_child (dialog->band_revealer));
      sources = test_list_sources (window);
      g_assert_cmpuint (sources->len, ==, 0);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  else
    {
      g_autofree char *name = chorus_account_dup_default_name ("mastodon", f.fake.url, "alice", NULL);
      char *token;

      g_assert_true (chorus_test_spin_until (dialog_gone, NULL, CHORUS_TEST_WAIT_MS));
      sources = test_list_sources (window);
      g_assert_cmpuint (sources->len, ==, 1);
      g_assert_cmpstr (chorus_source_get_account (g_ptr_array_index (sources, 0)), ==, "alice");
      g_assert_cmpstr (chorus_source_get_display_name (g_ptr_array_index (sources, 0)), ==, name);
      token = lookup_secret ("mastodon", f.fake.url, "alice", CHORUS_SECRET_KIND_TOKEN);
      g_assert_true (g_hash_table_contains (f.fake.tokens, token));
      chorus_secrets_free (token);
    }

  /* Pasting the code: the same account again is refused (it is there
   * already), or again cannot be kept; either way it is said. */
  dialog = present_add_dialog (window, "mastodon");
  gtk_editable_set_text (GTK_EDITABLE (dialog->server_row), f.fake.url);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.commit", NULL);
  paste_code (&f, dialog);
  g_assert_true (chorus_test_spin_until (dialog_idle, dialog, CHORUS_TEST_WAIT_MS));
  g_assert_true (gtk_revealer_get_reveal_child (dialog->band_revealer));
  g_assert_true (test_find_toplevel (CHORUS_TYPE_ACCOUNT_DIALOG) == dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  test_destroy_window (window);
  fixture_tear_down (&f, NULL);
}

/* The browser of these tests does nothing: the test visits the page. */
static void
install_browser (void)
{
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop = g_build_filename (applications, "chorus-test-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (desktop,
                       "[Desktop Entry]\nType=Application\nName=Test Browser\nExec=true %u\n"
                       "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                       -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps,
                       "[Default Applications]\nx-scheme-handler/http=chorus-test-browser.desktop\n"
                       "x-scheme-handler/https=chorus-test-browser.desktop\n",
                       -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);
  install_browser ();

  g_test_add_func ("/chorus/accounts/list-and-remove", test_list_and_remove);
  g_test_add_func ("/chorus/accounts/add-discourse", test_add_discourse);
  g_test_add_func ("/chorus/accounts/add-missing-feed", test_add_missing_feed);
  g_test_add_func ("/chorus/accounts/welcome-feed", test_welcome_feed);
  g_test_add_func ("/chorus/accounts/add-mastodon", test_add_mastodon);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
