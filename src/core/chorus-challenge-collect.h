/* chorus-challenge-collect.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
#include "chorus-media-cache.h"
#include "chorus-source.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* The largest image an entry may have, in bytes. */
#define CHORUS_ENTRY_IMAGE_MAX_BYTES (10 * 1024 * 1024)

/* Pages a challenge's hashtag reads back at most on its first sync, to
 * reach the start of its submissions (see chorus-challenge-follow.c). */
#define CHORUS_CHALLENGE_BACKFILL_PAGES 25

/* What one run of the collector did. */
typedef struct
{
  guint entries_added;
  guint entries_waiting;      /* posts whose image could not be stored this time */
  guint votes_added;
  guint votes_removed;        /* withdrawn since the last read */
} ChorusCollectResult;

GStrv         chorus_store_dup_challenge_hashtags       (ChorusStore          *store,
                                                         gint64                now,
                                                         GError              **error);
ChorusSource *chorus_challenge_collect_dup_reading_source (ChorusStore        *store,
                                                           ChorusSource       *source);
gint64        chorus_challenge_collect_get_opens_at     (ChorusSource         *source,
                                                         const char           *hashtag);
void          chorus_challenge_collect_async            (ChorusStore          *store,
                                                         ChorusHttp           *http,
                                                         ChorusMediaCache     *cache,
                                                         ChorusSource         *source,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean      chorus_challenge_collect_finish           (GAsyncResult         *result,
                                                         ChorusCollectResult  *collected,
                                                         GError              **error);

void          chorus_store_list_waiting_entries_async   (ChorusStore          *store,
                                                         gint64                challenge_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GPtrArray    *chorus_store_list_waiting_entries_finish  (ChorusStore          *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
