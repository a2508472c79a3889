/* test-jury.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The jury window in the real window on a sample workspace: opened from
 * the running challenge's Jury button, it offers "me" as the juror; a
 * juror halfway through scores the rest through the criteria's spin
 * buttons, each score reaching the workspace as it is set (and one
 * cleared); blind mode keeps the author's name, as the workspace holds
 * it, out of every label until it is switched off; the summary states
 * the jurors' agreement as the ranking computes it, and Submit Scorecard
 * writes one audit entry. A score set just before the window closes is
 * still written. Winners chosen lock the card until they are taken
 * back. With CHORUS_DESIGNS_SHOTS naming a folder, the pages
 * are saved there, light and dark. */

#include "config.h"

#include <math.h>

#include "chorus-challenge.h"
#include "chorus-designs-pane.h"
#include "chorus-jury-score-row.h"
#include "chorus-jury-window.h"
#include "chorus-jury.h"
#include "chorus-sample.h"
#include "chorus-scorecard.h"
#include "chorus-store-private.h"
#include "chorus-store-awards.h"
#include "chorus-store-ranking.h"

#include "chorus-test-window.h"

typedef struct
{
  ChorusWindow     *window;
  ChorusJuryWindow *jury;
  sqlite3          *db;
  gint64            challenge;
  gint64            juror;
} Fixture;

/* Whether any label in @root, shown or not, holds @text. */
static gboolean
label_holds (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = test_collect (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (labels->pdata[i]), text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
shows_text (gpointer data)
{
  LabelWait *wait = data;

  return test_shows_label (wait->root, wait->text);
}

static void
shoot (GtkWindow  *window,
       const char *what)
{
  test_shoot (window, "CHORUS_DESIGNS_SHOTS", "designs", what);
}

static gboolean
has_challenges (gpointer data)
{
  return g_list_model_get_n_items (chorus_designs_pane_get_challenges (data)) > 0;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = test_collect (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];
  g_error ("no button for %s", action);
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
jury_on_page (gpointer data)
{
  ChorusJuryWindow *jury = test_find_toplevel (CHORUS_TYPE_JURY_WINDOW);

  return jury != NULL && g_strcmp0 (chorus_jury_window_get_page (jury), data) == 0;
}

static gboolean
saved (gpointer data)
{
  return !chorus_jury_window_is_saving (data);
}

typedef struct
{
  sqlite3    *db;
  const char *sql;
  gint64      expected;
} Query;

static gboolean
query_is (gpointer data)
{
  Query *query = data;

  return chorus_test_db_query_int (query->db, query->sql) == query->expected;
}

static void
wait_for_int (sqlite3    *db,
              const char *sql,
              gint64      expected)
{
  Query query = { db, sql, expected };

  if (!chorus_test_spin_until (query_is, &query, CHORUS_TEST_WAIT_MS))
    g_error ("%s: %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT, sql, chorus_test_db_query_int (db, sql), expected);
}

/* The juror's score in tenths, -1 without one. */
static char *
score_sql (Fixture *f,
           gint64   submission_id,
           gint64   criterion_id)
{
  return g_strdup_printf ("SELECT coalesce ((SELECT CAST (round (score * 10) AS INTEGER) FROM jury_scores"
                          " WHERE submission_id = %" G_GINT64_FORMAT " AND juror_id = %" G_GINT64_FORMAT
                          " AND criterion_id = %" G_GINT64_FORMAT "), -1)", submission_id, f->juror, criterion_id);
}

static GtkSpinButton *
spin_of (GtkWidget *row)
{
  g_autoptr(GPtrArray) spins = test_collect (row, GTK_TYPE_SPIN_BUTTON);

  g_assert_cmpuint (spins->len, ==, 1);
  return spins->pdata[0];
}

/* Opens the Designs pane on the challenge whose voting is open, and its
 * jury window once Jury can be pressed. */
static void
open_jury (Fixture *f)
{
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (f->window->designs_pane);
  GtkWidget *button;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "designs");
  g_assert_true (chorus_test_spin_until (has_challenges, pane, CHORUS_TEST_WAIT_MS));
  for (guint i = 0; i < g_list_model_get_n_items (chorus_designs_pane_get_challenges (pane)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (chorus_designs_pane_get_challenges (pane), i);

      if (chorus_challenge_get_id (CHORUS_CHALLENGE (item)) == f->challenge)
        chorus_designs_pane_select (pane, i);
    }

  button = find_action_button (GTK_WIDGET (pane), "designs.jury");
  g_assert_true (chorus_test_spin_until (is_sensitive, button, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (f->window), "jury-button");
  gtk_widget_activate_action (GTK_WIDGET (pane), "designs.jury", NULL);
  if (!chorus_test_spin_until (jury_on_page, (gpointer) "juror", CHORUS_TEST_WAIT_MS))
    {
      ChorusJuryWindow *jury = test_find_toplevel (CHORUS_TYPE_JURY_WINDOW);
      g_autoptr(GPtrArray) pages = test_collect (GTK_WIDGET (jury), ADW_TYPE_STATUS_PAGE);

      g_error ("the jury window shows %s: %s", jury ? chorus_jury_window_get_page (jury) : "nothing",
               pages->len > 0 ? adw_status_page_get_description (pages->pdata[0]) : "");
    }
  f->jury = test_find_toplevel (CHORUS_TYPE_JURY_WINDOW);
}

/* Picks the juror halfway through their card; "me" is offered first.
 * The card opens on @page. */
static void
pick_juror (Fixture    *f,
            const char *page)
{
  g_autoptr(GPtrArray) combos = test_collect (GTK_WIDGET (f->jury), ADW_TYPE_COMBO_ROW);
  g_autofree char *me = chorus_test_db_query_text (f->db, "SELECT name FROM team_members WHERE is_me");
  g_autofree char *name_sql = NULL;
  g_autofree char *name = NULL;
  AdwComboRow *combo;
  GListModel *names;

  f->juror = chorus_test_db_query_int (f->db, "SELECT j.member_id FROM jury_members j JOIN team_members m"
                                              " ON m.id = j.member_id WHERE NOT m.is_me AND j.challenge_id ="
                                              " (SELECT id FROM challenges WHERE voting_close_at > strftime ('%s', 'now'))"
                                              " ORDER BY (SELECT count (*) FROM jury_scores s JOIN submissions u"
                                              "  ON u.id = s.submission_id WHERE s.juror_id = m.id"
                                              "  AND u.challenge_id = j.challenge_id), m.id LIMIT 1");
  name_sql = g_strdup_printf ("SELECT name FROM team_members WHERE id = %" G_GINT64_FORMAT, f->juror);
  name = chorus_test_db_query_text (f->db, name_sql);
  g_assert_cmpuint (combos->len, ==, 1);
  combo = combos->pdata[0];
  names = adw_combo_row_get_model (combo);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names), adw_combo_row_get_selected (combo)),
                            me));
  shoot (GTK_WINDOW (f->jury), "jury-juror");

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name))
      adw_combo_row_set_selected (combo, i);
  gtk_widget_activate_action (GTK_WIDGET (f->jury), "jury.start", NULL);
  g_assert_true (chorus_test_spin_until (jury_on_page, (gpointer) page, CHORUS_TEST_WAIT_MS));
}

/* Blind mode hides the author's name the workspace holds, and shows it
 * once switched off. */
static void
check_blind_mode (Fixture *f)
{
  ChorusSubmission *entry = chorus_jury_window_get_entry (f->jury);
  g_autofree char *sql = g_strdup_printf ("SELECT i.display_name FROM submissions s JOIN identities i"
                                          " ON i.id = s.author_id WHERE s.id = %" G_GINT64_FORMAT,
                                          chorus_submission_get_id (entry));
  g_autofree char *author = chorus_test_db_query_text (f->db, sql);
  g_autoptr(GPtrArray) switches = test_collect (GTK_WIDGET (f->jury), GTK_TYPE_SWITCH);

  g_assert_nonnull (author);
  g_assert_cmpstr (author, !=, "");
  g_assert_true (chorus_jury_window_get_blind (f->jury));
  g_assert_true (test_shows_label (GTK_WIDGET (f->jury), chorus_submission_get_title (entry)));
  g_assert_false (label_holds (GTK_WIDGET (f->jury), author));
  shoot (GTK_WINDOW (f->jury), "jury-entry");

  g_assert_cmpuint (switches->len, ==, 1);
  gtk_switch_set_active (switches->pdata[0], FALSE);
  g_assert_false (chorus_jury_window_get_blind (f->jury));
  test_settle (200);
  g_assert_true (test_shows_label (GTK_WIDGET (f->jury), author));
  shoot (GTK_WINDOW (f->jury), "jury-entry-open");

  gtk_switch_set_active (switches->pdata[0], TRUE);
  g_assert_false (label_holds (GTK_WIDGET (f->jury), author));
}

/* Scores every criterion the juror left unscored, through the rows. */
static void
score_entry (Fixture *f,
             double   score)
{
  gint64 entry = chorus_submission_get_id (chorus_jury_window_get_entry (f->jury));
  g_autoptr(GPtrArray) rows = test_collect (GTK_WIDGET (f->jury), CHORUS_TYPE_JURY_SCORE_ROW);

  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *sql = score_sql (f, entry, chorus_jury_score_row_get_criterion_id (rows->pdata[i]));

      if (!isnan (chorus_jury_score_row_get_score (rows->pdata[i])))
        continue;
      gtk_spin_button_set_value (spin_of (rows->pdata[i]), score);
      wait_for_int (f->db, sql, (gint64) round (score * 10));
    }
}

/* The first row's score through its spin button: typed, cleared with
 * Clear, and set again. */
static void
edit_first_score (Fixture *f)
{
  gint64 entry = chorus_submission_get_id (chorus_jury_window_get_entry (f->jury));
  g_autoptr(GPtrArray) rows = test_collect (GTK_WIDGET (f->jury), CHORUS_TYPE_JURY_SCORE_ROW);
  g_autoptr(GPtrArray) buttons = test_collect (rows->pdata[0], GTK_TYPE_BUTTON);
  g_autofree char *sql = score_sql (f, entry, chorus_jury_score_row_get_criterion_id (rows->pdata[0]));
  GtkSpinButton *spin = spin_of (rows->pdata[0]);
  g_autofree char *progress = NULL;
  guint scored = 0;

  gtk_editable_set_text (GTK_EDITABLE (spin), "8,5");
  gtk_spin_button_update (spin);
  wait_for_int (f->db, sql, 85);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "edit-clear-symbolic") == 0)
      gtk_widget_activate (buttons->pdata[i]);
  wait_for_int (f->db, sql, -1);
  g_assert_true (isnan (chorus_jury_score_row_get_score (rows->pdata[0])));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");

  /* The progress counts what is scored. */
  for (guint i = 0; i < rows->len; i++)
    scored += !isnan (chorus_jury_score_row_get_score (rows->pdata[i]));
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u criterion scored", "%u of %u criteria scored",
                                           rows->len), scored, rows->len);
  g_assert_true (test_shows_label (GTK_WIDGET (f->jury), progress));
}

/* Opens the entry titled @title from the summary, as a click on its row. */
static void
open_from_summary (Fixture    *f,
                   const char *title)
{
  g_autoptr(GPtrArray) rows = test_collect (GTK_WIDGET (f->jury), ADW_TYPE_ACTION_ROW);

  g_assert_cmpstr (chorus_jury_window_get_page (f->jury), ==, "summary");
  for (guint i = 0; i < rows->len; i++)
    if (!CHORUS_IS_JURY_SCORE_ROW (rows->pdata[i]) &&
        g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      {
        g_signal_emit_by_name (gtk_widget_get_parent (rows->pdata[i]), "row-activated", rows->pdata[i]);
        g_assert_cmpstr (chorus_jury_window_get_page (f->jury), ==, "score");
        g_assert_cmpstr (chorus_submission_get_title (chorus_jury_window_get_entry (f->jury)), ==, title);
        return;
      }
  g_error ("no summary row for %s", title);
}

static void
test_scorecard (void)
{
  g_autofree char *path = g_build_filename (test_dir, "jury.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *audit_sql = NULL;
  g_autofree char *accepted_sql = NULL;
  g_autofree char *criteria_sql = NULL;
  g_autofree char *title = NULL;
  gboolean shows_where = FALSE;
  GtkWidget *submit;
  Fixture f = { NULL, };
  LabelWait wait;
  gint64 accepted, criteria;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  f.window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1200, 860);
  f.db = _chorus_store_get_db (chorus_window_get_store (f.window));
  f.challenge = chorus_test_db_query_int (f.db, "SELECT id FROM challenges WHERE voting_close_at > strftime ('%s', 'now')");
  accepted_sql = g_strdup_printf ("SELECT count (*) FROM submissions WHERE moderation = 'accepted'"
                                  " AND challenge_id = %" G_GINT64_FORMAT, f.challenge);
  accepted = chorus_test_db_query_int (f.db, accepted_sql);
  criteria_sql = g_strdup_printf ("SELECT count (*) FROM jury_criteria WHERE challenge_id = %" G_GINT64_FORMAT,
                                  f.challenge);
  criteria = chorus_test_db_query_int (f.db, criteria_sql);

  open_jury (&f);
  pick_juror (&f, "score");
  /* Every accepted entry is on the card. */
  for (guint i = 1; i <= accepted && !shows_where; i++)
    {
      g_autofree char *where = g_strdup_printf (_("Entry %u of %u"), i, (guint) accepted);

      shows_where = test_shows_label (GTK_WIDGET (f.jury), where);
    }
  g_assert_true (shows_where);
  check_blind_mode (&f);
  edit_first_score (&f);
  score_entry (&f, 7.5);
  shoot (GTK_WINDOW (f.jury), "jury-entry-scored");

  /* The summary while entries are left: Submit waits. */
  title = g_strdup (chorus_submission_get_title (chorus_jury_window_get_entry (f.jury)));
  gtk_widget_activate_action (GTK_WIDGET (f.jury), "jury.summary", NULL);
  g_assert_true (chorus_test_spin_until (saved, f.jury, CHORUS_TEST_WAIT_MS));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (f.jury), "jury.submit")));
  shoot (GTK_WINDOW (f.jury), "jury-summary-incomplete");
  open_from_summary (&f, title);

  /* Every entry left, through Next, to the summary. */
  for (guint i = 0; g_str_equal (chorus_jury_window_get_page (f.jury), "score"); i++)
    {
      g_assert_cmpuint (i, <, accepted);
      score_entry (&f, 4 + (i % 10) * 0.5);
      gtk_widget_activate_action (GTK_WIDGET (f.jury), "jury.next", NULL);
    }
  g_assert_cmpstr (chorus_jury_window_get_page (f.jury), ==, "summary");
  g_assert_true (chorus_test_spin_until (saved, f.jury, CHORUS_TEST_WAIT_MS));
  count_sql = g_strdup_printf ("SELECT count (*) FROM jury_scores j JOIN submissions s ON s.id = j.submission_id"
                               " WHERE s.moderation = 'accepted' AND j.juror_id = %" G_GINT64_FORMAT
                               " AND s.challenge_id = %" G_GINT64_FORMAT, f.juror, f.challenge);
  wait_for_int (f.db, count_sql, accepted * criteria);

  /* The agreement as the ranking computes it now. */
  ranking = chorus_store_rank_challenge (chorus_window_get_store (f.window), f.challenge, &error);
  g_assert_no_error (error);
  agreement = chorus_jury_describe_agreement (chorus_ranking_get_agreement (ranking));
  wait.root = GTK_WIDGET (f.jury);
  wait.text = agreement;
  g_assert_true (chorus_test_spin_until (shows_text, &wait, CHORUS_TEST_WAIT_MS));
  submit = find_action_button (GTK_WIDGET (f.jury), "jury.submit");
  g_assert_true (chorus_test_spin_until (is_sensitive, submit, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (f.jury), "jury-summary");

  /* Submitted: one audit entry naming the juror; Submit rests. */
  gtk_widget_activate (submit);
  audit_sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = 'jury-scorecard'"
                               " AND subject_type = 'challenge' AND subject_id = %" G_GINT64_FORMAT
                               " AND json_extract (detail, '$.juror') = %" G_GINT64_FORMAT
                               " AND json_extract (detail, '$.scores') = %" G_GINT64_FORMAT,
                               f.challenge, f.juror, accepted * criteria);
  wait_for_int (f.db, audit_sql, 1);
  g_assert_true (chorus_test_spin_until (jury_on_page, (gpointer) "summary", CHORUS_TEST_WAIT_MS));
  test_settle (300);
  g_assert_false (gtk_widget_is_sensitive (submit));
  shoot (GTK_WINDOW (f.jury), "jury-submitted");

  /* Back to an entry from the summary; a score changed just before the
   * window closes still reaches the workspace. */
  {
    g_autoptr(GPtrArray) rows = NULL;
    g_autofree char *sql = NULL;

    open_from_summary (&f, title);
    rows = test_collect (GTK_WIDGET (f.jury), CHORUS_TYPE_JURY_SCORE_ROW);
    sql = score_sql (&f, chorus_submission_get_id (chorus_jury_window_get_entry (f.jury)),
                     chorus_jury_score_row_get_criterion_id (rows->pdata[0]));
    gtk_spin_button_set_value (spin_of (rows->pdata[0]), 9.5);
    g_object_ref (f.jury);
    gtk_window_destroy (GTK_WINDOW (f.jury));
    wait_for_int (f.db, sql, 95);
    chorus_test_finalize_object (f.jury);
  }

  test_destroy_window (f.window);
}

/* Winners chosen lock the card: it opens on its summary, Submit rests
 * under the reason, and an entry shows its scores without a spin
 * button; once the winners are taken back, the card opens to score. */
static void
test_locked (void)
{
  g_autofree char *path = g_build_filename (test_dir, "jury-locked.chorus", NULL);
  g_autofree char *entry_sql = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *title_sql = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  ChorusStore *store;
  Fixture f = { NULL, };
  gint64 winner;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  f.window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1200, 860);
  store = chorus_window_get_store (f.window);
  f.db = _chorus_store_get_db (store);
  f.challenge = chorus_test_db_query_int (f.db, "SELECT id FROM challenges WHERE voting_close_at > strftime ('%s', 'now')");
  chorus_test_db_exec (f.db, "DELETE FROM winners WHERE challenge_id = %" G_GINT64_FORMAT, f.challenge);
  entry_sql = g_strdup_printf ("SELECT min (id) FROM submissions WHERE moderation = 'accepted'"
                               " AND challenge_id = %" G_GINT64_FORMAT, f.challenge);
  winner = chorus_test_db_query_int (f.db, entry_sql);
  g_assert_cmpint (chorus_store_choose_winner (store, f.challenge, winner, 1, "Clear favourite", &error), >, 0);
  g_assert_no_error (error);
  chorus_test_db_exec (f.db, "UPDATE winners SET chosen_at = 1700000000");
  reason = chorus_scorecard_dup_lock_reason (1700000000);

  open_jury (&f);
  pick_juror (&f, "summary");
  g_assert_true (test_shows_label (GTK_WIDGET (f.jury), reason));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (f.jury), "jury.submit")));
  {
    LabelWait agreement = { GTK_WIDGET (f.jury), NULL };
    g_autoptr(ChorusRanking) ranking = chorus_store_rank_challenge (store, f.challenge, &error);
    g_autofree char *words = NULL;

    g_assert_no_error (error);
    words = chorus_jury_describe_agreement (chorus_ranking_get_agreement (ranking));
    agreement.text = words;
    g_assert_true (chorus_test_spin_until (shows_text, &agreement, CHORUS_TEST_WAIT_MS));
  }
  shoot (GTK_WINDOW (f.jury), "jury-locked-summary");

  title_sql = g_strdup_printf ("SELECT title FROM submissions WHERE id = %" G_GINT64_FORMAT, winner);
  title = chorus_test_db_query_text (f.db, title_sql);
  open_from_summary (&f, title);
  rows = test_collect (GTK_WIDGET (f.jury), CHORUS_TYPE_JURY_SCORE_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) spins = test_collect (rows->pdata[i], GTK_TYPE_SPIN_BUTTON);

      g_assert_true (chorus_jury_score_row_is_locked (rows->pdata[i]));
      g_assert_false (gtk_widget_is_visible (spins->pdata[0]));
    }
  g_assert_true (test_shows_label (GTK_WIDGET (f.jury), reason));
  shoot (GTK_WINDOW (f.jury), "jury-locked-entry");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_object_ref (f.jury);
  gtk_window_destroy (GTK_WINDOW (f.jury));
  chorus_test_finalize_object (f.jury);

  /* Every winner taken back: the card opens on an entry to score. */
  g_assert_cmpint (chorus_store_remove_winner (store, f.challenge, 1, "Start over", &error), >, 0);
  g_assert_no_error (error);
  open_jury (&f);
  pick_juror (&f, "score");
  g_assert_false (test_shows_label (GTK_WIDGET (f.jury), reason));
  rows = test_collect (GTK_WIDGET (f.jury), CHORUS_TYPE_JURY_SCORE_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_false (chorus_jury_score_row_is_locked (rows->pdata[0]));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (spin_of (rows->pdata[0]))));
  g_object_ref (f.jury);
  gtk_window_destroy (GTK_WINDOW (f.jury));
  chorus_test_finalize_object (f.jury);

  test_destroy_window (f.window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/jury/scorecard", test_scorecard);
  g_test_add_func ("/jury/locked", test_locked);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
