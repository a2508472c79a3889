/* chorus-store-undo-people.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-parse-json-private.h"
#include "chorus-store-merges-private.h"
#include "chorus-store-people-private.h"
#include "chorus-store-triage-private.h"

/* Undoing a change to a person from its audit entry, for
 * chorus-store-undo.c: a segment added or removed, the notes or the name
 * edited, or a merge (put back by chorus-store-merges.c). As with
 * conversations, a value is restored only while it is still the one the
 * change set: a person whose notes were edited again since keeps them,
 * and the undo is refused. */

static const char * const person_actions[] = {
  "person-segment-add",
  "person-segment-remove",
  "person-notes",
  "person-rename",
  "person-merge",
};

gboolean
_chorus_is_person_action (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_actions); i++)
    if (g_strcmp0 (action, person_actions[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
set_changed_since (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_FAILED,
                       _("Nothing was undone: this person changed again since, or no longer exists."));
}

/* Runs @sql with the person as ?1 and @text as ?2; refuses when no row
 * changed. */
static gboolean
restore (sqlite3     *db,
         const char  *sql,
         gint64       person_id,
         const char  *text,
         GError     **error)
{
  if (!_chorus_sql_set_text (db, sql, person_id, text, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      set_changed_since (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
restore_text (sqlite3     *db,
              const char  *column,
              gint64       person_id,
              JsonObject  *detail,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE people SET %s = ?2 WHERE id = ?1 AND %s = ?3",
                                          column, column);
  const char *before = _chorus_json_get_string (detail, "before");
  const char *after = _chorus_json_get_string (detail, "after");

  if (before == NULL || after == NULL || !(stmt = _chorus_sql_prepare_with_id (db, sql, person_id, error)))
    {
      if (before == NULL || after == NULL)
        set_changed_since (error);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 2, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, after, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "undo", error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      set_changed_since (error);
      return FALSE;
    }

  return TRUE;
}

/**
 * _chorus_undo_person_change:
 * @db: a connection inside the undo's transaction
 * @action: one of person_actions
 * @person_id: the entry's subject
 * @detail: the entry's detail
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the change was undone
 */
gboolean
_chorus_undo_person_change (sqlite3     *db,
                            const char  *action,
                            gint64       person_id,
                            JsonObject  *detail,
                            GError     **error)
{
  const char *segment = _chorus_json_get_string (detail, "segment");

  if (g_str_has_prefix (action, "person-segment-"))
    {
      /* A change that changed nothing (the person was in the segment
       * already) has nothing to undo. */
      if (segment == NULL || !_chorus_json_get_bool (detail, "changed"))
        {
          set_changed_since (error);
          return FALSE;
        }

      return restore (db,
                      g_str_equal (action, "person-segment-add")
                        ? "DELETE FROM person_segments WHERE person_id = ?1 AND segment = ?2"
                        : "INSERT OR IGNORE INTO person_segments (person_id, segment)"
                          " SELECT id, ?2 FROM people WHERE id = ?1",
                      person_id, segment, error);
    }

  if (g_str_equal (action, "person-notes"))
    return restore_text (db, "notes", person_id, detail, error);
  if (g_str_equal (action, "person-rename"))
    return restore_text (db, "display_name", person_id, detail, error);
  if (g_str_equal (action, "person-merge"))
    return _chorus_merge_undo (db, _chorus_json_get_int (detail, "merge_id", 0), error);

  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       _("This change cannot be undone."));
  return FALSE;
}
