/* chorus-store-conversations.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-store-private.h"

/* Two lines of the widest row hold about 180 characters. */
#define EXCERPT_CHARS 180

static void
list_conversation_ids_worker (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;
  int rc;
  guint n = 0;

  /* A walk of the conversations_activity index: no sort, no table access. */
  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "SELECT id FROM conversations"
                                    " ORDER BY last_activity_at DESC, id DESC",
                                    &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);

      if (++n % 4096 == 0 && g_task_return_error_if_cancelled (task))
        return;
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (&error, connection->db, "conversations");
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
}

/**
 * chorus_store_list_conversation_ids_async:
 * @self: a #ChorusStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists every conversation id, newest activity first, in a worker thread.
 */
void
chorus_store_list_conversation_ids_async (ChorusStore         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_list_conversation_ids_async);
  g_task_run_in_thread (task, list_conversation_ids_worker);
}

/**
 * chorus_store_list_conversation_ids_finish:
 *
 * Returns: (transfer full): a #GArray of gint64 ids
 */
GArray *
chorus_store_list_conversation_ids_finish (ChorusStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chorus_store_load_conversation:
 * @self: a #ChorusStore
 * @id: a conversation id
 * @error: a location for a #GError
 *
 * A point lookup through primary keys and one index seek: cheap enough for
 * the main thread, which calls it for the rows on screen.
 *
 * Returns: (transfer full): the conversation, or %NULL with @error set
 */
ChorusConversation *
chorus_store_load_conversation (ChorusStore  *self,
                                gint64        id,
                                GError      **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *author_name = NULL;
  g_autofree char *author_handle = NULL;
  g_autofree char *server = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *custom_status = NULL;
  g_autofree char *assignee = NULL;
  const char *network;
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  db = _chorus_store_get_db (self);

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT c.network, i.display_name, i.handle, i.server,"
                                    "       substr (p.text, 1, ?2), c.last_activity_at, c.post_count,"
                                    "       s.builtin, s.name, s.is_closed, c.unread, m.name, c.language,"
                                    "       length (p.text) > ?2"
                                    " FROM conversations c"
                                    " JOIN statuses s ON s.id = c.status_id"
                                    " LEFT JOIN posts p ON p.id = (SELECT min (id) FROM posts"
                                    "                              WHERE conversation_id = c.id)"
                                    " LEFT JOIN identities i ON i.id = p.author_id"
                                    " LEFT JOIN team_members m ON m.id = c.assignee_id"
                                    " WHERE c.id = ?1",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, EXCERPT_CHARS);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                     "No conversation %" G_GINT64_FORMAT, id);
      else
        _chorus_set_sqlite_error (error, db, "conversation");
      return NULL;
    }

  network = (const char *) sqlite3_column_text (stmt, 0);
  author_name = _chorus_sql_dup_text (stmt, 1);
  author_handle = _chorus_sql_dup_text (stmt, 2);
  server = _chorus_sql_dup_text (stmt, 3);
  excerpt = _chorus_sql_dup_text (stmt, 4);
  if (excerpt != NULL && sqlite3_column_int (stmt, 13))
    {
      char *cut = g_strconcat (excerpt, "…", NULL);

      g_free (excerpt);
      excerpt = cut;
    }
  custom_status = _chorus_sql_dup_text (stmt, 8);
  assignee = _chorus_sql_dup_text (stmt, 11);
  handle = chorus_format_handle (network, author_handle, server);

  return g_object_new (CHORUS_TYPE_CONVERSATION,
                       "id", id,
                       "network", network,
                       "author-name", author_name,
                       "author-handle", handle,
                       "excerpt", excerpt,
                       "last-activity", sqlite3_column_int64 (stmt, 5),
                       "post-count", (guint) sqlite3_column_int (stmt, 6),
                       "status", chorus_format_status ((const char *) sqlite3_column_text (stmt, 7),
                                                       custom_status),
                       "closed", sqlite3_column_int (stmt, 9) != 0,
                       "unread", sqlite3_column_int (stmt, 10) != 0,
                       "assignee", assignee,
                       "language", (const char *) sqlite3_column_text (stmt, 12),
                       NULL);
}
