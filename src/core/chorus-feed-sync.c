/* chorus-feed-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-feed-parser.h"
#include "chorus-feed-sync.h"
#include "chorus-store-sources.h"

/* A feed source: a conditional GET (ETag, Last-Modified), then parsing and
 * storing in a worker thread. The validators are saved only after the
 * entries are stored, so an interrupted sync fetches them again. */

typedef struct
{
  ChorusStore        *store;
  ChorusSource       *source;
  ChorusHttpResponse *response;
  ChorusIngestResult  ingested;
} FeedSync;

static void
feed_sync_free (FeedSync *sync)
{
  g_clear_object (&sync->store);
  g_clear_object (&sync->source);
  g_clear_pointer (&sync->response, chorus_http_response_free);
  g_free (sync);
}

static void
store_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FeedSync *sync = task_data;
  gint64 source_id = chorus_source_get_id (sync->source);
  g_autoptr(ChorusFeed) feed = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (sync->response->body, &length);

  if (!(feed = chorus_feed_parse_full (data, length, chorus_source_get_server_url (sync->source),
                                       sync->response->content_type, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* An entry without any date, in a feed without one either, is dated when
   * Chorus first sees it; later syncs find it by URI and keep that date. */
  for (guint i = 0; i < feed->posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (feed->posts, i);

      if (post->created_at <= 0)
        post->created_at = g_get_real_time () / G_USEC_PER_SEC;
    }

  if (!chorus_store_ingest (sync->store, source_id, feed->posts, &sync->ingested, &error) ||
      !chorus_store_set_cursor (sync->store, source_id, "etag", sync->response->etag, &error) ||
      !chorus_store_set_cursor (sync->store, source_id, "last-modified", sync->response->last_modified,
                                &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A feed added by address is named after its host until it names itself. */
  if (feed->title != NULL && *feed->title != '\0')
    {
      g_autofree char *host = chorus_http_dup_host (chorus_source_get_server_url (sync->source));

      if (g_strcmp0 (chorus_source_get_display_name (sync->source), host) == 0 &&
          !chorus_store_rename_source (sync->store, source_id, feed->title, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_fetched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FeedSync *sync = g_task_get_task_data (task);
  g_autofree char *host = chorus_http_dup_host (chorus_source_get_server_url (sync->source));
  GError *error = NULL;
  guint status;

  if (!(sync->response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  status = sync->response->status;

  if (status == 304)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (status == 404 || status == 410)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             /* Translators: %s is a server's name, such as blog.example.org. */
                             _("The feed is no longer at its address on %s."), host);
  else if (status == 401 || status == 403)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             /* Translators: %s is a server's name, such as blog.example.org. */
                             _("%s does not let Chorus read this feed."), host);
  else if (status < 200 || status >= 300)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             /* Translators: %s is a server's name, such as blog.example.org; %u an HTTP
                              * status code, such as 500. */
                             _("%s answered with an error (HTTP %u)."), host, status);
  else
    g_task_run_in_thread (task, store_worker);
}

void
chorus_feed_sync_async (ChorusStore         *store,
                        ChorusHttp          *http,
                        ChorusSource        *source,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  const char *headers[5] = { NULL, };
  guint n = 0;
  FeedSync *sync;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  sync = g_new0 (FeedSync, 1);
  sync->store = g_object_ref (store);
  sync->source = g_object_ref (source);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_feed_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) feed_sync_free);

  if ((etag = chorus_store_dup_cursor (store, chorus_source_get_id (source), "etag")))
    {
      headers[n++] = "If-None-Match";
      headers[n++] = etag;
    }
  if ((last_modified = chorus_store_dup_cursor (store, chorus_source_get_id (source), "last-modified")))
    {
      headers[n++] = "If-Modified-Since";
      headers[n++] = last_modified;
    }

  chorus_http_get_async (http, chorus_source_get_server_url (source), headers, cancellable,
                         on_fetched_cb, g_steal_pointer (&task));
}

gboolean
chorus_feed_sync_finish (GAsyncResult        *result,
                         ChorusIngestResult  *ingested,
                         GError             **error)
{
  FeedSync *sync;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  sync = g_task_get_task_data (G_TASK (result));
  if (ingested != NULL)
    *ingested = sync->ingested;

  return g_task_propagate_boolean (G_TASK (result), error);
}
