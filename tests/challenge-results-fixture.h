/* challenge-results-fixture.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-challenge-results and test-challenge-results-layout share:
 * the real window on a sample workspace of the test's own, its Designs
 * pane showing the running challenge's Results view. Header-only, as
 * chorus-test-window.h is, whose statics it uses. */

#pragma once

#include "chorus-challenge-results.h"
#include "chorus-designs-pane.h"
#include "chorus-store-awards.h"
#include "chorus-store-private.h"
#include "chorus-store-ranking.h"

#include "chorus-test-window.h"

/* The window, its Results view and the workspace, as a case goes through them. */
typedef struct
{
  ChorusWindow           *window;
  ChorusChallengeResults *results;
  sqlite3                *db;
  gint64                  challenge;
  ChorusAwards           *awards;     /* as last seen, to wait for a new one */
} Flow;

G_GNUC_UNUSED static void
shoot (GtkWindow  *window,
       const char *what)
{
  test_shoot (window, "CHORUS_DESIGNS_SHOTS", "results", what);
}

/* The view shows the ranking and the awards of the challenge of @data (a Flow). */
G_GNUC_UNUSED static gboolean
shows_results (gpointer data)
{
  Flow *flow = data;
  ChorusRanking *ranking = chorus_challenge_results_get_ranking (flow->results);

  return ranking != NULL && chorus_challenge_results_get_awards (flow->results) != NULL &&
         chorus_ranking_get_challenge_id (ranking) == flow->challenge &&
         g_list_model_get_n_items (chorus_challenge_results_get_items (flow->results)) ==
         chorus_ranking_get_n_entries (ranking);
}

/* Opens the workspace at @path in the real window, 1200 px wide, on the
 * running challenge's Results view, once it shows. */
G_GNUC_UNUSED static void
open_results (Flow       *flow,
              const char *path)
{
  ChorusDesignsPane *pane;
  GtkWidget *views;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  flow->window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (flow->window), 1200, 860);
  flow->db = _chorus_store_get_db (chorus_window_get_store (flow->window));
  pane = CHORUS_DESIGNS_PANE (flow->window->designs_pane);
  adw_view_stack_set_visible_child_name (flow->window->view_stack, "designs");

  /* The running challenge, with its votes still coming in. */
  flow->challenge = chorus_test_db_query_int (flow->db, "SELECT id FROM challenges"
                                                        " WHERE voting_close_at > strftime ('%s', 'now')");
  test_select_challenge (pane, flow->challenge);

  test_collect_widgets (GTK_WIDGET (pane), CHORUS_TYPE_CHALLENGE_RESULTS, found);
  g_assert_cmpuint (found->len, ==, 1);
  flow->results = found->pdata[0];
  views = gtk_widget_get_ancestor (GTK_WIDGET (flow->results), GTK_TYPE_STACK);
  gtk_stack_set_visible_child_name (GTK_STACK (views), "results");
  g_assert_true (chorus_test_spin_until (shows_results, flow, CHORUS_TEST_WAIT_MS));
  flow->awards = chorus_challenge_results_get_awards (flow->results);
}
