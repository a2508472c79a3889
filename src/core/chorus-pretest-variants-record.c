/* chorus-pretest-variants-record.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-post-private.h"
#include "chorus-pretest-private.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* What variant posts leave in the workspace: observations, one snapshot
 * per variant and metric at a time, with a row per account whose
 * provenance is "source:<id>" (the campaign sums a snapshot's rows); the
 * sent post's id; and the replies it drew. */

/* The rows of the latest snapshot of (run, variant, metric): source →
 * value, and its time. */
static GHashTable *
read_snapshot (sqlite3  *db,
               gint64    run_id,
               gint64    variant_id,
               const char *metric,
               gint64   *at,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT o.observed_at, o.provenance, o.value FROM observations o"
                                            " WHERE o.run_id = ?1 AND o.variant_id = ?2 AND o.metric = ?3"
                                            "  AND o.observed_at = (SELECT max (observed_at) FROM observations"
                                            "    WHERE run_id = ?1 AND variant_id = ?2 AND metric = ?3)",
                                            run_id, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 2, variant_id);
  sqlite3_bind_text (stmt, 3, metric, -1, SQLITE_STATIC);
  *at = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *provenance = (const char *) sqlite3_column_text (stmt, 1);
      gint64 source = 0;

      *at = sqlite3_column_int64 (stmt, 0);
      if (provenance != NULL && g_str_has_prefix (provenance, "source:"))
        source = g_ascii_strtoll (provenance + strlen ("source:"), NULL, 10);
      g_hash_table_insert (rows, g_memdup2 (&source, sizeof source),
                           g_memdup2 ((gint64[]) { sqlite3_column_int64 (stmt, 2) }, sizeof (gint64)));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "latest snapshot");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

gboolean
_chorus_pretest_observe (sqlite3     *db,
                         gint64       run_id,
                         gint64       variant_id,
                         gint64       source_id,
                         const char  *metric,
                         gint64       value,
                         gint64       now,
                         GError     **error)
{
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, known;
  gint64 at;

  if (!(rows = read_snapshot (db, run_id, variant_id, metric, &at, error)))
    return FALSE;

  known = g_hash_table_lookup (rows, &source_id);
  if (known != NULL && *(gint64 *) known == value)
    return TRUE;

  g_hash_table_insert (rows, g_memdup2 (&source_id, sizeof source_id), g_memdup2 (&value, sizeof value));
  if (!(stmt = _chorus_sql_prepare_with_id (db, "INSERT INTO observations (run_id, variant_id, observed_at,"
                                            "  metric, value, provenance)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, 'source:' || ?6)", run_id, error)))
    return FALSE;

  /* Snapshots keep their order even when two fall in one second. */
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &known))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 2, variant_id);
      sqlite3_bind_int64 (stmt, 3, MAX (now, at + 1));
      sqlite3_bind_text (stmt, 4, metric, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, *(gint64 *) known);
      sqlite3_bind_int64 (stmt, 6, *(gint64 *) key);
      if (!_chorus_sql_step_done (db, stmt, "observation", error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64      outbox_id;
  const char *remote_id;
  const char *post_uri;
  gint64      followers;
} Sent;

static gint64
record_write (sqlite3  *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  Sent *sent = data;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) which = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!(update = _chorus_sql_prepare_with_id (db, "UPDATE run_posts SET remote_id = coalesce (?2, remote_id),"
                                              "  posted_at = coalesce (posted_at, ?4),"
                                              "  post_id = coalesce ((SELECT id FROM posts WHERE uri = ?3), post_id)"
                                              " WHERE outbox_id = ?1", sent->outbox_id, error)) ||
      !(which = _chorus_sql_prepare_with_id (db, "SELECT run_id, variant_id, source_id FROM run_posts"
                                             " WHERE outbox_id = ?1", sent->outbox_id, error)))
    return 0;

  sqlite3_bind_text (update, 2, sent->remote_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, sent->post_uri, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 4, now);
  if (!_chorus_sql_step_done (db, update, "sent variant post", error))
    return 0;

  if (sent->followers >= 0 && sqlite3_step (which) == SQLITE_ROW &&
      !_chorus_pretest_observe (db, sqlite3_column_int64 (which, 0), sqlite3_column_int64 (which, 1),
                                sqlite3_column_int64 (which, 2), "reach", sent->followers, now, error))
    return 0;

  return sent->outbox_id;
}

/**
 * chorus_store_record_variant_post_sent:
 * @self: a #ChorusStore
 * @outbox_id: the outbox item that posted a variant
 * @remote_id: (nullable): the post's id on its network (a Mastodon status
 *   id, a Bluesky URI)
 * @post_uri: (nullable): the post, already stored as the brand's own
 * @followers: the account's followers when it posted, or -1
 * @error: a location for a #GError
 *
 * Links the run post to what the network made of it, and records its
 * reach. Doing it again records the same. Blocking.
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_record_variant_post_sent (ChorusStore  *self,
                                       gint64        outbox_id,
                                       const char   *remote_id,
                                       const char   *post_uri,
                                       gint64        followers,
                                       GError      **error)
{
  Sent sent = { outbox_id, remote_id, post_uri, followers };

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return _chorus_store_write (self, record_write, &sent, error) > 0;
}

/* Replies */

/* Every reply in the threads of the variant's sent posts; a thread's
 * sentiment set by a person counts for each reply in it, otherwise each
 * reply's own text is read. */
#define REPLIES_SQL \
  "SELECT " CHORUS_POST_ROW_COLUMNS ", c.sentiment_override" \
  " FROM run_posts rp JOIN pretest_runs r ON r.id = rp.run_id" \
  " JOIN posts own ON own.id = rp.post_id" \
  " JOIN conversations c ON c.id = own.conversation_id" \
  " JOIN posts p ON p.conversation_id = c.id AND p.id <> own.id AND p.is_own = 0" \
  " LEFT JOIN identities i ON i.id = p.author_id" \
  " WHERE r.campaign_id = ?1 AND r.instrument = 'variant_posts' AND rp.variant_id = ?2" \
  " ORDER BY p.like_count DESC, p.created_at DESC, p.id DESC"

static GPtrArray *
list_replies (sqlite3             *db,
              gint64               campaign_id,
              gint64               variant_id,
              guint                limit,
              ChorusSentimentMix  *mix,
              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  ChorusSentimentMix counts = { 0, };
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, REPLIES_SQL, campaign_id, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 2, variant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ChorusPost) post = _chorus_store_read_post (stmt);
      ChorusSentiment sentiment;

      if (sqlite3_column_type (stmt, 21) != SQLITE_NULL)
        sentiment = sqlite3_column_int (stmt, 21);
      else
        sentiment = chorus_sentiment_classify (chorus_post_get_text (post), chorus_post_get_language (post));
      counts.positive += sentiment == CHORUS_SENTIMENT_POSITIVE;
      counts.negative += sentiment == CHORUS_SENTIMENT_NEGATIVE;
      counts.neutral += sentiment != CHORUS_SENTIMENT_POSITIVE && sentiment != CHORUS_SENTIMENT_NEGATIVE;
      if (replies->len < limit)
        g_ptr_array_add (replies, g_steal_pointer (&post));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "variant replies");
      return NULL;
    }

  if (mix != NULL)
    *mix = counts;
  return g_steal_pointer (&replies);
}

/**
 * chorus_store_list_variant_replies:
 * @self: a #ChorusStore
 * @campaign_id: a campaign
 * @variant_id: one of its variants
 * @limit: how many replies to return at most
 * @mix_out: (out) (optional): the sentiment of all the replies, not only those returned
 * @error: a location for a #GError
 *
 * The replies to @variant_id's posts from every variant posts run of the
 * campaign, most liked first, then newest: the campaign page shows them
 * side by side, variant by variant. Blocking.
 *
 * Returns: (transfer container) (element-type ChorusPost): the replies,
 *   or %NULL with @error set
 */
GPtrArray *
chorus_store_list_variant_replies (ChorusStore         *self,
                                   gint64               campaign_id,
                                   gint64               variant_id,
                                   guint                limit,
                                   ChorusSentimentMix  *mix_out,
                                   GError             **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  return list_replies (connection->db, campaign_id, variant_id, limit, mix_out, error);
}

typedef struct
{
  gint64              campaign_id;
  gint64              variant_id;
  guint               limit;
  ChorusSentimentMix  mix;
} ListReplies;

static void
list_replies_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ListReplies *list = task_data;
  GError *error = NULL;
  GPtrArray *replies = chorus_store_list_variant_replies (source_object, list->campaign_id, list->variant_id,
                                                          list->limit, &list->mix, &error);

  if (replies == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, replies, (GDestroyNotify) g_ptr_array_unref);
}

void
chorus_store_list_variant_replies_async (ChorusStore         *self,
                                         gint64               campaign_id,
                                         gint64               variant_id,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListReplies *list = g_new0 (ListReplies, 1);

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  list->campaign_id = campaign_id;
  list->variant_id = variant_id;
  list->limit = limit;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_list_variant_replies_async);
  g_task_set_task_data (task, list, g_free);
  g_task_run_in_thread (task, list_replies_worker);
}

/**
 * chorus_store_list_variant_replies_finish:
 * @mix_out: (out) (optional): the sentiment of all the replies
 *
 * Returns: (transfer container) (element-type ChorusPost): the replies,
 *   or %NULL with @error set
 */
GPtrArray *
chorus_store_list_variant_replies_finish (ChorusStore         *self,
                                          GAsyncResult        *result,
                                          ChorusSentimentMix  *mix_out,
                                          GError             **error)
{
  ListReplies *list;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  list = g_task_get_task_data (G_TASK (result));
  if (mix_out != NULL)
    *mix_out = list->mix;
  return g_task_propagate_pointer (G_TASK (result), error);
}
