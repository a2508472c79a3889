/* test-entries.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A design challenge's entries: the moderation queue (an entry is
 * accepted, rejected only with a reason, or put back for review; each
 * decision is written with its audit entry, and a refused one changes
 * nothing), and kiosk votes (one per voter and entry, only on accepted
 * entries while voting is open, in the challenge's scale), and entries
 * added by hand with their submitter and consent. */

#include "config.h"

#include "chorus-error.h"
#include "chorus-store-entry-add.h"
#include "chorus-store-kiosk.h"
#include "chorus-store-moderation.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"
#include "variant-image-util.h"

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  sqlite3             *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  chorus_test_workspace_init (&f->workspace, "moderation.chorus");
  f->store = chorus_store_open (f->workspace.path, CHORUS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->db = _chorus_store_get_db (f->store);
  chorus_test_db_exec (f->db,
                       "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                       " voting_open_at, voting_close_at, scale, created_at) VALUES"
                       " (1, 'Summer mascot', 'mascot', 100, 200, 200, 2000, 'score5', 50),"
                       " (2, 'Tote bag', 'tote', 100, 200, 200, 2000, 'support', 50);"
                       "INSERT INTO submissions (id, challenge_id, title, image_sha256, moderation, submitted_at)"
                       " VALUES (7, 1, 'Sunny fox', '%064d', 'pending', 300),"
                       " (8, 1, 'Night owl', '%064d', 'accepted', 300),"
                       " (9, 2, 'Leaf print', '%064d', 'accepted', 300)", 0, 1, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove_all (&f->workspace);
}

static char *
state (Fixture *f)
{
  return chorus_test_db_query_text (f->db, "SELECT moderation || '|' || coalesce (moderation_reason, '-')"
                                           " FROM submissions WHERE id = 7");
}

static char *
last_sentence (Fixture *f)
{
  g_autofree char *detail = chorus_test_db_query_text (f->db, "SELECT detail FROM audit_log"
                                                              " WHERE action = 'submission-moderation'"
                                                              " ORDER BY id DESC LIMIT 1");

  return chorus_test_describe ("submission-moderation", detail, "Ana");
}

static void
test_moderate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *sentence = NULL;

  /* No reason, no rejection; nothing written. */
  g_assert_false (chorus_store_moderate_submission (f->store, 7, "rejected", "   ", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_moderate_submission (f->store, 7, "deleted", NULL, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  now = state (f);
  g_assert_cmpstr (now, ==, "pending|-");
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 0);

  g_assert_true (chorus_store_moderate_submission (f->store, 7, "rejected", "  A copy of last year's winner ",
                                                   &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = state (f);
  g_assert_cmpstr (now, ==, "rejected|A copy of last year's winner");
  sentence = last_sentence (f);
  g_assert_cmpstr (sentence, ==, "Ana rejected the entry “Sunny fox”: A copy of last year's winner");

  /* Accepted, the old reason goes. */
  g_assert_true (chorus_store_moderate_submission (f->store, 7, "accepted", "ignored", &error));
  g_clear_pointer (&now, g_free);
  now = state (f);
  g_assert_cmpstr (now, ==, "accepted|-");
  g_clear_pointer (&sentence, g_free);
  sentence = last_sentence (f);
  g_assert_cmpstr (sentence, ==, "Ana accepted the entry “Sunny fox”");

  g_assert_true (chorus_store_moderate_submission (f->store, 7, "pending", NULL, &error));
  g_clear_pointer (&sentence, g_free);
  sentence = last_sentence (f);
  g_assert_cmpstr (sentence, ==, "Ana put the entry “Sunny fox” back for review");
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"
                                                    " WHERE subject_type = 'submission' AND subject_id = 7"), ==, 3);

  g_assert_false (chorus_store_moderate_submission (f->store, 99, "accepted", NULL, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;

  /* A refusal comes back through the callback, as a write's would. */
  chorus_store_moderate_submission_async (f->store, 7, "rejected", NULL, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_false (chorus_store_moderate_submission_finish (f->store, result, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  chorus_store_moderate_submission_async (f->store, 7, "accepted", NULL, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_store_moderate_submission_finish (f->store, result, &error));
  g_assert_no_error (error);
  now = state (f);
  g_assert_cmpstr (now, ==, "accepted|-");
}

static char *
kiosk_votes (Fixture *f)
{
  return chorus_test_db_query_text (f->db, "SELECT group_concat (submission_id || ':' || coalesce (cast (score AS INTEGER), 'yes')"
                                           " || ':' || cast_at, ',') FROM (SELECT * FROM votes"
                                           " WHERE kind = 'kiosk' ORDER BY submission_id, kiosk_token)");
}

static void
test_kiosk (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *votes = NULL;

  /* Closed voting, a pending entry, a score off the scale: refused. */
  g_assert_false (chorus_store_set_kiosk_vote (f->store, 8, "voter-1", 4, 2000, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_set_kiosk_vote (f->store, 7, "voter-1", 4, 500, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_set_kiosk_vote (f->store, 8, "voter-1", 6, 500, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_set_kiosk_vote (f->store, 9, "voter-1", 4, 500, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM votes"), ==, 0);

  /* One vote per voter and entry: a second replaces the first. */
  g_assert_true (chorus_store_set_kiosk_vote (f->store, 8, "voter-1", 4, 500, &error));
  g_assert_no_error (error);
  g_assert_true (chorus_store_set_kiosk_vote (f->store, 8, "voter-1", 2, 510, &error));
  g_assert_true (chorus_store_set_kiosk_vote (f->store, 8, "voter-2", 5, 520, &error));
  g_assert_true (chorus_store_set_kiosk_vote (f->store, 9, "voter-2", CHORUS_KIOSK_SUPPORT, 530, &error));
  votes = kiosk_votes (f);
  g_assert_cmpstr (votes, ==, "8:2:510,8:5:520,9:yes:530");
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM votes WHERE voter_id IS NOT NULL"), ==, 0);

  /* Taken back. */
  g_assert_true (chorus_store_set_kiosk_vote (f->store, 8, "voter-1", CHORUS_KIOSK_WITHDRAW, 540, &error));
  g_clear_pointer (&votes, g_free);
  votes = kiosk_votes (f);
  g_assert_cmpstr (votes, ==, "8:5:520,9:yes:530");
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 0);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusMediaInfo) image = variant_image_add_png (f->store, 64, 48, FALSE);
  g_autofree char *row = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *detail = NULL;
  ChorusEntryDraft draft = { 3, "  Fox at dawn ", "Ana Lima", "Ana@Example.com", "fox.png", image, TRUE };
  gint64 id, again;

  chorus_test_db_exec (f->db, "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                              " voting_open_at, voting_close_at, created_at) VALUES"
                              " (3, 'Poster', 'poster', 100, 4000000000, 100, 4000000000, 50)");

  /* Each missing piece is refused, and nothing is written. */
  {
    ChorusEntryDraft bad[] = { draft, draft, draft, draft, draft };

    bad[0].image = NULL;
    bad[1].title = " ";
    bad[2].submitter_name = "";
    bad[3].submitter_email = "ana at example";
    bad[4].consent = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (chorus_store_add_entry (f->store, &bad[i], &error), ==, 0);
        g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
        g_clear_error (&error);
      }
    g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM submissions WHERE challenge_id = 3"), ==, 0);
  }
  /* A challenge whose voting is over takes no more. */
  draft.challenge_id = 1;
  g_assert_cmpint (chorus_store_add_entry (f->store, &draft, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  draft.challenge_id = 3;

  id = chorus_store_add_entry (f->store, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  row = chorus_test_db_query_text (f->db, "SELECT s.title || '|' || s.moderation || '|' || s.origin_file || '|'"
                                          " || s.image_type || '|' || s.width || 'x' || s.height || '|'"
                                          " || (s.consent_at > 0) || '|' || i.network || ':' || i.handle || '|'"
                                          " || p.display_name FROM submissions s JOIN identities i ON i.id = s.author_id"
                                          " JOIN people p ON p.id = i.person_id WHERE s.challenge_id = 3");
  g_assert_cmpstr (row, ==, "Fox at dawn|accepted|fox.png|image/png|64x48|1|email:ana@example.com|Ana Lima");
  detail = chorus_test_db_query_text (f->db, "SELECT detail FROM audit_log WHERE action = 'submission-add'");
  sentence = chorus_test_describe ("submission-add", detail, "Sam");
  g_assert_cmpstr (sentence, ==, "Sam added the entry “Fox at dawn” by Ana Lima");

  /* The same address is the same person. */
  draft.title = "Owl at dusk";
  draft.submitter_email = "ana@example.com";
  again = chorus_store_add_entry (f->store, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, id);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (DISTINCT author_id) FROM submissions"
                                                    " WHERE challenge_id = 3"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM identities WHERE network = 'email'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/moderation/moderate", Fixture, NULL, fixture_set_up, test_moderate, fixture_tear_down);
  g_test_add ("/chorus/entries/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/chorus/kiosk/votes", Fixture, NULL, fixture_set_up, test_kiosk, fixture_tear_down);
  g_test_add ("/chorus/moderation/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
