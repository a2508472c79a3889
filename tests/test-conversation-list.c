/* test-conversation-list.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ChorusConversationList over a real workspace of 1000 conversations:
 * loading, order, the items it builds, minimal change signals on reload,
 * and disposal while a worker is still listing. */

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "chorus-conversation-list.h"
#include "chorus-format.h"
#include "chorus-inbox-filter.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

#define N_CONVERSATIONS 1000
#define N_IDENTITIES 10
#define BASE_TIME G_GINT64_CONSTANT (1700000000)

typedef struct
{
  gint64 id;
  gint64 last_activity;
} Row;

typedef struct
{
  ChorusTestWorkspace workspace;
  ChorusStore *store;
  GArray *expected;     /* Row, in the order the list must have */
  GArray *changes;      /* guint triples from items-changed */
} Fixture;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  if (ra->last_activity != rb->last_activity)
    return ra->last_activity > rb->last_activity ? -1 : 1;
  return ra->id > rb->id ? -1 : ra->id < rb->id;
}

/* What conversation @id was made from: many share a last activity. */
static gint64
activity_of (gint64 id)
{
  return BASE_TIME + (id * 7919) % 600;
}

static guint
status_of (gint64 id)
{
  return 1 + id % 5;
}

static guint
author_of (gint64 id)
{
  return id % N_IDENTITIES;
}

static char *
first_text_of (gint64 id)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text, "Thread %" G_GINT64_FORMAT " opens here", id);
  /* Every tenth opening post is long, and not ASCII. */
  if (id % 10 == 0)
    for (guint i = 0; i < 200; i++)
      g_string_append (text, " é");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
insert_conversation (sqlite3 *db,
                     gint64   id,
                     gint64   last_activity)
{
  g_autofree char *first = first_text_of (id);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint author = author_of (id);
  gint64 created = BASE_TIME - 1000000 + id;
  int assignee = id % 4 == 0 ? 1 : id % 4 == 1 ? 2 : 0;

  chorus_test_db_exec (db,
                       "INSERT INTO conversations (id, network, root_uri, started_at, last_activity_at, post_count,"
                       " status_id, assignee_id, unread) VALUES (%" G_GINT64_FORMAT ", '%s', 'c:%" G_GINT64_FORMAT "',"
                       " %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2, %u, nullif (%d, 0), %d)",
                       id, author % 2 ? "bluesky" : "mastodon", id, created, last_activity, status_of (id),
                       assignee, id % 3 == 0);

  /* The reply goes in first, with a later key, and by someone else: the
   * excerpt and author must come from the post with the smallest key. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO posts (id, conversation_id, uri, author_id,"
                                       " created_at, text) VALUES (?1, ?2, 'p:' || ?1, ?3, ?1 >> 16, ?4)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, (created + 500000) << CHORUS_POST_KEY_SHIFT);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int (stmt, 3, 1 + (author + 1) % N_IDENTITIES);
  sqlite3_bind_text (stmt, 4, "A reply further down", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, created << CHORUS_POST_KEY_SHIFT);
  sqlite3_bind_int (stmt, 3, 1 + author);
  sqlite3_bind_text (stmt, 4, first, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sqlite3 *db;

  chorus_test_workspace_init (&f->workspace, "Inbox.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->expected = g_array_new (FALSE, FALSE, sizeof (Row));
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));

  db = _chorus_store_get_db (f->store);
  chorus_test_db_exec (db, "BEGIN");
  chorus_test_db_exec (db,
                       "INSERT INTO team_members (id, name, created_at) VALUES (1, 'Rosa', 1), (2, 'Sam', 1);"
                       "INSERT INTO statuses (id, name, position) VALUES (5, 'Escalated', 4);");
  for (guint i = 0; i < N_IDENTITIES; i++)
    chorus_test_db_exec (db,
                         "INSERT INTO people (id, display_name, created_at) VALUES (%u, 'Person %u', 1);"
                         "INSERT INTO identities (id, person_id, network, server, handle, display_name)"
                         " VALUES (%u, %u, '%s', '%s', 'user%u%s', 'Person %u')",
                         i + 1, i, i + 1, i + 1, i % 2 ? "bluesky" : "mastodon",
                         i % 2 ? "bsky.social" : "social.example", i, i % 2 ? ".bsky.social" : "", i);

  for (gint64 id = 1; id <= N_CONVERSATIONS; id++)
    {
      Row row = { id, activity_of (id) };

      insert_conversation (db, id, row.last_activity);
      g_array_append_val (f->expected, row);
    }
  chorus_test_db_exec (db, "COMMIT");

  qsort (f->expected->data, f->expected->len, sizeof (Row), compare_rows);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Worker threads let go of the store a moment after their callbacks. */
  chorus_test_finalize_object (f->store);
  chorus_test_workspace_remove (&f->workspace);
  g_array_unref (f->expected);
  g_array_unref (f->changes);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  guint triple[] = { position, removed, added };

  g_array_append_vals (f->changes, triple, 3);
}

static ChorusConversationList *
new_list (Fixture *f)
{
  ChorusConversationList *list = chorus_conversation_list_new (f->store);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  return list;
}

static void
wait_loaded (ChorusConversationList *list)
{
  while (chorus_conversation_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

/* The items-changed signals since the last call, as "(p, r, a) ...". */
static char *
take_changes (Fixture *f)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i + 2 < f->changes->len; i += 3)
    g_string_append_printf (text, "%s(%u, %u, %u)", i ? " " : "",
                            g_array_index (f->changes, guint, i),
                            g_array_index (f->changes, guint, i + 1),
                            g_array_index (f->changes, guint, i + 2));
  g_array_set_size (f->changes, 0);
  return g_string_free (text, FALSE);
}

static gint64
id_at (ChorusConversationList *list,
       guint                   position)
{
  g_autoptr(ChorusConversation) conversation = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (conversation);
  return conversation ? chorus_conversation_get_id (conversation) : -1;
}

/* Waits until nothing runs for @list any more: a cancelled listing holds
 * the list until its callback has run, which can be after the listing
 * that replaced it. */
static void
wait_idle (ChorusConversationList *list)
{
  wait_loaded (list);
  chorus_test_wait_sole_ref (list);
}

static void
assert_finalized (ChorusConversationList *list)
{
  wait_idle (list);
  g_assert_finalize_object (list);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  ChorusConversationList *list = new_list (f);
  g_autofree char *changes = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CHORUS_TYPE_CONVERSATION);
  g_assert_true (chorus_conversation_list_get_store (list) == f->store);
  g_assert_true (chorus_conversation_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  wait_loaded (list);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "(0, 0, 1000)");
  g_assert_false (chorus_conversation_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONVERSATIONS);

  /* Newest activity first; ties broken by the higher id. */
  for (guint i = 0; i < N_CONVERSATIONS; i++)
    g_assert_cmpint (id_at (list, i), ==, g_array_index (f->expected, Row, i).id);

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_CONVERSATIONS));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), G_MAXUINT));
  assert_finalized (list);
}

static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  static const char * const status_labels[] = { NULL, "New", "Open", "Waiting", "Done", "Escalated" };
  static const char * const assignees[] = { "Rosa", "Sam", NULL, NULL };
  ChorusConversationList *list = new_list (f);

  wait_loaded (list);

  for (guint i = 0; i < N_CONVERSATIONS; i += 37)
    {
      g_autoptr(ChorusConversation) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = g_array_index (f->expected, Row, i).id;
      guint author = author_of (id);
      g_autofree char *first = first_text_of (id);
      glong length = g_utf8_strlen (first, -1);
      g_autofree char *cut = g_utf8_substring (first, 0, MIN (180, length));
      g_autofree char *excerpt = length > 180 ? g_strconcat (cut, "…", NULL) : g_strdup (cut);
      g_autofree char *name = g_strdup_printf ("Person %u", author);
      g_autofree char *handle = author % 2 ? g_strdup_printf ("@user%u.bsky.social", author)
                                           : g_strdup_printf ("@user%u@social.example", author);

      g_assert_cmpint (chorus_conversation_get_id (c), ==, id);
      g_assert_cmpstr (chorus_conversation_get_network (c), ==, author % 2 ? "bluesky" : "mastodon");
      g_assert_cmpstr (chorus_conversation_get_author_name (c), ==, name);
      g_assert_cmpstr (chorus_conversation_get_author_handle (c), ==, handle);
      g_assert_cmpstr (chorus_conversation_get_excerpt (c), ==, excerpt);
      g_assert_cmpuint (g_utf8_strlen (chorus_conversation_get_excerpt (c), -1), <=, 181);
      g_assert_cmpint (chorus_conversation_get_last_activity (c), ==, activity_of (id));
      g_assert_cmpuint (chorus_conversation_get_post_count (c), ==, 2);
      g_assert_cmpstr (chorus_conversation_get_status (c), ==, status_labels[status_of (id)]);
      g_assert_cmpint (chorus_conversation_get_closed (c), ==, status_of (id) == 4);
      g_assert_cmpint (chorus_conversation_get_unread (c), ==, id % 3 == 0);
      g_assert_cmpstr (chorus_conversation_get_assignee (c), ==, assignees[id % 4]);
    }

  /* A long opening post is cut at 180 characters, not bytes, and says so. */
  {
    g_autoptr(ChorusConversation) c = NULL;

    for (guint i = 0; i < N_CONVERSATIONS && c == NULL; i++)
      if (g_array_index (f->expected, Row, i).id % 10 == 0)
        c = g_list_model_get_item (G_LIST_MODEL (list), i);

    g_assert_cmpuint (g_utf8_strlen (chorus_conversation_get_excerpt (c), -1), ==, 181);
    g_assert_cmpuint (strlen (chorus_conversation_get_excerpt (c)), >, 181);
    g_assert_true (g_str_has_suffix (chorus_conversation_get_excerpt (c), "…"));
  }

  assert_finalized (list);
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  ChorusConversationList *list = new_list (f);
  sqlite3 *db = _chorus_store_get_db (f->store);
  gint64 newest = g_array_index (f->expected, Row, 0).last_activity;
  gint64 middle;
  gint64 next;
  char *changes;

  wait_loaded (list);
  g_free (take_changes (f));

  /* Nothing changed: no signal at all. */
  chorus_conversation_list_reload (list);
  g_assert_true (chorus_conversation_list_get_loading (list));
  wait_loaded (list);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "");
  g_free (changes);

  /* One newer conversation: one row inserted at the top. */
  insert_conversation (db, 5000, newest + 100);
  chorus_conversation_list_reload (list);
  wait_loaded (list);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "(0, 0, 1)");
  g_free (changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONVERSATIONS + 1);
  g_assert_cmpint (id_at (list, 0), ==, 5000);

  /* One deleted in the middle: one row removed there. */
  middle = g_array_index (f->expected, Row, 499).id;
  g_assert_cmpint (id_at (list, 500), ==, middle);
  chorus_test_db_exec (db, "DELETE FROM conversations WHERE id = %" G_GINT64_FORMAT, middle);
  chorus_conversation_list_reload (list);
  wait_loaded (list);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "(500, 1, 0)");
  g_free (changes);
  g_assert_cmpint (id_at (list, 500), ==, g_array_index (f->expected, Row, 500).id);

  /* Two reloads in a row: the first is cancelled, one signal comes. */
  chorus_test_db_exec (db, "DELETE FROM conversations WHERE id = 5000");
  chorus_conversation_list_reload (list);
  chorus_conversation_list_reload (list);
  wait_idle (list);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "(0, 1, 0)");
  g_free (changes);

  /* A conversation with new activity moves to the top. */
  next = g_array_index (f->expected, Row, 10).id;
  chorus_test_db_exec (db, "UPDATE conversations SET last_activity_at = %" G_GINT64_FORMAT
                       " WHERE id = %" G_GINT64_FORMAT, newest + 200, next);
  chorus_conversation_list_reload (list);
  wait_loaded (list);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "(0, 11, 11)");
  g_free (changes);
  g_assert_cmpint (id_at (list, 0), ==, next);

  assert_finalized (list);
}

/* Another worker's query (a listing still running after it was cancelled,
 * or campaigns being listed) holds a read transaction: a reload started
 * meanwhile must still see the latest writes, not that transaction's old
 * snapshot. */
static void
test_reload_during_other_query (Fixture       *f,
                                gconstpointer  data)
{
  ChorusConversationList *list = new_list (f);
  g_autoptr(ChorusStoreConnection) busy = _chorus_store_connection_new (f->store);
  gint64 newest = g_array_index (f->expected, Row, 0).last_activity;
  g_autoptr(sqlite3_stmt) other = NULL;
  g_autofree char *changes = NULL;

  wait_idle (list);
  g_free (take_changes (f));

  g_assert_cmpint (sqlite3_prepare_v2 (busy->db, "SELECT id FROM conversations", -1, &other, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (other), ==, SQLITE_ROW);

  insert_conversation (_chorus_store_get_db (f->store), 5000, newest + 100);
  chorus_conversation_list_reload (list);
  wait_idle (list);
  changes = take_changes (f);
  g_clear_pointer (&other, sqlite3_finalize);
  g_assert_cmpstr (changes, ==, "(0, 0, 1)");
  g_assert_cmpint (id_at (list, 0), ==, 5000);

  assert_finalized (list);
}

static void
test_vanished (Fixture       *f,
               gconstpointer  data)
{
  ChorusConversationList *list = new_list (f);
  gint64 gone = g_array_index (f->expected, Row, 10).id;
  g_autoptr(ChorusConversation) placeholder = NULL;
  g_autoptr(ChorusConversation) neighbour = NULL;

  wait_loaded (list);
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "DELETE FROM conversations WHERE id = %" G_GINT64_FORMAT, gone);

  /* Until the next reload the row is still there, as an empty item. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONVERSATIONS);
  placeholder = g_list_model_get_item (G_LIST_MODEL (list), 10);
  g_assert_nonnull (placeholder);
  g_assert_cmpint (chorus_conversation_get_id (placeholder), ==, gone);
  g_assert_null (chorus_conversation_get_author_name (placeholder));
  g_assert_null (chorus_conversation_get_excerpt (placeholder));
  neighbour = g_list_model_get_item (G_LIST_MODEL (list), 11);
  g_assert_nonnull (chorus_conversation_get_author_name (neighbour));

  assert_finalized (list);
}

static void
test_dispose_in_flight (Fixture       *f,
                        gconstpointer  data)
{
  ChorusConversationList *list = new_list (f);
  gpointer weak = list;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autofree char *changes = NULL;

  /* Disposed while the worker lists ids: the late result is dropped. */
  g_object_add_weak_pointer (G_OBJECT (list), &weak);
  g_assert_true (chorus_conversation_list_get_loading (list));
  g_object_run_dispose (G_OBJECT (list));
  g_object_unref (list);

  while (weak != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
  changes = take_changes (f);
  g_assert_cmpstr (changes, ==, "");

  /* Dropped without dispose, as a view drops its model. */
  list = new_list (f);
  weak = list;
  g_object_add_weak_pointer (G_OBJECT (list), &weak);
  chorus_conversation_list_reload (list);
  g_object_unref (list);

  while (weak != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

/* A new filter lists a first page, then the rest behind it; the rest is
 * put in once the main loop has nothing more urgent to do (for a view,
 * drawing the first page), and a filter set meanwhile supersedes it. */
static void
on_change_priority (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GArray     *priorities)
{
  GSource *source = g_main_current_source ();
  int priority = source != NULL ? g_source_get_priority (source) : G_MININT;

  g_array_append_val (priorities, priority);
}

static ChorusInboxFilter *
status_filter (gint64 status)
{
  ChorusInboxFilter *filter = chorus_inbox_filter_new ();

  chorus_inbox_filter_set_status_ids (filter, &status, 1);
  return filter;
}

/* The list holds exactly the expected rows of @status, in order. */
static guint
assert_status_listed (Fixture                *f,
                      ChorusConversationList *list,
                      guint                   status)
{
  guint n = 0;

  for (guint i = 0; i < f->expected->len; i++)
    {
      gint64 id = g_array_index (f->expected, Row, i).id;

      if (status_of (id) == status)
        g_assert_cmpint (id_at (list, n++), ==, id);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  return n;
}

static void
test_first_page (Fixture       *f,
                 gconstpointer  data)
{
  ChorusConversationList *list = new_list (f);
  g_autoptr(ChorusInboxFilter) open = status_filter (2);
  g_autoptr(ChorusInboxFilter) done = status_filter (4);
  g_autoptr(GArray) priorities = g_array_new (FALSE, FALSE, sizeof (int));
  guint n, first;

  wait_loaded (list);
  g_free (take_changes (f));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_change_priority), priorities);

  chorus_conversation_list_set_filter (list, open);
  wait_loaded (list);
  n = assert_status_listed (f, list, 2);

  /* The first page replaced the list (what it shares with the list
   * before stays), then the rest went in behind it. */
  g_assert_cmpuint (f->changes->len, ==, 6);
  first = N_CONVERSATIONS - g_array_index (f->changes, guint, 1) + g_array_index (f->changes, guint, 2);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, n);
  g_assert_cmpuint (g_array_index (f->changes, guint, 3), ==, first);
  g_assert_cmpuint (g_array_index (f->changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, guint, 5), ==, n - first);
  g_assert_cmpuint (priorities->len, ==, 2);
  g_assert_cmpint (g_array_index (priorities, int, 0), ==, G_PRIORITY_DEFAULT);
  g_assert_cmpint (g_array_index (priorities, int, 1), ==, G_PRIORITY_DEFAULT_IDLE);

  /* Another filter as soon as the first page is in: whenever the rest of
   * the first one comes, it never shows. */
  g_array_set_size (priorities, 0);
  chorus_conversation_list_set_filter (list, NULL);
  wait_loaded (list);
  g_array_set_size (priorities, 0);
  chorus_conversation_list_set_filter (list, open);
  while (priorities->len == 0)
    g_main_context_iteration (NULL, TRUE);
  chorus_conversation_list_set_filter (list, done);
  wait_idle (list);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_status_listed (f, list, 4);

  assert_finalized (list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check marks its test, and the other tests still run. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/chorus/conversation-list/load", test_load);
  ADD ("/chorus/conversation-list/items", test_items);
  ADD ("/chorus/conversation-list/reload", test_reload);
  ADD ("/chorus/conversation-list/reload-during-other-query", test_reload_during_other_query);
  ADD ("/chorus/conversation-list/vanished", test_vanished);
  ADD ("/chorus/conversation-list/dispose-in-flight", test_dispose_in_flight);
  ADD ("/chorus/conversation-list/first-page", test_first_page);

#undef ADD

  return g_test_run ();
}
