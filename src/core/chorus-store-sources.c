/* chorus-store-sources.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

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

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_settings (sqlite3_stmt             *stmt,
               const ChorusSourceSettings *settings)
{
  sqlite3_bind_text (stmt, 1, settings->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, settings->watch_mentions);
  sqlite3_bind_text (stmt, 3, settings->watch_hashtags ? settings->watch_hashtags : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, settings->watch_keywords ? settings->watch_keywords : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, settings->watch_categories ? settings->watch_categories : "", -1, SQLITE_STATIC);
  bind_optional_text (stmt, 6, settings->secret_env);
}

/**
 * chorus_store_add_account:
 * @self: a #ChorusStore
 * @network: "mastodon", "bluesky", "discourse" or "feed"
 * @server_url: the instance, forum or feed address
 * @account: (nullable): the account, for networks that sign in
 * @settings: its name, what it watches and where its secret is
 * @error: a location for a #GError
 *
 * Adds a source that signs in (or a feed) with what it watches. The same
 * account on the same server cannot be added twice
 * (%CHORUS_ERROR_EXISTS).
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
chorus_store_add_account (ChorusStore                *self,
                          const char                 *network,
                          const char                 *server_url,
                          const char                 *account,
                          const ChorusSourceSettings *settings,
                          GError                    **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (network != NULL && server_url != NULL && settings != NULL, 0);
  g_return_val_if_fail (settings->display_name != NULL, 0);

  connection = _chorus_store_connection_new (self);

  if (!(find = _chorus_sql_prepare (connection->db,
                                    "SELECT id FROM sources WHERE network = ?1 AND server_url = ?2"
                                    " AND account IS ?3 AND NOT is_sample",
                                    error)))
    return 0;

  sqlite3_bind_text (find, 1, network, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, server_url, -1, SQLITE_STATIC);
  bind_optional_text (find, 3, account);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (find, 0));

      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                   /* Translators: %s is a source's number, as "chorusctl account list" shows it. */
                   _("This workspace already has that source (number %s)."), number);
      return 0;
    }

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "INSERT INTO sources (display_name, watch_mentions, watch_hashtags,"
                                    "  watch_keywords, watch_categories, secret_env, network, server_url, account,"
                                    "  created_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime ('%s', 'now'))",
                                    error)))
    return 0;

  bind_settings (stmt, settings);
  sqlite3_bind_text (stmt, 7, network, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, server_url, -1, SQLITE_STATIC);
  bind_optional_text (stmt, 9, account);

  if (!run (connection->db, stmt, "add source", error))
    return 0;

  return sqlite3_last_insert_rowid (connection->db);
}

/**
 * chorus_store_update_source:
 * @self: a #ChorusStore
 * @source_id: a source
 * @settings: its new name, what it watches and where its secret is
 * @error: a location for a #GError
 *
 * Changes what a source watches; its cursors stay, so what was already
 * read is not read again.
 */
gboolean
chorus_store_update_source (ChorusStore                *self,
                            gint64                      source_id,
                            const ChorusSourceSettings *settings,
                            GError                    **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL && settings->display_name != NULL, FALSE);

  connection = _chorus_store_connection_new (self);

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "UPDATE sources SET display_name = ?1, watch_mentions = ?2,"
                                    "  watch_hashtags = ?3, watch_keywords = ?4, watch_categories = ?5,"
                                    "  secret_env = ?6 WHERE id = ?7",
                                    error)))
    return FALSE;

  bind_settings (stmt, settings);
  sqlite3_bind_int64 (stmt, 7, source_id);

  return run (connection->db, stmt, "update source", error);
}

/**
 * chorus_store_remove_source:
 * @self: a #ChorusStore
 * @source_id: a source
 * @error: a location for a #GError
 *
 * Forgets a source and its cursors. The posts it brought stay in the
 * workspace (they belong to conversations the team may have worked on).
 */
gboolean
chorus_store_remove_source (ChorusStore  *self,
                            gint64        source_id,
                            GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  connection = _chorus_store_connection_new (self);

  if (!(stmt = _chorus_sql_prepare (connection->db, "DELETE FROM sources WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);

  return run (connection->db, stmt, "remove source", error);
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

/**
 * chorus_store_set_source_signed_in:
 * @self: a #ChorusStore
 * @source_id: a source
 * @account: the account now signed in
 * @error: a location for a #GError
 *
 * Records a new sign-in: clears "needs sign-in again" and the last error.
 */
gboolean
chorus_store_set_source_signed_in (ChorusStore  *self,
                                   gint64        source_id,
                                   const char   *account,
                                   GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);

  return update_source_text (self,
                             "UPDATE sources SET account = ?2, needs_reauth = 0, last_error = NULL WHERE id = ?1",
                             source_id, account, "source sign-in", error);
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
                                    "  coalesce (last_success_at, 0), last_error, needs_reauth, watch_hashtags,"
                                    "  watch_mentions, watch_keywords, watch_categories, secret_env"
                                    " FROM sources ORDER BY id",
                                    error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *display_name = _chorus_sql_dup_text (stmt, 4);
      g_autofree char *last_error = _chorus_sql_dup_text (stmt, 8);
      g_autofree char *hashtags = _chorus_sql_dup_text (stmt, 10);
      g_autofree char *keywords = _chorus_sql_dup_text (stmt, 12);
      g_autofree char *categories = _chorus_sql_dup_text (stmt, 13);

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
                                     "watch-mentions", sqlite3_column_int (stmt, 11) != 0,
                                     "watch-keywords", keywords,
                                     "watch-categories", categories,
                                     "secret-env", (const char *) sqlite3_column_text (stmt, 14),
                                     NULL));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "sources");
      return NULL;
    }

  return g_steal_pointer (&sources);
}

static void
list_sources_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *sources = chorus_store_list_sources (source_object, &error);

  if (sources == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sources, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * chorus_store_list_sources_async:
 *
 * Reads the sources in a worker thread, for a dialog that offers them.
 */
void
chorus_store_list_sources_async (ChorusStore         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_list_sources_async);
  g_task_run_in_thread (task, list_sources_worker);
}

/**
 * chorus_store_list_sources_finish:
 *
 * Returns: (transfer full) (element-type ChorusSource): what
 *   chorus_store_list_sources() returns
 */
GPtrArray *
chorus_store_list_sources_finish (ChorusStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
 * keeps its message for the person to read, and a refused sign-in
 * (%CHORUS_ERROR_NEEDS_SIGN_IN) marks the source as needing one.
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
    stmt = _chorus_sql_prepare (connection->db,
                                "UPDATE sources SET last_error = ?2, needs_reauth = needs_reauth OR ?3 WHERE id = ?1",
                                error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  if (failure != NULL)
    {
      sqlite3_bind_text (stmt, 2, failure->message, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, g_error_matches (failure, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN));
    }

  return run (connection->db, stmt, "source health", error);
}
