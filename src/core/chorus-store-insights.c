/* chorus-store-insights.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-store-insights.h"
#include "chorus-store-private.h"

/* The figures of the insight strip, for the conversations a view lists:
 * customer posts per day, the sentiment of the conversations active each
 * day, how many are open, and the median time to the brand's first reply.
 * The view's ids go into a temporary table of the worker's connection, so
 * every figure is one indexed query however the view was filtered. Posts
 * are keyed by time (CHORUS_POST_KEY_SHIFT), so the window is a range of
 * the posts' primary key. */

#define DAY (24 * 60 * 60)

typedef struct
{
  GArray *ids;
  guint   days;
  gint64  now;
} InsightsData;

static void
insights_data_free (InsightsData *data)
{
  g_array_unref (data->ids);
  g_free (data);
}

void
chorus_insights_free (ChorusInsights *insights)
{
  if (insights == NULL)
    return;

  g_free (insights->volume);
  g_free (insights->positive);
  g_free (insights->neutral);
  g_free (insights->negative);
  g_free (insights);
}

/* The view's ids into a temporary table, in one transaction: a commit
 * per id cost seconds for a view of 100,000 conversations. */
static gboolean
fill_view (sqlite3       *db,
           GArray        *ids,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!_chorus_sql_exec (db, "CREATE TEMP TABLE IF NOT EXISTS insight_view (id INTEGER PRIMARY KEY);"
                             "DELETE FROM temp.insight_view", error) ||
      !(insert = _chorus_sql_prepare (db, "INSERT OR IGNORE INTO temp.insight_view (id) VALUES (?1)", error)) ||
      !_chorus_sql_exec (db, "BEGIN", error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          _chorus_set_sqlite_error (error, db, "insights");
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return _chorus_sql_exec (db, "COMMIT", error);
}

/* Runs @sql with ?1 = the window's start and ?2 = its first post key;
 * each row is (day, kind, count), added to counts[kind][day]. */
static gboolean
for_each_day (sqlite3         *db,
              const char      *sql,
              ChorusInsights  *insights,
              guint          **counts,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, insights->first_day);
  sqlite3_bind_int64 (stmt, 2, insights->first_day << CHORUS_POST_KEY_SHIFT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day = sqlite3_column_int64 (stmt, 0);
      int kind = sqlite3_column_int (stmt, 1);

      if (day < 0 || day >= (gint64) insights->n_days || kind < 0)
        continue;
      counts[MIN (kind, 3)][day] += (guint) sqlite3_column_int64 (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "insights");
      return FALSE;
    }

  return TRUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
read_first_replies (sqlite3         *db,
                    ChorusInsights  *insights,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  /* The first own post after the conversation started, for conversations
   * started in the window. */
  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT (SELECT min (p.created_at) FROM posts p"
                                    "         WHERE p.conversation_id = c.id AND p.is_own) - c.started_at"
                                    " FROM temp.insight_view v JOIN conversations c ON c.id = v.id"
                                    " WHERE c.started_at >= ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, insights->first_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 delay;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      delay = MAX (sqlite3_column_int64 (stmt, 0), 0);
      g_array_append_val (delays, delay);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "insights");
      return FALSE;
    }

  insights->replied = delays->len;
  insights->median_first_reply = -1;
  if (delays->len > 0)
    {
      g_array_sort (delays, compare_gint64);
      if (delays->len % 2 == 1)
        insights->median_first_reply = g_array_index (delays, gint64, delays->len / 2);
      else
        insights->median_first_reply = (g_array_index (delays, gint64, delays->len / 2 - 1) +
                                        g_array_index (delays, gint64, delays->len / 2)) / 2;
    }

  return TRUE;
}

static gboolean
read_open_count (sqlite3         *db,
                 ChorusInsights  *insights,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT count (*) FROM temp.insight_view v"
                                    " JOIN conversations c ON c.id = v.id"
                                    " JOIN statuses s ON s.id = c.status_id WHERE NOT s.is_closed",
                                    error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "insights");
      return FALSE;
    }

  insights->open_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
insights_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autoptr(ChorusInsights) insights = g_new0 (ChorusInsights, 1);
  InsightsData *data = task_data;
  GError *error = NULL;
  guint *counts[4];
  gboolean ok;

  insights->n_days = data->days;
  insights->first_day = (data->now / DAY - (data->days - 1)) * DAY;
  insights->volume = g_new0 (guint, data->days);
  insights->negative = g_new0 (guint, data->days);
  insights->neutral = g_new0 (guint, data->days);
  insights->positive = g_new0 (guint, data->days);

  /* Rows give (day, kind, count); kind 3 is volume, 0–2 sentiment. */
  counts[0] = insights->negative;
  counts[1] = insights->neutral;
  counts[2] = insights->positive;
  counts[3] = insights->volume;

  _chorus_store_connection_watch (connection, cancellable);
  ok = fill_view (connection->db, data->ids, cancellable, &error) &&
       for_each_day (connection->db,
                     "SELECT (p.created_at - ?1) / 86400, 3, count (*)"
                     " FROM posts p JOIN temp.insight_view v ON v.id = p.conversation_id"
                     " WHERE p.id >= ?2 AND NOT p.is_own GROUP BY 1",
                     insights, counts, &error) &&
       for_each_day (connection->db,
                     "SELECT (c.last_activity_at - ?1) / 86400,"
                     "  min (max (coalesce (c.sentiment_override, c.sentiment, 0), -1), 1) + 1, count (*)"
                     " FROM temp.insight_view v JOIN conversations c ON c.id = v.id"
                     " WHERE c.last_activity_at >= ?1 GROUP BY 1, 2",
                     insights, counts, &error) &&
       read_open_count (connection->db, insights, &error) &&
       read_first_replies (connection->db, insights, &error);

  /* Cleared even when cancelled, so the next job on this connection
   * starts empty. */
  _chorus_store_connection_watch (connection, NULL);
  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (cancellable, &error);
    }
  if (!sqlite3_get_autocommit (connection->db))
    sqlite3_exec (connection->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (connection->db, "DELETE FROM temp.insight_view", NULL, NULL, NULL);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&insights), (GDestroyNotify) chorus_insights_free);
}

/**
 * chorus_store_insights_async:
 * @conversation_ids: (element-type gint64): the conversations of the view
 * @days: how many days the strip shows, today included
 * @now: the time "today" is taken from (Unix seconds)
 *
 * Computes the insight strip's figures in a worker thread.
 */
void
chorus_store_insights_async (ChorusStore         *self,
                             GArray              *conversation_ids,
                             guint                days,
                             gint64               now,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InsightsData *data;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (conversation_ids != NULL);
  g_return_if_fail (days > 0);

  data = g_new0 (InsightsData, 1);
  data->ids = g_array_ref (conversation_ids);
  data->days = days;
  data->now = now;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_insights_async);
  g_task_set_task_data (task, data, (GDestroyNotify) insights_data_free);
  g_task_run_in_thread (task, insights_worker);
}

/**
 * chorus_store_insights_finish:
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
ChorusInsights *
chorus_store_insights_finish (ChorusStore   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
