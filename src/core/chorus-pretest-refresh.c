/* chorus-pretest-refresh.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-incoming.h"
#include "chorus-pretest-refresh-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The driver of every pre-test refresh that a sync runs (Mastodon polls,
 * Discourse polls, variant posts on Mastodon and Bluesky): it lists the
 * account's running items in a worker, then reads them from the network
 * a batch at a time through the instrument's reader, and writes each
 * batch in a worker: first the posts the reader found (replies), through
 * the ingest every sync uses, then what it read, in one transaction. A
 * failed read or write stops the refresh, leaving the batch as it was and
 * those before it written; cancelling stops it between requests. */

static void
refresh_free (ChorusPretestRefresh *refresh)
{
  g_clear_object (&refresh->store);
  g_clear_object (&refresh->http);
  g_free (refresh->base);
  g_free (refresh->where);
  for (guint i = 0; refresh->headers != NULL && refresh->headers[i] != NULL; i++)
    explicit_bzero (refresh->headers[i], strlen (refresh->headers[i]));
  g_strfreev (refresh->headers);
  g_clear_pointer (&refresh->items, g_array_unref);
  g_clear_pointer (&refresh->posts, g_ptr_array_unref);
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

static gint64
apply_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  ChorusPretestRefresh *refresh = data;

  return refresh->ops.write (refresh, db, error) ? 1 : 0;
}

static void
apply_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ChorusPretestRefresh *refresh = task_data;
  ChorusIngestResult ingested = { 0, };
  GError *error = NULL;

  if (refresh->posts->len > 0 &&
      !chorus_store_ingest (refresh->store, refresh->source_id, refresh->posts, &ingested, &error))
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

/* The items were listed, or a batch written: on to the next batch. */
static void
on_stored_cb (GObject      *object,
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
 * _chorus_pretest_refresh_read_done:
 * @task: the refresh
 * @error: (transfer full) (nullable): why the batch could not be read
 *
 * Ends a reader's batch: it is written, and the next one read, or the
 * refresh stops with @error.
 */
void
_chorus_pretest_refresh_read_done (GTask  *task,
                                   GError *error)
{
  g_autoptr(GTask) apply = NULL;

  if (error != NULL)
    {
      return_error (task, error);
      return;
    }

  apply = g_task_new (NULL, g_task_get_cancellable (task), on_stored_cb, task);
  g_task_set_source_tag (apply, _chorus_pretest_refresh_read_done);
  g_task_set_task_data (apply, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (apply, apply_worker);
}

static void
read_next (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_error (task, error);
      return;
    }

  refresh->first += refresh->n;
  if (refresh->first >= refresh->items->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  refresh->n = MIN (refresh->ops.batch, refresh->items->len - refresh->first);
  refresh->step = 0;
  g_ptr_array_set_size (refresh->posts, 0);
  refresh->ops.read (task);
}

/* The @index-th item of the batch being read. */
gpointer
_chorus_pretest_refresh_get_item (ChorusPretestRefresh *refresh,
                                  guint                 index)
{
  g_return_val_if_fail (index < refresh->n, NULL);

  return refresh->items->data + (gsize) (refresh->first + index) * refresh->ops.item_size;
}

/* The server's @path, then @id (escaped), then @suffix (or nothing). */
char *
_chorus_pretest_refresh_dup_url (ChorusPretestRefresh *refresh,
                                 const char           *path,
                                 const char           *id,
                                 const char           *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat (refresh->base, path, escaped, suffix, NULL);
}

/* GETs @url, signed in, for the refresh @task. */
void
_chorus_pretest_refresh_get (GTask               *task,
                             const char          *url,
                             GAsyncReadyCallback  callback)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);

  chorus_http_get_async (refresh->http, url, (const char * const *) refresh->headers,
                         g_task_get_cancellable (task), callback, task);
}

/* Listing */

gboolean
_chorus_pretest_refresh_list_runs (ChorusPretestRefresh  *refresh,
                                   sqlite3               *db,
                                   const char            *instrument,
                                   GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT id, remote_id FROM pretest_runs"
                                            " WHERE source_id = ?1 AND instrument = ?2"
                                            "  AND state = 'running' AND remote_id IS NOT NULL ORDER BY id",
                                            refresh->source_id, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 2, instrument, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint index = refresh->items->len;
      ChorusPretestRunRef *run;

      g_array_set_size (refresh->items, index + 1);
      run = (ChorusPretestRunRef *) (gpointer) (refresh->items->data + (gsize) index * refresh->ops.item_size);
      run->id = sqlite3_column_int64 (stmt, 0);
      run->remote_id = _chorus_sql_dup_text (stmt, 1);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "pre-test runs");
      return FALSE;
    }

  return TRUE;
}

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ChorusPretestRefresh *refresh = task_data;
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (refresh->store);
  GError *error = NULL;

  if (!refresh->ops.list (refresh, connection->db, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * _chorus_pretest_refresh_start:
 * @server_url: where the reader asks
 * @where: (nullable): names the server in messages: its network, or %NULL
 *   for @server_url's host
 * @headers: (nullable) (array zero-terminated=1): the sign-in, as name,
 *   value pairs
 * @ops: the instrument's items, reader and writer
 * @source_tag: the public function that starts the refresh
 *
 * Refreshes what @source_id has running, as described at the top of this
 * file.
 */
void
_chorus_pretest_refresh_start (ChorusStore                    *store,
                               ChorusHttp                     *http,
                               gint64                          source_id,
                               const char                     *server_url,
                               const char                     *where,
                               const char * const             *headers,
                               const ChorusPretestRefreshOps  *ops,
                               gpointer                        source_tag,
                               GCancellable                   *cancellable,
                               GAsyncReadyCallback             callback,
                               gpointer                        user_data)
{
  ChorusPretestRefresh *refresh = g_new0 (ChorusPretestRefresh, 1);
  g_autoptr(GTask) list = NULL;
  GTask *task;

  refresh->store = g_object_ref (store);
  refresh->http = g_object_ref (http);
  refresh->source_id = source_id;
  refresh->base = g_strstrip (g_strdup (server_url));
  for (gsize length = strlen (refresh->base); length > 0 && refresh->base[length - 1] == '/'; length--)
    refresh->base[length - 1] = '\0';
  refresh->where = where != NULL ? g_strdup (where) : chorus_http_dup_host (server_url);
  refresh->headers = g_strdupv ((char **) headers);
  refresh->ops = *ops;
  refresh->ops.batch = MAX (ops->batch, 1);
  refresh->items = g_array_new (FALSE, TRUE, ops->item_size);
  g_array_set_clear_func (refresh->items, ops->item_clear);
  refresh->posts = chorus_incoming_post_array_new ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  list = g_task_new (NULL, cancellable, on_stored_cb, task);
  g_task_set_task_data (list, refresh, NULL);
  g_task_run_in_thread (list, list_worker);
}

/**
 * _chorus_pretest_refresh_finish:
 * @n_refreshed: (out) (optional): how many items were refreshed
 * @ingested: (out) (optional): what storing the posts found did
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_pretest_refresh_finish (GAsyncResult        *result,
                                gpointer             source_tag,
                                guint               *n_refreshed,
                                ChorusIngestResult  *ingested,
                                GError             **error)
{
  ChorusPretestRefresh *refresh;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  refresh = g_task_get_task_data (G_TASK (result));
  if (n_refreshed != NULL)
    *n_refreshed = refresh->refreshed;
  if (ingested != NULL)
    *ingested = refresh->ingested;

  return g_task_propagate_boolean (G_TASK (result), error);
}
