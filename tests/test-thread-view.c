/* test-thread-view.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The thread view in-process, on a real workspace whose avatars and media
 * come from a SoupServer on 127.0.0.1 through the media cache: what each
 * post row shows (names, texts, indentation, the brand's tag, polls,
 * media), the loading, empty, error and no-selection states, and what
 * "Open Original", links and media tiles ask to open, caught by an
 * "open-uri" handler instead of a browser. In English, or Spanish with
 * CHORUS_TEST_LANGUAGE=es.
 *
 * With CHORUS_THREAD_SHOTS=<folder> and CHORUS_THREAD_SAMPLE=<a sample
 * workspace>, it also saves screenshots of the sample's threads, light
 * and dark, into that folder. */

#include "config.h"

#include "chorus-format.h"
#include "chorus-post-row.h"
#include "chorus-store-private.h"
#include "chorus-store-thread.h"
#include "chorus-thread-view.h"

#include "chorus-test-window.h"
#include "thread-view-fixture.h"

static char *workspace_path;
static SoupServer *server;
static char *server_url;

typedef struct
{
  ChorusStore      *store;
  ChorusHttp       *http;
  ChorusMediaCache *cache;
  GtkWindow        *window;
  ChorusThreadView *view;
  GPtrArray        *opened;      /* URIs the view was asked to open */
} Rig;

/* The rig: a window holding the view */

static gboolean
on_open_uri_cb (ChorusThreadView *view,
                const char       *uri,
                Rig              *rig)
{
  g_ptr_array_add (rig->opened, g_strdup (uri));
  return TRUE;
}

static void
rig_set_up (Rig *rig)
{
  rig->store = chorus_test_open_store (workspace_path, CHORUS_STORE_OPEN_EXISTING);
  rig->http = chorus_http_new ();
  rig->cache = chorus_media_cache_new (rig->store, rig->http);
  rig->opened = g_ptr_array_new_with_free_func (g_free);
  rig->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_get_application ())));
  rig->view = CHORUS_THREAD_VIEW (chorus_thread_view_new (rig->cache));
  g_signal_connect (rig->view, "open-uri", G_CALLBACK (on_open_uri_cb), rig);
  gtk_window_set_default_size (rig->window, 720, 900);
  gtk_window_set_child (rig->window, GTK_WIDGET (rig->view));
  gtk_window_present (rig->window);
}

static void
rig_tear_down (Rig *rig)
{
  g_object_ref (rig->window);
  gtk_window_destroy (rig->window);
  chorus_test_finalize_object (rig->window);
  chorus_test_finalize_object (g_steal_pointer (&rig->cache));
  g_clear_object (&rig->http);
  chorus_test_finalize_object (g_steal_pointer (&rig->store));
  g_ptr_array_unref (rig->opened);
}

static gboolean
view_loaded (gpointer data)
{
  return !chorus_thread_view_get_loading (data);
}

static const char *
page_of (ChorusThreadView *view)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (view))));
}

static void
show_and_wait (Rig    *rig,
               gint64  conversation_id)
{
  chorus_thread_view_show (rig->view, rig->store, conversation_id);
  g_assert_true (chorus_thread_view_get_loading (rig->view));
  g_assert_cmpstr (page_of (rig->view), ==, "loading");
  g_assert_true (chorus_test_spin_until (view_loaded, rig->view, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig->window));
}

/* Widgets */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, found);
  return found;
}

/* The texts of the labels a person sees in @widget. */
static GStrv
visible_texts (gpointer widget)
{
  g_autoptr(GPtrArray) labels = find_all (widget, GTK_TYPE_LABEL);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (labels, i)))
      g_strv_builder_add (texts, gtk_label_get_text (g_ptr_array_index (labels, i)));

  return g_strv_builder_end (texts);
}

static void
assert_shows (gpointer    widget,
              const char *text)
{
  g_auto(GStrv) texts = visible_texts (widget);

  if (!g_strv_contains ((const char * const *) texts, text))
    {
      g_autofree char *all = g_strjoinv (" | ", texts);

      g_test_message ("looked for “%s” in: %s", text, all);
    }
  g_assert_true (g_strv_contains ((const char * const *) texts, text));
}

static ChorusPostRow *
make_row (ChorusMediaCache *cache,
          ChorusPost       *post)
{
  ChorusPostRow *row = g_object_ref_sink (CHORUS_POST_ROW (chorus_post_row_new ()));

  chorus_post_row_set_media_cache (row, cache);
  chorus_post_row_set_post (row, post);
  return row;
}

static ChorusPost *
post_named (GListModel *posts,
            const char *name)
{
  g_autofree char *uri = thread_view_fixture_uri_of (name);

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(ChorusPost) post = g_list_model_get_item (posts, i);

      if (g_strcmp0 (chorus_post_get_uri (post), uri) == 0)
        return post;
    }

  g_assert_not_reached ();
}


static void
on_row_open_uri_cb (ChorusPostRow *row,
                    const char    *uri,
                    GPtrArray     *opened)
{
  g_ptr_array_add (opened, g_strdup (uri));
}

static gboolean
images_shown (gpointer data)
{
  ChorusPostRow *row = data;
  g_autoptr(GPtrArray) pictures = find_all (row, GTK_TYPE_PICTURE);
  g_autoptr(GPtrArray) avatars = find_all (row, ADW_TYPE_AVATAR);

  for (guint i = 0; i < pictures->len; i++)
    if (!GDK_IS_TEXTURE (gtk_picture_get_paintable (g_ptr_array_index (pictures, i))))
      return FALSE;

  return adw_avatar_get_custom_image (g_ptr_array_index (avatars, 0)) != NULL;
}

static GtkLabel *
text_label_of (ChorusPostRow *row,
               const char    *text)
{
  g_autoptr(GPtrArray) labels = find_all (row, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  g_assert_not_reached ();
}

static void
check_poll_row (ChorusPostRow *row,
                ChorusPost    *post)
{
  const ChorusPostPoll *poll = chorus_post_get_poll (post);
  g_autofree char *votes = chorus_format_metric_count ("votes", 7);
  g_autofree char *percent = chorus_format_percent (0.7);
  g_autofree char *other_percent = chorus_format_percent (0.3);
  g_autofree char *status = chorus_post_poll_format_status (poll, g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr(GPtrArray) bars = find_all (row, GTK_TYPE_PROGRESS_BAR);

  assert_shows (row, "Forest green");
  assert_shows (row, "Glacier blue");
  assert_shows (row, votes);
  assert_shows (row, percent);
  assert_shows (row, other_percent);
  assert_shows (row, status);
  g_assert_cmpuint (bars->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (g_ptr_array_index (bars, 0)), 0.7, 1e-9);
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (bars, 0), "chorus-leader"));
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (bars, 1), "chorus-leader"));
}

static void
check_media_row (ChorusPostRow *row)
{
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) buttons = find_all (row, GTK_TYPE_BUTTON);
  GtkLabel *text = text_label_of (row, "Same here, mine lasted a month. Photos:");
  gboolean handled = FALSE;

  /* The media tiles, not the post's Favourite and Boost. */
  for (guint i = buttons->len; i > 0; i--)
    if (!gtk_widget_has_css_class (g_ptr_array_index (buttons, i - 1), "chorus-media-tile"))
      g_ptr_array_remove_index (buttons, i - 1);

  g_signal_connect (row, "open-uri", G_CALLBACK (on_row_open_uri_cb), opened);

  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 0)), ==,
                   "A torn zipper on a green jacket");
  g_assert_null (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 1)));

  /* Thumbnails and the avatar: downloaded through the cache, decoded. */
  g_assert_true (chorus_test_spin_until (images_shown, row, CHORUS_TEST_WAIT_MS));

  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  g_signal_emit_by_name (text, "activate-link", "https://tallpine.example/care", &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (text, "activate-link", "javascript:alert(1)", &handled);
  g_assert_true (handled);
  g_assert_cmpuint (opened->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, "https://files.example/full/1.png");
  g_assert_cmpstr (g_ptr_array_index (opened, 1), ==, "https://tallpine.example/care");
}

static void
test_rows (void)
{
  static const char * const order[] = {
    "root", "brand", "thanks", "photos", "chain1", "chain2", "chain3", "chain4",
    "chain5", "chain6", "chain7", "chain8", "poll",
  };
  static const guint depths[] = { 0, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1 };
  static const char * const names[] = { NULL, "Ana Lima", "Bo Chen", "Cy", "Di", "Tallpine Outdoor Co." };
  const char *brand_tag = g_dpgettext2 (GETTEXT_PACKAGE, "own post tag", "Brand");
  const char *edited = g_dpgettext2 (GETTEXT_PACKAGE, "post", "Edited");
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s post", "%s posts", 13), "13");
  Rig rig = { 0, };
  GListModel *posts;

  rig_set_up (&rig);
  g_assert_cmpstr (page_of (rig.view), ==, "none");
  show_and_wait (&rig, THREAD_ID);
  g_assert_cmpstr (page_of (rig.view), ==, "thread");
  assert_shows (rig.view, "Zipper on the Trail Runner jacket");
  assert_shows (rig.view, count);
  assert_shows (rig.view, g_dpgettext2 (GETTEXT_PACKAGE, "network", "Mastodon"));

  posts = chorus_thread_view_get_posts (rig.view);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, G_N_ELEMENTS (order));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(ChorusPost) post = g_list_model_get_item (posts, i);
      g_autofree char *uri = thread_view_fixture_uri_of (order[i]);
      g_autoptr(ChorusPostRow) row = NULL;
      g_auto(GStrv) texts = NULL;
      int author = i == 1 || i == 12 ? 5 : i == 0 || i == 2 ? 1 : i == 3 ? 2 : 3 + (int) (i - 3) % 2;

      g_assert_cmpstr (chorus_post_get_uri (post), ==, uri);
      g_assert_cmpuint (chorus_post_get_depth (post), ==, depths[i]);

      row = make_row (rig.cache, post);
      g_assert_cmpuint (chorus_post_row_get_indent (row), ==, MIN (depths[i], CHORUS_POST_ROW_MAX_INDENT));
      assert_shows (row, names[author]);
      assert_shows (row, chorus_post_get_text (post));
      texts = visible_texts (row);
      g_assert_true (g_strv_contains ((const char * const *) texts, brand_tag) == (author == 5));
      g_assert_true (g_strv_contains ((const char * const *) texts, edited) == (i == 2));
    }

  {
    g_autoptr(ChorusPostRow) root = make_row (rig.cache, post_named (posts, "root"));
    g_autoptr(ChorusPostRow) poll = make_row (rig.cache, post_named (posts, "poll"));
    g_autoptr(ChorusPostRow) photos = make_row (rig.cache, post_named (posts, "photos"));

    assert_shows (root, "@ana@social.example");
    check_poll_row (poll, post_named (posts, "poll"));
    check_media_row (photos);
  }

  rig_tear_down (&rig);
}

static ChorusPostRow *
find_list_row (ChorusThreadView *view,
               const char       *name)
{
  g_autoptr(GPtrArray) rows = find_all (view, CHORUS_TYPE_POST_ROW);
  g_autofree char *uri = thread_view_fixture_uri_of (name);

  for (guint i = 0; i < rows->len; i++)
    {
      ChorusPost *post = chorus_post_row_get_post (g_ptr_array_index (rows, i));

      if (post != NULL && g_strcmp0 (chorus_post_get_uri (post), uri) == 0)
        return g_ptr_array_index (rows, i);
    }

  g_assert_not_reached ();
}

static void
test_open_original (void)
{
  g_autofree char *root_uri = NULL;
  g_autofree char *photos_uri = NULL;
  g_autofree char *root_url = NULL;
  g_autofree char *photos_url = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  GtkSelectionModel *selection;
  ChorusPostRow *row;
  gboolean handled = FALSE;
  Rig rig = { 0, };

  rig_set_up (&rig);
  gtk_widget_activate_action (GTK_WIDGET (rig.view), "thread.open-original", NULL);
  g_assert_cmpuint (rig.opened->len, ==, 0);
  show_and_wait (&rig, THREAD_ID);

  root_uri = thread_view_fixture_uri_of ("root");
  photos_uri = thread_view_fixture_uri_of ("photos");
  root_url = g_strconcat (root_uri, "/web", NULL);
  photos_url = g_strconcat (photos_uri, "/web", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig.view), "thread.open-original", NULL));
  g_assert_cmpuint (rig.opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rig.opened, 0), ==, root_url);

  /* The selected post's page, once one is selected. */
  lists = find_all (rig.view, GTK_TYPE_LIST_VIEW);
  selection = gtk_list_view_get_model (g_ptr_array_index (lists, 0));
  gtk_selection_model_select_item (selection, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig.view), "thread.open-original", NULL));
  g_assert_cmpstr (g_ptr_array_index (rig.opened, 1), ==, photos_url);
  gtk_selection_model_unselect_item (selection, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig.view), "thread.open-original", NULL));
  g_assert_cmpstr (g_ptr_array_index (rig.opened, 2), ==, root_url);

  /* Links in the rows of the list go through the view, and only safe ones. */
  row = find_list_row (rig.view, "photos");
  g_signal_emit_by_name (text_label_of (row, "Same here, mine lasted a month. Photos:"),
                         "activate-link", "https://tallpine.example/care", &handled);
  g_assert_cmpuint (rig.opened->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (rig.opened, 3), ==, "https://tallpine.example/care");
  g_assert_false (chorus_thread_view_open_uri (rig.view, "javascript:alert(1)"));
  g_assert_false (chorus_thread_view_open_uri (rig.view, "data:text/html,hi"));
  g_assert_false (chorus_thread_view_open_uri (rig.view, "file:///etc/passwd"));
  g_assert_true (chorus_thread_view_open_uri (rig.view, "mailto:care@tallpine.example"));
  g_assert_cmpuint (rig.opened->len, ==, 5);

  rig_tear_down (&rig);
}

static void
test_states (void)
{
  Rig rig = { 0, };

  rig_set_up (&rig);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig.window));
  g_assert_cmpstr (page_of (rig.view), ==, "none");
  g_assert_false (chorus_thread_view_get_loading (rig.view));

  show_and_wait (&rig, EMPTY_ID);
  g_assert_cmpstr (page_of (rig.view), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (chorus_thread_view_get_posts (rig.view)), ==, 0);

  show_and_wait (&rig, 999);
  g_assert_cmpstr (page_of (rig.view), ==, "error");
  assert_shows (rig.view, _("It is no longer in this workspace."));

  /* A newer request wins over one still loading. */
  chorus_thread_view_show (rig.view, rig.store, THREAD_ID);
  show_and_wait (&rig, EMPTY_ID);
  g_assert_cmpstr (page_of (rig.view), ==, "empty");
  g_assert_cmpint (chorus_thread_view_get_conversation_id (rig.view), ==, EMPTY_ID);

  chorus_thread_view_show (rig.view, NULL, 0);
  g_assert_cmpstr (page_of (rig.view), ==, "none");
  g_assert_null (chorus_thread_view_get_store (rig.view));
  g_assert_null (chorus_thread_view_get_posts (rig.view));

  rig_tear_down (&rig);
}

/* A conversation without a subject is titled by who started it: by the
 * letters of their name, which cannot turn the header around. */
static void
test_hostile_title (void)
{
  Rig rig = { 0, };
  GtkLabel *title;

  rig_set_up (&rig);
  show_and_wait (&rig, HOSTILE_ID);
  title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (rig.view), CHORUS_TYPE_THREAD_VIEW, "title_label"));
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Kai redlaw");

  show_and_wait (&rig, THREAD_ID);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Zipper on the Trail Runner jacket");

  rig_tear_down (&rig);
}

/* 2,000 posts: all in the model, rows only for what is on screen, and the
 * end of the thread reached by scrolling. */
static void
test_large (void)
{
  g_autofree char *number = chorus_format_count (N_LARGE);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s post", "%s posts", N_LARGE),
                                            number);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  guint last_position = 0;
  Rig rig = { 0, };
  GListModel *posts;
  gint64 start;

  rig_set_up (&rig);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig.window));
  start = g_get_monotonic_time ();
  show_and_wait (&rig, LARGE_ID);
  /* A figure for the record, not a bound: loading and the first frame. */
  g_test_message ("2,000 posts shown in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  posts = chorus_thread_view_get_posts (rig.view);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, N_LARGE);
  assert_shows (rig.view, count);

  rows = find_all (rig.view, CHORUS_TYPE_POST_ROW);
  /* GtkListView 4.8 keeps up to about 200 rows around what is shown. */
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 300);

  lists = find_all (rig.view, GTK_TYPE_LIST_VIEW);
  scrolled = gtk_widget_get_ancestor (g_ptr_array_index (lists, 0), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  for (guint i = 0; i < 20 && last_position + 1 < N_LARGE; i++)
    {
      g_autoptr(GPtrArray) shown = NULL;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (rig.window));
      shown = find_all (rig.view, CHORUS_TYPE_POST_ROW);
      for (guint k = 0; k < shown->len; k++)
        {
          ChorusPost *post = chorus_post_row_get_post (g_ptr_array_index (shown, k));
          guint position;

          if (post != NULL && g_list_store_find (G_LIST_STORE (posts), post, &position))
            last_position = MAX (last_position, position);
        }
    }
  g_assert_cmpuint (last_position, ==, N_LARGE - 1);

  rig_tear_down (&rig);
}

/* Screenshots of a sample workspace's threads */

static void
save_screenshot (GtkWindow  *window,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static gboolean
on_quiet_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets images arrive and the list settle. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_quiet_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
shoot_thread (Rig        *rig,
              const char *dir,
              const char *name,
              gint64      conversation_id)
{
  static const char * const schemes[] = { "light", "dark" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *language = g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") == 0 ? "es" : "en";

  if (conversation_id > 0)
    show_and_wait (rig, conversation_id);
  else
    chorus_thread_view_show (rig->view, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("thread-%s-%s-%s.png", language, name, schemes[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      settle (1500);
      save_screenshot (rig->window, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Which threads of the sample to show. */
static const struct {
  const char *name;
  const char *sql;
} sample_threads[] = {
  { "replies", "SELECT conversation_id FROM posts GROUP BY 1"
               " HAVING sum (is_own) > 0 AND count (DISTINCT reply_to_uri) > 2"
               " ORDER BY count (*) DESC, 1 LIMIT 1" },
  { "poll", "SELECT p.conversation_id FROM polls l JOIN posts p ON p.id = l.post_id ORDER BY l.id LIMIT 1" },
  { "media", "SELECT p.conversation_id FROM post_media m JOIN posts p ON p.id = m.post_id"
             " GROUP BY 1 ORDER BY count (*) DESC, 1 LIMIT 1" },
  { "spanish", "SELECT conversation_id FROM posts p JOIN conversations c ON c.id = p.conversation_id"
               " WHERE c.language = 'es' GROUP BY 1 ORDER BY count (*) DESC, 1 LIMIT 1" },
};

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("CHORUS_THREAD_SHOTS");
  g_autofree char *copy = g_build_filename (test_dir, "sample.chorus", NULL);
  g_autofree char *contents = NULL;
  gint64 ids[G_N_ELEMENTS (sample_threads)];
  gsize length;
  Rig rig = { 0, };
  sqlite3 *db;

  g_assert_true (g_file_get_contents (g_getenv ("CHORUS_THREAD_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* The sample's images live on hosts that do not exist: serve them here. */
  db = chorus_test_db_open (copy, SQLITE_OPEN_READWRITE, 5000);
  chorus_test_db_exec (db,
                       "UPDATE identities SET avatar_url = '%savatar/' || id || '.png';"
                       "UPDATE post_media SET preview_url = '%smedia/' || id || '.png';",
                       server_url, server_url);
  for (guint i = 0; i < G_N_ELEMENTS (sample_threads); i++)
    ids[i] = chorus_test_db_query_int (db, sample_threads[i].sql);
  sqlite3_close (db);

  g_clear_pointer (&workspace_path, g_free);
  workspace_path = g_strdup (copy);
  rig_set_up (&rig);
  for (guint i = 0; i < G_N_ELEMENTS (sample_threads); i++)
    shoot_thread (&rig, dir, sample_threads[i].name, ids[i]);
  shoot_thread (&rig, dir, "none", 0);
  gtk_window_set_default_size (rig.window, 420, 900);
  shoot_thread (&rig, dir, "narrow", ids[0]);
  rig_tear_down (&rig);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  server = thread_view_fixture_start_server (&server_url);
  workspace_path = g_build_filename (test_dir, "thread.chorus", NULL);
  thread_view_fixture_seed (workspace_path, server_url);

  g_test_add_func ("/chorus/thread-view/rows", test_rows);
  g_test_add_func ("/chorus/thread-view/open-original", test_open_original);
  g_test_add_func ("/chorus/thread-view/states", test_states);
  g_test_add_func ("/chorus/thread-view/large", test_large);
  g_test_add_func ("/chorus/thread-view/hostile-title", test_hostile_title);
  if (g_getenv ("CHORUS_THREAD_SHOTS") != NULL && g_getenv ("CHORUS_THREAD_SAMPLE") != NULL)
    g_test_add_func ("/chorus/thread-view/screenshots", test_screenshots);

  ret = g_test_run ();

  thread_view_fixture_stop_server (g_steal_pointer (&server));
  g_clear_pointer (&server_url, g_free);
  g_clear_pointer (&workspace_path, g_free);
  test_window_finish ();

  return ret;
}
