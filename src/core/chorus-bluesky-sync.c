/* chorus-bluesky-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-parse.h"
#include "chorus-bluesky-session.h"
#include "chorus-bluesky-sync.h"
#include "chorus-challenge-collect.h"
#include "chorus-error.h"
#include "chorus-pager.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-variants.h"

/* A Bluesky account, read through the pager: its mentions (replies and
 * quotes included) and searches for hashtags and keywords, on the
 * account's own server (PDS). Finding it and signing in is
 * chorus-bluesky-session.c's work.
 *
 * Cursors: these lists page only backwards, newest first, so a stream's
 * cursor is a high-water mark: the newest indexedAt (the AppView's clock,
 * not the author's, nor this machine's) seen so far. Each sync walks back from the newest page
 * until a page reaches posts indexed OVERLAP_SECONDS before the mark or
 * earlier (search sorts by min (createdAt, indexedAt), so a post indexed
 * just after the mark may sort a little before it), until no page is
 * left, or until MAX_PAGES were read (one on a stream's first sync, so an
 * old hashtag does not flood the inbox; a larger backlog is skipped). The
 * first sync of a challenge's hashtag searches only from the start of its
 * submissions on (searchPosts' since) and walks back until a page reaches
 * that start, or CHORUS_CHALLENGE_BACKFILL_PAGES were read. The
 * new mark is stored only with the walk's last page: a walk cut short
 * leaves the old mark, so the next sync walks again from the top, and the
 * posts read twice are recognised by their URI.
 *
 * Threads: a post record names its parent and root by at:// URI, which is
 * enough to put a reply in its conversation, but not to show what it
 * answers: for replies, getPostThread brings the posts above (and the
 * replies below) into the workspace too (see chorus-pager-threads.c).
 *
 * Once the streams are read, the counts and replies of the account's
 * variant posts are (chorus-pretest-variants-bluesky.c); a failure there
 * fails the sync like a stream's would, after the posts are stored. A
 * session that ended during either is renewed once, and that part read
 * again. */

#define PAGE_SIZE         100
#define MAX_PAGES         10
#define OVERLAP_SECONDS   (10 * 60)
#define MAX_AHEAD_SECONDS (24 * 60 * 60)
#define THREAD_DEPTH      6
#define THREAD_PARENTS    80

typedef enum
{
  STREAM_MENTIONS,
  STREAM_HASHTAG,
  STREAM_SEARCH,
} StreamKind;

typedef struct
{
  StreamKind  kind;
  char       *base;       /* the PDS, without a trailing slash */
  char       *term;       /* the hashtag or keyword */
  gint64      opens_at;   /* a challenge's hashtag: when its submissions open; else 0 */
} Stream;

typedef struct
{
  ChorusStore          *store;
  ChorusHttp           *http;
  ChorusSource         *source;
  ChorusBlueskyLogin   *login;
  GError               *failure;      /* the pager's or the refresh's, while the session is checked */
  gboolean              retried;
  gboolean              streams_read; /* then the variant posts are */
  ChorusIngestResult    ingested;
} BlueskySync;

static void
stream_free (Stream *stream)
{
  g_free (stream->base);
  g_free (stream->term);
  g_free (stream);
}

static void
bluesky_sync_free (BlueskySync *sync)
{
  g_clear_object (&sync->store);
  g_clear_object (&sync->http);
  g_clear_object (&sync->source);
  g_clear_pointer (&sync->login, chorus_bluesky_login_free);
  g_clear_error (&sync->failure);
  g_free (sync);
}

/* Streams */

static char *
stream_url (gpointer    data,
            const char *cursor,
            const char *token)
{
  Stream *stream = data;
  const char *next = token != NULL ? strchr (token, ' ') : NULL;
  GString *url = g_string_new (stream->base);

  if (stream->kind == STREAM_MENTIONS)
    g_string_append_printf (url, "/xrpc/app.bsky.notification.listNotifications?limit=%d"
                            "&reasons=mention&reasons=reply&reasons=quote", PAGE_SIZE);
  else
    {
      g_autofree char *query = g_strconcat (stream->kind == STREAM_HASHTAG ? "#" : "", stream->term, NULL);
      g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);

      g_string_append_printf (url, "/xrpc/app.bsky.feed.searchPosts?q=%s&sort=latest&limit=%d",
                              escaped, PAGE_SIZE);
      if (cursor == NULL && stream->opens_at > 0)
        {
          g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc (stream->opens_at);
          g_autofree char *formatted = g_date_time_format_iso8601 (since);
          g_autofree char *escaped_since = g_uri_escape_string (formatted, NULL, FALSE);

          g_string_append_printf (url, "&since=%s", escaped_since);
        }
    }

  if (next != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (next + 1, NULL, FALSE);

      g_string_append_printf (url, "&cursor=%s", escaped);
    }

  return g_string_free (url, FALSE);
}

/* The newest and oldest indexedAt among a page's items, leaving out times
 * too far ahead to be true. "Ahead" is measured against the server's own
 * clock, its answer's Date, so that this machine's clock, a day behind or
 * ahead, cannot hold the mark back; only without a Date is it ours.
 * Returns FALSE when none has one. */
static gboolean
scan_indexed_at (ChorusHttpResponse *response,
                 const char         *member,
                 gint64             *newest,
                 gint64             *oldest)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = _chorus_json_load (body, (gssize) length, NULL);
  JsonArray *items = _chorus_json_get_array (_chorus_json_object (root), member);
  gint64 now = response->date > 0 ? response->date : g_get_real_time () / G_USEC_PER_SEC;
  gint64 latest = now + MAX_AHEAD_SECONDS;

  *newest = 0;
  *oldest = G_MAXINT64;
  for (guint i = 0; i < _chorus_json_array_length (items); i++)
    {
      gint64 time = _chorus_parse_time (_chorus_json_get_string (_chorus_json_array_object (items, i),
                                                                 "indexedAt"));

      if (time <= 0 || time > latest)
        continue;
      *newest = MAX (*newest, time);
      *oldest = MIN (*oldest, time);
    }

  return *newest > 0;
}

/* The walk's token is "<newest indexedAt seen so far> <AppView cursor>",
 * so that its last page can store the mark. See the top of this file. */
static gboolean
stream_parse (gpointer     data,
              ChorusPage  *page,
              GError     **error)
{
  Stream *stream = data;
  gsize length;
  const char *body = chorus_http_response_get_body (page->response, &length);
  g_autofree char *next = NULL;
  gint64 mark = page->cursor != NULL ? _chorus_parse_time (page->cursor) : 0;
  gint64 seen = page->token != NULL ? g_ascii_strtoll (page->token, NULL, 10) : 0;
  gint64 newest;
  gint64 oldest;
  gboolean reached;
  gboolean backfill = mark == 0 && stream->opens_at > 0;
  guint max_pages = backfill ? CHORUS_CHALLENGE_BACKFILL_PAGES : mark > 0 ? MAX_PAGES : 1;

  if (stream->kind == STREAM_MENTIONS)
    page->posts = chorus_bluesky_parse_notifications (body, (gssize) length, &next, error);
  else
    page->posts = chorus_bluesky_parse_posts (body, (gssize) length, &next, error);
  if (page->posts == NULL)
    return FALSE;

  reached = FALSE;
  if (scan_indexed_at (page->response, stream->kind == STREAM_MENTIONS ? "notifications" : "posts",
                       &newest, &oldest))
    {
      seen = MAX (seen, newest);
      reached = backfill ? oldest < stream->opens_at : mark > 0 && oldest <= mark - OVERLAP_SECONDS;
    }

  if (backfill && next != NULL && !reached && page->index + 1 >= max_pages)
    g_debug ("The #%s search has more than %u pages since its challenge opened: older entries are skipped",
             stream->term, max_pages);

  if (next != NULL && !reached && page->index + 1 < max_pages)
    page->next_token = g_strdup_printf ("%" G_GINT64_FORMAT " %s", seen, next);
  else if (seen > mark)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seen);

      page->save_cursor = g_date_time_format_iso8601 (date);
    }

  return TRUE;
}

static char *
stream_thread_url (gpointer            data,
                   ChorusIncomingPost *post)
{
  Stream *stream = data;
  g_autofree char *escaped = NULL;

  if (post->reply_to_uri == NULL)
    return NULL;

  escaped = g_uri_escape_string (post->uri, NULL, FALSE);
  return g_strdup_printf ("%s/xrpc/app.bsky.feed.getPostThread?uri=%s&depth=%d&parentHeight=%d",
                          stream->base, escaped, THREAD_DEPTH, THREAD_PARENTS);
}

static GPtrArray *
stream_thread_parse (gpointer             data,
                     ChorusIncomingPost  *post,
                     const char          *body,
                     gsize                length,
                     GError             **error)
{
  return chorus_bluesky_parse_thread (body, (gssize) length, error);
}

static ChorusPagerStream *
new_stream (const char *base,
            StreamKind  kind,
            const char *term,
            gint64      opens_at)
{
  Stream *stream = g_new0 (Stream, 1);
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  ChorusPagerStream *pager_stream;

  stream->kind = kind;
  stream->base = g_strdup (base);
  stream->term = g_strdup (term);
  stream->opens_at = opens_at;

  if (kind == STREAM_MENTIONS)
    {
      key = g_strdup ("mentions");
      what = g_strdup (_("the account’s mentions"));
    }
  else if (kind == STREAM_HASHTAG)
    {
      key = g_strconcat ("tag:", term, NULL);
      /* Translators: %s is a hashtag, without "#". */
      what = g_strdup_printf (_("the #%s timeline"), term);
    }
  else
    {
      key = g_strconcat ("search:", term, NULL);
      /* Translators: %s is a word or phrase searched for. */
      what = g_strdup_printf (_("search results for “%s”"), term);
    }

  pager_stream = chorus_pager_stream_new (key, what, stream_url, NULL, stream_parse,
                                          stream, (GDestroyNotify) stream_free);
  pager_stream->thread_url = stream_thread_url;
  pager_stream->thread_parse = stream_thread_parse;

  return pager_stream;
}

static GPtrArray *
new_streams (ChorusSource *source,
             const char   *base)
{
  GPtrArray *streams = chorus_pager_stream_array_new ();
  g_auto(GStrv) hashtags = chorus_source_split_watch_list (chorus_source_get_watch_hashtags (source), FALSE);
  g_auto(GStrv) keywords = chorus_source_split_watch_list (chorus_source_get_watch_keywords (source), TRUE);

  if (chorus_source_get_watch_mentions (source))
    g_ptr_array_add (streams, new_stream (base, STREAM_MENTIONS, NULL, 0));
  for (guint i = 0; hashtags[i] != NULL; i++)
    g_ptr_array_add (streams, new_stream (base, STREAM_HASHTAG, hashtags[i],
                                                  chorus_challenge_collect_get_opens_at (source, hashtags[i])));
  for (guint i = 0; keywords[i] != NULL; i++)
    g_ptr_array_add (streams, new_stream (base, STREAM_SEARCH, keywords[i], 0));

  return streams;
}

/* Reading */

static void read_next_part (GTask *task);

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  GError *error = NULL;

  if (!chorus_bluesky_login_open_finish (sync->login, result, &error))
    g_task_return_error (task, error);
  else
    read_next_part (g_steal_pointer (&task));
}

static void
on_session_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (!chorus_bluesky_login_check_finish (sync->login, result))
    {
      g_task_return_error (task, g_steal_pointer (&sync->failure));
      return;
    }

  /* The session ended during the sync: renew it and read again. */
  g_clear_error (&sync->failure);
  sync->retried = TRUE;
  chorus_bluesky_login_open_async (sync->login, cancellable, on_signed_in_cb, g_steal_pointer (&task));
}

/* Takes @task and @error: a part of the sync failed. */
static void
fail_part (GTask  *task,
           GError *error)
{
  BlueskySync *sync = g_task_get_task_data (task);

  if (sync->retried || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Neither the pager nor the refresh says why a request failed; the
   * session may have expired (400 ExpiredToken). Ask, once. */
  sync->failure = error;
  chorus_bluesky_login_check_async (sync->login, g_task_get_cancellable (task), on_session_checked_cb, task);
}

/* The streams were read, or the variant posts after them. */
static void
on_part_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BlueskySync *sync = g_task_get_task_data (task);
  ChorusIngestResult ingested = { 0, };
  GError *error = NULL;
  gboolean done = sync->streams_read ? chorus_bluesky_refresh_variant_posts_finish (result, NULL, &ingested, &error)
                                     : chorus_pager_run_finish (result, &ingested, &error);

  sync->ingested.inserted += ingested.inserted;
  sync->ingested.updated += ingested.updated;
  sync->ingested.unchanged += ingested.unchanged;

  if (!done)
    fail_part (g_steal_pointer (&task), error);
  else if (sync->streams_read)
    chorus_pager_return_ingested (task, &sync->ingested);
  else
    {
      sync->streams_read = TRUE;
      read_next_part (g_steal_pointer (&task));
    }
}

/* Takes @task: reads the streams, or once they are read, the variant
 * posts; each from the PDS, with the session's token. */
static void
read_next_part (GTask *task)
{
  BlueskySync *sync = g_task_get_task_data (task);
  const char *pds = chorus_bluesky_login_get_pds (sync->login);
  g_autofree char *authorization = g_strconcat ("Bearer ", chorus_bluesky_login_get_access_token (sync->login),
                                                NULL);
  const char *headers[] = { "Authorization", authorization, NULL };
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (sync->streams_read)
    chorus_bluesky_refresh_variant_posts_async (sync->store, sync->http, chorus_source_get_id (sync->source), pds,
                                                headers, cancellable, on_part_read_cb, task);
  else
    chorus_pager_run_async (sync->store, sync->http, chorus_source_get_id (sync->source), pds, headers,
                            new_streams (sync->source, pds), cancellable, on_part_read_cb, task);
  explicit_bzero (authorization, strlen (authorization));
}

void
chorus_bluesky_sync_async (ChorusStore         *store,
                           ChorusHttp          *http,
                           ChorusSource        *source,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) streams = NULL;
  BlueskySync *sync;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  sync = g_new0 (BlueskySync, 1);
  sync->store = g_object_ref (store);
  sync->http = g_object_ref (http);
  sync->source = g_object_ref (source);
  sync->login = chorus_bluesky_login_new (http, source);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_bluesky_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) bluesky_sync_free);

  /* Only counted: the streams read from the PDS, once it is known. */
  streams = new_streams (source, chorus_source_get_server_url (source));
  if (chorus_source_get_account (source) == NULL)
    g_task_return_error (task, g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                                                    _("This Bluesky source has no account to sign in with.")));
  else if (streams->len == 0)
    g_task_return_error (task, g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                                                    _("This Bluesky account watches nothing: choose mentions, "
                                                      "hashtags or keywords.")));
  else
    chorus_bluesky_login_open_async (sync->login, cancellable, on_signed_in_cb, g_steal_pointer (&task));
}
