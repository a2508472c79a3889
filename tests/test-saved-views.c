/* test-saved-views.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saved views: the inbox filter as a value (normalized, compared, copied),
 * its JSON form written out to the letter and read back, garbage refused
 * with a message, and the views kept in a real workspace: added, listed,
 * renamed, reordered, deleted, and still there after reopening. What they
 * list and count is in test-inbox.c. */

#include <string.h>

#include "chorus-error.h"
#include "chorus-store-inbox.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

static ChorusInboxFilter *
full_filter (void)
{
  static const char * const networks[] = { "mastodon", "bluesky", "mastodon", "", NULL };
  static const char * const languages[] = { "pt-BR", "en", "EN", NULL };
  static const gint64 sources[] = { 5, 1, 5 };
  static const gint64 statuses[] = { 2, 1 };
  static const gint64 tags[] = { 4, 2 };
  ChorusInboxFilter *filter = chorus_inbox_filter_new ();

  chorus_inbox_filter_set_search (filter, "zip* from:ana \"quoted\"");
  chorus_inbox_filter_set_networks (filter, networks);
  chorus_inbox_filter_set_source_ids (filter, sources, G_N_ELEMENTS (sources));
  chorus_inbox_filter_set_status_ids (filter, statuses, G_N_ELEMENTS (statuses));
  chorus_inbox_filter_set_assignee (filter, CHORUS_INBOX_ASSIGNEE_MEMBER, 3);
  chorus_inbox_filter_set_tag_ids (filter, tags, G_N_ELEMENTS (tags));
  chorus_inbox_filter_set_sentiments (filter, CHORUS_INBOX_SENTIMENT_NEGATIVE | CHORUS_INBOX_SENTIMENT_POSITIVE);
  chorus_inbox_filter_set_languages (filter, languages);
  chorus_inbox_filter_set_date_range (filter, 1700000000, 1700086400);
  chorus_inbox_filter_set_unread_only (filter, TRUE);
  chorus_inbox_filter_set_question_only (filter, TRUE);
  chorus_inbox_filter_set_segments (filter, CHORUS_INBOX_SEGMENT_VIP | CHORUS_INBOX_SEGMENT_DETRACTOR);

  return filter;
}

static void
test_filter_value (void)
{
  g_autoptr(ChorusInboxFilter) filter = full_filter ();
  g_autoptr(ChorusInboxFilter) copy = chorus_inbox_filter_copy (filter);
  g_autoptr(ChorusInboxFilter) empty = chorus_inbox_filter_new ();
  const gint64 *ids;
  gsize n_ids;
  gint64 member, since, until;

  /* Normalized: sorted, without duplicates or empty strings. */
  g_assert_cmpstrv (chorus_inbox_filter_get_networks (filter), ((const char * const []) { "bluesky", "mastodon", NULL }));
  g_assert_cmpstrv (chorus_inbox_filter_get_languages (filter), ((const char * const []) { "en", "pt-br", NULL }));
  ids = chorus_inbox_filter_get_source_ids (filter, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, 1);
  g_assert_cmpint (ids[1], ==, 5);
  g_assert_cmpint (chorus_inbox_filter_get_assignee (filter, &member), ==, CHORUS_INBOX_ASSIGNEE_MEMBER);
  g_assert_cmpint (member, ==, 3);
  chorus_inbox_filter_get_date_range (filter, &since, &until);
  g_assert_cmpint (since, ==, 1700000000);
  g_assert_cmpint (until, ==, 1700086400);

  g_assert_true (chorus_inbox_filter_equal (filter, copy));
  g_assert_false (chorus_inbox_filter_is_empty (filter));
  g_assert_false (chorus_inbox_filter_equal (filter, empty));
  g_assert_false (chorus_inbox_filter_equal (filter, NULL));
  g_assert_true (chorus_inbox_filter_equal (empty, NULL));
  g_assert_true (chorus_inbox_filter_equal (NULL, NULL));

  /* Each field counts. */
  chorus_inbox_filter_set_question_only (copy, FALSE);
  g_assert_false (chorus_inbox_filter_equal (filter, copy));

  /* All three sentiments are any; a member id means nothing without MEMBER;
   * a blank search is no search. */
  chorus_inbox_filter_set_sentiments (empty, CHORUS_INBOX_SENTIMENT_ALL);
  g_assert_cmpint (chorus_inbox_filter_get_sentiments (empty), ==, 0);
  chorus_inbox_filter_set_assignee (empty, CHORUS_INBOX_ASSIGNEE_ANY, 7);
  g_assert_cmpint (chorus_inbox_filter_get_assignee (empty, &member), ==, CHORUS_INBOX_ASSIGNEE_ANY);
  g_assert_cmpint (member, ==, 0);
  chorus_inbox_filter_set_search (empty, "  \" * ");
  g_assert_true (chorus_inbox_filter_is_empty (empty));
  chorus_inbox_filter_set_search (empty, "");
  g_assert_null (chorus_inbox_filter_get_search (empty));
  g_assert_true (chorus_inbox_filter_equal (empty, NULL));
}

static void
test_json (void)
{
  static const char expected[] =
    "{\"version\":1,\"search\":\"zip* from:ana \\\"quoted\\\"\",\"networks\":[\"bluesky\",\"mastodon\"],"
    "\"sources\":[1,5],\"statuses\":[1,2],\"assignee\":\"member\",\"assignee-id\":3,\"tags\":[2,4],"
    "\"sentiments\":[\"negative\",\"positive\"],\"languages\":[\"en\",\"pt-br\"],\"since\":1700000000,"
    "\"until\":1700086400,\"unread-only\":true,\"has-question\":true,\"segments\":[\"detractor\",\"vip\"]}";
  g_autoptr(ChorusInboxFilter) filter = full_filter ();
  g_autoptr(ChorusInboxFilter) empty = chorus_inbox_filter_new ();
  g_autoptr(ChorusInboxFilter) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = chorus_inbox_filter_serialize (filter);
  g_autofree char *again = NULL;
  g_autofree char *empty_json = chorus_inbox_filter_serialize (empty);

  g_assert_cmpstr (json, ==, expected);
  g_assert_cmpstr (empty_json, ==, "{\"version\":1}");

  back = chorus_inbox_filter_deserialize (json, &error);
  g_assert_no_error (error);
  g_assert_true (chorus_inbox_filter_equal (back, filter));
  again = chorus_inbox_filter_serialize (back);
  g_assert_cmpstr (again, ==, expected);

  /* Mine and unassigned, and what a later version may add. */
  {
    static const struct { const char *json; ChorusInboxAssignee assignee; } readable[] = {
      { "{\"version\": 1, \"assignee\": \"mine\", \"colour\": \"red\", \"views\": [1, {}]}",
        CHORUS_INBOX_ASSIGNEE_MINE },
      { "{\"version\": 1, \"assignee\": \"unassigned\", \"search\": null, \"tags\": null}",
        CHORUS_INBOX_ASSIGNEE_UNASSIGNED },
      { "{\"assignee\": \"any\", \"version\": 1}", CHORUS_INBOX_ASSIGNEE_ANY },
    };

    for (guint i = 0; i < G_N_ELEMENTS (readable); i++)
      {
        g_autoptr(ChorusInboxFilter) read = chorus_inbox_filter_deserialize (readable[i].json, &error);

        g_assert_no_error (error);
        g_assert_cmpint (chorus_inbox_filter_get_assignee (read, NULL), ==, readable[i].assignee);
      }
  }
}

static void
test_json_refused (void)
{
  static const struct { const char *json; int code; } cases[] = {
    { "", CHORUS_ERROR_PARSE },
    { "not json", CHORUS_ERROR_PARSE },
    { "{\"version\": 1", CHORUS_ERROR_PARSE },
    { "[]", CHORUS_ERROR_PARSE },
    { "42", CHORUS_ERROR_PARSE },
    { "{}", CHORUS_ERROR_PARSE },
    { "{\"version\": \"1\"}", CHORUS_ERROR_PARSE },
    { "{\"version\": 0}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1.5}", CHORUS_ERROR_PARSE },
    { "{\"version\": 2, \"unread-only\": true}", CHORUS_ERROR_NEWER_VERSION },
    { "{\"version\": 1, \"search\": 5}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"networks\": \"mastodon\"}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"networks\": [1]}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"sources\": [\"1\"]}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"statuses\": [1.5]}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"tags\": {}}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"since\": \"yesterday\"}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"until\": true}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"unread-only\": 1}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"has-question\": \"yes\"}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"segments\": [\"royalty\"]}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"sentiments\": [\"happy\"]}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"assignee\": \"someone\"}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"assignee\": \"member\", \"assignee-id\": \"3\"}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"languages\": [null]}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"search\": \"\xff\"}", CHORUS_ERROR_PARSE },
    /* Texts json-glib leaks on (seen under the sanitizers): refused first */
    { "{\"version\": 1}{\"version\": 1}", CHORUS_ERROR_PARSE },
    { "{\"version\": 1, \"search\": \"\\u12\"}", CHORUS_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_deserialize (cases[i].json, &error);

      g_test_message ("%s: %s", cases[i].json, error ? error->message : "accepted");
      g_assert_null (filter);
      g_assert_error (error, CHORUS_ERROR, cases[i].code);
      if (error == NULL)
        continue;
      /* One line for a person. */
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* Saved views in a workspace */

typedef ChorusTestWorkspace Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (f, "Views.chorus");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_workspace_remove_all (f);
}

/* "name=id, …" in their order. */
static char *
describe (ChorusStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = chorus_store_list_saved_views (store, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < views->len; i++)
    {
      ChorusSavedView *view = g_ptr_array_index (views, i);

      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT, i ? ", " : "",
                              chorus_saved_view_get_name (view), chorus_saved_view_get_id (view));
    }
  return g_string_free (text, FALSE);
}

#define ASSERT_VIEWS(store, format, ...) \
  G_STMT_START { \
    g_autofree char *actual_ = describe (store); \
    g_autofree char *expected_ = g_strdup_printf (format, __VA_ARGS__); \
    g_assert_cmpstr (actual_, ==, expected_); \
  } G_STMT_END

static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ChorusStore) store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusInboxFilter) unread = chorus_inbox_filter_new ();
  g_autoptr(ChorusInboxFilter) full = full_filter ();
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _chorus_store_get_db (store);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 a, b, c;

  views = chorus_store_list_saved_views (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 0);
  g_clear_pointer (&views, g_ptr_array_unref);

  chorus_inbox_filter_set_unread_only (unread, TRUE);
  a = chorus_store_add_saved_view (store, "Unread", unread, &error);
  g_assert_no_error (error);
  b = chorus_store_add_saved_view (store, "  Zippers, mine  ", full, &error);
  g_assert_no_error (error);
  c = chorus_store_add_saved_view (store, "Everything", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);
  g_assert_cmpint (c, >, b);
  ASSERT_VIEWS (store, "Unread=%" G_GINT64_FORMAT ", Zippers, mine=%" G_GINT64_FORMAT ", Everything=%"
                G_GINT64_FORMAT, a, b, c);
  {
    g_autofree char *positions = chorus_test_db_query_text (db, "SELECT group_concat (position, ',') FROM"
                                                               " (SELECT position FROM saved_views ORDER BY id)");

    g_assert_cmpstr (positions, ==, "0,1,2");
  }
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT min (created_at) FROM saved_views"), >=, now);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT max (created_at) FROM saved_views"), <=, now + 5);

  /* The filters come back whole. */
  views = chorus_store_list_saved_views (store, &error);
  g_assert_true (chorus_inbox_filter_equal (chorus_saved_view_get_filter (g_ptr_array_index (views, 0)), unread));
  g_assert_true (chorus_inbox_filter_equal (chorus_saved_view_get_filter (g_ptr_array_index (views, 1)), full));
  g_assert_true (chorus_inbox_filter_is_empty (chorus_saved_view_get_filter (g_ptr_array_index (views, 2))));
  {
    g_autoptr(ChorusInboxFilter) from_property = NULL;
    g_autofree char *name = NULL;
    gint64 id;

    g_object_get (g_ptr_array_index (views, 1), "filter", &from_property, "name", &name, "id", &id, NULL);
    g_assert_true (chorus_inbox_filter_equal (from_property, full));
    g_assert_cmpstr (name, ==, "Zippers, mine");
    g_assert_cmpint (id, ==, b);
  }

  /* Names: trimmed, never blank. */
  g_assert_true (chorus_store_rename_saved_view (store, b, " Zippers ", &error));
  g_assert_no_error (error);
  g_assert_false (chorus_store_rename_saved_view (store, b, " \t ", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_add_saved_view (store, "", unread, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_rename_saved_view (store, c + 100, "Gone", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ASSERT_VIEWS (store, "Unread=%" G_GINT64_FORMAT ", Zippers=%" G_GINT64_FORMAT ", Everything=%"
                G_GINT64_FORMAT, a, b, c);

  /* Reordering: those named first, the others after in their order. */
  g_assert_true (chorus_store_reorder_saved_views (store, (gint64 []) { c, a }, 2, &error));
  g_assert_no_error (error);
  ASSERT_VIEWS (store, "Everything=%" G_GINT64_FORMAT ", Unread=%" G_GINT64_FORMAT ", Zippers=%"
                G_GINT64_FORMAT, c, a, b);
  g_assert_true (chorus_store_reorder_saved_views (store, (gint64 []) { b }, 1, &error));
  ASSERT_VIEWS (store, "Zippers=%" G_GINT64_FORMAT ", Everything=%" G_GINT64_FORMAT ", Unread=%"
                G_GINT64_FORMAT, b, c, a);
  g_assert_true (chorus_store_reorder_saved_views (store, (gint64 []) { a, a }, 2, &error));
  ASSERT_VIEWS (store, "Unread=%" G_GINT64_FORMAT ", Zippers=%" G_GINT64_FORMAT ", Everything=%"
                G_GINT64_FORMAT, a, b, c);
  /* All or nothing. */
  g_assert_false (chorus_store_reorder_saved_views (store, (gint64 []) { c, c + 100 }, 2, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ASSERT_VIEWS (store, "Unread=%" G_GINT64_FORMAT ", Zippers=%" G_GINT64_FORMAT ", Everything=%"
                G_GINT64_FORMAT, a, b, c);

  /* A view this version cannot read is left out, and left alone. */
  chorus_test_db_exec (db, "INSERT INTO saved_views (id, name, filter, position, created_at) VALUES"
                       " (100, 'Newer', '{\"version\": 9}', 7, 1), (101, 'Broken', 'garbage', 8, 1)");
  ASSERT_VIEWS (store, "Unread=%" G_GINT64_FORMAT ", Zippers=%" G_GINT64_FORMAT ", Everything=%"
                G_GINT64_FORMAT, a, b, c);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM saved_views"), ==, 5);

  g_assert_true (chorus_store_delete_saved_view (store, c, &error));
  g_assert_no_error (error);
  g_assert_false (chorus_store_delete_saved_view (store, c, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (chorus_store_delete_saved_view (store, 101, &error));

  /* Still there after reopening. */
  chorus_test_finalize_object (g_steal_pointer (&store));
  store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_EXISTING);
  ASSERT_VIEWS (store, "Unread=%" G_GINT64_FORMAT ", Zippers=%" G_GINT64_FORMAT, a, b);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = chorus_store_list_saved_views (store, &error);
  g_assert_true (chorus_inbox_filter_equal (chorus_saved_view_get_filter (g_ptr_array_index (views, 1)), full));
  g_clear_pointer (&views, g_ptr_array_unref);
  chorus_test_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/saved-views/filter-value", test_filter_value);
  g_test_add_func ("/chorus/saved-views/json", test_json);
  g_test_add_func ("/chorus/saved-views/json-refused", test_json_refused);
  g_test_add ("/chorus/saved-views/views", Fixture, NULL, fixture_set_up, test_views, fixture_tear_down);

  return g_test_run ();
}
