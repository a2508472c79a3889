/* chorus-outbox.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-outbox-item.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* What a reply may hold when the network does not say otherwise. */
#define CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT 500     /* characters, until the instance's limits are read */
#define CHORUS_OUTBOX_BLUESKY_LIMIT          300     /* graphemes */
#define CHORUS_OUTBOX_BLUESKY_MAX_BYTES      3000    /* UTF-8 bytes */
#define CHORUS_OUTBOX_DISCOURSE_LIMIT        32000   /* characters, Discourse's default max_post_length */
/* The largest image each network takes in a post, in bytes: Bluesky's
 * blobs, and Mastodon's until the instance states its own (16 MB). */
#define CHORUS_OUTBOX_BLUESKY_IMAGE_BYTES          1000000
#define CHORUS_OUTBOX_MASTODON_DEFAULT_IMAGE_BYTES (16 * 1000 * 1000)

guint             chorus_outbox_count_length        (const char           *network,
                                                     const char           *text);

gboolean          chorus_store_get_reply_limit      (ChorusStore          *self,
                                                     gint64                target_post_id,
                                                     guint                *limit,
                                                     GError              **error);
gint64            chorus_store_queue_reply          (ChorusStore          *self,
                                                     gint64                target_post_id,
                                                     const char           *body,
                                                     GError              **error);
gint64            chorus_store_queue_like           (ChorusStore          *self,
                                                     gint64                target_post_id,
                                                     GError              **error);
gint64            chorus_store_queue_repost         (ChorusStore          *self,
                                                     gint64                target_post_id,
                                                     GError              **error);
GPtrArray        *chorus_store_list_outbox          (ChorusStore          *self,
                                                     gint64                conversation_id,
                                                     GError              **error);
ChorusOutboxItem *chorus_store_load_outbox_item     (ChorusStore          *self,
                                                     gint64                id,
                                                     GError              **error);
gboolean          chorus_store_retry_outbox_item    (ChorusStore          *self,
                                                     gint64                id,
                                                     GError              **error);
gboolean          chorus_store_edit_outbox_item     (ChorusStore          *self,
                                                     gint64                id,
                                                     const char           *body,
                                                     GError              **error);
gboolean          chorus_store_cancel_outbox_item   (ChorusStore          *self,
                                                     gint64                id,
                                                     GError              **error);

/* Some items wait for their time (a pre-test's scheduled posts): a flush
 * leaves them queued. When the next one is due, in Unix seconds, or 0. */
gint64            chorus_store_next_outbox_due      (ChorusStore          *self,
                                                     GError              **error);

/* The changes above, in a worker thread, for the main thread. */
typedef enum
{
  CHORUS_OUTBOX_QUEUE_REPLY,    /* the id of the post to answer, and the text */
  CHORUS_OUTBOX_QUEUE_LIKE,     /* the id of the post to like */
  CHORUS_OUTBOX_QUEUE_REPOST,   /* the id of the post to repost */
  CHORUS_OUTBOX_RETRY,          /* the id of a failed item */
  CHORUS_OUTBOX_EDIT,           /* the id of a queued or failed reply, and its new text */
  CHORUS_OUTBOX_CANCEL,         /* the id of a queued or failed item */
} ChorusOutboxChange;

void              chorus_store_change_outbox_async  (ChorusStore          *self,
                                                     ChorusOutboxChange    change,
                                                     gint64                id,
                                                     const char           *body,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
ChorusOutboxItem *chorus_store_change_outbox_finish (ChorusStore          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void              chorus_store_list_outbox_async    (ChorusStore          *self,
                                                     gint64                conversation_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray        *chorus_store_list_outbox_finish   (ChorusStore          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
