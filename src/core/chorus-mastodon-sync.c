/* chorus-mastodon-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-challenge-collect.h"
#include "chorus-error.h"
#include "chorus-mastodon-parse.h"
#include "chorus-mastodon-sync.h"
#include "chorus-pager.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-variants.h"
#include "chorus-secrets.h"

/* A Mastodon-API server, read through the pager: the account's mentions
 * (with each reply's thread), hashtag timelines (public, so a source
 * without an account can follow them) and keyword searches.
 *
 * Lists page forward with min_id, following the Link header's "prev"
 * address exactly as the server gives it; each stream's cursor is the
 * min_id that address names, stored with the page it follows. The first
 * sync of a stream takes only its newest page, so an old hashtag does not
 * flood the inbox with years of posts; later syncs take everything newer,
 * however much. A challenge's hashtag walks back on its first sync instead,
 * to the start of its submissions (see walk_back ()).
 *
 * Once the streams are read, a signed-in source reads the votes of its
 * running pre-test polls (chorus-pretest-mastodon-refresh.c), then the
 * counts of its variant posts (chorus-pretest-variants-refresh.c); a failure
 * there fails the sync like a stream's would, after the posts are stored. */

#define PAGE_SIZE             40

typedef enum
{
  STREAM_MENTIONS,
  STREAM_HASHTAG,
  STREAM_SEARCH,
  STREAM_INSTANCE,
} StreamKind;

typedef struct
{
  StreamKind  kind;
  char       *base;       /* the server, without a trailing slash */
  char       *term;       /* the hashtag or keyword */
  gint64      opens_at;   /* a challenge's hashtag: when its submissions open; else 0 */
} Stream;

static void
stream_free (Stream *stream)
{
  g_free (stream->base);
  g_free (stream->term);
  g_free (stream);
}

static char *
stream_url (gpointer    data,
            const char *cursor,
            const char *token)
{
  Stream *stream = data;
  g_autofree char *escaped = NULL;
  const char *after = token != NULL ? token : cursor;
  GString *url;

  /* Lists page with the address the server gave (after the cursor to
   * store, walking back: see walk_back ()). */
  if (token != NULL && stream->kind != STREAM_SEARCH)
    {
      const char *address = strchr (token, ' ');

      return g_strdup (address != NULL ? address + 1 : token);
    }

  url = g_string_new (stream->base);
  switch (stream->kind)
    {
    case STREAM_MENTIONS:
      g_string_append_printf (url, "/api/v1/notifications?types[]=mention&limit=%d", PAGE_SIZE);
      break;

    case STREAM_HASHTAG:
      escaped = g_uri_escape_string (stream->term, NULL, FALSE);
      g_string_append_printf (url, "/api/v1/timelines/tag/%s?limit=%d", escaped, PAGE_SIZE);
      break;

    case STREAM_SEARCH:
      escaped = g_uri_escape_string (stream->term, NULL, FALSE);
      g_string_append_printf (url, "/api/v2/search?q=%s&type=statuses&resolve=false&limit=%d",
                              escaped, PAGE_SIZE);
      break;

    case STREAM_INSTANCE:
      g_string_append (url, "/api/v2/instance");
      return g_string_free (url, FALSE);

    default:
      g_assert_not_reached ();
    }

  if (after != NULL)
    {
      g_autofree char *escaped_after = g_uri_escape_string (after, NULL, FALSE);

      g_string_append_printf (url, "&min_id=%s", escaped_after);
    }

  return g_string_free (url, FALSE);
}

/* The min_id of the Link header's "prev" address: what the next sync asks
 * to be newer than. */
static char *
dup_prev_min_id (const char *link,
                 char      **prev_url)
{
  g_autofree char *prev = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *query;

  if (link == NULL || !chorus_parse_link_header (link, NULL, &prev) || prev == NULL)
    return NULL;

  if ((uri = g_uri_parse (prev, G_URI_FLAGS_NONE, NULL)) == NULL || (query = g_uri_get_query (uri)) == NULL ||
      (params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL)) == NULL ||
      g_hash_table_lookup (params, "min_id") == NULL)
    return NULL;

  if (prev_url != NULL)
    *prev_url = g_steal_pointer (&prev);

  return g_strdup (g_hash_table_lookup (params, "min_id"));
}

/* Lists: the next page is named by the Link header, so it is fetched
 * while this one is parsed. A stream's first sync stops after one page,
 * or walks back (the parse decides). */
static void
stream_peek (gpointer    data,
             ChorusPage *page)
{
  g_autofree char *min_id = NULL;
  char *prev = NULL;

  if (page->cursor == NULL)
    return;

  min_id = dup_prev_min_id (page->response->link, &prev);
  page->next_token = prev;
}

static const char *
newest_id (GPtrArray  *posts,
           const char *than)
{
  const char *newest = NULL;

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (posts, i);

      if (post->remote_id != NULL && g_ascii_isdigit (*post->remote_id) &&
          chorus_pager_id_is_newer (post->remote_id, newest != NULL ? newest : than))
        newest = post->remote_id;
    }

  return newest;
}

/* A challenge's hashtag on its first sync: from the newest page, follows
 * the Link header's "next" address (older posts, max_id) until a page
 * reaches posts from before the challenge's submissions opened, no page is
 * left, or CHORUS_CHALLENGE_BACKFILL_PAGES were read. Older pages keep only
 * the posts from the window on. The token is "<min_id> <address>": the
 * newest page's cursor rides along and is stored only with the walk's last
 * page, so a walk cut short (cancelled, failed) starts again next sync. */
static void
walk_back (Stream     *stream,
           ChorusPage *page)
{
  const char *space = page->token != NULL ? strchr (page->token, ' ') : NULL;
  g_autofree char *min_id = NULL;
  g_autofree char *next = NULL;
  gint64 oldest = G_MAXINT64;
  guint read = page->posts->len;

  if (space != NULL)
    min_id = g_strndup (page->token, (gsize) (space - page->token));
  else if ((min_id = dup_prev_min_id (page->response->link, NULL)) == NULL)
    min_id = g_strdup (newest_id (page->posts, NULL));

  for (guint i = page->posts->len; i > 0; i--)
    {
      ChorusIncomingPost *post = g_ptr_array_index (page->posts, i - 1);

      if (post->created_at <= 0)
        continue;
      oldest = MIN (oldest, post->created_at);
      if (page->index > 0 && post->created_at < stream->opens_at)
        g_ptr_array_remove_index (page->posts, i - 1);
    }

  if (min_id != NULL && read > 0 && oldest >= stream->opens_at && page->response->link != NULL &&
      chorus_parse_link_header (page->response->link, &next, NULL) && next != NULL)
    {
      if (page->index + 1 < CHORUS_CHALLENGE_BACKFILL_PAGES)
        {
          page->next_token = g_strconcat (min_id, " ", next, NULL);
          return;
        }
      g_debug ("The #%s timeline has more than %d pages since its challenge opened: older entries are skipped",
               stream->term, CHORUS_CHALLENGE_BACKFILL_PAGES);
    }

  page->save_cursor = g_steal_pointer (&min_id);
}

static gboolean
stream_parse (gpointer     data,
              ChorusPage  *page,
              GError     **error)
{
  Stream *stream = data;
  gsize length;
  const char *body = g_bytes_get_data (page->response->body, &length);
  const char *newest;

  if (length == 0)
    body = "";

  /* What the server allows (post length, polls, images), kept for composing and
   * pre-tests as "key=value" pairs in the stream's cursor. */
  if (stream->kind == STREAM_INSTANCE)
    {
      g_autoptr(ChorusMastodonLimits) limits = chorus_mastodon_parse_instance (body, (gssize) length, error);

      if (limits == NULL)
        return FALSE;

      page->save_cursor = g_strdup_printf ("max_characters=%" G_GINT64_FORMAT
                                           " max_poll_options=%" G_GINT64_FORMAT
                                           " max_characters_per_option=%" G_GINT64_FORMAT
                                           " min_poll_expiration=%" G_GINT64_FORMAT
                                           " max_poll_expiration=%" G_GINT64_FORMAT
                                           " image_size_limit=%" G_GINT64_FORMAT,
                                           limits->max_characters, limits->max_poll_options,
                                           limits->max_characters_per_option, limits->min_poll_expiration,
                                           limits->max_poll_expiration, limits->image_size_limit);
      return TRUE;
    }

  switch (stream->kind)
    {
    case STREAM_MENTIONS:
      page->posts = chorus_mastodon_parse_notifications (body, (gssize) length, error);
      break;

    case STREAM_HASHTAG:
      page->posts = chorus_mastodon_parse_statuses (body, (gssize) length, error);
      break;

    case STREAM_SEARCH:
      page->posts = chorus_mastodon_parse_search (body, (gssize) length, error);
      break;

    case STREAM_INSTANCE:
    default:
      g_assert_not_reached ();
    }

  if (page->posts == NULL)
    return FALSE;

  if (stream->opens_at > 0 && page->cursor == NULL)
    {
      walk_back (stream, page);
      return TRUE;
    }

  /* Lists: the Link header names the cursor (a notification id for
   * mentions, which the statuses do not carry). Search has no Link
   * header: the newest status is the cursor, and a full page means there
   * may be more. */
  if (stream->kind != STREAM_SEARCH)
    page->save_cursor = dup_prev_min_id (page->response->link, NULL);

  newest = newest_id (page->posts, page->token != NULL ? page->token : page->cursor);
  if (page->save_cursor == NULL && stream->kind != STREAM_MENTIONS && newest != NULL)
    page->save_cursor = g_strdup (newest);

  /* Without a Link header to follow, a full page means there may be more
   * that is newer (but a stream's first sync takes one page). */
  if ((page->cursor != NULL || page->index > 0) && page->posts->len >= PAGE_SIZE && newest != NULL)
    page->next_token = stream->kind == STREAM_SEARCH ? g_strdup (newest) : stream_url (stream, newest, NULL);

  return TRUE;
}

/* Replies name their parent only by a server-local id: ask for their
 * thread, which links them and brings the posts around them. */
static char *
stream_thread_url (gpointer            data,
                   ChorusIncomingPost *post)
{
  Stream *stream = data;
  g_autofree char *escaped = NULL;

  if (post->reply_to_remote_id == NULL || post->reply_to_uri != NULL || post->remote_id == NULL)
    return NULL;

  escaped = g_uri_escape_string (post->remote_id, NULL, FALSE);
  return g_strdup_printf ("%s/api/v1/statuses/%s/context", stream->base, escaped);
}

static GPtrArray *
stream_thread_parse (gpointer             data,
                     ChorusIncomingPost  *post,
                     const char          *body,
                     gsize                length,
                     GError             **error)
{
  return chorus_mastodon_parse_context (body, (gssize) length, post, error);
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

  switch (kind)
    {
    case STREAM_MENTIONS:
      key = g_strdup ("mentions");
      what = g_strdup (_("the account’s mentions"));
      break;

    case STREAM_HASHTAG:
      key = g_strconcat ("tag:", term, NULL);
      /* Translators: %s is a hashtag, without "#". */
      what = g_strdup_printf (_("the #%s timeline"), term);
      break;

    case STREAM_SEARCH:
      key = g_strconcat ("search:", term, NULL);
      /* Translators: %s is a word or phrase searched for. */
      what = g_strdup_printf (_("search results for “%s”"), term);
      break;

    case STREAM_INSTANCE:
      key = g_strdup ("instance");
      what = g_strdup (_("its limits"));
      break;

    default:
      g_assert_not_reached ();
    }

  pager_stream = chorus_pager_stream_new (key, what, stream_url,
                                          kind == STREAM_MENTIONS || kind == STREAM_HASHTAG ? stream_peek : NULL,
                                          stream_parse, stream, (GDestroyNotify) stream_free);
  /* Servers before Mastodon 4.0 have no /api/v2/instance: the limits
   * then stay the stock ones. */
  pager_stream->optional = kind == STREAM_INSTANCE;
  if (kind != STREAM_INSTANCE)
    {
      pager_stream->thread_url = stream_thread_url;
      pager_stream->thread_parse = stream_thread_parse;
    }

  return pager_stream;
}

typedef struct
{
  ChorusStore        *store;
  ChorusHttp         *http;
  ChorusSource       *source;
  char               *base;
  char               *authorization;  /* "Bearer <token>", wiped when freed, or NULL */
  ChorusIngestResult  ingested;
} MastodonSync;

static void
mastodon_sync_free (MastodonSync *sync)
{
  g_clear_object (&sync->store);
  g_clear_object (&sync->http);
  g_clear_object (&sync->source);
  g_free (sync->base);
  chorus_secrets_free (sync->authorization);
  g_free (sync);
}

static void
on_variant_posts_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MastodonSync *sync = g_task_get_task_data (task);
  GError *error = NULL;

  if (!chorus_mastodon_refresh_variant_posts_finish (result, NULL, &error))
    g_task_return_error (task, error);
  else
    chorus_pager_return_ingested (task, &sync->ingested);
}

static void
on_polls_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MastodonSync *sync = g_task_get_task_data (task);
  const char *headers[] = { "Authorization", sync->authorization, NULL };
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!chorus_mastodon_refresh_polls_finish (result, NULL, &error))
    g_task_return_error (task, error);
  else
    chorus_mastodon_refresh_variant_posts_async (sync->store, sync->http, chorus_source_get_id (sync->source),
                                                 sync->base, headers, cancellable,
                                                 on_variant_posts_done_cb, g_steal_pointer (&task));
}

static void
on_pager_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MastodonSync *sync = g_task_get_task_data (task);
  const char *headers[] = { "Authorization", sync->authorization, NULL };
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!chorus_pager_run_finish (result, &sync->ingested, &error))
    g_task_return_error (task, error);
  else if (sync->authorization == NULL)
    chorus_pager_return_ingested (task, &sync->ingested);
  else
    chorus_mastodon_refresh_polls_async (sync->store, sync->http, chorus_source_get_id (sync->source), sync->base,
                                         headers, cancellable, on_polls_done_cb, g_steal_pointer (&task));
}

/* Starts the pager on every stream the source watches; @token may be NULL
 * for a source without an account (public hashtags only). */
static void
run_streams (GTask      *task,
             const char *token)
{
  MastodonSync *sync = g_task_get_task_data (task);
  g_autoptr(GPtrArray) streams = chorus_pager_stream_array_new ();
  g_auto(GStrv) hashtags = chorus_source_split_watch_list (chorus_source_get_watch_hashtags (sync->source), FALSE);
  g_auto(GStrv) keywords = chorus_source_split_watch_list (chorus_source_get_watch_keywords (sync->source), TRUE);
  const char *headers[] = { "Authorization", NULL, NULL };

  sync->authorization = token != NULL ? g_strconcat ("Bearer ", token, NULL) : NULL;
  headers[1] = sync->authorization;
  if (token != NULL && chorus_source_get_watch_mentions (sync->source))
    g_ptr_array_add (streams, new_stream (sync->base, STREAM_MENTIONS, NULL, 0));
  for (guint i = 0; hashtags[i] != NULL; i++)
    g_ptr_array_add (streams, new_stream (sync->base, STREAM_HASHTAG, hashtags[i],
                                                  chorus_challenge_collect_get_opens_at (sync->source, hashtags[i])));
  for (guint i = 0; token != NULL && keywords[i] != NULL; i++)
    g_ptr_array_add (streams, new_stream (sync->base, STREAM_SEARCH, keywords[i], 0));
  if (token != NULL && streams->len > 0)
    g_ptr_array_add (streams, new_stream (sync->base, STREAM_INSTANCE, NULL, 0));

  if (streams->len == 0)
    {
      g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, "%s",
                               token != NULL ? _("This Mastodon account watches nothing: choose mentions, hashtags "
                                                 "or keywords.")
                                             : _("This Mastodon source follows no hashtag."));
      g_object_unref (task);
      return;
    }

  chorus_pager_run_async (sync->store, sync->http, chorus_source_get_id (sync->source), sync->base,
                          token != NULL ? headers : NULL, g_steal_pointer (&streams),
                          g_task_get_cancellable (task), on_pager_done_cb, task);
}

static void
on_token_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  if (!(token = chorus_secrets_lookup_finish (result, &error)))
    {
      if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, "%s", error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  run_streams (task, token);
  chorus_secrets_free (token);
}

void
chorus_mastodon_sync_async (ChorusStore         *store,
                            ChorusHttp          *http,
                            ChorusSource        *source,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  MastodonSync *sync;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  sync = g_new0 (MastodonSync, 1);
  sync->store = g_object_ref (store);
  sync->http = g_object_ref (http);
  sync->source = g_object_ref (source);
  sync->base = g_strstrip (g_strdup (chorus_source_get_server_url (source)));
  if (g_str_has_suffix (sync->base, "/"))
    sync->base[strlen (sync->base) - 1] = '\0';

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_mastodon_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) mastodon_sync_free);

  /* A source with an account (or a token in the environment) signs in. */
  if (chorus_source_get_account (source) != NULL || chorus_source_get_secret_env (source) != NULL)
    chorus_secrets_lookup_async ("mastodon", chorus_source_get_server_url (source),
                                 chorus_source_get_account (source), CHORUS_SECRET_KIND_TOKEN,
                                 chorus_source_get_secret_env (source), cancellable, on_token_cb, task);
  else
    run_streams (task, NULL);
}
