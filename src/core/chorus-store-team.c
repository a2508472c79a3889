/* chorus-store-team.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-team.h"
#include "chorus-store-triage-private.h"

/* The workspace's team members, one of whom is "me": the person using
 * this copy of Chorus, in whose name notes and audit entries are written.
 * Removing a member leaves their conversations unassigned, and their notes
 * and audit entries without an author. */

#define MEMBERS_SQL \
  "SELECT id, name, email, role, is_me FROM team_members ORDER BY name COLLATE NOCASE, id"

static gpointer
build_member (sqlite3_stmt *stmt)
{
  return g_object_new (CHORUS_TYPE_TEAM_MEMBER,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "name", (const char *) sqlite3_column_text (stmt, 1),
                       "email", (const char *) sqlite3_column_text (stmt, 2),
                       "role", (const char *) sqlite3_column_text (stmt, 3),
                       "is-me", sqlite3_column_int (stmt, 4) != 0,
                       NULL);
}

static gboolean
check_member (sqlite3  *db,
              gint64    id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM team_members WHERE id = ?1", id, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("That team member no longer exists."));
      return FALSE;
    }

  return TRUE;
}

static gint64
write_add_member (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  ChorusEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO team_members (name, email, role, created_at)"
                                    " VALUES (?1, nullif (?2, ''), ?3, strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_text (stmt, 1, edit->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->role, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "add member", error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  return _chorus_audit_edit (db, "member.add", "team_member", id, edit->name, error) ? id : 0;
}

/* Rows name the assignee; finding them would scan every conversation, so
 * the change is announced for any conversation. */
static gint64
write_rename_member (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  ChorusEdit *edit = data;
  gint64 any = CHORUS_ANY_CONVERSATION;

  if (!check_member (db, edit->id, error) ||
      !_chorus_sql_set_text (db, "UPDATE team_members SET name = ?2 WHERE id = ?1", edit->id, edit->name,
                             error))
    return 0;

  g_array_append_val (changed, any);
  return _chorus_audit_edit (db, "member.rename", "team_member", edit->id, edit->name, error) ? edit->id : 0;
}

static gint64
write_set_me (sqlite3   *db,
              gpointer   data,
              GArray    *changed,
              GError   **error)
{
  ChorusEdit *edit = data;

  if (!check_member (db, edit->id, error) ||
      !_chorus_sql_run_with_id (db, "UPDATE team_members SET is_me = (id = ?1) WHERE is_me OR id = ?1",
                                edit->id, error))
    return 0;

  return _chorus_audit_edit (db, "member.me", "team_member", edit->id, NULL, error) ? edit->id : 0;
}

static gint64
write_remove_member (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  ChorusEdit *edit = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The foreign key would unassign them too, but silently: the rows need
   * to know. */
  if (!check_member (db, edit->id, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db,
                                            "UPDATE conversations SET assignee_id = NULL"
                                            " WHERE assignee_id = ?1 RETURNING id",
                                            edit->id, error)) ||
      !_chorus_collect_ids (db, stmt, changed, error) ||
      !_chorus_audit_edit (db, "member.remove", "team_member", edit->id, NULL, error) ||
      !_chorus_sql_run_with_id (db, "DELETE FROM team_members WHERE id = ?1", edit->id, error))
    return 0;

  return edit->id;
}

/**
 * chorus_store_list_team_members_async:
 * @self: a #ChorusStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the team in a worker.
 */
void
chorus_store_list_team_members_async (ChorusStore         *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_read_async (self, MEMBERS_SQL, build_member, 0, chorus_store_list_team_members_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_team_members_finish:
 *
 * Returns: (transfer full) (element-type ChorusTeamMember): the members by
 *   name, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_team_members_finish (ChorusStore   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_team_members_async, error);
}

static gboolean
is_role (const char *role)
{
  return g_strcmp0 (role, "owner") == 0 || g_strcmp0 (role, "member") == 0 ||
         g_strcmp0 (role, "viewer") == 0;
}

/**
 * chorus_store_add_team_member_async:
 * @name: the member's name
 * @email: (nullable): their address
 * @role: "owner", "member" or "viewer"
 *
 * Adds a team member. chorus_store_edit_finish() returns their id.
 */
void
chorus_store_add_team_member_async (ChorusStore         *self,
                                    const char          *name,
                                    const char          *email,
                                    const char          *role,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ChorusEdit *edit;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));
  g_return_if_fail (email == NULL || g_utf8_validate (email, -1, NULL));
  g_return_if_fail (is_role (role));

  edit = _chorus_edit_new (0, 0, name);
  edit->email = email != NULL ? g_strstrip (g_strdup (email)) : NULL;
  edit->role = g_strdup (role);
  _chorus_store_edit_async (self, write_add_member, edit, chorus_store_add_team_member_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_rename_team_member_async:
 * @name: the member's new name
 *
 * Renames a member. ChorusStore::conversations-changed comes with no ids:
 * any row may name the member as its assignee.
 */
void
chorus_store_rename_team_member_async (ChorusStore         *self,
                                       gint64               member_id,
                                       const char          *name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));

  _chorus_store_edit_async (self, write_rename_member, _chorus_edit_new (member_id, 0, name),
                            chorus_store_rename_team_member_async, cancellable, callback, user_data);
}

/**
 * chorus_store_set_me_async:
 * @member_id: the member using this copy of Chorus
 *
 * Marks one member as "me": notes and audit entries are written in their
 * name from now on.
 */
void
chorus_store_set_me_async (ChorusStore         *self,
                           gint64               member_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_edit_async (self, write_set_me, _chorus_edit_new (member_id, 0, NULL),
                            chorus_store_set_me_async, cancellable, callback, user_data);
}

/**
 * chorus_store_remove_team_member_async:
 *
 * Removes a member: their conversations become unassigned (and are
 * announced), their notes and audit entries stay without an author.
 */
void
chorus_store_remove_team_member_async (ChorusStore         *self,
                                       gint64               member_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_edit_async (self, write_remove_member, _chorus_edit_new (member_id, 0, NULL),
                            chorus_store_remove_team_member_async, cancellable, callback, user_data);
}
