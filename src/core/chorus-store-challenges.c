/* chorus-store-challenges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-challenge.h"
#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-image-format.h"
#include "chorus-store-private.h"
#include "chorus-submission.h"

#define CHALLENGES_SQL \
  "SELECT ch.id, ch.title, ch.brief, ch.hashtag, ch.submissions_open_at," \
  "       ch.submissions_close_at, ch.voting_open_at, ch.voting_close_at, ch.scale," \
  "       (SELECT count (*) FROM submissions s" \
  "        WHERE s.challenge_id = ch.id AND s.moderation <> 'rejected')," \
  "       (SELECT count (*) FROM votes v JOIN submissions s ON s.id = v.submission_id" \
  "        WHERE s.challenge_id = ch.id AND s.moderation <> 'rejected' AND NOT v.excluded)" \
  " FROM challenges ch ORDER BY ch.voting_close_at DESC, ch.id DESC"

#define SUBMISSIONS_SQL \
  "SELECT s.id, s.title, i.display_name, i.handle, i.server, i.network," \
  "       s.image_sha256, s.image_type, s.moderation," \
  "       (SELECT count (*) FROM votes v" \
  "        WHERE v.submission_id = s.id AND NOT v.excluded) AS vote_count," \
  "       (SELECT avg (v.score) FROM votes v" \
  "        WHERE v.submission_id = s.id AND NOT v.excluded AND v.score IS NOT NULL)," \
  "       s.moderation_reason," \
  "       (SELECT w.place FROM winners w WHERE w.challenge_id = s.challenge_id AND w.submission_id = s.id)" \
  " FROM submissions s LEFT JOIN identities i ON i.id = s.author_id" \
  " WHERE s.challenge_id = ?1" \
  " ORDER BY vote_count DESC, s.submitted_at DESC, s.id DESC"

typedef GObject *(*RowBuilder) (ChorusStore  *store,
                                sqlite3_stmt *stmt);

static GObject *
build_challenge (ChorusStore  *store,
                 sqlite3_stmt *stmt)
{
  return g_object_new (CHORUS_TYPE_CHALLENGE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "title", (const char *) sqlite3_column_text (stmt, 1),
                       "brief", (const char *) sqlite3_column_text (stmt, 2),
                       "hashtag", (const char *) sqlite3_column_text (stmt, 3),
                       "submissions-open", sqlite3_column_int64 (stmt, 4),
                       "submissions-close", sqlite3_column_int64 (stmt, 5),
                       "voting-open", sqlite3_column_int64 (stmt, 6),
                       "voting-close", sqlite3_column_int64 (stmt, 7),
                       "scale", (const char *) sqlite3_column_text (stmt, 8),
                       "submission-count", (guint) sqlite3_column_int (stmt, 9),
                       "vote-count", (guint) sqlite3_column_int (stmt, 10),
                       NULL);
}

/* Entries collected from the networks may be GIFs too; the sample's
 * are PNGs. */
static const char *
extension_for_type (const char *mime_type)
{
  const ChorusImageFormat *format = chorus_image_format_for_type (mime_type);

  return format != NULL ? format->extension : "png";
}

/* Where the media store keeps a submission's image of @mime_type, or
 * %NULL when @sha256 is not a SHA-256. */
char *
_chorus_store_dup_image_path (ChorusStore *self,
                              const char  *sha256,
                              const char  *mime_type)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return NULL;
  return chorus_store_dup_media_path (self, sha256, extension_for_type (mime_type));
}

static GObject *
build_submission (ChorusStore  *store,
                  sqlite3_stmt *stmt)
{
  const char *network = (const char *) sqlite3_column_text (stmt, 5);
  const char *sha256 = (const char *) sqlite3_column_text (stmt, 6);
  g_autofree char *handle = NULL;
  g_autofree char *image_path = NULL;
  g_autofree char *title = _chorus_sql_dup_text (stmt, 1);
  g_autofree char *author_name = _chorus_sql_dup_text (stmt, 2);

  handle = chorus_format_handle (network,
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4));
  image_path = _chorus_store_dup_image_path (store, sha256, (const char *) sqlite3_column_text (stmt, 7));

  return g_object_new (CHORUS_TYPE_SUBMISSION,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "title", title,
                       "author-name", author_name,
                       "author-handle", handle,
                       "network", network,
                       "image-path", image_path,
                       "image-sha256", sha256,
                       "moderation", (const char *) sqlite3_column_text (stmt, 8),
                       "vote-count", (guint) sqlite3_column_int (stmt, 9),
                       "mean-score", sqlite3_column_double (stmt, 10),
                       "moderation-reason", (const char *) sqlite3_column_text (stmt, 11),
                       "winner-place", (guint) sqlite3_column_int (stmt, 12),
                       NULL);
}

typedef struct
{
  const char *sql;
  RowBuilder  build;
  gint64      param;
} ListQuery;

static GPtrArray *
run_list (ChorusStore      *store,
          const ListQuery  *query,
          GError          **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (store);
  sqlite3 *db = connection->db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, query->sql, error)))
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, query->param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, query->build (store, stmt));

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "challenges");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *rows = run_list (source_object, task_data, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
run_list_query (ChorusStore         *self,
                const char          *sql,
                RowBuilder           build,
                gint64               param,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListQuery *query;

  query = g_new0 (ListQuery, 1);
  query->sql = sql;
  query->build = build;
  query->param = param;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, query, g_free);
  g_task_run_in_thread (task, list_worker);
}

/**
 * chorus_store_list_challenges:
 *
 * Blocking: call it from a worker, or use chorus_store_list_challenges_async().
 *
 * Returns: (transfer full) (element-type ChorusChallenge): the challenges,
 *   the latest voting deadline first
 */
GPtrArray *
chorus_store_list_challenges (ChorusStore  *self,
                              GError      **error)
{
  const ListQuery query = { CHALLENGES_SQL, build_challenge, 0 };

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return run_list (self, &query, error);
}

void
chorus_store_list_challenges_async (ChorusStore         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_list_query (self, CHALLENGES_SQL, build_challenge, 0,
                  chorus_store_list_challenges_async, cancellable, callback, user_data);
}

/**
 * chorus_store_list_challenges_finish:
 *
 * Returns: (transfer full) (element-type ChorusChallenge): the challenges,
 *   the latest voting deadline first
 */
GPtrArray *
chorus_store_list_challenges_finish (ChorusStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
chorus_store_list_submissions_async (ChorusStore         *self,
                                     gint64               challenge_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_list_query (self, SUBMISSIONS_SQL, build_submission, challenge_id,
                  chorus_store_list_submissions_async, cancellable, callback, user_data);
}

/**
 * chorus_store_list_submissions_finish:
 *
 * Returns: (transfer full) (element-type ChorusSubmission): the entries that
 *   were not rejected, most community votes first
 */
GPtrArray *
chorus_store_list_submissions_finish (ChorusStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
