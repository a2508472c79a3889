/* chorus-test-window.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-accounts and test-window-sync share: the application, the
 * real window on a workspace of the test's own, its dialogs, and a fake
 * server on 127.0.0.1. Header-only, since each test program is built from
 * its own file and chorus-test-util.c. */

#pragma once

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "chorus-application.h"
#include "chorus-challenge.h"
#include "chorus-designs-pane.h"
#include "chorus-store-sources.h"
#include "chorus-window-private.h"

#include "chorus-test-util.h"

#define CHORUS_TEST_WAIT_MS 10000

/* The folder of this run, where the user data dir and workspaces go. */
static char *test_dir;
static ChorusApplication *test_app;
/* Whether the run is in a real locale (CHORUS_TEST_LOCALE, such as
 * es_ES.UTF-8), not only translated. */
static gboolean test_real_locale G_GNUC_UNUSED;

/* Before GLib caches the user dirs, and not gtk_test_init(), which would
 * force the en_US locale (TOOLCHAIN.md). */
G_GNUC_UNUSED static void
test_window_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config_dir = NULL;
  const char *locale_dir = g_getenv ("CHORUS_LOCALE_DIR");

  test_dir = g_dir_make_tmp ("chorus-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", test_dir, TRUE);
  config_dir = g_build_filename (test_dir, "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);

  test_real_locale = chorus_test_use_locale ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  adw_init ();
}

G_GNUC_UNUSED static void
test_window_finish (void)
{
  g_clear_object (&test_app);
  chorus_test_remove_tree (test_dir);
  g_clear_pointer (&test_dir, g_free);
}

/* Appends the descendants of @widget (and itself) of @type to @found,
 * in the order they are shown. */
G_GNUC_UNUSED static void
test_collect_widgets (GtkWidget *widget,
                      GType      type,
                      GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    test_collect_widgets (child, type, found);
}

/* The descendants of @root (and itself) of @type, in the order they are shown. */
G_GNUC_UNUSED static GPtrArray *
test_collect (GtkWidget *root,
              GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  test_collect_widgets (root, type, found);
  return found;
}

/* The button of @root whose label is @label, or NULL. */
G_GNUC_UNUSED static GtkWidget *
test_find_button (GtkWidget  *root,
                  const char *label)
{
  g_autoptr(GPtrArray) buttons = test_collect (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];

  return NULL;
}

/* Clicks the button of @root labelled @label, as a person would: in a
 * dialog, that also closes it, unlike adw_message_dialog_response(). */
G_GNUC_UNUSED static void
test_click_button (GtkWidget  *root,
                   const char *label)
{
  GtkWidget *button = test_find_button (root, label);

  if (button == NULL)
    g_error ("no button labelled %s", label);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

/* Whether a label drawn inside @root holds @text. */
G_GNUC_UNUSED static gboolean
test_shows_label (GtkWidget  *root,
                  const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) && strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

/* Runs the main loop for @ms, for styles and animations to reach the screen
 * (not scaled: nothing is awaited). */
G_GNUC_UNUSED static void
test_settle (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Saves what @window shows as a PNG. */
G_GNUC_UNUSED static void
test_save_screenshot (GtkWindow  *window,
                      const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* A window redrawn since its last frame (a thumbnail came in) has no
   * picture until the next one. */
  for (guint tries = 0; node == NULL && tries < 10; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                              gtk_widget_get_height (GTK_WIDGET (window)));
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* With CHORUS_SHOTS_NARROW set to a width in pixels (the window's
 * narrowest, 360), the main window is also shot that wide, light only, as
 * <prefix>-<what>-<language>-narrow.png, then given its size back. */
G_GNUC_UNUSED static void
test_shoot_narrow (GtkWindow  *window,
                   const char *dir,
                   const char *prefix,
                   const char *what,
                   const char *language)
{
  const char *narrow = g_getenv ("CHORUS_SHOTS_NARROW");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (narrow == NULL || !CHORUS_IS_WINDOW (window))
    return;

  file = g_strdup_printf ("%s-%s-%s-narrow.png", prefix, what, language);
  path = g_build_filename (dir, file, NULL);
  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, (int) g_ascii_strtoll (narrow, NULL, 10), height);
  test_settle (600);
  test_save_screenshot (window, path);
  gtk_window_set_default_size (window, width, height);
  test_settle (600);
}

/* Screenshots for a person to look at, light and dark, when the
 * environment variable @env names a folder: saved there as
 * <prefix>-<what>-<language>-<light|dark>.png. */
G_GNUC_UNUSED static void
test_shoot (GtkWindow  *window,
            const char *env,
            const char *prefix,
            const char *what)
{
  const char *dir = g_getenv (env);
  const char *language = g_getenv ("CHORUS_TEST_LANGUAGE") ? g_getenv ("CHORUS_TEST_LANGUAGE") : "en";
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s-%s-%s.png", prefix, what, language, i == 0 ? "light" : "dark");
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      test_settle (600);
      test_save_screenshot (window, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  test_shoot_narrow (window, dir, prefix, what, language);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  test_settle (300);
}

/* One registered application for all cases, as in the real program. */
G_GNUC_UNUSED static ChorusApplication *
test_get_application (void)
{
  g_autoptr(GError) error = NULL;

  if (test_app != NULL)
    return test_app;

  test_app = chorus_application_new ();
  g_application_set_flags (G_APPLICATION (test_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  return test_app;
}

/* A new, empty workspace; the caller adds sources, then drops it. */
G_GNUC_UNUSED static ChorusStore *
test_create_workspace (const char  *name,
                       char       **path)
{
  g_autoptr(GError) error = NULL;
  ChorusStore *store;

  *path = g_build_filename (test_dir, name, NULL);
  store = chorus_store_open (*path, CHORUS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  return store;
}

G_GNUC_UNUSED static gint64
test_add_source (ChorusStore *store,
                 const char  *network,
                 const char  *server_url,
                 const char  *account,
                 const char  *name,
                 const char  *secret_env)
{
  g_autoptr(GError) error = NULL;
  ChorusSourceSettings settings = { 0, };
  gint64 id;

  settings.display_name = name;
  settings.watch_mentions = account != NULL;
  settings.watch_hashtags = account != NULL ? "tallpine" : "";
  settings.secret_env = secret_env;
  id = chorus_store_add_account (store, network, server_url, account, &settings, &error);
  g_assert_no_error (error);

  return id;
}

G_GNUC_UNUSED static GPtrArray *
test_list_sources (ChorusWindow *window)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sources = chorus_store_list_sources (chorus_window_get_store (window), &error);

  g_assert_no_error (error);
  return sources;
}

static gboolean
test_window_has_store (gpointer data)
{
  return chorus_window_get_store (data) != NULL;
}

G_GNUC_UNUSED static ChorusWindow *
test_open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChorusWindow *window = chorus_window_new (test_get_application ());

  gtk_window_present (GTK_WINDOW (window));
  chorus_window_open_workspace (window, file, CHORUS_WINDOW_OPEN_DEFAULT);
  g_assert_true (chorus_test_spin_until (test_window_has_store, window, CHORUS_TEST_WAIT_MS));

  return window;
}

/* The window on a new, empty workspace. */
G_GNUC_UNUSED static ChorusWindow *
test_open_empty_window (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(ChorusStore) store = test_create_workspace (name, &path);

  g_clear_object (&store);
  return test_open_window (path);
}

G_GNUC_UNUSED static gboolean
test_not_syncing (gpointer data)
{
  ChorusWindow *window = data;

  return window->engine == NULL || !chorus_sync_engine_get_syncing (window->engine);
}

G_GNUC_UNUSED static gboolean
test_has_challenges (gpointer pane)
{
  return g_list_model_get_n_items (chorus_designs_pane_get_challenges (pane)) > 0;
}

/* The challenge @id as the Designs pane lists it, and where. */
G_GNUC_UNUSED static ChorusChallenge *
test_find_challenge (ChorusDesignsPane *pane,
                     gint64             id,
                     guint             *position)
{
  GListModel *challenges = chorus_designs_pane_get_challenges (pane);

  for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
    {
      g_autoptr(ChorusChallenge) challenge = g_list_model_get_item (challenges, i);

      if (chorus_challenge_get_id (challenge) == id)
        {
          *position = i;
          return g_steal_pointer (&challenge);
        }
    }
  g_error ("the Designs pane does not list the challenge %" G_GINT64_FORMAT, id);
}

/* Selects the challenge @id in the Designs pane, once the pane lists it. */
G_GNUC_UNUSED static void
test_select_challenge (ChorusDesignsPane *pane,
                       gint64             id)
{
  g_autoptr(ChorusChallenge) challenge = NULL;
  guint position;

  g_assert_true (chorus_test_spin_until (test_has_challenges, pane, CHORUS_TEST_WAIT_MS));
  challenge = test_find_challenge (pane, id, &position);
  chorus_designs_pane_select (pane, position);
}

/* Closes @window and checks nothing keeps it. */
G_GNUC_UNUSED static void
test_destroy_toplevel (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  chorus_test_finalize_object (window);
}

/* Where the window is too narrow for both, the Designs pane shows the
 * list of challenges or the challenge: this opens the selected challenge,
 * as a click on its row does. */
G_GNUC_UNUSED static void
test_show_challenge_content (ChorusDesignsPane *pane)
{
  g_autoptr(GPtrArray) leaflets = test_collect (GTK_WIDGET (pane), ADW_TYPE_LEAFLET);
  g_autoptr(GPtrArray) lists = test_collect (GTK_WIDGET (pane), GTK_TYPE_LIST_BOX);

  g_assert_cmpuint (leaflets->len, ==, 1);
  if (!adw_leaflet_get_folded (leaflets->pdata[0]))
    return;
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (lists->pdata[i], "navigation-sidebar"))
      g_signal_emit_by_name (lists->pdata[i], "row-activated", gtk_list_box_get_selected_row (lists->pdata[i]));
  test_settle (600);
}

/* Lets the sync end, closes the window and checks nothing keeps it. */
G_GNUC_UNUSED static void
test_destroy_window (ChorusWindow *window)
{
  g_assert_true (chorus_test_spin_until (test_not_syncing, window, CHORUS_TEST_WAIT_MS));
  test_destroy_toplevel (GTK_WINDOW (window));
}

/* The last toplevel of @type, or NULL. */
G_GNUC_UNUSED static gpointer
test_find_toplevel (GType type)
{
  gpointer found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      found = l->data;

  return found;
}

/* Serves @callback on 127.0.0.1; returns the server's address without a
 * trailing slash, "http://127.0.0.1:1234". */
G_GNUC_UNUSED static char *
test_start_server (SoupServer         *server,
                   SoupServerCallback  callback,
                   gpointer            user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_add_handler (server, NULL, callback, user_data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return url;
}

G_GNUC_UNUSED static void
test_serve_status (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  soup_server_message_set_status (message, GPOINTER_TO_UINT (user_data), NULL);
}

/* Serves the GBytes @user_data as an Atom feed. */
G_GNUC_UNUSED static void
test_serve_feed (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  GBytes *feed = user_data;

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/atom+xml", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (feed, NULL), g_bytes_get_size (feed));
}
