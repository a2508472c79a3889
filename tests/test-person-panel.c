/* test-person-panel.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The person panel: on the hand-made workspace of people-workspace.c it
 * shows a person's accounts, segments and history with the first-reply
 * times computed by hand, links only to web profiles, and a segment
 * toggled by the pill reaches the store; inside the conversations pane of
 * a sample workspace it shows the author of the selected conversation,
 * and the toast undoes a segment change. On merges-workspace.c it shows
 * who might be the same person and the opt-out caption; Not the Same,
 * Merge and the merge's undo (from the pane's toast too) reach the store.
 * With CHORUS_PERSON_SHOTS set to a folder, the pane is saved there as
 * person-<language>-<light|dark>.png and person-merges-<language>-<light|dark>.png. */

#include "config.h"

#include "chorus-conversations-pane.h"
#include "chorus-format.h"
#include "chorus-person-panel.h"
#include "chorus-sample.h"
#include "chorus-store-private.h"
#include "chorus-store-triage.h"
#include "chorus-test-window.h"
#include "merges-workspace.h"
#include "people-workspace.h"

typedef struct
{
  GtkWindow         *window;
  ChorusStore       *store;
  ChorusPersonPanel *panel;
  char              *path;
  char              *message;    /* the last "changed" */
  gint64             audit_id;   /* and its audit entry */
  guint              changes;
} Rig;

static gboolean
english (void)
{
  return g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") != 0;
}

static gboolean
panel_loaded (gpointer data)
{
  return chorus_person_panel_get_person (data) != NULL && !chorus_person_panel_get_loading (data);
}

static void
on_changed_cb (ChorusPersonPanel *panel,
               gint64             audit_id,
               const char        *message,
               Rig               *rig)
{
  rig->audit_id = audit_id;
  g_free (rig->message);
  rig->message = g_strdup (message);
  rig->changes++;
}

/* @data, when set, seeds the people who might be the same. */
static void
rig_set_up (Rig           *rig,
            gconstpointer  data)
{
  static guint n_workspaces;
  g_autofree char *name = g_strdup_printf ("people-%u.chorus", ++n_workspaces);

  rig->store = test_create_workspace (name, &rig->path);
  if (data != NULL)
    chorus_test_seed_merges_workspace (rig->store);
  else
    chorus_test_seed_people_workspace (rig->store);
  rig->panel = CHORUS_PERSON_PANEL (chorus_person_panel_new ());
  g_signal_connect (rig->panel, "changed", G_CALLBACK (on_changed_cb), rig);
  rig->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (rig->window, 560, 900);
  gtk_window_set_child (rig->window, GTK_WIDGET (rig->panel));
  gtk_window_present (rig->window);
}

static void
rig_tear_down (Rig           *rig,
               gconstpointer  data)
{
  g_object_ref (rig->window);
  gtk_window_destroy (rig->window);
  chorus_test_finalize_object (g_steal_pointer (&rig->window));
  chorus_test_finalize_object (g_steal_pointer (&rig->store));
  g_free (rig->message);
  g_free (rig->path);
}

static const char *
row_suffix_text (GtkWidget *row)
{
  GtkWidget *label = NULL;

  /* The reply time is the row's only label outside its title box: the
   * last label in the row's tree. */
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;)
    {
      if (GTK_IS_LABEL (child))
        label = child;
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != row && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child == row ? NULL : gtk_widget_get_next_sibling (child);
        }
    }

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_show (Rig           *rig,
           gconstpointer  data)
{
  static const struct { const char *title; const char *reply; gint64 seconds; } expected[] = {
    { "Love the new colours", "replied in 10 min", 600 },
    { "Billing question", "not answered", -1 },
    { "Is the app down? For me it is", "replied in 1 min", 90 },
    { "My order never arrived", "replied in 2 h", 7200 },
  };
  ChorusPerson *person;

  chorus_person_panel_show (rig->panel, rig->store, ANA);
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig->window));

  person = chorus_person_panel_get_person (rig->panel);
  g_assert_cmpstr (chorus_person_get_display_name (person), ==, "Ana Lima");
  g_assert_cmpuint (chorus_person_get_identities (person)->len, ==, 2);
  g_assert_true (gtk_toggle_button_get_active (chorus_person_panel_get_segment_button (rig->panel,
                                                                                         CHORUS_PERSON_SEGMENT_VIP)));
  g_assert_false (gtk_toggle_button_get_active (chorus_person_panel_get_segment_button (rig->panel,
                                                                                          CHORUS_PERSON_SEGMENT_ADVOCATE)));

  g_assert_cmpuint (chorus_person_panel_get_n_history_rows (rig->panel), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *row = chorus_person_panel_get_history_row (rig->panel, i);
      const char *suffix = row_suffix_text (row);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected[i].title);
      if (english ())
        g_assert_cmpstr (suffix, ==, expected[i].reply);
      else if (expected[i].seconds >= 0)
        {
          g_autofree char *duration = chorus_format_duration (expected[i].seconds);

          g_assert_nonnull (strstr (suffix, duration));
        }
    }
  if (english ())
    g_assert_cmpstr (chorus_person_panel_get_median_text (rig->panel), ==,
                     "Median first reply: 10 min (3 conversations answered)");

  /* Only web profiles are links. */
  g_assert_true (chorus_person_panel_can_open_uri ("https://social.example/@ana"));
  g_assert_true (chorus_person_panel_can_open_uri ("HTTP://example.org/"));
  g_assert_false (chorus_person_panel_can_open_uri ("javascript:alert(1)"));
  g_assert_false (chorus_person_panel_can_open_uri ("file:///etc/passwd"));
  g_assert_false (chorus_person_panel_can_open_uri ("https://"));
  g_assert_false (chorus_person_panel_can_open_uri (NULL));
}

static gboolean
advocate_stored (gpointer data)
{
  Rig *rig = data;

  return chorus_test_db_query_int (_chorus_store_get_db (rig->store),
                                   "SELECT count (*) FROM person_segments"
                                   " WHERE person_id = 1 AND segment = 'advocate'") == 1 &&
         rig->changes == 1;
}

static gboolean
vip_removed (gpointer data)
{
  Rig *rig = data;

  return chorus_test_db_query_int (_chorus_store_get_db (rig->store),
                                   "SELECT count (*) FROM person_segments WHERE person_id = 1") == 1 &&
         rig->changes == 2;
}

static void
test_toggle_segment (Rig           *rig,
                     gconstpointer  data)
{
  chorus_person_panel_show (rig->panel, rig->store, ANA);
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));

  gtk_toggle_button_set_active (chorus_person_panel_get_segment_button (rig->panel,
                                                                        CHORUS_PERSON_SEGMENT_ADVOCATE), TRUE);
  g_assert_true (chorus_test_spin_until (advocate_stored, rig, CHORUS_TEST_WAIT_MS));
  if (english ())
    g_assert_cmpstr (rig->message, ==, "Added to the “Advocate” segment");
  g_assert_cmpint (rig->audit_id, >, 0);

  gtk_toggle_button_set_active (chorus_person_panel_get_segment_button (rig->panel,
                                                                        CHORUS_PERSON_SEGMENT_VIP), FALSE);
  g_assert_true (chorus_test_spin_until (vip_removed, rig, CHORUS_TEST_WAIT_MS));
  if (english ())
    g_assert_cmpstr (rig->message, ==, "Removed from the “VIP” segment");
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (rig->store),
                                             "SELECT count (*) FROM audit_log WHERE subject_type = 'person'"),
                   ==, 2);

  /* Nobody: the empty state, and the pills do nothing. */
  chorus_person_panel_show (rig->panel, rig->store, 0);
  g_assert_null (chorus_person_panel_get_person (rig->panel));
  g_assert_cmpuint (chorus_person_panel_get_n_history_rows (rig->panel), ==, 0);
}

/* Bo in 205 more conversations: the list holds the newest 200. */
static void
test_long_history (Rig           *rig,
                   gconstpointer  data)
{
  chorus_test_db_exec (_chorus_store_get_db (rig->store),
                       "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 205)"
                       " INSERT INTO conversations (id, network, root_uri, subject, started_at, last_activity_at)"
                       " SELECT 100 + i, 'mastodon', 'u:x' || i, 'Question ' || i, 30000 + i, 30000 + i FROM n;"
                       "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 205)"
                       " INSERT INTO posts (id, conversation_id, uri, author_id, created_at, text)"
                       " SELECT ((30000 + i) << 16) + 1, 100 + i, 'u:xp' || i, 3, 30000 + i, 'x' FROM n;");

  chorus_person_panel_show (rig->panel, rig->store, BO);
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (chorus_person_panel_get_n_history_rows (rig->panel), ==, 200);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (chorus_person_panel_get_history_row (rig->panel,
                                                                                                            0))),
                   ==, "Question 205");
  if (english ())
    g_assert_cmpstr (chorus_person_panel_get_median_text (rig->panel), ==,
                     "Median first reply: 5 min (2 conversations answered)");
}

/* The pane */

static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
save_screenshot (GtkWindow  *window,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets the style change and the scrolling reach the screen. */
static void
settle (guint ms)
{
  chorus_test_spin_until (never, NULL, ms);
}

/* The panel's top, then scrolled to its history. */
static void
shoot (GtkWindow         *window,
       ChorusPersonPanel *panel)
{
  GtkStack *states = find_descendant (GTK_WIDGET (panel), GTK_TYPE_STACK);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_stack_get_visible_child (states));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  const char *dir = g_getenv ("CHORUS_PERSON_SHOTS");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *file = g_strdup_printf ("person-%s-%s%s.png", english () ? "en" : "es",
                                               i % 2 == 0 ? "light" : "dark", i < 2 ? "" : "-history");
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, i % 2 == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                            : ADW_COLOR_SCHEME_FORCE_DARK);
      settle (800);
      gtk_adjustment_set_value (adjustment, i < 2 ? 0 : gtk_adjustment_get_upper (adjustment));
      settle (200);
      save_screenshot (window, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
has_toast (gpointer data)
{
  return chorus_conversations_pane_get_last_toast (data) != NULL;
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

static gboolean
has_conversations (gpointer data)
{
  return g_list_model_get_n_items (chorus_conversations_pane_get_model (data)) > 0;
}

/* The first row whose author has CRM fields and an answered
 * conversation, so that the screenshots show every part; else the first. */
static guint
find_rich_author (GListModel *model,
                  sqlite3    *db)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusConversation) conversation = g_list_model_get_item (model, i);
      gint64 person = chorus_conversation_get_author_person_id (conversation);
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM person_fields WHERE person_id = %" G_GINT64_FORMAT ")"
                             " AND EXISTS (SELECT 1 FROM posts p JOIN identities i ON i.id = p.author_id"
                             "  JOIN posts o ON o.conversation_id = p.conversation_id AND o.is_own"
                             "  WHERE i.person_id = %" G_GINT64_FORMAT ")",
                             person, person);
      if (person > 0 && chorus_test_db_query_int (db, sql) != 0)
        return i;
    }

  return 0;
}

typedef struct
{
  ChorusPersonPanel    *panel;
  ChorusPersonSegments  segment;
} SegmentUndo;

/* The pill is off again once the panel read the person after the undo. */
static gboolean
segment_undone (gpointer data)
{
  SegmentUndo *undo = data;

  return panel_loaded (undo->panel) &&
         !gtk_toggle_button_get_active (chorus_person_panel_get_segment_button (undo->panel, undo->segment)) &&
         !(chorus_person_get_segments (chorus_person_panel_get_person (undo->panel)) & undo->segment);
}

static void
test_in_pane (void)
{
  g_autofree char *path = g_build_filename (test_dir, "sample.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConversation) first = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  ChorusConversationsPane *pane;
  ChorusPersonPanel *panel;
  ChorusWindow *window;
  GtkStack *pages;
  ChorusPersonSegments segment;
  GListModel *model;
  gint64 person_id;
  guint position;

  if (!chorus_sample_generate (path, 400, 7, NULL, NULL, &error))
    g_error ("Could not generate the sample: %s", error->message);

  window = test_open_window (path);
  pane = CHORUS_CONVERSATIONS_PANE (window->conversations_pane);
  g_assert_true (chorus_test_spin_until (has_conversations, pane, CHORUS_TEST_WAIT_MS));
  model = chorus_conversations_pane_get_model (pane);
  position = find_rich_author (model, _chorus_store_get_db (chorus_window_get_store (window)));
  first = g_list_model_get_item (model, position);
  person_id = chorus_conversation_get_author_person_id (first);
  g_assert_cmpint (person_id, >, 0);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_widget_get_template_child (GTK_WIDGET (pane),
                                                                                      CHORUS_TYPE_CONVERSATIONS_PANE,
                                                                                      "selection")),
                                   position, TRUE);
  panel = find_descendant (GTK_WIDGET (pane), CHORUS_TYPE_PERSON_PANEL);
  g_assert_nonnull (panel);
  pages = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel)));
  gtk_stack_set_visible_child_name (pages, "person");
  g_assert_true (chorus_test_spin_until (panel_loaded, panel, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (chorus_person_panel_get_person_id (panel), ==, person_id);

  /* What the panel shows, against the workspace read directly. */
  sql = g_strdup_printf ("SELECT display_name FROM people WHERE id = %" G_GINT64_FORMAT, person_id);
  name = chorus_test_db_query_text (_chorus_store_get_db (chorus_window_get_store (window)), sql);
  g_assert_cmpstr (chorus_person_get_display_name (chorus_person_panel_get_person (panel)), ==, name);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (DISTINCT p.conversation_id) FROM posts p"
                         " JOIN identities i ON i.id = p.author_id WHERE i.person_id = %" G_GINT64_FORMAT,
                         person_id);
  g_assert_cmpint (chorus_person_panel_get_n_history_rows (panel), ==,
                   chorus_test_db_query_int (_chorus_store_get_db (chorus_window_get_store (window)), sql));
  g_assert_cmpuint (chorus_person_panel_get_n_history_rows (panel), >, 0);

  /* A pill toggled in the pane ends in the pane's toast, which can undo it. */
  segment = CHORUS_PERSON_SEGMENT_VIP;
  while (gtk_toggle_button_get_active (chorus_person_panel_get_segment_button (panel, segment)))
    segment >>= 1;
  gtk_toggle_button_set_active (chorus_person_panel_get_segment_button (panel, segment), TRUE);
  g_assert_true (chorus_test_spin_until (has_toast, pane, CHORUS_TEST_WAIT_MS));
  if (english () && segment == CHORUS_PERSON_SEGMENT_VIP)
    g_assert_cmpstr (adw_toast_get_title (chorus_conversations_pane_get_last_toast (pane)), ==,
                     "Added to the “VIP” segment");
  g_assert_nonnull (adw_toast_get_button_label (chorus_conversations_pane_get_last_toast (pane)));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM person_segments WHERE segment = '%s'"
                         " AND person_id = %" G_GINT64_FORMAT, chorus_person_segment_key (segment), person_id);
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (chorus_window_get_store (window)), sql), ==, 1);
  {
    SegmentUndo undo = { panel, segment };

    g_signal_emit_by_name (chorus_conversations_pane_get_last_toast (pane), "button-clicked");
    g_assert_true (chorus_test_spin_until (segment_undone, &undo, CHORUS_TEST_WAIT_MS));
    g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (chorus_window_get_store (window)), sql), ==, 0);
  }

  g_assert_true (chorus_test_spin_until (stack_settled, window->main_stack, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (stack_settled, pages, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (window), panel);
  test_destroy_window (window);
}

/* Merges */

typedef struct
{
  ChorusPersonPanel *panel;
  guint              n_identities;
  guint              n_suggestions;
} Shown;

static gboolean
panel_shows (gpointer data)
{
  Shown *shown = data;

  return panel_loaded (shown->panel) &&
         chorus_person_get_identities (chorus_person_panel_get_person (shown->panel))->len == shown->n_identities &&
         chorus_person_panel_get_n_suggestions (shown->panel) == shown->n_suggestions;
}

static void
wait_for_panel (ChorusPersonPanel *panel,
                guint              n_identities,
                guint              n_suggestions)
{
  Shown shown = { panel, n_identities, n_suggestions };

  if (!chorus_test_spin_until (panel_shows, &shown, CHORUS_TEST_WAIT_MS))
    g_error ("Expected %u accounts and %u suggestions; the panel shows %u and %u", n_identities, n_suggestions,
             chorus_person_panel_get_person (panel) != NULL
               ? chorus_person_get_identities (chorus_person_panel_get_person (panel))->len : 0,
             chorus_person_panel_get_n_suggestions (panel));
}

static void
show_and_wait (Rig    *rig,
               gint64  person_id)
{
  chorus_person_panel_show (rig->panel, rig->store, person_id);
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));
}

static gboolean
undone (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Suggestions and the opt-out caption; Not the Same; Merge, then its undo
 * through chorus_store_undo_async() as the pane's toast calls it. */
static void
test_suggestions (Rig           *rig,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _chorus_store_get_db (rig->store);

  show_and_wait (rig, GARCIA_NOINDEX);
  g_assert_cmpuint (chorus_person_panel_get_n_suggestions (rig->panel), ==, 0);
  if (english ())
    g_assert_cmpstr (chorus_person_panel_get_opt_out_text (rig->panel), ==, "Asked not to be indexed or suggested");
  if (g_getenv ("CHORUS_PERSON_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("CHORUS_PERSON_SHOTS"), "person-opted-out.png", NULL);

      settle (500);
      save_screenshot (rig->window, shot);
    }
  show_and_wait (rig, GARCIA_BOT);
  if (english ())
    g_assert_cmpstr (chorus_person_panel_get_opt_out_text (rig->panel), ==, "Automated account");
  g_assert_cmpstr (chorus_person_panel_get_opt_out_text (rig->panel), !=, "");

  show_and_wait (rig, GARCIA);
  g_assert_cmpuint (chorus_person_panel_get_n_suggestions (rig->panel), ==, 2);
  g_assert_cmpstr (chorus_person_panel_get_opt_out_text (rig->panel), ==, "");

  g_signal_emit_by_name (chorus_person_panel_get_suggestion_button (rig->panel, 1, FALSE), "clicked");
  wait_for_panel (rig->panel, 1, 1);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM merge_dismissals"
                                                 " WHERE person_a = 10 AND person_b = 12"), ==, 1);
  if (english ())
    g_assert_cmpstr (rig->message, ==, "\u2068ÁNA  garcia\u2069 will not be suggested again");

  g_signal_emit_by_name (chorus_person_panel_get_suggestion_button (rig->panel, 0, TRUE), "clicked");
  wait_for_panel (rig->panel, 2, 0);
  g_assert_cmpint (rig->audit_id, >, 0);
  if (english ())
    g_assert_cmpstr (rig->message, ==, "Merged \u2068Ana\u2069 into \u2068Ana García\u2069");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT person_id FROM identities WHERE id = 11"), ==, GARCIA);

  chorus_store_undo_async (rig->store, rig->audit_id, NULL, chorus_test_async_result_cb, &result);
  g_assert_true (chorus_test_spin_until (undone, &result, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_store_undo_finish (rig->store, result, NULL, &error));
  g_assert_no_error (error);
  /* Ana is suggested again; the forum account, dismissed, is not. */
  wait_for_panel (rig->panel, 1, 1);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT person_id FROM identities WHERE id = 11"), ==, GARCIA_SKY);
}

static gboolean
identity_back (gpointer data)
{
  return chorus_test_db_query_int (data, "SELECT person_id FROM identities WHERE id = 11") == GARCIA_SKY;
}

static void
shoot_merges (GtkWindow  *window)
{
  const char *dir = g_getenv ("CHORUS_PERSON_SHOTS");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_strdup_printf ("person-merges-%s-%s.png", english () ? "en" : "es",
                                               i == 0 ? "light" : "dark");
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      settle (800);
      save_screenshot (window, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* In the pane: Merge ends in a toast whose Undo puts the person back. */
static void
test_merge_in_pane (void)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autofree char *path = NULL;
  ChorusConversationsPane *pane;
  ChorusPersonPanel *panel;
  ChorusWindow *window;
  GListModel *model;
  AdwToast *toast;
  sqlite3 *db;
  guint position = 0;

  store = test_create_workspace ("merges.chorus", &path);
  chorus_test_seed_merges_workspace (store);
  g_clear_object (&store);

  window = test_open_window (path);
  db = _chorus_store_get_db (chorus_window_get_store (window));
  pane = CHORUS_CONVERSATIONS_PANE (window->conversations_pane);
  g_assert_true (chorus_test_spin_until (has_conversations, pane, CHORUS_TEST_WAIT_MS));
  model = chorus_conversations_pane_get_model (pane);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusConversation) conversation = g_list_model_get_item (model, i);

      if (chorus_conversation_get_author_person_id (conversation) == GARCIA)
        position = i;
    }

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_widget_get_template_child (GTK_WIDGET (pane),
                                                                                      CHORUS_TYPE_CONVERSATIONS_PANE,
                                                                                      "selection")),
                                   position, TRUE);
  panel = find_descendant (GTK_WIDGET (pane), CHORUS_TYPE_PERSON_PANEL);
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel))), "person");
  wait_for_panel (panel, 1, 2);
  g_assert_cmpint (chorus_person_panel_get_person_id (panel), ==, GARCIA);
  shoot_merges (GTK_WINDOW (window));

  g_signal_emit_by_name (chorus_person_panel_get_suggestion_button (panel, 0, TRUE), "clicked");
  g_assert_true (chorus_test_spin_until (has_toast, pane, CHORUS_TEST_WAIT_MS));
  wait_for_panel (panel, 2, 1);
  toast = chorus_conversations_pane_get_last_toast (pane);
  if (english ())
    g_assert_cmpstr (adw_toast_get_title (toast), ==, "Merged \u2068Ana\u2069 into \u2068Ana García\u2069");
  g_assert_nonnull (adw_toast_get_button_label (toast));

  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_true (chorus_test_spin_until (identity_back, db, CHORUS_TEST_WAIT_MS));
  wait_for_panel (panel, 1, 2);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM people WHERE merged_into IS NOT NULL"), ==, 0);

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add ("/chorus/person-panel/show", Rig, NULL, rig_set_up, test_show, rig_tear_down);
  g_test_add ("/chorus/person-panel/toggle-segment", Rig, NULL, rig_set_up, test_toggle_segment, rig_tear_down);
  g_test_add ("/chorus/person-panel/long-history", Rig, NULL, rig_set_up, test_long_history, rig_tear_down);
  g_test_add_func ("/chorus/person-panel/in-pane", test_in_pane);
  g_test_add ("/chorus/person-panel/suggestions", Rig, "merges", rig_set_up, test_suggestions, rig_tear_down);
  g_test_add_func ("/chorus/person-panel/merge-in-pane", test_merge_in_pane);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
