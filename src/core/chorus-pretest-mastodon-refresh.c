/* chorus-pretest-mastodon-refresh.c
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
#include "chorus-mastodon-parse.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-observe-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The votes of Mastodon polls, read during a sync of their account: for
 * each running run with a poll on the server, GET /api/v1/polls/:id, then
 * one transaction that writes a snapshot as chorus-pretest-observe.c
 * describes; the run closes when the poll has ended or was deleted (its
 * observations stay). A failed read stops the refresh and
 * changes nothing; the sync reports it. */

typedef struct
{
  gint64  id;
  char   *remote_id;
} Run;

typedef struct
{
  ChorusStore  *store;
  ChorusHttp   *http;
  gint64        source_id;
  char         *base;         /* without a trailing slash */
  GStrv         headers;
  GArray       *runs;         /* Run */
  guint         next;
  guint         refreshed;
} Refresh;

static void
run_clear (Run *run)
{
  g_free (run->remote_id);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->store);
  g_clear_object (&refresh->http);
  g_free (refresh->base);
  g_strfreev (refresh->headers);
  g_clear_pointer (&refresh->runs, g_array_unref);
  g_free (refresh);
}

/* What one answer says, for apply_write (). */
typedef struct
{
  gint64              run_id;
  const char         *host;
  const char         *url;
  ChorusIncomingPoll *poll;       /* NULL when the poll is gone */
  gboolean            expired;
} Answer;

static gint64
apply_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  Answer *answer = data;
  g_autofree char *notice = NULL;
  gboolean hidden = FALSE;

  if (answer->poll == NULL)
    /* Translators: %s is a Mastodon server's host. */
    notice = g_strdup_printf (_("The poll was deleted from %s: the counts are the last ones Chorus read."),
                              answer->host);
  else if (answer->poll->options->len == 0)
    notice = g_strdup (_("The server’s answer lists no options for this poll: Chorus kept the counts it had."));
  else
    {
      if (!_chorus_pretest_write_votes (db, answer->run_id, answer->url, answer->poll, &hidden, error))
        return 0;
      if (hidden)
        notice = g_strdup (_("This poll hides its results until it ends: Chorus will read the votes then."));
    }

  if (!_chorus_pretest_update_run (db, answer->run_id, answer->poll == NULL || answer->expired,
                                   answer->poll == NULL, notice, error))
    return 0;

  return answer->run_id;
}

static void
apply_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Answer *answer = task_data;
  GError *error = NULL;

  if (_chorus_store_write (source_object, apply_write, answer, &error) == 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
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
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  refresh->refreshed++;
  refresh_next (task);
}

static void
answer_free (Answer *answer)
{
  g_clear_pointer (&answer->poll, chorus_incoming_poll_free);
  g_free ((char *) answer->host);
  g_free ((char *) answer->url);
  g_free (answer);
}

/* Whether @body is a poll, and whether it has ended. */
static ChorusIncomingPoll *
parse_answer (const char  *body,
              gsize        length,
              gboolean    *expired,
              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  JsonObject *object;

  if (!(root = _chorus_json_load (body, (gssize) length, error)) ||
      !(poll = chorus_mastodon_parse_poll (body, (gssize) length, error)))
    return NULL;

  object = _chorus_json_object (root);
  *expired = _chorus_json_get_bool (object, "expired") ||
             (poll->expires_at > 0 && poll->expires_at <= g_get_real_time () / G_USEC_PER_SEC);
  return g_steal_pointer (&poll);
}

static void
on_poll_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  Run *run = &g_array_index (refresh->runs, Run, refresh->next - 1);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GTask) apply = NULL;
  g_autofree char *host = chorus_http_dup_host (refresh->base);
  GError *error = NULL;
  Answer *answer;
  const char *body;
  gsize length;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  answer = g_new0 (Answer, 1);
  answer->run_id = run->id;
  answer->host = g_steal_pointer (&host);
  answer->url = g_strdup_printf ("%s/api/v1/polls/%s", refresh->base, run->remote_id);

  if (response->status == 200)
    {
      body = chorus_http_response_get_body (response, &length);
      if (!(answer->poll = parse_answer (body != NULL ? body : "", length, &answer->expired, &error)))
        {
          g_prefix_error (&error, _("%s sent a poll Chorus cannot read: "), answer->host);
          answer_free (answer);
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
    }
  else if (response->status != 404)
    {
      if (response->status == 401 || response->status == 403)
        g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                                 _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."),
                                 answer->host);
      else
        /* Translators: %s is a server, %u an HTTP status code. */
        g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                 _("%s did not share the votes of a pre-test poll (HTTP %u)."),
                                 answer->host, response->status);
      answer_free (answer);
      g_object_unref (task);
      return;
    }

  apply = g_task_new (refresh->store, g_task_get_cancellable (task), on_applied_cb, task);
  g_task_set_source_tag (apply, on_poll_read_cb);
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
  Run *run;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (refresh->next >= refresh->runs->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  run = &g_array_index (refresh->runs, Run, refresh->next++);
  escaped = g_uri_escape_string (run->remote_id, NULL, FALSE);
  url = g_strdup_printf ("%s/api/v1/polls/%s", refresh->base, escaped);
  chorus_http_get_async (refresh->http, url, (const char * const *) refresh->headers,
                         g_task_get_cancellable (task), on_poll_read_cb, task);
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

  if (!(stmt = _chorus_sql_prepare_with_id (connection->db, "SELECT id, remote_id FROM pretest_runs"
                                            " WHERE source_id = ?1 AND instrument = 'mastodon_poll'"
                                            "  AND state = 'running' AND remote_id IS NOT NULL ORDER BY id",
                                            refresh->source_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Run run = { sqlite3_column_int64 (stmt, 0), _chorus_sql_dup_text (stmt, 1) };

      g_array_append_val (refresh->runs, run);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (&error, connection->db, "poll runs");
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
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  refresh_next (task);
}

/**
 * chorus_mastodon_refresh_polls_async:
 * @store: the workspace
 * @http: the HTTP client
 * @source_id: a Mastodon source
 * @server_url: its server
 * @headers: (nullable) (array zero-terminated=1): request headers (the
 *   sign-in), as name, value pairs
 * @cancellable: (nullable): stops between polls
 * @callback: called when every poll was read, or one read failed
 * @user_data: data for @callback
 *
 * Reads the votes of every running Mastodon poll run of @source_id that
 * the outbox has posted, as described at the top of this file. Each
 * poll's changes are one transaction; a failed read leaves that run as it
 * was and stops.
 */
void
chorus_mastodon_refresh_polls_async (ChorusStore         *store,
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
  refresh->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (refresh->runs, (GDestroyNotify) run_clear);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_mastodon_refresh_polls_async);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  list = g_task_new (store, cancellable, on_listed_cb, task);
  g_task_set_task_data (list, refresh, NULL);
  g_task_run_in_thread (list, list_worker);
}

/**
 * chorus_mastodon_refresh_polls_finish:
 * @result: the result
 * @n_refreshed: (out) (optional): how many runs were read
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_mastodon_refresh_polls_finish (GAsyncResult  *result,
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
