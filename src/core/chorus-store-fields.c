/* chorus-store-fields.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-triage-private.h"

/* The conversation fields triage changes, named by their audit actions,
 * and how one conversation's value of a field is read and written: what a
 * change records as "before" and what its undo puts back go through the
 * same statements, so they cannot disagree. */

/* A column's statements: ?1 is the conversation, ?2 the value set. */
#define READ_COLUMN(column)  "SELECT " column " FROM conversations WHERE id = ?1"
#define WRITE_COLUMN(column) "UPDATE conversations SET " column " = ?2 WHERE id = ?1"

/* Whether the conversation carries the tag ?2. */
#define READ_TAG \
  "SELECT EXISTS (SELECT 1 FROM conversation_tags WHERE conversation_id = c.id AND tag_id = ?2)" \
  " FROM conversations c WHERE c.id = ?1"
#define ADD_TAG    "INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id) VALUES (?1, ?2)"
#define REMOVE_TAG "DELETE FROM conversation_tags WHERE conversation_id = ?1 AND tag_id = ?2"

static const struct
{
  const char *action;
  const char *read;       /* NULL for notes */
  const char *write;      /* NULL for tags and notes */
  const char *target;     /* whether a value ?1 may be set, or NULL when any may */
} fields[CHORUS_N_FIELDS] = {
  [CHORUS_FIELD_STATUS] = { "conversation.status", READ_COLUMN ("status_id"),
                            WRITE_COLUMN ("status_id"), "SELECT 1 FROM statuses WHERE id = ?1" },
  [CHORUS_FIELD_ASSIGNEE] = { "conversation.assignee", READ_COLUMN ("assignee_id"),
                              WRITE_COLUMN ("assignee_id"), "SELECT 1 FROM team_members WHERE id = ?1" },
  [CHORUS_FIELD_PRIORITY] = { "conversation.priority", READ_COLUMN ("priority"),
                              WRITE_COLUMN ("priority"), NULL },
  [CHORUS_FIELD_UNREAD] = { "conversation.unread", READ_COLUMN ("unread"), WRITE_COLUMN ("unread"), NULL },
  [CHORUS_FIELD_SENTIMENT] = { "conversation.sentiment", READ_COLUMN ("sentiment_override"),
                               WRITE_COLUMN ("sentiment_override"), NULL },
  [CHORUS_FIELD_TAG_ADD] = { "conversation.tag.add", READ_TAG, NULL, NULL },
  [CHORUS_FIELD_TAG_REMOVE] = { "conversation.tag.remove", READ_TAG, NULL, NULL },
  [CHORUS_FIELD_NOTE_ADD] = { "conversation.note.add", NULL, NULL, NULL },
  [CHORUS_FIELD_NOTE_DELETE] = { "conversation.note.delete", NULL, NULL, NULL },
};

const char *
_chorus_field_action (ChorusField field)
{
  g_assert (field < CHORUS_N_FIELDS);

  return fields[field].action;
}

gboolean
_chorus_field_from_action (const char  *action,
                           ChorusField *field)
{
  for (guint i = 0; i < CHORUS_N_FIELDS; i++)
    {
      if (g_strcmp0 (action, fields[i].action) == 0)
        {
          *field = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
_chorus_field_access_init (ChorusFieldAccess *access,
                           sqlite3           *db,
                           ChorusField        field,
                           gint64             key)
{
  g_assert (fields[field].read != NULL);

  memset (access, 0, sizeof *access);
  access->db = db;
  access->field = field;
  access->key = key;
}

void
_chorus_field_access_clear (ChorusFieldAccess *access)
{
  g_clear_pointer (&access->read, sqlite3_finalize);
  g_clear_pointer (&access->write, sqlite3_finalize);
  g_clear_pointer (&access->clear, sqlite3_finalize);
  g_clear_pointer (&access->target, sqlite3_finalize);
}

/* @slot, prepared on first use and reset afterwards. */
static sqlite3_stmt *
prepared (ChorusFieldAccess  *access,
          sqlite3_stmt      **slot,
          const char         *sql,
          GError            **error)
{
  if (*slot == NULL)
    return *slot = _chorus_sql_prepare (access->db, sql, error);

  sqlite3_reset (*slot);
  return *slot;
}

void
_chorus_set_conversation_gone (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                       _("A conversation was deleted meanwhile. Nothing was changed."));
}

/* Returns: (transfer full): the conversation's value (a tag field: 0 or 1),
 *   or %NULL with @error set, %CHORUS_ERROR_NOT_FOUND if it is gone */
JsonNode *
_chorus_field_read (ChorusFieldAccess  *access,
                    gint64              conversation_id,
                    GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepared (access, &access->read, fields[access->field].read, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (fields[access->field].write == NULL)
    sqlite3_bind_int64 (stmt, 2, access->key);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return _chorus_sql_column_json (stmt, 0);

  if (rc == SQLITE_DONE)
    _chorus_set_conversation_gone (error);
  else
    _chorus_set_sqlite_error (error, access->db, "read");

  return NULL;
}

gboolean
_chorus_field_write (ChorusFieldAccess  *access,
                     gint64              conversation_id,
                     JsonNode           *value,
                     GError            **error)
{
  gboolean is_tag = fields[access->field].write == NULL;
  sqlite3_stmt *stmt;

  if (!is_tag)
    stmt = prepared (access, &access->write, fields[access->field].write, error);
  else if (json_node_get_int (value) != 0)
    stmt = prepared (access, &access->write, ADD_TAG, error);
  else
    stmt = prepared (access, &access->clear, REMOVE_TAG, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (is_tag)
    sqlite3_bind_int64 (stmt, 2, access->key);
  else
    _chorus_sql_bind_json (stmt, 2, value);

  return _chorus_sql_step_done (access->db, stmt, "write", error);
}

/* Whether @value may go in the field: a status or member that still
 * exists, or anything for fields that point nowhere. */
gboolean
_chorus_field_target_exists (ChorusFieldAccess  *access,
                             JsonNode           *value,
                             gboolean           *exists,
                             GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *exists = TRUE;
  if (fields[access->field].target == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  if (!(stmt = prepared (access, &access->target, fields[access->field].target, error)))
    return FALSE;

  _chorus_sql_bind_json (stmt, 1, value);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, access->db, "target");
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}
