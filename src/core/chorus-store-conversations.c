/* chorus-store-conversations.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-store-private.h"

/* The start of the first post, longer than a row shows: a search's
 * excerpt is cut around its match from this (chorus-conversation-row.c). */
#define EXCERPT_CHARS 180

/* Tag names are joined with U+001F, which a tag name cannot hold. */
static const char load_sql[] =
  "SELECT c.network, i.display_name, i.handle, i.server,"
  "       substr (p.text, 1, ?2), c.last_activity_at, c.post_count,"
  "       s.builtin, s.name, s.is_closed, c.unread, m.name, c.language,"
  "       length (p.text) > ?2, c.status_id, c.assignee_id,"
  "       max (-1, min (1, coalesce (c.sentiment_override, c.sentiment))),"
  "       c.sentiment_override IS NOT NULL, c.has_question,"
  "       max (0, min (3, c.priority)), i.avatar_url, i.person_id, c.source_id,"
  "       (SELECT group_concat (name, char (31))"
  "        FROM (SELECT t.name AS name FROM conversation_tags ct"
  "              JOIN tags t ON t.id = ct.tag_id"
  "              WHERE ct.conversation_id = c.id ORDER BY t.name))"
  " FROM conversations c"
  " JOIN statuses s ON s.id = c.status_id"
  " LEFT JOIN posts p ON p.id = (SELECT min (id) FROM posts"
  "                              WHERE conversation_id = c.id)"
  " LEFT JOIN identities i ON i.id = p.author_id"
  " LEFT JOIN team_members m ON m.id = c.assignee_id"
  " WHERE c.id = ?1";

/* Builds the conversation @id from @stmt (load_sql, prepared on @db),
 * which it leaves reset for the next one. */
static ChorusConversation *
load_with (sqlite3       *db,
           sqlite3_stmt  *stmt,
           gint64         id,
           GError       **error)
{
  g_autofree char *handle = NULL;
  g_autofree char *author_name = NULL;
  g_autofree char *author_handle = NULL;
  g_autofree char *server = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *custom_status = NULL;
  g_autofree char *assignee = NULL;
  g_autofree char *joined_tags = NULL;
  g_autofree char *avatar_url = NULL;
  g_auto(GStrv) tags = NULL;
  ChorusConversation *conversation;
  const char *network;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, EXCERPT_CHARS);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                     "No conversation %" G_GINT64_FORMAT, id);
      else
        _chorus_set_sqlite_error (error, db, "conversation");
      return NULL;
    }

  network = (const char *) sqlite3_column_text (stmt, 0);
  author_name = _chorus_sql_dup_text (stmt, 1);
  author_handle = _chorus_sql_dup_text (stmt, 2);
  server = _chorus_sql_dup_text (stmt, 3);
  excerpt = _chorus_sql_dup_text (stmt, 4);
  if (excerpt != NULL && sqlite3_column_int (stmt, 13))
    {
      char *cut = g_strconcat (excerpt, "…", NULL);

      g_free (excerpt);
      excerpt = cut;
    }
  custom_status = _chorus_sql_dup_text (stmt, 8);
  assignee = _chorus_sql_dup_text (stmt, 11);
  handle = chorus_format_handle (network, author_handle, server);
  avatar_url = _chorus_sql_dup_text (stmt, 20);
  joined_tags = _chorus_sql_dup_text (stmt, 23);
  tags = g_strsplit (joined_tags != NULL ? joined_tags : "", "\x1f", -1);

  conversation = g_object_new (CHORUS_TYPE_CONVERSATION,
                               "id", id,
                               "network", network,
                               "author-name", author_name,
                               "author-handle", handle,
                               "excerpt", excerpt,
                               "last-activity", sqlite3_column_int64 (stmt, 5),
                               "post-count", (guint) sqlite3_column_int (stmt, 6),
                               "status", chorus_format_status ((const char *) sqlite3_column_text (stmt, 7),
                                                               custom_status),
                               "closed", sqlite3_column_int (stmt, 9) != 0,
                               "unread", sqlite3_column_int (stmt, 10) != 0,
                               "assignee", assignee,
                               "language", (const char *) sqlite3_column_text (stmt, 12),
                               "status-id", sqlite3_column_int64 (stmt, 14),
                               "assignee-id", sqlite3_column_int64 (stmt, 15),
                               "sentiment", sqlite3_column_type (stmt, 16) == SQLITE_NULL
                                              ? CHORUS_SENTIMENT_NONE : sqlite3_column_int (stmt, 16),
                               "sentiment-overridden", sqlite3_column_int (stmt, 17) != 0,
                               "has-question", sqlite3_column_int (stmt, 18) != 0,
                               "priority", (guint) sqlite3_column_int (stmt, 19),
                               "avatar-url", avatar_url,
                               "author-person-id", sqlite3_column_int64 (stmt, 21),
                               "source-id", sqlite3_column_int64 (stmt, 22),
                               "tags", tags,
                               NULL);
  sqlite3_reset (stmt);

  return conversation;
}

/**
 * chorus_store_load_conversation:
 * @self: a #ChorusStore
 * @id: a conversation id
 * @error: a location for a #GError
 *
 * One query of point lookups through primary keys and index seeks (the
 * tags too: a seek of conversation_tags' primary key): cheap enough for
 * the main thread, which calls it for the rows on screen that a first
 * page did not bring (see _chorus_store_load_conversations()).
 *
 * Returns: (transfer full): the conversation, or %NULL with @error set
 */
ChorusConversation *
chorus_store_load_conversation (ChorusStore  *self,
                                gint64        id,
                                GError      **error)
{
  ChorusConversation *conversation;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  if (!(stmt = _chorus_store_cached_statement (self, load_sql, error)))
    return NULL;

  conversation = load_with (_chorus_store_get_db (self), stmt, id, error);
  sqlite3_reset (stmt);

  return conversation;
}

/* The conversations @ids names, in order, read on @db (a worker's
 * connection): a list's first page comes with its items, so the main
 * thread shows it without a query. A conversation deleted since it was
 * listed is left out. */
GPtrArray *
_chorus_store_load_conversations (sqlite3  *db,
                                  GArray   *ids,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(stmt = _chorus_sql_prepare (db, load_sql, error)))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      ChorusConversation *conversation = load_with (db, stmt, g_array_index (ids, gint64, i), &local_error);

      if (conversation != NULL)
        g_ptr_array_add (conversations, conversation);
      else if (!g_error_matches (local_error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&conversations);
}
