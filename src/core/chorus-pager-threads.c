/* chorus-pager-threads.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-pager-private.h"

/* Completes a parsed page with the threads around some of its posts (a
 * Mastodon reply names its parent only by a server-local id; a Bluesky
 * reply arrives without the posts it answers), one request at a time and
 * at most MAX_THREADS_PER_PAGE per page, so a busy hashtag does not turn
 * a page into a hundred requests. A thread that cannot be read leaves its
 * post as the page gave it: the sync goes on. */

#define MAX_THREADS_PER_PAGE 10

typedef struct
{
  ChorusPagerStream *stream;
  ChorusPage        *page;
  ChorusHttp        *http;
  GStrv              headers;
  GPtrArray         *focals;      /* ChorusIncomingPost in page->posts */
  GPtrArray         *urls;        /* the thread of each focal post */
  guint              next;
} Threads;

static void
threads_free (Threads *threads)
{
  g_clear_object (&threads->http);
  g_strfreev (threads->headers);
  g_clear_pointer (&threads->focals, g_ptr_array_unref);
  g_clear_pointer (&threads->urls, g_ptr_array_unref);
  g_free (threads);
}

static void fetch_next_thread (GTask *task);

static void
on_thread_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Threads *threads = g_task_get_task_data (task);
  ChorusIncomingPost *focal = g_ptr_array_index (threads->focals, threads->next - 1);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) thread = NULL;

  response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error);
  if (response != NULL && response->status == 200)
    {
      gsize length;
      const char *body = chorus_http_response_get_body (response, &length);

      if (length > 0 &&
          (thread = threads->stream->thread_parse (threads->stream->data, focal, body, length, &error)) != NULL)
        g_ptr_array_extend_and_steal (threads->page->posts, g_steal_pointer (&thread));
    }

  if (error != NULL)
    g_debug ("A thread could not be read: %s", error->message);
  else if (response != NULL && response->status != 200)
    g_debug ("A thread could not be read: HTTP %u", response->status);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    g_task_return_boolean (task, FALSE);
  else
    fetch_next_thread (g_steal_pointer (&task));
}

/* Takes @task. */
static void
fetch_next_thread (GTask *task)
{
  Threads *threads = g_task_get_task_data (task);

  if (threads->next >= threads->focals->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  chorus_http_get_async (threads->http, g_ptr_array_index (threads->urls, threads->next++),
                         (const char * const *) threads->headers, g_task_get_cancellable (task),
                         on_thread_cb, task);
}

void
_chorus_pager_read_threads_async (ChorusPagerStream   *stream,
                                  ChorusPage          *page,
                                  ChorusHttp          *http,
                                  const char * const  *headers,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Threads *threads = g_new0 (Threads, 1);

  g_return_if_fail (stream->thread_url != NULL && stream->thread_parse != NULL);

  threads->stream = stream;
  threads->page = page;
  threads->http = g_object_ref (http);
  threads->headers = g_strdupv ((char **) headers);
  threads->focals = g_ptr_array_new ();
  threads->urls = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, threads, (GDestroyNotify) threads_free);

  /* Only the posts the page itself brought: the threads add more. */
  for (guint i = 0, n = page->posts->len; i < n && threads->focals->len < MAX_THREADS_PER_PAGE; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (page->posts, i);
      char *url = stream->thread_url (stream->data, post);

      if (url == NULL)
        continue;
      g_ptr_array_add (threads->focals, post);
      g_ptr_array_add (threads->urls, url);
    }

  fetch_next_thread (task);
}

void
_chorus_pager_read_threads_finish (GAsyncResult *result)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
}
