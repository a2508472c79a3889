/* test-challenge-results.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Designs pane's Results view, in the real window on a sample
 * workspace, as the team goes through it: the ranking's rows are the
 * workspace's ranking in order; a flagged vote is excluded with a reason
 * and the entry's counts change; an entry is chosen as winner (the
 * winners table and the audit log keep it, the gallery marks its tile
 * with the place), announced with a reply that
 * the outbox sends to a fake Mastodon server, and rewarded, the reward
 * then marked paid. The PDF report, rendered by pdftoppm and read back
 * by tesseract, names the challenge and the winner; a winner's image,
 * a JPEG carrying EXIF with a GPS position, leaves Chorus without any of
 * it, turned upright (test-challenge-results-layout checks the ranking's
 * layout at narrower widths). With CHORUS_DESIGNS_SHOTS naming a folder, the
 * pages and dialogs are saved there, light and dark, and so is the
 * report's first page. */

#include "config.h"

#include "chorus-challenge-export.h"
#include "chorus-challenge-report.h"
#include "chorus-challenge-results.h"
#include "chorus-clean-image.h"
#include "chorus-challenge.h"
#include "chorus-designs-pane.h"
#include "chorus-ranked-item.h"
#include "chorus-results-format.h"
#include "chorus-sample.h"
#include "chorus-store-awards.h"
#include "chorus-store-private.h"
#include "chorus-store-ranking.h"
#include "chorus-submission-tile.h"

#include "fake-mastodon.h"
#include "fake-mastodon-private.h"
#include "outbox-test-util.h"
#include "exif-test-util.h"
#include "challenge-results-fixture.h"

#define TOKEN     "results-announce-token-7f3a"
#define TOKEN_ENV "CHORUS_RESULTS_ANNOUNCE_TOKEN"

/* The fake Mastodon server the winner's announcement goes to. */
static FakeMastodon *fake;

static gboolean
dialog_open (gpointer data)
{
  return test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return !dialog_open (data);
}

/* The view read its results again after a change. */
static gboolean
reloaded (gpointer data)
{
  Flow *flow = data;

  return chorus_challenge_results_get_awards (flow->results) != flow->awards && shows_results (flow);
}

static void
wait_reload (Flow *flow)
{
  g_assert_true (chorus_test_spin_until (reloaded, flow, CHORUS_TEST_WAIT_MS));
  flow->awards = chorus_challenge_results_get_awards (flow->results);
}

/* Runs @action on the view and waits for its dialog. */
static AdwMessageDialog *
open_dialog (Flow       *flow,
             const char *action,
             gint64      id)
{
  g_assert_true (chorus_test_spin_until (dialog_closed, NULL, CHORUS_TEST_WAIT_MS));
  gtk_widget_activate_action (GTK_WIDGET (flow->results), action, "x", id);
  g_assert_true (chorus_test_spin_until (dialog_open, NULL, CHORUS_TEST_WAIT_MS));
  return ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Types @text into the dialog's entry number @n. */
static void
type_into (AdwMessageDialog *dialog,
           guint             n,
           const char       *text)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >, n);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[n]), text);
}

/* The rows are the workspace's ranking, read directly, in order. */
static void
check_rows (Flow *flow)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusRanking) direct = chorus_store_rank_challenge (chorus_window_get_store (flow->window),
                                                                 flow->challenge, &error);
  GListModel *items = chorus_challenge_results_get_items (flow->results);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, chorus_ranking_get_n_entries (direct));
  test_collect_widgets (GTK_WIDGET (flow->results), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_hash_table_add (shown, (gpointer) gtk_label_get_label (labels->pdata[i]));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusRankedItem) item = g_list_model_get_item (items, i);
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (direct, i);
      g_autofree char *combined = chorus_format_score (entry->combined_score, 3);

      g_assert_cmpint (chorus_ranked_item_get_entry (item)->submission_id, ==, entry->submission_id);
      g_assert_cmpuint (chorus_ranked_item_get_entry (item)->rank, ==, entry->rank);
      /* The first rows are on screen, with their combined score as the table writes it. */
      if (i < 5)
        g_assert_true (g_hash_table_contains (shown, combined));
    }
}

static void
exclude_flagged_vote (Flow *flow)
{
  ChorusRanking *ranking = chorus_challenge_results_get_ranking (flow->results);
  const ChorusRankedVote *vote = NULL;
  AdwMessageDialog *dialog;
  gint64 vote_id, submission_id;
  guint excluded_before;

  for (guint i = 0; i < chorus_ranking_get_n_votes (ranking) && vote == NULL; i++)
    if (chorus_ranking_get_vote (ranking, i)->flags != 0 && !chorus_ranking_get_vote (ranking, i)->excluded)
      vote = chorus_ranking_get_vote (ranking, i);
  g_assert_nonnull (vote);
  vote_id = vote->id;
  submission_id = vote->submission_id;
  excluded_before = chorus_ranking_find_entry (ranking, submission_id)->votes_excluded;

  chorus_challenge_results_show_page (flow->results, "votes");
  shoot (GTK_WINDOW (flow->window), "votes");
  dialog = open_dialog (flow, "results.exclude-vote", vote_id);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "exclude"));
  type_into (dialog, 0, "Account made the day it voted");
  shoot (GTK_WINDOW (dialog), "exclude-dialog");
  test_click_button (GTK_WIDGET (dialog), _("_Exclude"));
  wait_reload (flow);

  ranking = chorus_challenge_results_get_ranking (flow->results);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, submission_id)->votes_excluded, ==, excluded_before + 1);
  g_assert_cmpint (outbox_test_query_int (flow->db, "SELECT count (*) FROM votes WHERE id = %" G_GINT64_FORMAT
                                          " AND excluded AND exclusion_reason = 'Account made the day it voted'",
                                          vote_id), ==, 1);
  g_assert_cmpint (outbox_test_query_int (flow->db, "SELECT count (*) FROM audit_log WHERE action = 'vote-exclude'"
                                          " AND subject_id = %" G_GINT64_FORMAT, vote_id), ==, 1);
}

/* The best-ranked entry that came from a Mastodon post, whose account
 * now sends to the fake server. */
static gint64
pick_announceable (Flow *flow)
{
  ChorusRanking *ranking = chorus_challenge_results_get_ranking (flow->results);

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    {
      gint64 id = chorus_ranking_get_entry (ranking, i)->submission_id;

      if (outbox_test_query_int (flow->db, "SELECT count (*) FROM submissions s"
                                 " JOIN posts p ON p.id = s.origin_post_id JOIN sources src ON src.id = p.source_id"
                                 " WHERE s.id = %" G_GINT64_FORMAT " AND src.network = 'mastodon'"
                                 " AND s.moderation = 'accepted'", id) == 1)
        {
          /* The post is the fake server's first status, and its account sends there. */
          chorus_test_db_exec (flow->db, "UPDATE posts SET remote_id = '%" G_GUINT64_FORMAT "'"
                                         " WHERE id = (SELECT origin_post_id FROM submissions"
                                         "  WHERE id = %" G_GINT64_FORMAT ")", fake_status_id (0), id);
          chorus_test_db_exec (flow->db, "UPDATE sources SET is_sample = 0, server_url = '%s',"
                                         "  secret_env = '" TOKEN_ENV "'"
                                         " WHERE id = (SELECT p.source_id FROM submissions s"
                                         "  JOIN posts p ON p.id = s.origin_post_id"
                                         "  WHERE s.id = %" G_GINT64_FORMAT ")",
                               fake_mastodon_get_url (fake), id);
          return id;
        }
    }
  g_error ("no entry from a Mastodon post");
}

static void
choose_winner (Flow       *flow,
               gint64      submission_id,
               const char *note,
               const char *shot)
{
  AdwMessageDialog *dialog = open_dialog (flow, "results.choose-winner", submission_id);

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
  type_into (dialog, 0, note);
  if (shot != NULL)
    shoot (GTK_WINDOW (dialog), shot);
  test_click_button (GTK_WIDGET (dialog), _("_Choose Winner"));
  wait_reload (flow);
}

typedef struct
{
  Flow       *flow;
  gint64      submission_id;
  const char *badge;          /* or NULL for none */
  guint       n_badges;
} Badges;

/* Whether the gallery shows @data's badge on its entry's tile, and on
 * @n_badges tiles in all. */
static gboolean
gallery_shows_badge (gpointer data)
{
  Badges *badges = data;
  g_autoptr(GPtrArray) tiles = test_collect (GTK_WIDGET (badges->flow->window), CHORUS_TYPE_SUBMISSION_TILE);
  guint n = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < tiles->len; i++)
    {
      ChorusSubmission *entry = chorus_submission_tile_get_submission (tiles->pdata[i]);
      const char *badge = chorus_submission_tile_get_badge (tiles->pdata[i]);

      n += badge != NULL;
      if (entry != NULL && chorus_submission_get_id (entry) == badges->submission_id)
        found = g_strcmp0 (badge, badges->badge) == 0;
    }
  return found && n == badges->n_badges;
}

/* The gallery, reloaded after the winner changed, marks its tile with
 * the place, in words for assistive technologies too. */
static void
check_gallery_badge (Flow       *flow,
                     gint64      submission_id,
                     guint       place,
                     const char *shot)
{
  GtkStack *views = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (flow->results), GTK_TYPE_STACK));
  g_autofree char *ordinal = chorus_format_place (place);
  g_autofree char *badge = g_strdup_printf (_("Winner, %s place"), ordinal);
  Badges badges = { flow, submission_id, badge, 1 };

  gtk_stack_set_visible_child_name (views, "gallery");
  if (!chorus_test_spin_until (gallery_shows_badge, &badges, CHORUS_TEST_WAIT_MS))
    g_error ("no tile of entry %" G_GINT64_FORMAT " says “%s”", submission_id, badge);
  if (shot != NULL)
    shoot (GTK_WINDOW (flow->window), shot);
  gtk_stack_set_visible_child_name (views, "results");
}

static void
check_hand_added_winner (Flow *flow)
{
  ChorusRanking *ranking = chorus_challenge_results_get_ranking (flow->results);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  gint64 by_hand = 0;
  guint found = 0;

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking) && by_hand == 0; i++)
    if (chorus_ranking_get_entry (ranking, i)->votes_counted > 0 &&
        outbox_test_query_int (flow->db, "SELECT origin_post_id IS NULL FROM submissions WHERE id = %" G_GINT64_FORMAT,
                               chorus_ranking_get_entry (ranking, i)->submission_id))
      by_hand = chorus_ranking_get_entry (ranking, i)->submission_id;
  g_assert_cmpint (by_hand, !=, 0);
  choose_winner (flow, by_hand, "Best at the store event", NULL);

  /* Its Announce says why there is nothing to answer. */
  test_collect_widgets (GTK_WIDGET (flow->results), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("A_nnounce…")) == 0 &&
        !gtk_widget_get_sensitive (buttons->pdata[i]))
      {
        g_assert_cmpstr (gtk_widget_get_tooltip_text (buttons->pdata[i]), ==,
                         _("This entry was added by hand, so there is no post to reply to."));
        found++;
      }
  g_assert_cmpuint (found, ==, 1);
}

static gboolean
server_got_status (gpointer data)
{
  return fake_mastodon_get_stats (data).created >= 1;
}

typedef struct
{
  Flow   *flow;
  gint64  target;
} Sent;

static gboolean
announcement_sent (gpointer data)
{
  Sent *sent = data;

  return outbox_test_query_int (sent->flow->db, "SELECT count (*) FROM outbox WHERE kind = 'reply'"
                                " AND state = 'sent' AND target_post_id = %" G_GINT64_FORMAT, sent->target) == 1;
}

static void
announce (Flow   *flow,
          gint64  winner_id)
{
  const ChorusWinner *winner = chorus_awards_find_winner (flow->awards, winner_id);
  g_autofree char *expected = chorus_format_announcement (winner->place, winner->author, winner->title,
                                                          "SummitTee2026");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) writes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 origin = outbox_test_query_int (flow->db, "SELECT origin_post_id FROM submissions WHERE id = %"
                                         G_GINT64_FORMAT, winner_id);
  Sent sent = { flow, origin };

  g_assert_null (winner->cannot_announce);
  dialog = open_dialog (flow, "results.announce", winner_id);
  test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, views);
  buffer = gtk_text_view_get_buffer (views->pdata[0]);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "announce"));
  shoot (GTK_WINDOW (dialog), "announce-dialog");
  test_click_button (GTK_WIDGET (dialog), _("_Queue Announcement"));
  wait_reload (flow);

  /* One reply to the entry's post, with the text as written; then sent. */
  sql = g_strdup_printf ("SELECT group_concat (body) FROM outbox WHERE kind = 'reply' AND target_post_id = %"
                         G_GINT64_FORMAT, origin);
  body = chorus_test_db_query_text (flow->db, sql);
  g_assert_cmpstr (body, ==, expected);
  g_assert_cmpint (outbox_test_query_int (flow->db, "SELECT count (*) FROM audit_log WHERE action = 'winner-announce'"
                                          " AND subject_id = %" G_GINT64_FORMAT, flow->challenge), ==, 1);
  g_assert_true (chorus_test_spin_until (server_got_status, fake, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (announcement_sent, &sent, CHORUS_TEST_WAIT_MS));
  writes = fake_mastodon_dup_writes (fake);
  g_assert_cmpuint (writes->len, ==, 1);
  g_assert_nonnull (strstr (((FakeMastodonWrite *) writes->pdata[0])->body, "in_reply_to_id"));
  g_assert_nonnull (((FakeMastodonWrite *) writes->pdata[0])->idempotency_key);
}

static void
reward_and_pay (Flow   *flow,
                gint64  winner_id)
{
  AdwMessageDialog *dialog = open_dialog (flow, "results.add-reward", winner_id);
  gint64 reward;

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_into (dialog, 0, "€500 and a Tallpine kit");
  type_into (dialog, 1, "500");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  shoot (GTK_WINDOW (dialog), "reward-dialog");
  test_click_button (GTK_WIDGET (dialog), _("_Add"));
  wait_reload (flow);

  reward = outbox_test_query_int (flow->db, "SELECT id FROM rewards WHERE submission_id = %" G_GINT64_FORMAT
                                  " AND kind = 'prize' AND amount_cents = 50000 AND currency = 'EUR'"
                                  " AND state = 'pending'", winner_id);
  g_assert_cmpint (reward, >, 0);

  dialog = open_dialog (flow, "results.mark-paid", reward);
  test_click_button (GTK_WIDGET (dialog), _("Mark _Paid"));
  wait_reload (flow);
  g_assert_cmpint (outbox_test_query_int (flow->db, "SELECT count (*) FROM rewards WHERE id = %" G_GINT64_FORMAT
                                          " AND state = 'paid' AND paid_at > 0", reward), ==, 1);
  g_assert_cmpint (outbox_test_query_int (flow->db, "SELECT count (*) FROM audit_log"
                                          " WHERE action IN ('reward-add', 'reward-paid')"
                                          " AND subject_id = %" G_GINT64_FORMAT, reward), ==, 2);
  g_assert_true (chorus_awards_find_reward (flow->awards, reward)->paid);
}

/* The report's first page, as a reader sees it, names the challenge and its winner. */
static void
check_report (Flow       *flow,
              const char *winner_title)
{
  g_autofree char *pdf = g_build_filename (test_dir, "results.pdf", NULL);
  g_autofree char *prefix = g_build_filename (test_dir, "results-page", NULL);
  g_autofree char *png = g_build_filename (test_dir, "results-page.png", NULL);
  g_autoptr(ChorusChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (flow->window->designs_pane);
  const char *shots = g_getenv ("CHORUS_DESIGNS_SHOTS");
  guint position;

  challenge = test_find_challenge (pane, flow->challenge, &position);
  g_assert_true (chorus_challenge_report_write_pdf (challenge, chorus_challenge_results_get_ranking (flow->results),
                                                    flow->awards, pdf, &error));
  g_assert_no_error (error);
  g_free (chorus_test_run_program ((const char *[]) { "pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1",
                                                      "-singlefile", pdf, prefix, NULL }));
  text = chorus_test_run_program ((const char *[]) { "tesseract", png, "-", "--psm", "3", NULL });
  g_test_message ("OCR: %s", text);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, chorus_challenge_get_title (challenge)));
  g_assert_nonnull (strstr (text, winner_title));

  if (shots != NULL)
    {
      g_autofree char *name = g_strdup_printf ("results-report-%s.png", g_getenv ("CHORUS_TEST_LANGUAGE") ?: "en");
      g_autofree char *copy = g_build_filename (shots, name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (png);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

/* The winner's image becomes a JPEG with EXIF (GPS included); exported,
 * it carries none of it. */
static void
check_exported_image (Flow   *flow,
                      gint64  winner_id)
{
  ChorusStore *store = chorus_window_get_store (flow->window);
  g_autoptr(GBytes) jpeg = test_jpeg_with_gps (64, 32);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
  g_autofree char *media = chorus_store_dup_media_path (store, sha, "jpg");
  g_autofree char *folder = g_build_filename (test_dir, "winners", NULL);
  g_autofree char *dir = g_path_get_dirname (media);
  g_autoptr(ChorusAwards) awards = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (media, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL));
  chorus_test_db_exec (flow->db, "UPDATE submissions SET image_sha256 = '%s', image_type = 'image/jpeg'"
                                 " WHERE id = %" G_GINT64_FORMAT, sha, winner_id);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  awards = chorus_store_load_awards (store, flow->challenge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_challenge_export_images (awards, folder, &error), ==, chorus_awards_get_n_winners (awards));
  g_assert_no_error (error);

  for (guint i = 0; i < chorus_awards_get_n_winners (awards); i++)
    {
      const ChorusWinner *winner = chorus_awards_get_winner (awards, i);
      g_autofree char *place = chorus_format_place (winner->place);
      g_autofree char *name = g_strdup_printf ("%s %s.png", place, winner->title);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      test_assert_clean_png (path, winner->submission_id == winner_id ? 32 : -1,
                             winner->submission_id == winner_id ? 64 : -1);
    }
}

/* The finished challenge, ranked on support, with the sample's winners and ledger. */
static void
show_finished (Flow *flow)
{
  ChorusDesignsPane *pane = CHORUS_DESIGNS_PANE (flow->window->designs_pane);

  flow->challenge = chorus_test_db_query_int (flow->db, "SELECT id FROM challenges WHERE scale = 'support'");
  test_select_challenge (pane, flow->challenge);
  g_assert_true (chorus_test_spin_until (shows_results, flow, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (chorus_awards_get_n_winners (chorus_challenge_results_get_awards (flow->results)), ==, 2);
  g_assert_cmpuint (chorus_awards_get_n_rewards (chorus_challenge_results_get_awards (flow->results)), ==, 3);
  chorus_challenge_results_show_page (flow->results, "awards");
  shoot (GTK_WINDOW (flow->window), "finished-awards");
  chorus_challenge_results_show_page (flow->results, "ranking");
  shoot (GTK_WINDOW (flow->window), "finished-ranking");
}

static void
test_flow (void)
{
  g_autofree char *path = g_build_filename (test_dir, "results.chorus", NULL);
  g_autoptr(GError) error = NULL;
  FakeMastodonConfig config = { 0, };
  g_autofree char *winner_title = NULL;
  Flow flow = { 0, };
  gint64 winner;

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = "chorusresults";
  config.token = TOKEN;
  config.statuses = 1;
  fake = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  open_results (&flow, path);
  check_rows (&flow);
  shoot (GTK_WINDOW (flow.window), "ranking");

  exclude_flagged_vote (&flow);

  /* A winner from a post: the winners table and the audit log keep it. */
  chorus_challenge_results_show_page (flow.results, "ranking");
  winner = pick_announceable (&flow);
  choose_winner (&flow, winner, "Jury favourite, strong community support", "choose-dialog");
  g_assert_cmpint (outbox_test_query_int (flow.db, "SELECT count (*) FROM winners WHERE place = 1"
                                         " AND submission_id = %" G_GINT64_FORMAT " AND chosen_by IS NOT NULL",
                                         winner), ==, 1);
  g_assert_cmpint (outbox_test_query_int (flow.db, "SELECT count (*) FROM audit_log WHERE action = 'winner-choose'"
                                         " AND subject_type = 'challenge' AND subject_id = %" G_GINT64_FORMAT
                                         " AND json_extract (detail, '$.note')"
                                         "  = 'Jury favourite, strong community support'", flow.challenge), ==, 1);
  winner_title = g_strdup (chorus_awards_find_winner (flow.awards, winner)->title);
  check_gallery_badge (&flow, winner, 1, "gallery-winner");
  check_hand_added_winner (&flow);

  chorus_challenge_results_show_page (flow.results, "awards");
  announce (&flow, winner);
  reward_and_pay (&flow, winner);
  shoot (GTK_WINDOW (flow.window), "awards");
  chorus_challenge_results_show_page (flow.results, "ranking");
  shoot (GTK_WINDOW (flow.window), "ranking-winners");

  check_report (&flow, winner_title);
  check_exported_image (&flow, winner);
  show_finished (&flow);

  test_destroy_window (flow.window);
  fake_mastodon_stop (fake);
}

static void
test_clean_image (void)
{
  g_autoptr(GBytes) jpeg = test_jpeg_with_gps (64, 32);
  g_autofree char *source = g_build_filename (test_dir, "gps.jpg", NULL);
  g_autofree char *clean = g_build_filename (test_dir, "clean.png", NULL);
  g_autofree char *missing = g_build_filename (test_dir, "missing.jpg", NULL);
  g_autoptr(GError) error = NULL;

  /* What goes in carries EXIF, a GPS position and an orientation. */
  g_assert_true (test_bytes_contain (jpeg, "Exif\0\0", 6));
  g_assert_true (test_bytes_contain (jpeg, TEST_GPS_TAG, sizeof TEST_GPS_TAG - 1));
  g_assert_true (g_file_set_contents (source, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL));

  g_assert_true (chorus_clean_image_save (source, clean, &error));
  g_assert_no_error (error);
  test_assert_clean_png (clean, 32, 64);

  g_assert_false (chorus_clean_image_save (missing, clean, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/challenge-results/clean-image", test_clean_image);
  g_test_add_func ("/challenge-results/flow", test_flow);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
