/* chorus-challenge-votes.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-challenge-votes-private.h"
#include "chorus-error.h"
#include "chorus-pager.h"

/* Who liked, and who boosted or reposted, one challenge entry's post, read
 * page by page from the network the post came from, as ChorusVoteRead for
 * _chorus_collect_store_votes (). Each network's reader names the first
 * page and reads a page (in a worker); the pages after the first are the
 * ones the network names, on the same server only, and at most
 * CHORUS_VOTE_MAX_PAGES are read: a read that stopped there is not
 * complete, and then no vote counts as withdrawn.
 *
 * A post gone from its server (404, 410) reads as no one, with a notice,
 * and is not complete: its votes stay as last read. Any other failure (a
 * 429 or 5xx after ChorusHttp's retries, a dropped connection, an answer
 * that cannot be read) fails the read.
 *
 * The likes and boosts of a Mastodon post from another server are then
 * read from that server too, as chorus-challenge-votes-origin.c says. */

typedef struct
{
  ChorusHttp             *http;
  const ChorusVoteReader *reader;
  char                   *base;
  GStrv                   headers;
  ChorusVoteRead         *read;
  ChorusVoteTarget       *target;
  char                   *url;       /* of the page being read */
  guint                   pages;
  ChorusVoteTarget       *origin;    /* the post as its own server knows it, or NULL */
  char                   *origin_base;
  ChorusVoteRead         *first;     /* the source server's read, while the origin's is read */
} Reading;

typedef struct
{
  const ChorusVoteReader *reader;
  ChorusVotePage          page;
} Page;

static void
reading_free (Reading *reading)
{
  g_clear_object (&reading->http);
  g_free (reading->base);
  g_strfreev (reading->headers);
  g_clear_pointer (&reading->read, _chorus_vote_read_free);
  g_free (reading->url);
  g_clear_pointer (&reading->origin, _chorus_vote_target_free);
  g_free (reading->origin_base);
  g_clear_pointer (&reading->first, _chorus_vote_read_free);
  g_free (reading);
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->page.response, chorus_http_response_free);
  g_clear_pointer (&page->page.voters, g_ptr_array_unref);
  g_free (page->page.token);
  g_free (page);
}

static void
return_read (GTask          *task,
             ChorusVoteRead *read)
{
  g_task_return_pointer (task, read, (GDestroyNotify) _chorus_vote_read_free);
  g_object_unref (task);
}

static void fetch_page (GTask *task);

/* A read is done: the origin's next, when there is one, else the end. */
static void
read_done (GTask *task)
{
  Reading *reading = g_task_get_task_data (task);
  ChorusVoteRead *read = g_steal_pointer (&reading->read);

  if (reading->first != NULL)
    {
      _chorus_vote_read_merge_origin (reading->first, read);
      return_read (task, g_steal_pointer (&reading->first));
      return;
    }

  /* A post gone from the source's server is gone. */
  if (reading->origin == NULL || read->notice != NULL)
    {
      return_read (task, read);
      return;
    }

  reading->first = read;
  reading->read = _chorus_vote_read_new (reading->origin, reading->reader->network, read->kind);
  g_free (reading->base);
  reading->base = g_strdup (reading->origin_base);
  g_clear_pointer (&reading->headers, g_strfreev);
  reading->target = reading->origin;
  reading->pages = 0;
  g_free (reading->url);
  reading->url = reading->reader->page_url (reading->base, reading->origin, read->kind, NULL);
  fetch_page (task);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Reading *reading = g_task_get_task_data (task);

  /* The origin failing leaves the source server's read, incomplete. */
  if (reading->first != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Votes of a challenge entry without its own server's: %s", error->message);
      g_error_free (error);
      reading->first->complete = FALSE;
      return_read (task, g_steal_pointer (&reading->first));
      return;
    }

  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
parse_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Page *page = task_data;
  GError *error = NULL;

  if (!page->reader->parse (&page->page, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_parsed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Reading *reading = g_task_get_task_data (task);
  ChorusVotePage *page = &((Page *) g_task_get_task_data (G_TASK (result)))->page;
  g_autofree char *host = chorus_http_dup_host (reading->base);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s is a server; what follows says why. */
      g_prefix_error (&error, _("%s sent a list of votes that Chorus cannot read: "), host);
      return_error (task, error);
      return;
    }

  g_ptr_array_extend_and_steal (reading->read->voters, g_steal_pointer (&page->voters));
  reading->read->ambiguous += page->ambiguous;
  reading->read->out_of_range += page->out_of_range;

  /* The next page, on the same server only, and CHORUS_VOTE_MAX_PAGES at
   * most: a read stopped short is not complete. */
  g_clear_pointer (&reading->url, g_free);
  if (page->token != NULL)
    reading->url = reading->reader->page_url (reading->base, reading->target, reading->read->kind, page->token);
  if (reading->url != NULL && !chorus_pager_same_origin (reading->url, reading->base))
    g_clear_pointer (&reading->url, g_free);

  if (reading->url == NULL)
    reading->read->complete = page->token == NULL && !page->partial;
  else if (reading->pages >= CHORUS_VOTE_MAX_PAGES)
    g_clear_pointer (&reading->url, g_free);

  if (reading->url == NULL)
    {
      read_done (task);
      return;
    }

  fetch_page (task);
}

static void
on_fetched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Reading *reading = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GTask) parse = NULL;
  g_autofree char *host = chorus_http_dup_host (reading->base);
  GError *error = NULL;
  Page *page;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %s is a server; what follows says why. */
        g_prefix_error (&error, _("Chorus could not read the votes of a challenge entry from %s: "), host);
      return_error (task, error);
      return;
    }

  if (response->status == 404 || response->status == 410)
    {
      /* Translators: %s is a server. */
      reading->read->notice = g_strdup_printf (_("This entry’s post was deleted from %s: its votes are the last "
                                                 "ones Chorus read."), host);
      read_done (task);
      return;
    }

  if (response->status != 200)
    {
      return_error (task, g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                       /* Translators: %s is a server, %u an HTTP status code. */
                                       _("%s did not say who voted for a challenge entry (HTTP %u)."),
                                       host, response->status));
      return;
    }

  page = g_new0 (Page, 1);
  page->reader = reading->reader;
  page->page.response = g_steal_pointer (&response);
  page->page.base = reading->base;
  page->page.number = reading->pages;
  page->page.target = reading->target;
  page->page.kind = reading->read->kind;

  parse = g_task_new (NULL, g_task_get_cancellable (task), on_parsed_cb, task);
  g_task_set_source_tag (parse, on_fetched_cb);
  g_task_set_task_data (parse, page, (GDestroyNotify) page_free);
  g_task_run_in_thread (parse, parse_worker);
}

static void
fetch_page (GTask *task)
{
  Reading *reading = g_task_get_task_data (task);

  reading->pages++;
  chorus_http_get_async (reading->http, reading->url, (const char * const *) reading->headers,
                         g_task_get_cancellable (task), on_fetched_cb, task);
}

/**
 * _chorus_votes_read_async:
 * @http: the HTTP client
 * @reader: how the post's network lists its votes
 * @base: the server the post was read from, without a trailing slash
 * @headers: (nullable) (array zero-terminated=1): request headers (the
 *   sign-in), as name, value pairs, sent to @base only
 * @target: the entry, kept by the caller until the read is done
 * @kind: likes, or boosts and reposts
 * @cancellable: (nullable): stops between pages
 * @callback: called when the read is done or failed
 * @user_data: data for @callback
 *
 * Reads who voted on @target's post as described at the top of this file.
 */
void
_chorus_votes_read_async (ChorusHttp              *http,
                          const ChorusVoteReader  *reader,
                          const char              *base,
                          const char * const      *headers,
                          ChorusVoteTarget        *target,
                          ChorusVoteKind           kind,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  GTask *task;
  Reading *reading;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (reader != NULL && base != NULL && target != NULL);

  reading = g_new0 (Reading, 1);
  reading->http = g_object_ref (http);
  reading->reader = reader;
  reading->base = g_strdup (base);
  reading->headers = g_strdupv ((char **) headers);
  reading->read = _chorus_vote_read_new (target, reader->network, kind);
  reading->target = target;
  reading->url = reader->page_url (base, target, kind, NULL);
  if (g_str_equal (reader->network, "mastodon") && (kind == CHORUS_VOTE_LIKE || kind == CHORUS_VOTE_REPOST))
    reading->origin = _chorus_vote_target_dup_origin (target, base, &reading->origin_base);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _chorus_votes_read_async);
  g_task_set_task_data (task, reading, (GDestroyNotify) reading_free);
  fetch_page (task);
}

/**
 * _chorus_votes_read_finish:
 * @result: the result
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the read, its target the one given; %NULL
 *   with @error set
 */
ChorusVoteRead *
_chorus_votes_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
