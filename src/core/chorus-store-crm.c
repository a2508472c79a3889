/* chorus-store-crm.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>


#include "chorus-store-crm.h"
#include "chorus-store-triage-private.h"

/* The store's half of a CRM import: finding the person each row of a
 * CSV file names, and writing the rows' fields.
 *
 * A row's match cell is compared with the identities' handles, servers
 * and profile addresses in any case (see chorus_crm_key_parse()). A row
 * that finds one person (a merged person counts as the one they were
 * merged into) is imported; a row that finds nobody or several people is
 * left out and counted. The import is one transaction on the triage
 * writer: it records itself in crm_imports with its mapping, replaces the
 * fields its rows fill (person_fields.import_id says which import set
 * each), leaves fields alone where a cell is empty, and writes one audit
 * entry ("crm-import", subject ("crm_import", id), detail {"file",
 * "rows", "matched", "unmatched", "ambiguous", "values"}). */

#define PERSON_OF "COALESCE (p.merged_into, p.id)"
#define IDENTITY_PEOPLE \
  "SELECT DISTINCT " PERSON_OF " FROM identities i JOIN people p ON p.id = i.person_id"

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *by_handle;
  sqlite3_stmt *by_account;
  GHashTable   *by_url;      /* normalized profile address → GArray of person ids; read when first needed */
} Matcher;

typedef struct
{
  ChorusCsvTable   *table;
  ChorusCrmMapping *mapping;
  guint             n_rows;
  ChorusCrmTotals   totals;
} CrmJob;

static void
matcher_clear (Matcher *matcher)
{
  g_clear_pointer (&matcher->by_handle, sqlite3_finalize);
  g_clear_pointer (&matcher->by_account, sqlite3_finalize);
  g_clear_pointer (&matcher->by_url, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matcher, matcher_clear)

static gboolean
matcher_init (Matcher  *matcher,
              sqlite3  *db,
              GError  **error)
{
  matcher->db = db;
  matcher->by_handle = _chorus_sql_prepare (db, IDENTITY_PEOPLE " WHERE i.handle = ?1 COLLATE NOCASE", error);
  if (matcher->by_handle == NULL)
    return FALSE;
  matcher->by_account = _chorus_sql_prepare (db,
                                             IDENTITY_PEOPLE " WHERE i.handle = ?1 COLLATE NOCASE"
                                             "  AND i.server = ?2 COLLATE NOCASE",
                                             error);
  return matcher->by_account != NULL;
}

static void
add_person (GArray *people,
            gint64  id)
{
  for (guint i = 0; i < people->len; i++)
    {
      if (g_array_index (people, gint64, i) == id)
        return;
    }

  g_array_append_val (people, id);
}

static gboolean
add_people_of (Matcher       *matcher,
               sqlite3_stmt  *stmt,
               const char    *handle,
               const char    *server,
               GArray        *people,
               GError       **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, handle, -1, SQLITE_TRANSIENT);
  if (server != NULL)
    sqlite3_bind_text (stmt, 2, server, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_person (people, sqlite3_column_int64 (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, matcher->db, "match");
      return FALSE;
    }

  return TRUE;
}

/* Profile addresses are not indexed: they are read once, into a table. */
static gboolean
load_urls (Matcher  *matcher,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  matcher->by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  if (!(stmt = _chorus_sql_prepare (matcher->db,
                                    "SELECT i.profile_url, " PERSON_OF
                                    " FROM identities i JOIN people p ON p.id = i.person_id"
                                    " WHERE i.profile_url IS NOT NULL AND i.profile_url != ''",
                                    error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *url = chorus_crm_normalize_url ((const char *) sqlite3_column_text (stmt, 0));
      GArray *people = g_hash_table_lookup (matcher->by_url, url);

      if (people == NULL)
        {
          people = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (matcher->by_url, g_steal_pointer (&url), people);
        }
      add_person (people, sqlite3_column_int64 (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, matcher->db, "profiles");
      return FALSE;
    }

  return TRUE;
}

/* Fills @people with the distinct people @cell names. */
static gboolean
match_cell (Matcher     *matcher,
            const char  *cell,
            GArray      *people,
            GError     **error)
{
  g_auto(ChorusCrmKey) key = { 0, };
  GArray *found;

  g_array_set_size (people, 0);
  chorus_crm_key_parse (&key, cell);

  if (key.kind == CHORUS_CRM_KEY_URL)
    {
      if (matcher->by_url == NULL && !load_urls (matcher, error))
        return FALSE;
      if ((found = g_hash_table_lookup (matcher->by_url, key.url)) != NULL)
        {
          for (guint i = 0; i < found->len; i++)
            add_person (people, g_array_index (found, gint64, i));
        }
    }

  if (key.handle == NULL)
    return TRUE;

  if (key.server != NULL)
    return add_people_of (matcher, matcher->by_account, key.handle, key.server, people, error);

  return add_people_of (matcher, matcher->by_handle, key.handle, NULL, people, error);
}

static ChorusCrmMatch
count_match (ChorusCrmTotals *totals,
             GArray          *people)
{
  totals->n_rows++;

  if (people->len == 1)
    {
      totals->n_matched++;
      return CHORUS_CRM_MATCH_ONE;
    }

  if (people->len == 0)
    {
      totals->n_unmatched++;
      return CHORUS_CRM_MATCH_NONE;
    }

  totals->n_ambiguous++;
  return CHORUS_CRM_MATCH_AMBIGUOUS;
}

/* Finds the person of every row: @persons gets each row's person, or 0. */
static gboolean
match_rows (sqlite3           *db,
            CrmJob            *job,
            GArray            *persons,
            GCancellable      *cancellable,
            GError           **error)
{
  g_auto(Matcher) matcher = { 0, };
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  int column = chorus_crm_mapping_get_match_column (job->mapping);
  guint n = chorus_csv_table_get_n_rows (job->table);

  if (!matcher_init (&matcher, db, error))
    return FALSE;

  memset (&job->totals, 0, sizeof job->totals);
  for (guint i = 0; i < n; i++)
    {
      const ChorusCsvRow *row = chorus_csv_table_get_row (job->table, i);
      gint64 person_id = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (column >= 0 && !match_cell (&matcher, row->fields[column], people, error)))
        return FALSE;
      if (column < 0)
        g_array_set_size (people, 0);

      if (count_match (&job->totals, people) == CHORUS_CRM_MATCH_ONE)
        person_id = g_array_index (people, gint64, 0);
      g_array_append_val (persons, person_id);
    }

  return TRUE;
}

static void
crm_job_free (CrmJob *job)
{
  chorus_csv_table_unref (job->table);
  chorus_crm_mapping_free (job->mapping);
  g_free (job);
}

static CrmJob *
crm_job_new (ChorusCsvTable         *table,
             const ChorusCrmMapping *mapping,
             guint                   n_rows)
{
  CrmJob *job = g_new0 (CrmJob, 1);

  job->table = chorus_csv_table_ref (table);
  job->mapping = chorus_crm_mapping_copy (mapping);
  job->n_rows = n_rows;

  return job;
}

/* Preview */

static char *
dup_person_name (sqlite3  *db,
                 gint64    person_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT display_name FROM people WHERE id = ?1", person_id,
                                            error)))
    return NULL;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "person");
      return NULL;
    }

  return _chorus_sql_dup_text (stmt, 0);
}

/* The number of people a row without one match found, for its words. */
static gboolean
count_people (Matcher      *matcher,
              const char   *cell,
              guint        *n_people,
              GError      **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!match_cell (matcher, cell, people, error))
    return FALSE;

  *n_people = people->len;
  return TRUE;
}

static ChorusCrmPreview *
run_preview (sqlite3       *db,
             CrmJob        *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(ChorusCrmPreview) preview = chorus_crm_preview_new ();
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(Matcher) matcher = { 0, };
  int column = chorus_crm_mapping_get_match_column (job->mapping);

  if (!match_rows (db, job, persons, cancellable, error) || !matcher_init (&matcher, db, error))
    return NULL;

  preview->totals = job->totals;
  for (guint i = 0; i < MIN (job->n_rows, persons->len); i++)
    {
      ChorusCrmPreviewRow *row = g_new0 (ChorusCrmPreviewRow, 1);
      const ChorusCsvRow *csv_row = chorus_csv_table_get_row (job->table, i);

      g_ptr_array_add (preview->rows, row);
      row->index = i;
      row->line = csv_row->line;
      row->person_id = g_array_index (persons, gint64, i);
      if (row->person_id != 0)
        {
          row->match = CHORUS_CRM_MATCH_ONE;
          row->n_people = 1;
          if (!(row->person_name = dup_person_name (db, row->person_id, error)))
            return NULL;
        }
      else if (column >= 0 && !count_people (&matcher, csv_row->fields[column], &row->n_people, error))
        return NULL;
      else
        row->match = row->n_people > 1 ? CHORUS_CRM_MATCH_AMBIGUOUS : CHORUS_CRM_MATCH_NONE;
    }

  return g_steal_pointer (&preview);
}

/**
 * chorus_store_preview_crm_import:
 * @self: a #ChorusStore
 * @table: the CSV file
 * @mapping: its columns' roles; with no single match column every row
 *   matches nobody
 * @n_rows: how many of the first rows to tell about
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Tells whom each of the first @n_rows rows would be imported into, and
 * counts over the whole file how many rows match one person, nobody or
 * several people. Blocks: the UI calls
 * chorus_store_preview_crm_import_async().
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
ChorusCrmPreview *
chorus_store_preview_crm_import (ChorusStore             *self,
                                 ChorusCsvTable          *table,
                                 const ChorusCrmMapping  *mapping,
                                 guint                    n_rows,
                                 GCancellable            *cancellable,
                                 GError                 **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  CrmJob *job;
  ChorusCrmPreview *preview;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);

  connection = _chorus_store_connection_new (self);
  job = crm_job_new (table, mapping, n_rows);
  preview = run_preview (connection->db, job, cancellable, error);
  crm_job_free (job);

  return preview;
}

static void
preview_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  GError *error = NULL;
  ChorusCrmPreview *preview;

  if ((preview = run_preview (connection->db, task_data, cancellable, &error)))
    g_task_return_pointer (task, preview, (GDestroyNotify) chorus_crm_preview_free);
  else
    g_task_return_error (task, error);
}

/**
 * chorus_store_preview_crm_import_async:
 *
 * Makes the preview of chorus_store_preview_crm_import() in a worker.
 */
void
chorus_store_preview_crm_import_async (ChorusStore             *self,
                                       ChorusCsvTable          *table,
                                       const ChorusCrmMapping  *mapping,
                                       guint                    n_rows,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (table != NULL);
  g_return_if_fail (mapping != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_preview_crm_import_async);
  g_task_set_task_data (task, crm_job_new (table, mapping, n_rows), (GDestroyNotify) crm_job_free);
  g_task_run_in_thread (task, preview_worker);
}

ChorusCrmPreview *
chorus_store_preview_crm_import_finish (ChorusStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Import */

static gint64
insert_import (sqlite3  *db,
               CrmJob   *job,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *mapping = chorus_crm_mapping_to_json (job->mapping);

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO crm_imports (file_name, mapping, n_rows, n_matched, imported_at)"
                                    " VALUES (?1, ?2, ?3, ?4, strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_text (stmt, 1, chorus_csv_table_get_name (job->table), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mapping, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, job->totals.n_rows);
  sqlite3_bind_int64 (stmt, 4, job->totals.n_matched);

  if (!_chorus_sql_step_done (db, stmt, "import", error))
    return 0;

  return sqlite3_last_insert_rowid (db);
}

static gboolean
write_row (sqlite3       *db,
           sqlite3_stmt  *stmt,
           CrmJob        *job,
           gint64         import_id,
           gint64         person_id,
           GStrv          fields,
           GError       **error)
{
  for (guint c = 0; fields[c] != NULL; c++)
    {
      const char *name = chorus_crm_mapping_get_field (job->mapping, c);
      g_autofree char *value = g_strstrip (g_strdup (fields[c]));

      /* An empty cell says nothing: what the person had stays. */
      if (name == NULL || *value == '\0')
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, import_id);
      if (!_chorus_sql_step_done (db, stmt, "field", error))
        return FALSE;
      job->totals.n_values++;
    }

  return TRUE;
}

static gint64
audit_import (sqlite3  *db,
              CrmJob   *job,
              gint64    import_id,
              GError  **error)
{
  JsonObject *detail = json_object_new ();

  json_object_set_string_member (detail, "file", chorus_csv_table_get_name (job->table));
  json_object_set_int_member (detail, "rows", job->totals.n_rows);
  json_object_set_int_member (detail, "matched", job->totals.n_matched);
  json_object_set_int_member (detail, "unmatched", job->totals.n_unmatched);
  json_object_set_int_member (detail, "ambiguous", job->totals.n_ambiguous);
  json_object_set_int_member (detail, "values", job->totals.n_values);

  return _chorus_audit_insert (db, "crm-import", "crm_import", import_id,
                               _chorus_json_node_take_object (detail), error);
}

static gint64
write_import (sqlite3   *db,
              gpointer   data,
              GArray    *changed,
              GError   **error)
{
  CrmJob *job = data;
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 import_id;

  if (!chorus_crm_mapping_check (job->mapping, error) ||
      !match_rows (db, job, persons, NULL, error) ||
      !(import_id = insert_import (db, job, error)) ||
      !(stmt = _chorus_sql_prepare (db,
                                    "INSERT OR REPLACE INTO person_fields (person_id, name, value, import_id)"
                                    " VALUES (?1, ?2, ?3, ?4)",
                                    error)))
    return 0;

  for (guint i = 0; i < persons->len; i++)
    {
      gint64 person_id = g_array_index (persons, gint64, i);

      if (person_id != 0 &&
          !write_row (db, stmt, job, import_id, person_id, chorus_csv_table_get_row (job->table, i)->fields,
                      error))
        return 0;
    }

  if (!audit_import (db, job, import_id, error))
    return 0;

  /* No conversation changed, but whoever shows a person reads it again
   * when any may have (see chorus-store-undo.c). */
  if (job->totals.n_values > 0)
    {
      gint64 any = CHORUS_ANY_CONVERSATION;

      g_array_append_val (changed, any);
    }

  return import_id;
}

/**
 * chorus_store_import_crm:
 * @self: a #ChorusStore
 * @table: the CSV file
 * @mapping: its columns' roles, which chorus_crm_mapping_check() accepts
 * @totals: (out) (optional): the rows matched, left out, and the values written
 * @error: a location for a #GError
 *
 * Imports the fields of every row that matches one person, in one
 * transaction. Blocks: the UI calls chorus_store_import_crm_async().
 *
 * Returns: the import's id (in crm_imports), or 0 with @error set, when
 *   nothing was written
 */
gint64
chorus_store_import_crm (ChorusStore             *self,
                         ChorusCsvTable          *table,
                         const ChorusCrmMapping  *mapping,
                         ChorusCrmTotals         *totals,
                         GError                 **error)
{
  CrmJob *job;
  gint64 id;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (mapping != NULL, 0);

  job = crm_job_new (table, mapping, 0);
  if ((id = _chorus_store_write (self, write_import, job, error)) != 0 && totals != NULL)
    *totals = job->totals;
  crm_job_free (job);

  return id;
}

/**
 * chorus_store_import_crm_async:
 *
 * Runs the import of chorus_store_import_crm() in a worker.
 */
void
chorus_store_import_crm_async (ChorusStore             *self,
                               ChorusCsvTable          *table,
                               const ChorusCrmMapping  *mapping,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (table != NULL);
  g_return_if_fail (mapping != NULL);

  _chorus_store_write_async (self, write_import, crm_job_new (table, mapping, 0), (GDestroyNotify) crm_job_free,
                             chorus_store_import_crm_async, cancellable, callback, user_data);
}

gint64
chorus_store_import_crm_finish (ChorusStore      *self,
                                GAsyncResult     *result,
                                ChorusCrmTotals  *totals,
                                GError          **error)
{
  gint64 id;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  if ((id = _chorus_store_write_finish (self, result, error)) != 0 && totals != NULL)
    *totals = ((CrmJob *) _chorus_store_write_get_data (result))->totals;

  return id;
}
