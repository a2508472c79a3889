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
#include "chorus-pretest-refresh-private.h"
#include "chorus-secrets.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The votes of Discourse polls, read during a sync of their forum by the
 * pre-test refresh driver (chorus-pretest-refresh.c): for each running
 * run whose post the outbox made, GET /posts/:id.json and the poll named
 * "poll" in it; when the poll is public, who voted for each option too
 * (GET /polls/voters.json, page by page). Then one transaction writes a
 * snapshot as chorus-pretest-observe.c describes, adds the voters not
 * seen before, and closes the run when the poll is closed or gone. Any
 * failed read (an error status, an answer that is not JSON, a dropped
 * connection) stops the refresh before anything of that run is written;
 * the sync reports it. */

#define POLL_NAME         "poll"
#define VOTERS_PER_PAGE   50
#define MAX_VOTER_PAGES   20

typedef struct
{
  guint  position;
  char  *username;
} Voter;

/* A run, and what reading its poll found. */
typedef struct
{
  ChorusPretestRunRef ref;

  ChorusIncomingPoll *poll;       /* NULL when the post or its poll is gone */
  gboolean            closed;
  gboolean            staff_only;
  gboolean            public;
  GPtrArray          *option_ids; /* char *, by index */
  GArray             *voters;     /* Voter */
  guint               option;     /* whose voters are being read */
  guint               page;
} Run;

static void
voter_clear (Voter *voter)
{
  g_free (voter->username);
}

static void
run_clear (Run *run)
{
  g_free (run->ref.remote_id);
  g_clear_pointer (&run->poll, chorus_incoming_poll_free);
  g_clear_pointer (&run->option_ids, g_ptr_array_unref);
  g_clear_pointer (&run->voters, g_array_unref);
}

static char *
dup_post_url (ChorusPretestRefresh *refresh,
              Run                  *run)
{
  return _chorus_pretest_refresh_dup_url (refresh, "/posts/", run->ref.remote_id, ".json");
}

/* Writing */

static gboolean
insert_voters (sqlite3  *db,
               Run      *run,
               gint64    now,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (run->voters->len == 0)
    return TRUE;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT OR IGNORE INTO run_voters (run_id, variant_id, username,"
                                    "  first_seen_at)"
                                    " SELECT run_id, variant_id, ?3, ?4 FROM run_posts"
                                    " WHERE run_id = ?1 AND position = ?2", error)))
    return FALSE;

  for (guint i = 0; i < run->voters->len; i++)
    {
      Voter *voter = &g_array_index (run->voters, Voter, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, run->ref.id);
      sqlite3_bind_int (stmt, 2, (int) voter->position);
      sqlite3_bind_text (stmt, 3, voter->username, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!_chorus_sql_step_done (db, stmt, "run voter", error))
        return FALSE;
    }

  return TRUE;
}

static char *
dup_notice (Run        *run,
            const char *host,
            gboolean    hidden)
{
  if (run->poll == NULL)
    /* Translators: %s is a forum's host. */
    return g_strdup_printf (_("The poll was deleted from %s: the counts are the last ones Chorus read."), host);
  if (run->poll->options->len == 0)
    return g_strdup (_("The server’s answer lists no options for this poll: Chorus kept the counts it had."));
  if (hidden && run->staff_only)
    return g_strdup (_("This poll shows its results to the forum’s staff only: Chorus cannot read its votes."));
  if (hidden)
    return g_strdup (_("This poll hides its results until it ends: Chorus will read the votes then."));
  if (run->closed)
    /* Translators: %s is a forum's host. */
    return g_strdup_printf (_("The poll was closed on %s: these are its final counts."), host);
  return NULL;
}

static gboolean
write_run (ChorusPretestRefresh  *refresh,
           sqlite3               *db,
           GError               **error)
{
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autofree char *url = dup_post_url (refresh, run);
  g_autofree char *notice = NULL;
  gboolean hidden = FALSE;

  if (run->poll != NULL && run->poll->options->len > 0 &&
      (!_chorus_pretest_write_votes (db, run->ref.id, url, run->poll, &hidden, error) ||
       !insert_voters (db, run, g_get_real_time () / G_USEC_PER_SEC, error)))
    return FALSE;

  notice = dup_notice (run, refresh->where, hidden);
  if (!_chorus_pretest_update_run (db, run->ref.id, run->poll == NULL || run->closed, run->poll == NULL, notice, error))
    return FALSE;

  refresh->refreshed++;
  return TRUE;
}

/* Reading */

static GError *
new_read_error (ChorusPretestRefresh *refresh,
                ChorusHttpResponse   *response)
{
  if (response->status == 401 || response->status == 403)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        /* Translators: %s is a forum's host. */
                        _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."), refresh->where);

  /* Translators: %s is a server, %u an HTTP status code. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s did not share the votes of a pre-test poll (HTTP %u)."),
                      refresh->where, response->status);
}

/* The answer's JSON, or NULL with @error set in words. */
static JsonNode *
load_answer (ChorusPretestRefresh  *refresh,
             ChorusHttpResponse    *response,
             GError               **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  JsonNode *root;

  if (!(root = _chorus_json_load (body != NULL ? body : "", (gssize) length, error)))
    /* Translators: %s is a forum's host; what went wrong follows. */
    g_prefix_error (error, _("%s sent a poll Chorus cannot read: "), refresh->where);

  return root;
}

static void read_voters (GTask *task);

/* Which options' voters are left to read, from run->option on. */
static void
next_option (GTask *task)
{
  Run *run = _chorus_pretest_refresh_get_item (g_task_get_task_data (task), 0);

  for (; run->option < run->option_ids->len; run->option++)
    {
      ChorusIncomingPollOption *option = run->option < run->poll->options->len
                                         ? g_ptr_array_index (run->poll->options, run->option) : NULL;

      if (option != NULL && option->votes > 0 && g_ptr_array_index (run->option_ids, run->option) != NULL)
        {
          run->page = 1;
          read_voters (task);
          return;
        }
    }

  _chorus_pretest_refresh_read_done (task, NULL);
}

static void
on_voters_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  const char *option_id = g_ptr_array_index (run->option_ids, run->option);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  JsonArray *voters;
  guint n;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  if (response->status != 200)
    {
      _chorus_pretest_refresh_read_done (task, new_read_error (refresh, response));
      return;
    }

  if (!(root = load_answer (refresh, response, &error)))
    {
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  voters = _chorus_json_get_array (_chorus_json_get_object (_chorus_json_object (root), "voters"), option_id);
  n = _chorus_json_array_length (voters);
  for (guint i = 0; i < n; i++)
    {
      const char *username = _chorus_json_get_string (_chorus_json_array_object (voters, i), "username");
      Voter voter = { run->option, NULL };

      if (username == NULL || *username == '\0')
        continue;
      voter.username = g_strdup (username);
      g_array_append_val (run->voters, voter);
    }

  if (n >= VOTERS_PER_PAGE && run->page < MAX_VOTER_PAGES)
    {
      run->page++;
      read_voters (task);
      return;
    }

  run->option++;
  next_option (task);
}

static void
read_voters (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autofree char *post = g_uri_escape_string (run->ref.remote_id, NULL, FALSE);
  g_autofree char *option = g_uri_escape_string (g_ptr_array_index (run->option_ids, run->option), NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/polls/voters.json?post_id=%s&poll_name=" POLL_NAME
                                          "&option_id=%s&page=%u&limit=%u", refresh->base, post, option,
                                          run->page, VOTERS_PER_PAGE);

  _chorus_pretest_refresh_get (task, url, on_voters_read_cb);
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
read_post (Run         *run,
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
  if (!(run->poll = chorus_discourse_parse_poll (json, -1, error)))
    return FALSE;

  run->closed = g_strcmp0 (_chorus_json_get_string (poll, "status"), "closed") == 0 ||
                (run->poll->expires_at > 0 && run->poll->expires_at <= g_get_real_time () / G_USEC_PER_SEC);
  run->staff_only = g_strcmp0 (_chorus_json_get_string (poll, "results"), "staff_only") == 0;
  run->public = _chorus_json_get_bool (poll, "public");
  for (guint i = 0; i < _chorus_json_array_length (options); i++)
    g_ptr_array_add (run->option_ids,
                     g_strdup (_chorus_json_get_string (_chorus_json_array_object (options, i), "id")));

  return TRUE;
}

static void
on_post_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  if (response->status != 200 && response->status != 404)
    {
      _chorus_pretest_refresh_read_done (task, new_read_error (refresh, response));
      return;
    }

  if (response->status == 200 &&
      (!(root = load_answer (refresh, response, &error)) || !read_post (run, _chorus_json_object (root), &error)))
    {
      if (root != NULL)
        g_prefix_error (&error, _("%s sent a poll Chorus cannot read: "), refresh->where);
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  run->option = 0;
  if (run->poll != NULL && run->public)
    next_option (task);
  else
    _chorus_pretest_refresh_read_done (task, NULL);
}

static void
read_run (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autofree char *url = dup_post_url (refresh, run);

  run->option_ids = g_ptr_array_new_with_free_func (g_free);
  run->voters = g_array_new (FALSE, TRUE, sizeof (Voter));
  g_array_set_clear_func (run->voters, (GDestroyNotify) voter_clear);
  _chorus_pretest_refresh_get (task, url, on_post_read_cb);
}

static gboolean
list_runs (ChorusPretestRefresh  *refresh,
           sqlite3               *db,
           GError               **error)
{
  return _chorus_pretest_refresh_list_runs (refresh, db, "discourse_poll", error);
}

static const ChorusPretestRefreshOps poll_ops = {
  sizeof (Run), (GDestroyNotify) run_clear, 1, list_runs, read_run, write_run,
};

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
  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (forum_url != NULL);

  _chorus_pretest_refresh_start (store, http, source_id, forum_url, NULL, headers, &poll_ops,
                                 chorus_discourse_refresh_polls_async, cancellable, callback, user_data);
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
  return _chorus_pretest_refresh_finish (result, chorus_discourse_refresh_polls_async, n_refreshed, NULL, error);
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
