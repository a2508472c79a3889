/* test-inbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inbox query layer over a real workspace of 60 conversations, made
 * by chorus_store_ingest() and given triage state with SQL, each by a rule
 * of its number (inbox-workspace.c): every filter alone and together,
 * searches with and without filters, their order, the query plans, counts,
 * the first page, and the list model's reloads. Saved views and the
 * filter's JSON are in test-saved-views.c. Expected ids come from the rules,
 * never from the store. */

#include <string.h>

#include "chorus-conversation-list.h"
#include "chorus-inbox-query-private.h"
#include "chorus-search-query.h"
#include "chorus-store-inbox.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"
#include "inbox-workspace.h"

typedef InboxWorkspace Fixture;

/* Each case: a filter as saved-view JSON, and the rule of what it lists. */
typedef struct
{
  const char  *json;
  gint64     (*rank) (guint i);
} Case;

#define RANK(name, condition) \
  static gint64 name (guint i) { return (condition) ? inbox_activity (i) : 0; }

RANK (rank_all, TRUE)
RANK (rank_bluesky_or_forum, inbox_root_author (i) == 2 || inbox_root_author (i) == 3)
RANK (rank_source_2, i % 2 == 1)
RANK (rank_status_1_or_3, inbox_status (i) == 1 || inbox_status (i) == 3)
RANK (rank_mine, inbox_assignee (i) == 1)
RANK (rank_unassigned, inbox_assignee (i) == 0)
RANK (rank_member_2, inbox_assignee (i) == 2)
RANK (rank_tag_1_or_3, inbox_has_tag (i, 1) || inbox_has_tag (i, 3))
RANK (rank_not_positive, inbox_sentiment (i) <= 0)
RANK (rank_positive, inbox_sentiment (i) == 1)
RANK (rank_english, g_strcmp0 (inbox_language (i), "en") == 0)
RANK (rank_portuguese, g_strcmp0 (inbox_language (i), "pt-BR") == 0)
RANK (rank_spanish, g_strcmp0 (inbox_language (i), "es") == 0)
RANK (rank_dates, inbox_activity (i) >= INBOX_BASE + 1000 && inbox_activity (i) < INBOX_BASE + 3000)
RANK (rank_unread, inbox_unread (i))
RANK (rank_question, inbox_question (i))
RANK (rank_vip, inbox_root_author (i) == 2)
RANK (rank_advocate_or_detractor, inbox_root_author (i) == 0 || inbox_root_author (i) == 3)
RANK (rank_open_sam_unread, inbox_status (i) == 2 && inbox_assignee (i) == 2 && inbox_unread (i))
RANK (rank_mastodon_question_negative,
      inbox_network (i)[0] == 'm' && inbox_question (i) && inbox_sentiment (i) == -1 &&
      inbox_activity (i) >= INBOX_BASE + 2000)
RANK (rank_tag_vip_customer, inbox_has_tag (i, 2))
RANK (rank_tags_both, inbox_has_tag (i, 1) && inbox_has_tag (i, 2))
RANK (rank_none, FALSE)

/* Searches rank by the newest matching post. */
static gint64
rank_match (guint    i,
            gboolean root,
            gboolean reply)
{
  if (reply && inbox_has_reply (i))
    return inbox_reply_time (i);
  return root ? inbox_root_time (i) : 0;
}

#define RANK_MATCH(name, root, reply) \
  static gint64 name (guint i) { return rank_match (i, (root), (reply)); }

RANK_MATCH (rank_zipper, i % 3 == 0, FALSE)
RANK_MATCH (rank_zip_prefix, i % 3 == 0 || i % 11 == 0, FALSE)
RANK_MATCH (rank_tent, i % 4 == 0, i % 10 == 0)
RANK_MATCH (rank_rain_jacket_phrase, i % 5 == 1, FALSE)
RANK_MATCH (rank_rain_jacket_words, i % 5 == 1 || i % 5 == 2, FALSE)
RANK_MATCH (rank_cafe, i % 7 == 0, FALSE)
RANK_MATCH (rank_tok07, i == 7, FALSE)
RANK_MATCH (rank_from_ana, inbox_root_author (i) <= 1, FALSE)
RANK_MATCH (rank_from_ana_social, inbox_root_author (i) == 0, FALSE)
RANK_MATCH (rank_from_dee, inbox_root_author (i) == 5, TRUE)
RANK_MATCH (rank_from_dee_tent, FALSE, i % 10 == 0)
RANK_MATCH (rank_from_ana_open, inbox_root_author (i) <= 1 && (inbox_status (i) == 1 || inbox_status (i) == 2), FALSE)
RANK_MATCH (rank_from_ana_or_dee, inbox_root_author (i) <= 1 || inbox_root_author (i) == 5, TRUE)
RANK_MATCH (rank_from_ana_zipper, inbox_root_author (i) <= 1 && i % 3 == 0, FALSE)
RANK_MATCH (rank_tent_unread, i % 4 == 0 && inbox_unread (i), i % 10 == 0 && inbox_unread (i))
RANK_MATCH (rank_zip_english_open,
            (i % 3 == 0 || i % 11 == 0) && g_strcmp0 (inbox_language (i), "en") == 0 &&
            inbox_status (i) <= 2, FALSE)
RANK_MATCH (rank_tent_vip_customer_question,
            i % 4 == 0 && inbox_has_tag (i, 2) && inbox_question (i),
            i % 10 == 0 && inbox_has_tag (i, 2) && inbox_question (i))
RANK_MATCH (rank_jacket_segments,
            (i % 5 == 1 || i % 5 == 2) && (inbox_root_author (i) == 0 || inbox_root_author (i) == 2),
            FALSE)

static const Case cases[] = {
  { "{\"version\": 1}", rank_all },
  { "{\"version\": 1, \"networks\": [\"discourse\", \"bluesky\"]}", rank_bluesky_or_forum },
  { "{\"version\": 1, \"sources\": [2]}", rank_source_2 },
  { "{\"version\": 1, \"statuses\": [3, 1]}", rank_status_1_or_3 },
  { "{\"version\": 1, \"assignee\": \"mine\"}", rank_mine },
  { "{\"version\": 1, \"assignee\": \"unassigned\"}", rank_unassigned },
  { "{\"version\": 1, \"assignee\": \"member\", \"assignee-id\": 2}", rank_member_2 },
  { "{\"version\": 1, \"tags\": [1, 3]}", rank_tag_1_or_3 },
  { "{\"version\": 1, \"sentiments\": [\"negative\", \"neutral\"]}", rank_not_positive },
  { "{\"version\": 1, \"sentiments\": [\"positive\"]}", rank_positive },
  { "{\"version\": 1, \"languages\": [\"en\"]}", rank_english },
  { "{\"version\": 1, \"languages\": [\"PT\"]}", rank_portuguese },
  { "{\"version\": 1, \"since\": 1700001000, \"until\": 1700003000}", rank_dates },
  { "{\"version\": 1, \"unread-only\": true}", rank_unread },
  { "{\"version\": 1, \"has-question\": true}", rank_question },
  { "{\"version\": 1, \"segments\": [\"vip\"]}", rank_vip },
  { "{\"version\": 1, \"segments\": [\"advocate\", \"detractor\"]}", rank_advocate_or_detractor },
  { "{\"version\": 1, \"statuses\": [2], \"assignee\": \"member\", \"assignee-id\": 2,"
    " \"unread-only\": true}", rank_open_sam_unread },
  { "{\"version\": 1, \"networks\": [\"mastodon\"], \"has-question\": true,"
    " \"sentiments\": [\"negative\"], \"since\": 1700002000}", rank_mastodon_question_negative },
  { "{\"version\": 1, \"search\": \"zipper\"}", rank_zipper },
  { "{\"version\": 1, \"search\": \"ZIP*\"}", rank_zip_prefix },
  { "{\"version\": 1, \"search\": \"tent\"}", rank_tent },
  { "{\"version\": 1, \"search\": \"\\\"rain jacket\\\"\"}", rank_rain_jacket_phrase },
  { "{\"version\": 1, \"search\": \"rain jacket\"}", rank_rain_jacket_words },
  { "{\"version\": 1, \"search\": \"cafe\"}", rank_cafe },
  { "{\"version\": 1, \"search\": \"tok07\"}", rank_tok07 },
  { "{\"version\": 1, \"search\": \"nothing-here\"}", rank_none },
  { "{\"version\": 1, \"search\": \"from:ana\"}", rank_from_ana },
  { "{\"version\": 1, \"search\": \"from:@Ana@social.example\"}", rank_from_ana_social },
  { "{\"version\": 1, \"search\": \"from:dee\"}", rank_from_dee },
  { "{\"version\": 1, \"search\": \"from:nobody\"}", rank_none },
  { "{\"version\": 1, \"search\": \"from:ana\", \"statuses\": [1, 2]}", rank_from_ana_open },
  { "{\"version\": 1, \"search\": \"from:ana from:dee\"}", rank_from_ana_or_dee },
  { "{\"version\": 1, \"search\": \"tent from:dee\"}", rank_from_dee_tent },
  { "{\"version\": 1, \"search\": \"from:ana from:bo.bsky.social zipper\"}", rank_from_ana_zipper },
  { "{\"version\": 1, \"search\": \"tag:\\\"vip customer\\\"\"}", rank_tag_vip_customer },
  { "{\"version\": 1, \"search\": \"tag:defect TAG:\\\"VIP Customer\\\"\"}", rank_tags_both },
  { "{\"version\": 1, \"search\": \"tag:unknown\"}", rank_none },
  { "{\"version\": 1, \"search\": \"lang:es\"}", rank_spanish },
  { "{\"version\": 1, \"search\": \"tent\", \"unread-only\": true}", rank_tent_unread },
  { "{\"version\": 1, \"search\": \"zip* lang:EN\", \"statuses\": [1, 2]}", rank_zip_english_open },
  { "{\"version\": 1, \"search\": \"tent tag:\\\"vip customer\\\"\", \"has-question\": true}",
    rank_tent_vip_customer_question },
  { "{\"version\": 1, \"search\": \"rain jacket\", \"segments\": [\"advocate\", \"vip\"]}",
    rank_jacket_segments },
  { "{\"version\": 1, \"search\": \"\\\" * : ^\"}", rank_all },
};

static ChorusInboxFilter *
case_filter (const Case *c)
{
  g_autoptr(GError) error = NULL;
  ChorusInboxFilter *filter = chorus_inbox_filter_deserialize (c->json, &error);

  g_assert_no_error (error);
  return filter;
}

static GArray *
list_ids (ChorusStore             *store,
          const ChorusInboxFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  chorus_store_list_conversation_ids_async (store, filter, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  ids = chorus_store_list_conversation_ids_finish (store, result, &error);
  g_assert_no_error (error);
  return ids;
}

static guint
count (ChorusStore             *store,
       const ChorusInboxFilter *filter,
       gboolean                 unread_only)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  chorus_store_count_conversations_async (store, filter, unread_only, NULL, chorus_test_async_result_cb,
                                          &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_store_count_conversations_finish (store, result, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(ChorusInboxFilter) filter = case_filter (c);
  g_autoptr(GArray) expected = inbox_workspace_expect (f, c->rank, FALSE);
  g_autoptr(GArray) expected_unread = inbox_workspace_expect (f, c->rank, TRUE);
  g_autoptr(GArray) ids = list_ids (f->store, filter);
  g_autofree char *expected_text = inbox_ids_to_string (expected);
  g_autofree char *ids_text = inbox_ids_to_string (ids);

  g_test_message ("%s", c->json);
  g_assert_cmpstr (ids_text, ==, expected_text);
  g_assert_cmpuint (count (f->store, filter, FALSE), ==, expected->len);
  g_assert_cmpuint (count (f->store, filter, TRUE), ==, expected_unread->len);
}

/* A first page brings the same ids, and each one's conversation as the
 * main thread would load it. */
static void
assert_first_page (Fixture                 *f,
                   const ChorusInboxFilter *filter,
                   guint                    max_ids,
                   GArray                  *expected)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) conversations = NULL;

  chorus_store_list_first_page_async (f->store, filter, max_ids, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  ids = chorus_store_list_first_page_finish (f->store, result, &conversations, &error);
  g_assert_no_error (error);

  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
  g_assert_cmpuint (conversations->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      ChorusConversation *got = g_ptr_array_index (conversations, i);
      g_autoptr(ChorusConversation) loaded = NULL;

      loaded = chorus_store_load_conversation (f->store, g_array_index (ids, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_cmpint (chorus_conversation_get_id (got), ==, g_array_index (ids, gint64, i));
      g_assert_cmpstr (chorus_conversation_get_excerpt (got), ==, chorus_conversation_get_excerpt (loaded));
      g_assert_cmpstr (chorus_conversation_get_author_name (got), ==, chorus_conversation_get_author_name (loaded));
      g_assert_cmpstr (chorus_conversation_get_status (got), ==, chorus_conversation_get_status (loaded));
      g_assert_cmpint (chorus_conversation_get_last_activity (got), ==,
                       chorus_conversation_get_last_activity (loaded));
    }
}

/* Each query walks an index in the order shown: no sort, no scan of a
 * table. from: alone walks each identity's posts and merges the walks. */
static void
assert_plan (const char        *plan,
             ChorusSearchQuery *query,
             gboolean           authors_alone)
{
  g_auto(GStrv) lines = NULL;

  if (query->match != NULL)
    {
      g_assert_nonnull (strstr (plan, "SCAN f VIRTUAL TABLE INDEX"));
      g_assert_nonnull (strstr (plan, "SEARCH p USING COVERING INDEX posts_inbox (id=?)\n"));
    }
  else if (authors_alone)
    g_assert_nonnull (strstr (plan, "SEARCH a USING COVERING INDEX posts_author (author_id=?)"));
  else
    g_assert_true (g_str_has_prefix (plan, "SCAN c USING COVERING INDEX conversations_inbox\n") ||
                   g_str_has_prefix (plan, "SEARCH c USING COVERING INDEX conversations_inbox (last_activity_at"));

  lines = g_strsplit (plan, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      g_assert_false (g_str_has_prefix (line, "USE TEMP B-TREE"));
      if (g_str_has_prefix (line, "SCAN "))
        g_assert_true (g_str_equal (line, "SCAN c USING COVERING INDEX conversations_inbox") ||
                       g_str_has_prefix (line, "SCAN f VIRTUAL TABLE INDEX") ||
                       g_str_equal (line, "SCAN s") ||
                       g_str_equal (line, "SCAN team_members"));
    }
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(ChorusInboxFilter) filter = case_filter (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse (chorus_inbox_filter_get_search (filter));
  gboolean authors_alone = query->match == NULL && query->from[0] != NULL;

  /* A first page's plan, and a whole list's. */
  for (guint first_page = 0; first_page <= 1; first_page++)
    {
      g_autofree char *plan = _chorus_inbox_query_explain (_chorus_store_get_db (f->store), filter, first_page,
                                                           &error);

      g_assert_no_error (error);
      g_test_message ("%s%s\n%s", c->json, first_page ? ", first page" : "", plan);
      assert_plan (plan, query, authors_alone);
      /* A first page probes each conversation for its tags. */
      if (first_page)
        g_assert_null (strstr (plan, "conversation_tags_tag"));
    }
}

/* Each first page is the start of the whole list, though it is found by
 * another plan (tags probed conversation by conversation). */
static void
assert_first_pages (Fixture                 *f,
                    const ChorusInboxFilter *filter)
{
  g_autoptr(GArray) all = list_ids (f->store, filter);

  g_assert_cmpuint (all->len, >, 5);

  for (guint max_ids = 1; max_ids <= all->len + 1; max_ids += 4)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) first = NULL;

      chorus_store_list_first_conversation_ids_async (f->store, filter, max_ids, NULL,
                                                      chorus_test_async_result_cb, &result);
      chorus_test_wait_async_result (&result);
      first = chorus_store_list_first_conversation_ids_finish (f->store, result, &error);
      g_assert_no_error (error);

      g_assert_cmpuint (first->len, ==, MIN (max_ids, all->len));
      g_assert_cmpmem (first->data, first->len * sizeof (gint64), all->data, first->len * sizeof (gint64));
      assert_first_page (f, filter, max_ids, first);
    }
}

static void
test_first_page (Fixture       *f,
                 gconstpointer  data)
{
  const char *searches[] = { NULL, "tent", "from:dee", "jacket", "tag:defect", "zip* tag:defect" };
  const gint64 tag_ids[] = { 1, 3 };
  g_autoptr(ChorusInboxFilter) tagged = chorus_inbox_filter_new ();

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_new ();

      chorus_inbox_filter_set_search (filter, searches[s]);
      assert_first_pages (f, filter);
    }

  chorus_inbox_filter_set_tag_ids (tagged, tag_ids, G_N_ELEMENTS (tag_ids));
  assert_first_pages (f, tagged);
}

/* "mine" is the member marked as me; with none, nothing. */
static void
test_mine_without_me (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_new ();
  g_autoptr(GArray) ids = NULL;

  chorus_inbox_filter_set_assignee (filter, CHORUS_INBOX_ASSIGNEE_MINE, 0);
  chorus_test_db_exec (_chorus_store_get_db (f->store), "UPDATE team_members SET is_me = 0");
  ids = list_ids (f->store, filter);
  g_assert_cmpuint (ids->len, ==, 0);

  /* Another member becomes me. */
  chorus_test_db_exec (_chorus_store_get_db (f->store), "UPDATE team_members SET is_me = 1 WHERE id = 2");
  g_clear_pointer (&ids, g_array_unref);
  ids = list_ids (f->store, filter);
  g_assert_cmpuint (ids->len, ==, 12);
  for (guint k = 0; k < ids->len; k++)
    g_assert_cmpint (inbox_assignee (inbox_workspace_index_of (f, g_array_index (ids, gint64, k))), ==, 2);
}

/* An empty workspace lists nothing, whatever the filter. */
static void
test_empty_workspace (void)
{
  ChorusTestWorkspace workspace;
  g_autoptr(ChorusStore) store = NULL;

  chorus_test_workspace_init (&workspace, "Empty.chorus");
  store = chorus_test_open_store (workspace.path, CHORUS_STORE_OPEN_CREATE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ChorusInboxFilter) filter = case_filter (&cases[i]);
      g_autoptr(GArray) ids = list_ids (store, filter);

      g_assert_cmpuint (ids->len, ==, 0);
      g_assert_cmpuint (count (store, filter, TRUE), ==, 0);
    }

  {
    g_autoptr(GArray) ids = list_ids (store, NULL);

    g_assert_cmpuint (ids->len, ==, 0);
  }

  chorus_test_finalize_object (g_steal_pointer (&store));
  chorus_test_workspace_remove_all (&workspace);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint n = 0;

  g_cancellable_cancel (cancellable);
  chorus_store_list_conversation_ids_async (f->store, NULL, cancellable, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  ids = chorus_store_list_conversation_ids_finish (f->store, result, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_object (&result);
  g_clear_error (&error);
  chorus_store_count_conversations_async (f->store, NULL, FALSE, cancellable, chorus_test_async_result_cb,
                                          &result);
  chorus_test_wait_async_result (&result);
  g_assert_false (chorus_store_count_conversations_finish (f->store, result, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The list model: every items-changed is applied to a copy of the ids,
 * which must then equal the model and, once loaded, the expected list. */
typedef struct
{
  GArray *shadow;
  guint   n_changes;
  guint   n_filter_notifies;
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_assert_cmpuint (position + removed, <=, watch->shadow->len);
  g_array_remove_range (watch->shadow, position, removed);

  for (guint k = 0; k < added; k++)
    {
      g_autoptr(ChorusConversation) conversation = g_list_model_get_item (model, position + k);
      gint64 id = chorus_conversation_get_id (conversation);

      g_array_insert_val (watch->shadow, position + k, id);
    }

  g_assert_cmpuint (watch->shadow->len, ==, g_list_model_get_n_items (model));
  watch->n_changes++;
}

static void
on_filter_notify (GObject    *object,
                  GParamSpec *pspec,
                  Watch      *watch)
{
  watch->n_filter_notifies++;
}

static gboolean
has_changed (gpointer data)
{
  Watch *watch = data;

  return watch->n_changes > 0;
}

static gboolean
is_idle (gpointer data)
{
  return !chorus_conversation_list_get_loading (data) &&
         g_atomic_int_get (&G_OBJECT (data)->ref_count) == 1;
}

/* Waits for the list to load, then checks it against @expected; returns
 * how many items-changed came meanwhile. */
static guint
settle (ChorusConversationList *list,
        Watch                  *watch,
        GArray                 *expected)
{
  g_autofree char *expected_text = inbox_ids_to_string (expected);
  g_autofree char *shadow_text = NULL;
  guint n_changes;

  g_assert_true (chorus_test_spin_until (is_idle, list, 10000));
  shadow_text = inbox_ids_to_string (watch->shadow);
  g_assert_cmpstr (shadow_text, ==, expected_text);

  n_changes = watch->n_changes;
  watch->n_changes = 0;
  return n_changes;
}

static void
test_model (Fixture       *f,
            gconstpointer  data)
{
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0 };
  ChorusConversationList *list = chorus_conversation_list_new (f->store);
  g_autoptr(ChorusInboxFilter) unread = chorus_inbox_filter_new ();
  g_autoptr(ChorusInboxFilter) tent = chorus_inbox_filter_new ();
  g_autoptr(ChorusInboxFilter) zipper = chorus_inbox_filter_new ();
  g_autoptr(ChorusInboxFilter) jacket = chorus_inbox_filter_new ();
  g_autoptr(GArray) expected = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &watch);
  g_signal_connect (list, "notify::filter", G_CALLBACK (on_filter_notify), &watch);
  g_assert_true (chorus_inbox_filter_is_empty (chorus_conversation_list_get_filter (list)));

  /* The first load: all 60 at once. */
  expected = inbox_workspace_expect (f, rank_all, FALSE);
  g_assert_cmpuint (settle (list, &watch, expected), ==, 1);

  /* 20 unread: one page, one change. */
  chorus_inbox_filter_set_unread_only (unread, TRUE);
  chorus_conversation_list_set_filter (list, unread);
  g_assert_true (chorus_conversation_list_get_loading (list));
  g_assert_cmpuint (watch.n_filter_notifies, ==, 1);
  g_assert_true (chorus_inbox_filter_equal (chorus_conversation_list_get_filter (list), unread));
  g_clear_pointer (&expected, g_array_unref);
  expected = inbox_workspace_expect (f, rank_unread, FALSE);
  g_assert_cmpuint (settle (list, &watch, expected), ==, 1);

  /* The same filter again: nothing to do. */
  {
    g_autoptr(ChorusInboxFilter) same = chorus_inbox_filter_copy (unread);

    chorus_conversation_list_set_filter (list, same);
    g_assert_false (chorus_conversation_list_get_loading (list));
    g_assert_cmpuint (watch.n_filter_notifies, ==, 1);
    g_assert_cmpuint (settle (list, &watch, expected), ==, 0);
  }

  /* A search: newest match first. */
  chorus_inbox_filter_set_search (tent, "tent");
  chorus_conversation_list_set_filter (list, tent);
  g_clear_pointer (&expected, g_array_unref);
  expected = inbox_workspace_expect (f, rank_tent, FALSE);
  settle (list, &watch, expected);

  /* Typing on: the listing for "zipper" is cancelled by the next one. */
  chorus_inbox_filter_set_search (zipper, "zipper");
  chorus_inbox_filter_set_search (jacket, "rain jacket");
  chorus_conversation_list_set_filter (list, zipper);
  chorus_conversation_list_set_filter (list, jacket);
  g_clear_pointer (&expected, g_array_unref);
  expected = inbox_workspace_expect (f, rank_rain_jacket_words, FALSE);
  settle (list, &watch, expected);
  g_assert_true (chorus_inbox_filter_equal (chorus_conversation_list_get_filter (list), jacket));

  /* A reload after a change lists what the filter lets through now. */
  chorus_conversation_list_set_filter (list, unread);
  g_clear_pointer (&expected, g_array_unref);
  expected = inbox_workspace_expect (f, rank_unread, FALSE);
  settle (list, &watch, expected);
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "UPDATE conversations SET unread = 0 WHERE id = %" G_GINT64_FORMAT, f->ids[31]);
  chorus_conversation_list_reload (list);
  for (guint k = 0; k < expected->len; k++)
    {
      if (g_array_index (expected, gint64, k) == f->ids[31])
        g_array_remove_index (expected, k);
    }
  g_assert_cmpuint (settle (list, &watch, expected), ==, 1);

  /* NULL: everything again, a first page of 25, then the other 35 behind
   * it while the list still says it is loading. */
  chorus_conversation_list_set_filter (list, NULL);
  g_assert_true (chorus_inbox_filter_is_empty (chorus_conversation_list_get_filter (list)));
  g_assert_true (chorus_test_spin_until (has_changed, &watch, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 25);
  g_assert_true (chorus_conversation_list_get_loading (list));
  g_clear_pointer (&expected, g_array_unref);
  expected = inbox_workspace_expect (f, rank_all, FALSE);
  g_assert_cmpuint (settle (list, &watch, expected), ==, 2);
  g_assert_cmpuint (watch.n_filter_notifies, ==, 6);

  g_assert_finalize_object (list);
  g_array_unref (watch.shadow);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, inbox_workspace_set_up, func, inbox_workspace_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *filter_path = g_strdup_printf ("/chorus/inbox/filter/%02u", i);
      g_autofree char *plan_path = g_strdup_printf ("/chorus/inbox/plan/%02u", i);

      ADD (filter_path, &cases[i], test_filter);
      ADD (plan_path, &cases[i], test_plan);
    }

  ADD ("/chorus/inbox/first-page", NULL, test_first_page);
  ADD ("/chorus/inbox/mine-without-me", NULL, test_mine_without_me);
  ADD ("/chorus/inbox/cancelled", NULL, test_cancelled);
  ADD ("/chorus/inbox/model", NULL, test_model);
  g_test_add_func ("/chorus/inbox/empty-workspace", test_empty_workspace);

#undef ADD

  return g_test_run ();
}
