/* chorus-store-tags.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-team.h"
#include "chorus-store-triage-private.h"

/* The workspace's tags: listed with how many conversations carry each
 * (counted through the conversation_tags_tag index, never a table scan),
 * renamed, recolored and deleted. Triage puts tags on conversations and
 * makes a tag on first use (chorus-store-triage.c). Names are unique
 * whatever their case. */

#define TAGS_SQL \
  "SELECT t.id, t.name, t.color," \
  "       (SELECT count (*) FROM conversation_tags ct WHERE ct.tag_id = t.id)" \
  " FROM tags t ORDER BY t.name, t.id"

/* The conversations carrying the tag, whose rows show its name. */
#define TAGGED_SQL "SELECT conversation_id FROM conversation_tags WHERE tag_id = ?1"

static char *
dup_tag_name (sqlite3  *db,
              gint64    id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT name FROM tags WHERE id = ?1", id, error)))
    return NULL;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("That tag no longer exists."));
      return NULL;
    }

  return _chorus_sql_dup_text (stmt, 0);
}

static gboolean
collect_tagged (sqlite3  *db,
                gint64    tag_id,
                GArray   *changed,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, TAGGED_SQL, tag_id, error);

  return stmt != NULL && _chorus_collect_ids (db, stmt, changed, error);
}

static gint64
write_rename_tag (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  ChorusEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_name = NULL;

  if (!(old_name = dup_tag_name (db, edit->id, error)))
    return 0;

  /* Another tag of the same name but for case is the same tag to people. */
  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM tags WHERE name = ?2 AND id <> ?1",
                                            edit->id, error)))
    return 0;

  sqlite3_bind_text (stmt, 2, edit->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                   /* Translators: %s is a tag's name. */
                   _("There is already a tag “%s”."), edit->name);
      return 0;
    }

  if (!_chorus_sql_set_text (db, "UPDATE tags SET name = ?2 WHERE id = ?1", edit->id, edit->name, error) ||
      !collect_tagged (db, edit->id, changed, error))
    return 0;

  return _chorus_audit_edit (db, "tag.rename", "tag", edit->id, edit->name, error) ? edit->id : 0;
}

/* Rows show tag names only, so a new color changes no row. */
static gint64
write_recolor_tag (sqlite3   *db,
                   gpointer   data,
                   GArray    *changed,
                   GError   **error)
{
  ChorusEdit *edit = data;
  g_autofree char *name = NULL;

  if (!(name = dup_tag_name (db, edit->id, error)) ||
      !_chorus_sql_set_text (db, "UPDATE tags SET color = ?2 WHERE id = ?1", edit->id, edit->color, error))
    return 0;

  return _chorus_audit_edit (db, "tag.recolor", "tag", edit->id, name, error) ? edit->id : 0;
}

static gint64
write_delete_tag (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  ChorusEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;

  if (!(name = dup_tag_name (db, edit->id, error)) ||
      !(stmt = _chorus_sql_prepare_with_id (db, "DELETE FROM conversation_tags WHERE tag_id = ?1"
                                            " RETURNING conversation_id",
                                            edit->id, error)) ||
      !_chorus_collect_ids (db, stmt, changed, error) ||
      !_chorus_sql_run_with_id (db, "DELETE FROM tags WHERE id = ?1", edit->id, error))
    return 0;

  return _chorus_audit_edit (db, "tag.delete", "tag", edit->id, name, error) ? edit->id : 0;
}

static gpointer
build_tag (sqlite3_stmt *stmt)
{
  g_autofree char *name = _chorus_sql_dup_text (stmt, 1);

  return g_object_new (CHORUS_TYPE_TAG,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "name", name,
                       "color", (const char *) sqlite3_column_text (stmt, 2),
                       "usage-count", (guint) sqlite3_column_int64 (stmt, 3),
                       NULL);
}

/* "#rrggbb", as a color chooser's choice is stored. */
static gboolean
is_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * chorus_store_list_tags_async:
 * @self: a #ChorusStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the tags and how many conversations carry each, in a worker.
 */
void
chorus_store_list_tags_async (ChorusStore         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_read_async (self, TAGS_SQL, build_tag, 0, chorus_store_list_tags_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_tags_finish:
 *
 * Returns: (transfer full) (element-type ChorusTag): the tags by name, each
 *   with how many conversations carry it, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_tags_finish (ChorusStore   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_tags_async, error);
}

/**
 * chorus_store_rename_tag_async:
 * @name: the new name, unlike any other tag's whatever the case
 *
 * Renames a tag; the conversations carrying it are announced.
 */
void
chorus_store_rename_tag_async (ChorusStore         *self,
                               gint64               tag_id,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));

  _chorus_store_edit_async (self, write_rename_tag, _chorus_edit_new (tag_id, 0, name),
                            chorus_store_rename_tag_async, cancellable, callback, user_data);
}

/**
 * chorus_store_recolor_tag_async:
 * @color: (nullable): "#rrggbb", or %NULL for the default color
 *
 * Gives a tag another color.
 */
void
chorus_store_recolor_tag_async (ChorusStore         *self,
                                gint64               tag_id,
                                const char          *color,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ChorusEdit *edit;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (color == NULL || is_color (color));

  edit = _chorus_edit_new (tag_id, 0, NULL);
  edit->color = color != NULL ? g_ascii_strdown (color, -1) : NULL;
  _chorus_store_edit_async (self, write_recolor_tag, edit, chorus_store_recolor_tag_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_delete_tag_async:
 *
 * Deletes a tag and takes it off every conversation; those are announced.
 */
void
chorus_store_delete_tag_async (ChorusStore         *self,
                               gint64               tag_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_edit_async (self, write_delete_tag, _chorus_edit_new (tag_id, 0, NULL),
                            chorus_store_delete_tag_async, cancellable, callback, user_data);
}
