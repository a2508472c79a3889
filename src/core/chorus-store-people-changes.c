/* chorus-store-people-changes.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-store-merges-private.h"
#include "chorus-store-people.h"
#include "chorus-store-people-private.h"
#include "chorus-store-triage-private.h"

/* The changes the person panel makes: segments, notes and name. Each is
 * one transaction in a worker (the triage writer, so that it never waits
 * on the main thread) with an audit entry whose subject is ("person", id)
 * and whose detail says what changed, which chorus_store_undo() reads to
 * undo it. Segment changes that a rule rather than a team member asks for
 * refuse bots and people who opted out: see chorus-store-people.c. */

typedef struct
{
  gint64                person_id;
  ChorusPersonSegments  segment;
  gboolean              add;
  gboolean              automatic;
  char                 *text;
} PersonChange;

static void
person_change_free (PersonChange *change)
{
  g_free (change->text);
  g_free (change);
}

static PersonChange *
person_change_new (gint64      person_id,
                   const char *text)
{
  PersonChange *change = g_new0 (PersonChange, 1);

  change->person_id = person_id;
  change->text = g_strdup (text);

  return change;
}

static gboolean
check_person (sqlite3  *db,
              gint64    person_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM people WHERE id = ?1", person_id, error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    _chorus_set_person_gone (error);
  else
    _chorus_set_sqlite_error (error, db, "person");
  return FALSE;
}

/* Refuses a person with an account that says it is a bot, or that asked
 * not to be indexed or suggested. */
static gboolean
check_not_opted_out (sqlite3  *db,
                     gint64    person_id,
                     GError  **error)
{
  ChorusOptOuts opt_outs;

  if (!_chorus_person_read_opt_outs (db, person_id, &opt_outs, error))
    return FALSE;

  if (opt_outs & CHORUS_OPT_OUT_BOT)
    g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         _("This person’s account is a bot, and bots are never put into segments automatically."));
  else if (opt_outs & CHORUS_OPT_OUT_NOINDEX)
    g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         _("This person asked not to be indexed or suggested, so they are never put into segments automatically."));

  return opt_outs == CHORUS_OPT_OUT_NONE;
}

static gint64
person_audit (sqlite3     *db,
              const char  *action,
              gint64       person_id,
              JsonObject  *detail,
              GError     **error)
{
  return _chorus_audit_insert (db, action, "person", person_id,
                               _chorus_json_node_take_object (detail), error);
}

static gint64
write_segment (sqlite3   *db,
               gpointer   data,
               GArray    *changed,
               GError   **error)
{
  PersonChange *change = data;
  const char *key = chorus_person_segment_key (change->segment);
  JsonObject *detail;

  if (!check_person (db, change->person_id, error))
    return 0;
  if (change->add && change->automatic && !check_not_opted_out (db, change->person_id, error))
    return 0;

  if (!_chorus_sql_set_text (db,
                             change->add
                               ? "INSERT OR IGNORE INTO person_segments (person_id, segment) VALUES (?1, ?2)"
                               : "DELETE FROM person_segments WHERE person_id = ?1 AND segment = ?2",
                             change->person_id, key, error))
    return 0;

  detail = json_object_new ();
  json_object_set_string_member (detail, "segment", key);
  json_object_set_boolean_member (detail, "automatic", change->automatic);
  json_object_set_boolean_member (detail, "changed", sqlite3_changes (db) > 0);

  return person_audit (db, change->add ? "person-segment-add" : "person-segment-remove",
                       change->person_id, detail, error);
}

/**
 * chorus_store_set_person_segment_async:
 * @self: a #ChorusStore
 * @person_id: a person of @self
 * @segment: exactly one segment
 * @add: %TRUE to put the person into @segment, %FALSE to take them out
 * @automatic: %TRUE when a rule rather than a team member decides: a
 *   person whose account is a bot, or asked not to be indexed or
 *   suggested, is then refused (see the top of chorus-store-people.c)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the change is written or refused
 * @user_data: data for @callback
 *
 * Adds or removes one segment in a worker, with an audit entry
 * ("person-segment-add" or "person-segment-remove", subject ("person",
 * @person_id), detail {"segment", "automatic", "changed"}). Finish with
 * chorus_store_person_change_finish().
 */
void
chorus_store_set_person_segment_async (ChorusStore          *self,
                                       gint64                person_id,
                                       ChorusPersonSegments  segment,
                                       gboolean              add,
                                       gboolean              automatic,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  PersonChange *change;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (chorus_person_segment_key (segment) != NULL);

  change = person_change_new (person_id, NULL);
  change->segment = segment;
  change->add = !!add;
  change->automatic = !!automatic;
  _chorus_store_write_async (self, write_segment, change, (GDestroyNotify) person_change_free,
                             chorus_store_set_person_segment_async, cancellable, callback, user_data);
}

/* Keeps the value before and after, so the log tells what changed. */
static gint64
write_text_column (sqlite3     *db,
                   PersonChange *change,
                   const char  *column,
                   const char  *action,
                   GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM people WHERE id = ?1", column);
  g_autofree char *update = g_strdup_printf ("UPDATE people SET %s = ?2 WHERE id = ?1", column);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *detail;

  if (!check_person (db, change->person_id, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db, select, change->person_id, error)))
    return 0;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, action);
      return 0;
    }

  detail = json_object_new ();
  json_object_set_string_member (detail, "before", (const char *) sqlite3_column_text (stmt, 0));
  json_object_set_string_member (detail, "after", change->text);

  if (!_chorus_sql_set_text (db, update, change->person_id, change->text, error))
    {
      json_object_unref (detail);
      return 0;
    }

  return person_audit (db, action, change->person_id, detail, error);
}

static gint64
write_notes (sqlite3   *db,
             gpointer   data,
             GArray    *changed,
             GError   **error)
{
  return write_text_column (db, data, "notes", "person-notes", error);
}

static gint64
write_name (sqlite3   *db,
            gpointer   data,
            GArray    *changed,
            GError   **error)
{
  return write_text_column (db, data, "display_name", "person-rename", error);
}

/**
 * chorus_store_set_person_notes_async:
 * @self: a #ChorusStore
 * @person_id: a person of @self
 * @notes: the team's notes about the person, replacing the old ones
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the notes are written
 * @user_data: data for @callback
 *
 * Writes people.notes in a worker, with an audit entry ("person-notes",
 * detail {"before", "after"}). Finish with chorus_store_person_change_finish().
 */
void
chorus_store_set_person_notes_async (ChorusStore         *self,
                                     gint64               person_id,
                                     const char          *notes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (notes != NULL);

  _chorus_store_write_async (self, write_notes, person_change_new (person_id, notes),
                             (GDestroyNotify) person_change_free, chorus_store_set_person_notes_async,
                             cancellable, callback, user_data);
}

/**
 * chorus_store_rename_person_async:
 * @self: a #ChorusStore
 * @person_id: a person of @self
 * @name: the new name; spaces around it are dropped, and an empty name is
 *   refused with %CHORUS_ERROR_INVALID_ARGUMENT
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the name is written or refused
 * @user_data: data for @callback
 *
 * Renames a person in a worker, with an audit entry ("person-rename",
 * detail {"before", "after"}). Finish with chorus_store_person_change_finish().
 */
void
chorus_store_rename_person_async (ChorusStore         *self,
                                  gint64               person_id,
                                  const char          *name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (name != NULL);

  if (!(trimmed = _chorus_dup_name_or_report (self, name, chorus_store_rename_person_async,
                                              callback, user_data)))
    return;

  _chorus_store_write_async (self, write_name, person_change_new (person_id, trimmed),
                             (GDestroyNotify) person_change_free, chorus_store_rename_person_async,
                             cancellable, callback, user_data);
}

/**
 * chorus_store_person_change_finish:
 * @self: a #ChorusStore
 * @result: the result of chorus_store_set_person_segment_async(),
 *   chorus_store_set_person_notes_async() or chorus_store_rename_person_async()
 * @error: a location for a #GError
 *
 * Returns: the id of the change's audit entry, which
 *   chorus_store_undo_async() undoes, or 0 with @error set
 */
gint64
chorus_store_person_change_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write_finish (self, result, error);
}
