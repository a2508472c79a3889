/* chorus-store-info.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-store-info.h"
#include "chorus-store-private.h"

/* A workspace's size at a glance. Posts and conversations come from the
 * counters the triggers keep, so a million-post workspace is never counted
 * row by row; the other tables stay small. */

#define COUNTS_SQL \
  "SELECT (SELECT value FROM counters WHERE name = 'posts')," \
  "       (SELECT value FROM counters WHERE name = 'conversations')," \
  "       (SELECT count (*) FROM people WHERE merged_into IS NULL)," \
  "       (SELECT count (*) FROM campaigns)," \
  "       (SELECT count (*) FROM challenges)," \
  "       (SELECT count (*) FROM submissions)"

static gboolean
read_counts (sqlite3            *db,
             ChorusStoreCounts  *counts,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, COUNTS_SQL, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "counts");
      return FALSE;
    }

  counts->posts = sqlite3_column_int64 (stmt, 0);
  counts->conversations = sqlite3_column_int64 (stmt, 1);
  counts->people = sqlite3_column_int64 (stmt, 2);
  counts->campaigns = sqlite3_column_int64 (stmt, 3);
  counts->challenges = sqlite3_column_int64 (stmt, 4);
  counts->submissions = sqlite3_column_int64 (stmt, 5);

  return TRUE;
}

/**
 * chorus_store_get_counts:
 * @self: a #ChorusStore
 * @counts: (out caller-allocates): the counts
 * @error: a location for a #GError
 *
 * Counts what the workspace holds. Cheap at any size, but it does run SQL:
 * the app should prefer chorus_store_count_async().
 *
 * Returns: %TRUE if @counts was filled
 */
gboolean
chorus_store_get_counts (ChorusStore        *self,
                         ChorusStoreCounts  *counts,
                         GError            **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  return read_counts (_chorus_store_get_db (self), counts, error);
}

static void
count_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autofree ChorusStoreCounts *counts = g_new0 (ChorusStoreCounts, 1);
  GError *error = NULL;

  if (read_counts (connection->db, counts, &error))
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
  else
    g_task_return_error (task, error);
}

void
chorus_store_count_async (ChorusStore         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_count_async);
  g_task_run_in_thread (task, count_worker);
}

/**
 * chorus_store_count_finish:
 *
 * Returns: (transfer full): the counts, to free with g_free()
 */
ChorusStoreCounts *
chorus_store_count_finish (ChorusStore   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
