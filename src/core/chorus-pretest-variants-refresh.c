/* chorus-pretest-variants-refresh.c
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
#include "chorus-pretest-private.h"
#include "chorus-pretest-variants-refresh-private.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The counts of variant posts, read during a sync of their account by the
 * pre-test refresh driver (chorus-pretest-refresh.c). The account's sent
 * posts of running runs are read in batches, as its network's reader
 * asks (one status at a time on Mastodon, see the end of this file; 25 on
 * Bluesky, see chorus-pretest-variants-bluesky.c). Each batch is then one
 * transaction: each post's likes, reposts and replies become "likes",
 * "reposts" and "replies" snapshots (only those that moved, see
 * _chorus_pretest_observe()), and its run learns when it was last read. A
 * deleted post keeps its last counts and gets a notice. Any other failure
 * (an error status, 429 included, an answer that cannot be read, a
 * dropped connection) stops the refresh and leaves that batch as it was;
 * the sync reports it. */

static const char * const metrics[] = { "likes", "reposts", "replies" };

G_STATIC_ASSERT (G_N_ELEMENTS (metrics) == CHORUS_VARIANT_N_COUNTS);

static void
post_clear (ChorusVariantPost *post)
{
  g_free (post->remote_id);
}

static gboolean
list_posts (ChorusPretestRefresh  *refresh,
            sqlite3               *db,
            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT rp.run_id, rp.variant_id, rp.remote_id FROM run_posts rp"
                                            " JOIN pretest_runs r ON r.id = rp.run_id"
                                            " WHERE rp.source_id = ?1 AND r.instrument = 'variant_posts'"
                                            "  AND r.state = 'running' AND rp.remote_id IS NOT NULL"
                                            " ORDER BY rp.run_id, rp.position",
                                            refresh->source_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusVariantPost post = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                 _chorus_sql_dup_text (stmt, 2), FALSE, FALSE, { 0, } };

      g_array_append_val (refresh->items, post);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "variant posts");
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_post (ChorusPretestRefresh  *refresh,
            sqlite3               *db,
            ChorusVariantPost     *post,
            gint64                 now,
            GError               **error)
{
  g_autoptr(sqlite3_stmt) run = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *notice = NULL;

  for (guint i = 0; post->read && i < G_N_ELEMENTS (metrics); i++)
    if (!_chorus_pretest_observe (db, post->run_id, post->variant_id, refresh->source_id, metrics[i],
                                  post->counts[i], now, error))
      return FALSE;

  if (post->gone)
    /* Translators: %s is a Mastodon server's host, or "Bluesky". */
    notice = g_strdup_printf (_("This post was deleted from %s: the counts are the last ones Chorus read."),
                              refresh->where);

  if (!(run = _chorus_sql_prepare_with_id (db, "UPDATE pretest_runs SET last_refreshed_at = ?2 WHERE id = ?1",
                                           post->run_id, error)) ||
      !(update = _chorus_sql_prepare_with_id (db, "UPDATE run_posts SET notice = ?3"
                                              " WHERE run_id = ?1 AND variant_id = ?4 AND source_id = ?2",
                                              post->run_id, error)))
    return FALSE;

  sqlite3_bind_int64 (run, 2, now);
  sqlite3_bind_int64 (update, 2, refresh->source_id);
  sqlite3_bind_text (update, 3, notice, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 4, post->variant_id);

  return _chorus_sql_step_done (db, run, "variant posts run", error) &&
         _chorus_sql_step_done (db, update, "variant post", error);
}

/* The posts of the batch that were read, or found deleted; the others
 * stay as they were. */
static gboolean
write_posts (ChorusPretestRefresh  *refresh,
             sqlite3               *db,
             GError               **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < refresh->n; i++)
    {
      ChorusVariantPost *post = _chorus_pretest_refresh_get_item (refresh, i);

      if (!post->read && !post->gone)
        continue;
      if (!write_post (refresh, db, post, now, error))
        return FALSE;
      refresh->refreshed++;
    }

  return TRUE;
}

ChorusPretestRefreshOps
_chorus_variant_refresh_ops (guint   batch,
                             void  (*read) (GTask *task))
{
  ChorusPretestRefreshOps ops = { sizeof (ChorusVariantPost), (GDestroyNotify) post_clear, batch,
                                  list_posts, read, write_posts };

  return ops;
}

/* Why an answer other than the reader's own (200, and its "deleted")
 * stops the refresh. */
GError *
_chorus_variant_refresh_status_error (ChorusPretestRefresh *refresh,
                                      guint                 status)
{
  if (status == 401 || status == 403)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        /* Translators: %s is a Mastodon server's host, or "Bluesky". */
                        _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."), refresh->where);

  if (status == 429)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                        /* Translators: %s is a Mastodon server's host, or "Bluesky". */
                        _("%s asked Chorus to slow down, so the counts of the pre-test’s posts stay as Chorus last "
                          "read them. The next sync reads them again."), refresh->where);

  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                      /* Translators: %s is a server, or "Bluesky", %u an HTTP status code. */
                      _("%s did not share the counts of a pre-test’s post (HTTP %u)."), refresh->where, status);
}

GError *
_chorus_variant_refresh_parse_error (ChorusPretestRefresh *refresh)
{
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_PARSE,
                      /* Translators: %s is a server, or "Bluesky". */
                      _("%s sent counts of a pre-test’s post that Chorus cannot read."), refresh->where);
}

/* Mastodon: GET /api/v1/statuses/:id, one post at a time; a 404 is a
 * deleted post. Replies come with the account's mentions instead. */

static const char * const mastodon_members[] = { "favourites_count", "reblogs_count", "replies_count" };

/* The counts of a status, all three present, or FALSE. */
static gboolean
parse_status_counts (ChorusHttpResponse  *response,
                     gint64              *counts)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = body != NULL ? _chorus_json_load (body, (gssize) length, NULL) : NULL;
  JsonObject *status = _chorus_json_object (root);

  for (guint i = 0; i < G_N_ELEMENTS (mastodon_members); i++)
    if ((counts[i] = _chorus_json_get_int (status, mastodon_members[i], -1)) < 0)
      return FALSE;

  return TRUE;
}

static void
on_status_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  ChorusVariantPost *post = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  if (response->status == 404)
    post->gone = TRUE;
  else if (response->status != 200)
    error = _chorus_variant_refresh_status_error (refresh, response->status);
  else if (!(post->read = parse_status_counts (response, post->counts)))
    error = _chorus_variant_refresh_parse_error (refresh);

  _chorus_pretest_refresh_read_done (task, error);
}

static void
read_status (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  ChorusVariantPost *post = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autofree char *url = _chorus_pretest_refresh_dup_url (refresh, "/api/v1/statuses/", post->remote_id, NULL);

  _chorus_pretest_refresh_get (task, url, on_status_read_cb);
}

/**
 * chorus_mastodon_refresh_variant_posts_async:
 * @store: the workspace
 * @http: the HTTP client
 * @source_id: a Mastodon source
 * @server_url: its server
 * @headers: (nullable) (array zero-terminated=1): request headers (the
 *   sign-in), as name, value pairs
 * @cancellable: (nullable): stops between posts
 * @callback: called when every post was read, or one read failed
 * @user_data: data for @callback
 *
 * Reads the counts of every sent post of @source_id's running variant
 * posts runs, as described at the top of this file.
 */
void
chorus_mastodon_refresh_variant_posts_async (ChorusStore         *store,
                                             ChorusHttp          *http,
                                             gint64               source_id,
                                             const char          *server_url,
                                             const char * const  *headers,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  ChorusPretestRefreshOps ops = _chorus_variant_refresh_ops (1, read_status);
  g_autofree char *host = NULL;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL);

  host = chorus_http_dup_host (server_url);
  _chorus_pretest_refresh_start (store, http, source_id, server_url, NULL, headers, &ops,
                                 chorus_mastodon_refresh_variant_posts_async, cancellable, callback, user_data);
}

/**
 * chorus_mastodon_refresh_variant_posts_finish:
 * @result: the result
 * @n_refreshed: (out) (optional): how many posts were read
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_mastodon_refresh_variant_posts_finish (GAsyncResult  *result,
                                              guint         *n_refreshed,
                                              GError       **error)
{
  return _chorus_pretest_refresh_finish (result, chorus_mastodon_refresh_variant_posts_async, n_refreshed, NULL,
                                         error);
}
