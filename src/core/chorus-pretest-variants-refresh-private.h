/* chorus-pretest-variants-refresh-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-store-ingest.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* What refreshing variant posts shares between networks
 * (chorus-pretest-variants-refresh.c): listing an account's live posts,
 * reading them batch by batch through a network's reader, and writing
 * what each batch found in one transaction. A reader
 * (chorus-pretest-variants-refresh.c for Mastodon,
 * chorus-pretest-variants-bluesky.c) only asks and reads answers. */

enum
{
  CHORUS_VARIANT_LIKES,
  CHORUS_VARIANT_REPOSTS,
  CHORUS_VARIANT_REPLIES,
  CHORUS_VARIANT_N_COUNTS
};

/* One sent variant post of a running run. */
typedef struct
{
  gint64    run_id;
  gint64    variant_id;
  char     *remote_id;                        /* a Mastodon status id, a Bluesky at:// URI */

  /* What the reader found: its counts, or that it was deleted; neither
   * leaves the post as it was. */
  gboolean  read;
  gboolean  gone;
  gint64    counts[CHORUS_VARIANT_N_COUNTS];
} ChorusVariantPost;

typedef struct _ChorusVariantRefresh ChorusVariantRefresh;

/* Reads posts [first, first + n) of the refresh (the task's data), adds
 * the replies it found to @replies, then calls
 * _chorus_variant_refresh_read_done () once. Main thread. */
typedef void (*ChorusVariantReadFunc) (GTask *task);

struct _ChorusVariantRefresh
{
  ChorusStore            *store;
  ChorusHttp             *http;
  gint64                  source_id;
  char                   *base;         /* the server, without a trailing slash */
  char                   *where;        /* for messages: the server's host, or "Bluesky" */
  GStrv                   headers;      /* the sign-in, wiped when freed */
  ChorusVariantReadFunc   read;
  guint                   batch;        /* posts one read takes at most */

  GArray                 *posts;        /* ChorusVariantPost */
  guint                   first;        /* the posts being read */
  guint                   n;
  guint                   step;         /* the reader's place among them */
  GPtrArray              *replies;      /* ChorusIncomingPost, stored with the batch */

  guint                   refreshed;
  ChorusIngestResult      ingested;
};

void      _chorus_variant_refresh_start        (ChorusStore           *store,
                                                ChorusHttp            *http,
                                                gint64                 source_id,
                                                const char            *server_url,
                                                const char            *where,
                                                const char * const    *headers,
                                                guint                  batch,
                                                ChorusVariantReadFunc  read,
                                                gpointer               source_tag,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
gboolean  _chorus_variant_refresh_finish       (GAsyncResult          *result,
                                                gpointer               source_tag,
                                                guint                 *n_refreshed,
                                                ChorusIngestResult    *ingested,
                                                GError               **error);

/* For readers. */
ChorusVariantPost *_chorus_variant_refresh_get_post (ChorusVariantRefresh *refresh,
                                                     guint                 index);
void      _chorus_variant_refresh_get          (GTask                 *task,
                                                const char            *url,
                                                GAsyncReadyCallback    callback);
void      _chorus_variant_refresh_read_done    (GTask                 *task,
                                                GError                *error);
GError   *_chorus_variant_refresh_status_error (ChorusVariantRefresh  *refresh,
                                                guint                  status);
GError   *_chorus_variant_refresh_parse_error  (ChorusVariantRefresh  *refresh);

G_END_DECLS
