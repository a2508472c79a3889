/* test-crm-import.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CRM imports on the people workspace of people-workspace.c, plus a
 * fourth person, Ana Torres, who is "ana" on a Discourse forum, so that a
 * bare "@ana" matches two people. A file names its people by each kind of
 * key (an account on a server, a Bluesky handle, a bare handle, a profile
 * address, a Discourse profile address); the preview counts them over the
 * whole file; the import writes the matched rows' fields in one
 * transaction with one audit entry, leaves fields alone where a cell is
 * empty, never touches unmatched or ambiguous rows, and a second import
 * replaces the first one's values. chorusctl people import-crm does the
 * same from the command line. */

#include <locale.h>
#include <string.h>

#include "chorus-error.h"
#include "chorus-store-crm.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"
#include "crm-import-workspace.h"

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "crm.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  chorus_test_seed_crm_workspace (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove_all (&f->workspace);
}

static gint64
query_int (Fixture    *f,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return chorus_test_db_query_int (_chorus_store_get_db (f->store), sql);
}

static void
assert_field (Fixture    *f,
              gint64      person_id,
              const char *name,
              const char *expected)
{
  g_autofree char *value = chorus_test_dup_person_field (f->store, person_id, name);

  g_assert_cmpstr (value, ==, expected);
}

static ChorusCsvTable *
table_new (const char *csv,
           const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  ChorusCsvTable *table = chorus_csv_table_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* Handle finds the people; Plan is a field, City the field "Town". */
static ChorusCrmMapping *
people_mapping (ChorusCsvTable *table)
{
  ChorusCrmMapping *mapping = chorus_crm_mapping_new (chorus_csv_table_get_header (table));

  chorus_crm_mapping_set (mapping, 0, CHORUS_CRM_COLUMN_MATCH, NULL);
  chorus_crm_mapping_set (mapping, 1, CHORUS_CRM_COLUMN_FIELD, NULL);
  chorus_crm_mapping_set (mapping, 2, CHORUS_CRM_COLUMN_FIELD, "Town");
  return mapping;
}

static void
test_keys (void)
{
  static const struct
  {
    const char       *cell;
    ChorusCrmKeyKind  kind;
    const char       *handle;
    const char       *server;
    const char       *url;
  } cases[] = {
    { "", CHORUS_CRM_KEY_NONE, NULL, NULL, NULL },
    { "  @ ", CHORUS_CRM_KEY_NONE, NULL, NULL, NULL },
    { "@ana", CHORUS_CRM_KEY_HANDLE, "ana", NULL, NULL },
    { " ana ", CHORUS_CRM_KEY_HANDLE, "ana", NULL, NULL },
    { "ana.bsky.social", CHORUS_CRM_KEY_HANDLE, "ana.bsky.social", NULL, NULL },
    { "@ana.bsky.social", CHORUS_CRM_KEY_HANDLE, "ana.bsky.social", NULL, NULL },
    { "@ana@Mastodon.Social", CHORUS_CRM_KEY_ACCOUNT, "ana", "mastodon.social", NULL },
    { "ana@forum.example", CHORUS_CRM_KEY_ACCOUNT, "ana", "forum.example", NULL },
    { "https://mastodon.social/@ana", CHORUS_CRM_KEY_URL, "ana", "mastodon.social", "mastodon.social/@ana" },
    { "HTTPS://www.Example.org/@ana@other.example/?x=1#top", CHORUS_CRM_KEY_URL, "ana", "other.example",
      "example.org/@ana@other.example" },
    { "https://bsky.app/profile/ana.bsky.social", CHORUS_CRM_KEY_URL, "ana.bsky.social", NULL,
      "bsky.app/profile/ana.bsky.social" },
    { "https://forum.example/u/ana/summary", CHORUS_CRM_KEY_URL, "ana", "forum.example",
      "forum.example/u/ana/summary" },
    { "http://blog.example/about/", CHORUS_CRM_KEY_URL, NULL, NULL, "blog.example/about" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ChorusCrmKey) key = { 0, };

      chorus_crm_key_parse (&key, cases[i].cell);
      g_assert_cmpint (key.kind, ==, cases[i].kind);
      g_assert_cmpstr (key.handle, ==, cases[i].handle);
      g_assert_cmpstr (key.server, ==, cases[i].server);
      g_assert_cmpstr (key.url, ==, cases[i].url);
    }
}

static void
test_mapping (void)
{
  static const char * const header[] = { "Email", "Mastodon handle", "Profile URL", "Plan", " ", NULL };
  static const char * const plain[] = { "Email", "Plan", NULL };
  g_autoptr(ChorusCrmMapping) guess = chorus_crm_mapping_guess (header);
  g_autoptr(ChorusCrmMapping) none = chorus_crm_mapping_guess (plain);
  g_autoptr(ChorusCrmMapping) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  /* The first column that names accounts finds the people. */
  g_assert_cmpint (chorus_crm_mapping_get_match_column (guess), ==, 1);
  g_assert_cmpint (chorus_crm_mapping_get_role (guess, 2), ==, CHORUS_CRM_COLUMN_FIELD);
  g_assert_cmpstr (chorus_crm_mapping_get_field (guess, 3), ==, "Plan");
  g_assert_cmpstr (chorus_crm_mapping_get_field (guess, 4), ==, "Column 5");
  g_assert_null (chorus_crm_mapping_get_field (guess, 1));
  g_assert_true (chorus_crm_mapping_check (guess, &error));
  g_assert_no_error (error);
  g_assert_cmpint (chorus_crm_mapping_find_column (guess, "  mastodon HANDLE "), ==, 1);
  g_assert_cmpint (chorus_crm_mapping_find_column (guess, "4"), ==, 3);
  g_assert_cmpint (chorus_crm_mapping_find_column (guess, "9"), ==, -1);
  g_assert_cmpint (chorus_crm_mapping_find_column (guess, "Phone"), ==, -1);

  json = chorus_crm_mapping_to_json (guess);
  g_assert_nonnull (strstr (json, "\"version\":1"));
  g_assert_nonnull (strstr (json, "{\"header\":\"Mastodon handle\",\"use\":\"match\"}"));
  g_assert_nonnull (strstr (json, "{\"header\":\"Plan\",\"use\":\"field\",\"field\":\"Plan\"}"));

  /* Nothing names accounts: no match column, and no import. */
  g_assert_cmpint (chorus_crm_mapping_get_match_column (none), ==, -1);
  g_assert_false (chorus_crm_mapping_check (none, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Two match columns, two columns filling one field, no field at all. */
  copy = chorus_crm_mapping_copy (guess);
  chorus_crm_mapping_set (copy, 2, CHORUS_CRM_COLUMN_MATCH, NULL);
  g_assert_cmpint (chorus_crm_mapping_get_match_column (copy), ==, -1);
  g_assert_false (chorus_crm_mapping_check (copy, &error));
  g_clear_error (&error);
  chorus_crm_mapping_set (copy, 2, CHORUS_CRM_COLUMN_FIELD, "Plan");
  g_assert_false (chorus_crm_mapping_check (copy, &error));
  g_assert_nonnull (strstr (error->message, "“Plan”"));
  g_clear_error (&error);
  for (guint i = 0; i < chorus_crm_mapping_get_n_columns (copy); i++)
    {
      if (i != 1)
        chorus_crm_mapping_set (copy, i, CHORUS_CRM_COLUMN_IGNORE, NULL);
    }
  g_assert_false (chorus_crm_mapping_check (copy, &error));
  g_clear_error (&error);
  /* The original is untouched by changes to the copy. */
  g_assert_true (chorus_crm_mapping_check (guess, NULL));
}

static void
test_totals_text (void)
{
  ChorusCrmTotals totals = { 142, 120, 18, 4, 0 };
  ChorusCrmTotals one = { 1, 1, 0, 0, 0 };
  ChorusCrmTotals some_nobody = { 5, 3, 2, 0, 0 };
  ChorusCrmTotals some_ambiguous = { 5, 4, 0, 1, 0 };
  g_autofree char *text = chorus_crm_totals_dup_text (&totals);
  g_autofree char *text_one = chorus_crm_totals_dup_text (&one);
  g_autofree char *text_nobody = chorus_crm_totals_dup_text (&some_nobody);
  g_autofree char *text_ambiguous = chorus_crm_totals_dup_text (&some_ambiguous);

  g_assert_cmpstr (text, ==, "142 rows: 120 match a person, 18 match nobody, 4 match more than one person");
  /* What did not happen is left out. */
  g_assert_cmpstr (text_one, ==, "1 row: 1 matches a person");
  g_assert_cmpstr (text_nobody, ==, "5 rows: 3 match a person, 2 match nobody");
  g_assert_cmpstr (text_ambiguous, ==, "5 rows: 4 match a person, 1 matches more than one person");
}

/* A big file's counts with the locale's digit grouping (the words stay
 * English: no catalog is bound here). */
static void
test_totals_text_grouped (void)
{
  ChorusCrmTotals totals = { 12345, 12000, 345, 0, 0 };
  g_autofree char *saved = chorus_test_switch_locale (LC_ALL, "de_DE.UTF-8");
  g_autofree char *text = NULL;

  if (saved == NULL)
    return;
  text = chorus_crm_totals_dup_text (&totals);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (text, ==, "12.345 rows: 12.000 match a person, 345 match nobody");
}

static ChorusCrmPreview *
preview (Fixture                *f,
         ChorusCsvTable         *table,
         const ChorusCrmMapping *mapping,
         guint                   n_rows)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusCrmPreview *preview;

  chorus_store_preview_crm_import_async (f->store, table, mapping, n_rows, NULL,
                                         chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  preview = chorus_store_preview_crm_import_finish (f->store, result, &error);
  g_assert_no_error (error);
  return preview;
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  static const struct { guint line; ChorusCrmMatch match; gint64 person; const char *text; } expected[] = {
    { 2, CHORUS_CRM_MATCH_ONE, ANA, "Ana Lima" },
    { 3, CHORUS_CRM_MATCH_ONE, ANA, "Ana Lima" },
    { 4, CHORUS_CRM_MATCH_AMBIGUOUS, 0, "Ambiguous (matches 2 people)" },
    { 5, CHORUS_CRM_MATCH_ONE, BO, "Bo Chen" },
    { 6, CHORUS_CRM_MATCH_ONE, ANA, "Ana Lima" },
    { 7, CHORUS_CRM_MATCH_ONE, ANA_TORRES, "Ana Torres" },
    { 8, CHORUS_CRM_MATCH_NONE, 0, "No match" },
  };
  g_autoptr(ChorusCsvTable) table = table_new (chorus_test_crm_csv, NULL);
  g_autoptr(ChorusCrmMapping) mapping = people_mapping (table);
  g_autoptr(ChorusCrmPreview) all = preview (f, table, mapping, 100);
  g_autoptr(ChorusCrmPreview) first = preview (f, table, mapping, 3);
  g_autoptr(ChorusCrmMapping) unmatched = chorus_crm_mapping_copy (mapping);
  g_autoptr(ChorusCrmPreview) nobody = NULL;

  g_assert_cmpuint (all->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ChorusCrmPreviewRow *row = g_ptr_array_index (all->rows, i);
      g_autofree char *text = chorus_crm_preview_row_dup_match (row);

      g_assert_cmpuint (row->index, ==, i);
      g_assert_cmpuint (row->line, ==, expected[i].line);
      g_assert_cmpint (row->match, ==, expected[i].match);
      g_assert_cmpint (row->person_id, ==, expected[i].person);
      g_assert_cmpstr (text, ==, expected[i].text);
    }

  /* The totals cover the whole file, however few rows are shown. */
  g_assert_cmpuint (first->rows->len, ==, 3);
  g_assert_cmpuint (first->totals.n_rows, ==, 7);
  g_assert_cmpuint (first->totals.n_matched, ==, 5);
  g_assert_cmpuint (first->totals.n_unmatched, ==, 1);
  g_assert_cmpuint (first->totals.n_ambiguous, ==, 1);

  /* Without a match column nobody matches. */
  chorus_crm_mapping_set (unmatched, 0, CHORUS_CRM_COLUMN_IGNORE, NULL);
  nobody = preview (f, table, unmatched, 2);
  g_assert_cmpuint (nobody->totals.n_unmatched, ==, 7);
  g_assert_cmpint (((ChorusCrmPreviewRow *) g_ptr_array_index (nobody->rows, 0))->match, ==,
                   CHORUS_CRM_MATCH_NONE);

  /* A preview writes nothing. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM crm_imports"), ==, 0);
}

static void
on_conversations_changed_cb (ChorusStore *store,
                             GArray      *ids,
                             guint       *announced)
{
  /* "Any may have changed": how an open person panel hears of it. */
  g_assert_cmpuint (ids->len, ==, 0);
  (*announced)++;
}

/* Imports in a worker thread, as the dialog does, and checks that a
 * successful import that wrote values is announced once. */
static gint64
import (Fixture                *f,
        ChorusCsvTable         *table,
        const ChorusCrmMapping *mapping,
        ChorusCrmTotals        *totals,
        GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  ChorusCrmTotals written = { 0, };
  guint announced = 0;
  gulong handler;
  gint64 id;

  handler = g_signal_connect (f->store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb),
                              &announced);
  chorus_store_import_crm_async (f->store, table, mapping, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  id = chorus_store_import_crm_finish (f->store, result, &written, error);
  g_signal_handler_disconnect (f->store, handler);

  g_assert_cmpuint (announced, ==, id != 0 && written.n_values > 0 ? 1 : 0);
  if (totals != NULL)
    *totals = written;
  return id;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ChorusCsvTable) table = NULL;
  g_autoptr(ChorusCrmMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->workspace.dir, "crm export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *detail = NULL;
  g_autofree char *description = NULL;
  g_autofree char *mapping_json = NULL;
  ChorusCrmTotals totals = { 0, };
  gint64 id;

  g_file_set_contents (path, chorus_test_crm_csv, -1, &error);
  g_assert_no_error (error);
  table = chorus_csv_table_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  mapping = people_mapping (table);

  id = import (f, table, mapping, &totals, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (totals.n_rows, ==, 7);
  g_assert_cmpuint (totals.n_matched, ==, 5);
  g_assert_cmpuint (totals.n_unmatched, ==, 1);
  g_assert_cmpuint (totals.n_ambiguous, ==, 1);
  g_assert_cmpuint (totals.n_values, ==, 7);

  /* Ana's rows in file order; an empty cell leaves the value before it,
   * and fields the file does not name stay. */
  assert_field (f, ANA, "Plan", "Gold");
  assert_field (f, ANA, "Town", "Porto");
  assert_field (f, ANA, "Customer since", "2021");
  assert_field (f, ANA, "City", "");
  assert_field (f, ANA, "Notes", "");
  assert_field (f, BO, "Plan", "Free");
  assert_field (f, BO, "Town", "");
  assert_field (f, ANA_TORRES, "Plan", "Team");
  assert_field (f, ANA_TORRES, "Town", "Quito");
  /* The ambiguous row's values went nowhere; the brand got nothing. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_fields WHERE value IN ('Pro Max', 'Madrid', 'Paris')"),
                   ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_fields WHERE person_id = %d", BRAND), ==, 0);

  /* Which import set each field. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_fields WHERE import_id = %" G_GINT64_FORMAT, id),
                   ==, 5);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_fields WHERE import_id IS NULL"), ==, 1);

  /* The import's record and its one audit entry. */
  g_assert_cmpint (query_int (f, "SELECT n_rows * 100 + n_matched FROM crm_imports WHERE id = %" G_GINT64_FORMAT
                              " AND file_name = 'crm export.csv' AND imported_at > 0", id), ==, 705);
  mapping_json = chorus_test_db_query_text (_chorus_store_get_db (f->store), "SELECT mapping FROM crm_imports");
  g_assert_nonnull (strstr (mapping_json, "\"field\":\"Town\""));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT subject_id FROM audit_log WHERE action = 'crm-import'"
                              " AND subject_type = 'crm_import'"), ==, id);
  detail = chorus_test_db_query_text (_chorus_store_get_db (f->store), "SELECT detail FROM audit_log");
  g_assert_nonnull (strstr (detail, "\"values\":7"));
  description = chorus_test_describe ("crm-import", detail, "Sam");
  g_assert_cmpstr (description, ==, "Sam imported CRM fields from “crm export.csv”");
}

/* A second import replaces what the first set, and leaves empty cells. */
static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ChorusCsvTable) first = table_new (chorus_test_crm_csv, NULL);
  g_autoptr(ChorusCsvTable) second = table_new ("Plan;Handle;City\n;@ana@social.example;Braga\nBasic;@bo;\n", NULL);
  g_autoptr(ChorusCrmMapping) first_mapping = people_mapping (first);
  g_autoptr(ChorusCrmMapping) second_mapping = chorus_crm_mapping_guess (chorus_csv_table_get_header (second));
  g_autoptr(GError) error = NULL;
  gint64 first_id;
  gint64 second_id;
  gint64 n_fields;

  chorus_crm_mapping_set (second_mapping, 2, CHORUS_CRM_COLUMN_FIELD, "Town");
  first_id = import (f, first, first_mapping, NULL, &error);
  g_assert_no_error (error);
  n_fields = query_int (f, "SELECT count(*) FROM person_fields");

  second_id = chorus_store_import_crm (f->store, second, second_mapping, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second_id, >, first_id);

  assert_field (f, ANA, "Plan", "Gold");
  assert_field (f, ANA, "Town", "Braga");
  assert_field (f, BO, "Plan", "Basic");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_fields"), ==, n_fields);
  g_assert_cmpint (query_int (f, "SELECT import_id FROM person_fields WHERE person_id = %d AND name = 'Town'", ANA),
                   ==, second_id);
  g_assert_cmpint (query_int (f, "SELECT import_id FROM person_fields WHERE person_id = %d AND name = 'Plan'", ANA),
                   ==, first_id);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM crm_imports"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'crm-import'"), ==, 2);
}

/* A write that fails half-way leaves nothing: no fields, no record, no
 * audit entry. */
static void
test_one_transaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ChorusCsvTable) table = table_new ("Handle,Plan\n@bo,Free\n@ana@social.example,boom\n", NULL);
  g_autoptr(ChorusCrmMapping) mapping = chorus_crm_mapping_guess (chorus_csv_table_get_header (table));
  g_autoptr(GError) error = NULL;

  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "CREATE TRIGGER boom BEFORE INSERT ON person_fields WHEN NEW.value = 'boom'"
                       " BEGIN SELECT RAISE (ABORT, 'boom'); END;");

  g_assert_cmpint (import (f, table, mapping, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CHORUS_ERROR);
  assert_field (f, BO, "Plan", "");
  assert_field (f, ANA, "Plan", "Pro");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM crm_imports"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_refused_mapping (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ChorusCsvTable) table = table_new ("Email,Plan\nana@example.org,Free\n", NULL);
  g_autoptr(ChorusCrmMapping) mapping = chorus_crm_mapping_guess (chorus_csv_table_get_header (table));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (chorus_store_import_crm (f->store, table, mapping, NULL, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM crm_imports"), ==, 0);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (f->workspace.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_chorusctl (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  const char *ws = f->workspace.path;

  if (chorus_test_skip_without_chorusctl ())
    return;

  /* Closed once, so that the new workspace's header is in the file
   * rather than in the write-ahead log, where chorusctl would not see it. */
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  f->store = chorus_test_open_store (ws, CHORUS_STORE_OPEN_EXISTING);

  csv = write_csv (f, "people.csv", chorus_test_crm_csv);
  bad = write_csv (f, "bad.csv", "Handle,Plan\n@bo,Free\n@ana\n\"open\n");
  missing = g_build_filename (f->workspace.dir, "missing.csv", NULL);

  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people", "import-crm", csv,
                               "--match", "handle", "--field", "Plan", "--field", "3=Town", "--dry-run", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==,
                     "2\t1\tAna Lima\n3\t1\tAna Lima\n4\t-\tAmbiguous (matches 2 people)\n5\t2\tBo Chen\n"
                     "6\t1\tAna Lima\n7\t4\tAna Torres\n8\t-\tNo match\n"
                     "7 rows: 5 match a person, 1 matches nobody, 1 matches more than one person\n");
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM crm_imports"), ==, 0);
  }

  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people", "import-crm", csv,
                               "--match", "Handle", "--field", "Plan", "--field", "City=Town", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "7 rows: 5 match a person, 1 matches nobody, 1 matches more than one person\n");
    assert_field (f, ANA, "Plan", "Gold");
    assert_field (f, ANA, "Town", "Porto");
    assert_field (f, ANA, "Notes", "");
  }

  {
    /* Without --field, every other column is a field named by its header. */
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people", "import-crm", csv,
                               "--match", "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_field (f, ANA, "Notes", "first");
    assert_field (f, ANA, "City", "Porto");
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM crm_imports"), ==, 2);
  }

  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people", "import-crm", bad,
                               "--match", "Handle", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Line 3 "));
    g_assert_nonnull (strstr (run.err, "Line 4: a quoted field is never closed"));
    g_assert_cmpstr (run.out, ==, "");
    assert_field (f, BO, "Plan", "Free");
  }

  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people", "import-crm", missing,
                               "--match", "Handle", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "missing.csv"));
  }

  {
    static const char *usage[][4] = {
      { "import-crm", "--match", "Handle", NULL },        /* no file */
      { "import-crm", NULL, NULL, NULL },                 /* no file, no --match */
      { "import-crm", "FILE", NULL, NULL },               /* no --match */
      { "import-crm", "FILE", "--match", "Phone" },       /* no such column */
    };

    for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
      {
        g_auto(ChorusTestRun) run = { 0 };
        const char *args[4];

        for (guint j = 0; j < 4; j++)
          args[j] = g_strcmp0 (usage[i][j], "FILE") == 0 ? csv : usage[i][j];
        chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people",
                                   args[0], args[1], args[2], args[3], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_nonnull (strstr (run.err, "chorusctl people --help"));
      }
  }

  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", ws, "people", "import-crm", csv,
                               "--match", "Handle", "--field", "Nope", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Nope"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/crm-import/keys", test_keys);
  g_test_add_func ("/chorus/crm-import/mapping", test_mapping);
  g_test_add_func ("/chorus/crm-import/totals-text", test_totals_text);
  g_test_add_func ("/chorus/crm-import/totals-text-grouped", test_totals_text_grouped);
  g_test_add ("/chorus/crm-import/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/chorus/crm-import/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/chorus/crm-import/reimport", Fixture, NULL, fixture_set_up, test_reimport, fixture_tear_down);
  g_test_add ("/chorus/crm-import/one-transaction", Fixture, NULL, fixture_set_up, test_one_transaction,
              fixture_tear_down);
  g_test_add ("/chorus/crm-import/refused-mapping", Fixture, NULL, fixture_set_up, test_refused_mapping,
              fixture_tear_down);
  g_test_add ("/chorus/crm-import/chorusctl", Fixture, NULL, fixture_set_up, test_chorusctl, fixture_tear_down);

  return g_test_run ();
}
