/* chorus-store-outbox-items.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The outbox as a thread shows it: items listed per conversation, and the
 * changes a person makes to them (retry, cancel; see
 * chorus-store-outbox.c for edits), each one write with its audit entry
 * (see chorus-store-triage-private.h). Only an item that is not on its way
 * changes: the sender owns those marked 'sending'. */

#define LIST_SQL \
  ITEM_SQL " WHERE ?1 = 0 OR p.conversation_id = ?1" \
  "  OR (p.id IS NULL AND json_extract (o.payload, '$.conversation_id') = ?1)" \
  " ORDER BY o.id"

#define ITEM_SQL \
  "SELECT o.id, o.source_id, s.network, o.kind, o.target_post_id," \
  "  json_extract (o.payload, '$.target_uri')," \
  "  coalesce (p.conversation_id, json_extract (o.payload, '$.conversation_id'), 0)," \
  "  o.body, o.state, o.attempts, o.last_error, o.remote_uri, o.created_at, coalesce (o.sent_at, 0)" \
  " FROM outbox o LEFT JOIN sources s ON s.id = o.source_id LEFT JOIN posts p ON p.id = o.target_post_id"

static gpointer
build_item (sqlite3_stmt *stmt)
{
  g_autofree char *body = _chorus_sql_dup_text (stmt, 7);
  g_autofree char *last_error = _chorus_sql_dup_text (stmt, 10);

  return g_object_new (CHORUS_TYPE_OUTBOX_ITEM,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "source-id", sqlite3_column_int64 (stmt, 1),
                       "network", (const char *) sqlite3_column_text (stmt, 2),
                       "kind", (const char *) sqlite3_column_text (stmt, 3),
                       "target-post-id", sqlite3_column_int64 (stmt, 4),
                       "target-uri", (const char *) sqlite3_column_text (stmt, 5),
                       "conversation-id", sqlite3_column_int64 (stmt, 6),
                       "body", body,
                       "state", (const char *) sqlite3_column_text (stmt, 8),
                       "attempts", (guint) sqlite3_column_int (stmt, 9),
                       "last-error", last_error,
                       "remote-uri", (const char *) sqlite3_column_text (stmt, 11),
                       "created-at", sqlite3_column_int64 (stmt, 12),
                       "sent-at", sqlite3_column_int64 (stmt, 13),
                       NULL);
}

/**
 * chorus_store_list_outbox:
 * @self: a #ChorusStore
 * @conversation_id: a conversation, or 0 for the whole outbox
 * @error: a location for a #GError
 *
 * What was sent or is to be sent about @conversation_id, oldest first:
 * a thread shows each with its state, and failures with their reason.
 * Blocking: call it from a worker thread, or use
 * chorus_store_list_outbox_async().
 *
 * Returns: (transfer full) (element-type ChorusOutboxItem): the items, or
 *   %NULL with @error set
 */
GPtrArray *
chorus_store_list_outbox (ChorusStore  *self,
                          gint64        conversation_id,
                          GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  if (!(stmt = _chorus_sql_prepare (connection->db, LIST_SQL, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, build_item (stmt));

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "outbox");
      return NULL;
    }

  return g_steal_pointer (&items);
}

static ChorusOutboxItem *
load_item (sqlite3  *db,
           gint64    id,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, ITEM_SQL " WHERE o.id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return build_item (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, "%s", _("This item is not in the outbox."));
  else
    _chorus_set_sqlite_error (error, db, "outbox item");
  return NULL;
}

/**
 * chorus_store_load_outbox_item:
 * @self: a #ChorusStore
 * @id: an outbox item
 * @error: a location for a #GError
 *
 * Blocking, but quick.
 *
 * Returns: (transfer full): the item as it is now, or %NULL with @error
 *   set (%CHORUS_ERROR_NOT_FOUND)
 */
ChorusOutboxItem *
chorus_store_load_outbox_item (ChorusStore  *self,
                               gint64        id,
                               GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  return load_item (connection->db, id, error);
}

/* What _chorus_store_outbox_change() runs. */
typedef struct
{
  gint64      id;
  const char *sql;
  const char *text;
  const char *action;
  const char *refusal;
} Change;

static gint64
change_write (sqlite3  *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  Change *change = data;
  g_autoptr(ChorusOutboxItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(item = load_item (db, change->id, error)) || !(stmt = _chorus_sql_prepare (db, change->sql, error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, change->id);
  if (change->text != NULL)
    sqlite3_bind_text (stmt, 2, change->text, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, change->action, error))
    return 0;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, change->refusal);
      return 0;
    }

  return _chorus_audit_insert (db, change->action, "outbox", change->id, NULL, error) > 0 ? change->id : 0;
}

/* Runs @sql (?1 the item, ?2 @text) on an item, which must be in one of
 * the states @sql allows; otherwise says @refusal. */
gboolean
_chorus_store_outbox_change (ChorusStore  *self,
                             gint64        id,
                             const char   *sql,
                             const char   *text,
                             const char   *action,
                             const char   *refusal,
                             GError      **error)
{
  Change change = { id, sql, text, action, refusal };

  return _chorus_store_write (self, change_write, &change, error) > 0;
}

/**
 * chorus_store_retry_outbox_item:
 * @self: a #ChorusStore
 * @id: a failed outbox item
 * @error: a location for a #GError
 *
 * Puts a failed item back in the queue, for the next flush. Blocking:
 * call it from a worker thread, or use chorus_store_change_outbox_async().
 *
 * Returns: %FALSE with @error set when @id did not fail
 */
gboolean
chorus_store_retry_outbox_item (ChorusStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return _chorus_store_outbox_change (self, id, "UPDATE outbox SET state = 'queued', last_error = NULL"
                                      " WHERE id = ?1 AND state = 'failed'",
                                      NULL, "outbox-retry", _("Only what failed can be tried again."), error);
}

/**
 * chorus_store_cancel_outbox_item:
 * @self: a #ChorusStore
 * @id: a queued or failed outbox item
 * @error: a location for a #GError
 *
 * Calls off an item that is not on its way. Blocking: call it from a
 * worker thread, or use chorus_store_change_outbox_async().
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_cancel_outbox_item (ChorusStore  *self,
                                 gint64        id,
                                 GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return _chorus_store_outbox_change (self, id, "UPDATE outbox SET state = 'cancelled'"
                                      " WHERE id = ?1 AND state IN ('queued', 'failed')",
                                      NULL, "outbox-cancel",
                                      _("This is already on its way or sent, so it can no longer be cancelled."),
                                      error);
}

/**
 * chorus_store_list_outbox_async:
 * @self: a #ChorusStore
 * @conversation_id: a conversation, or 0 for the whole outbox
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the items
 * @user_data: data for @callback
 *
 * chorus_store_list_outbox() in a worker.
 */
void
chorus_store_list_outbox_async (ChorusStore         *self,
                                gint64               conversation_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_read_async (self, LIST_SQL, build_item, conversation_id, chorus_store_list_outbox_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_outbox_finish:
 * @self: a #ChorusStore
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusOutboxItem): the items,
 *   oldest first, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_outbox_finish (ChorusStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_outbox_async, error);
}
