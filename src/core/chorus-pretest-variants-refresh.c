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
#include "chorus-pretest-variants.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The counts of variant posts, read during a sync of their Mastodon
 * account: for each sent post of a running run, GET /api/v1/statuses/:id,
 * then one transaction that writes its favourites, boosts and replies as
 * "likes", "reposts" and "replies" snapshots (only those that moved, see
 * _chorus_pretest_observe()) and tells the run when it was last read. A
 * deleted post (404) keeps its last counts and gets a notice. Any other
 * failure (5xx, 429, an answer that is not a status, a dropped
 * connection) stops the refresh and changes nothing; the sync reports it. */

typedef struct
{
  gint64  run_id;
  gint64  variant_id;
  char   *remote_id;
} Post;

typedef struct
{
  ChorusStore  *store;
  ChorusHttp   *http;
  gint64        source_id;
  char         *base;         /* without a trailing slash */
  GStrv         headers;
  GArray       *posts;        /* Post */
  guint         next;
  guint         refreshed;
} Refresh;

/* What one answer says, for apply_write (). */
typedef struct
{
  gint64  source_id;
  Post   *post;
  char   *notice;             /* the post is gone, or NULL */
  gint64  counts[3];          /* likes, reposts, replies */
} Answer;

static const char * const metrics[] = { "likes", "reposts", "replies" };
static const char * const members[] = { "favourites_count", "reblogs_count", "replies_count" };

static void
post_clear (Post *post)
{
  g_free (post->remote_id);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->store);
  g_clear_object (&refresh->http);
  g_free (refresh->base);
  g_strfreev (refresh->headers);
  g_clear_pointer (&refresh->posts, g_array_unref);
  g_free (refresh);
}

static void
answer_free (Answer *answer)
{
  g_free (answer->notice);
  g_free (answer);
}

static gint64
apply_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  Answer *answer = data;
  g_autoptr(sqlite3_stmt) run = NULL;
  g_autoptr(sqlite3_stmt) post = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; answer->notice == NULL && i < G_N_ELEMENTS (metrics); i++)
    if (!_chorus_pretest_observe (db, answer->post->run_id, answer->post->variant_id, answer->source_id,
                                  metrics[i], answer->counts[i], now, error))
      return 0;

  if (!(run = _chorus_sql_prepare_with_id (db, "UPDATE pretest_runs SET last_refreshed_at = ?2 WHERE id = ?1",
                                           answer->post->run_id, error)) ||
      !(post = _chorus_sql_prepare_with_id (db, "UPDATE run_posts SET notice = ?3"
                                            " WHERE run_id = ?1 AND variant_id = ?4 AND source_id = ?2",
                                            answer->post->run_id, error)))
    return 0;

  sqlite3_bind_int64 (run, 2, now);
  sqlite3_bind_int64 (post, 2, answer->source_id);
  sqlite3_bind_text (post, 3, answer->notice, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (post, 4, answer->post->variant_id);
  if (!_chorus_sql_step_done (db, run, "variant posts run", error) ||
      !_chorus_sql_step_done (db, post, "variant post", error))
    return 0;

  return answer->post->run_id;
}

static void
apply_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (_chorus_store_write (source_object, apply_write, task_data, &error) == 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void refresh_next (GTask *task);

static void
on_applied_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      return_error (task, error);
      return;
    }

  refresh->refreshed++;
  refresh_next (task);
}

/* The counts of a status, all three present, or FALSE. */
static gboolean
parse_counts (ChorusHttpResponse  *response,
              gint64              *counts)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = body != NULL ? _chorus_json_load (body, (gssize) length, NULL) : NULL;
  JsonObject *status = _chorus_json_object (root);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if ((counts[i] = _chorus_json_get_int (status, members[i], -1)) < 0)
      return FALSE;

  return TRUE;
}

static void
on_status_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GTask) apply = NULL;
  g_autofree char *host = chorus_http_dup_host (refresh->base);
  GError *error = NULL;
  Answer *answer;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      return_error (task, error);
      return;
    }

  answer = g_new0 (Answer, 1);
  answer->source_id = refresh->source_id;
  answer->post = &g_array_index (refresh->posts, Post, refresh->next - 1);

  if (response->status == 404)
    /* Translators: %s is a Mastodon server's host. */
    answer->notice = g_strdup_printf (_("This post was deleted from %s: the counts are the last ones Chorus "
                                        "read."), host);
  else if (response->status == 401 || response->status == 403)
    error = g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                         /* Translators: %s is a Mastodon server's host. */
                         _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."), host);
  else if (response->status != 200)
    error = g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                         /* Translators: %s is a server, %u an HTTP status code. */
                         _("%s did not share the counts of a pre-test’s post (HTTP %u)."), host, response->status);
  else if (!parse_counts (response, answer->counts))
    error = g_error_new (CHORUS_ERROR, CHORUS_ERROR_PARSE,
                         /* Translators: %s is a server. */
                         _("%s sent counts of a pre-test’s post that Chorus cannot read."), host);

  if (error != NULL)
    {
      answer_free (answer);
      return_error (task, error);
      return;
    }

  apply = g_task_new (refresh->store, g_task_get_cancellable (task), on_applied_cb, task);
  g_task_set_source_tag (apply, on_status_read_cb);
  g_task_set_task_data (apply, answer, (GDestroyNotify) answer_free);
  g_task_run_in_thread (apply, apply_worker);
}

static void
refresh_next (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;
  Post *post;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_error (task, error);
      return;
    }

  if (refresh->next >= refresh->posts->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  post = &g_array_index (refresh->posts, Post, refresh->next++);
  escaped = g_uri_escape_string (post->remote_id, NULL, FALSE);
  url = g_strdup_printf ("%s/api/v1/statuses/%s", refresh->base, escaped);
  chorus_http_get_async (refresh->http, url, (const char * const *) refresh->headers,
                         g_task_get_cancellable (task), on_status_read_cb, task);
}

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Refresh *refresh = task_data;
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
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
      Post post = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), _chorus_sql_dup_text (stmt, 2) };

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
    refresh_next (task);
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
  GTask *task;
  g_autoptr(GTask) list = NULL;
  Refresh *refresh;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL);

  refresh = g_new0 (Refresh, 1);
  refresh->store = g_object_ref (store);
  refresh->http = g_object_ref (http);
  refresh->source_id = source_id;
  refresh->base = g_strstrip (g_strdup (server_url));
  if (g_str_has_suffix (refresh->base, "/"))
    refresh->base[strlen (refresh->base) - 1] = '\0';
  refresh->headers = g_strdupv ((char **) headers);
  refresh->posts = g_array_new (FALSE, TRUE, sizeof (Post));
  g_array_set_clear_func (refresh->posts, (GDestroyNotify) post_clear);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_mastodon_refresh_variant_posts_async);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  list = g_task_new (store, cancellable, on_listed_cb, task);
  g_task_set_task_data (list, refresh, NULL);
  g_task_run_in_thread (list, list_worker);
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
  Refresh *refresh;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  refresh = g_task_get_task_data (G_TASK (result));
  if (n_refreshed != NULL)
    *n_refreshed = refresh->refreshed;

  return g_task_propagate_boolean (G_TASK (result), error);
}
