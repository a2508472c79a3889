/* chorus-pager.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
#include "chorus-store-ingest.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* One page of a stream, as the pager hands it to the stream's functions. */
typedef struct
{
  /* What the pager knows. */
  const char         *cursor;        /* the stream's saved cursor when the sync began, or NULL */
  const char         *token;         /* what the previous page said to fetch next, NULL for the first */
  guint               index;         /* 0 for the first page of this sync */
  ChorusHttpResponse *response;      /* a 200 answer */

  /* What the stream's functions say. */
  GPtrArray          *posts;         /* ChorusIncomingPost, or NULL for none */
  char               *next_token;    /* fetch another page with it, or NULL when the stream is done */
  char               *save_cursor;   /* stored with this page's posts, or NULL to keep the cursor */
  GPtrArray          *more_streams;  /* ChorusPagerStream to run after the others, or NULL */
} ChorusPage;

/* Returns the address of the page to fetch (main thread). */
typedef char    *(*ChorusPagerUrlFunc)   (gpointer     data,
                                          const char  *cursor,
                                          const char  *token);
/* Optional, main thread: sets page->next_token from the answer's headers
 * alone, so the next page is fetched while this one is parsed. When it
 * sets none, the parse decides. */
typedef void     (*ChorusPagerPeekFunc)  (gpointer     data,
                                          ChorusPage  *page);
/* Worker thread: reads page->response into the other fields. */
typedef gboolean (*ChorusPagerParseFunc) (gpointer     data,
                                          ChorusPage  *page,
                                          GError     **error);

/* Optional, main thread: the address of the thread around @post when the
 * page alone does not place it (a reply whose parent the page does not
 * name, or whose parents are worth keeping), or NULL. */
typedef char      *(*ChorusPagerThreadUrlFunc)   (gpointer             data,
                                                  ChorusIncomingPost  *post);
/* Main thread: the posts of a thread answer, @post's updated in place. */
typedef GPtrArray *(*ChorusPagerThreadParseFunc) (gpointer             data,
                                                  ChorusIncomingPost  *post,
                                                  const char          *body,
                                                  gsize                length,
                                                  GError             **error);

typedef struct
{
  char                 *key;         /* the cursor's stream name, or NULL for none */
  char                 *what;        /* for messages: "the #coffee timeline" */
  ChorusPagerUrlFunc    url;
  ChorusPagerPeekFunc   peek;
  ChorusPagerParseFunc  parse;
  ChorusPagerThreadUrlFunc   thread_url;    /* set after chorus_pager_stream_new (), or NULL */
  ChorusPagerThreadParseFunc thread_parse;
  gboolean              optional;     /* an HTTP error other than 401/403 ends it quietly */
  gboolean              may_forbid;   /* with optional: a 403 too (one private topic, not a refused sign-in) */
  gpointer              data;
  GDestroyNotify        data_free;
} ChorusPagerStream;

ChorusPagerStream *chorus_pager_stream_new   (const char           *key,
                                              const char           *what,
                                              ChorusPagerUrlFunc    url,
                                              ChorusPagerPeekFunc   peek,
                                              ChorusPagerParseFunc  parse,
                                              gpointer              data,
                                              GDestroyNotify        data_free);
void               chorus_pager_stream_free  (ChorusPagerStream    *stream);
GPtrArray         *chorus_pager_stream_array_new (void);

void               chorus_pager_run_async    (ChorusStore          *store,
                                              ChorusHttp           *http,
                                              gint64                source_id,
                                              const char           *server_url,
                                              const char * const   *headers,
                                              GPtrArray            *streams,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean           chorus_pager_run_finish   (GAsyncResult         *result,
                                              ChorusIngestResult   *ingested,
                                              GError              **error);

void               chorus_pager_return_ingested (GTask                    *task,
                                                 const ChorusIngestResult *ingested);
gboolean           chorus_pager_same_origin  (const char           *url,
                                              const char           *server_url);
gboolean           chorus_pager_id_is_newer  (const char           *id,
                                              const char           *than);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusPagerStream, chorus_pager_stream_free)

G_END_DECLS
