/* chorus-pretest-refresh-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-store-ingest.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* What reading pre-test results during a sync shares, whatever the
 * instrument and network (chorus-pretest-refresh.c): list what the
 * account has running, read it batch by batch from the network, and write
 * each batch in one transaction, once the posts it found are stored. */

typedef struct _ChorusPretestRefresh ChorusPretestRefresh;

typedef struct
{
  gsize            item_size;
  GDestroyNotify   item_clear;
  guint            batch;       /* items one read takes at most */

  /* Worker thread: appends the source's items to refresh->items. */
  gboolean       (*list)  (ChorusPretestRefresh  *refresh,
                           sqlite3               *db,
                           GError               **error);
  /* Main thread: reads the batch's items (the task's data is the
   * refresh), noting what it found in them and adding the posts it found
   * to refresh->posts, then calls _chorus_pretest_refresh_read_done ()
   * once. */
  void           (*read)  (GTask                 *task);
  /* Worker thread, in the batch's transaction: writes what was found and
   * counts in refresh->refreshed the items it refreshed. */
  gboolean       (*write) (ChorusPretestRefresh  *refresh,
                           sqlite3               *db,
                           GError               **error);
} ChorusPretestRefreshOps;

struct _ChorusPretestRefresh
{
  ChorusStore              *store;
  ChorusHttp               *http;
  gint64                    source_id;
  char                     *base;       /* the server, without a trailing slash */
  char                     *where;      /* names it in messages: its host, or a network */
  GStrv                     headers;    /* the sign-in, wiped when freed */
  ChorusPretestRefreshOps   ops;

  GArray                   *items;
  guint                     first;      /* the batch being read */
  guint                     n;
  guint                     step;       /* the reader's place in it */
  GPtrArray                *posts;      /* ChorusIncomingPost, stored with the batch */

  guint                     refreshed;
  ChorusIngestResult        ingested;
};

void      _chorus_pretest_refresh_start     (ChorusStore                    *store,
                                             ChorusHttp                     *http,
                                             gint64                          source_id,
                                             const char                     *server_url,
                                             const char                     *where,
                                             const char * const             *headers,
                                             const ChorusPretestRefreshOps  *ops,
                                             gpointer                        source_tag,
                                             GCancellable                   *cancellable,
                                             GAsyncReadyCallback             callback,
                                             gpointer                        user_data);
gboolean  _chorus_pretest_refresh_finish    (GAsyncResult                   *result,
                                             gpointer                        source_tag,
                                             guint                          *n_refreshed,
                                             ChorusIngestResult             *ingested,
                                             GError                        **error);

/* What an item of a run-wide instrument (a poll) starts with. */
typedef struct
{
  gint64  id;
  char   *remote_id;      /* the poll's id (Mastodon), its post's (Discourse) */
} ChorusPretestRunRef;

/* A ChorusPretestRefreshOps.list: the source's running runs of
 * @instrument that were posted, each an item starting with a
 * ChorusPretestRunRef (the rest zeroed). */
gboolean  _chorus_pretest_refresh_list_runs (ChorusPretestRefresh           *refresh,
                                             sqlite3                        *db,
                                             const char                     *instrument,
                                             GError                        **error);

/* For readers. */
gpointer  _chorus_pretest_refresh_get_item  (ChorusPretestRefresh           *refresh,
                                             guint                           index);
char     *_chorus_pretest_refresh_dup_url   (ChorusPretestRefresh           *refresh,
                                             const char                     *path,
                                             const char                     *id,
                                             const char                     *suffix);
void      _chorus_pretest_refresh_get       (GTask                          *task,
                                             const char                     *url,
                                             GAsyncReadyCallback             callback);
void      _chorus_pretest_refresh_read_done (GTask                          *task,
                                             GError                         *error);

G_END_DECLS
