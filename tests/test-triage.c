/* test-triage.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Triage on a real workspace whose conversations come in through
 * chorus_store_ingest(): every change single and in bulk, its audit entry
 * and the sentence that tells it, undo (bulk changes from mixed values, a
 * second undo, a conversation changed meanwhile), notes, the row the inbox
 * shows, the conversations-changed signal and the thread it runs on,
 * cancelling, names typed into edits, and a bulk change failing halfway
 * leaving nothing behind. The team's setup is test-triage-team.c. */

#include <string.h>

#include "chorus-store-triage-private.h"
#include "chorus-test-triage.h"

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  g_autoptr(GArray) two = ids_of (f, 2, -1);
  g_autoptr(GArray) three = ids_of (f, 0, 1, 2, -1);
  g_autofree char *history = NULL;
  g_autofree char *before = NULL;
  gint64 bulk;

  chorus_store_set_status_async (f->store, one, WAITING, NULL, on_done_cb, f);
  triage_ok (f);
  g_assert_cmpint (column_of (f, "status_id", 0), ==, WAITING);
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_cmpuint (f->announced_before_result, ==, 1);
  assert_announced (f, 0);

  chorus_store_set_status_async (f->store, two, OPEN, NULL, on_done_cb, f);
  triage_ok (f);

  /* Three conversations from three statuses, closed in one change. */
  chorus_store_set_status_async (f->store, three, DONE, NULL, on_done_cb, f);
  bulk = triage_ok (f);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (column_of (f, "status_id", i), ==, DONE);
  g_assert_cmpint (column_of (f, "status_id", 3), ==, NEW);
  assert_announced (f, 0, 1, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'conversation.status'"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT subject_id IS NULL FROM audit_log WHERE id = %" G_GINT64_FORMAT, bulk),
                   ==, 1);
  before = chorus_test_db_query_text (_chorus_store_get_db (f->store),
                                      "SELECT json_extract (detail, '$.before') FROM audit_log"
                                      " ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (before, ==, "[3,1,2]");

  history = history_of (f, 0);
  g_assert_cmpstr (history, ==,
                   "Ana Lima closed 3 conversations\n"
                   "Ana Lima set the status to Waiting\n");

  /* Each gets its own status back. */
  chorus_store_undo_async (f->store, bulk, NULL, on_done_cb, f);
  {
    g_autoptr(GArray) skipped = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (chorus_store_undo_finish (f->store, wait_result (f), &skipped, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (skipped->len, ==, 0);
    g_clear_object (&f->result);
  }
  g_assert_cmpint (column_of (f, "status_id", 0), ==, WAITING);
  g_assert_cmpint (column_of (f, "status_id", 1), ==, NEW);
  g_assert_cmpint (column_of (f, "status_id", 2), ==, OPEN);
  assert_announced (f, 0, 1, 2);

  g_clear_pointer (&history, g_free);
  history = history_of (f, 1);
  g_assert_cmpstr (history, ==,
                   "Ana Lima undid a status change\n"
                   "Ana Lima closed 3 conversations\n");

  chorus_store_set_status_async (f->store, one, 999, NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_NOT_FOUND, "That status no longer exists.");
}

static void
test_assignee_and_priority (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 3, -1);
  g_autoptr(GArray) two = ids_of (f, 3, 4, -1);
  g_autoptr(ChorusConversation) conversation = NULL;
  g_autofree char *history = NULL;
  gint64 unassign, priority;

  chorus_store_set_assignee_async (f->store, one, f->bo, NULL, on_done_cb, f);
  triage_ok (f);
  g_assert_cmpint (column_of (f, "assignee_id", 3), ==, f->bo);
  chorus_store_set_assignee_async (f->store, two, 0, NULL, on_done_cb, f);
  unassign = triage_ok (f);
  g_assert_cmpint (column_of (f, "assignee_id", 3), ==, -100);

  chorus_store_set_priority_async (f->store, one, CHORUS_PRIORITY_LOW, NULL, on_done_cb, f);
  triage_ok (f);
  chorus_store_set_priority_async (f->store, two, CHORUS_PRIORITY_HIGH, NULL, on_done_cb, f);
  priority = triage_ok (f);
  g_assert_cmpint (column_of (f, "priority", 4), ==, 3);

  history = history_of (f, 3);
  g_assert_cmpstr (history, ==,
                   "Ana Lima set the priority of 2 conversations to High\n"
                   "Ana Lima set the priority to Low\n"
                   "Ana Lima unassigned 2 conversations\n"
                   "Ana Lima assigned the conversation to Bo Chen\n");

  g_assert_true (undo_ok (f, priority));
  g_assert_cmpint (column_of (f, "priority", 3), ==, CHORUS_PRIORITY_LOW);
  g_assert_cmpint (column_of (f, "priority", 4), ==, CHORUS_PRIORITY_NONE);
  g_assert_true (undo_ok (f, unassign));
  g_assert_cmpint (column_of (f, "assignee_id", 3), ==, f->bo);
  g_assert_cmpint (column_of (f, "assignee_id", 4), ==, -100);

  conversation = chorus_store_load_conversation (f->store, f->c[3], NULL);
  g_assert_cmpint (chorus_conversation_get_assignee_id (conversation), ==, f->bo);
  g_assert_cmpstr (chorus_conversation_get_assignee (conversation), ==, "Bo Chen");
  g_assert_cmpint (chorus_conversation_get_priority (conversation), ==, CHORUS_PRIORITY_LOW);

  chorus_store_set_assignee_async (f->store, one, 999, NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_NOT_FOUND, "That team member no longer exists.");
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  g_autoptr(GArray) two = ids_of (f, 0, 1, -1);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(ChorusConversation) conversation = NULL;
  g_autofree char *history = NULL;
  const char * const both[] = { "refund", "shipping", NULL };
  gint64 created, bulk, removed;

  chorus_store_add_tag_async (f->store, one, "  refund ", NULL, on_done_cb, f);
  created = triage_ok (f);
  chorus_store_add_tag_async (f->store, two, "Refund", NULL, on_done_cb, f);
  bulk = triage_ok (f);
  chorus_store_add_tag_async (f->store, one, "shipping", NULL, on_done_cb, f);
  triage_ok (f);

  tags = list_tags (f);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (chorus_tag_get_name (g_ptr_array_index (tags, 0)), ==, "refund");
  g_assert_cmpuint (chorus_tag_get_usage_count (g_ptr_array_index (tags, 0)), ==, 2);
  g_assert_cmpuint (chorus_tag_get_usage_count (g_ptr_array_index (tags, 1)), ==, 1);

  conversation = chorus_store_load_conversation (f->store, f->c[0], NULL);
  g_assert_cmpstrv (chorus_conversation_get_tags (conversation), both);

  chorus_store_remove_tag_async (f->store, two, "REFUND", NULL, on_done_cb, f);
  removed = triage_ok (f);
  assert_announced (f, 0, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversation_tags"), ==, 1);

  history = history_of (f, 1);
  g_assert_cmpstr (history, ==,
                   "Ana Lima removed the tag “refund” from 2 conversations\n"
                   "Ana Lima added the tag “refund” to 2 conversations\n");
  g_clear_pointer (&history, g_free);
  history = history_of (f, 0);
  g_assert_true (g_str_has_suffix (history, "Ana Lima added the tag “refund”\n"));

  /* Back in reverse order; the tag the first change made goes with it. */
  g_assert_true (undo_ok (f, removed));
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversation_tags"), ==, 3);
  g_assert_true (undo_ok (f, bulk));
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id"
                                 " WHERE t.name = 'refund'"), ==, 1);
  g_assert_true (undo_ok (f, created));
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM tags WHERE name = 'refund'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM tags"), ==, 1);

  chorus_store_remove_tag_async (f->store, one, "nothing", NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_NOT_FOUND, "There is no tag “nothing”.");
  chorus_store_add_tag_async (f->store, one, "  ", NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_INVALID_ARGUMENT, "A name cannot be empty.");
}

static void
test_read_and_sentiment (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  g_autoptr(GArray) two = ids_of (f, 0, 1, -1);
  g_autoptr(ChorusConversation) conversation = NULL;
  g_autofree char *history = NULL;
  gint64 read, positive;

  chorus_store_set_read_async (f->store, two, TRUE, NULL, on_done_cb, f);
  read = triage_ok (f);
  g_assert_cmpint (column_of (f, "unread", 0), ==, 0);
  g_assert_cmpint (column_of (f, "unread", 2), ==, 1);

  /* The automatic values, whatever the analysis at ingest made of them. */
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "UPDATE conversations SET sentiment = -1, has_question = 1 WHERE id = %" G_GINT64_FORMAT ";"
                       "UPDATE conversations SET sentiment = NULL WHERE id = %" G_GINT64_FORMAT,
                       f->c[0], f->c[1]);
  chorus_store_set_sentiment_async (f->store, one, CHORUS_SENTIMENT_POSITIVE, NULL, on_done_cb, f);
  positive = triage_ok (f);
  conversation = chorus_store_load_conversation (f->store, f->c[0], NULL);
  g_assert_cmpint (chorus_conversation_get_sentiment (conversation), ==, CHORUS_SENTIMENT_POSITIVE);
  g_assert_true (chorus_conversation_get_sentiment_overridden (conversation));
  g_assert_false (chorus_conversation_get_unread (conversation));
  g_clear_object (&conversation);

  chorus_store_set_sentiment_async (f->store, two, CHORUS_SENTIMENT_NONE, NULL, on_done_cb, f);
  triage_ok (f);
  conversation = chorus_store_load_conversation (f->store, f->c[0], NULL);
  g_assert_cmpint (chorus_conversation_get_sentiment (conversation), ==, CHORUS_SENTIMENT_NEGATIVE);
  g_assert_false (chorus_conversation_get_sentiment_overridden (conversation));
  g_clear_object (&conversation);
  conversation = chorus_store_load_conversation (f->store, f->c[1], NULL);
  g_assert_cmpint (chorus_conversation_get_sentiment (conversation), ==, CHORUS_SENTIMENT_NONE);

  history = history_of (f, 0);
  g_assert_cmpstr (history, ==,
                   "Ana Lima set the sentiment of 2 conversations back to automatic\n"
                   "Ana Lima set the sentiment to Positive\n"
                   "Ana Lima marked 2 conversations as read\n");

  /* Undone out of order: the sentiment change touched another column. */
  g_assert_true (undo_ok (f, read));
  g_assert_cmpint (column_of (f, "unread", 1), ==, 1);
  chorus_store_set_read_async (f->store, one, TRUE, NULL, on_done_cb, f);
  triage_ok (f);

  /* The override was cleared since: that undo is refused. */
  g_assert_false (chorus_store_undo (f->store, positive, NULL));
  g_assert_cmpint (column_of (f, "sentiment_override", 0), ==, -100);

  /* Read state is in the file. */
  g_clear_object (&conversation);
  reopen_store (f);
  conversation = chorus_store_load_conversation (f->store, f->c[0], NULL);
  g_assert_false (chorus_conversation_get_unread (conversation));
  g_assert_true (chorus_conversation_get_has_question (conversation));
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  g_autoptr(GArray) two = ids_of (f, 0, 1, -1);
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *history = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 first_note, bulk, deleted;
  ChorusNote *note;

  chorus_store_add_note_async (f->store, one, "Called back, waiting on the courier.\n", NULL, on_done_cb, f);
  triage_ok (f);
  chorus_store_add_note_async (f->store, two, "Refund approved", NULL, on_done_cb, f);
  bulk = triage_ok (f);
  assert_announced (f, 0, 1);

  notes = list_notes (f, 0);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 0);
  first_note = chorus_note_get_id (note);
  g_assert_cmpstr (chorus_note_get_body (note), ==, "Called back, waiting on the courier.");
  g_assert_cmpstr (chorus_note_get_author_name (note), ==, "Ana Lima");
  g_assert_cmpint (chorus_note_get_author_id (note), ==, f->ana);
  g_assert_cmpint (chorus_note_get_conversation_id (note), ==, f->c[0]);
  g_assert_cmpint (chorus_note_get_created_at (note), >=, now);
  g_assert_cmpint (chorus_note_get_created_at (note), <=, now + 5);
  g_assert_cmpstr (chorus_note_get_body (g_ptr_array_index (notes, 1)), ==, "Refund approved");

  chorus_store_delete_note_async (f->store, first_note, NULL, on_done_cb, f);
  deleted = triage_ok (f);
  assert_announced (f, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM notes"), ==, 2);

  history = history_of (f, 0);
  g_assert_cmpstr (history, ==,
                   "Ana Lima deleted a note\n"
                   "Ana Lima added a note to 2 conversations\n"
                   "Ana Lima added a note\n");

  /* The note comes back whole, under its id. */
  g_assert_true (undo_ok (f, deleted));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = list_notes (f, 0);
  g_assert_cmpuint (notes->len, ==, 2);
  note = g_ptr_array_index (notes, 0);
  g_assert_cmpint (chorus_note_get_id (note), ==, first_note);
  g_assert_cmpstr (chorus_note_get_body (note), ==, "Called back, waiting on the courier.");
  g_assert_cmpint (chorus_note_get_author_id (note), ==, f->ana);

  g_assert_true (undo_ok (f, bulk));
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM notes"), ==, 1);

  chorus_store_add_note_async (f->store, one, " \n ", NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_INVALID_ARGUMENT, "A note cannot be empty.");
  chorus_store_delete_note_async (f->store, 999, NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_NOT_FOUND, "That note no longer exists.");
}

static void
test_undo_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  g_autoptr(GArray) two = ids_of (f, 0, 1, -1);
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;
  gint64 closed, waiting, entries, undo;

  chorus_store_set_status_async (f->store, two, DONE, NULL, on_done_cb, f);
  closed = triage_ok (f);

  /* Someone else puts the first conversation on hold meanwhile. */
  chorus_store_set_status_async (f->store, one, WAITING, NULL, on_done_cb, f);
  waiting = triage_ok (f);

  chorus_store_undo_async (f->store, closed, NULL, on_done_cb, f);
  g_assert_true (chorus_store_undo_finish (f->store, wait_result (f), &skipped, &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpint (g_array_index (skipped, gint64, 0), ==, f->c[0]);
  g_assert_cmpint (column_of (f, "status_id", 0), ==, WAITING);
  g_assert_cmpint (column_of (f, "status_id", 1), ==, NEW);
  assert_announced (f, 1);
  undo = query_int (f, "SELECT max (id) FROM audit_log");

  entries = query_int (f, "SELECT count (*) FROM audit_log");
  g_assert_false (chorus_store_undo (f->store, closed, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "This change was already undone.");
  g_clear_error (&error);

  g_assert_false (chorus_store_undo (f->store, undo, &error));
  g_assert_cmpstr (error->message, ==, "An undo cannot be undone.");
  g_clear_error (&error);

  g_assert_false (chorus_store_undo (f->store, 12345, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Setting up the team is audited, but is not a triage change. */
  g_assert_false (chorus_store_undo (f->store, query_int (f, "SELECT min (id) FROM audit_log"), &error));
  g_assert_cmpstr (error->message, ==, "This change cannot be undone.");
  g_clear_error (&error);

  /* Every conversation changed since: refused, nothing written. */
  chorus_store_set_status_async (f->store, one, OPEN, NULL, on_done_cb, f);
  triage_ok (f);
  entries++;
  g_assert_false (chorus_store_undo (f->store, waiting, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, entries);
  g_assert_cmpint (column_of (f, "status_id", 0), ==, OPEN);

  history = history_of (f, 0);
  g_assert_cmpstr (history, ==,
                   "Ana Lima set the status to Open\n"
                   "Ana Lima undid a status change\n"
                   "Ana Lima set the status to Waiting\n"
                   "Ana Lima closed 2 conversations\n");
}

static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GArray) three = ids_of (f, 0, 1, 2, -1);
  g_autoptr(GArray) with_gone = ids_of (f, 0, 1, -1);
  g_autoptr(GError) error = NULL;
  gint64 gone = 999999, entries;

  entries = query_int (f, "SELECT count (*) FROM audit_log");

  /* The third conversation refuses, after the first two changed. */
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "CREATE TRIGGER refuse_third BEFORE UPDATE OF status_id ON conversations"
                       " WHEN new.id = %" G_GINT64_FORMAT
                       " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                       f->c[2]);
  chorus_store_set_status_async (f->store, three, DONE, NULL, on_done_cb, f);
  g_assert_cmpint (finish_triage (f, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "refused by the test"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversations WHERE status_id <> %d", NEW), ==, 0);

  /* A conversation deleted meanwhile, last in the selection. */
  g_array_append_val (with_gone, gone);
  chorus_store_add_tag_async (f->store, with_gone, "refund", NULL, on_done_cb, f);
  assert_refused (f, finish_triage, CHORUS_ERROR_NOT_FOUND,
                  "A conversation was deleted meanwhile. Nothing was changed.");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM tags"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversation_tags"), ==, 0);

  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, entries);
  g_assert_cmpuint (f->announced->len, ==, 0);

  /* Once the trigger is gone the same change works. */
  chorus_test_db_exec (_chorus_store_get_db (f->store), "DROP TRIGGER refuse_third");
  chorus_store_set_status_async (f->store, three, DONE, NULL, on_done_cb, f);
  triage_ok (f);
  assert_announced (f, 0, 1, 2);
}

static void
test_conversation_row (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 3, -1);
  g_autoptr(ChorusConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  const char * const tags[] = { "billing", "Zipper", NULL };
  const char * const none[] = { NULL };

  chorus_store_add_tag_async (f->store, one, "Zipper", NULL, on_done_cb, f);
  triage_ok (f);
  chorus_store_add_tag_async (f->store, one, "billing", NULL, on_done_cb, f);
  triage_ok (f);
  chorus_store_set_status_async (f->store, one, WAITING, NULL, on_done_cb, f);
  triage_ok (f);
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "UPDATE conversations SET sentiment = 1, has_question = 0 WHERE id = %" G_GINT64_FORMAT,
                       f->c[3]);

  conversation = chorus_store_load_conversation (f->store, f->c[3], &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_conversation_get_status_id (conversation), ==, WAITING);
  g_assert_cmpstr (chorus_conversation_get_status (conversation), ==, "Waiting");
  g_assert_cmpstrv (chorus_conversation_get_tags (conversation), tags);
  g_assert_cmpstr (chorus_conversation_get_avatar_url (conversation), ==,
                   "https://social.example/avatars/3.png");
  g_assert_cmpint (chorus_conversation_get_author_person_id (conversation), ==,
                   query_int (f, "SELECT person_id FROM identities WHERE handle = 'p3'"));
  g_assert_cmpint (chorus_conversation_get_source_id (conversation), ==, f->source);
  g_assert_cmpint (chorus_conversation_get_assignee_id (conversation), ==, 0);
  g_assert_null (chorus_conversation_get_assignee (conversation));
  g_assert_cmpint (chorus_conversation_get_sentiment (conversation), ==, CHORUS_SENTIMENT_POSITIVE);
  g_assert_false (chorus_conversation_get_sentiment_overridden (conversation));
  g_assert_cmpint (chorus_conversation_get_priority (conversation), ==, CHORUS_PRIORITY_NONE);
  g_assert_false (chorus_conversation_get_has_question (conversation));
  g_assert_true (chorus_conversation_get_unread (conversation));
  g_clear_object (&conversation);

  conversation = chorus_store_load_conversation (f->store, f->c[4], &error);
  g_assert_cmpstrv (chorus_conversation_get_tags (conversation), none);
}

typedef struct
{
  GThread *thread;      /* where the signal ran */
  int      emissions;
} Emission;

static void
on_changed_record_thread_cb (ChorusStore *store,
                             GArray      *ids,
                             Emission    *emission)
{
  emission->thread = g_thread_self ();
  g_atomic_int_inc (&emission->emissions);
}

/* GTK handlers listen to the signal, so it runs on the thread of the
 * caller's main context even when the change commits while that thread is
 * busy and not iterating it: then nothing stops the worker from taking
 * the context itself. */
static void
test_announced_on_main_thread (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  GThread *main_thread = g_thread_self ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  Emission emission = { NULL, 0 };
  gulong handler;

  handler = g_signal_connect (f->store, "conversations-changed", G_CALLBACK (on_changed_record_thread_cb),
                              &emission);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* Busy elsewhere until the change committed and the worker queued
   * something on the context (or, wrongly, emitted the signal itself). */
  chorus_store_set_status_async (f->store, one, WAITING, NULL, on_done_cb, f);
  while (column_of (f, "status_id", 0) != WAITING ||
         (g_atomic_int_get (&emission.emissions) == 0 && !g_main_context_pending (NULL)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_assert_cmpint (g_atomic_int_get (&emission.emissions), ==, 0);

  triage_ok (f);
  g_assert_cmpint (column_of (f, "status_id", 0), ==, WAITING);
  g_assert_cmpint (emission.emissions, ==, 1);
  g_assert_true (emission.thread == main_thread);
  g_assert_cmpuint (f->announced_before_result, ==, 1);
  assert_announced (f, 0);

  g_signal_handler_disconnect (f->store, handler);
}

/* Every edit that takes a name a person typed trims it, and refuses one
 * left empty or holding control characters before anything is written. */
static void
test_typed_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 0, -1);
  const char *empty = "A name cannot be empty.";
  const char *control = "A name cannot hold tabs, line breaks or other control characters.";
  gint64 tag, entries;

  chorus_store_add_tag_async (f->store, one, "refund", NULL, on_done_cb, f);
  triage_ok (f);
  tag = query_int (f, "SELECT id FROM tags WHERE name = 'refund'");
  entries = query_int (f, "SELECT count (*) FROM audit_log");
  g_ptr_array_set_size (f->announced, 0);

  chorus_store_rename_tag_async (f->store, tag, " \t ", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, empty);
  chorus_store_add_status_async (f->store, "  ", FALSE, NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, empty);
  chorus_store_rename_team_member_async (f->store, f->bo, "Bo\tChen", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, control);
  chorus_store_rename_status_async (f->store, OPEN, "Open\nnow", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, control);
  chorus_store_add_team_member_async (f->store, "Cy\x7f", NULL, "member", NULL, on_done_cb, f);
  assert_refused (f, finish_edit, CHORUS_ERROR_INVALID_ARGUMENT, control);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, entries);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM team_members"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM statuses"), ==, 4);
  g_assert_cmpuint (f->announced->len, ==, 0);

  /* Spaces and line breaks around a name go. */
  chorus_store_rename_tag_async (f->store, tag, "  returns ", NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, tag);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM tags WHERE name = 'returns'"), ==, 1);
  chorus_store_rename_team_member_async (f->store, f->bo, " Bo Chen-Li\n", NULL, on_done_cb, f);
  g_assert_cmpint (edit_ok (f), ==, f->bo);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM team_members WHERE name = 'Bo Chen-Li'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, entries + 2);
}

/* Cancelling stops a change that has not started; one that committed
 * before the cancel is still reported, and announced, so that it can be
 * undone. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) one = ids_of (f, 1, -1);
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) after = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 entries = query_int (f, "SELECT count (*) FROM audit_log");
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_cancellable_cancel (before);
  chorus_store_set_status_async (f->store, one, DONE, before, on_done_cb, f);
  g_assert_cmpint (finish_triage (f, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (column_of (f, "status_id", 1), ==, NEW);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, entries);
  g_assert_cmpuint (f->announced->len, ==, 0);

  chorus_store_set_status_async (f->store, one, DONE, after, on_done_cb, f);
  while (column_of (f, "status_id", 1) != DONE)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_cancellable_cancel (after);
  triage_ok (f);
  g_assert_cmpint (column_of (f, "status_id", 1), ==, DONE);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, entries + 1);
  g_assert_cmpuint (f->announced_before_result, ==, 1);
  assert_announced (f, 1);
}

/* Entries written by rules and the person panel read as sentences too. */
static void
test_describe_other_entries (void)
{
  g_autofree char *rule = chorus_test_describe ("rule.apply", "{\"rule\":1,\"name\":\"Refunds\",\"tag\":\"billing\"}",
                                                  NULL);
  g_autofree char *segment = chorus_test_describe ("person-segment-add", "{\"segment\":\"vip\"}", "Ana Lima");
  g_autofree char *notes = chorus_test_describe ("person-notes", "{}", "Ana Lima");
  g_autofree char *unknown = chorus_test_describe ("something.new", NULL, "Ana Lima");

  g_assert_cmpstr (rule, ==, "The rule “Refunds” triaged this conversation");
  g_assert_cmpstr (segment, ==, "Ana Lima changed this person’s segments");
  g_assert_cmpstr (notes, ==, "Ana Lima edited the notes on this person");
  g_assert_cmpstr (unknown, ==, "Ana Lima made a change");
}

/* A history line cleans the names in it and isolates them, a team
 * member's and a stranger's, so an override in one cannot turn the
 * sentence around. */
static void
test_describe_hostile_names (void)
{
  g_autofree char *merged = _chorus_audit_describe ("person-merge",
                                                    "{\"merged_name\": \"A" CHORUS_TEST_RLO "na" CHORUS_TEST_ZWSP "\"}",
                                                    "De" CHORUS_TEST_ZWSP "e" CHORUS_TEST_RLO);
  g_autofree char *entry = _chorus_audit_describe ("submission-add",
                                                   "{\"name\": \"Fox\", \"submitter\": \"" CHORUS_TEST_RLO "Sam\"}",
                                                   NULL);

  g_assert_cmpstr (merged, ==,
                   CHORUS_TEST_FSI "Dee" CHORUS_TEST_PDI " merged “" CHORUS_TEST_FSI "Ana" CHORUS_TEST_PDI "” into this person");
  g_assert_cmpstr (entry, ==, "Someone added the entry “Fox” by " CHORUS_TEST_FSI "Sam" CHORUS_TEST_PDI);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/triage/status", Fixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/chorus/triage/assignee-and-priority", Fixture, NULL, fixture_set_up,
              test_assignee_and_priority, fixture_tear_down);
  g_test_add ("/chorus/triage/tags", Fixture, NULL, fixture_set_up, test_tags, fixture_tear_down);
  g_test_add ("/chorus/triage/read-and-sentiment", Fixture, NULL, fixture_set_up,
              test_read_and_sentiment, fixture_tear_down);
  g_test_add ("/chorus/triage/notes", Fixture, NULL, fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/chorus/triage/undo-rules", Fixture, NULL, fixture_set_up, test_undo_rules,
              fixture_tear_down);
  g_test_add ("/chorus/triage/failure-leaves-nothing", Fixture, NULL, fixture_set_up,
              test_failure_leaves_nothing, fixture_tear_down);
  g_test_add ("/chorus/triage/conversation-row", Fixture, NULL, fixture_set_up, test_conversation_row,
              fixture_tear_down);
  g_test_add ("/chorus/triage/announced-on-main-thread", Fixture, NULL, fixture_set_up,
              test_announced_on_main_thread, fixture_tear_down);
  g_test_add ("/chorus/triage/typed-names", Fixture, NULL, fixture_set_up, test_typed_names,
              fixture_tear_down);
  g_test_add ("/chorus/triage/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add_func ("/chorus/triage/describe-other-entries", test_describe_other_entries);
  g_test_add_func ("/chorus/triage/describe-hostile-names", test_describe_hostile_names);

  return g_test_run ();
}
