/* chorus-store-write.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-triage-private.h"

/* How every triage change reaches the workspace: one BEGIN IMMEDIATE …
 * COMMIT on a pooled connection in a worker thread, so that a bulk change
 * is whole or absent after a crash and the main thread never waits for
 * SQLite's write lock. After the commit, the conversations it changed are
 * announced with ChorusStore::conversations-changed on the caller's main
 * context, just before the caller's callback runs there. Lists of
 * statuses, members, tags, notes and audit entries are read the same way,
 * without the transaction. Below those, the helpers every triage file
 * shares: SQL and JSON values, names people type, and edits of statuses,
 * members and tags. */

typedef struct
{
  ChorusStoreWriteFunc  func;
  gpointer              data;
  GDestroyNotify        data_free;
  gint64                result;
} Write;

typedef struct
{
  const char       *sql;
  ChorusRowBuilder  build;
  gint64            param;
} Read;

typedef struct
{
  ChorusStore *store;
  GArray      *ids;
} Announcement;

static void
write_free (Write *write)
{
  if (write->data_free != NULL)
    write->data_free (write->data);
  g_free (write);
}

static void
announcement_free (gpointer data)
{
  Announcement *announcement = data;

  g_object_unref (announcement->store);
  g_array_unref (announcement->ids);
  g_free (announcement);
}

static gboolean
announce_cb (gpointer data)
{
  Announcement *announcement = data;

  g_signal_emit_by_name (announcement->store, "conversations-changed", announcement->ids);

  return G_SOURCE_REMOVE;
}

static gint64
run_write (ChorusStore           *self,
           ChorusStoreWriteFunc   func,
           gpointer               data,
           GMainContext          *context,
           GError               **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  Announcement *announcement;
  gint64 id;

  if (!_chorus_sql_exec (connection->db, "BEGIN IMMEDIATE", error))
    return 0;

  if ((id = func (connection->db, data, changed, error)) == 0 ||
      !_chorus_sql_exec (connection->db, "COMMIT", error))
    {
      sqlite3_exec (connection->db, "ROLLBACK", NULL, NULL, NULL);
      return 0;
    }

  if (changed->len == 0)
    return id;
  if (changed->len == 1 && g_array_index (changed, gint64, 0) == CHORUS_ANY_CONVERSATION)
    g_array_set_size (changed, 0);

  /* An idle on the context the callback returns on: queued first, it runs
   * first, so rows refresh before a toast offers to undo the change. */
  announcement = g_new0 (Announcement, 1);
  announcement->store = g_object_ref (self);
  announcement->ids = g_steal_pointer (&changed);
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, announce_cb, announcement,
                              announcement_free);

  return id;
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((write->result = run_write (source_object, write->func, write->data,
                                  g_task_get_context (task), &error)) != 0)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
_chorus_store_write_async (ChorusStore          *self,
                           ChorusStoreWriteFunc  func,
                           gpointer              data,
                           GDestroyNotify        data_free,
                           gpointer              source_tag,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Write *write;

  write = g_new0 (Write, 1);
  write->func = func;
  write->data = data;
  write->data_free = data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  /* Cancelling stops a change that has not started; one that committed is
   * reported, so that it can still be undone. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, write_worker);
}

/* Returns: what the write function returned, or 0 with @error set */
gint64
_chorus_store_write_finish (ChorusStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  Write *write;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;

  write = g_task_get_task_data (G_TASK (result));
  return write->result;
}

/* The data the write function was given, for results beside its id. */
gpointer
_chorus_store_write_get_data (GAsyncResult *result)
{
  Write *write = g_task_get_task_data (G_TASK (result));

  return write->data;
}

/**
 * _chorus_store_write:
 *
 * The same, blocking, on the calling thread. The conversations it changed
 * are announced on the calling thread's default main context (at once when
 * that thread owns it).
 */
gint64
_chorus_store_write (ChorusStore           *self,
                     ChorusStoreWriteFunc   func,
                     gpointer               data,
                     GError               **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  return run_write (self, func, data, context, error);
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Read *read = task_data;
  GError *error = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (connection->db, read->sql, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, read->param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read->build (stmt));

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (&error, connection->db, "list");
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}

void
_chorus_store_read_async (ChorusStore          *self,
                          const char           *sql,
                          ChorusRowBuilder      build,
                          gint64                param,
                          gpointer              source_tag,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Read *read;

  read = g_new0 (Read, 1);
  read->sql = sql;
  read->build = build;
  read->param = param;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, read, g_free);
  g_task_run_in_thread (task, read_worker);
}

GPtrArray *
_chorus_store_read_finish (ChorusStore   *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
_chorus_audit_insert (sqlite3     *db,
                      const char  *action,
                      const char  *subject_type,
                      gint64       subject_id,
                      JsonNode    *detail,
                      GError     **error)
{
  g_autoptr(JsonNode) owned_detail = detail;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO audit_log (at, actor_id, action, subject_type,"
                                    "  subject_id, detail)"
                                    " VALUES (strftime ('%s', 'now'),"
                                    "  (SELECT id FROM team_members WHERE is_me ORDER BY id LIMIT 1),"
                                    "  ?1, ?2, nullif (?3, 0), ?4)",
                                    error)))
    return 0;

  if (detail != NULL)
    text = json_to_string (detail, FALSE);

  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, subject_id);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);

  if (!_chorus_sql_step_done (db, stmt, "audit", error))
    return 0;

  return sqlite3_last_insert_rowid (db);
}

/* @sql prepared, with @id bound to ?1. */
sqlite3_stmt *
_chorus_sql_prepare_with_id (sqlite3     *db,
                             const char  *sql,
                             gint64       id,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = _chorus_sql_prepare (db, sql, error)))
    sqlite3_bind_int64 (stmt, 1, id);

  return stmt;
}

/* Runs @sql, a statement without rows, with @id bound to ?1. */
gboolean
_chorus_sql_run_with_id (sqlite3     *db,
                         const char  *sql,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, sql, id, error);

  return stmt != NULL && _chorus_sql_step_done (db, stmt, "edit", error);
}

/* Runs @sql, a statement without rows, with @id bound to ?1 and @text
 * (nullable) to ?2. */
gboolean
_chorus_sql_set_text (sqlite3     *db,
                      const char  *sql,
                      gint64       id,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, sql, id, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return _chorus_sql_step_done (db, stmt, "edit", error);
}

gboolean
_chorus_sql_step_done (sqlite3       *db,
                       sqlite3_stmt  *stmt,
                       const char    *what,
                       GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, what);
      return FALSE;
    }

  return TRUE;
}

JsonNode *
_chorus_sql_column_json (sqlite3_stmt *stmt,
                         int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return json_node_new (JSON_NODE_NULL);

  return json_node_init_int (json_node_alloc (), sqlite3_column_int64 (stmt, column));
}

static gboolean
holds_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

void
_chorus_sql_bind_json (sqlite3_stmt *stmt,
                       int           index,
                       JsonNode     *value)
{
  if (holds_int (value))
    sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
  else
    sqlite3_bind_null (stmt, index);
}

/* Returns: (transfer full): a node holding @object, which it takes */
JsonNode *
_chorus_json_node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* Returns: (transfer full): a node holding @array, which it takes */
JsonNode *
_chorus_json_node_take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* Whether two values a field held are the same: both null, or both the
 * same number. */
gboolean
_chorus_json_same_int (JsonNode *a,
                       JsonNode *b)
{
  if (holds_int (a) && holds_int (b))
    return json_node_get_int (a) == json_node_get_int (b);

  return !holds_int (a) && !holds_int (b);
}

/* A name a person typed, without the spaces around it; refused when
 * nothing is left. Control characters are refused too: lists join names
 * with U+001F. */
char *
_chorus_dup_trimmed_name (const char  *name,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("A name cannot be empty."));
      return NULL;
    }

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                               _("A name cannot hold tabs, line breaks or other control characters."));
          return NULL;
        }
    }

  return g_steal_pointer (&trimmed);
}

/* The same for an _async() call: the error goes to @callback. */
char *
_chorus_dup_name_or_report (gpointer             source_object,
                            const char          *name,
                            gpointer             source_tag,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  char *trimmed;

  if (!(trimmed = _chorus_dup_trimmed_name (name, &error)))
    g_task_report_error (source_object, callback, user_data, source_tag, g_steal_pointer (&error));

  return trimmed;
}

ChorusEdit *
_chorus_edit_new (gint64      id,
                  gint64      number,
                  const char *name)
{
  ChorusEdit *edit = g_new0 (ChorusEdit, 1);

  edit->id = id;
  edit->number = number;
  edit->name = g_strdup (name);

  return edit;
}

void
_chorus_edit_free (ChorusEdit *edit)
{
  g_free (edit->name);
  g_free (edit->email);
  g_free (edit->role);
  g_free (edit->color);
  g_free (edit);
}

void
_chorus_store_edit_async (ChorusStore          *self,
                          ChorusStoreWriteFunc  func,
                          ChorusEdit           *edit,
                          gpointer              source_tag,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  _chorus_store_write_async (self, func, edit, (GDestroyNotify) _chorus_edit_free, source_tag,
                             cancellable, callback, user_data);
}

gboolean
_chorus_audit_edit (sqlite3     *db,
                    const char  *action,
                    const char  *subject_type,
                    gint64       subject_id,
                    const char  *name,
                    GError     **error)
{
  JsonObject *detail = json_object_new ();

  if (name != NULL)
    json_object_set_string_member (detail, "name", name);

  return _chorus_audit_insert (db, action, subject_type, subject_id,
                               _chorus_json_node_take_object (detail), error) != 0;
}

/* Appends the first column of every row of @stmt to @ids. */
gboolean
_chorus_collect_ids (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     GArray        *ids,
                     GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "ids");
      return FALSE;
    }

  return TRUE;
}
