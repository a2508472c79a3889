/* chorus-pretest-variants-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-bluesky-parse.h"
#include "chorus-incoming.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-variants-refresh-private.h"
#include "chorus-pretest-variants.h"

/* Bluesky's reader of variant posts (see chorus-pretest-variants-refresh.c
 * for what is done with what it reads), on the account's PDS, which
 * forwards app.bsky.* to the AppView:
 *
 * - Counts: app.bsky.feed.getPosts, 25 URIs at a time (the most it
 *   takes). A quote is counted as a repost: like a repost it puts the
 *   post in front of the quoter's followers, and it is not a reply (it
 *   has its own thread), so "reposts" is repostCount + quoteCount.
 * - Replies: app.bsky.feed.getPostThread with depth=1 for each post that
 *   has any, whose direct replies (MAX_REPLIES at most) are stored as the
 *   sync stores any post, in the variant post's conversation, where the
 *   campaign reads them and their sentiment.
 * - Deleted: a post getPosts leaves out is asked for with getPostThread
 *   too; a #notFoundPost there (or a NotFound error) means it was
 *   deleted. When the thread does show it (the AppView had not caught
 *   up), its counts stay as they were until the next sync. */

#define MAX_URIS      25
#define MAX_REPLIES   100
#define WHERE         "Bluesky"

static const char * const members[] = { "likeCount", "repostCount", "replyCount" };

static ChorusVariantPost *
find_post (ChorusPretestRefresh *refresh,
           const char           *uri)
{
  for (guint i = 0; uri != NULL && i < refresh->n; i++)
    {
      ChorusVariantPost *post = _chorus_pretest_refresh_get_item (refresh, i);

      if (g_strcmp0 (post->remote_id, uri) == 0)
        return post;
    }

  return NULL;
}

/* Threads */

static void read_next_thread (GTask *task);

/* Whether an error answer is XRPC's NotFound. */
static gboolean
is_not_found (ChorusHttpResponse *response)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = NULL;

  if (response->status != 400 || body == NULL)
    return FALSE;

  root = _chorus_json_load (body, (gssize) length, NULL);
  return g_strcmp0 (_chorus_json_get_string (_chorus_json_object (root), "error"), "NotFound") == 0;
}

/* Takes the replies below @post in a thread answer; FALSE when the thread
 * does not hold @post itself (a #notFoundPost). */
static gboolean
take_replies (ChorusPretestRefresh  *refresh,
              ChorusVariantPost     *post,
              ChorusHttpResponse    *response,
              GError               **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(GPtrArray) thread = NULL;
  guint first = 0;

  if (!(thread = chorus_bluesky_parse_thread (body != NULL ? body : "", (gssize) length, error)))
    return FALSE;

  /* Its parents (none, for a variant post), the post, then its replies. */
  while (first < thread->len &&
         g_strcmp0 (((ChorusIncomingPost *) g_ptr_array_index (thread, first))->uri, post->remote_id) != 0)
    first++;
  if (first == thread->len)
    return FALSE;

  g_ptr_array_remove_range (thread, 0, first + 1);
  if (thread->len > MAX_REPLIES)
    g_ptr_array_remove_range (thread, MAX_REPLIES, thread->len - MAX_REPLIES);
  g_ptr_array_extend_and_steal (refresh->posts, g_steal_pointer (&thread));

  return TRUE;
}

static void
on_thread_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  ChorusVariantPost *post = _chorus_pretest_refresh_get_item (refresh, refresh->step - 1);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;
  gboolean found;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      _chorus_pretest_refresh_read_done (task, error);
      return;
    }

  if (response->status == 200)
    found = take_replies (refresh, post, response, &error);
  else if (is_not_found (response))
    found = FALSE;
  else
    {
      _chorus_pretest_refresh_read_done (task, _chorus_variant_refresh_status_error (refresh, response->status));
      return;
    }

  if (error != NULL)
    {
      g_clear_error (&error);
      _chorus_pretest_refresh_read_done (task, _chorus_variant_refresh_parse_error (refresh));
      return;
    }

  /* Gone only when getPosts left it out too. */
  post->gone = !found && !post->read;
  read_next_thread (task);
}

static void
read_next_thread (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  ChorusVariantPost *post = NULL;

  while (refresh->step < refresh->n && post == NULL)
    {
      post = _chorus_pretest_refresh_get_item (refresh, refresh->step++);
      if (post->read && post->counts[CHORUS_VARIANT_REPLIES] == 0)
        post = NULL;
    }

  if (post == NULL)
    {
      _chorus_pretest_refresh_read_done (task, NULL);
      return;
    }

  url = _chorus_pretest_refresh_dup_url (refresh, "/xrpc/app.bsky.feed.getPostThread?uri=", post->remote_id,
                                         "&depth=1&parentHeight=0");
  _chorus_pretest_refresh_get (task, url, on_thread_read_cb);
}

/* Counts */

/* Reads a postView's counts into its post; FALSE when one is missing. */
static gboolean
read_counts (ChorusVariantPost *post,
             JsonObject        *view)
{
  gint64 quotes = _chorus_json_get_int (view, "quoteCount", 0);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if ((post->counts[i] = _chorus_json_get_int (view, members[i], -1)) < 0)
      return FALSE;

  /* Older AppViews do not count quotes. */
  post->counts[CHORUS_VARIANT_REPOSTS] += MAX (quotes, 0);
  post->read = TRUE;
  return TRUE;
}

static gboolean
parse_posts (ChorusPretestRefresh *refresh,
             ChorusHttpResponse   *response)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = body != NULL ? _chorus_json_load (body, (gssize) length, NULL) : NULL;
  JsonArray *views = _chorus_json_get_array (_chorus_json_object (root), "posts");

  if (views == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (views); i++)
    {
      JsonObject *view = _chorus_json_array_object (views, i);
      ChorusVariantPost *post = find_post (refresh, _chorus_json_get_string (view, "uri"));

      if (post != NULL && !read_counts (post, view))
        return FALSE;
    }

  return TRUE;
}

static void
on_posts_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    _chorus_pretest_refresh_read_done (task, error);
  else if (response->status != 200)
    _chorus_pretest_refresh_read_done (task, _chorus_variant_refresh_status_error (refresh, response->status));
  else if (!parse_posts (refresh, response))
    _chorus_pretest_refresh_read_done (task, _chorus_variant_refresh_parse_error (refresh));
  else
    read_next_thread (task);
}

static void
read_posts (GTask *task)
{
  ChorusPretestRefresh *refresh = g_task_get_task_data (task);
  GString *url = g_string_new (refresh->base);
  g_autofree char *address = NULL;

  g_string_append (url, "/xrpc/app.bsky.feed.getPosts");
  for (guint i = 0; i < refresh->n; i++)
    {
      ChorusVariantPost *post = _chorus_pretest_refresh_get_item (refresh, i);
      g_autofree char *escaped = g_uri_escape_string (post->remote_id, NULL, FALSE);

      g_string_append_printf (url, "%suris=%s", i == 0 ? "?" : "&", escaped);
    }

  address = g_string_free (url, FALSE);
  _chorus_pretest_refresh_get (task, address, on_posts_read_cb);
}

/**
 * chorus_bluesky_refresh_variant_posts_async:
 * @store: the workspace
 * @http: the HTTP client
 * @source_id: a Bluesky source
 * @pds_url: the account's PDS
 * @headers: (array zero-terminated=1): the session's Authorization
 *   header, as name, value pairs
 * @cancellable: (nullable): stops between requests
 * @callback: called when every post was read, or one read failed
 * @user_data: data for @callback
 *
 * Reads the counts and replies of every sent post of @source_id's running
 * variant posts runs, as described at the top of this file.
 */
void
chorus_bluesky_refresh_variant_posts_async (ChorusStore         *store,
                                            ChorusHttp          *http,
                                            gint64               source_id,
                                            const char          *pds_url,
                                            const char * const  *headers,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  ChorusPretestRefreshOps ops = _chorus_variant_refresh_ops (MAX_URIS, read_posts);

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (pds_url != NULL);

  _chorus_pretest_refresh_start (store, http, source_id, pds_url, WHERE, headers, &ops,
                                 chorus_bluesky_refresh_variant_posts_async, cancellable, callback, user_data);
}

/**
 * chorus_bluesky_refresh_variant_posts_finish:
 * @result: the result
 * @n_refreshed: (out) (optional): how many posts were read, or found deleted
 * @ingested: (out) (optional): what storing their replies did
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_bluesky_refresh_variant_posts_finish (GAsyncResult        *result,
                                             guint               *n_refreshed,
                                             ChorusIngestResult  *ingested,
                                             GError             **error)
{
  return _chorus_pretest_refresh_finish (result, chorus_bluesky_refresh_variant_posts_async, n_refreshed, ingested,
                                         error);
}
