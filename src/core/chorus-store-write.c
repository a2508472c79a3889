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
  GArray               *changed;    /* what to announce, or NULL */
  gboolean              team;       /* an edit of chorus-store-team.h */
  GError               *error;
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
  g_clear_pointer (&write->changed, g_array_unref);
  g_clear_error (&write->error);
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

/* Runs @func in one transaction. Returns what it returned, or 0 with
 * @error set; @changed gets the conversations to announce (none when any
 * may have changed), and stays NULL when there are none. */
static gint64
run_write (ChorusStore           *self,
           ChorusStoreWriteFunc   func,
           gpointer               data,
           GArray               **changed,
           GError               **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  if (!_chorus_sql_exec (connection->db, "BEGIN IMMEDIATE", error))
    return 0;

  if ((id = func (connection->db, data, ids, error)) == 0 ||
      !_chorus_sql_exec (connection->db, "COMMIT", error))
    {
      sqlite3_exec (connection->db, "ROLLBACK", NULL, NULL, NULL);
      return 0;
    }

  if (ids->len == 0)
    return id;
  if (ids->len == 1 && g_array_index (ids, gint64, 0) == CHORUS_ANY_CONVERSATION)
    g_array_set_size (ids, 0);

  *changed = g_steal_pointer (&ids);
  return id;
}

/* On the caller's context, the one place where both happen: the change
 * is announced, then the task returns, so the caller's callback runs after
 * the signal (from here, or from an idle GTask queues here). Handlers, GTK
 * widgets among them, run on the caller's thread, and rows refresh before
 * a toast offers to undo the change. */
static gboolean
complete_write_cb (gpointer data)
{
  GTask *task = data;
  Write *write = g_task_get_task_data (task);

  if (write->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&write->error));
      return G_SOURCE_REMOVE;
    }

  if (write->team)
    g_signal_emit_by_name (g_task_get_source_object (task), "team-changed");
  if (write->changed != NULL)
    g_signal_emit_by_name (g_task_get_source_object (task), "conversations-changed", write->changed);
  g_task_return_boolean (task, TRUE);

  return G_SOURCE_REMOVE;
}

static void
write_worker (GTask        *worker,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GTask *task = task_data;
  Write *write = g_task_get_task_data (task);
  g_autoptr(GSource) source = g_idle_source_new ();

  /* Cancelling stops a change that has not started; one that committed is
   * reported, so that it can still be undone. */
  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &write->error))
    write->result = run_write (source_object, write->func, write->data, &write->changed, &write->error);

  /* An idle even when this thread could take the context itself. */
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_callback (source, complete_write_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[chorus] complete_write_cb");
  g_source_attach (source, g_task_get_context (task));

  g_task_return_boolean (worker, TRUE);
}

static void
start_write (ChorusStore          *self,
             ChorusStoreWriteFunc  func,
             gpointer              data,
             GDestroyNotify        data_free,
             gboolean              team,
             gpointer              source_tag,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Write *write;

  write = g_new0 (Write, 1);
  write->func = func;
  write->data = data;
  write->data_free = data_free;
  write->team = team;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_set_check_cancellable (task, FALSE);

  /* The worker thread runs under a task of its own: the caller's task is
   * returned by complete_write_cb(), never from the worker. */
  worker = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (worker, g_steal_pointer (&task), g_object_unref);
  g_task_run_in_thread (worker, write_worker);
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
  start_write (self, func, data, data_free, FALSE, source_tag, cancellable, callback, user_data);
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
 * are announced on the calling thread's default main context, at once when
 * that thread owns it or can take it: the main thread sees them before the
 * call returns.
 */
gint64
_chorus_store_write (ChorusStore           *self,
                     ChorusStoreWriteFunc   func,
                     gpointer               data,
                     GError               **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GArray) changed = NULL;
  Announcement *announcement;
  gint64 id;

  if ((id = run_write (self, func, data, &changed, error)) == 0 || changed == NULL)
    return id;

  announcement = g_new0 (Announcement, 1);
  announcement->store = g_object_ref (self);
  announcement->ids = g_steal_pointer (&changed);
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, announce_cb, announcement, announcement_free);

  return id;
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
  return _chorus_store_run_finish (self, result, source_tag, error);
}

typedef struct
{
  ChorusStoreRunFunc  func;
  gpointer            data;
  GDestroyNotify      free_result;
} Run;

static void
run_free (Run *run)
{
  g_free (run->data);
  g_free (run);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(result = run->func (source_object, run->data, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, run->free_result);
}

/**
 * _chorus_store_run_async:
 * @data: what @func is given, copied (@size bytes): plain values only
 * @free_result: frees what @func returns when nobody finishes the task
 *
 * Runs @func in a worker; it opens the connection it needs.
 */
void
_chorus_store_run_async (ChorusStore         *self,
                         ChorusStoreRunFunc   func,
                         gconstpointer        data,
                         gsize                size,
                         GDestroyNotify       free_result,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run = g_new0 (Run, 1);
  run->func = func;
  run->data = g_memdup2 (data, size);
  run->free_result = free_result;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  g_task_run_in_thread (task, run_worker);
}

/* Returns: what the function returned, or %NULL with @error set */
gpointer
_chorus_store_run_finish (ChorusStore   *self,
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

/* Runs @func on @edit (taken) in a worker. The name it carries, if any,
 * is one a person typed: it is trimmed first, and refused through
 * @callback when that leaves nothing or it holds control characters. */
void
_chorus_store_edit_async (ChorusStore          *self,
                          ChorusStoreWriteFunc  func,
                          ChorusEdit           *edit,
                          gpointer              source_tag,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autofree char *typed = g_steal_pointer (&edit->name);

  if (typed != NULL &&
      !(edit->name = _chorus_dup_name_or_report (self, typed, source_tag, callback, user_data)))
    {
      _chorus_edit_free (edit);
      return;
    }

  /* Statuses, members and tags are listed by whoever shows them:
   * ChorusStore::team-changed tells them to list them again. */
  start_write (self, func, edit, (GDestroyNotify) _chorus_edit_free, TRUE, source_tag,
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
