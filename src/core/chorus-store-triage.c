/* chorus-store-triage.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-triage.h"
#include "chorus-store-triage-private.h"

/* Triage changes to conversations: status, assignee, tags, priority, read
 * state, sentiment override and notes. A change to a selection is one
 * transaction and one audit entry, whose detail keeps what undo needs:
 *
 *   {"ids": [3, 8], "before": [1, 2], "after": 4, …}
 *
 * "before" holds each conversation's own previous value (a bulk change
 * may start from different ones), "after" the value set (for notes added,
 * one note id per conversation). Status, member and tag changes also keep
 * what the description needs ("status", "member", "tag"); a deleted note
 * is kept whole ("note"). One conversation is the entry's subject
 * ("conversation", id); a selection is ("conversations", NULL). */

typedef struct
{
  ChorusField  field;
  GArray      *ids;       /* gint64, each once */
  gint64       value;     /* status, member (0: nobody), priority, unread, sentiment, note */
  char        *text;      /* tag name, note body */
} Change;

static void
change_free (Change *change)
{
  g_array_unref (change->ids);
  g_free (change->text);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

/* A bulk change names each conversation once, whatever the selection
 * held: a repeated id would record its own change as its "before". */
static Change *
change_new (ChorusField  field,
            GArray      *ids,
            gint64       value,
            const char  *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  Change *change = g_new0 (Change, 1);

  change->field = field;
  change->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids != NULL ? ids->len : 1);
  change->value = value;
  change->text = g_strdup (text);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);

      if (g_hash_table_add (seen, id))
        g_array_append_val (change->ids, *id);
    }

  return change;
}

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

static JsonNode *
ids_node (GArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));

  return _chorus_json_node_take_array (array);
}

static gint64
insert_change_entry (sqlite3       *db,
                     Change        *change,
                     JsonObject    *detail,
                     GError       **error)
{
  gboolean single = change->ids->len == 1;

  json_object_set_member (detail, "ids", ids_node (change->ids));

  return _chorus_audit_insert (db, _chorus_field_action (change->field),
                               single ? "conversation" : "conversations",
                               single ? g_array_index (change->ids, gint64, 0) : 0,
                               _chorus_json_node_take_object (detail), error);
}

/* Sets the field of every conversation of @change to @after, keeping
 * each one's value before in @detail. */
static gboolean
apply_to_all (ChorusFieldAccess  *access,
              Change             *change,
              JsonNode           *after,
              JsonObject         *detail,
              GArray             *changed,
              GError            **error)
{
  JsonArray *before = json_array_sized_new (change->ids->len);

  json_object_set_array_member (detail, "before", before);
  json_object_set_member (detail, "after", json_node_copy (after));

  for (guint i = 0; i < change->ids->len; i++)
    {
      gint64 id = g_array_index (change->ids, gint64, i);
      JsonNode *value;

      if (!(value = _chorus_field_read (access, id, error)))
        return FALSE;
      json_array_add_element (before, value);

      if (!_chorus_field_write (access, id, after, error))
        return FALSE;
      g_array_append_val (changed, id);
    }

  return TRUE;
}

/* Keeps what the description of a status or assignee change names, and
 * checks that it still exists. */
static gboolean
describe_target (sqlite3     *db,
                 Change      *change,
                 JsonObject  *detail,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *status;
  int rc;

  if (change->field == CHORUS_FIELD_ASSIGNEE && change->value == 0)
    return TRUE;
  if (change->field != CHORUS_FIELD_STATUS && change->field != CHORUS_FIELD_ASSIGNEE)
    return TRUE;

  if (!(stmt = _chorus_sql_prepare (db,
                                    change->field == CHORUS_FIELD_STATUS
                                      ? "SELECT name, builtin, is_closed FROM statuses WHERE id = ?1"
                                      : "SELECT name FROM team_members WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->value);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _chorus_set_sqlite_error (error, db, "target");
      else if (change->field == CHORUS_FIELD_STATUS)
        g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                             _("That status no longer exists."));
      else
        g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                             _("That team member no longer exists."));
      return FALSE;
    }

  if (change->field == CHORUS_FIELD_ASSIGNEE)
    {
      json_object_set_string_member (detail, "member", (const char *) sqlite3_column_text (stmt, 0));
      return TRUE;
    }

  status = json_object_new ();
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    json_object_set_string_member (status, "name", (const char *) sqlite3_column_text (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    json_object_set_string_member (status, "builtin", (const char *) sqlite3_column_text (stmt, 1));
  json_object_set_boolean_member (status, "closed", sqlite3_column_int (stmt, 2) != 0);
  json_object_set_object_member (detail, "status", status);

  return TRUE;
}

static JsonNode *
column_value (Change *change)
{
  if ((change->field == CHORUS_FIELD_ASSIGNEE && change->value == 0) ||
      (change->field == CHORUS_FIELD_SENTIMENT && change->value == CHORUS_SENTIMENT_NONE))
    return json_node_new (JSON_NODE_NULL);

  return int_node (change->value);
}

static gint64
write_column_change (sqlite3   *db,
                     gpointer   data,
                     GArray    *changed,
                     GError   **error)
{
  Change *change = data;
  g_auto(ChorusFieldAccess) access = { 0, };
  g_autoptr(JsonObject) detail = json_object_new ();
  g_autoptr(JsonNode) after = column_value (change);

  if (!describe_target (db, change, detail, error))
    return 0;

  _chorus_field_access_init (&access, db, change->field, 0);
  if (!apply_to_all (&access, change, after, detail, changed, error))
    return 0;

  return insert_change_entry (db, change, g_steal_pointer (&detail), error);
}

/* The tag named @name (case does not matter), made on first use when
 * @create is set. */
static gint64
find_tag (sqlite3     *db,
          const char  *name,
          gboolean     create,
          JsonObject  *tag,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, "SELECT id, name FROM tags WHERE name = ?1", error)))
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_object_set_string_member (tag, "name", (const char *) sqlite3_column_text (stmt, 1));
      return sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "tag");
      return 0;
    }
  if (!create)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                   /* Translators: %s is a tag's name. */
                   _("There is no tag “%s”."), name);
      return 0;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO tags (name) VALUES (?1)", error)))
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "add tag", error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  json_object_set_string_member (tag, "name", name);
  json_object_set_boolean_member (tag, "created", TRUE);

  return id;
}

static gint64
write_tag_change (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  Change *change = data;
  gboolean add = change->field == CHORUS_FIELD_TAG_ADD;
  g_auto(ChorusFieldAccess) access = { 0, };
  g_autoptr(JsonObject) detail = json_object_new ();
  g_autoptr(JsonNode) after = int_node (add ? 1 : 0);
  JsonObject *tag = json_object_new ();
  gint64 tag_id;

  json_object_set_object_member (detail, "tag", tag);
  if (!(tag_id = find_tag (db, change->text, add, tag, error)))
    return 0;
  json_object_set_int_member (tag, "id", tag_id);

  _chorus_field_access_init (&access, db, change->field, tag_id);
  if (!apply_to_all (&access, change, after, detail, changed, error))
    return 0;

  return insert_change_entry (db, change, g_steal_pointer (&detail), error);
}

static gboolean
conversation_exists (sqlite3  *db,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, "SELECT 1 FROM conversations WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    _chorus_set_conversation_gone (error);
  else
    _chorus_set_sqlite_error (error, db, "conversation");
  return FALSE;
}

static gint64
write_note_add (sqlite3   *db,
                gpointer   data,
                GArray    *changed,
                GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonObject) detail = json_object_new ();
  JsonArray *before = json_array_new ();
  JsonArray *after = json_array_new ();

  json_object_set_array_member (detail, "before", before);
  json_object_set_array_member (detail, "after", after);

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO notes (conversation_id, author_id, body, created_at)"
                                    " VALUES (?1, (SELECT id FROM team_members WHERE is_me ORDER BY id LIMIT 1),"
                                    "  ?2, strftime ('%s', 'now'))",
                                    error)))
    return 0;

  for (guint i = 0; i < change->ids->len; i++)
    {
      gint64 id = g_array_index (change->ids, gint64, i);

      if (!conversation_exists (db, id, error))
        return 0;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, change->text, -1, SQLITE_STATIC);
      if (!_chorus_sql_step_done (db, stmt, "add note", error))
        return 0;

      json_array_add_null_element (before);
      json_array_add_int_element (after, sqlite3_last_insert_rowid (db));
      g_array_append_val (changed, id);
    }

  return insert_change_entry (db, change, g_steal_pointer (&detail), error);
}

/* The whole note goes in the entry, so that undo can put it back as it
 * was, under the same id. */
static gint64
write_note_delete (sqlite3   *db,
                   gpointer   data,
                   GArray    *changed,
                   GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonObject) detail = json_object_new ();
  JsonObject *note = json_object_new ();
  JsonArray *before = json_array_new ();
  gint64 conversation_id;

  json_object_set_object_member (detail, "note", note);
  json_object_set_array_member (detail, "before", before);
  json_object_set_null_member (detail, "after");

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT conversation_id, person_id, author_id, body, created_at"
                                    " FROM notes WHERE id = ?1 AND conversation_id IS NOT NULL",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, change->value);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("That note no longer exists."));
      return 0;
    }

  conversation_id = sqlite3_column_int64 (stmt, 0);
  json_object_set_int_member (note, "id", change->value);
  json_object_set_member (note, "person_id", _chorus_sql_column_json (stmt, 1));
  json_object_set_member (note, "author_id", _chorus_sql_column_json (stmt, 2));
  json_object_set_string_member (note, "body", (const char *) sqlite3_column_text (stmt, 3));
  json_object_set_int_member (note, "created_at", sqlite3_column_int64 (stmt, 4));
  json_array_add_int_element (before, change->value);

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _chorus_sql_prepare (db, "DELETE FROM notes WHERE id = ?1", error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, change->value);
  if (!_chorus_sql_step_done (db, stmt, "delete note", error))
    return 0;

  g_array_set_size (change->ids, 0);
  g_array_append_val (change->ids, conversation_id);
  g_array_append_val (changed, conversation_id);

  return insert_change_entry (db, change, g_steal_pointer (&detail), error);
}

/* Each kind of change: the write function that makes it, and the public
 * call that starts it, its task's source tag. */
static const struct
{
  ChorusStoreWriteFunc  write;
  gpointer              source_tag;
} kinds[CHORUS_N_FIELDS] = {
  [CHORUS_FIELD_STATUS] = { write_column_change, chorus_store_set_status_async },
  [CHORUS_FIELD_ASSIGNEE] = { write_column_change, chorus_store_set_assignee_async },
  [CHORUS_FIELD_PRIORITY] = { write_column_change, chorus_store_set_priority_async },
  [CHORUS_FIELD_UNREAD] = { write_column_change, chorus_store_set_read_async },
  [CHORUS_FIELD_SENTIMENT] = { write_column_change, chorus_store_set_sentiment_async },
  [CHORUS_FIELD_TAG_ADD] = { write_tag_change, chorus_store_add_tag_async },
  [CHORUS_FIELD_TAG_REMOVE] = { write_tag_change, chorus_store_remove_tag_async },
  [CHORUS_FIELD_NOTE_ADD] = { write_note_add, chorus_store_add_note_async },
  [CHORUS_FIELD_NOTE_DELETE] = { write_note_delete, chorus_store_delete_note_async },
};

/* What every public change does once its arguments are checked: the
 * change of @field to @value (or @text) on @ids, in a worker. */
static void
run_change (ChorusStore          *self,
            ChorusField           field,
            GArray               *ids,
            gint64                value,
            const char           *text,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  _chorus_store_write_async (self, kinds[field].write, change_new (field, ids, value, text),
                             (GDestroyNotify) change_free, kinds[field].source_tag, cancellable, callback,
                             user_data);
}

/**
 * chorus_store_set_status_async:
 * @self: a #ChorusStore
 * @ids: (element-type gint64): the conversations
 * @status_id: a status (see chorus_store_list_statuses_async())
 * @cancellable: (nullable): stops the change if it has not started
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Gives every conversation of @ids the status @status_id. Finish with
 * chorus_store_triage_finish(), as every triage change.
 */
void
chorus_store_set_status_async (ChorusStore         *self,
                               GArray              *ids,
                               gint64               status_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);

  run_change (self, CHORUS_FIELD_STATUS, ids, status_id, NULL, cancellable, callback, user_data);
}

/**
 * chorus_store_set_assignee_async:
 * @member_id: a team member, or 0 to leave the conversations unassigned
 *
 * Assigns every conversation of @ids to @member_id.
 */
void
chorus_store_set_assignee_async (ChorusStore         *self,
                                 GArray              *ids,
                                 gint64               member_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);

  run_change (self, CHORUS_FIELD_ASSIGNEE, ids, member_id, NULL, cancellable, callback, user_data);
}

/**
 * chorus_store_add_tag_async:
 * @tag_name: a tag's name; case does not matter, and a tag of a new name
 *   is made on first use
 *
 * Puts the tag on every conversation of @ids.
 */
void
chorus_store_add_tag_async (ChorusStore         *self,
                            GArray              *ids,
                            const char          *tag_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);
  g_return_if_fail (tag_name != NULL && g_utf8_validate (tag_name, -1, NULL));

  if (!(name = _chorus_dup_name_or_report (self, tag_name, chorus_store_add_tag_async, callback,
                                           user_data)))
    return;

  run_change (self, CHORUS_FIELD_TAG_ADD, ids, 0, name, cancellable, callback, user_data);
}

/**
 * chorus_store_remove_tag_async:
 * @tag_name: the tag's name; case does not matter
 *
 * Takes the tag off every conversation of @ids. The tag itself stays.
 */
void
chorus_store_remove_tag_async (ChorusStore         *self,
                               GArray              *ids,
                               const char          *tag_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);
  g_return_if_fail (tag_name != NULL && g_utf8_validate (tag_name, -1, NULL));

  run_change (self, CHORUS_FIELD_TAG_REMOVE, ids, 0, tag_name, cancellable, callback, user_data);
}

/**
 * chorus_store_set_priority_async:
 * @priority: from %CHORUS_PRIORITY_NONE to %CHORUS_PRIORITY_HIGH
 *
 * Sets the priority of every conversation of @ids.
 */
void
chorus_store_set_priority_async (ChorusStore         *self,
                                 GArray              *ids,
                                 ChorusPriority       priority,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);
  g_return_if_fail ((guint) priority <= CHORUS_PRIORITY_HIGH);

  run_change (self, CHORUS_FIELD_PRIORITY, ids, priority, NULL, cancellable, callback, user_data);
}

/**
 * chorus_store_set_read_async:
 * @read: %TRUE to mark the conversations read, %FALSE for unread
 *
 * Read state lives in the workspace, so it survives restarts. A new post
 * in a conversation marks it unread again.
 */
void
chorus_store_set_read_async (ChorusStore         *self,
                             GArray              *ids,
                             gboolean             read,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);

  run_change (self, CHORUS_FIELD_UNREAD, ids, read ? 0 : 1, NULL, cancellable, callback, user_data);
}

/**
 * chorus_store_set_sentiment_async:
 * @sentiment: the sentiment the team sets, or %CHORUS_SENTIMENT_NONE to go
 *   back to the automatic one
 *
 * Overrides the automatic sentiment of every conversation of @ids.
 */
void
chorus_store_set_sentiment_async (ChorusStore         *self,
                                  GArray              *ids,
                                  ChorusSentiment      sentiment,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);
  g_return_if_fail (sentiment >= CHORUS_SENTIMENT_NEGATIVE && sentiment <= CHORUS_SENTIMENT_NONE);

  run_change (self, CHORUS_FIELD_SENTIMENT, ids, sentiment, NULL, cancellable, callback, user_data);
}

/**
 * chorus_store_add_note_async:
 * @body: what the note says
 *
 * Adds an internal note to every conversation of @ids, in the name of the
 * member marked as "me" (no author when nobody is).
 */
void
chorus_store_add_note_async (ChorusStore         *self,
                             GArray              *ids,
                             const char          *body,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (ids != NULL && ids->len > 0);
  g_return_if_fail (body != NULL && g_utf8_validate (body, -1, NULL));

  trimmed = g_strstrip (g_strdup (body));
  if (*trimmed == '\0')
    {
      g_task_report_new_error (self, callback, user_data, chorus_store_add_note_async,
                               CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                               _("A note cannot be empty."));
      return;
    }

  run_change (self, CHORUS_FIELD_NOTE_ADD, ids, 0, trimmed, cancellable, callback, user_data);
}

/**
 * chorus_store_delete_note_async:
 * @note_id: a note on a conversation
 *
 * Deletes a note. Like every triage change, it can be undone.
 */
void
chorus_store_delete_note_async (ChorusStore         *self,
                                gint64               note_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  run_change (self, CHORUS_FIELD_NOTE_DELETE, NULL, note_id, NULL, cancellable, callback, user_data);
}

/**
 * chorus_store_triage_finish:
 * @self: a #ChorusStore
 * @result: the result of any chorus_store_…_async() of this file but the
 *   undo and the lists
 * @error: a location for a #GError
 *
 * A change that failed left nothing behind. ChorusStore::conversations-changed
 * was emitted for one that committed, before this callback ran.
 *
 * Returns: the id of the change's audit entry, for chorus_store_undo_async(),
 *   or 0 with @error set
 */
gint64
chorus_store_triage_finish (ChorusStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write_finish (self, result, error);
}
