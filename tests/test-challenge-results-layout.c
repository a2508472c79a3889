/* test-challenge-results-layout.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Results view's ranking laid out at 1200 and 900 px, in the real
 * window on a sample workspace: a winner with a long title keeps room for
 * its first words beside its place badge, the table fits the pane to its
 * last column, and every column title reads whole, the scores of the
 * columns that gave way shown under each entry instead. With
 * CHORUS_DESIGNS_SHOTS naming a folder, the view is saved there at each
 * width. */

#include "config.h"

#include <string.h>

#include "chorus-results-format.h"
#include "chorus-sample.h"

#include "challenge-results-fixture.h"

#define LONG_TITLE "Misty switchbacks above the tree line at first light, drawn for the Summit Tee 2026"

/* The title label of the ranking row of @title, or NULL. */
static GtkWidget *
find_title_label (Flow       *flow,
                  const char *title)
{
  g_autoptr(GPtrArray) labels = test_collect (GTK_WIDGET (flow->results), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), title) == 0 && gtk_widget_get_mapped (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

/* Whether @badge got at least the width it asks for: the table has been
 * laid out again at the window's new width. */
static gboolean
badge_laid_out (gpointer badge)
{
  graphene_rect_t box;
  int natural;

  gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return gtk_widget_compute_bounds (badge, badge, &box) && box.size.width >= natural;
}

/* No label in the header row of @table ends in an ellipsis or is cut:
 * each has at least the width its text needs. Returns: how many show. */
static guint
assert_titles_whole (GtkWidget *table)
{
  GtkWidget *header = gtk_widget_get_first_child (table);
  g_autoptr(GPtrArray) labels = test_collect (header, GTK_TYPE_LABEL);
  guint shown = 0;

  g_assert_cmpstr (gtk_widget_get_css_name (header), ==, "header");
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = gtk_label_get_layout (labels->pdata[i]);
      PangoRectangle logical;

      if (!gtk_widget_is_drawable (labels->pdata[i]) || *gtk_label_get_label (labels->pdata[i]) == '\0')
        continue;
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      g_assert_false (pango_layout_is_ellipsized (layout));
      g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
      g_assert_cmpint (logical.width, <=, gtk_widget_get_width (labels->pdata[i]));
      shown++;
    }
  return shown;
}

static gboolean
table_fits (gpointer table)
{
  int min;

  gtk_widget_measure (table, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min <= gtk_widget_get_width (gtk_widget_get_parent (table));
}

/* At @width, a long title beside its place badge keeps room for its
 * first words, in at most two lines, with the whole of it in its tooltip,
 * and the badge keeps its size. */
static void
check_long_title (Flow *flow,
                  int   width)
{
  g_autofree char *place = chorus_format_place (1);
  g_autofree char *what = g_strdup_printf ("long-title-%d", width);
  GtkWidget *title;
  GtkWidget *badge;
  PangoLayout *layout;
  graphene_rect_t title_box, badge_box;
  g_autoptr(GPtrArray) tables = NULL;
  GtkWidget *table;
  int natural, table_min;
  guint shown;

  gtk_window_set_default_size (GTK_WINDOW (flow->window), width, 860);
  test_settle (600);
  test_show_challenge_content (CHORUS_DESIGNS_PANE (flow->window->designs_pane));
  shoot (GTK_WINDOW (flow->window), what);
  title = find_title_label (flow, LONG_TITLE);
  g_assert_nonnull (title);
  badge = gtk_widget_get_next_sibling (title);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, place);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, LONG_TITLE);
  g_assert_true (chorus_test_spin_until (badge_laid_out, badge, CHORUS_TEST_WAIT_MS));

  /* Bounds with the padding, as measured. */
  g_assert_true (gtk_widget_compute_bounds (badge, badge, &badge_box));
  g_assert_true (gtk_widget_compute_bounds (title, title, &title_box));
  gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpfloat (badge_box.size.width, >=, natural);
  /* Room for eight characters at least: far from an ellipsis alone. */
  g_assert_cmpfloat (title_box.size.width, >=, 2 * badge_box.size.width);
  layout = gtk_label_get_layout (GTK_LABEL (title));
  g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
  g_test_message ("at %d px: title %.0f px, badge %.0f px, %d lines", width, title_box.size.width,
                  badge_box.size.width, pango_layout_get_line_count (layout));

  /* The whole table fits the pane, to its last column (the entry's menu):
   * nothing to scroll sideways to. */
  tables = test_collect (GTK_WIDGET (flow->results), GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (tables->len, ==, 1);
  table = tables->pdata[0];
  /* The columns give way at idle once the pane was allocated, which can
   * take a while under the sanitizers. */
  chorus_test_spin_until (table_fits, table, CHORUS_TEST_WAIT_MS);
  gtk_widget_measure (table, GTK_ORIENTATION_HORIZONTAL, -1, &table_min, NULL, NULL, NULL);
  g_test_message ("at %d px: table needs %d px of %d", width, table_min, gtk_widget_get_width (gtk_widget_get_parent (table)));
  g_assert_cmpint (table_min, <=, gtk_widget_get_width (gtk_widget_get_parent (table)));

  /* Every column title reads whole ("Me…" was the mean's at 900 px):
   * at 1200 px all eight; narrower, the mean and Bayesian columns may give
   * way, and their scores show under each entry's title. */
  shown = assert_titles_whole (table);
  if (width >= 1200 && g_getenv ("CHORUS_TEST_LANGUAGE") == NULL)
    g_assert_cmpuint (shown, ==, 8);
  if (shown < 8)
    {
      ChorusRanking *ranking = chorus_challenge_results_get_ranking (CHORUS_CHALLENGE_RESULTS (flow->results));
      g_autofree char *bayesian = chorus_format_score (chorus_ranking_get_entry (ranking, 0)->bayesian_average, 2);
      GtkWidget *author = gtk_widget_get_next_sibling (gtk_widget_get_parent (title));
      GtkWidget *scores = gtk_widget_get_next_sibling (author);

      g_assert_cmpuint (shown, ==, 6);
      g_test_message ("at %d px: under the author, “%s”", width, gtk_label_get_label (GTK_LABEL (scores)));
      g_assert_true (gtk_widget_is_drawable (scores));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (scores)), bayesian));
    }
}

static void
test_long_title (void)
{
  g_autofree char *path = g_build_filename (test_dir, "long-title.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  Flow flow = { 0, };
  sqlite3 *db;
  gint64 challenge, top;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  db = _chorus_store_get_db (store);
  challenge = chorus_test_db_query_int (db, "SELECT id FROM challenges WHERE voting_close_at > strftime ('%s', 'now')");
  ranking = chorus_store_rank_challenge (store, challenge, &error);
  g_assert_no_error (error);
  top = chorus_ranking_get_entry (ranking, 0)->submission_id;
  chorus_test_db_exec (db, "UPDATE submissions SET title = '" LONG_TITLE "' WHERE id = %" G_GINT64_FORMAT, top);
  chorus_test_db_exec (db, "DELETE FROM winners WHERE challenge_id = %" G_GINT64_FORMAT, challenge);
  g_assert_cmpint (chorus_store_choose_winner (store, challenge, top, 1, "Clear favourite", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  open_results (&flow, path);
  check_long_title (&flow, 1200);
  check_long_title (&flow, 900);

  test_destroy_window (flow.window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/challenge-results/long-title", test_long_title);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
