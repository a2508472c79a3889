/* chorus-pager.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-pager-private.h"
#include "chorus-store-sources.h"

/* Reads a source's streams page by page and stores what they hold, for
 * every connector. Three stages overlap: fetching the next page (main
 * thread, libsoup), parsing the last one (a worker), and writing earlier
 * ones to the workspace (another worker, one batch at a time, in order).
 *
 * A stream's cursor is stored with the batch holding the page that moved
 * it, never before its posts, so a sync stopped at any moment (cancelled,
 * killed, crashed) resumes where the workspace says it stopped: nothing is
 * skipped, and whatever is fetched twice is recognised by its URI. */

#define BATCH_POSTS     1000   /* posts per transaction */
#define MAX_QUEUED      4000   /* posts parsed but not yet written */
#define MAX_UNPARSED    2      /* pages fetched but not yet parsed */

typedef struct _Pager Pager;

typedef struct
{
  Pager              *pager;
  ChorusHttpResponse *response;
  char               *token;
  guint               index;
  gboolean            peeked;      /* the next page was already chosen */
} ParseJob;

typedef struct
{
  Pager     *pager;
  GPtrArray *posts;
  char      *key;
  char      *cursor;
} WriteJob;

struct _Pager
{
  ChorusStore        *store;
  ChorusHttp         *http;
  gint64              source_id;
  char               *server_url;
  GStrv               headers;
  GQueue              streams;       /* ChorusPagerStream waiting */

  ChorusPagerStream  *current;
  char               *cursor;        /* the current stream's stored cursor */
  gboolean            have_next;     /* another page of it is to be fetched */
  char               *token;         /* for that page */
  guint               index;         /* of that page */
  gboolean            fetching;

  GQueue              to_parse;      /* ParseJob */
  gboolean            parsing;

  GPtrArray          *batch;         /* parsed posts not yet handed to the writer */
  char               *batch_cursor;
  GQueue              to_write;      /* WriteJob */
  guint               queued;        /* posts in batch and to_write */
  gboolean            writing;

  GError             *failure;
  ChorusIngestResult  ingested;
};

static void schedule (GTask *task);

ChorusPagerStream *
chorus_pager_stream_new (const char           *key,
                         const char           *what,
                         ChorusPagerUrlFunc    url,
                         ChorusPagerPeekFunc   peek,
                         ChorusPagerParseFunc  parse,
                         gpointer              data,
                         GDestroyNotify        data_free)
{
  ChorusPagerStream *stream;

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (url != NULL && parse != NULL, NULL);

  stream = g_new0 (ChorusPagerStream, 1);
  stream->key = g_strdup (key);
  stream->what = g_strdup (what);
  stream->url = url;
  stream->peek = peek;
  stream->parse = parse;
  stream->data = data;
  stream->data_free = data_free;

  return stream;
}

void
chorus_pager_stream_free (ChorusPagerStream *stream)
{
  if (stream == NULL)
    return;

  if (stream->data_free != NULL)
    stream->data_free (stream->data);
  g_free (stream->key);
  g_free (stream->what);
  g_free (stream);
}

GPtrArray *
chorus_pager_stream_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_pager_stream_free);
}

static void
parse_job_free (ParseJob *job)
{
  g_clear_pointer (&job->response, chorus_http_response_free);
  g_free (job->token);
  g_free (job);
}

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->posts, g_ptr_array_unref);
  g_free (job->key);
  g_free (job->cursor);
  g_free (job);
}

static void
pager_free (Pager *pager)
{
  g_clear_object (&pager->store);
  g_clear_object (&pager->http);
  g_free (pager->server_url);
  g_strfreev (pager->headers);
  g_queue_clear_full (&pager->streams, (GDestroyNotify) chorus_pager_stream_free);
  g_clear_pointer (&pager->current, chorus_pager_stream_free);
  g_free (pager->cursor);
  g_free (pager->token);
  g_queue_clear_full (&pager->to_parse, (GDestroyNotify) parse_job_free);
  g_clear_pointer (&pager->batch, g_ptr_array_unref);
  g_free (pager->batch_cursor);
  g_queue_clear_full (&pager->to_write, (GDestroyNotify) write_job_free);
  g_clear_error (&pager->failure);
  g_free (pager);
}

static void
fail (Pager  *pager,
      GError *error)
{
  if (pager->failure == NULL)
    pager->failure = error;
  else
    g_error_free (error);
}

/**
 * chorus_pager_same_origin:
 * @url: an address a server gave, such as a Link header's
 * @server_url: the server the source signs in to
 *
 * Returns: whether @url has the scheme, host and port of @server_url, so
 *   that it may be sent the source's credentials
 */
gboolean
chorus_pager_same_origin (const char *url,
                          const char *server_url)
{
  g_autoptr(GUri) a = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) b = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);

  return a != NULL && b != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

/**
 * chorus_pager_id_is_newer:
 * @id: a post id written out as a decimal number, as Mastodon's are
 * @than: (nullable): another one
 *
 * Compares ids too big for some clients as written-out numbers, the
 * longer one being the larger.
 *
 * Returns: whether @id is after @than (always when @than is %NULL)
 */
gboolean
chorus_pager_id_is_newer (const char *id,
                          const char *than)
{
  gsize id_length;
  gsize than_length;

  if (than == NULL)
    return TRUE;

  id_length = strlen (id);
  than_length = strlen (than);
  if (id_length != than_length)
    return id_length > than_length;

  return strcmp (id, than) > 0;
}

static GError *
describe_status (Pager      *pager,
                 guint       status)
{
  g_autofree char *host = chorus_http_dup_host (pager->server_url);

  if (status == 401 || status == 403)
    return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                        _("%s no longer accepts Chorus’s sign-in. Sign in to this account again."), host);

  /* Translators: the first %s is a server, the second what Chorus asked
   * for ("the #coffee timeline", "mentions"), %u an HTTP status code. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s did not share %s (HTTP %u)."),
                      host, pager->current->what, status);
}

/* Hands the posts parsed so far to the writer, with the cursor they move. */
static void
flush_batch (Pager *pager)
{
  WriteJob *job;

  if ((pager->batch == NULL || pager->batch->len == 0) && pager->batch_cursor == NULL)
    return;

  job = g_new0 (WriteJob, 1);
  job->pager = pager;
  job->posts = pager->batch != NULL ? g_steal_pointer (&pager->batch) : chorus_incoming_post_array_new ();
  job->key = g_strdup (pager->current->key);
  job->cursor = g_steal_pointer (&pager->batch_cursor);
  g_queue_push_tail (&pager->to_write, job);
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  Pager *pager = job->pager;
  ChorusIngestResult *ingested = g_new0 (ChorusIngestResult, 1);
  GError *error = NULL;

  if ((job->posts->len > 0 &&
       !chorus_store_ingest (pager->store, pager->source_id, job->posts, ingested, &error)) ||
      (job->key != NULL && job->cursor != NULL &&
       !chorus_store_set_cursor (pager->store, pager->source_id, job->key, job->cursor, &error)))
    {
      g_free (ingested);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, ingested, g_free);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Pager *pager = g_task_get_task_data (task);
  WriteJob *job = g_queue_pop_head (&pager->to_write);
  g_autofree ChorusIngestResult *ingested = NULL;
  GError *error = NULL;

  pager->writing = FALSE;
  pager->queued -= job->posts->len;
  write_job_free (job);

  if (!(ingested = g_task_propagate_pointer (G_TASK (result), &error)))
    fail (pager, error);
  else
    {
      pager->ingested.inserted += ingested->inserted;
      pager->ingested.updated += ingested->updated;
      pager->ingested.unchanged += ingested->unchanged;
    }

  schedule (task);
}

static void
parse_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseJob *job = task_data;
  Pager *pager = job->pager;
  ChorusPage *page = g_new0 (ChorusPage, 1);
  GError *error = NULL;

  page->cursor = pager->cursor;
  page->token = job->token;
  page->index = job->index;
  page->response = job->response;

  if (!pager->current->parse (pager->current->data, page, &error))
    {
      g_clear_pointer (&page->posts, g_ptr_array_unref);
      g_clear_pointer (&page->more_streams, g_ptr_array_unref);
      g_free (page->next_token);
      g_free (page->save_cursor);
      g_free (page);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, page, NULL);
}

/* Takes a parsed (and enriched) page into the batch. */
static void
accept_page (GTask      *task,
             ParseJob   *job,
             ChorusPage *page)
{
  Pager *pager = g_task_get_task_data (task);

  pager->parsing = FALSE;

  if (page->posts != NULL && page->posts->len > 0)
    {
      if (pager->batch == NULL)
        pager->batch = chorus_incoming_post_array_new ();
      pager->queued += page->posts->len;
      g_ptr_array_extend_and_steal (pager->batch, g_steal_pointer (&page->posts));
    }
  g_clear_pointer (&page->posts, g_ptr_array_unref);

  if (page->save_cursor != NULL)
    {
      g_free (pager->batch_cursor);
      pager->batch_cursor = g_steal_pointer (&page->save_cursor);
    }

  if (page->more_streams != NULL)
    {
      g_ptr_array_set_free_func (page->more_streams, NULL);
      for (guint i = 0; i < page->more_streams->len; i++)
        g_queue_push_tail (&pager->streams, g_ptr_array_index (page->more_streams, i));
      g_ptr_array_unref (page->more_streams);
    }

  if (!job->peeked && pager->failure == NULL)
    {
      pager->have_next = page->next_token != NULL;
      g_free (pager->token);
      pager->token = g_steal_pointer (&page->next_token);
    }
  g_free (page->next_token);
  g_free (page);

  if (pager->batch != NULL && pager->batch->len >= BATCH_POSTS)
    flush_batch (pager);

  g_queue_remove (&pager->to_parse, job);
  parse_job_free (job);
  schedule (task);
}

typedef struct
{
  GTask      *task;
  ParseJob   *job;
  ChorusPage *page;
} Enriching;

static void
on_enriched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Enriching *enriching = user_data;

  _chorus_pager_read_threads_finish (result);
  accept_page (enriching->task, enriching->job, enriching->page);
  g_free (enriching);
}

static void
on_parsed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Pager *pager = g_task_get_task_data (task);
  ParseJob *job = g_queue_peek_head (&pager->to_parse);
  ChorusPage *page;
  GError *error = NULL;

  if (!(page = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      pager->parsing = FALSE;
      fail (pager, error);
      g_queue_pop_head (&pager->to_parse);
      parse_job_free (job);
      schedule (task);
      return;
    }

  if (pager->current->thread_url != NULL && page->posts != NULL && page->posts->len > 0 &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      Enriching *enriching = g_new0 (Enriching, 1);

      enriching->task = task;
      enriching->job = job;
      enriching->page = page;
      _chorus_pager_read_threads_async (pager->current, page, pager->http,
                                        (const char * const *) pager->headers, g_task_get_cancellable (task),
                                        on_enriched_cb, enriching);
      return;
    }

  accept_page (task, job, page);
}

static void
on_fetched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Pager *pager = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  ParseJob *job;
  GError *error = NULL;

  pager->fetching = FALSE;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      fail (pager, error);
      schedule (task);
      return;
    }

  /* What a server does not offer (an older version, a disabled feature,
   * a topic deleted or made private since it was listed) ends an
   * optional stream; a refused sign-in never does. */
  if (response->status != 200 && pager->current->optional && response->status != 401 &&
      (response->status != 403 || pager->current->may_forbid))
    {
      g_debug ("Skipping %s: HTTP %u", pager->current->what, response->status);
      pager->have_next = FALSE;
      schedule (task);
      return;
    }

  if (response->status != 200)
    {
      fail (pager, describe_status (pager, response->status));
      schedule (task);
      return;
    }

  job = g_new0 (ParseJob, 1);
  job->pager = pager;
  job->token = g_steal_pointer (&pager->token);
  job->index = pager->index++;
  job->response = g_steal_pointer (&response);
  pager->have_next = FALSE;

  if (pager->current->peek != NULL)
    {
      ChorusPage page = { pager->cursor, job->token, job->index, job->response, NULL, NULL, NULL, NULL };

      /* Without an answer there, the parse decides. */
      pager->current->peek (pager->current->data, &page);
      job->peeked = page.next_token != NULL;
      pager->have_next = page.next_token != NULL;
      pager->token = page.next_token;
    }

  g_queue_push_tail (&pager->to_parse, job);
  schedule (task);
}

static void
start_fetch (GTask *task)
{
  Pager *pager = g_task_get_task_data (task);
  g_autofree char *url = pager->current->url (pager->current->data, pager->cursor, pager->token);

  if (url == NULL)
    {
      pager->have_next = FALSE;
      return;
    }

  /* Credentials go only to the server they belong to, whatever a Link
   * header or a page token says. */
  if (pager->headers != NULL && !chorus_pager_same_origin (url, pager->server_url))
    {
      g_autofree char *host = chorus_http_dup_host (url);

      fail (pager, g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                /* Translators: %s is the other site's name, such as example.com. */
                                _("The server pointed Chorus to another site (%s), so Chorus stopped."), host));
      pager->have_next = FALSE;
      return;
    }

  pager->fetching = TRUE;
  chorus_http_get_async (pager->http, url, (const char * const *) pager->headers, g_task_get_cancellable (task),
                         on_fetched_cb, task);
}

/* Moves to the next stream once the current one has nothing in flight. */
static gboolean
next_stream (Pager *pager)
{
  if (pager->current != NULL)
    {
      if (pager->fetching || pager->parsing || pager->have_next || !g_queue_is_empty (&pager->to_parse))
        return FALSE;

      flush_batch (pager);
      g_clear_pointer (&pager->current, chorus_pager_stream_free);
    }

  if (pager->failure != NULL || g_queue_is_empty (&pager->streams))
    return FALSE;

  pager->current = g_queue_pop_head (&pager->streams);
  g_clear_pointer (&pager->cursor, g_free);
  g_clear_pointer (&pager->token, g_free);
  if (pager->current->key != NULL)
    pager->cursor = chorus_store_dup_cursor (pager->store, pager->source_id, pager->current->key);
  pager->index = 0;
  pager->have_next = TRUE;

  return TRUE;
}

/* Starts whatever can start, and finishes the run when nothing is left. */
static void
schedule (GTask *task)
{
  Pager *pager = g_task_get_task_data (task);

  if (pager->failure == NULL && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    fail (pager, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The sync was cancelled.")));

  if (pager->failure != NULL)
    {
      /* Stop fetching and parsing, but let a write in progress finish. */
      pager->have_next = FALSE;
      g_queue_clear_full (&pager->streams, (GDestroyNotify) chorus_pager_stream_free);
      if (!pager->writing && !pager->fetching && !pager->parsing)
        {
          g_task_return_error (task, g_steal_pointer (&pager->failure));
          g_object_unref (task);
        }
      return;
    }

  while (pager->current == NULL || !pager->have_next)
    if (!next_stream (pager))
      break;

  if (!pager->writing && !g_queue_is_empty (&pager->to_write))
    {
      g_autoptr(GTask) write = g_task_new (NULL, NULL, on_written_cb, task);

      pager->writing = TRUE;
      g_task_set_task_data (write, g_queue_peek_head (&pager->to_write), NULL);
      g_task_run_in_thread (write, write_worker);
    }

  if (!pager->parsing && !g_queue_is_empty (&pager->to_parse))
    {
      g_autoptr(GTask) parse = g_task_new (NULL, NULL, on_parsed_cb, task);

      pager->parsing = TRUE;
      g_task_set_task_data (parse, g_queue_peek_head (&pager->to_parse), NULL);
      g_task_run_in_thread (parse, parse_worker);
    }

  if (pager->current != NULL && pager->have_next && !pager->fetching &&
      g_queue_get_length (&pager->to_parse) < MAX_UNPARSED && pager->queued < MAX_QUEUED)
    {
      start_fetch (task);
      if (pager->failure != NULL)
        {
          schedule (task);
          return;
        }
    }

  if (pager->current == NULL && !pager->writing && !pager->parsing && !pager->fetching &&
      g_queue_is_empty (&pager->to_write))
    {
      chorus_pager_return_ingested (task, &pager->ingested);
      g_object_unref (task);
    }
}

/**
 * chorus_pager_run_async:
 * @store: the workspace
 * @http: the HTTP client
 * @source_id: the source the posts come from
 * @server_url: the server the source belongs to
 * @headers: (nullable) (array zero-terminated=1): request headers (name,
 *   value pairs), sent only to @server_url's origin
 * @streams: (element-type ChorusPagerStream) (transfer container): what to read, in order
 * @cancellable: (nullable): stops the run between pages
 * @callback: called when every stream was read, or one failed
 * @user_data: data for @callback
 *
 * Reads every stream until it says it is done, storing posts and cursors
 * as it goes. The first failure stops the run; what was stored stays.
 */
void
chorus_pager_run_async (ChorusStore          *store,
                        ChorusHttp           *http,
                        gint64                source_id,
                        const char           *server_url,
                        const char * const   *headers,
                        GPtrArray            *streams,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  GTask *task;
  Pager *pager;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (streams != NULL);

  pager = g_new0 (Pager, 1);
  pager->store = g_object_ref (store);
  pager->http = g_object_ref (http);
  pager->source_id = source_id;
  pager->server_url = g_strdup (server_url);
  pager->headers = g_strdupv ((char **) headers);
  g_queue_init (&pager->streams);
  g_queue_init (&pager->to_parse);
  g_queue_init (&pager->to_write);

  g_ptr_array_set_free_func (streams, NULL);
  for (guint i = 0; i < streams->len; i++)
    g_queue_push_tail (&pager->streams, g_ptr_array_index (streams, i));
  g_ptr_array_unref (streams);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_pager_run_async);
  g_task_set_task_data (task, pager, (GDestroyNotify) pager_free);

  schedule (task);
}

/**
 * chorus_pager_return_ingested:
 * @task: a connector's task
 * @ingested: what its sync stored
 *
 * Completes @task the way chorus_pager_run_async() completes its own, so
 * that every connector built on the pager finishes with
 * chorus_pager_run_finish().
 */
void
chorus_pager_return_ingested (GTask                    *task,
                              const ChorusIngestResult *ingested)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (ingested != NULL);

  g_task_return_pointer (task, g_memdup2 (ingested, sizeof *ingested), g_free);
}

/**
 * chorus_pager_run_finish:
 * @result: the result of chorus_pager_run_async(), or of a connector's
 *   task completed with chorus_pager_return_ingested()
 * @ingested: (out caller-allocates) (optional): what was stored (zeros on failure)
 * @error: a location for a #GError
 */
gboolean
chorus_pager_run_finish (GAsyncResult        *result,
                         ChorusIngestResult  *ingested,
                         GError             **error)
{
  g_autofree ChorusIngestResult *stored = NULL;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  stored = g_task_propagate_pointer (G_TASK (result), error);
  if (ingested != NULL)
    *ingested = stored != NULL ? *stored : (ChorusIngestResult) { 0, };

  return stored != NULL;
}
