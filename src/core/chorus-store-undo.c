/* chorus-store-undo.c
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
#include "chorus-store-triage.h"
#include "chorus-store-triage-private.h"

/* Undoing a triage change from its audit entry. Each conversation gets
 * back its own value from before the change, but only while it still
 * holds the value the change set: a conversation someone changed again
 * since (or that was deleted, or whose old status or assignee no longer
 * exists) is skipped and reported, and the others are restored. When
 * every one was skipped, the undo is refused and nothing is written. An
 * undo is an audit entry too ("undo", subject ("audit", the entry undone)),
 * which is how a second undo of the same entry is refused; undos are not
 * undone themselves. Changes to people (segments, notes, names, merges)
 * are undone the same way, by chorus-store-undo-people.c. */

typedef struct
{
  gint64  audit_id;
  GArray *skipped;      /* gint64 conversation ids */
} Undo;

typedef struct
{
  ChorusField  field;
  JsonArray   *ids;
  JsonArray   *before;
  JsonNode    *after;   /* one value for all, or an array of one per conversation */
} Entry;

static void
set_cannot_undo (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       _("This change cannot be undone."));
}

static JsonNode *
value_at (JsonNode *values,
          guint     index)
{
  if (JSON_NODE_HOLDS_ARRAY (values))
    {
      JsonArray *array = json_node_get_array (values);

      return index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;
    }

  return values;
}

/* Reads what undo needs from @detail, refusing an entry written by
 * something else than a triage change. */
static gboolean
parse_entry (ChorusField   field,
             JsonNode     *detail,
             Entry        *entry,
             GError      **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (detail) ? json_node_get_object (detail) : NULL;
  JsonNode *ids = object != NULL ? json_object_get_member (object, "ids") : NULL;
  JsonNode *before = object != NULL ? json_object_get_member (object, "before") : NULL;

  entry->field = field;
  entry->after = object != NULL ? json_object_get_member (object, "after") : NULL;

  if (ids == NULL || before == NULL || entry->after == NULL ||
      !JSON_NODE_HOLDS_ARRAY (ids) || !JSON_NODE_HOLDS_ARRAY (before))
    {
      set_cannot_undo (error);
      return FALSE;
    }

  entry->ids = json_node_get_array (ids);
  entry->before = json_node_get_array (before);
  if (json_array_get_length (entry->ids) != json_array_get_length (entry->before))
    {
      set_cannot_undo (error);
      return FALSE;
    }

  return TRUE;
}

static gint64
id_at (Entry *entry,
       guint  index)
{
  return json_array_get_int_element (entry->ids, index);
}

static gboolean
tag_exists (sqlite3     *db,
            JsonObject  *tag,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, "SELECT 1 FROM tags WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, json_object_get_int_member_with_default (tag, "id", 0));
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    _chorus_set_sqlite_error (error, db, "tag");
  else
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                 /* Translators: %s is a tag's name. */
                 _("The tag “%s” was deleted since, so this change cannot be undone."),
                 json_object_get_string_member_with_default (tag, "name", ""));
  return FALSE;
}

/* A tag made by the change goes again if nothing carries it any more. */
static gboolean
drop_unused_tag (sqlite3     *db,
                 JsonObject  *tag,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!json_object_get_boolean_member_with_default (tag, "created", FALSE))
    return TRUE;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "DELETE FROM tags WHERE id = ?1"
                                    " AND NOT EXISTS (SELECT 1 FROM conversation_tags WHERE tag_id = ?1)",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, json_object_get_int_member_with_default (tag, "id", 0));
  return _chorus_sql_step_done (db, stmt, "drop tag", error);
}

/* Status, assignee, priority, read state, sentiment and tags. */
static gboolean
restore_fields (sqlite3     *db,
                Entry       *entry,
                JsonObject  *detail,
                GArray      *restored,
                GArray      *skipped,
                GError     **error)
{
  JsonObject *tag = _chorus_json_get_object (detail, "tag");
  g_auto(ChorusFieldAccess) access = { 0, };
  gboolean is_tag = entry->field == CHORUS_FIELD_TAG_ADD || entry->field == CHORUS_FIELD_TAG_REMOVE;

  if (is_tag && (tag == NULL || !tag_exists (db, tag, error)))
    {
      if (tag == NULL)
        set_cannot_undo (error);
      return FALSE;
    }

  _chorus_field_access_init (&access, db, entry->field,
                             is_tag ? json_object_get_int_member_with_default (tag, "id", 0) : 0);

  for (guint i = 0; i < json_array_get_length (entry->ids); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) current = NULL;
      JsonNode *before = json_array_get_element (entry->before, i);
      gint64 id = id_at (entry, i);
      gboolean possible = FALSE;

      if (!(current = _chorus_field_read (&access, id, &local_error)) &&
          !g_error_matches (local_error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (current != NULL && _chorus_json_same_int (current, value_at (entry->after, i)) &&
          !_chorus_field_target_exists (&access, before, &possible, error))
        return FALSE;

      if (!possible)
        {
          g_array_append_val (skipped, id);
          continue;
        }

      if (!_chorus_field_write (&access, id, before, error))
        return FALSE;
      g_array_append_val (restored, id);
    }

  return !is_tag || restored->len == 0 || drop_unused_tag (db, tag, error);
}

/* Runs @stmt for conversation @id, which counts as restored if a row
 * changed and as skipped if none did. */
static gboolean
run_for (sqlite3       *db,
         sqlite3_stmt  *stmt,
         gint64         id,
         GArray        *restored,
         GArray        *skipped,
         GError       **error)
{
  if (!_chorus_sql_step_done (db, stmt, "undo", error))
    return FALSE;

  if (sqlite3_changes (db) > 0)
    g_array_append_val (restored, id);
  else
    g_array_append_val (skipped, id);

  return TRUE;
}

/* Notes the change added go, unless someone deleted them already. */
static gboolean
restore_notes_added (sqlite3  *db,
                     Entry    *entry,
                     GArray   *restored,
                     GArray   *skipped,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "DELETE FROM notes WHERE id = ?1 AND conversation_id = ?2",
                                    error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (entry->ids); i++)
    {
      JsonNode *note = value_at (entry->after, i);
      gint64 id = id_at (entry, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, note != NULL && JSON_NODE_HOLDS_VALUE (note) ? json_node_get_int (note) : 0);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!run_for (db, stmt, id, restored, skipped, error))
        return FALSE;
    }

  return TRUE;
}

/* The deleted note comes back as it was: under its id unless a new note
 * took it, and without an author or person that is gone meanwhile. */
static gboolean
restore_note_deleted (sqlite3     *db,
                      Entry       *entry,
                      JsonObject  *detail,
                      GArray      *restored,
                      GArray      *skipped,
                      GError     **error)
{
  JsonObject *note = _chorus_json_get_object (detail, "note");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (note == NULL || json_array_get_length (entry->ids) != 1)
    {
      set_cannot_undo (error);
      return FALSE;
    }

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO notes (id, conversation_id, person_id, author_id, body, created_at)"
                                    " SELECT (SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM notes WHERE id = ?1)),"
                                    "  c.id, (SELECT id FROM people WHERE id = ?3),"
                                    "  (SELECT id FROM team_members WHERE id = ?4), ?5, ?6"
                                    " FROM conversations c WHERE c.id = ?2",
                                    error)))
    return FALSE;

  id = id_at (entry, 0);
  sqlite3_bind_int64 (stmt, 1, json_object_get_int_member_with_default (note, "id", 0));
  sqlite3_bind_int64 (stmt, 2, id);
  _chorus_sql_bind_json (stmt, 3, json_object_get_member (note, "person_id"));
  _chorus_sql_bind_json (stmt, 4, json_object_get_member (note, "author_id"));
  sqlite3_bind_text (stmt, 5, json_object_get_string_member_with_default (note, "body", ""), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, json_object_get_int_member_with_default (note, "created_at", 0));

  return run_for (db, stmt, id, restored, skipped, error);
}

/* The entry's action, subject and parsed detail, once it is known to be
 * undoable. */
static JsonNode *
load_entry (sqlite3      *db,
            gint64        audit_id,
            char        **action_out,
            gint64       *subject_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonNode *root;
  const char *action;
  const char *detail;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT action, detail, EXISTS (SELECT 1 FROM audit_log u"
                                    "  WHERE u.subject_type = 'audit' AND u.subject_id = a.id"
                                    "    AND u.action = 'undo'), subject_id"
                                    " FROM audit_log a WHERE id = ?1",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, audit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("This change is no longer in the audit log."));
      return NULL;
    }

  action = (const char *) sqlite3_column_text (stmt, 0);
  detail = (const char *) sqlite3_column_text (stmt, 1);

  if (g_strcmp0 (action, "undo") == 0)
    g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         _("An undo cannot be undone."));
  else if (sqlite3_column_int (stmt, 2))
    g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                         _("This change was already undone."));
  else if (detail == NULL || (root = _chorus_json_load (detail, -1, NULL)) == NULL)
    set_cannot_undo (error);
  else
    {
      *action_out = g_strdup (action);
      *subject_id = sqlite3_column_int64 (stmt, 3);
      return root;
    }

  return NULL;
}

static JsonNode *
undo_detail (gint64       audit_id,
             const char  *action,
             GArray      *restored,
             GArray      *skipped)
{
  JsonObject *detail = json_object_new ();
  JsonArray *restored_ids = json_array_new ();
  JsonArray *skipped_ids = json_array_new ();

  for (guint i = 0; i < restored->len; i++)
    json_array_add_int_element (restored_ids, g_array_index (restored, gint64, i));
  for (guint i = 0; i < skipped->len; i++)
    json_array_add_int_element (skipped_ids, g_array_index (skipped, gint64, i));

  json_object_set_int_member (detail, "undoes", audit_id);
  json_object_set_string_member (detail, "action", action);
  json_object_set_array_member (detail, "ids", restored_ids);
  json_object_set_array_member (detail, "skipped", skipped_ids);

  return _chorus_json_node_take_object (detail);
}

/* A change to a person (chorus-store-undo-people.c) changes no
 * conversation, except a merge, which changes whose accounts wrote them:
 * any may have changed, which is also how the person panel hears of it. */
static gint64
undo_person_entry (sqlite3     *db,
                   gint64       audit_id,
                   const char  *action,
                   gint64       person_id,
                   JsonNode    *detail,
                   GArray      *changed,
                   GArray      *skipped,
                   GError     **error)
{
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 any = CHORUS_ANY_CONVERSATION;

  if (!_chorus_undo_person_change (db, action, person_id, _chorus_json_object (detail), error))
    return 0;

  g_array_append_val (changed, any);
  return _chorus_audit_insert (db, "undo", "audit", audit_id,
                               undo_detail (audit_id, action, none, skipped), error);
}

gint64
_chorus_undo_entry (sqlite3  *db,
                    gint64    audit_id,
                    GArray   *changed,
                    GArray   *skipped,
                    GError  **error)
{
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *action = NULL;
  gint64 subject_id = 0;
  ChorusField field;
  Entry entry;
  gboolean ok;

  if (!(detail = load_entry (db, audit_id, &action, &subject_id, error)))
    return 0;

  if (_chorus_is_person_action (action))
    return undo_person_entry (db, audit_id, action, subject_id, detail, changed, skipped, error);

  if (!_chorus_field_from_action (action, &field))
    {
      set_cannot_undo (error);
      return 0;
    }
  if (!parse_entry (field, detail, &entry, error))
    return 0;

  if (field == CHORUS_FIELD_NOTE_ADD)
    ok = restore_notes_added (db, &entry, changed, skipped, error);
  else if (field == CHORUS_FIELD_NOTE_DELETE)
    ok = restore_note_deleted (db, &entry, json_node_get_object (detail), changed, skipped, error);
  else
    ok = restore_fields (db, &entry, json_node_get_object (detail), changed, skipped, error);

  if (!ok)
    return 0;

  if (changed->len == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_FAILED,
                           _("Nothing was undone: the conversations changed again since, or were deleted."));
      return 0;
    }

  return _chorus_audit_insert (db, "undo", "audit", audit_id,
                               undo_detail (audit_id, action, changed, skipped), error);
}

static gint64
write_undo (sqlite3   *db,
            gpointer   data,
            GArray    *changed,
            GError   **error)
{
  Undo *undo = data;

  return _chorus_undo_entry (db, undo->audit_id, changed, undo->skipped, error);
}

static Undo *
undo_new (gint64 audit_id)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->audit_id = audit_id;
  undo->skipped = g_array_new (FALSE, FALSE, sizeof (gint64));

  return undo;
}

static void
undo_free (Undo *undo)
{
  g_array_unref (undo->skipped);
  g_free (undo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Undo, undo_free)

/**
 * chorus_store_undo:
 * @self: a #ChorusStore
 * @audit_id: what a triage change returned
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker thread, or use chorus_store_undo_async(),
 * which also reports the conversations it skipped. Restores each
 * conversation's value from before the change, skipping those changed
 * again since; refuses (with a translated message) an entry undone
 * already, an undo, and one where every conversation changed since.
 *
 * Returns: %TRUE if at least one conversation was restored
 */
gboolean
chorus_store_undo (ChorusStore  *self,
                   gint64        audit_id,
                   GError      **error)
{
  g_autoptr(Undo) undo = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  undo = undo_new (audit_id);
  return _chorus_store_write (self, write_undo, undo, error) != 0;
}

void
chorus_store_undo_async (ChorusStore         *self,
                         gint64               audit_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_write_async (self, write_undo, undo_new (audit_id), (GDestroyNotify) undo_free,
                             chorus_store_undo_async, cancellable, callback, user_data);
}

/**
 * chorus_store_undo_finish:
 * @self: a #ChorusStore
 * @result: the result passed to the callback
 * @skipped: (out) (optional) (element-type gint64) (transfer full): the
 *   conversations left as they were because they changed again since the
 *   change, or were deleted; empty when every one was restored
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the change was undone, for at least one conversation
 */
gboolean
chorus_store_undo_finish (ChorusStore   *self,
                          GAsyncResult  *result,
                          GArray       **skipped,
                          GError       **error)
{
  Undo *undo;

  g_return_val_if_fail (g_async_result_is_tagged (result, chorus_store_undo_async), FALSE);

  if (_chorus_store_write_finish (self, result, error) == 0)
    return FALSE;

  undo = _chorus_store_write_get_data (result);
  if (skipped != NULL)
    *skipped = g_array_ref (undo->skipped);

  return TRUE;
}
