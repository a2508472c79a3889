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
#include "chorus-pretest-refresh-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The votes of Mastodon polls, read during a sync of their account by the
 * pre-test refresh driver (chorus-pretest-refresh.c): for each running
 * run with a poll on the server, GET /api/v1/polls/:id, then one
 * transaction that writes a snapshot as chorus-pretest-observe.c
 * describes; the run closes when the poll has ended or was deleted (its
 * observations stay). A failed read stops the refresh and changes
 * nothing; the sync reports it. */

/* A run, and what reading its poll found. */
typedef struct
{
  ChorusPretestRunRef ref;
  ChorusIncomingPoll *poll;       /* NULL when the poll is gone */
  gboolean            expired;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->ref.remote_id);
  g_clear_pointer (&run->poll, chorus_incoming_poll_free);
}

static char *
dup_poll_url (ChorusPretestRefresh *refresh,
              Run                  *run)
{
  return _chorus_pretest_refresh_dup_url (refresh, "/api/v1/polls/", run->ref.remote_id, NULL);
}

static gboolean
write_run (ChorusPretestRefresh  *refresh,
           sqlite3               *db,
           GError               **error)
{
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autofree char *url = dup_poll_url (refresh, run);
  g_autofree char *notice = NULL;
  gboolean hidden = FALSE;

  if (run->poll == NULL)
    /* Translators: %s is a Mastodon server's host. */
    notice = g_strdup_printf (_("The poll was deleted from %s: the counts are the last ones Chorus read."),
                              refresh->where);
  else if (run->poll->options->len == 0)
    notice = g_strdup (_("The server’s answer lists no options for this poll: Chorus kept the counts it had."));
  else
    {
      if (!_chorus_pretest_write_votes (db, run->ref.id, url, run->poll, &hidden, error))
        return FALSE;
      if (hidden)
        notice = g_strdup (_("This poll hides its results until it ends: Chorus will read the votes then."));
    }

  if (!_chorus_pretest_update_run (db, run->ref.id, run->poll == NULL || run->expired, run->poll == NULL, notice,
                                   error))
    return FALSE;

  refresh->refreshed++;
  return TRUE;
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

static GError *
new_status_error (ChorusPretestRefresh *refresh,
                  guint                 status)
{
  if (status == 401 || status == 403)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."), refresh->where);

  /* Translators: %s is a server, %u an HTTP status code. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s did not share the votes of a pre-test poll (HTTP %u)."),
                      refresh->where, status);
}

static void
on_poll_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  Run *run = _chorus_pretest_refresh_get_item (refresh, 0);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;
  const char *body;
  gsize length;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  if (response->status == 200)
    {
      body = chorus_http_response_get_body (response, &length);
      if (!(run->poll = parse_answer (body != NULL ? body : "", length, &run->expired, &error)))
        g_prefix_error (&error, _("%s sent a poll Chorus cannot read: "), refresh->where);
    }
  else if (response->status != 404)
    error = new_status_error (refresh, response->status);

  _chorus_pretest_refresh_read_done (task, error);
}

static void
read_poll (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  g_autofree char *url = dup_poll_url (refresh, _chorus_pretest_refresh_get_item (refresh, 0));

  _chorus_pretest_refresh_get (task, url, on_poll_read_cb);
}

static gboolean
list_runs (ChorusPretestRefresh  *refresh,
           sqlite3               *db,
           GError               **error)
{
  return _chorus_pretest_refresh_list_runs (refresh, db, "mastodon_poll", error);
}

static const ChorusPretestRefreshOps poll_ops = {
  sizeof (Run), (GDestroyNotify) run_clear, 1, list_runs, read_poll, write_run,
};

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
  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL);

  _chorus_pretest_refresh_start (store, http, source_id, server_url, NULL, headers, &poll_ops,
                                 chorus_mastodon_refresh_polls_async, cancellable, callback, user_data);
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
  return _chorus_pretest_refresh_finish (result, chorus_mastodon_refresh_polls_async, n_refreshed, NULL, error);
}
