/* test-people.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People on a real workspace: loading a person with identities on two
 * networks, segments and CRM fields; their conversations newest first
 * with first-reply times and the median, all computed by hand from the
 * rows people-workspace.c writes; segment, notes and name changes with
 * their audit entries; and automatic tagging refusing bots. */

#include <locale.h>

#include "chorus-error.h"
#include "chorus-store-people.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"
#include "people-workspace.h"

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "people.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  chorus_test_seed_people_workspace (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove (&f->workspace);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  return chorus_test_db_query_int (_chorus_store_get_db (f->store), sql);
}

static ChorusPerson *
load_person (Fixture  *f,
             gint64    person_id,
             GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_store_load_person_async (f->store, person_id, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_store_load_person_finish (f->store, result, error);
}

/* Waits for the change whose callback filled @result. */
static gint64
finish_change (Fixture       *f,
               GAsyncResult **result,
               GError       **error)
{
  gint64 id;

  chorus_test_wait_async_result (result);
  id = chorus_store_person_change_finish (f->store, *result, error);
  g_clear_object (result);
  return id;
}

static gint64
set_segment (Fixture              *f,
             gint64                person_id,
             ChorusPersonSegments  segment,
             gboolean              add,
             gboolean              automatic,
             GError              **error)
{
  GAsyncResult *result = NULL;

  chorus_store_set_person_segment_async (f->store, person_id, segment, add, automatic, NULL,
                                         chorus_test_async_result_cb, &result);
  return finish_change (f, &result, error);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ChorusPerson) ana = NULL;
  g_autoptr(ChorusPerson) nobody = NULL;
  g_autoptr(GError) error = NULL;
  ChorusIdentity *identity;
  GPtrArray *identities;

  ana = load_person (f, ANA, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_person_get_id (ana), ==, ANA);
  g_assert_cmpstr (chorus_person_get_display_name (ana), ==, "Ana Lima");
  g_assert_cmpstr (chorus_person_get_notes (ana), ==, "Prefers email.");
  g_assert_cmpuint (chorus_person_get_segments (ana), ==, CHORUS_PERSON_SEGMENT_VIP);
  g_assert_false (chorus_person_get_is_bot (ana));

  identities = chorus_person_get_identities (ana);
  g_assert_cmpuint (identities->len, ==, 2);
  identity = g_ptr_array_index (identities, 0);
  g_assert_cmpint (identity->id, ==, 1);
  g_assert_cmpstr (identity->network, ==, "mastodon");
  g_assert_cmpstr (identity->server, ==, "social.example");
  g_assert_cmpstr (identity->handle, ==, "ana");
  g_assert_cmpstr (identity->display_name, ==, "Ana 🌿");
  g_assert_cmpstr (identity->profile_url, ==, "https://social.example/@ana");
  g_assert_null (identity->avatar_url);
  g_assert_cmpint (identity->account_created_at, ==, 50);
  identity = g_ptr_array_index (identities, 1);
  g_assert_cmpstr (identity->network, ==, "bluesky");
  g_assert_cmpstr (identity->handle, ==, "ana.bsky.social");

  /* By name, case aside. */
  g_assert_cmpuint (chorus_person_get_n_fields (ana), ==, 2);
  g_assert_cmpstr (chorus_person_get_field_name (ana, 0), ==, "Customer since");
  g_assert_cmpstr (chorus_person_get_field_value (ana, 0), ==, "2021");
  g_assert_cmpstr (chorus_person_get_field_name (ana, 1), ==, "Plan");
  g_assert_cmpstr (chorus_person_get_field_value (ana, 1), ==, "Pro");

  nobody = load_person (f, 99, &error);
  g_assert_null (nobody);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
}

static ChorusPersonHistory *
list_history (Fixture *f,
              gint64   person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusPersonHistory *history;

  chorus_store_list_person_conversations_async (f->store, person_id, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  history = chorus_store_list_person_conversations_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    gint64      id;
    const char *excerpt;
    const char *network;
    gint64      started_at;
    const char *status;
    gint64      first_reply;
  } expected[] = {
    { C4, "Love the new colours", "mastodon", 12000, "New", 600 },
    { C3, "Billing question", "mastodon", 9000, "Done", -1 },
    { C2, "Is the app down? For me it is", "bluesky", 5000, "Open", 90 },
    { C1, "My order never arrived", "mastodon", 1000, "New", 7200 },
  };
  g_autoptr(ChorusPersonHistory) ana = list_history (f, ANA);
  g_autoptr(ChorusPersonHistory) bo = list_history (f, BO);
  g_autoptr(ChorusPersonHistory) nobody = list_history (f, 99);

  g_assert_cmpuint (ana->conversations->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ChorusPersonConversation *conversation = g_ptr_array_index (ana->conversations, i);

      g_assert_cmpint (conversation->id, ==, expected[i].id);
      g_assert_cmpstr (conversation->excerpt, ==, expected[i].excerpt);
      g_assert_cmpstr (conversation->network, ==, expected[i].network);
      g_assert_cmpint (conversation->started_at, ==, expected[i].started_at);
      g_assert_cmpstr (conversation->status, ==, expected[i].status);
      g_assert_cmpint (conversation->first_reply, ==, expected[i].first_reply);
    }
  /* Of 90, 600 and 7200 seconds. */
  g_assert_cmpuint (ana->replied, ==, 3);
  g_assert_cmpint (ana->median_first_reply, ==, 600);

  /* Bo: C5 (20100 - 20000) and C2 (5500 - 5000): the mean of the two. */
  g_assert_cmpuint (bo->conversations->len, ==, 2);
  g_assert_cmpint (((ChorusPersonConversation *) g_ptr_array_index (bo->conversations, 0))->first_reply, ==, 100);
  g_assert_cmpint (((ChorusPersonConversation *) g_ptr_array_index (bo->conversations, 1))->first_reply, ==, 500);
  g_assert_cmpint (bo->median_first_reply, ==, 300);

  g_assert_cmpuint (ana->n_conversations, ==, 4);
  g_assert_cmpuint (bo->n_conversations, ==, 2);
  g_assert_cmpuint (nobody->conversations->len, ==, 0);
  g_assert_cmpuint (nobody->replied, ==, 0);
  g_assert_cmpint (nobody->median_first_reply, ==, -1);
}

/* Bo takes part in 205 more conversations, unanswered: the list keeps the
 * newest 200, and the count and the median still cover every one. */
static void
test_history_limit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ChorusPersonHistory) bo = NULL;

  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 205)"
                       " INSERT INTO conversations (id, network, root_uri, started_at, last_activity_at)"
                       " SELECT 100 + i, 'mastodon', 'u:x' || i, 30000 + i, 30000 + i FROM n;"
                       "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 205)"
                       " INSERT INTO posts (id, conversation_id, uri, author_id, created_at, text)"
                       " SELECT ((30000 + i) << 16) + 1, 100 + i, 'u:xp' || i, 3, 30000 + i, 'x' FROM n;");

  bo = list_history (f, BO);
  g_assert_cmpuint (bo->n_conversations, ==, 207);
  g_assert_cmpuint (bo->conversations->len, ==, 200);
  g_assert_cmpint (((ChorusPersonConversation *) g_ptr_array_index (bo->conversations, 0))->id, ==, 305);
  g_assert_cmpint (((ChorusPersonConversation *) g_ptr_array_index (bo->conversations, 199))->id, ==, 106);
  g_assert_cmpuint (bo->replied, ==, 2);
  g_assert_cmpint (bo->median_first_reply, ==, 300);
}

static void
test_segments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 added, removed;

  added = set_segment (f, ANA, CHORUS_PERSON_SEGMENT_ADVOCATE, TRUE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 1"
                                 " AND segment IN ('advocate', 'vip')"), ==, 2);
  removed = set_segment (f, ANA, CHORUS_PERSON_SEGMENT_VIP, FALSE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (removed, >, added);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 1"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 1"
                                 " AND segment = 'advocate'"), ==, 1);

  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE subject_type = 'person'"
                                 " AND subject_id = 1"), ==, 2);
  detail = chorus_test_db_query_text (_chorus_store_get_db (f->store),
                                      "SELECT action || ' ' || detail FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (detail, ==, "person-segment-remove {\"segment\":\"vip\",\"automatic\":false,\"changed\":true}");

  {
    g_autoptr(ChorusPerson) ana = load_person (f, ANA, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (chorus_person_get_segments (ana), ==, CHORUS_PERSON_SEGMENT_ADVOCATE);
  }

  g_assert_cmpint (set_segment (f, 99, CHORUS_PERSON_SEGMENT_VIP, TRUE, FALSE, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, 2);
}

/* Bo's account says it is a bot (sync writes identities.is_bot). */
static void
test_bots (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Not a bot yet: a rule may tag Bo. */
  g_assert_cmpint (set_segment (f, BO, CHORUS_PERSON_SEGMENT_INFLUENCER, TRUE, TRUE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (set_segment (f, BO, CHORUS_PERSON_SEGMENT_INFLUENCER, FALSE, FALSE, &error), >, 0);
  g_assert_no_error (error);

  chorus_test_db_exec (_chorus_store_get_db (f->store), "UPDATE identities SET is_bot = 1 WHERE id = 3");
  g_assert_cmpint (set_segment (f, BO, CHORUS_PERSON_SEGMENT_INFLUENCER, TRUE, TRUE, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 2"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE subject_id = 2"
                                 " AND action = 'person-segment-add' AND json_extract (detail, '$.automatic')"),
                   ==, 1);

  /* A rule may still take a bot out, and a person may still put one in. */
  g_assert_cmpint (set_segment (f, BO, CHORUS_PERSON_SEGMENT_INFLUENCER, FALSE, TRUE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (set_segment (f, BO, CHORUS_PERSON_SEGMENT_EMPLOYEE, TRUE, FALSE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 2"
                                 " AND segment = 'employee'"), ==, 1);
  /* Ana is no bot. */
  g_assert_cmpint (set_segment (f, ANA, CHORUS_PERSON_SEGMENT_ADVOCATE, TRUE, TRUE, &error), >, 0);
  g_assert_no_error (error);

  {
    g_autoptr(ChorusPerson) bo = load_person (f, BO, &error);
    g_autoptr(ChorusPerson) ana = load_person (f, ANA, &error);

    g_assert_no_error (error);
    g_assert_true (chorus_person_get_is_bot (bo));
    g_assert_false (chorus_person_get_is_bot (ana));
  }
}

static void
test_notes_and_name (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = _chorus_store_get_db (f->store);
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;

  chorus_store_set_person_notes_async (f->store, ANA, "Call before noon.\nVIP since 2021.", NULL,
                                       chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (f, &result, &error), >, 0);
  g_assert_no_error (error);
  notes = chorus_test_db_query_text (db, "SELECT notes FROM people WHERE id = 1");
  g_assert_cmpstr (notes, ==, "Call before noon.\nVIP since 2021.");
  detail = chorus_test_db_query_text (db, "SELECT action || ' ' || detail FROM audit_log"
                                          " WHERE subject_type = 'person' ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (detail, ==,
                   "person-notes {\"before\":\"Prefers email.\",\"after\":\"Call before noon.\\nVIP since 2021.\"}");

  chorus_store_rename_person_async (f->store, ANA, "  Ana María Lima ", NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (f, &result, &error), >, 0);
  g_assert_no_error (error);
  name = chorus_test_db_query_text (db, "SELECT display_name FROM people WHERE id = 1");
  g_assert_cmpstr (name, ==, "Ana María Lima");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'person-rename'"
                                 " AND json_extract (detail, '$.before') = 'Ana Lima'"), ==, 1);

  /* Refused: an empty name, a person who is not there. Nothing is written. */
  chorus_store_rename_person_async (f->store, ANA, "   ", NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (f, &result, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  chorus_store_set_person_notes_async (f->store, 99, "x", NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (f, &result, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/people/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/chorus/people/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/chorus/people/history-limit", Fixture, NULL, fixture_set_up, test_history_limit,
              fixture_tear_down);
  g_test_add ("/chorus/people/segments", Fixture, NULL, fixture_set_up, test_segments, fixture_tear_down);
  g_test_add ("/chorus/people/bots", Fixture, NULL, fixture_set_up, test_bots, fixture_tear_down);
  g_test_add ("/chorus/people/notes-and-name", Fixture, NULL, fixture_set_up, test_notes_and_name,
              fixture_tear_down);

  return g_test_run ();
}
