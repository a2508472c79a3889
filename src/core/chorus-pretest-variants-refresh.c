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
#include "chorus-incoming.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-private.h"
#include "chorus-pretest-variants-refresh-private.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The counts of variant posts, read during a sync of their account. The
 * account's sent posts of running runs are read in batches, as its
 * network's reader asks (one status at a time on Mastodon, see the end of
 * this file; 25 on Bluesky, see chorus-pretest-variants-bluesky.c). Each
 * batch is then one transaction: the replies the reader found go into the
 * workspace through the ingest every sync uses, and each post's likes,
 * reposts and replies become "likes", "reposts" and "replies" snapshots
 * (only those that moved, see _chorus_pretest_observe()); its run learns
 * when it was last read. A deleted post keeps its last counts and gets a
 * notice. Any other failure (an error status, 429 included, an answer
 * that cannot be read, a dropped connection) stops the refresh and leaves
 * that batch as it was; the sync reports it. */

static const char * const metrics[] = { "likes", "reposts", "replies" };

G_STATIC_ASSERT (G_N_ELEMENTS (metrics) == CHORUS_VARIANT_N_COUNTS);

static void
post_clear (ChorusVariantPost *post)
{
  g_free (post->remote_id);
}

static void
refresh_free (ChorusVariantRefresh *refresh)
{
  g_clear_object (&refresh->store);
  g_clear_object (&refresh->http);
  g_free (refresh->base);
  g_free (refresh->where);
  for (guint i = 0; refresh->headers != NULL && refresh->headers[i] != NULL; i++)
    explicit_bzero (refresh->headers[i], strlen (refresh->headers[i]));
  g_strfreev (refresh->headers);
  g_clear_pointer (&refresh->posts, g_array_unref);
  g_clear_pointer (&refresh->replies, g_ptr_array_unref);
  g_free (refresh);
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Writing a batch */

static gboolean
write_post (sqlite3               *db,
            ChorusVariantRefresh  *refresh,
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
static gint64
apply_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  ChorusVariantRefresh *refresh = data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = refresh->first; i < refresh->first + refresh->n; i++)
    {
      ChorusVariantPost *post = &g_array_index (refresh->posts, ChorusVariantPost, i);

      if ((post->read || post->gone) && !write_post (db, refresh, post, now, error))
        return 0;
    }

  return 1;
}

static void
apply_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ChorusVariantRefresh *refresh = task_data;
  ChorusIngestResult ingested = { 0, };
  GError *error = NULL;

  if (refresh->replies->len > 0 &&
      !chorus_store_ingest (refresh->store, refresh->source_id, refresh->replies, &ingested, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  refresh->ingested.inserted += ingested.inserted;
  refresh->ingested.updated += ingested.updated;
  refresh->ingested.unchanged += ingested.unchanged;

  if (_chorus_store_write (refresh->store, apply_write, refresh, &error) == 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Reading */

static void read_next (GTask *task);

static void
on_applied_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  ChorusVariantRefresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      return_error (task, error);
      return;
    }

  for (guint i = refresh->first; i < refresh->first + refresh->n; i++)
    {
      ChorusVariantPost *post = &g_array_index (refresh->posts, ChorusVariantPost, i);

      refresh->refreshed += post->read || post->gone;
    }
  read_next (task);
}

/**
 * _chorus_variant_refresh_read_done:
 * @task: the refresh
 * @error: (transfer full) (nullable): why the batch could not be read
 *
 * Ends a reader's batch: it is written, and the next one read, or the
 * refresh stops with @error.
 */
void
_chorus_variant_refresh_read_done (GTask  *task,
                                   GError *error)
{
  ChorusVariantRefresh *refresh = g_task_get_task_data (task);
  g_autoptr(GTask) apply = NULL;

  if (error != NULL)
    {
      return_error (task, error);
      return;
    }

  apply = g_task_new (NULL, g_task_get_cancellable (task), on_applied_cb, task);
  g_task_set_source_tag (apply, _chorus_variant_refresh_read_done);
  g_task_set_task_data (apply, refresh, NULL);
  g_task_run_in_thread (apply, apply_worker);
}

static void
read_next (GTask *task)
{
  ChorusVariantRefresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_error (task, error);
      return;
    }

  refresh->first += refresh->n;
  if (refresh->first >= refresh->posts->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  refresh->n = MIN (refresh->batch, refresh->posts->len - refresh->first);
  refresh->step = 0;
  g_ptr_array_set_size (refresh->replies, 0);
  refresh->read (task);
}

/* For readers */

ChorusVariantPost *
_chorus_variant_refresh_get_post (ChorusVariantRefresh *refresh,
                                  guint                 index)
{
  g_return_val_if_fail (index < refresh->n, NULL);

  return &g_array_index (refresh->posts, ChorusVariantPost, refresh->first + index);
}

/* GETs @url, signed in, for the refresh @task. */
void
_chorus_variant_refresh_get (GTask               *task,
                             const char          *url,
                             GAsyncReadyCallback  callback)
{
  ChorusVariantRefresh *refresh = g_task_get_task_data (task);

  chorus_http_get_async (refresh->http, url, (const char * const *) refresh->headers,
                         g_task_get_cancellable (task), callback, task);
}

/* Why an answer other than the reader's own (200, and its "deleted")
 * stops the refresh. */
GError *
_chorus_variant_refresh_status_error (ChorusVariantRefresh *refresh,
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
_chorus_variant_refresh_parse_error (ChorusVariantRefresh *refresh)
{
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_PARSE,
                      /* Translators: %s is a server, or "Bluesky". */
                      _("%s sent counts of a pre-test’s post that Chorus cannot read."), refresh->where);
}

/* Listing */

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ChorusVariantRefresh *refresh = task_data;
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (refresh->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (connection->db,
                                            "SELECT rp.run_id, rp.variant_id, rp.remote_id FROM run_posts rp"
                                            " JOIN pretest_runs r ON r.id = rp.run_id"
                                            " WHERE rp.source_id = ?1 AND r.instrument = 'variant_posts'"
                                            "  AND r.state = 'running' AND rp.remote_id IS NOT NULL"
                                            " ORDER BY rp.run_id, rp.position",
                                            refresh->source_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusVariantPost post = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                 _chorus_sql_dup_text (stmt, 2), FALSE, FALSE, { 0, } };

      g_array_append_val (refresh->posts, post);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (&error, connection->db, "variant posts");
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return_error (task, error);
  else
    read_next (task);
}

/**
 * _chorus_variant_refresh_start:
 * @server_url: where @read asks
 * @where: names the network in messages: a Mastodon server's host, or
 *   "Bluesky"
 * @headers: (nullable) (array zero-terminated=1): the sign-in, as name,
 *   value pairs
 * @batch: how many posts @read takes at a time
 * @read: the network's reader
 * @source_tag: the public function that starts the refresh
 *
 * Reads the counts of every sent post of @source_id's running variant
 * posts runs, as described at the top of this file.
 */
void
_chorus_variant_refresh_start (ChorusStore           *store,
                               ChorusHttp            *http,
                               gint64                 source_id,
                               const char            *server_url,
                               const char            *where,
                               const char * const    *headers,
                               guint                  batch,
                               ChorusVariantReadFunc  read,
                               gpointer               source_tag,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  ChorusVariantRefresh *refresh = g_new0 (ChorusVariantRefresh, 1);
  g_autoptr(GTask) list = NULL;
  GTask *task;

  refresh->store = g_object_ref (store);
  refresh->http = g_object_ref (http);
  refresh->source_id = source_id;
  refresh->base = g_strstrip (g_strdup (server_url));
  if (g_str_has_suffix (refresh->base, "/"))
    refresh->base[strlen (refresh->base) - 1] = '\0';
  refresh->where = g_strdup (where);
  refresh->headers = g_strdupv ((char **) headers);
  refresh->read = read;
  refresh->batch = MAX (batch, 1);
  refresh->posts = g_array_new (FALSE, TRUE, sizeof (ChorusVariantPost));
  g_array_set_clear_func (refresh->posts, (GDestroyNotify) post_clear);
  refresh->replies = chorus_incoming_post_array_new ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  list = g_task_new (NULL, cancellable, on_listed_cb, task);
  g_task_set_task_data (list, refresh, NULL);
  g_task_run_in_thread (list, list_worker);
}

/**
 * _chorus_variant_refresh_finish:
 * @n_refreshed: (out) (optional): how many posts were read, or found deleted
 * @ingested: (out) (optional): what storing their replies did
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_variant_refresh_finish (GAsyncResult        *result,
                                gpointer             source_tag,
                                guint               *n_refreshed,
                                ChorusIngestResult  *ingested,
                                GError             **error)
{
  ChorusVariantRefresh *refresh;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  refresh = g_task_get_task_data (G_TASK (result));
  if (n_refreshed != NULL)
    *n_refreshed = refresh->refreshed;
  if (ingested != NULL)
    *ingested = refresh->ingested;

  return g_task_propagate_boolean (G_TASK (result), error);
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
  ChorusVariantRefresh *refresh = g_task_get_task_data (task);
  ChorusVariantPost *post = _chorus_variant_refresh_get_post (refresh, 0);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      _chorus_variant_refresh_read_done (task, error);
      return;
    }

  if (response->status == 404)
    post->gone = TRUE;
  else if (response->status != 200)
    error = _chorus_variant_refresh_status_error (refresh, response->status);
  else if (!(post->read = parse_status_counts (response, post->counts)))
    error = _chorus_variant_refresh_parse_error (refresh);

  _chorus_variant_refresh_read_done (task, error);
}

static void
read_status (GTask *task)
{
  ChorusVariantRefresh *refresh = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (_chorus_variant_refresh_get_post (refresh, 0)->remote_id, NULL,
                                                  FALSE);
  g_autofree char *url = g_strdup_printf ("%s/api/v1/statuses/%s", refresh->base, escaped);

  _chorus_variant_refresh_get (task, url, on_status_read_cb);
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
  g_autofree char *host = NULL;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL);

  host = chorus_http_dup_host (server_url);
  _chorus_variant_refresh_start (store, http, source_id, server_url, host, headers, 1, read_status,
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
  return _chorus_variant_refresh_finish (result, chorus_mastodon_refresh_variant_posts_async, n_refreshed, NULL,
                                         error);
}
