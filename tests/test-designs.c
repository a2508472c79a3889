/* test-designs.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Designs pane's moderation queue, in the real window on a sample
 * workspace: the gallery's three views show the entries in the
 * challenge, those to review and those rejected, as the workspace holds
 * them; an entry is accepted from its dialog, and one is rejected only
 * once a reason is typed, which the workspace and its audit log keep.
 * With CHORUS_DESIGNS_SHOTS naming a folder, the views and the dialog are
 * saved there, light and dark. */

#include "config.h"

#include "chorus-challenge.h"
#include "chorus-designs-pane.h"
#include "chorus-entry-add-dialog.h"
#include "chorus-kiosk-window.h"
#include "chorus-sample.h"
#include "chorus-store-private.h"
#include "chorus-submission.h"

#include "chorus-test-window.h"
#include "variant-image-util.h"

static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *prefix)
{
  g_autoptr(GPtrArray) buttons = test_collect (root, GTK_TYPE_TOGGLE_BUTTON);

  /* Their labels are their own (chorus_button_shrink_label()). */
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *child = gtk_button_get_child (buttons->pdata[i]);
      const char *label = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;

      if (g_str_has_prefix (label ?: "", prefix))
        return buttons->pdata[i];
    }
  g_error ("no toggle labelled %s…", prefix);
}

static void
click_score (ChorusKioskWindow *kiosk,
             const char        *score)
{
  g_autoptr(GPtrArray) buttons = test_collect (GTK_WIDGET (kiosk), GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_is_drawable (buttons->pdata[i]) &&
        g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), score) == 0)
      {
        /* An activated button is clicked once its press is shown. */
        gtk_widget_activate (buttons->pdata[i]);
        test_settle (400);
        return;
      }
  g_error ("no score button %s", score);
}

static void
shoot (GtkWindow  *window,
       const char *what)
{
  test_shoot (window, "CHORUS_DESIGNS_SHOTS", "designs", what);
}

typedef struct
{
  GListModel *shown;
  guint       n;
} Wait;

static gboolean
shows_n (gpointer data)
{
  Wait *wait = data;

  return g_list_model_get_n_items (wait->shown) == wait->n;
}



static gboolean
dialog_open (gpointer data)
{
  return test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static char *
moderation_of (sqlite3 *db,
               gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT moderation || coalesce (': ' || moderation_reason, '')"
                                          " FROM submissions WHERE id = %" G_GINT64_FORMAT, id);

  return chorus_test_db_query_text (db, sql);
}

static gboolean
dialog_closed (gpointer data)
{
  return !dialog_open (data);
}

static gint64
count (sqlite3    *db,
       gint64      challenge,
       const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM submissions WHERE challenge_id = %"
                                          G_GINT64_FORMAT " AND %s", challenge, where);

  return chorus_test_db_query_int (db, sql);
}

/* Opens the first entry shown, waits for its dialog, and returns it with
 * the entry's id. */
static AdwMessageDialog *
open_first (ChorusDesignsPane *pane,
            gint64            *id)
{
  g_autoptr(GPtrArray) grids = test_collect (GTK_WIDGET (pane), GTK_TYPE_GRID_VIEW);
  g_autoptr(ChorusSubmission) first = g_list_model_get_item (chorus_designs_pane_get_submissions (pane), 0);

  g_assert_true (chorus_test_spin_until (dialog_closed, NULL, CHORUS_TEST_WAIT_MS));
  *id = chorus_submission_get_id (first);
  g_signal_emit_by_name (grids->pdata[0], "activate", 0);
  g_assert_true (chorus_test_spin_until (dialog_open, NULL, CHORUS_TEST_WAIT_MS));
  return ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_moderation (void)
{
  g_autofree char *path = g_build_filename (test_dir, "designs.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *review_label = NULL;
  g_autofree char *state = NULL;
  ChorusDesignsPane *pane;
  ChorusWindow *window;
  AdwMessageDialog *dialog;
  sqlite3 *db;
  Wait wait;
  gint64 challenge, pending, id;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  db = _chorus_store_get_db (chorus_window_get_store (window));
  pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  adw_view_stack_set_visible_child_name (window->view_stack, "designs");

  /* The challenge with entries still waiting is the running one. */
  challenge = chorus_test_db_query_int (db, "SELECT challenge_id FROM submissions WHERE moderation = 'pending'"
                                            " GROUP BY challenge_id ORDER BY count (*) DESC LIMIT 1");
  pending = count (db, challenge, "moderation = 'pending'");
  g_assert_cmpint (pending, >=, 2);
  test_select_challenge (pane, challenge);

  wait.shown = chorus_designs_pane_get_submissions (pane);
  wait.n = (guint) count (db, challenge, "moderation <> 'rejected'");
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (window), "entries");

  /* To Review: its count on the button, its entries in the gallery. */
  review_label = g_strdup_printf (C_("entries", "To Review (%u)"), (guint) pending);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (GTK_WIDGET (pane), review_label)), TRUE);
  wait.n = (guint) pending;
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));

  /* Accepted from its dialog: it leaves the queue. */
  dialog = open_first (pane, &id);
  shoot (GTK_WINDOW (dialog), "review");
  test_click_button (GTK_WIDGET (dialog), _("_Accept"));
  wait.n = (guint) pending - 1;
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));
  state = moderation_of (db, id);
  g_assert_cmpstr (state, ==, "accepted");

  /* Rejected only with a reason, which is kept and logged. */
  dialog = open_first (pane, &id);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rejected"));
  entries = test_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Uses another brand's mascot");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rejected"));
  test_click_button (GTK_WIDGET (dialog), _("_Reject"));
  wait.n = (guint) pending - 2;
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));
  g_clear_pointer (&state, g_free);
  state = moderation_of (db, id);
  g_assert_cmpstr (state, ==, "rejected: Uses another brand's mascot");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM audit_log"
                                                 " WHERE action = 'submission-moderation'"), ==, 2);

  /* Rejected: what the workspace holds as rejected. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (GTK_WIDGET (pane), C_("entries", "Rejected"))), TRUE);
  wait.n = (guint) count (db, challenge, "moderation = 'rejected'");
  g_assert_cmpuint (wait.n, >=, 2);
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (window), "rejected");

  test_destroy_window (window);
}

static gboolean
kiosk_on_page (gpointer data)
{
  ChorusKioskWindow *kiosk = CHORUS_KIOSK_WINDOW (test_find_toplevel (CHORUS_TYPE_KIOSK_WINDOW));

  return kiosk != NULL && g_strcmp0 (chorus_kiosk_window_get_page (kiosk), data) == 0;
}

static gint64
kiosk_votes (sqlite3 *db)
{
  return chorus_test_db_query_int (db, "SELECT count (*) FROM votes WHERE kind = 'kiosk'"
                                       " AND cast_at > strftime ('%s', 'now') - 600");
}

typedef struct
{
  sqlite3 *db;
  gint64   n;
} VoteWait;

static gboolean
has_kiosk_votes (gpointer data)
{
  VoteWait *wait = data;

  return kiosk_votes (wait->db) == wait->n;
}

/* Whether the kiosk votes cast in the last ten minutes add up to
 * wait->n: a score changed on a card is written after the vote itself. */
static gboolean
has_kiosk_score_sum (gpointer data)
{
  VoteWait *wait = data;

  return chorus_test_db_query_int (wait->db, "SELECT coalesce (sum (score), 0) FROM votes WHERE kind = 'kiosk'"
                                             " AND cast_at > strftime ('%s', 'now') - 600") == wait->n;
}

static gboolean
kiosk_shows_notice (gpointer data)
{
  return chorus_kiosk_window_get_idle_notice (data) != NULL;
}

/* A turn left alone: no notice until its last seconds, which are counted
 * down; Keep Voting gives it its time again; then the turn ends by
 * itself on the welcome page, its votes kept, and the next voter starts
 * afresh. The time-out is made short through the property. */
static void
check_idle_turn (ChorusKioskWindow *kiosk,
                 VoteWait          *wait)
{
  g_autofree char *notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Still there? This turn ends in %u second.",
                                                          "Still there? This turn ends in %u seconds.", 2), 2);
  gint64 start;

  g_assert_cmpuint (kiosk_votes (wait->db), ==, wait->n);

  /* A long countdown, to look at the notice; Keep Voting hides it. */
  g_object_set (kiosk, "idle-timeout", 30, "idle-countdown", 29, NULL);
  g_assert_true (chorus_test_spin_until (kiosk_shows_notice, kiosk, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (kiosk), "kiosk-idle");
  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.keep-voting", NULL);
  g_assert_null (chorus_kiosk_window_get_idle_notice (kiosk));
  g_assert_true (kiosk_on_page ((gpointer) "vote"));

  /* A short one, counted from now: no notice before its last 2 s. */
  start = g_get_monotonic_time ();
  g_object_set (kiosk, "idle-timeout", 3, "idle-countdown", 2, NULL);
  g_assert_null (chorus_kiosk_window_get_idle_notice (kiosk));
  g_assert_true (chorus_test_spin_until (kiosk_shows_notice, kiosk, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
  g_assert_cmpstr (chorus_kiosk_window_get_idle_notice (kiosk), ==, notice);
  g_assert_true (kiosk_on_page ((gpointer) "vote"));
  g_assert_true (chorus_test_spin_until (kiosk_on_page, (gpointer) "welcome", CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2900 * 1000);
  g_assert_null (chorus_kiosk_window_get_idle_notice (kiosk));
  g_assert_cmpuint (kiosk_votes (wait->db), ==, wait->n);

  /* The next voter's turn has a token of its own. */
  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.start", NULL);
  g_assert_true (kiosk_on_page ((gpointer) "vote"));
  click_score (kiosk, "1");
  wait->n++;
  g_assert_true (chorus_test_spin_until (has_kiosk_votes, wait, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (chorus_test_db_query_int (wait->db, "SELECT count (DISTINCT kiosk_token) FROM votes"
                                                       " WHERE kind = 'kiosk' AND cast_at > strftime ('%s', 'now') - 600"),
                   ==, 3);
}

/* A turn at the kiosk: scores for the first entries, a change of mind,
 * Finish, and the next voter's turn starts afresh; a turn left idle ends
 * by itself. */
static void
test_kiosk (void)
{
  g_autofree char *path = g_build_filename (test_dir, "kiosk.chorus", NULL);
  g_autoptr(GError) error = NULL;
  ChorusKioskWindow *kiosk;
  ChorusDesignsPane *pane;
  ChorusWindow *window;
  VoteWait wait;
  guint n_entries;
  gint64 challenge;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  window = test_open_window (path);
  wait.db = _chorus_store_get_db (chorus_window_get_store (window));
  wait.n = 0;
  pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  adw_view_stack_set_visible_child_name (window->view_stack, "designs");
  challenge = chorus_test_db_query_int (wait.db, "SELECT id FROM challenges WHERE voting_open_at <= strftime ('%s', 'now')"
                                                 " AND voting_close_at > strftime ('%s', 'now')");
  test_select_challenge (pane, challenge);
  test_settle (300);

  gtk_widget_activate_action (GTK_WIDGET (pane), "designs.kiosk", NULL);
  g_assert_true (chorus_test_spin_until (kiosk_on_page, (gpointer) "welcome", CHORUS_TEST_WAIT_MS));
  kiosk = CHORUS_KIOSK_WINDOW (test_find_toplevel (CHORUS_TYPE_KIOSK_WINDOW));
  n_entries = chorus_kiosk_window_get_n_entries (kiosk);
  g_assert_cmpint (n_entries, ==, count (wait.db, challenge, "moderation = 'accepted'"));
  shoot (GTK_WINDOW (kiosk), "kiosk-welcome");

  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.start", NULL);
  g_assert_true (kiosk_on_page ((gpointer) "vote"));
  /* No author's name anywhere on the kiosk. */
  {
    g_autoptr(GPtrArray) labels = test_collect (GTK_WIDGET (kiosk), GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      g_assert_null (strstr (gtk_label_get_label (labels->pdata[i]), "@"));
  }
  click_score (kiosk, "4");
  wait.n = 1;
  g_assert_true (chorus_test_spin_until (has_kiosk_votes, &wait, CHORUS_TEST_WAIT_MS));
  shoot (GTK_WINDOW (kiosk), "kiosk-vote");
  click_score (kiosk, "2");          /* a change of mind is still one vote */
  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.next", NULL);
  click_score (kiosk, "5");
  wait.n = 2 + 5;                    /* the first score as changed, then the second */
  g_assert_true (chorus_test_spin_until (has_kiosk_score_sum, &wait, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (kiosk_votes (wait.db), ==, 2);

  for (guint i = 1; i < n_entries; i++)
    gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.next", NULL);
  g_assert_true (kiosk_on_page ((gpointer) "thanks"));
  gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.next-voter", NULL);
  g_assert_true (kiosk_on_page ((gpointer) "vote"));
  click_score (kiosk, "3");
  wait.n = 3;
  g_assert_true (chorus_test_spin_until (has_kiosk_votes, &wait, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (chorus_test_db_query_int (wait.db, "SELECT count (DISTINCT kiosk_token) FROM votes"
                                                      " WHERE kind = 'kiosk' AND cast_at > strftime ('%s', 'now') - 600"),
                   ==, 2);
  check_idle_turn (kiosk, &wait);

  gtk_window_destroy (GTK_WINDOW (kiosk));
  test_destroy_window (window);
}

static gboolean
entry_dialog_open (gpointer data)
{
  return test_find_toplevel (CHORUS_TYPE_ENTRY_ADD_DIALOG) != NULL;
}

static gboolean
entry_dialog_closed (gpointer data)
{
  return !entry_dialog_open (data);
}

static gboolean
image_read (gpointer data)
{
  return !chorus_entry_add_dialog_is_busy (data);
}

/* An entry added by hand: its image, title, submitter and consent, then
 * in the gallery and in the workspace with who made it. */
static void
test_add_entry (void)
{
  g_autofree char *path = g_build_filename (test_dir, "add-entry.chorus", NULL);
  g_autofree char *png = NULL;
  g_autofree char *row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  ChorusEntryAddDialog *dialog;
  ChorusDesignsPane *pane;
  ChorusWindow *window;
  GtkWidget *add;
  sqlite3 *db;
  Wait wait;
  gint64 challenge;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  db = _chorus_store_get_db (chorus_window_get_store (window));
  pane = CHORUS_DESIGNS_PANE (window->designs_pane);
  adw_view_stack_set_visible_child_name (window->view_stack, "designs");
  challenge = chorus_test_db_query_int (db, "SELECT id FROM challenges WHERE voting_close_at > strftime ('%s', 'now')");
  test_select_challenge (pane, challenge);
  wait.shown = chorus_designs_pane_get_submissions (pane);
  wait.n = (guint) count (db, challenge, "moderation <> 'rejected'");
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));

  gtk_widget_activate_action (GTK_WIDGET (pane), "designs.add-entry", NULL);
  g_assert_true (chorus_test_spin_until (entry_dialog_open, NULL, CHORUS_TEST_WAIT_MS));
  dialog = CHORUS_ENTRY_ADD_DIALOG (test_find_toplevel (CHORUS_TYPE_ENTRY_ADD_DIALOG));
  add = test_find_button (GTK_WIDGET (dialog), _("_Add Entry"));
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_sensitive (add));

  /* The image a person chose (or dropped): its name is the first title. */
  png = variant_image_write_png (test_dir, "Mountain Fox.png", 320, 240, FALSE);
  file = g_file_new_for_path (png);
  chorus_entry_add_dialog_set_file (dialog, file);
  g_assert_true (chorus_test_spin_until (image_read, dialog, CHORUS_TEST_WAIT_MS));
  rows = test_collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Mountain Fox");
  gtk_editable_set_text (rows->pdata[1], "Marta Ruiz");
  gtk_editable_set_text (rows->pdata[2], "marta@example.org");
  g_assert_false (gtk_widget_get_sensitive (add));   /* consent first */
  checks = test_collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 1);
  gtk_check_button_set_active (checks->pdata[0], TRUE);
  g_assert_true (gtk_widget_get_sensitive (add));
  shoot (GTK_WINDOW (dialog), "add-entry");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.add", NULL);
  g_assert_true (chorus_test_spin_until (entry_dialog_closed, NULL, CHORUS_TEST_WAIT_MS));
  wait.n++;
  g_assert_true (chorus_test_spin_until (shows_n, &wait, CHORUS_TEST_WAIT_MS));
  row = chorus_test_db_query_text (db, "SELECT s.title || '|' || s.origin_file || '|' || i.handle || '|'"
                                       " || (s.consent_at IS NOT NULL) FROM submissions s"
                                       " JOIN identities i ON i.id = s.author_id WHERE s.origin_file IS NOT NULL"
                                       " ORDER BY s.id DESC LIMIT 1");
  g_assert_cmpstr (row, ==, "Mountain Fox|Mountain Fox.png|marta@example.org|1");

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/designs/moderation", test_moderation);
  g_test_add_func ("/designs/kiosk", test_kiosk);
  g_test_add_func ("/designs/add-entry", test_add_entry);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
