/* chorus-pretest-discourse.h
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

/* A pre-test run on a Discourse poll: the campaign's variants become the
 * options of a poll posted on the brand's forum, either as a reply in an
 * existing topic or as the first post of a new topic. The outbox posts it
 * once (chorus-outbox-discourse.c), each sync of the forum reads its votes
 * into observations and, when the poll is public, who voted for what
 * (chorus-pretest-discourse-refresh.c). */

/* Discourse's stock limits, which a forum's admins can change. */
#define CHORUS_DISCOURSE_POLL_MIN_TITLE_LENGTH   15   /* min_topic_title_length */
#define CHORUS_DISCOURSE_POLL_MAX_TITLE_LENGTH   255  /* max_topic_title_length */
#define CHORUS_DISCOURSE_POLL_MAX_OPTION_LENGTH  255  /* longest option Chorus offers */
#define CHORUS_DISCOURSE_POLL_MAX_OPTIONS        20   /* poll_maximum_options */

/* Where the poll goes: @topic_id > 0 for a reply in that topic (then
 * @title and @category_id are ignored), else a new topic called @title in
 * category @category_id (0 for the forum's default category). */
typedef struct
{
  gint64      topic_id;
  const char *title;
  gint64      category_id;
} ChorusDiscoursePollPlace;

/* One forum member who voted for a variant in a public poll. */
typedef struct
{
  gint64  variant_id;
  char   *username;
  gint64  first_seen_at;     /* Unix time of the sync that first saw the vote */
} ChorusRunVoter;

#define CHORUS_TYPE_RUN_VOTER (chorus_run_voter_get_type ())

GType           chorus_run_voter_get_type                 (void) G_GNUC_CONST;
ChorusRunVoter *chorus_run_voter_copy                     (const ChorusRunVoter        *voter);
void            chorus_run_voter_free                     (ChorusRunVoter              *voter);

gint64          chorus_store_launch_discourse_poll        (ChorusStore                 *self,
                                                           gint64                       campaign_id,
                                                           gint64                       source_id,
                                                           const ChorusDiscoursePollPlace *place,
                                                           const char                  *question,
                                                           gint64                       duration_seconds,
                                                           gboolean                     public_voters,
                                                           GError                     **error);
void            chorus_store_launch_discourse_poll_async  (ChorusStore                 *self,
                                                           gint64                       campaign_id,
                                                           gint64                       source_id,
                                                           const ChorusDiscoursePollPlace *place,
                                                           const char                  *question,
                                                           gint64                       duration_seconds,
                                                           gboolean                     public_voters,
                                                           GCancellable                *cancellable,
                                                           GAsyncReadyCallback          callback,
                                                           gpointer                     user_data);
gint64          chorus_store_launch_discourse_poll_finish (ChorusStore                 *self,
                                                           GAsyncResult                *result,
                                                           GError                     **error);

GPtrArray      *chorus_store_list_run_voters              (ChorusStore                 *self,
                                                           gint64                       run_id,
                                                           GError                     **error);

/* For the Discourse sync: reads the polls of @source_id's running runs. */
void            chorus_discourse_refresh_polls_async      (ChorusStore                 *store,
                                                           ChorusHttp                  *http,
                                                           gint64                       source_id,
                                                           const char                  *forum_url,
                                                           const char * const          *headers,
                                                           GCancellable                *cancellable,
                                                           GAsyncReadyCallback          callback,
                                                           gpointer                     user_data);
gboolean        chorus_discourse_refresh_polls_finish     (GAsyncResult                *result,
                                                           guint                       *n_refreshed,
                                                           GError                     **error);

/* For the Discourse sync: the pager, then the polls. */
void            chorus_discourse_run_with_polls_async     (ChorusStore                 *store,
                                                           ChorusHttp                  *http,
                                                           gint64                       source_id,
                                                           const char                  *forum_url,
                                                           const char * const          *headers,
                                                           GPtrArray                   *streams,
                                                           GCancellable                *cancellable,
                                                           GAsyncReadyCallback          callback,
                                                           gpointer                     user_data);

G_END_DECLS
