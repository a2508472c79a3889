/* chorus-store-people.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-store-people.h"
#include "chorus-store-people-private.h"
#include "chorus-store-triage-private.h"

/* People for the person panel: one person with their identities,
 * segments and CRM fields, read in one worker from one snapshot with
 * three small queries (seeks of primary keys and of identities_person),
 * and the conversations they took part in, with how long the brand took
 * to answer each. The changes the panel makes (segments, notes, name) are
 * in chorus-store-people-changes.c.
 *
 * Opt-outs: a person with an account that says it is a bot
 * (identities.is_bot, which sync fills from each network's bot flag), or
 * that asked not to be indexed (noindex) or found (discoverable = 0), is
 * never put into a segment automatically. Callers that tag people by rule
 * pass automatic = TRUE and get CHORUS_ERROR_INVALID_ARGUMENT for such a
 * person; a team member choosing a segment by hand is not refused. */

/* Two lines of the panel's widest row hold about 120 characters. */
#define EXCERPT_CHARS 120

static void
person_conversation_free (ChorusPersonConversation *conversation)
{
  g_free (conversation->excerpt);
  g_free (conversation->network);
  g_free (conversation->status);
  g_free (conversation);
}

/**
 * chorus_person_history_free:
 * @history: (nullable): what chorus_store_list_person_conversations_finish() returned
 */
void
chorus_person_history_free (ChorusPersonHistory *history)
{
  if (history == NULL)
    return;

  g_ptr_array_unref (history->conversations);
  g_free (history);
}

static ChorusPerson *
read_person_row (sqlite3  *db,
                 gint64    person_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ChorusPersonSegments segments = CHORUS_PERSON_SEGMENT_NONE;
  int rc;

  /* Segments are joined with commas, which a segment name cannot hold. */
  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT display_name, notes,"
                                            "  (SELECT group_concat (segment) FROM person_segments"
                                            "    WHERE person_id = ?1)"
                                            " FROM people WHERE id = ?1",
                                            person_id, error)))
    return NULL;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _chorus_set_person_gone (error);
      else
        _chorus_set_sqlite_error (error, db, "person");
      return NULL;
    }

  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_auto(GStrv) keys = g_strsplit ((const char *) sqlite3_column_text (stmt, 2), ",", -1);

      for (guint i = 0; keys[i] != NULL; i++)
        segments |= chorus_person_segment_from_key (keys[i]);
    }

  return chorus_person_new (person_id, (const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1), segments);
}

/* An identity from the columns id, network, server, handle, display_name,
 * avatar_url, profile_url and account_created_at, in that order. */
ChorusIdentity *
_chorus_build_identity (sqlite3_stmt *stmt)
{
  ChorusIdentity *identity = chorus_identity_new (sqlite3_column_int64 (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1),
                                                  (const char *) sqlite3_column_text (stmt, 2),
                                                  (const char *) sqlite3_column_text (stmt, 3));

  g_free (identity->display_name);
  identity->display_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  identity->avatar_url = _chorus_sql_dup_text (stmt, 5);
  identity->profile_url = _chorus_sql_dup_text (stmt, 6);
  identity->account_created_at = sqlite3_column_int64 (stmt, 7);

  return identity;
}

typedef void (*PersonRowFunc) (ChorusPerson *person,
                               sqlite3_stmt *stmt);

/* Runs @sql with the person's id as ?1 and hands every row to @func. */
static gboolean
read_rows (sqlite3        *db,
           const char     *sql,
           PersonRowFunc   func,
           ChorusPerson   *person,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, sql, chorus_person_get_id (person), error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (person, stmt);

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "person");
      return FALSE;
    }

  return TRUE;
}

static void
add_identity_row (ChorusPerson *person,
                  sqlite3_stmt *stmt)
{
  chorus_person_add_identity (person, _chorus_build_identity (stmt));
  if (sqlite3_column_int (stmt, 8) != 0)
    chorus_person_set_is_bot (person, TRUE);
}

static void
add_field_row (ChorusPerson *person,
               sqlite3_stmt *stmt)
{
  chorus_person_add_field (person, (const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
}

static gboolean
read_identities_and_fields (sqlite3       *db,
                            ChorusPerson  *person,
                            GError       **error)
{
  return read_rows (db,
                    "SELECT id, network, server, handle, display_name, avatar_url,"
                    "  profile_url, account_created_at, is_bot"
                    " FROM identities WHERE person_id = ?1 ORDER BY id",
                    add_identity_row, person, error) &&
         read_rows (db,
                    "SELECT name, value FROM person_fields WHERE person_id = ?1"
                    " ORDER BY name COLLATE NOCASE, name",
                    add_field_row, person, error);
}

static void
load_person_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autoptr(ChorusPerson) person = NULL;
  gint64 person_id = *(gint64 *) task_data;
  GError *error = NULL;

  if (!_chorus_sql_exec (connection->db, "BEGIN", &error) ||
      !(person = read_person_row (connection->db, person_id, &error)) ||
      !read_identities_and_fields (connection->db, person, &error))
    {
      sqlite3_exec (connection->db, "ROLLBACK", NULL, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  sqlite3_exec (connection->db, "COMMIT", NULL, NULL, NULL);
  g_task_return_pointer (task, g_steal_pointer (&person), g_object_unref);
}

static void
run_for_person (ChorusStore         *self,
                gint64               person_id,
                GTaskThreadFunc      worker,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_memdup2 (&person_id, sizeof person_id), g_free);
  g_task_run_in_thread (task, worker);
}

/**
 * chorus_store_load_person_async:
 * @self: a #ChorusStore
 * @person_id: a person of @self
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when the person is read
 * @user_data: data for @callback
 *
 * Reads a person, their identities (oldest first), segments and CRM
 * fields (by name) in a worker, from one snapshot.
 */
void
chorus_store_load_person_async (ChorusStore         *self,
                                gint64               person_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_for_person (self, person_id, load_person_worker, chorus_store_load_person_async,
                  cancellable, callback, user_data);
}

/**
 * chorus_store_load_person_finish:
 * @self: a #ChorusStore
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the person, or %NULL with @error set
 *   (%CHORUS_ERROR_NOT_FOUND when there is no such person)
 */
ChorusPerson *
chorus_store_load_person_finish (ChorusStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, chorus_store_load_person_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
compare_delays (gconstpointer a,
                gconstpointer b)
{
  gint64 first = *(const gint64 *) a;
  gint64 second = *(const gint64 *) b;

  return first < second ? -1 : first > second;
}

/* The middle delay, or the mean of the two middle ones (rounded down). */
static gint64
median_of (GArray *delays)
{
  guint half = delays->len / 2;

  if (delays->len == 0)
    return -1;

  g_array_sort (delays, compare_delays);
  if (delays->len % 2 != 0)
    return g_array_index (delays, gint64, half);

  return (g_array_index (delays, gint64, half - 1) + g_array_index (delays, gint64, half)) / 2;
}

static ChorusPersonConversation *
build_person_conversation (sqlite3_stmt *stmt)
{
  ChorusPersonConversation *conversation = g_new0 (ChorusPersonConversation, 1);
  g_autofree char *builtin = _chorus_sql_dup_text (stmt, 4);
  g_autofree char *name = _chorus_sql_dup_text (stmt, 5);
  g_autofree char *excerpt = _chorus_sql_dup_text (stmt, 1);

  conversation->id = sqlite3_column_int64 (stmt, 0);
  /* One line: the panel's rows do not wrap. */
  conversation->excerpt = g_strdup (excerpt != NULL ? g_strdelimit (g_strstrip (excerpt), "\r\n\t", ' ') : "");
  conversation->network = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  conversation->started_at = sqlite3_column_int64 (stmt, 3);
  conversation->status = g_strdup (chorus_format_status (builtin, name));
  conversation->first_reply = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                                ? -1 : MAX (sqlite3_column_int64 (stmt, 6), 0);

  return conversation;
}

/* A conversation counts when one of the person's identities posted in it.
 * The person's posts come from identities_person and posts_author; the
 * brand's reply is the first own post at or after the person's first
 * post, found from posts_thread starting at that post's key. */
static ChorusPersonHistory *
read_history (sqlite3  *db,
              gint64    person_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) conversations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) person_conversation_free);
  ChorusPersonHistory *history;
  guint n_conversations = 0;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "WITH mine (conversation_id, first_key, first_at) AS ("
                                            "  SELECT p.conversation_id, min (p.id), min (p.created_at)"
                                            "  FROM identities i JOIN posts p ON p.author_id = i.id"
                                            "  WHERE i.person_id = ?1 GROUP BY p.conversation_id)"
                                            " SELECT c.id, coalesce (nullif (c.subject, ''),"
                                            "    (SELECT substr (f.text, 1, ?2) FROM posts f"
                                            "     WHERE f.conversation_id = c.id ORDER BY f.id LIMIT 1)),"
                                            "  c.network, c.started_at, s.builtin, s.name,"
                                            "  (SELECT min (o.created_at) FROM posts o"
                                            "   WHERE o.conversation_id = c.id AND o.id >= m.first_key"
                                            "     AND o.is_own AND o.created_at >= m.first_at) - m.first_at"
                                            " FROM mine m JOIN conversations c ON c.id = m.conversation_id"
                                            " JOIN statuses s ON s.id = c.status_id"
                                            " ORDER BY c.started_at DESC, c.id DESC",
                                            person_id, error)))
    return NULL;

  sqlite3_bind_int (stmt, 2, EXCERPT_CHARS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusPersonConversation *conversation = build_person_conversation (stmt);

      if (conversation->first_reply >= 0)
        g_array_append_val (delays, conversation->first_reply);
      if (conversations->len < CHORUS_PERSON_HISTORY_LIMIT)
        g_ptr_array_add (conversations, conversation);
      else
        person_conversation_free (conversation);
      n_conversations++;
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "person history");
      return NULL;
    }

  history = g_new0 (ChorusPersonHistory, 1);
  history->conversations = g_steal_pointer (&conversations);
  history->n_conversations = n_conversations;
  history->replied = delays->len;
  history->median_first_reply = median_of (delays);

  return history;
}

static void
list_person_conversations_worker (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  ChorusPersonHistory *history;
  GError *error = NULL;

  if (!(history = read_history (connection->db, *(gint64 *) task_data, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, history, (GDestroyNotify) chorus_person_history_free);
}

/**
 * chorus_store_list_person_conversations_async:
 * @self: a #ChorusStore
 * @person_id: a person of @self
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context with the history
 * @user_data: data for @callback
 *
 * Reads, in a worker, the conversations the person posted in, newest
 * first (the newest %CHORUS_PERSON_HISTORY_LIMIT of them), each with the
 * brand's first reply time: from the person's first post in it to the
 * brand's first own post at or after it. The count and the median cover
 * them all.
 */
void
chorus_store_list_person_conversations_async (ChorusStore         *self,
                                              gint64               person_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_for_person (self, person_id, list_person_conversations_worker,
                  chorus_store_list_person_conversations_async, cancellable, callback, user_data);
}

/**
 * chorus_store_list_person_conversations_finish:
 * @self: a #ChorusStore
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the history (empty for an unknown person), or
 *   %NULL with @error set
 */
ChorusPersonHistory *
chorus_store_list_person_conversations_finish (ChorusStore   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, chorus_store_list_person_conversations_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_chorus_set_person_gone (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                       _("That person no longer exists."));
}
