/* test-challenge-editor.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Creating and editing a design challenge as a person does, in the real
 * window on a sample workspace: New Challenge opens the editor, the
 * fields are filled through their widgets (dates picked on calendars,
 * jurors checked, criteria added), a hashtag with a space is refused in
 * the band above the form with nothing saved, and the saved challenge is
 * listed and selected, with its jury and criteria in the workspace. Edit
 * Challenge shows it again; a changed title and a removed criterion are
 * saved while the kept criterion keeps its id, and removing a criterion
 * the jury already scored is refused. On a workspace without challenges,
 * the empty page offers New Challenge. With CHORUS_DESIGNS_SHOTS naming a
 * folder, the editor and the pane are saved there, light and dark. */

#include "config.h"

#include "chorus-challenge-draft.h"
#include "chorus-challenge-editor.h"
#include "chorus-challenge.h"
#include "chorus-date-row.h"
#include "chorus-designs-pane.h"
#include "chorus-format.h"
#include "chorus-sample.h"
#include "chorus-store-private.h"

#include "chorus-test-window.h"

#define TITLE   "Winter Beanie 2026"
#define HASHTAG "WinterBeanie26"

/* ---- Finding widgets as a person sees them ---- */

static GPtrArray *
widgets_of (gpointer root,
            GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (root), type, found);
  return found;
}

static GtkWidget *
find_row (gpointer    root,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = widgets_of (root, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("no row titled %s", title);
}

static const char *
button_label (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (ADW_IS_BUTTON_CONTENT (child))
    return adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
  return gtk_button_get_label (GTK_BUTTON (button));
}

typedef struct
{
  gpointer    root;
  const char *label;
  GtkWidget  *found;
} ButtonSearch;

static gboolean
button_shown (gpointer data)
{
  ButtonSearch *search = data;
  g_autoptr(GPtrArray) buttons = widgets_of (search->root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (buttons->pdata[i]) &&
        (g_strcmp0 (button_label (buttons->pdata[i]), search->label) == 0 ||
         g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), search->label) == 0))
      {
        search->found = buttons->pdata[i];
        return TRUE;
      }

  return FALSE;
}

/* The button on screen labelled @label, or with @label as its tooltip,
 * once it is shown (a pane fills in after its workspace is read). */
static GtkWidget *
find_button (gpointer    root,
             const char *label)
{
  ButtonSearch search = { root, label, NULL };

  if (!chorus_test_spin_until (button_shown, &search, CHORUS_TEST_WAIT_MS))
    g_error ("no button labelled %s", label);
  return search.found;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkTextView *view,
           const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* The day @days from today, as the editor stores it. */
static gint64
day_from_today (int      days,
                gboolean end_of_day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return chorus_challenge_day_bound (day, end_of_day);
}

/* Picks the day @days from today on the row's calendar, as a click would. */
static void
pick_day (GtkWidget *row,
          int        days)
{
  g_autoptr(GPtrArray) calendars = widgets_of (row, GTK_TYPE_CALENDAR);
  g_autoptr(GPtrArray) buttons = widgets_of (row, GTK_TYPE_MENU_BUTTON);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autofree char *shown = NULL;

  g_assert_cmpuint (calendars->len, ==, 1);
  gtk_calendar_select_day (calendars->pdata[0], day);
  g_signal_emit_by_name (calendars->pdata[0], "day-selected");
  g_assert_cmpint (chorus_date_row_get_time (CHORUS_DATE_ROW (row)), ==,
                   day_from_today (days, chorus_date_row_get_end_of_day (CHORUS_DATE_ROW (row))));
  shown = chorus_format_date (chorus_date_row_get_time (CHORUS_DATE_ROW (row)));
  g_assert_cmpstr (gtk_menu_button_get_label (buttons->pdata[0]), ==, shown);
}

static GtkWidget *
date_row (gpointer    editor,
          const char *title)
{
  return find_row (editor, CHORUS_TYPE_DATE_ROW, title);
}

static void
shoot (GtkWindow  *window,
       const char *what)
{
  test_shoot (window, "CHORUS_DESIGNS_SHOTS", "challenge-editor", what);
}

/* Screenshots of the whole form: its top, middle and bottom. */
static void
shoot_editor (GtkWindow  *editor,
              const char *what)
{
  g_autoptr(GPtrArray) scrollers = widgets_of (editor, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrollers->pdata[0]);
  static const char * const parts[] = { "top", "middle", "bottom" };

  if (g_getenv ("CHORUS_DESIGNS_SHOTS") == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strconcat (what, "-", parts[i], NULL);
      double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, range * i / 2);
      shoot (editor, name);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

/* ---- Waiting ---- */

static gboolean
editor_ready (gpointer data)
{
  ChorusChallengeEditor *editor = test_find_toplevel (CHORUS_TYPE_CHALLENGE_EDITOR);

  return editor != NULL && chorus_challenge_editor_is_ready (editor) && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static gboolean
editor_closed (gpointer data)
{
  return test_find_toplevel (CHORUS_TYPE_CHALLENGE_EDITOR) == NULL;
}

static gboolean
band_shown (gpointer data)
{
  g_autoptr(GPtrArray) revealers = widgets_of (data, GTK_TYPE_REVEALER);

  return gtk_revealer_get_child_revealed (revealers->pdata[0]);
}

static ChorusChallengeEditor *
wait_for_editor (void)
{
  g_assert_true (chorus_test_spin_until (editor_ready, NULL, CHORUS_TEST_WAIT_MS));
  return test_find_toplevel (CHORUS_TYPE_CHALLENGE_EDITOR);
}

static ChorusChallengeEditor *
open_editor (GtkWidget  *pane,
             const char *label)
{
  g_assert_true (chorus_test_spin_until (editor_closed, NULL, CHORUS_TEST_WAIT_MS));
  click (find_button (pane, label));
  return wait_for_editor ();
}

/* Edit Challenge… is in the header's menu of more actions. */
static ChorusChallengeEditor *
open_edit (GtkWidget *pane)
{
  g_assert_true (chorus_test_spin_until (editor_closed, NULL, CHORUS_TEST_WAIT_MS));
  g_assert_true (gtk_widget_activate_action (pane, "designs.edit", NULL));
  return wait_for_editor ();
}

typedef struct
{
  ChorusDesignsPane *pane;
  gint64             id;
} Selection;

static gint64
selected_challenge (ChorusDesignsPane *pane)
{
  g_autoptr(GPtrArray) lists = widgets_of (pane, GTK_TYPE_LIST_BOX);
  g_autoptr(ChorusChallenge) challenge = NULL;
  GtkListBoxRow *row;

  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (lists->pdata[i], "navigation-sidebar") &&
        (row = gtk_list_box_get_selected_row (lists->pdata[i])) != NULL)
      {
        challenge = g_list_model_get_item (chorus_designs_pane_get_challenges (pane), gtk_list_box_row_get_index (row));
        return chorus_challenge_get_id (challenge);
      }
  return 0;
}

static gboolean
pane_selects (gpointer data)
{
  Selection *selection = data;

  return selection->id != 0 && selected_challenge (selection->pane) == selection->id;
}

/* ---- The workspace ---- */

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);

  return chorus_test_db_query_int (db, sql);
}

/* ---- Steps ---- */

/* Fills in the form for TITLE with @hashtag, as a person would. */
static void
fill_new (ChorusChallengeEditor *editor,
          sqlite3               *db,
          const char            *hashtag)
{
  g_autoptr(GPtrArray) views = widgets_of (editor, GTK_TYPE_TEXT_VIEW);
  g_autoptr(GPtrArray) scales = widgets_of (editor, GTK_TYPE_SCALE);
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *weighting = chorus_format_weighting (0.7);
  const char *criterion_title = C_("challenge field", "Criterion");

  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, C_("challenge field", "Title"))), TITLE);
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, C_("challenge field", "Hashtag"))),
                         hashtag);
  g_assert_cmpuint (views->len, ==, 4);
  type_into (views->pdata[0], "A beanie for cold trail mornings: one or two colours, knitted.");
  type_into (views->pdata[1], "You grant Tallpine a licence to knit and sell the design; you keep the copyright.");
  type_into (views->pdata[2], "€300 and the first beanie off the line");
  type_into (views->pdata[3], "Community members aged 16 or over.");

  /* Voting opens while entries still arrive, as on Threadless. */
  pick_day (date_row (editor, C_("challenge field", "Entries open")), 1);
  pick_day (date_row (editor, C_("challenge field", "Entries close")), 21);
  pick_day (date_row (editor, C_("challenge field", "Voting opens")), 14);
  pick_day (date_row (editor, C_("challenge field", "Voting closes")), 30);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW,
                                                       C_("challenge field", "Voting scale"))), 1);
  gtk_range_set_value (scales->pdata[0], 70);
  g_assert_true (test_shows_label (GTK_WIDGET (editor), weighting));

  /* The first two team members judge, on two criteria. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = chorus_test_db_query_text (db, i == 0 ? "SELECT name FROM team_members WHERE id = 1"
                                                                    : "SELECT name FROM team_members WHERE id = 2");
      g_autoptr(GPtrArray) checks = widgets_of (find_row (editor, ADW_TYPE_ACTION_ROW, name), GTK_TYPE_CHECK_BUTTON);

      gtk_check_button_set_active (checks->pdata[0], TRUE);
    }
  click (find_button (editor, _("_Add Criterion")));
  click (find_button (editor, _("_Add Criterion")));
  criteria = widgets_of (editor, ADW_TYPE_ENTRY_ROW);
  g_ptr_array_remove_range (criteria, 0, 2);
  g_assert_cmpuint (criteria->len, ==, 2);
  for (guint i = 0; i < criteria->len; i++)
    {
      g_autoptr(GPtrArray) spins = widgets_of (criteria->pdata[i], GTK_TYPE_SPIN_BUTTON);

      g_assert_cmpstr (adw_preferences_row_get_title (criteria->pdata[i]), ==, criterion_title);
      gtk_editable_set_text (criteria->pdata[i], i == 0 ? "Originality" : "Warmth");
      gtk_spin_button_set_value (spins->pdata[0], i == 0 ? 2 : 1);
    }
}

static void
save (ChorusChallengeEditor *editor)
{
  click (find_button (editor, _("_Save")));
}

static gint64
create_challenge (ChorusWindow *window,
                  sqlite3      *db)
{
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  ChorusChallengeEditor *editor = open_editor (GTK_WIDGET (pane), _("_New Challenge…"));
  g_autofree char *expected = NULL;
  g_autofree char *row = NULL;
  g_autofree char *jury = NULL;
  g_autofree char *criteria = NULL;
  gint64 challenges = count_rows (db, "challenges");
  Selection selection = { pane, 0 };

  /* A hashtag with a space and a sign is refused above the form, which
   * stays open, and nothing is saved. */
  fill_new (editor, db, "#winter beanie!");
  shoot_editor (GTK_WINDOW (editor), "new");
  save (editor);
  g_assert_true (chorus_test_spin_until (band_shown, editor, CHORUS_TEST_WAIT_MS));
  g_assert_true (test_shows_label (GTK_WIDGET (editor), "“winter beanie!”"));
  g_assert_true (test_find_toplevel (CHORUS_TYPE_CHALLENGE_EDITOR) == editor);
  g_assert_cmpint (count_rows (db, "challenges"), ==, challenges);
  shoot (GTK_WINDOW (editor), "error");

  /* Mended, it is saved, listed and selected. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, C_("challenge field", "Hashtag"))),
                         "#" HASHTAG);
  save (editor);
  g_assert_true (chorus_test_spin_until (editor_closed, NULL, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (count_rows (db, "challenges"), ==, challenges + 1);
  selection.id = chorus_test_db_query_int (db, "SELECT max (id) FROM challenges");
  g_assert_true (chorus_test_spin_until (pane_selects, &selection, CHORUS_TEST_WAIT_MS));
  g_assert_true (test_shows_label (GTK_WIDGET (pane), TITLE));

  row = chorus_test_db_query_text (db, "SELECT title || '|' || hashtag || '|' || scale || '|' || community_weight"
                                      " || '|' || submissions_open_at || '|' || submissions_close_at || '|' ||"
                                      " voting_open_at || '|' || voting_close_at || '|' || prizes"
                                      " FROM challenges WHERE hashtag = '" HASHTAG "'");
  expected = g_strdup_printf (TITLE "|" HASHTAG "|support|0.7|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%"
                              G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|€300 and the first beanie off the line",
                              day_from_today (1, FALSE), day_from_today (21, TRUE), day_from_today (14, FALSE),
                              day_from_today (30, TRUE));
  g_assert_cmpstr (row, ==, expected);
  jury = chorus_test_db_query_text (db, "SELECT group_concat (member_id) FROM (SELECT member_id FROM jury_members"
                                       " WHERE challenge_id = (SELECT max (id) FROM challenges) ORDER BY member_id)");
  g_assert_cmpstr (jury, ==, "1,2");
  criteria = chorus_test_db_query_text (db, "SELECT group_concat (name || '=' || weight, '|') FROM"
                                           " (SELECT * FROM jury_criteria"
                                           "  WHERE challenge_id = (SELECT max (id) FROM challenges) ORDER BY position)");
  g_assert_cmpstr (criteria, ==, "Originality=2.0|Warmth=1.0");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM audit_log WHERE action = 'challenge-create'"
                                                 " AND json_extract (detail, '$.title') = '" TITLE "'"), ==, 1);
  shoot (GTK_WINDOW (window), "pane");
  return selection.id;
}

static void
edit_challenge (ChorusWindow *window,
                sqlite3      *db,
                gint64        id)
{
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  ChorusChallengeEditor *editor = open_edit (GTK_WIDGET (pane));
  GtkWidget *title_row = find_row (editor, ADW_TYPE_ENTRY_ROW, C_("challenge field", "Title"));
  g_autoptr(GPtrArray) views = widgets_of (editor, GTK_TYPE_TEXT_VIEW);
  g_autoptr(GPtrArray) criteria = widgets_of (editor, ADW_TYPE_ENTRY_ROW);
  g_autoptr(GPtrArray) spins = NULL;
  g_autofree char *brief = text_of (views->pdata[0]);
  g_autofree char *stored = NULL;
  g_autofree char *sql = NULL;
  gint64 originality;
  Selection selection = { pane, id };

  /* The form shows the challenge as saved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, TITLE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW,
                                                                  C_("challenge field", "Hashtag")))), ==, HASHTAG);
  g_assert_cmpstr (brief, ==, "A beanie for cold trail mornings: one or two colours, knitted.");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW,
                                                                         C_("challenge field", "Voting scale")))), ==, 1);
  g_assert_cmpint (chorus_date_row_get_time (CHORUS_DATE_ROW (date_row (editor, C_("challenge field", "Voting opens")))),
                   ==, day_from_today (14, FALSE));
  g_assert_cmpuint (criteria->len, ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (criteria->pdata[2]), ==, "Originality");
  shoot_editor (GTK_WINDOW (editor), "edit");

  /* A new title; Originality weighs more; Warmth goes. */
  sql = g_strdup_printf ("SELECT id FROM jury_criteria WHERE challenge_id = %" G_GINT64_FORMAT
                         " AND name = 'Originality'", id);
  originality = chorus_test_db_query_int (db, sql);
  gtk_editable_set_text (GTK_EDITABLE (title_row), TITLE " (extended)");
  spins = widgets_of (criteria->pdata[2], GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spins->pdata[0], 3);
  click (find_button (criteria->pdata[3], _("Remove Criterion")));
  save (editor);
  g_assert_true (chorus_test_spin_until (editor_closed, NULL, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (pane_selects, &selection, CHORUS_TEST_WAIT_MS));

  stored = chorus_test_db_query_text (db, "SELECT title || '|' || (SELECT group_concat (id || '=' || name || '=' ||"
                                         " weight) FROM jury_criteria WHERE challenge_id = c.id) FROM challenges c"
                                         " WHERE hashtag = '" HASHTAG "'");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf (TITLE " (extended)|%" G_GINT64_FORMAT "=Originality=3.0", originality);
  g_assert_cmpstr (stored, ==, sql);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM audit_log WHERE action = 'challenge-edit'"),
                   ==, 1);
}

/* The sample's running challenge has jury scores on every criterion. */
static void
refuse_scored_criterion (ChorusWindow *window,
                         sqlite3      *db)
{
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  GListModel *challenges = chorus_designs_pane_get_challenges (pane);
  ChorusChallengeEditor *editor;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *state = "SELECT group_concat (id || name || weight) FROM jury_criteria";
  gint64 scored = chorus_test_db_query_int (db, "SELECT c.challenge_id FROM jury_scores s"
                                                " JOIN jury_criteria c ON c.id = s.criterion_id LIMIT 1");
  Selection selection = { pane, scored };

  for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
    {
      g_autoptr(ChorusChallenge) challenge = g_list_model_get_item (challenges, i);

      if (chorus_challenge_get_id (challenge) == scored)
        chorus_designs_pane_select (pane, i);
    }
  g_assert_true (chorus_test_spin_until (pane_selects, &selection, CHORUS_TEST_WAIT_MS));

  before = chorus_test_db_query_text (db, state);
  editor = open_edit (GTK_WIDGET (pane));
  criteria = widgets_of (editor, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (criteria->len, >, 2);
  click (find_button (criteria->pdata[2], _("Remove Criterion")));
  save (editor);
  g_assert_true (chorus_test_spin_until (band_shown, editor, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (editor), "scored");

  /* Escape leaves it as it was. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  g_assert_true (chorus_test_spin_until (editor_closed, NULL, CHORUS_TEST_WAIT_MS));
  after = chorus_test_db_query_text (db, state);
  g_assert_cmpstr (after, ==, before);
}

static void
test_create_and_edit (void)
{
  g_autofree char *path = g_build_filename (test_dir, "challenges.chorus", NULL);
  g_autoptr(GError) error = NULL;
  ChorusWindow *window;
  sqlite3 *db;
  gint64 id;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  db = _chorus_store_get_db (chorus_window_get_store (window));
  adw_view_stack_set_visible_child_name (window->view_stack, "designs");
  test_settle (200);

  id = create_challenge (window, db);
  edit_challenge (window, db, id);
  refuse_scored_criterion (window, db);

  test_destroy_window (window);
}

/* A workspace without challenges or team: the empty page's button, a
 * jury group that says who to add, and a challenge the community decides
 * alone. */
static void
test_empty_workspace (void)
{
  ChorusWindow *window = test_open_empty_window ("empty.chorus");
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  sqlite3 *db = _chorus_store_get_db (chorus_window_get_store (window));
  ChorusChallengeEditor *editor;
  Selection selection = { pane, 0 };

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  adw_view_stack_set_visible_child_name (window->view_stack, "designs");
  test_settle (200);
  shoot (GTK_WINDOW (window), "empty");

  editor = open_editor (GTK_WIDGET (pane), _("_New Challenge…"));
  find_row (editor, ADW_TYPE_ACTION_ROW, _("No Team Members Yet"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, C_("challenge field", "Title"))),
                         "First Sticker");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, C_("challenge field", "Hashtag"))),
                         "FirstSticker");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (chorus_test_spin_until (editor_closed, NULL, CHORUS_TEST_WAIT_MS));
  selection.id = chorus_test_db_query_int (db, "SELECT id FROM challenges WHERE hashtag = 'FirstSticker'");
  g_assert_true (chorus_test_spin_until (pane_selects, &selection, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (count_rows (db, "jury_members"), ==, 0);

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/challenge-editor/create-and-edit", test_create_and_edit);
  g_test_add_func ("/challenge-editor/empty-workspace", test_empty_workspace);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
