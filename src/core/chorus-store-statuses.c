/* chorus-store-statuses.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-store-team.h"
#include "chorus-store-triage-private.h"

/* The workspace's statuses, and the rules that keep triage working: a
 * status in use is deleted only by moving its conversations to another
 * one; the last open and the last closed status stay, and so does the
 * built-in "new", which the sync gives every conversation it adds.
 * Positions stay dense (0, 1, 2…). Like every edit of chorus-store-team.h,
 * these are audited but not undone: undo is for triage changes. */

#define STATUSES_SQL \
  "SELECT id, builtin, name, position, is_closed FROM statuses ORDER BY position, id"

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char     *builtin;
  char     *name;       /* as people read it */
  gboolean  closed;
} StatusRow;

static void
status_row_clear (StatusRow *row)
{
  g_clear_pointer (&row->builtin, g_free);
  g_clear_pointer (&row->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatusRow, status_row_clear)

static gboolean
load_status (sqlite3    *db,
             gint64      id,
             StatusRow  *row,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *custom = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT builtin, name, is_closed FROM statuses WHERE id = ?1",
                                            id, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("That status no longer exists."));
      return FALSE;
    }

  row->builtin = _chorus_sql_dup_text (stmt, 0);
  custom = _chorus_sql_dup_text (stmt, 1);
  row->name = g_strdup (chorus_format_status (row->builtin, custom));
  row->closed = sqlite3_column_int (stmt, 2) != 0;

  return TRUE;
}

/* Two statuses that read the same would be told apart by nobody. */
static gboolean
check_status_name_free (sqlite3     *db,
                        const char  *name,
                        gint64       except_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (!(stmt = _chorus_sql_prepare (db, STATUSES_SQL, error)))
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *custom = _chorus_sql_dup_text (stmt, 2);
      g_autofree char *other = NULL;

      if (sqlite3_column_int64 (stmt, 0) == except_id)
        continue;

      other = g_utf8_casefold (chorus_format_status ((const char *) sqlite3_column_text (stmt, 1), custom), -1);
      if (g_strcmp0 (folded, other) == 0)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                       /* Translators: %s is a conversation status's name. */
                       _("There is already a status “%s”."), name);
          return FALSE;
        }
    }

  return TRUE;
}

static gint64
write_add_status (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  ChorusEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!check_status_name_free (db, edit->name, 0, error) ||
      !(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO statuses (name, position, is_closed)"
                                    " VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM statuses), ?2)",
                                    error)))
    return 0;

  sqlite3_bind_text (stmt, 1, edit->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, edit->number != 0);
  if (!_chorus_sql_step_done (db, stmt, "add status", error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  return _chorus_audit_edit (db, "status.add", "status", id, edit->name, error) ? id : 0;
}

/* A built-in status renamed to nothing gets its translated name back;
 * a status of the team's must keep one. Every row showing the status
 * changes, and finding them all would scan every conversation: the change
 * is announced for any conversation. */
static gint64
write_rename_status (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  ChorusEdit *edit = data;
  g_auto(StatusRow) row = { 0, };
  gint64 any = CHORUS_ANY_CONVERSATION;

  if (!load_status (db, edit->id, &row, error))
    return 0;

  if (edit->name == NULL && row.builtin == NULL)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("A name cannot be empty."));
      return 0;
    }

  if ((edit->name != NULL && !check_status_name_free (db, edit->name, edit->id, error)) ||
      !_chorus_sql_set_text (db, "UPDATE statuses SET name = ?2 WHERE id = ?1", edit->id, edit->name, error))
    return 0;

  g_array_append_val (changed, any);
  return _chorus_audit_edit (db, "status.rename", "status", edit->id, edit->name, error) ? edit->id : 0;
}

/* Lays the statuses out again in the order of @ids. */
static gboolean
renumber_statuses (sqlite3  *db,
                   GArray   *ids,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "UPDATE statuses SET position = ?2 WHERE id = ?1", error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, i);
      if (!_chorus_sql_step_done (db, stmt, "renumber", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
list_status_ids (sqlite3  *db,
                 GArray   *ids,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare (db, STATUSES_SQL, error);

  return stmt != NULL && _chorus_collect_ids (db, stmt, ids, error);
}

static gint64
write_move_status (sqlite3   *db,
                   gpointer   data,
                   GArray    *changed,
                   GError   **error)
{
  ChorusEdit *edit = data;
  g_auto(StatusRow) row = { 0, };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!load_status (db, edit->id, &row, error) || !list_status_ids (db, ids, error))
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == edit->id)
        {
          g_array_remove_index (ids, i);
          break;
        }
    }

  g_array_insert_val (ids, MIN ((guint) edit->number, ids->len), edit->id);

  if (!renumber_statuses (db, ids, error))
    return 0;

  return _chorus_audit_edit (db, "status.move", "status", edit->id, row.name, error) ? edit->id : 0;
}

/* Why a status cannot be deleted, or NULL: the store's rules on plain
 * values, for chorus_status_dup_delete_refusal() and the store alike. */
static char *
explain_undeletable (const char *builtin,
                     const char *name,
                     gboolean    closed,
                     guint       n_of_kind)
{
  if (g_strcmp0 (builtin, "new") == 0)
    /* Translators: %s is the name of the status new conversations get, “New” unless renamed. */
    return g_strdup_printf (_("New conversations get the status “%s”, so it cannot be deleted."), name);

  if (n_of_kind > 1)
    return NULL;

  if (closed)
    /* Translators: %s is a conversation status's name. */
    return g_strdup_printf (_("“%s” is the last status that closes a conversation. Add another one before deleting it."),
                            name);

  /* Translators: %s is a conversation status's name. */
  return g_strdup_printf (_("“%s” is the last status that keeps a conversation open. Add another one before deleting it."),
                          name);
}

static gboolean
count_statuses_of_kind (sqlite3   *db,
                        gboolean   closed,
                        guint     *count,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT count (*) FROM statuses WHERE is_closed = ?1",
                                            closed, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "count statuses");
      return FALSE;
    }

  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_status_deletable (sqlite3    *db,
                        StatusRow  *row,
                        GError    **error)
{
  g_autofree char *refusal = NULL;
  guint n_of_kind;

  if (!count_statuses_of_kind (db, row->closed, &n_of_kind, error))
    return FALSE;

  if ((refusal = explain_undeletable (row->builtin, row->name, row->closed, n_of_kind)))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, refusal);
      return FALSE;
    }

  return TRUE;
}

/* The built-in "new" stays open, or every conversation the sync adds
 * would arrive done; and the last status of a kind keeps it. */
static gint64
write_set_status_closed (sqlite3   *db,
                         gpointer   data,
                         GArray    *changed,
                         GError   **error)
{
  ChorusEdit *edit = data;
  g_auto(StatusRow) row = { 0, };
  gint64 any = CHORUS_ANY_CONVERSATION;
  gboolean closed = edit->number != 0;
  JsonObject *detail;
  guint n_of_kind;

  if (!load_status (db, edit->id, &row, error))
    return 0;
  if (row.closed == closed)
    return edit->id;

  if (g_strcmp0 (row.builtin, "new") == 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the name of the status new conversations get, “New” unless renamed. */
                   _("New conversations get the status “%s”, so it must keep them open."), row.name);
      return 0;
    }

  if (!count_statuses_of_kind (db, row.closed, &n_of_kind, error))
    return 0;

  if (n_of_kind <= 1)
    {
      if (row.closed)
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                     /* Translators: %s is a conversation status's name. */
                     _("“%s” is the last status that closes a conversation. Add another one before changing it."),
                     row.name);
      else
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                     /* Translators: %s is a conversation status's name. */
                     _("“%s” is the last status that keeps a conversation open. Add another one before changing it."),
                     row.name);
      return 0;
    }

  if (!(_chorus_sql_run_with_id (db, closed ? "UPDATE statuses SET is_closed = 1 WHERE id = ?1"
                                            : "UPDATE statuses SET is_closed = 0 WHERE id = ?1",
                                 edit->id, error)))
    return 0;

  /* Rows say whether their conversation is closed. */
  g_array_append_val (changed, any);
  detail = json_object_new ();
  json_object_set_string_member (detail, "name", row.name);
  json_object_set_boolean_member (detail, "closed", closed);
  return _chorus_audit_insert (db, "status.kind", "status", edit->id, _chorus_json_node_take_object (detail),
                               error) != 0 ? edit->id : 0;
}

/* Conversations with the status move to @move_to first; with no
 * @move_to, a status in use is refused. */
static gboolean
move_conversations (sqlite3    *db,
                    ChorusEdit *edit,
                    StatusRow  *row,
                    GArray     *changed,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(StatusRow) target = { 0, };

  if (edit->number == 0)
    {
      if (!(stmt = _chorus_sql_prepare_with_id (db,
                                                "SELECT count (*) FROM conversations WHERE status_id = ?1",
                                                edit->id, error)))
        return FALSE;

      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
        {
          int n = sqlite3_column_int (stmt, 0);

          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: %d is how many conversations, %s a conversation
                                     * status's name. */
                                    "%d conversation has the status “%s”. Choose a status to move it to.",
                                    "%d conversations have the status “%s”. Choose a status to move them to.",
                                    n),
                       n, row->name);
          return FALSE;
        }

      return TRUE;
    }

  if (edit->number == edit->id)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Conversations cannot move to the status being deleted."));
      return FALSE;
    }

  if (!load_status (db, edit->number, &target, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db,
                                            "UPDATE conversations SET status_id = ?2"
                                            " WHERE status_id = ?1 RETURNING id",
                                            edit->id, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, edit->number);
  return _chorus_collect_ids (db, stmt, changed, error);
}

static gint64
write_delete_status (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  ChorusEdit *edit = data;
  g_auto(StatusRow) row = { 0, };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!load_status (db, edit->id, &row, error) ||
      !check_status_deletable (db, &row, error) ||
      !move_conversations (db, edit, &row, changed, error) ||
      !_chorus_sql_run_with_id (db, "DELETE FROM statuses WHERE id = ?1", edit->id, error) ||
      !list_status_ids (db, ids, error) ||
      !renumber_statuses (db, ids, error))
    return 0;

  return _chorus_audit_edit (db, "status.delete", "status", edit->id, row.name, error) ? edit->id : 0;
}

static gpointer
build_status (sqlite3_stmt *stmt)
{
  return g_object_new (CHORUS_TYPE_STATUS,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "builtin", (const char *) sqlite3_column_text (stmt, 1),
                       "custom-name", (const char *) sqlite3_column_text (stmt, 2),
                       "position", (guint) sqlite3_column_int (stmt, 3),
                       "closed", sqlite3_column_int (stmt, 4) != 0,
                       NULL);
}

/**
 * chorus_store_list_statuses_async:
 * @self: a #ChorusStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the workspace's statuses in a worker.
 */
void
chorus_store_list_statuses_async (ChorusStore         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_read_async (self, STATUSES_SQL, build_status, 0, chorus_store_list_statuses_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_statuses_finish:
 *
 * Returns: (transfer full) (element-type ChorusStatus): the statuses in the
 *   workspace's order, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_statuses_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_statuses_async, error);
}

/**
 * chorus_store_add_status_async:
 * @name: the new status's name, unlike any other status's
 * @closed: whether the status finishes a conversation, as Done does
 *
 * Adds a status at the end of the order. chorus_store_edit_finish()
 * returns its id.
 */
void
chorus_store_add_status_async (ChorusStore         *self,
                               const char          *name,
                               gboolean             closed,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));

  _chorus_store_edit_async (self, write_add_status, _chorus_edit_new (0, closed, name),
                            chorus_store_add_status_async, cancellable, callback, user_data);
}

/**
 * chorus_store_rename_status_async:
 * @name: (nullable): the new name; %NULL or "" gives a built-in status its
 *   translated name back
 *
 * Renames a status. ChorusStore::conversations-changed comes with no ids:
 * any row may show the status.
 */
void
chorus_store_rename_status_async (ChorusStore         *self,
                                  gint64               status_id,
                                  const char          *name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (name == NULL || g_utf8_validate (name, -1, NULL));

  /* Blank is no name, not an empty one. */
  if (name != NULL && is_blank (name))
    name = NULL;

  _chorus_store_edit_async (self, write_rename_status, _chorus_edit_new (status_id, 0, name),
                            chorus_store_rename_status_async, cancellable, callback, user_data);
}

/**
 * chorus_store_move_status_async:
 * @position: where the status goes in the order, from 0; past the end
 *   means last
 *
 * Moves a status in the workspace's order; the others keep theirs.
 */
void
chorus_store_move_status_async (ChorusStore         *self,
                                gint64               status_id,
                                guint                position,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_edit_async (self, write_move_status, _chorus_edit_new (status_id, position, NULL),
                            chorus_store_move_status_async, cancellable, callback, user_data);
}

/**
 * chorus_store_set_status_closed_async:
 * @closed: whether the status finishes a conversation, as Done does
 *
 * Makes a status close conversations, or keep them open. Refused for the
 * built-in "new" status and for the last status of its kind. The change
 * is announced for any conversation (rows show whether theirs is closed).
 */
void
chorus_store_set_status_closed_async (ChorusStore         *self,
                                      gint64               status_id,
                                      gboolean             closed,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_edit_async (self, write_set_status_closed, _chorus_edit_new (status_id, closed != FALSE, NULL),
                            chorus_store_set_status_closed_async, cancellable, callback, user_data);
}

/**
 * chorus_status_dup_delete_refusal:
 * @status: one of @statuses
 * @statuses: (element-type ChorusStatus): the workspace's statuses
 *
 * Tells, without asking the store, whether chorus_store_delete_status_async()
 * would refuse to delete @status whatever its conversations: the built-in
 * "new" status and the last open or closed status stay.
 *
 * Returns: (transfer full) (nullable): the translated reason, or %NULL
 *   when @status may be deleted
 */
char *
chorus_status_dup_delete_refusal (ChorusStatus *status,
                                  GPtrArray    *statuses)
{
  guint n_of_kind = 0;

  g_return_val_if_fail (CHORUS_IS_STATUS (status), NULL);
  g_return_val_if_fail (statuses != NULL, NULL);

  for (guint i = 0; i < statuses->len; i++)
    if (chorus_status_get_closed (g_ptr_array_index (statuses, i)) == chorus_status_get_closed (status))
      n_of_kind++;

  return explain_undeletable (chorus_status_get_builtin (status), chorus_status_get_name (status),
                              chorus_status_get_closed (status), n_of_kind);
}

/**
 * chorus_store_delete_status_async:
 * @move_to: the status its conversations get, or 0 to refuse deleting a
 *   status in use
 *
 * Deletes a status. Refused for the built-in "new" status (the sync gives
 * it to every new conversation), for the last open or the last closed
 * status, and for a status in use without @move_to. The moved
 * conversations are announced with ChorusStore::conversations-changed.
 */
void
chorus_store_delete_status_async (ChorusStore         *self,
                                  gint64               status_id,
                                  gint64               move_to,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_edit_async (self, write_delete_status, _chorus_edit_new (status_id, move_to, NULL),
                            chorus_store_delete_status_async, cancellable, callback, user_data);
}

/**
 * chorus_store_edit_finish:
 * @self: a #ChorusStore
 * @result: the result of any edit of chorus-store-team.h
 * @error: a location for a #GError
 *
 * Returns: the id of the status, member or tag added or edited, or 0 with
 *   @error set (a translated sentence for a refused edit)
 */
gint64
chorus_store_edit_finish (ChorusStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write_finish (self, result, error);
}
