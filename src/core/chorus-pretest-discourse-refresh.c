/* chorus-pretest-discourse-refresh.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-discourse-parse.h"
#include "chorus-error.h"
#include "chorus-pager.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-discourse.h"
#include "chorus-pretest-observe-private.h"
#include "chorus-secrets.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The votes of Discourse polls, read during a sync of their forum: for
 * each running run whose post the outbox made, GET /posts/:id.json and
 * the poll named "poll" in it; when the poll is public, who voted for
 * each option too (GET /polls/voters.json, page by page). Then one
 * transaction writes a snapshot as chorus-pretest-observe.c describes,
 * adds the voters not seen before, and closes the run when the poll is
 * closed or gone. Any failed read (an error status, an answer that is
 * not JSON, a dropped connection) stops the refresh before anything of
 * that run is written; the sync reports it. */

#define POLL_NAME         "poll"
#define VOTERS_PER_PAGE   50
#define MAX_VOTER_PAGES   20

typedef struct
{
  gint64  id;
  char   *post_id;
} Run;

/* What one run's reads found, for apply_write (). */
typedef struct
{
  gint64              run_id;
  char               *url;
  ChorusIncomingPoll *poll;       /* NULL when the post or its poll is gone */
  gboolean            closed;
  gboolean            staff_only;
  gboolean            public;
  GPtrArray          *option_ids; /* char *, by index */
  GArray             *voters;     /* Voter */
} Answer;

typedef struct
{
  guint  position;
  char  *username;
} Voter;

typedef struct
{
  ChorusStore  *store;
  ChorusHttp   *http;
  gint64        source_id;
  char         *base;             /* without a trailing slash */
  char         *host;
  GStrv         headers;
  GArray       *runs;             /* Run */
  guint         next;
  guint         refreshed;
  Answer       *answer;           /* the run being read */
  guint         option;           /* whose voters are being read */
  guint         page;
} Refresh;

static void
run_clear (Run *run)
{
  g_free (run->post_id);
}

static void
voter_clear (Voter *voter)
{
  g_free (voter->username);
}

static void
answer_free (Answer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->url);
  g_clear_pointer (&answer->poll, chorus_incoming_poll_free);
  g_clear_pointer (&answer->option_ids, g_ptr_array_unref);
  g_clear_pointer (&answer->voters, g_array_unref);
  g_free (answer);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->store);
  g_clear_object (&refresh->http);
  g_free (refresh->base);
  g_free (refresh->host);
  g_strfreev (refresh->headers);
  g_clear_pointer (&refresh->runs, g_array_unref);
  answer_free (refresh->answer);
  g_free (refresh);
}

static void
finish (GTask  *task,
        GError *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* Writing */

static gboolean
insert_voters (sqlite3  *db,
               Answer   *answer,
               gint64    now,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (answer->voters->len == 0)
    return TRUE;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT OR IGNORE INTO run_voters (run_id, variant_id, username,"
                                    "  first_seen_at)"
                                    " SELECT run_id, variant_id, ?3, ?4 FROM run_posts"
                                    " WHERE run_id = ?1 AND position = ?2", error)))
    return FALSE;

  for (guint i = 0; i < answer->voters->len; i++)
    {
      Voter *voter = &g_array_index (answer->voters, Voter, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, answer->run_id);
      sqlite3_bind_int (stmt, 2, (int) voter->position);
      sqlite3_bind_text (stmt, 3, voter->username, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!_chorus_sql_step_done (db, stmt, "run voter", error))
        return FALSE;
    }

  return TRUE;
}

static char *
dup_notice (Answer     *answer,
            const char *host,
            gboolean    hidden)
{
  if (answer->poll == NULL)
    /* Translators: %s is a forum's host. */
    return g_strdup_printf (_("The poll was deleted from %s: the counts are the last ones Chorus read."), host);
  if (answer->poll->options->len == 0)
    return g_strdup (_("The server’s answer lists no options for this poll: Chorus kept the counts it had."));
  if (hidden && answer->staff_only)
    return g_strdup (_("This poll shows its results to the forum’s staff only: Chorus cannot read its votes."));
  if (hidden)
    return g_strdup (_("This poll hides its results until it ends: Chorus will read the votes then."));
  if (answer->closed)
    /* Translators: %s is a forum's host. */
    return g_strdup_printf (_("The poll was closed on %s: these are its final counts."), host);
  return NULL;
}

typedef struct
{
  Answer     *answer;
  const char *host;
} Apply;

static gint64
apply_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  Apply *apply = data;
  Answer *answer = apply->answer;
  g_autofree char *notice = NULL;
  gboolean hidden = FALSE;

  if (answer->poll != NULL && answer->poll->options->len > 0 &&
      (!_chorus_pretest_write_votes (db, answer->run_id, answer->url, answer->poll, &hidden, error) ||
       !insert_voters (db, answer, g_get_real_time () / G_USEC_PER_SEC, error)))
    return 0;

  notice = dup_notice (answer, apply->host, hidden);
  if (!_chorus_pretest_update_run (db, answer->run_id, answer->poll == NULL || answer->closed,
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
  Refresh *refresh = task_data;
  Apply apply = { refresh->answer, refresh->host };
  GError *error = NULL;

  if (_chorus_store_write (source_object, apply_write, &apply, &error) == 0)
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
      finish (task, error);
      return;
    }

  refresh->refreshed++;
  refresh_next (task);
}

static void
apply_answer (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GTask) apply = g_task_new (refresh->store, g_task_get_cancellable (task), on_applied_cb, task);

  g_task_set_source_tag (apply, apply_answer);
  g_task_set_task_data (apply, refresh, NULL);
  g_task_run_in_thread (apply, apply_worker);
}

/* Reading */

static GError *
new_read_error (Refresh            *refresh,
                ChorusHttpResponse *response)
{
  if (response->status == 401 || response->status == 403)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        /* Translators: %s is a forum's host. */
                        _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."), refresh->host);

  /* Translators: %s is a server, %u an HTTP status code. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s did not share the votes of a pre-test poll (HTTP %u)."),
                      refresh->host, response->status);
}

/* The answer's JSON, or NULL with @error set in words. */
static JsonNode *
load_answer (Refresh            *refresh,
             ChorusHttpResponse *response,
             GError            **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  JsonNode *root;

  if (!(root = _chorus_json_load (body != NULL ? body : "", (gssize) length, error)))
    /* Translators: %s is a forum's host; what went wrong follows. */
    g_prefix_error (error, _("%s sent a poll Chorus cannot read: "), refresh->host);

  return root;
}

static void read_voters (GTask *task);

/* Which options' voters are left to read, from refresh->option on. */
static void
next_option (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  Answer *answer = refresh->answer;

  for (; refresh->option < answer->option_ids->len; refresh->option++)
    {
      ChorusIncomingPollOption *option = refresh->option < answer->poll->options->len
                                         ? g_ptr_array_index (answer->poll->options, refresh->option) : NULL;

      if (option != NULL && option->votes > 0 && g_ptr_array_index (answer->option_ids, refresh->option) != NULL)
        {
          refresh->page = 1;
          read_voters (task);
          return;
        }
    }

  apply_answer (task);
}

static void
on_voters_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  Answer *answer = refresh->answer;
  const char *option_id = g_ptr_array_index (answer->option_ids, refresh->option);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  JsonArray *voters;
  guint n;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      finish (task, error);
      return;
    }

  if (response->status != 200)
    {
      finish (task, new_read_error (refresh, response));
      return;
    }

  if (!(root = load_answer (refresh, response, &error)))
    {
      finish (task, error);
      return;
    }

  voters = _chorus_json_get_array (_chorus_json_get_object (_chorus_json_object (root), "voters"), option_id);
  n = _chorus_json_array_length (voters);
  for (guint i = 0; i < n; i++)
    {
      const char *username = _chorus_json_get_string (_chorus_json_array_object (voters, i), "username");
      Voter voter = { refresh->option, NULL };

      if (username == NULL || *username == '\0')
        continue;
      voter.username = g_strdup (username);
      g_array_append_val (answer->voters, voter);
    }

  if (n >= VOTERS_PER_PAGE && refresh->page < MAX_VOTER_PAGES)
    {
      refresh->page++;
      read_voters (task);
      return;
    }

  refresh->option++;
  next_option (task);
}

static void
read_voters (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  Run *run = &g_array_index (refresh->runs, Run, refresh->next - 1);
  g_autofree char *post = g_uri_escape_string (run->post_id, NULL, FALSE);
  g_autofree char *option = g_uri_escape_string (g_ptr_array_index (refresh->answer->option_ids, refresh->option),
                                                 NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/polls/voters.json?post_id=%s&poll_name=" POLL_NAME
                                          "&option_id=%s&page=%u&limit=%u", refresh->base, post, option,
                                          refresh->page, VOTERS_PER_PAGE);

  chorus_http_get_async (refresh->http, url, (const char * const *) refresh->headers,
                         g_task_get_cancellable (task), on_voters_read_cb, task);
}

static JsonObject *
find_poll (JsonObject *post)
{
  JsonArray *polls = _chorus_json_get_array (post, "polls");

  for (guint i = 0; i < _chorus_json_array_length (polls); i++)
    {
      JsonObject *poll = _chorus_json_array_object (polls, i);

      if (g_strcmp0 (_chorus_json_get_string (poll, "name"), POLL_NAME) == 0)
        return poll;
    }

  return NULL;
}

/* What the post says of its poll; FALSE with @error set when the poll is
 * there but cannot be read. */
static gboolean
read_post (Answer      *answer,
           JsonObject  *post,
           GError     **error)
{
  JsonObject *poll = find_poll (post);
  JsonArray *options = _chorus_json_get_array (poll, "options");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (poll == NULL || _chorus_json_get_string (post, "deleted_at") != NULL)
    return TRUE;

  node = json_node_init_object (json_node_alloc (), poll);
  json = json_to_string (node, FALSE);
  if (!(answer->poll = chorus_discourse_parse_poll (json, -1, error)))
    return FALSE;

  answer->closed = g_strcmp0 (_chorus_json_get_string (poll, "status"), "closed") == 0 ||
                   (answer->poll->expires_at > 0 && answer->poll->expires_at <= g_get_real_time () / G_USEC_PER_SEC);
  answer->staff_only = g_strcmp0 (_chorus_json_get_string (poll, "results"), "staff_only") == 0;
  answer->public = _chorus_json_get_bool (poll, "public");
  for (guint i = 0; i < _chorus_json_array_length (options); i++)
    g_ptr_array_add (answer->option_ids,
                     g_strdup (_chorus_json_get_string (_chorus_json_array_object (options, i), "id")));

  return TRUE;
}

static void
on_post_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      finish (task, error);
      return;
    }

  if (response->status != 200 && response->status != 404)
    {
      finish (task, new_read_error (refresh, response));
      return;
    }

  if (response->status == 200 &&
      (!(root = load_answer (refresh, response, &error)) ||
       !read_post (refresh->answer, _chorus_json_object (root), &error)))
    {
      if (root != NULL)
        g_prefix_error (&error, _("%s sent a poll Chorus cannot read: "), refresh->host);
      finish (task, error);
      return;
    }

  refresh->option = 0;
  if (refresh->answer->poll != NULL && refresh->answer->public)
    next_option (task);
  else
    apply_answer (task);
}

static void
refresh_next (GTask *task)
{
  Refresh *refresh = g_task_get_task_data (task);
  g_autofree char *escaped = NULL;
  GError *error = NULL;
  Answer *answer;
  Run *run;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      refresh->next >= refresh->runs->len)
    {
      finish (task, error);
      return;
    }

  run = &g_array_index (refresh->runs, Run, refresh->next++);
  escaped = g_uri_escape_string (run->post_id, NULL, FALSE);
  answer = g_new0 (Answer, 1);
  answer->run_id = run->id;
  answer->url = g_strdup_printf ("%s/posts/%s.json", refresh->base, escaped);
  answer->option_ids = g_ptr_array_new_with_free_func (g_free);
  answer->voters = g_array_new (FALSE, TRUE, sizeof (Voter));
  g_array_set_clear_func (answer->voters, (GDestroyNotify) voter_clear);
  answer_free (refresh->answer);
  refresh->answer = answer;

  chorus_http_get_async (refresh->http, answer->url, (const char * const *) refresh->headers,
                         g_task_get_cancellable (task), on_post_read_cb, task);
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
                                            " WHERE source_id = ?1 AND instrument = 'discourse_poll'"
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
      _chorus_set_sqlite_error (&error, connection->db, "forum poll runs");
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
    finish (task, error);
  else
    refresh_next (task);
}

/**
 * chorus_discourse_refresh_polls_async:
 * @store: the workspace
 * @http: the HTTP client
 * @source_id: a Discourse source with an account
 * @forum_url: its forum
 * @headers: (nullable) (array zero-terminated=1): request headers (Api-Key
 *   and Api-Username), as name, value pairs
 * @cancellable: (nullable): stops between reads
 * @callback: called when every poll was read, or one read failed
 * @user_data: data for @callback
 *
 * Reads the votes (and the voters of public polls) of every running
 * Discourse poll run of @source_id that the outbox has posted, as
 * described at the top of this file.
 */
void
chorus_discourse_refresh_polls_async (ChorusStore         *store,
                                      ChorusHttp          *http,
                                      gint64               source_id,
                                      const char          *forum_url,
                                      const char * const  *headers,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) list = NULL;
  Refresh *refresh;
  gsize length;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (forum_url != NULL);

  refresh = g_new0 (Refresh, 1);
  refresh->store = g_object_ref (store);
  refresh->http = g_object_ref (http);
  refresh->source_id = source_id;
  refresh->base = g_strstrip (g_strdup (forum_url));
  length = strlen (refresh->base);
  while (length > 0 && refresh->base[length - 1] == '/')
    refresh->base[--length] = '\0';
  refresh->host = chorus_http_dup_host (refresh->base);
  refresh->headers = g_strdupv ((char **) headers);
  refresh->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (refresh->runs, (GDestroyNotify) run_clear);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_discourse_refresh_polls_async);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  list = g_task_new (store, cancellable, on_listed_cb, task);
  g_task_set_task_data (list, refresh, NULL);
  g_task_run_in_thread (list, list_worker);
}

/**
 * chorus_discourse_refresh_polls_finish:
 * @result: the result
 * @n_refreshed: (out) (optional): how many runs were read
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_discourse_refresh_polls_finish (GAsyncResult  *result,
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

/* A sync with a key reads the votes of its pre-test polls once the pager
 * is done (chorus-pretest-discourse-refresh.c). */
typedef struct
{
  ChorusStore        *store;
  ChorusHttp         *http;
  gint64              source_id;
  char               *base;
  GStrv               headers;      /* holds the key, wiped when freed */
  ChorusIngestResult  ingested;
} Polls;

static void
polls_free (Polls *polls)
{
  g_clear_object (&polls->store);
  g_clear_object (&polls->http);
  g_free (polls->base);
  if (polls->headers != NULL && polls->headers[0] != NULL)
    {
      chorus_secrets_free (polls->headers[1]);
      polls->headers[1] = g_strdup ("");
    }
  g_strfreev (polls->headers);
  g_free (polls);
}

static void
on_polls_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Polls *polls = g_task_get_task_data (task);
  GError *error = NULL;

  if (!chorus_discourse_refresh_polls_finish (result, NULL, &error))
    g_task_return_error (task, error);
  else
    chorus_pager_return_ingested (task, &polls->ingested);
}

static void
on_pager_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Polls *polls = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!chorus_pager_run_finish (result, &polls->ingested, &error))
    g_task_return_error (task, error);
  else
    chorus_discourse_refresh_polls_async (polls->store, polls->http, polls->source_id, polls->base,
                                          (const char * const *) polls->headers, cancellable,
                                          on_polls_done_cb, g_steal_pointer (&task));
}

/**
 * chorus_discourse_run_with_polls_async:
 * @streams: (transfer full): what the pager reads
 *
 * The forum's sync for a signed-in account: the pager reads @streams,
 * then the votes of the source's running pre-test polls are read. Finish
 * with chorus_pager_run_finish(); a failure of either is the sync's.
 */
void
chorus_discourse_run_with_polls_async (ChorusStore         *store,
                                       ChorusHttp          *http,
                                       gint64               source_id,
                                       const char          *forum_url,
                                       const char * const  *headers,
                                       GPtrArray           *streams,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Polls *polls = g_new0 (Polls, 1);

  polls->store = g_object_ref (store);
  polls->http = g_object_ref (http);
  polls->source_id = source_id;
  polls->base = g_strdup (forum_url);
  polls->headers = g_strdupv ((char **) headers);
  g_task_set_source_tag (task, chorus_discourse_run_with_polls_async);
  g_task_set_task_data (task, polls, (GDestroyNotify) polls_free);
  chorus_pager_run_async (store, http, source_id, forum_url, headers, streams, cancellable, on_pager_done_cb,
                          task);
}
