/* chorus-store-merges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-parse-json-private.h"
#include "chorus-store-merges.h"
#include "chorus-store-merges-private.h"
#include "chorus-store-people-private.h"
#include "chorus-store-triage.h"
#include "chorus-store-triage-private.h"

/* Merging two people, which a team member asks for (never a rule): the
 * merged person's accounts move to the kept person, who also gets the
 * segments and CRM fields they lacked and the merged person's notes after
 * their own. The merged person stays, empty, with merged_into set, and
 * person_merges.moved says exactly what moved, as versioned JSON:
 *   {"version": 1, "identities": [ids], "segments": [keys],
 *    "fields": [[name, value]…], "notes": "what was appended"}
 * Undo puts back only that: the accounts still with the kept person go
 * back, the segments and fields copied (while unchanged) go, and the
 * appended notes are cut out of the kept person's notes wherever they are
 * now; anything else changed since stays. A merge is one transaction with
 * an audit entry ("person-merge", subject ("person", kept)), and is undone
 * through chorus_store_undo() like any change. A dismissed suggestion
 * (merge_dismissals) is never offered again. Suggestions themselves are
 * in chorus-store-merges-suggest.c. */

#define MOVED_VERSION 1

typedef struct
{
  gint64 kept_id;
  gint64 merged_id;
} Pair;

static Pair *
pair_new (gint64 kept_id,
          gint64 merged_id)
{
  Pair *pair = g_new0 (Pair, 1);

  pair->kept_id = kept_id;
  pair->merged_id = merged_id;

  return pair;
}

/* Runs @func with a Pair of @a and @b, blocking or in a worker. */
static gint64
run_pair (ChorusStore           *self,
          ChorusStoreWriteFunc   func,
          gint64                 a,
          gint64                 b,
          GError               **error)
{
  g_autofree Pair *pair = pair_new (a, b);

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write (self, func, pair, error);
}

static void
run_pair_async (ChorusStore          *self,
                ChorusStoreWriteFunc  func,
                gint64                a,
                gint64                b,
                gpointer              source_tag,
                GCancellable         *cancellable,
                GAsyncReadyCallback   callback,
                gpointer              user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_write_async (self, func, pair_new (a, b), g_free, source_tag, cancellable, callback, user_data);
}

static gint64
finish_pair (ChorusStore   *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), 0);

  return _chorus_store_write_finish (self, result, error);
}

typedef struct
{
  char   *name;
  char   *notes;
  gint64  merged_into;
} PersonRow;

static void
person_row_clear (PersonRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PersonRow, person_row_clear)

static gboolean
read_person (sqlite3    *db,
             gint64      person_id,
             PersonRow  *row,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT display_name, notes, merged_into FROM people WHERE id = ?1",
                                            person_id, error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _chorus_set_person_gone (error);
      else
        _chorus_set_sqlite_error (error, db, "person");
      return FALSE;
    }

  row->name = _chorus_sql_dup_text (stmt, 0);
  row->notes = _chorus_sql_dup_text (stmt, 1);
  row->merged_into = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

/* Runs @sql with the kept person as ?1 and the merged one as ?2 and adds
 * what each row returns to @into: the value of a single column, or an
 * array of the columns' text. */
static gboolean
run_collect (sqlite3     *db,
             const char  *sql,
             Pair        *pair,
             JsonArray   *into,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pair->kept_id);
  sqlite3_bind_int64 (stmt, 2, pair->merged_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_count (stmt) == 1 && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        json_array_add_int_element (into, sqlite3_column_int64 (stmt, 0));
      else if (sqlite3_column_count (stmt) == 1)
        json_array_add_string_element (into, (const char *) sqlite3_column_text (stmt, 0));
      else
        {
          JsonArray *columns = json_array_new ();

          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            json_array_add_string_element (columns, (const char *) sqlite3_column_text (stmt, i));
          json_array_add_array_element (into, columns);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "merge");
      return FALSE;
    }

  return TRUE;
}

static JsonArray *
add_array (JsonObject *object,
           const char *name)
{
  JsonArray *array = json_array_new ();

  json_object_set_array_member (object, name, array);
  return array;
}

/* Moves what the merged person has to the kept one and says what moved. */
static gboolean
move_everything (sqlite3     *db,
                 Pair        *pair,
                 PersonRow   *kept,
                 PersonRow   *merged,
                 JsonObject  *moved,
                 GError     **error)
{
  g_autofree char *appended = NULL;

  json_object_set_int_member (moved, "version", MOVED_VERSION);
  if (!run_collect (db,
                    "UPDATE identities SET person_id = ?1 WHERE person_id = ?2 RETURNING id",
                    pair, add_array (moved, "identities"), error) ||
      !run_collect (db,
                    "INSERT INTO person_segments (person_id, segment)"
                    " SELECT ?1, segment FROM person_segments WHERE person_id = ?2"
                    "  AND segment NOT IN (SELECT segment FROM person_segments WHERE person_id = ?1)"
                    " RETURNING segment",
                    pair, add_array (moved, "segments"), error) ||
      !run_collect (db,
                    "INSERT INTO person_fields (person_id, name, value, import_id)"
                    " SELECT ?1, name, value, import_id FROM person_fields WHERE person_id = ?2"
                    "  AND name NOT IN (SELECT name FROM person_fields WHERE person_id = ?1)"
                    " RETURNING name, value",
                    pair, add_array (moved, "fields"), error))
    return FALSE;

  if (merged->notes != NULL && *g_strstrip (merged->notes) != '\0')
    {
      appended = g_strconcat (kept->notes != NULL && *kept->notes != '\0' ? "\n\n" : "", merged->notes, NULL);
      if (!_chorus_sql_set_text (db, "UPDATE people SET notes = notes || ?2 WHERE id = ?1",
                                 pair->kept_id, appended, error))
        return FALSE;
    }
  json_object_set_string_member (moved, "notes", appended != NULL ? appended : "");

  return TRUE;
}

static gint64
insert_merge (sqlite3     *db,
              Pair        *pair,
              JsonObject  *moved,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) node = _chorus_json_node_take_object (json_object_ref (moved));
  g_autofree char *text = json_to_string (node, FALSE);

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO person_merges (kept_id, merged_id, moved, merged_at)"
                                    " VALUES (?1, ?2, ?3, strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, pair->kept_id);
  sqlite3_bind_int64 (stmt, 2, pair->merged_id);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);

  return _chorus_sql_step_done (db, stmt, "merge", error) ? sqlite3_last_insert_rowid (db) : 0;
}

static gint64
write_merge (sqlite3   *db,
             gpointer   data,
             GArray    *changed,
             GError   **error)
{
  Pair *pair = data;
  g_auto(PersonRow) kept = { 0, };
  g_auto(PersonRow) merged = { 0, };
  g_autoptr(JsonObject) moved = json_object_new ();
  g_autoptr(sqlite3_stmt) mark = NULL;
  JsonObject *detail;
  gint64 merge_id;
  gint64 any = CHORUS_ANY_CONVERSATION;

  if (pair->kept_id == pair->merged_id)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("A person cannot be merged with themselves."));
      return 0;
    }

  if (!read_person (db, pair->kept_id, &kept, error) || !read_person (db, pair->merged_id, &merged, error))
    return 0;

  if (kept.merged_into != 0 || merged.merged_into != 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                           _("One of these people was merged into someone else already."));
      return 0;
    }

  if (!move_everything (db, pair, &kept, &merged, moved, error))
    return 0;

  if (!(mark = _chorus_sql_prepare (db, "UPDATE people SET merged_into = ?1 WHERE id = ?2", error)))
    return 0;
  sqlite3_bind_int64 (mark, 1, pair->kept_id);
  sqlite3_bind_int64 (mark, 2, pair->merged_id);
  if (!_chorus_sql_step_done (db, mark, "merge", error) ||
      !(merge_id = insert_merge (db, pair, moved, error)))
    return 0;

  detail = json_object_new ();
  json_object_set_int_member (detail, "merge_id", merge_id);
  json_object_set_int_member (detail, "merged_id", pair->merged_id);
  json_object_set_string_member (detail, "merged_name", merged.name);
  json_object_set_string_member (detail, "kept_name", kept.name);

  /* Conversations by the merged person's accounts now show the kept one. */
  g_array_append_val (changed, any);
  return _chorus_audit_insert (db, "person-merge", "person", pair->kept_id,
                               _chorus_json_node_take_object (detail), error);
}

/**
 * chorus_store_merge_people:
 * @self: a #ChorusStore
 * @kept_id: the person who stays
 * @merged_id: the person merged into @kept_id
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker, or use chorus_store_merge_people_async().
 * Moves @merged_id's accounts to @kept_id, copies the segments and CRM
 * fields @kept_id lacks, appends the notes, and keeps what moved so that
 * chorus_store_undo() can put it back. Refuses a person merged already.
 *
 * Returns: the merge's audit entry, for chorus_store_undo(), or 0
 */
gint64
chorus_store_merge_people (ChorusStore  *self,
                           gint64        kept_id,
                           gint64        merged_id,
                           GError      **error)
{
  return run_pair (self, write_merge, kept_id, merged_id, error);
}

void
chorus_store_merge_people_async (ChorusStore         *self,
                                 gint64               kept_id,
                                 gint64               merged_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_pair_async (self, write_merge, kept_id, merged_id, chorus_store_merge_people_async,
                  cancellable, callback, user_data);
}

/**
 * chorus_store_merge_people_finish:
 * @self: a #ChorusStore
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: the merge's audit entry, for chorus_store_undo_async(), or 0
 */
gint64
chorus_store_merge_people_finish (ChorusStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pair (self, result, chorus_store_merge_people_async, error);
}

/* Undo */

/* Cuts @appended out of the kept person's notes, at the end where merging
 * put it or wherever it moved since; notes that no longer hold it stay. */
static gboolean
cut_notes (sqlite3     *db,
           gint64       kept_id,
           const char  *appended,
           GError     **error)
{
  g_auto(PersonRow) kept = { 0, };
  g_autoptr(GString) notes = NULL;
  const char *at;

  if (appended == NULL || *appended == '\0')
    return TRUE;
  if (!read_person (db, kept_id, &kept, error))
    return FALSE;

  if (g_str_has_suffix (kept.notes, appended))
    at = kept.notes + strlen (kept.notes) - strlen (appended);
  else if ((at = strstr (kept.notes, appended)) == NULL)
    return TRUE;

  notes = g_string_new (kept.notes);
  g_string_erase (notes, at - kept.notes, strlen (appended));
  return _chorus_sql_set_text (db, "UPDATE people SET notes = ?2 WHERE id = ?1", kept_id, notes->str, error);
}

/* Runs @sql for every element of @values: ?1 is the kept person, ?2 the
 * element (or the first of an element that is a pair, ?3 the second), and
 * ?4, if the statement has it, the merged person. */
static gboolean
run_each (sqlite3     *db,
          const char  *sql,
          Pair        *pair,
          JsonArray   *values,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, sql, error)))
    return FALSE;

  for (guint i = 0; i < _chorus_json_array_length (values); i++)
    {
      JsonNode *value = json_array_get_element (values, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, pair->kept_id);
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        sqlite3_bind_int64 (stmt, 4, pair->merged_id);
      if (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) == 2)
        {
          JsonArray *both = json_node_get_array (value);

          sqlite3_bind_text (stmt, 2, json_array_get_string_element (both, 0), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, json_array_get_string_element (both, 1), -1, SQLITE_STATIC);
        }
      else if (_chorus_json_string (value) != NULL)
        sqlite3_bind_text (stmt, 2, _chorus_json_string (value), -1, SQLITE_STATIC);
      else
        _chorus_sql_bind_json (stmt, 2, value);

      if (!_chorus_sql_step_done (db, stmt, "undo merge", error))
        return FALSE;
    }

  return TRUE;
}

/* Puts back what merge @merge_id moved, and marks it undone. */
gboolean
_chorus_merge_undo (sqlite3  *db,
                    gint64    merge_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *moved;
  Pair pair;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT kept_id, merged_id, moved, undone_at IS NOT NULL"
                                            " FROM person_merges WHERE id = ?1",
                                            merge_id, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("One of these people no longer exists, so the merge cannot be undone."));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 3))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS, _("This change was already undone."));
      return FALSE;
    }

  pair.kept_id = sqlite3_column_int64 (stmt, 0);
  pair.merged_id = sqlite3_column_int64 (stmt, 1);
  root = _chorus_json_load ((const char *) sqlite3_column_text (stmt, 2), -1, NULL);
  moved = _chorus_json_object (root);
  if (moved == NULL || _chorus_json_get_int (moved, "version", 0) != MOVED_VERSION)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("This change cannot be undone."));
      return FALSE;
    }

  /* Accounts moved on since (merged again elsewhere) stay where they are. */
  return run_each (db, "UPDATE identities SET person_id = ?4 WHERE id = ?2 AND person_id = ?1",
                   &pair, _chorus_json_get_array (moved, "identities"), error) &&
         run_each (db, "DELETE FROM person_segments WHERE person_id = ?1 AND segment = ?2",
                   &pair, _chorus_json_get_array (moved, "segments"), error) &&
         run_each (db, "DELETE FROM person_fields WHERE person_id = ?1 AND name = ?2 AND value = ?3",
                   &pair, _chorus_json_get_array (moved, "fields"), error) &&
         cut_notes (db, pair.kept_id, _chorus_json_get_string (moved, "notes"), error) &&
         _chorus_sql_run_with_id (db, "UPDATE people SET merged_into = NULL WHERE id = ?1",
                                  pair.merged_id, error) &&
         _chorus_sql_run_with_id (db, "UPDATE person_merges SET undone_at = strftime ('%s', 'now') WHERE id = ?1",
                                  merge_id, error);
}

/* The merge's own audit entry, which undo goes through. */
static gint64
write_undo_merge (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  Pair *pair = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) skipped = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT a.id FROM person_merges m"
                                            " JOIN audit_log a ON a.subject_type = 'person'"
                                            "  AND a.subject_id = m.kept_id AND a.action = 'person-merge'"
                                            "  AND json_extract (a.detail, '$.merge_id') = m.id"
                                            " WHERE m.id = ?1",
                                            pair->kept_id, error)))
    return 0;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("This change is no longer in the audit log."));
      return 0;
    }

  return _chorus_undo_entry (db, sqlite3_column_int64 (stmt, 0), changed, skipped, error);
}

/**
 * chorus_store_undo_merge:
 * @self: a #ChorusStore
 * @merge_id: a row of person_merges
 * @error: a location for a #GError
 *
 * Blocking. The same as chorus_store_undo() with the merge's audit entry.
 *
 * Returns: %TRUE if the merge was undone
 */
gboolean
chorus_store_undo_merge (ChorusStore  *self,
                         gint64        merge_id,
                         GError      **error)
{
  return run_pair (self, write_undo_merge, merge_id, 0, error) != 0;
}

void
chorus_store_undo_merge_async (ChorusStore         *self,
                               gint64               merge_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  run_pair_async (self, write_undo_merge, merge_id, 0, chorus_store_undo_merge_async,
                  cancellable, callback, user_data);
}

gboolean
chorus_store_undo_merge_finish (ChorusStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pair (self, result, chorus_store_undo_merge_async, error) != 0;
}

/* Dismissing */

static gint64
write_dismiss (sqlite3   *db,
               gpointer   data,
               GArray    *changed,
               GError   **error)
{
  Pair *pair = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(PersonRow) a = { 0, };
  g_auto(PersonRow) b = { 0, };
  JsonObject *detail;

  if (pair->kept_id == pair->merged_id)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("A person cannot be merged with themselves."));
      return 0;
    }

  if (!read_person (db, pair->kept_id, &a, error) || !read_person (db, pair->merged_id, &b, error) ||
      !(stmt = _chorus_sql_prepare (db,
                                    "INSERT OR IGNORE INTO merge_dismissals (person_a, person_b, dismissed_at)"
                                    " VALUES (min (?1, ?2), max (?1, ?2), strftime ('%s', 'now'))",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, pair->kept_id);
  sqlite3_bind_int64 (stmt, 2, pair->merged_id);
  if (!_chorus_sql_step_done (db, stmt, "dismiss", error))
    return 0;

  detail = json_object_new ();
  json_object_set_int_member (detail, "other_id", pair->merged_id);
  json_object_set_string_member (detail, "other_name", b.name);
  return _chorus_audit_insert (db, "person-merge-dismiss", "person", pair->kept_id,
                               _chorus_json_node_take_object (detail), error);
}

/**
 * chorus_store_dismiss_merge:
 * @self: a #ChorusStore
 * @person_a: the person whose suggestions were shown
 * @person_b: the person suggested, who is not the same
 * @error: a location for a #GError
 *
 * Blocking. Records that the two are not the same person, so that neither
 * is suggested for the other again, with an audit entry
 * ("person-merge-dismiss", subject ("person", @person_a)).
 *
 * Returns: %TRUE when recorded
 */
gboolean
chorus_store_dismiss_merge (ChorusStore  *self,
                            gint64        person_a,
                            gint64        person_b,
                            GError      **error)
{
  return run_pair (self, write_dismiss, person_a, person_b, error) != 0;
}

void
chorus_store_dismiss_merge_async (ChorusStore         *self,
                                  gint64               person_a,
                                  gint64               person_b,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  run_pair_async (self, write_dismiss, person_a, person_b, chorus_store_dismiss_merge_async,
                  cancellable, callback, user_data);
}

gboolean
chorus_store_dismiss_merge_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pair (self, result, chorus_store_dismiss_merge_async, error) != 0;
}
