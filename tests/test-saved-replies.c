/* test-saved-replies.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saved replies in a real workspace: added, listed in their order,
 * edited, moved and deleted, each with its audit entry and its sentence,
 * through the blocking calls and the async ones; what a person typed is
 * checked; and a reply's variables filled in for the person answered:
 * names in any script, a person without a name, variables Chorus does not
 * know, and escaped braces. The menu that inserts them is in
 * test-reply-composer.c. */

#include <string.h>

#include "chorus-error.h"
#include "chorus-reply-template.h"
#include "chorus-sample.h"
#include "chorus-store-saved-replies.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"

/* "name=body|name=body…", in the order listed. */
static char *
dup_listed (ChorusStore *store)
{
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) listed = g_string_new (NULL);

  replies = chorus_store_list_saved_replies (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < replies->len; i++)
    {
      ChorusSavedReply *reply = g_ptr_array_index (replies, i);

      g_assert_cmpint (chorus_saved_reply_get_id (reply), >, 0);
      g_string_append_printf (listed, "%s%s=%s", i > 0 ? "|" : "", chorus_saved_reply_get_name (reply),
                              chorus_saved_reply_get_body (reply));
    }

  return g_string_free (g_steal_pointer (&listed), FALSE);
}

#define ASSERT_LISTED(store, expected) \
  G_STMT_START { \
    g_autofree char *listed_ = dup_listed (store); \
    g_assert_cmpstr (listed_, ==, expected); \
  } G_STMT_END

/* The audit entries of saved replies, oldest first: "action:id:name,…". */
static char *
dup_audit (sqlite3 *db)
{
  return chorus_test_db_query_text (db, "SELECT group_concat (entry, ',') FROM"
                                        " (SELECT action || ':' || subject_id || ':' || json_extract (detail, '$.name')"
                                        "  AS entry FROM audit_log WHERE subject_type = 'saved_reply' ORDER BY id)");
}

static void
test_crud (ChorusTestTempDir *fixture,
           gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "replies.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *expected = NULL;
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READONLY, 5000);
  gint64 thanks, looking, dm;

  ASSERT_LISTED (store, "");

  thanks = chorus_store_add_saved_reply (store, "  Thanks ", "Thanks, {name}!", &error);
  g_assert_no_error (error);
  looking = chorus_store_add_saved_reply (store, "Looking into it", "Looking into it, {name}.\nBack soon.", &error);
  g_assert_no_error (error);
  dm = chorus_store_add_saved_reply (store, "Send us a DM", "Please send us a DM.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (thanks, >, 0);
  g_assert_cmpint (looking, >, thanks);
  g_assert_cmpint (dm, >, looking);
  ASSERT_LISTED (store, "Thanks=Thanks, {name}!|Looking into it=Looking into it, {name}.\nBack soon."
                        "|Send us a DM=Please send us a DM.");

  /* Refused, with nothing written. */
  g_assert_cmpint (chorus_store_add_saved_reply (store, " \t", "Body", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_add_saved_reply (store, "Empty", " \n ", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_add_saved_reply (store, "Two\nlines", "Body", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_edit_saved_reply (store, dm + 100, "Gone", "Gone", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (chorus_store_edit_saved_reply (store, thanks, "Thanks", "", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM saved_replies"), ==, 3);

  /* Edited in place; moved to the front, past the end, and back. */
  g_assert_true (chorus_store_edit_saved_reply (store, looking, "On it", "On it, {name}.", &error));
  g_assert_no_error (error);
  g_assert_true (chorus_store_move_saved_reply (store, dm, 0, &error));
  g_assert_no_error (error);
  ASSERT_LISTED (store, "Send us a DM=Please send us a DM.|Thanks=Thanks, {name}!|On it=On it, {name}.");
  g_assert_true (chorus_store_move_saved_reply (store, dm, 99, &error));
  ASSERT_LISTED (store, "Thanks=Thanks, {name}!|On it=On it, {name}.|Send us a DM=Please send us a DM.");
  g_assert_true (chorus_store_move_saved_reply (store, looking, 0, &error));
  ASSERT_LISTED (store, "On it=On it, {name}.|Thanks=Thanks, {name}!|Send us a DM=Please send us a DM.");
  g_assert_false (chorus_store_move_saved_reply (store, dm + 100, 0, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (chorus_store_delete_saved_reply (store, thanks, &error));
  g_assert_no_error (error);
  g_assert_false (chorus_store_delete_saved_reply (store, thanks, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ASSERT_LISTED (store, "On it=On it, {name}.|Send us a DM=Please send us a DM.");

  /* One entry per change that was made, none for those refused. */
  audit = dup_audit (db);
  expected = g_strdup_printf ("saved-reply-add:%" G_GINT64_FORMAT ":Thanks,"
                              "saved-reply-add:%" G_GINT64_FORMAT ":Looking into it,"
                              "saved-reply-add:%" G_GINT64_FORMAT ":Send us a DM,"
                              "saved-reply-edit:%" G_GINT64_FORMAT ":On it,"
                              "saved-reply-move:%" G_GINT64_FORMAT ":Send us a DM,"
                              "saved-reply-move:%" G_GINT64_FORMAT ":Send us a DM,"
                              "saved-reply-move:%" G_GINT64_FORMAT ":On it,"
                              "saved-reply-delete:%" G_GINT64_FORMAT ":Thanks",
                              thanks, looking, dm, looking, dm, dm, looking, thanks);
  g_assert_cmpstr (audit, ==, expected);

  /* Still there after reopening (the last connection closing writes the
   * workspace's header out of the WAL). */
  sqlite3_close (db);
  chorus_test_finalize_object (g_steal_pointer (&store));
  store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  ASSERT_LISTED (store, "On it=On it, {name}.|Send us a DM=Please send us a DM.");

  chorus_test_finalize_object (g_steal_pointer (&store));
}

static gint64
finish_change (ChorusStore   *store,
               GAsyncResult **result,
               GError       **error)
{
  gint64 id;

  chorus_test_wait_async_result (result);
  id = chorus_store_change_saved_reply_finish (store, *result, error);
  g_clear_object (result);
  return id;
}

/* The same through the calls widgets make, off the main thread. */
static void
test_async (ChorusTestTempDir *fixture,
            gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "replies.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  chorus_store_add_saved_reply_async (store, "A", "First", NULL, chorus_test_async_result_cb, &result);
  a = finish_change (store, &result, &error);
  g_assert_no_error (error);
  chorus_store_add_saved_reply_async (store, "B", "Second", NULL, chorus_test_async_result_cb, &result);
  b = finish_change (store, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, >, a);

  chorus_store_edit_saved_reply_async (store, a, "A2", "First again", NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (store, &result, &error), ==, a);
  chorus_store_move_saved_reply_async (store, b, 0, NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (store, &result, &error), ==, b);
  g_assert_no_error (error);

  chorus_store_list_saved_replies_async (store, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  replies = chorus_store_list_saved_replies_finish (store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (replies->len, ==, 2);
  g_assert_cmpstr (chorus_saved_reply_get_name (g_ptr_array_index (replies, 0)), ==, "B");
  g_assert_cmpstr (chorus_saved_reply_get_body (g_ptr_array_index (replies, 1)), ==, "First again");

  /* A refusal comes back as an error, as a widget shows it. */
  chorus_store_edit_saved_reply_async (store, a, "", "Text", NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (store, &result, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  chorus_store_delete_saved_reply_async (store, a, NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (store, &result, &error), ==, a);
  ASSERT_LISTED (store, "B=Second");

  chorus_test_finalize_object (g_steal_pointer (&store));
}

/* The sample workspace comes with a few, each greeting the person. */
static void
test_sample (ChorusTestTempDir *fixture,
             gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sample.chorus", NULL);
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_sample_generate (path, 50, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  replies = chorus_store_list_saved_replies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 3);
  g_assert_cmpstr (chorus_saved_reply_get_name (g_ptr_array_index (replies, 0)), ==, "Thanks");
  g_assert_cmpstr (chorus_saved_reply_get_name (g_ptr_array_index (replies, 1)), ==, "Looking into it");
  g_assert_cmpstr (chorus_saved_reply_get_name (g_ptr_array_index (replies, 2)), ==, "Send us a DM");
  for (guint i = 0; i < replies->len; i++)
    g_assert_nonnull (strstr (chorus_saved_reply_get_body (g_ptr_array_index (replies, i)), "{name}"));

  /* Added after them, as a person would. */
  g_assert_cmpint (chorus_store_add_saved_reply (store, "Mine", "Hello", &error), >, 3);
  g_assert_no_error (error);
  g_clear_pointer (&replies, g_ptr_array_unref);
  chorus_test_finalize_object (g_steal_pointer (&store));
}

/* Each action reads as a sentence naming the reply. */
static void
test_audit_sentences (void)
{
  static const struct { const char *action; const char *sentence; } cases[] = {
    { "saved-reply-add", "Ana added the saved reply “Thanks”" },
    { "saved-reply-edit", "Ana edited the saved reply “Thanks”" },
    { "saved-reply-move", "Ana moved the saved reply “Thanks”" },
    { "saved-reply-delete", "Ana deleted the saved reply “Thanks”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sentence = chorus_test_describe (cases[i].action, "{\"name\": \"Thanks\"}", "Ana");

      g_assert_cmpstr (sentence, ==, cases[i].sentence);
    }
}

static void
test_expand (void)
{
  static const struct { const char *body; const char *name; const char *handle; const char *expected; } cases[] = {
    { "Thanks, {name}!", "Ana Lima", "@ana@example.social", "Thanks, Ana Lima!" },
    { "Hi {handle}", "Ana Lima", "@ana@example.social", "Hi @ana@example.social" },
    /* Names in any script, whole. */
    { "Merci, {name} !", "Zoë Ñúñez 🌻", "@zoe", "Merci, Zoë Ñúñez 🌻 !" },
    { "{name}さん、ありがとう", "山田花子", "@hanako.bsky.social", "山田花子さん、ありがとう" },
    { "{name}, شكرا", "ليلى", NULL, "ليلى, شكرا" },
    /* No name: the handle; neither: left as written. */
    { "Thanks, {name}!", NULL, "@ana.bsky.social", "Thanks, @ana.bsky.social!" },
    { "Thanks, {name}!", "  ", "@ana.bsky.social", "Thanks, @ana.bsky.social!" },
    { "Thanks, {name}!", NULL, NULL, "Thanks, {name}!" },
    { "Hi {handle}", "Ana", NULL, "Hi {handle}" },
    /* Any case; unknown words and what is not a variable stay. */
    { "{Name} {HANDLE}", "Ana", "@ana", "Ana @ana" },
    { "{order} for {name}", "Ana", "@ana", "{order} for Ana" },
    { "{first name} {} {name", "Ana", "@ana", "{first name} {} {name" },
    { "a}b{", "Ana", "@ana", "a}b{" },
    /* Escaped braces. */
    { "{{name}} is {name}", "Ana", "@ana", "{name} is Ana" },
    { "{{{name}}}", "Ana", "@ana", "{Ana}" },
    { "{{", "Ana", "@ana", "{" },
    /* A value is never read again as a variable. */
    { "{name}", "{handle}", "@ana", "{handle}" },
    { "", "Ana", "@ana", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = chorus_reply_template_expand (cases[i].body, cases[i].name, cases[i].handle);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  chorus_test_add_in_temp_dir ("/chorus/saved-replies/crud", test_crud);
  chorus_test_add_in_temp_dir ("/chorus/saved-replies/async", test_async);
  chorus_test_add_in_temp_dir ("/chorus/saved-replies/sample", test_sample);
  g_test_add_func ("/chorus/saved-replies/audit-sentences", test_audit_sentences);
  g_test_add_func ("/chorus/saved-replies/expand", test_expand);

  return g_test_run ();
}
