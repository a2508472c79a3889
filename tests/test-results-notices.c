/* test-results-notices.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Results view's Flagged Votes page, on a sample workspace, says
 * which entries' last sync left votes out and why (vote_reads' notices,
 * read with the ranking): no such group while no entry has a notice;
 * once two have one, a row each, the entry's title over the sync's own
 * sentence, and the page's title still counts only the flagged votes.
 * With CHORUS_DESIGNS_SHOTS naming a folder, the page is saved there,
 * light and dark. */

#include "config.h"

#include "chorus-challenge-collect-private.h"
#include "chorus-challenge-results-private.h"
#include "chorus-challenge-votes-private.h"
#include "chorus-sample.h"
#include "chorus-store-private.h"

#include "chorus-test-window.h"

/* Characters Pango markup would take for its own. */
#define ODD_TITLE "Rock & Roll <3"

typedef struct
{
  ChorusChallengeResults *results;
  ChorusRanking          *ranking;   /* as last seen, to wait for a new one */
} View;

static gboolean
read_again (gpointer data)
{
  View *view = data;
  ChorusRanking *ranking = chorus_challenge_results_get_ranking (view->results);

  return ranking != NULL && ranking != view->ranking && chorus_challenge_results_get_awards (view->results) != NULL;
}

/* Shows @challenge's results again and waits until they are read. */
static void
show_challenge (View            *view,
                ChorusStore     *store,
                ChorusChallenge *challenge)
{
  view->ranking = chorus_challenge_results_get_ranking (view->results);
  chorus_challenge_results_set_challenge (view->results, store, challenge);
  g_assert_true (chorus_test_spin_until (read_again, view, CHORUS_TEST_WAIT_MS));
  view->ranking = chorus_challenge_results_get_ranking (view->results);
  test_settle (200);
}

static ChorusChallenge *
find_running_challenge (ChorusStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) challenges = chorus_store_list_challenges (store, &error);
  gint64 id = chorus_test_db_query_int (_chorus_store_get_db (store), "SELECT id FROM challenges"
                                                                       " WHERE voting_close_at > strftime ('%s', 'now')");

  g_assert_no_error (error);
  for (guint i = 0; i < challenges->len; i++)
    if (chorus_challenge_get_id (challenges->pdata[i]) == id)
      return g_object_ref (challenges->pdata[i]);
  g_error ("no running challenge");
}

/* The group of entries with a notice, or NULL when it does not show. */
static GtkWidget *
shown_group (View *view)
{
  g_autoptr(GPtrArray) groups = test_collect (GTK_WIDGET (view->results), ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), _("Votes Not Counted")) == 0)
      return gtk_widget_is_drawable (groups->pdata[i]) ? groups->pdata[i] : NULL;
  g_error ("no group for the votes not counted");
}

/* The rows under @group, as "title: notice | title: notice". */
static char *
describe_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = test_collect (group, ADW_TYPE_ACTION_ROW);
  GString *found = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (found, "%s%s: %s", i > 0 ? " | " : "",
                            adw_preferences_row_get_title (rows->pdata[i]),
                            adw_action_row_get_subtitle (rows->pdata[i]));
  return g_string_free (found, FALSE);
}

/* Scrolls the page that holds @widget to its end, where the group is. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Again once the page has its full height: the group came in late. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      test_settle (200);
    }
  g_test_message ("scrolled to %.0f of %.0f", gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
                  gtk_adjustment_get_upper (adjustment));
}

/* Stores @notice as the last read of @submission_id's votes, as a sync does. */
static void
store_notice (sqlite3    *db,
              gint64      submission_id,
              const char *notice)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO vote_reads (submission_id, read_at, notice)"
                                           " VALUES (?1, strftime ('%s', 'now'), ?2)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_text (stmt, 2, notice, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* A sample workspace, whose syncs left no votes out. */
static ChorusStore *
open_sample (void)
{
  g_autofree char *path = g_build_filename (test_dir, "notices.chorus", NULL);
  g_autoptr(GError) error = NULL;
  ChorusStore *store;

  g_assert_true (chorus_sample_generate (path, 300, 7, NULL, NULL, &error));
  store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_notices (void)
{
  g_autoptr(ChorusStore) store = open_sample ();
  sqlite3 *db = _chorus_store_get_db (store);
  g_autoptr(ChorusChallenge) challenge = find_running_challenge (store);
  ChorusVoteRead replies = { .ambiguous = 2, .out_of_range = 1 };
  g_autofree char *replies_notice = _chorus_vote_read_dup_reply_notice (&replies);
  /* The sentence a sync stores for a post deleted, in the language it ran in. */
  g_autofree char *deleted_notice = g_strdup_printf (_("This entry’s post was deleted from %s: its votes are the last "
                                                       "ones Chorus read."), "social.example");
  g_autofree char *expected = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *page_title = NULL;
  const ChorusRankedEntry *first, *second;
  GtkWidget *window = gtk_window_new ();
  View view = { 0, };

  view.results = g_object_new (CHORUS_TYPE_CHALLENGE_RESULTS, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view.results));
  gtk_window_present (GTK_WINDOW (window));
  show_challenge (&view, store, challenge);
  chorus_challenge_results_show_page (view.results, "votes");
  test_settle (200);

  /* The sample's syncs left nothing out: no group. */
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM vote_reads WHERE notice IS NOT NULL"), ==, 0);
  g_assert_null (shown_group (&view));
  page_title = g_strdup (gtk_stack_page_get_title (view.results->votes_page));

  /* Two entries with a notice each, one of them with a title Pango
   * markup would misread. */
  first = chorus_ranking_get_entry (view.ranking, 0);
  second = chorus_ranking_get_entry (view.ranking, 2);
  chorus_test_db_exec (db, "UPDATE submissions SET title = '" ODD_TITLE "' WHERE id = %" G_GINT64_FORMAT,
                       second->submission_id);
  store_notice (db, first->submission_id, replies_notice);
  store_notice (db, second->submission_id, deleted_notice);
  expected = g_strdup_printf ("%s: %s | " ODD_TITLE ": %s", first->title, replies_notice, deleted_notice);
  show_challenge (&view, store, challenge);

  g_assert_nonnull (shown_group (&view));
  rows = describe_rows (shown_group (&view));
  g_test_message ("rows: %s", rows);
  g_assert_cmpstr (rows, ==, expected);
  /* The page's title counts the flagged votes only, as before. */
  g_assert_cmpstr (gtk_stack_page_get_title (view.results->votes_page), ==, page_title);
  scroll_to_end (shown_group (&view));
  test_shoot (GTK_WINDOW (window), "CHORUS_DESIGNS_SHOTS", "results", "votes-notices");

  /* A later sync that counts them all clears the notices: the group goes. */
  chorus_test_db_exec (db, "UPDATE vote_reads SET notice = NULL");
  show_challenge (&view, store, challenge);
  g_assert_null (shown_group (&view));

  test_destroy_toplevel (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/results-notices/notices", test_notices);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
