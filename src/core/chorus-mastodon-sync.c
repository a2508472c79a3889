/* chorus-mastodon-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-mastodon-parse.h"
#include "chorus-mastodon-sync.h"
#include "chorus-store-sources.h"

/* A Mastodon-API server's public hashtag timelines, which need no account.
 * Each hashtag has its own cursor (the newest status id stored); a sync
 * asks for what is newer, page by page, and saves the cursor with each
 * stored page, so an interrupted sync resumes without gaps or repeats. */

#define PAGE_SIZE 40
#define MAX_PAGES 10

typedef struct
{
  ChorusStore        *store;
  ChorusHttp         *http;
  ChorusSource       *source;
  GStrv               hashtags;
  guint               next_hashtag;
  guint               pages;
  gboolean            first_time;   /* no cursor yet for this hashtag */
  char               *cursor;
  ChorusHttpResponse *response;
  guint               page_length;
  ChorusIngestResult  ingested;
} MastodonSync;

static void fetch_page (GTask *task);

static void
mastodon_sync_free (MastodonSync *sync)
{
  g_clear_object (&sync->store);
  g_clear_object (&sync->http);
  g_clear_object (&sync->source);
  g_strfreev (sync->hashtags);
  g_free (sync->cursor);
  g_clear_pointer (&sync->response, chorus_http_response_free);
  g_free (sync);
}

static char *
dup_stream (const char *hashtag)
{
  return g_strconcat ("tag:", hashtag, NULL);
}

/* Status ids are decimal strings, too big for some clients: compare them
 * as written-out numbers, the longer one being the larger. */
static gboolean
id_is_newer (const char *id,
             const char *than)
{
  gsize id_length = strlen (id);

  if (than == NULL || id_length != strlen (than))
    return than == NULL || id_length > strlen (than);

  return strcmp (id, than) > 0;
}

/* Runs in a worker thread: parse, store, and move the cursor. */
static void
store_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MastodonSync *sync = task_data;
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *stream = dup_stream (sync->hashtags[sync->next_hashtag]);
  ChorusIngestResult ingested = { 0, };
  const char *newest = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (sync->response->body, &length);

  if (!(posts = chorus_mastodon_parse_statuses (data, (gssize) length, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (posts, i);

      if (post->remote_id != NULL && g_ascii_isdigit (*post->remote_id) &&
          id_is_newer (post->remote_id, newest ? newest : sync->cursor))
        newest = post->remote_id;
    }

  if (!chorus_store_ingest (sync->store, chorus_source_get_id (sync->source), posts, &ingested, &error) ||
      (newest != NULL &&
       !chorus_store_set_cursor (sync->store, chorus_source_get_id (sync->source), stream, newest, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  sync->ingested.inserted += ingested.inserted;
  sync->ingested.updated += ingested.updated;
  sync->ingested.unchanged += ingested.unchanged;
  sync->page_length = posts->len;
  if (newest != NULL)
    {
      g_free (sync->cursor);
      sync->cursor = g_strdup (newest);
    }

  g_task_return_boolean (task, TRUE);
}

static void
next_hashtag (GTask *task)
{
  MastodonSync *sync = g_task_get_task_data (task);
  g_autofree char *stream = NULL;

  sync->next_hashtag++;
  sync->pages = 0;
  g_clear_pointer (&sync->cursor, g_free);

  if (sync->hashtags[sync->next_hashtag] == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  stream = dup_stream (sync->hashtags[sync->next_hashtag]);
  sync->cursor = chorus_store_dup_cursor (sync->store, chorus_source_get_id (sync->source), stream);
  sync->first_time = sync->cursor == NULL;
  fetch_page (task);
}

static void
on_stored_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  MastodonSync *sync = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* A full page means there may be more that is newer. The first sync of a
   * hashtag takes only its newest page, so an old hashtag does not flood
   * the inbox with years of posts. */
  if (!sync->first_time && sync->page_length >= PAGE_SIZE && sync->pages < MAX_PAGES)
    fetch_page (task);
  else
    next_hashtag (task);
}

static void
on_fetched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  MastodonSync *sync = g_task_get_task_data (task);
  g_autoptr(GTask) store_task = NULL;
  GError *error = NULL;

  g_clear_pointer (&sync->response, chorus_http_response_free);

  if (!(sync->response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (sync->response->status != 200)
    {
      g_autofree char *host = chorus_http_dup_host (chorus_source_get_server_url (sync->source));

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("%s did not share the #%s timeline (HTTP %u)."),
                               host, sync->hashtags[sync->next_hashtag], sync->response->status);
      g_object_unref (task);
      return;
    }

  store_task = g_task_new (NULL, g_task_get_cancellable (task), on_stored_cb, task);
  g_task_set_task_data (store_task, sync, NULL);
  g_task_run_in_thread (store_task, store_worker);
}

static void
fetch_page (GTask *task)
{
  MastodonSync *sync = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (sync->hashtags[sync->next_hashtag], NULL, FALSE);
  g_autofree char *base = g_strdup (chorus_source_get_server_url (sync->source));
  g_autofree char *url = NULL;

  g_strchomp (base);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  if (sync->cursor != NULL)
    url = g_strdup_printf ("%s/api/v1/timelines/tag/%s?limit=%d&min_id=%s", base, escaped, PAGE_SIZE,
                           sync->cursor);
  else
    url = g_strdup_printf ("%s/api/v1/timelines/tag/%s?limit=%d", base, escaped, PAGE_SIZE);

  sync->pages++;
  chorus_http_get_async (sync->http, url, NULL, g_task_get_cancellable (task), on_fetched_cb, task);
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
  const char *hashtags;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  sync = g_new0 (MastodonSync, 1);
  sync->store = g_object_ref (store);
  sync->http = g_object_ref (http);
  sync->source = g_object_ref (source);
  hashtags = chorus_source_get_watch_hashtags (source);
  sync->hashtags = g_strsplit_set (hashtags ? hashtags : "", " ,#", -1);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_mastodon_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) mastodon_sync_free);

  /* Drop the empty strings the separators leave. */
  {
    guint kept = 0;

    for (guint i = 0; sync->hashtags[i] != NULL; i++)
      {
        if (*sync->hashtags[i] != '\0')
          sync->hashtags[kept++] = sync->hashtags[i];
        else
          g_free (sync->hashtags[i]);
      }
    sync->hashtags[kept] = NULL;
  }

  if (sync->hashtags[0] == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("This Mastodon source follows no hashtag."));
      g_object_unref (task);
      return;
    }

  /* next_hashtag () starts from one before the first. */
  sync->next_hashtag = (guint) -1;
  next_hashtag (task);
}

gboolean
chorus_mastodon_sync_finish (GAsyncResult        *result,
                             ChorusIngestResult  *ingested,
                             GError             **error)
{
  MastodonSync *sync;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  sync = g_task_get_task_data (G_TASK (result));
  if (ingested != NULL)
    *ingested = sync->ingested;

  return g_task_propagate_boolean (G_TASK (result), error);
}
