/* chorus-pretest-variants.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-sentiment.h"
#include "chorus-store-ingest.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* The "variant posts" pre-test: each of a campaign's variants is posted,
 * as an ordinary post (its text, then its link, with its image and the
 * image's alt text), from each chosen Mastodon or Bluesky account, and
 * the community's likes, reposts and replies to each are compared out of
 * the followers each post reached.
 *
 * Launching writes everything in one transaction: the run, whose
 * `schedule` column records the seed, the spacing and each account's
 * order as JSON; one run_posts row and one outbox item (kind "post") per
 * variant and account. Each account posts the variants in its own random
 * order, drawn from @seed (the same seed gives the same orders): the first
 * at once, each next one @spacing_seconds later. The outbox sends nothing
 * before its time (chorus_store_next_outbox_due() says when to flush
 * next), and each item once.
 *
 * Once sent, a post is the brand's own post in the workspace (replies the
 * sync finds thread under it), the run post keeps its id on the network,
 * and the account's followers at that moment become the variant's "reach"
 * observation on that account: the exposures the analysis divides by. It
 * is an upper bound of who could have seen the post (not everyone
 * follows their timeline, and reposts reach further), the same for every
 * variant of one account, which is what makes the comparison fair.
 *
 * Mastodon gives the followers in the answer to the post; on Bluesky the
 * outbox reads the profile right after (app.bsky.actor.getProfile).
 *
 * Each sync of an account reads its sent posts' counts into "likes",
 * "reposts" and "replies" observations (snapshots, written only when a
 * count moved), and tells the run when it was last read
 * (chorus-pretest-variants-refresh.c). On Bluesky a quote counts as a
 * repost. Replies are posts of the workspace in the thread of the brand's
 * post: on Mastodon those the account's mentions bring, on Bluesky also
 * each post's direct replies, read at the same time as its counts
 * (chorus-pretest-variants-bluesky.c). Their sentiment is read when they
 * are listed. */

gint64     chorus_store_launch_variant_posts        (ChorusStore          *self,
                                                     gint64                campaign_id,
                                                     const gint64         *source_ids,
                                                     guint                 n_sources,
                                                     gint64                spacing_seconds,
                                                     guint64               seed,
                                                     GError              **error);
void       chorus_store_launch_variant_posts_async  (ChorusStore          *self,
                                                     gint64                campaign_id,
                                                     const gint64         *source_ids,
                                                     guint                 n_sources,
                                                     gint64                spacing_seconds,
                                                     guint64               seed,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gint64     chorus_store_launch_variant_posts_finish (ChorusStore          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* For the outbox: what the network made of a variant post. @followers is
 * the account's followers count as the network gave it then, or -1. */
gboolean   chorus_store_record_variant_post_sent    (ChorusStore          *self,
                                                     gint64                outbox_id,
                                                     const char           *remote_id,
                                                     const char           *post_uri,
                                                     gint64                followers,
                                                     GError              **error);

/* The top replies to @variant_id's posts (most liked first, then newest)
 * as ChorusPost objects, at most @limit, and in @mix_out the sentiment of
 * all of them (a person's correction wins over the automatic one). */
GPtrArray *chorus_store_list_variant_replies        (ChorusStore          *self,
                                                     gint64                campaign_id,
                                                     gint64                variant_id,
                                                     guint                 limit,
                                                     ChorusSentimentMix   *mix_out,
                                                     GError              **error);
void       chorus_store_list_variant_replies_async  (ChorusStore          *self,
                                                     gint64                campaign_id,
                                                     gint64                variant_id,
                                                     guint                 limit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray *chorus_store_list_variant_replies_finish (ChorusStore          *self,
                                                     GAsyncResult         *result,
                                                     ChorusSentimentMix   *mix_out,
                                                     GError              **error);

/* For the syncs: read the counts of @source_id's sent variant posts in
 * running runs (on Bluesky, their replies too). */
void       chorus_mastodon_refresh_variant_posts_async  (ChorusStore          *store,
                                                         ChorusHttp           *http,
                                                         gint64                source_id,
                                                         const char           *server_url,
                                                         const char * const   *headers,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean   chorus_mastodon_refresh_variant_posts_finish (GAsyncResult         *result,
                                                         guint                *n_refreshed,
                                                         GError              **error);
void       chorus_bluesky_refresh_variant_posts_async   (ChorusStore          *store,
                                                         ChorusHttp           *http,
                                                         gint64                source_id,
                                                         const char           *pds_url,
                                                         const char * const   *headers,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean   chorus_bluesky_refresh_variant_posts_finish  (GAsyncResult         *result,
                                                         guint                *n_refreshed,
                                                         ChorusIngestResult   *ingested,
                                                         GError              **error);

G_END_DECLS
