/* chorus-store-saved-views.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-inbox.h"
#include "chorus-store-private.h"

/* Saved views: named inbox filters in the sidebar, in the order people
 * put them. The table holds a handful of rows, so these calls block on the
 * store's own connection, which the main thread may use for short work;
 * counting what a view lists is the slow part, and that is async
 * (chorus_store_count_conversations_async()). */

static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (stripped[0] == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("A saved view needs a name."));
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

static gboolean
set_not_found (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                       _("The saved view no longer exists."));
  return FALSE;
}

/* Runs @stmt, which changes the row of one view. */
static gboolean
change_one (sqlite3       *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "saved view");
      return FALSE;
    }

  return sqlite3_changes (db) == 1 || set_not_found (error);
}

/**
 * chorus_store_list_saved_views:
 * @self: a #ChorusStore
 * @error: a location for a #GError
 *
 * Blocking, on the store's connection, but cheap: a small table. A view
 * whose filter this version cannot read (one saved by a newer version) is
 * left out, and left alone.
 *
 * Returns: (transfer full) (element-type ChorusSavedView): the views in
 *   their order, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_saved_views (ChorusStore  *self,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db, "SELECT id, name, filter FROM saved_views ORDER BY position, id",
                                    error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *name = _chorus_sql_dup_text (stmt, 1);
      g_autoptr(ChorusInboxFilter) filter = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(filter = chorus_inbox_filter_deserialize ((const char *) sqlite3_column_text (stmt, 2),
                                                      &local_error)))
        {
          g_debug ("Saved view %" G_GINT64_FORMAT " left out: %s", id, local_error->message);
          continue;
        }

      g_ptr_array_add (views, chorus_saved_view_new (id, name, filter));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "saved views");
      return NULL;
    }

  return g_steal_pointer (&views);
}

/**
 * chorus_store_add_saved_view:
 * @self: a #ChorusStore
 * @name: what the sidebar shows; surrounding spaces are dropped
 * @filter: (nullable): what the view lists; %NULL for everything
 * @error: a location for a #GError
 *
 * Adds a view after the others. Blocking, but cheap: see
 * chorus_store_list_saved_views().
 *
 * Returns: the id of the new view, or 0 with @error set
 */
gint64
chorus_store_add_saved_view (ChorusStore              *self,
                             const char               *name,
                             const ChorusInboxFilter  *filter,
                             GError                  **error)
{
  g_autoptr(ChorusInboxFilter) everything = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *data = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  if (!(clean = check_name (name, error)))
    return 0;

  if (filter == NULL)
    filter = everything = chorus_inbox_filter_new ();
  data = chorus_inbox_filter_serialize (filter);

  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO saved_views (name, filter, position, created_at)"
                                    " VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0)"
                                    "                  FROM saved_views), ?3)"
                                    " RETURNING id",
                                    error)))
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "saved view");
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * chorus_store_rename_saved_view:
 * @self: a #ChorusStore
 * @id: the view
 * @name: its new name; surrounding spaces are dropped
 * @error: a location for a #GError
 *
 * Blocking, but cheap: see chorus_store_list_saved_views().
 *
 * Returns: %TRUE, or %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when
 *   the view is gone)
 */
gboolean
chorus_store_rename_saved_view (ChorusStore  *self,
                                gint64        id,
                                const char   *name,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  if (!(clean = check_name (name, error)))
    return FALSE;

  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db, "UPDATE saved_views SET name = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);

  return change_one (db, stmt, error);
}

/**
 * chorus_store_delete_saved_view:
 * @self: a #ChorusStore
 * @id: the view
 * @error: a location for a #GError
 *
 * Blocking, but cheap: see chorus_store_list_saved_views().
 *
 * Returns: %TRUE, or %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when
 *   the view was gone already)
 */
gboolean
chorus_store_delete_saved_view (ChorusStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db, "DELETE FROM saved_views WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return change_one (db, stmt, error);
}

/* The new order: @ids first, then the views they leave out, in their old
 * order. */
static GArray *
plan_order (sqlite3       *db,
            const gint64  *ids,
            gsize          n_ids,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) current = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, "SELECT id FROM saved_views ORDER BY position, id", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (current, id);
      g_hash_table_add (existing, g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "saved views");
      return NULL;
    }

  for (gsize i = 0; i < n_ids; i++)
    {
      if (!g_hash_table_contains (existing, &ids[i]))
        {
          set_not_found (error);
          return NULL;
        }
      if (g_hash_table_add (listed, (gpointer) &ids[i]))
        g_array_append_val (order, ids[i]);
    }

  for (guint i = 0; i < current->len; i++)
    {
      if (!g_hash_table_contains (listed, &g_array_index (current, gint64, i)))
        g_array_append_val (order, g_array_index (current, gint64, i));
    }

  return g_steal_pointer (&order);
}

static gboolean
write_order (sqlite3  *db,
             GArray   *order,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "UPDATE saved_views SET position = ?2 WHERE id = ?1", error)))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (order, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _chorus_set_sqlite_error (error, db, "saved views");
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * chorus_store_reorder_saved_views:
 * @self: a #ChorusStore
 * @ids: (array length=n_ids): views in the order they should come
 * @n_ids: how many there are
 * @error: a location for a #GError
 *
 * Puts the views @ids names first, in that order; the others follow in
 * the order they had. All or nothing: if a view is gone
 * (%CHORUS_ERROR_NOT_FOUND), nothing moves. Blocking, but cheap: see
 * chorus_store_list_saved_views().
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
chorus_store_reorder_saved_views (ChorusStore   *self,
                                  const gint64  *ids,
                                  gsize          n_ids,
                                  GError       **error)
{
  g_autoptr(GArray) order = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  db = _chorus_store_get_db (self);
  if (!_chorus_sql_exec (db, "SAVEPOINT reorder_saved_views", error))
    return FALSE;

  if (!(order = plan_order (db, ids, n_ids, error)) || !write_order (db, order, error))
    {
      sqlite3_exec (db, "ROLLBACK TO reorder_saved_views; RELEASE reorder_saved_views", NULL, NULL, NULL);
      return FALSE;
    }

  return _chorus_sql_exec (db, "RELEASE reorder_saved_views", error);
}
