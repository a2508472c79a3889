/* chorus-store-saved-replies.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-saved-replies.h"
#include "chorus-store-triage-private.h"

/* Saved replies: a handful of rows, each change one write (see
 * chorus-store-triage-private.h) that checks what a person typed, changes
 * the table and writes its audit entry, whose detail holds the reply's
 * name (see chorus-store-audit.c). No conversation changes with them. */

#define LIST_SQL "SELECT id, name, body FROM saved_replies ORDER BY position, id"

/* What a change writes; the name and body are as typed. */
typedef struct
{
  gint64  id;
  guint   position;
  char   *name;
  char   *body;
} Change;

static void
change_free (Change *change)
{
  g_free (change->name);
  g_free (change->body);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static Change *
change_new (gint64      id,
            guint       position,
            const char *name,
            const char *body)
{
  Change *change = g_new0 (Change, 1);

  change->id = id;
  change->position = position;
  change->name = g_strdup (name);
  change->body = g_strdup (body);

  return change;
}

static gpointer
build_saved_reply (sqlite3_stmt *stmt)
{
  g_autofree char *name = _chorus_sql_dup_text (stmt, 1);
  g_autofree char *body = _chorus_sql_dup_text (stmt, 2);

  return chorus_saved_reply_new (sqlite3_column_int64 (stmt, 0), name, body);
}

/* The name without the spaces around it, and a body with some text. */
static char *
check_typed (Change  *change,
             GError **error)
{
  g_autofree char *name = _chorus_dup_trimmed_name (change->name != NULL ? change->name : "", error);
  g_autofree char *stripped = g_strstrip (g_strdup (change->body != NULL ? change->body : ""));

  if (name == NULL)
    return NULL;

  if (*stripped == '\0' || !g_utf8_validate (change->body, -1, NULL))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("A saved reply needs some text."));
      return NULL;
    }

  return g_steal_pointer (&name);
}

static char *
dup_name (sqlite3  *db,
          gint64    id,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT name FROM saved_replies WHERE id = ?1", id, error)))
    return NULL;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("That saved reply no longer exists."));
      return NULL;
    }

  return _chorus_sql_dup_text (stmt, 0);
}

static gint64
write_add (sqlite3   *db,
           gpointer   data,
           GArray    *changed,
           GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (!(name = check_typed (change, error)) ||
      !(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO saved_replies (name, body, position, created_at)"
                                    " VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) FROM saved_replies),"
                                    "  strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->body, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "saved reply", error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  return _chorus_audit_edit (db, "saved-reply-add", "saved_reply", id, name, error) ? id : 0;
}

static gint64
write_edit (sqlite3   *db,
            gpointer   data,
            GArray    *changed,
            GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *name = NULL;

  if (!(name = check_typed (change, error)) || !(old_name = dup_name (db, change->id, error)) ||
      !(stmt = _chorus_sql_prepare_with_id (db, "UPDATE saved_replies SET name = ?2, body = ?3 WHERE id = ?1",
                                            change->id, error)))
    return 0;

  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->body, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "saved reply", error))
    return 0;

  return _chorus_audit_edit (db, "saved-reply-edit", "saved_reply", change->id, name, error) ? change->id : 0;
}

static gint64
write_delete (sqlite3   *db,
              gpointer   data,
              GArray    *changed,
              GError   **error)
{
  Change *change = data;
  g_autofree char *name = NULL;

  if (!(name = dup_name (db, change->id, error)) ||
      !_chorus_sql_run_with_id (db, "DELETE FROM saved_replies WHERE id = ?1", change->id, error))
    return 0;

  return _chorus_audit_edit (db, "saved-reply-delete", "saved_reply", change->id, name, error) ? change->id : 0;
}

/* Lays the replies out again in the order of @ids. */
static gboolean
renumber (sqlite3  *db,
          GArray   *ids,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "UPDATE saved_replies SET position = ?2 WHERE id = ?1", error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!_chorus_sql_step_done (db, stmt, "saved reply order", error))
        return FALSE;
    }

  return TRUE;
}

static gint64
write_move (sqlite3   *db,
            gpointer   data,
            GArray    *changed,
            GError   **error)
{
  Change *change = data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;

  if (!(name = dup_name (db, change->id, error)) || !(stmt = _chorus_sql_prepare (db, LIST_SQL, error)) ||
      !_chorus_collect_ids (db, stmt, ids, error))
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == change->id)
        {
          g_array_remove_index (ids, i);
          break;
        }
    }
  g_array_insert_val (ids, MIN (change->position, ids->len), change->id);

  if (!renumber (db, ids, error))
    return 0;

  return _chorus_audit_edit (db, "saved-reply-move", "saved_reply", change->id, name, error) ? change->id : 0;
}

static gint64
run (ChorusStore          *self,
     ChorusStoreWriteFunc  func,
     Change               *change,
     GError              **error)
{
  g_autoptr(Change) owned = change;

  return _chorus_store_write (self, func, owned, error);
}

static void
run_async (ChorusStore          *self,
           ChorusStoreWriteFunc  func,
           Change               *change,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  _chorus_store_write_async (self, func, change, (GDestroyNotify) change_free,
                             chorus_store_change_saved_reply_finish, cancellable, callback, user_data);
}

/**
 * chorus_store_list_saved_replies:
 * @self: a #ChorusStore
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker thread, or use
 * chorus_store_list_saved_replies_async().
 *
 * Returns: (transfer full) (element-type ChorusSavedReply): the saved
 *   replies in their order, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_saved_replies (ChorusStore  *self,
                                 GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  if (!(stmt = _chorus_sql_prepare (connection->db, LIST_SQL, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (replies, build_saved_reply (stmt));

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "saved replies");
      return NULL;
    }

  return g_steal_pointer (&replies);
}

/**
 * chorus_store_add_saved_reply:
 * @self: a #ChorusStore
 * @name: what the menu shows; surrounding spaces are dropped
 * @body: the text, which may hold {name} and {handle}
 * @error: a location for a #GError
 *
 * Adds a saved reply after the others. Blocking.
 *
 * Returns: its id, or 0 with @error set (%CHORUS_ERROR_INVALID_ARGUMENT
 *   for an empty name or text)
 */
gint64
chorus_store_add_saved_reply (ChorusStore  *self,
                              const char   *name,
                              const char   *body,
                              GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run (self, write_add, change_new (0, 0, name, body), error);
}

/**
 * chorus_store_edit_saved_reply:
 * @self: a #ChorusStore
 * @id: a saved reply
 * @name: its name, checked as chorus_store_add_saved_reply() does
 * @body: its text
 * @error: a location for a #GError
 *
 * Blocking.
 *
 * Returns: %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when it is gone)
 */
gboolean
chorus_store_edit_saved_reply (ChorusStore  *self,
                               gint64        id,
                               const char   *name,
                               const char   *body,
                               GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return run (self, write_edit, change_new (id, 0, name, body), error) > 0;
}

/**
 * chorus_store_delete_saved_reply:
 * @self: a #ChorusStore
 * @id: a saved reply
 * @error: a location for a #GError
 *
 * Blocking.
 *
 * Returns: %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when it was gone)
 */
gboolean
chorus_store_delete_saved_reply (ChorusStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return run (self, write_delete, change_new (id, 0, NULL, NULL), error) > 0;
}

/**
 * chorus_store_move_saved_reply:
 * @self: a #ChorusStore
 * @id: a saved reply
 * @position: where it goes in the order, from 0; past the end is last
 * @error: a location for a #GError
 *
 * Blocking.
 *
 * Returns: %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when it is gone)
 */
gboolean
chorus_store_move_saved_reply (ChorusStore  *self,
                               gint64        id,
                               guint         position,
                               GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return run (self, write_move, change_new (id, position, NULL, NULL), error) > 0;
}

/**
 * chorus_store_list_saved_replies_async:
 * @self: a #ChorusStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * chorus_store_list_saved_replies() in a worker.
 */
void
chorus_store_list_saved_replies_async (ChorusStore         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_read_async (self, LIST_SQL, build_saved_reply, 0, chorus_store_list_saved_replies_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_saved_replies_finish:
 *
 * Returns: (transfer full) (element-type ChorusSavedReply): the saved
 *   replies in their order, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_saved_replies_finish (ChorusStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_saved_replies_async, error);
}

/* chorus_store_add_saved_reply() in a worker. */
void
chorus_store_add_saved_reply_async (ChorusStore         *self,
                                    const char          *name,
                                    const char          *body,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  run_async (self, write_add, change_new (0, 0, name, body), cancellable, callback, user_data);
}

/* chorus_store_edit_saved_reply() in a worker. */
void
chorus_store_edit_saved_reply_async (ChorusStore         *self,
                                     gint64               id,
                                     const char          *name,
                                     const char          *body,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  run_async (self, write_edit, change_new (id, 0, name, body), cancellable, callback, user_data);
}

/* chorus_store_delete_saved_reply() in a worker. */
void
chorus_store_delete_saved_reply_async (ChorusStore         *self,
                                       gint64               id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  run_async (self, write_delete, change_new (id, 0, NULL, NULL), cancellable, callback, user_data);
}

/* chorus_store_move_saved_reply() in a worker. */
void
chorus_store_move_saved_reply_async (ChorusStore         *self,
                                     gint64               id,
                                     guint                position,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  run_async (self, write_move, change_new (id, position, NULL, NULL), cancellable, callback, user_data);
}

/**
 * chorus_store_change_saved_reply_finish:
 * @self: a #ChorusStore
 * @result: the result of an add, edit, delete or move
 * @error: a location for a #GError
 *
 * Returns: the id of the saved reply changed, or 0 with @error set (a
 *   translated sentence when what was typed is refused)
 */
gint64
chorus_store_change_saved_reply_finish (ChorusStore   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write_finish (self, result, error);
}
