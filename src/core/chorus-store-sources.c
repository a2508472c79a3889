/* chorus-store-sources.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"

/* Sources, their sync cursors and their health. The table is small (one
 * row per account or feed), so these calls are quick enough for any
 * thread; each takes a connection of its own to stay thread-safe. */

static gboolean
run (sqlite3       *db,
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

/**
 * chorus_store_add_source:
 * @self: a #ChorusStore
 * @network: "mastodon", "bluesky", "discourse" or "feed"
 * @server_url: the instance, forum or feed address
 * @account: (nullable): the account, for networks that sign in
 * @display_name: how the source is named in lists
 * @error: a location for a #GError
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
chorus_store_add_source (ChorusStore  *self,
                         const char   *network,
                         const char   *server_url,
                         const char   *account,
                         const char   *display_name,
                         GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (network != NULL && server_url != NULL && display_name != NULL, 0);

  connection = _chorus_store_connection_new (self);

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "INSERT INTO sources (network, server_url, account, display_name, created_at)"
                                    " VALUES (?1, ?2, ?3, ?4, strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_text (stmt, 1, network, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, server_url, -1, SQLITE_STATIC);
  if (account != NULL)
    sqlite3_bind_text (stmt, 3, account, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, display_name, -1, SQLITE_STATIC);

  if (!run (connection->db, stmt, "add source", error))
    return 0;

  return sqlite3_last_insert_rowid (connection->db);
}

/* One UPDATE of one text column of one source. */
static gboolean
update_source_text (ChorusStore  *self,
                    const char   *sql,
                    gint64        source_id,
                    const char   *value,
                    const char   *what,
                    GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (connection->db, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return run (connection->db, stmt, what, error);
}

gboolean
chorus_store_rename_source (ChorusStore  *self,
                            gint64        source_id,
                            const char   *display_name,
                            GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  return update_source_text (self, "UPDATE sources SET display_name = ?2 WHERE id = ?1",
                             source_id, display_name, "rename source", error);
}

/**
 * chorus_store_set_source_hashtags:
 * @self: a #ChorusStore
 * @source_id: a source
 * @hashtags: the hashtags to follow, without "#", separated by spaces
 * @error: a location for a #GError
 */
gboolean
chorus_store_set_source_hashtags (ChorusStore  *self,
                                  gint64        source_id,
                                  const char   *hashtags,
                                  GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (hashtags != NULL, FALSE);

  return update_source_text (self, "UPDATE sources SET watch_hashtags = ?2 WHERE id = ?1",
                             source_id, hashtags, "source hashtags", error);
}

/**
 * chorus_store_list_sources:
 *
 * Returns: (transfer full) (element-type ChorusSource): every source, in
 *   the order they were added
 */
GPtrArray *
chorus_store_list_sources (ChorusStore  *self,
                           GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "SELECT id, network, server_url, account, display_name, is_sample, enabled,"
                                    "  coalesce (last_success_at, 0), last_error, needs_reauth, watch_hashtags"
                                    " FROM sources ORDER BY id",
                                    error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *display_name = _chorus_sql_dup_text (stmt, 4);
      g_autofree char *last_error = _chorus_sql_dup_text (stmt, 8);
      g_autofree char *hashtags = _chorus_sql_dup_text (stmt, 10);

      g_ptr_array_add (sources,
                       g_object_new (CHORUS_TYPE_SOURCE,
                                     "id", sqlite3_column_int64 (stmt, 0),
                                     "network", (const char *) sqlite3_column_text (stmt, 1),
                                     "server-url", (const char *) sqlite3_column_text (stmt, 2),
                                     "account", (const char *) sqlite3_column_text (stmt, 3),
                                     "display-name", display_name,
                                     "is-sample", sqlite3_column_int (stmt, 5) != 0,
                                     "enabled", sqlite3_column_int (stmt, 6) != 0,
                                     "last-success", sqlite3_column_int64 (stmt, 7),
                                     "last-error", last_error,
                                     "needs-reauth", sqlite3_column_int (stmt, 9) != 0,
                                     "watch-hashtags", hashtags,
                                     NULL));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "sources");
      return NULL;
    }

  return g_steal_pointer (&sources);
}

/**
 * chorus_store_dup_cursor:
 * @self: a #ChorusStore
 * @source_id: a source
 * @stream: what the cursor follows ("mentions", "etag"…)
 *
 * Returns: (transfer full) (nullable): where the last sync of @stream
 *   stopped, or %NULL when it never ran
 */
char *
chorus_store_dup_cursor (ChorusStore *self,
                         gint64       source_id,
                         const char  *stream)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "SELECT cursor FROM source_cursors WHERE source_id = ?1 AND stream = ?2",
                                    NULL)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, stream, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW ? _chorus_sql_dup_text (stmt, 0) : NULL;
}

gboolean
chorus_store_set_cursor (ChorusStore  *self,
                         gint64        source_id,
                         const char   *stream,
                         const char   *cursor,
                         GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  connection = _chorus_store_connection_new (self);

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "INSERT INTO source_cursors (source_id, stream, cursor, updated_at)"
                                    " VALUES (?1, ?2, ?3, strftime ('%s', 'now'))"
                                    " ON CONFLICT (source_id, stream) DO UPDATE SET cursor = excluded.cursor,"
                                    "  updated_at = excluded.updated_at",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, stream, -1, SQLITE_STATIC);
  if (cursor != NULL)
    sqlite3_bind_text (stmt, 3, cursor, -1, SQLITE_STATIC);

  return run (connection->db, stmt, "cursor", error);
}

/**
 * chorus_store_record_sync:
 * @self: a #ChorusStore
 * @source_id: a source
 * @failure: (nullable): why the sync failed, or %NULL when it succeeded
 * @error: a location for a #GError
 *
 * Keeps the source's health: a success clears the last error; a failure
 * keeps its message for the person to read.
 */
gboolean
chorus_store_record_sync (ChorusStore   *self,
                          gint64         source_id,
                          const GError  *failure,
                          GError       **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  connection = _chorus_store_connection_new (self);

  if (failure == NULL)
    stmt = _chorus_sql_prepare (connection->db,
                                "UPDATE sources SET last_success_at = strftime ('%s', 'now'),"
                                "  last_error = NULL, needs_reauth = 0 WHERE id = ?1",
                                error);
  else
    stmt = _chorus_sql_prepare (connection->db, "UPDATE sources SET last_error = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  if (failure != NULL)
    sqlite3_bind_text (stmt, 2, failure->message, -1, SQLITE_STATIC);

  return run (connection->db, stmt, "source health", error);
}
