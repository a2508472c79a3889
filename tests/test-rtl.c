/* test-rtl.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real window right to left, as in an Arabic or Hebrew locale, on a
 * sample workspace. There GTK takes the direction from its own catalog,
 * once Chorus has a catalog for the language too (README, Translating);
 * the test sets it as GTK then does, whatever the locale. In each pane what reads first sits
 * on the right, measured on the widgets as laid out: the sidebars right of
 * their lists, progress bars filled from the right, the newest day of the
 * insight chart on the left, the pre-test chart's bars growing from the
 * right edge, the gallery and the ranking read from the right; the PDF
 * reports, rendered with pdftoppm, mirror too. With CHORUS_RTL_SHOTS
 * naming a folder, each pane and its main dialogs are saved there, light
 * and dark, with the reports' first pages, for a person to look at. */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "chorus-account-dialog.h"
#include "chorus-campaign-editor.h"
#include "chorus-campaign-launch.h"
#include "chorus-campaign-page.h"
#include "chorus-campaign-report.h"
#include "chorus-challenge-editor.h"
#include "chorus-challenge-report.h"
#include "chorus-challenge-results.h"
#include "chorus-conversation-list.h"
#include "chorus-conversations-pane-private.h"
#include "chorus-insight-strip.h"
#include "chorus-pretests-pane.h"
#include "chorus-sample.h"
#include "chorus-share-chart.h"
#include "chorus-submission-tile.h"

#include "chorus-test-window.h"

static char *sample_path;

static void
shoot (GtkWindow  *window,
       const char *what)
{
  test_shoot (window, "CHORUS_RTL_SHOTS", "rtl", what);
}

/* @widget's bounds in @window's coordinates. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           gpointer   window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  g_test_message ("%s: x %.0f, width %.0f", G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.size.width);
  return bounds;
}

/* @first, which reads first, is wholly right of @then. */
static void
assert_reads_before (GtkWidget *first,
                     GtkWidget *then,
                     gpointer   window)
{
  graphene_rect_t a = bounds_in (first, window);
  graphene_rect_t b = bounds_in (then, window);

  g_assert_cmpfloat (b.size.width, >, 0);
  g_assert_cmpfloat (a.size.width, >, 0);
  g_assert_cmpfloat (a.origin.x, >=, b.origin.x + b.size.width - 1);
}

static ChorusWindow *
open_window (void)
{
  ChorusWindow *window = test_open_window (sample_path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  return window;
}

/* A GtkProgressBar draws its fill as a child of its trough; right to left
 * it is flush with the trough's right edge. */
static void
assert_fills_from_right (GtkWidget *bar,
                         gpointer   window)
{
  GtkWidget *trough = gtk_widget_get_first_child (bar);
  GtkWidget *fill = trough != NULL ? gtk_widget_get_first_child (trough) : NULL;
  graphene_rect_t outer, inner;

  g_assert_nonnull (fill);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), <, 1);
  outer = bounds_in (trough, window);
  inner = bounds_in (fill, window);
  g_assert_cmpfloat (inner.size.width, <, outer.size.width);
  g_assert_cmpfloat (fabs ((inner.origin.x + inner.size.width) - (outer.origin.x + outer.size.width)), <=, 1);
}

/* A dialog opened by @action on @widget, looked at, then closed. */
static void
look_at_dialog (GtkWidget  *widget,
                const char *action,
                GType       type,
                const char *what)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  dialog = test_find_toplevel (type);
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (dialog)), ==, GTK_TEXT_DIR_RTL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  shoot (dialog, what);
  gtk_window_destroy (dialog);
  test_settle (100);
}

/* ---- Conversations ---- */

static gboolean
inbox_listed (gpointer data)
{
  ChorusConversationsPane *pane = data;
  GListModel *model = chorus_conversations_pane_get_model (pane);
  const ChorusInsights *insights = chorus_insight_strip_get_insights (pane->insight_strip);

  return model != NULL && g_list_model_get_n_items (model) > 0 &&
         !chorus_conversation_list_get_loading (CHORUS_CONVERSATION_LIST (model)) &&
         insights != NULL && insights->n_days > 1 &&
         chorus_insight_strip_get_day_x (pane->insight_strip, 0) >= 0;
}

static gboolean
thread_shown (gpointer data)
{
  ChorusConversationsPane *pane = data;

  return gtk_stack_get_visible_child (pane->thread_stack) == GTK_WIDGET (pane->thread_box) &&
         gtk_widget_is_drawable (GTK_WIDGET (pane->thread_view));
}

static void
test_conversations (void)
{
  ChorusWindow *window = open_window ();
  ChorusConversationsPane *pane = CHORUS_CONVERSATIONS_PANE (window->conversations_pane);
  const ChorusInsights *insights;

  g_assert_true (chorus_test_spin_until (inbox_listed, pane, CHORUS_TEST_WAIT_MS));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (pane->selection), 0, TRUE);
  g_assert_true (chorus_test_spin_until (thread_shown, pane, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Sidebar, then the list, then the thread, from right to left. */
  assert_reads_before (GTK_WIDGET (pane->sidebar), GTK_WIDGET (pane->list_view), window);
  assert_reads_before (GTK_WIDGET (pane->list_view), GTK_WIDGET (pane->thread_box), window);

  /* The insight chart reads from the right: the oldest day there, the
   * newest on the left. */
  insights = chorus_insight_strip_get_insights (pane->insight_strip);
  g_assert_cmpfloat (chorus_insight_strip_get_day_x (pane->insight_strip, insights->n_days - 1), <,
                     chorus_insight_strip_get_day_x (pane->insight_strip, 0));
  g_assert_cmpfloat (chorus_insight_strip_get_day_x (pane->insight_strip, 0), >,
                     gtk_widget_get_width (GTK_WIDGET (pane->insight_strip)) / 2.0);

  shoot (GTK_WINDOW (window), "conversations");
  test_destroy_window (window);
}

/* ---- Pre-tests ---- */

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = test_collect (root, type);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_is_drawable (found->pdata[i]))
      return found->pdata[i];

  return NULL;
}

static gboolean
campaigns_listed (gpointer data)
{
  GtkWidget *pane = data;
  GtkWidget *list = find_first (pane, GTK_TYPE_LIST_BOX);

  return g_list_model_get_n_items (chorus_pretests_pane_get_campaigns (CHORUS_PRETESTS_PANE (pane))) > 0 &&
         list != NULL && gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL &&
         find_first (pane, GTK_TYPE_PROGRESS_BAR) != NULL;
}

static gboolean
chart_shown (gpointer data)
{
  GtkWidget *chart = find_first (data, CHORUS_TYPE_SHARE_CHART);
  double zero, end;

  return chart != NULL && gtk_widget_get_width (chart) > 0 &&
         chorus_share_chart_get_bar_span (CHORUS_SHARE_CHART (chart), 0, &zero, &end);
}

/* Cairo's ARGB32, little-endian: blue, green, red, alpha. */
typedef gboolean (*PixelTest) (const guchar *bgra);

/* The accent colour (#1c71d8), the leading variant's bar. */
static gboolean
is_accent (const guchar *p)
{
  return abs (p[2] - 0x1c) < 8 && abs (p[1] - 0x71) < 8 && abs (p[0] - 0xd8) < 8;
}

/* Colour, not the grey ink of text: a picture. */
static gboolean
is_colourful (const guchar *p)
{
  return MAX (p[0], MAX (p[1], p[2])) - MIN (p[0], MIN (p[1], p[2])) > 60;
}

/* Renders the first page of the PDF at @pdf at 72 dpi (a pixel per point)
 * and gives the left and right ends of the pixels that pass @test, or
 * @left > @right when none does. */
static void
find_pixels (const char *pdf,
             PixelTest   test,
             int        *left,
             int        *right)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (pdf, "-page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height;

  g_free (chorus_test_run_program ((const char *[]) { "pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1",
                                                      "-singlefile", pdf, prefix, NULL }));
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  *left = width;
  *right = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (test (pixels + ((gsize) y * width + x) * 4))
        {
          *left = MIN (*left, x);
          *right = MAX (*right, x);
        }

  if (g_getenv ("CHORUS_RTL_SHOTS") != NULL)
    {
      g_autofree char *base = g_path_get_basename (png);
      g_autofree char *shot = g_build_filename (g_getenv ("CHORUS_RTL_SHOTS"), base, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (png);
      g_autoptr(GFile) to = g_file_new_for_path (shot);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }
}

/* The campaign's PDF report mirrors too: the leading bar of its chart
 * starts at the right margin (595 × 842 points, 48 points of margin). */
static void
assert_campaign_report_mirrored (ChorusCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAnalysis) analysis = chorus_campaign_analyse (campaign, &error);
  g_autofree char *pdf = g_build_filename (test_dir, "rtl-campaign-report.pdf", NULL);
  int left, right;

  g_assert_no_error (error);
  g_assert_true (chorus_campaign_report_write_pdf (campaign, analysis, pdf, &error));
  g_assert_no_error (error);
  find_pixels (pdf, is_accent, &left, &right);
  g_test_message ("the leading bar runs from %d to %d", left, right);
  g_assert_cmpint (right, >=, 595 - 48 - 2);
  g_assert_cmpint (right, <=, 595 - 48 + 2);
  g_assert_cmpint (left, >, 48 + 10);
}

static void
test_pretests (void)
{
  ChorusWindow *window = open_window ();
  GtkWidget *pane = window->pretests_pane;
  GtkWidget *list;
  GtkWidget *chart;
  double zero, end, ltr_zero, ltr_end;
  int width;

  chorus_window_set_visible_pane (window, "pretests");
  g_assert_true (chorus_test_spin_until (campaigns_listed, pane, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Each card's share of the votes fills from the right. */
  assert_fills_from_right (find_first (pane, GTK_TYPE_PROGRESS_BAR), window);
  shoot (GTK_WINDOW (window), "pretests");
  look_at_dialog (pane, "pretests.new", CHORUS_TYPE_CAMPAIGN_EDITOR, "campaign-editor");

  list = find_first (pane, GTK_TYPE_LIST_BOX);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_true (chorus_test_spin_until (chart_shown, pane, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The chart's bars start at its right edge and grow leftwards; left to
   * right the same bar is the mirror image. */
  chart = find_first (pane, CHORUS_TYPE_SHARE_CHART);
  width = gtk_widget_get_width (chart);
  g_assert_cmpint (gtk_widget_get_direction (chart), ==, GTK_TEXT_DIR_RTL);
  g_assert_true (chorus_share_chart_get_bar_span (CHORUS_SHARE_CHART (chart), 0, &zero, &end));
  g_assert_cmpfloat (zero, ==, width);
  g_assert_cmpfloat (end, <, zero);
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_LTR);
  g_assert_true (chorus_share_chart_get_bar_span (CHORUS_SHARE_CHART (chart), 0, &ltr_zero, &ltr_end));
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_NONE);
  g_assert_cmpfloat (ltr_zero, ==, 0);
  g_assert_cmpfloat (fabs (ltr_end - (width - end)), <, 0.001);

  shoot (GTK_WINDOW (window), "campaign");
  assert_campaign_report_mirrored (chorus_campaign_page_get_campaign (CHORUS_CAMPAIGN_PAGE (find_first (pane,
                                                                                  CHORUS_TYPE_CAMPAIGN_PAGE))));
  look_at_dialog (find_first (pane, CHORUS_TYPE_CAMPAIGN_PAGE), "campaign.launch", CHORUS_TYPE_CAMPAIGN_LAUNCH,
                  "campaign-launch");
  test_destroy_window (window);
}

/* ---- Designs ---- */

static gboolean
gallery_shown (gpointer data)
{
  ChorusDesignsPane *pane = data;
  GtkWidget *grid = find_first (GTK_WIDGET (pane), GTK_TYPE_GRID_VIEW);

  return g_list_model_get_n_items (chorus_designs_pane_get_submissions (pane)) > 0 && grid != NULL &&
         gtk_widget_get_width (grid) > 0;
}

/* The stack of the challenge's Gallery and Results. */
static GtkStack *
find_views (GtkWidget *pane)
{
  g_autoptr(GPtrArray) stacks = test_collect (pane, GTK_TYPE_STACK);

  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "results") != NULL)
      return stacks->pdata[i];

  g_error ("the Designs pane has no Results");
}

/* The label of @root that says @text, shown. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = test_collect (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) && g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  g_error ("no label says %s", text);
}

static gboolean
results_shown (gpointer data)
{
  g_autoptr(GPtrArray) labels = test_collect (data, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), _("Flags")) == 0)
      return TRUE;

  return FALSE;
}

/* The tile that shows the gallery's entry @position. */
static GtkWidget *
find_tile (ChorusDesignsPane *pane,
           guint              position)
{
  g_autoptr(ChorusSubmission) submission = g_list_model_get_item (chorus_designs_pane_get_submissions (pane), position);
  g_autoptr(GPtrArray) tiles = test_collect (GTK_WIDGET (pane), CHORUS_TYPE_SUBMISSION_TILE);

  for (guint i = 0; i < tiles->len; i++)
    if (gtk_widget_is_drawable (tiles->pdata[i]) &&
        chorus_submission_tile_get_submission (tiles->pdata[i]) == submission)
      return tiles->pdata[i];

  g_error ("no tile shows the entry at %u", position);
}

/* The challenge's PDF report mirrors: the entries' thumbnails, beside
 * their rank at the start of each row, are on the right half of the
 * page. */
static void
assert_challenge_report_mirrored (ChorusChallenge        *challenge,
                                  ChorusChallengeResults *results)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (test_dir, "rtl-challenge-report.pdf", NULL);
  int left, right;

  g_assert_true (chorus_challenge_report_write_pdf (challenge, chorus_challenge_results_get_ranking (results),
                                                    chorus_challenge_results_get_awards (results), pdf, &error));
  g_assert_no_error (error);
  g_object_unref (challenge);
  find_pixels (pdf, is_colourful, &left, &right);
  g_test_message ("the thumbnails run from %d to %d", left, right);
  g_assert_cmpint (left, <=, right);
  g_assert_cmpint (left, >, 595 / 2);
  g_assert_cmpint (right, <=, 595 - 48 + 1);
}

static void
test_designs (void)
{
  ChorusWindow *window = open_window ();
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  ChorusChallenge *challenge;
  GtkWidget *results;
  GtkStack *views;
  guint position;
  gint64 id;

  chorus_window_set_visible_pane (window, "designs");
  g_assert_true (chorus_test_spin_until (test_has_challenges, pane, CHORUS_TEST_WAIT_MS));
  challenge = g_list_model_get_item (chorus_designs_pane_get_challenges (pane), 0);
  id = chorus_challenge_get_id (challenge);
  g_clear_object (&challenge);
  test_select_challenge (pane, id);
  g_assert_true (chorus_test_spin_until (gallery_shown, pane, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The challenges, then the gallery, from right to left. */
  assert_reads_before (find_first (GTK_WIDGET (pane), GTK_TYPE_LIST_BOX),
                       find_first (GTK_WIDGET (pane), GTK_TYPE_GRID_VIEW), window);
  /* The gallery's first entry is on the right of its row. */
  g_assert_cmpuint (g_list_model_get_n_items (chorus_designs_pane_get_submissions (pane)), >=, 2);
  assert_reads_before (find_tile (pane, 0), find_tile (pane, 1), window);
  shoot (GTK_WINDOW (window), "designs-gallery");

  /* The ranking's columns read from the right: the rank first, the flags
   * last. */
  views = find_views (GTK_WIDGET (pane));
  gtk_stack_set_visible_child_name (views, "results");
  results = gtk_stack_get_child_by_name (views, "results");
  g_assert_true (chorus_test_spin_until (results_shown, results, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_reads_before (find_label (results, C_("ranking", "#")), find_label (results, _("Flags")), window);
  shoot (GTK_WINDOW (window), "designs-results");
  assert_challenge_report_mirrored (test_find_challenge (pane, id, &position), CHORUS_CHALLENGE_RESULTS (results));

  look_at_dialog (GTK_WIDGET (pane), "designs.new", CHORUS_TYPE_CHALLENGE_EDITOR, "challenge-editor");
  look_at_dialog (GTK_WIDGET (window), "win.add-account", CHORUS_TYPE_ACCOUNT_DIALOG, "account-dialog");
  test_destroy_window (window);
}

/* ---- Icons ---- */

/* Our own directional icon has a mirrored twin that GTK picks right to
 * left, as it does the theme's go-next-symbolic-rtl. */
static void
test_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const char *names[] = { "chorus-conversations-symbolic", "go-next-symbolic" };

  /* The application's resources are registered with it. */
  test_get_application ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkIconPaintable) rtl = gtk_icon_theme_lookup_icon (theme, names[i], NULL, 16, 1,
                                                                     GTK_TEXT_DIR_RTL, 0);
      g_autoptr(GtkIconPaintable) ltr = gtk_icon_theme_lookup_icon (theme, names[i], NULL, 16, 1,
                                                                     GTK_TEXT_DIR_LTR, 0);
      g_autoptr(GFile) rtl_file = gtk_icon_paintable_get_file (rtl);
      g_autoptr(GFile) ltr_file = gtk_icon_paintable_get_file (ltr);
      g_autofree char *rtl_uri = g_file_get_uri (rtl_file);
      g_autofree char *ltr_uri = g_file_get_uri (ltr_file);

      g_test_message ("%s: %s, %s", names[i], ltr_uri, rtl_uri);
      g_assert_null (strstr (ltr_uri, "-rtl"));
      g_assert_nonnull (strstr (rtl_uri, "-rtl"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  test_window_init (&argc, &argv);
  /* What GTK does in an RTL locale, whatever the locale of the test. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  sample_path = g_build_filename (test_dir, "Sample.chorus", NULL);
  if (!chorus_sample_generate (sample_path, 400, 7, NULL, NULL, &error))
    g_error ("Could not generate the sample: %s", error->message);

  g_test_add_func ("/chorus/rtl/icons", test_icons);
  g_test_add_func ("/chorus/rtl/conversations", test_conversations);
  g_test_add_func ("/chorus/rtl/pretests", test_pretests);
  g_test_add_func ("/chorus/rtl/designs", test_designs);

  ret = g_test_run ();

  g_clear_pointer (&sample_path, g_free);
  test_window_finish ();
  return ret;
}
