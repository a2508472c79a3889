/* chorus-pretest-mastodon.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* Mastodon's stock poll limits, which hold until a sync has read the
 * instance's own (GET /api/v2/instance). */
#define CHORUS_POLL_DEFAULT_MAX_OPTIONS                4
#define CHORUS_POLL_DEFAULT_MAX_CHARACTERS_PER_OPTION  50
#define CHORUS_POLL_DEFAULT_MIN_EXPIRATION             300
#define CHORUS_POLL_DEFAULT_MAX_EXPIRATION             2629746

/* What polls on one Mastodon server may be; durations in seconds. */
typedef struct
{
  gint64   max_options;
  gint64   max_characters_per_option;
  gint64   min_expiration;
  gint64   max_expiration;
  gboolean known;             /* read from the server; FALSE: Mastodon's defaults */
} ChorusPollLimits;

gboolean  chorus_store_get_poll_limits             (ChorusStore          *self,
                                                    gint64                source_id,
                                                    ChorusPollLimits     *limits,
                                                    GError              **error);

gint64    chorus_store_launch_mastodon_poll        (ChorusStore          *self,
                                                    gint64                campaign_id,
                                                    gint64                source_id,
                                                    const char           *question,
                                                    gint64                duration_seconds,
                                                    GError              **error);
void      chorus_store_launch_mastodon_poll_async  (ChorusStore          *self,
                                                    gint64                campaign_id,
                                                    gint64                source_id,
                                                    const char           *question,
                                                    gint64                duration_seconds,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gint64    chorus_store_launch_mastodon_poll_finish (ChorusStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* For the outbox: a sent poll's id on its server and its status. */
gboolean  chorus_store_record_mastodon_poll_sent   (ChorusStore          *self,
                                                    gint64                outbox_id,
                                                    const char           *poll_id,
                                                    const char           *status_uri,
                                                    GError              **error);

/* For the Mastodon sync: reads the polls of @source_id's running runs. */
void      chorus_mastodon_refresh_polls_async      (ChorusStore          *store,
                                                    ChorusHttp           *http,
                                                    gint64                source_id,
                                                    const char           *server_url,
                                                    const char * const   *headers,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean  chorus_mastodon_refresh_polls_finish     (GAsyncResult         *result,
                                                    guint                *n_refreshed,
                                                    GError              **error);

G_END_DECLS
