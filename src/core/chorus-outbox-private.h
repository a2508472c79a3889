/* chorus-outbox-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "chorus-bluesky-session.h"
#include "chorus-http.h"
#include "chorus-incoming.h"
#include "chorus-media-import.h"
#include "chorus-outbox.h"
#include "chorus-source.h"

G_BEGIN_DECLS

/* What the outbox's parts share: the queue's SQL (chorus-store-outbox.c),
 * the sender (chorus-outbox-sender.c) and one module per network
 * (chorus-outbox-mastodon.c, -bluesky.c, -discourse.c). */

/* Discourse's clock and ours may differ: a reply found in the topic counts
 * as this item's when it is at most this much older than the item. */
#define CHORUS_OUTBOX_CLOCK_SKEW_SECONDS (5 * 60)

/* One item as the sender works on it. The payload holds what the network
 * needs, set when it was queued: "target_uri", "target_remote_id" (a
 * Mastodon status id, a Bluesky cid, a Discourse post id), "root_uri",
 * "root_remote_id" (Bluesky: the root's cid, when the workspace has it),
 * "rkey" and "created_at" (Bluesky: the record's key and time),
 * "topic_id" and "post_number" (Discourse), "image" (a variant post's:
 * {"sha256", "type", "alt"}, the file in the media folder and its alt
 * text) and "sent_bodies" (every text an attempt carried). */
typedef struct
{
  gint64            id;
  gint64            source_id;
  ChorusOutboxKind  kind;
  char             *body;               /* NULL for likes and reposts */
  char             *idempotency_key;
  JsonObject       *payload;            /* never NULL */
  guint             attempts;           /* the one under way included, once claimed */
  gint64            created_at;
  gint64            conversation_id;    /* 0 when its target left the workspace */
  GBytes           *image;              /* the payload's image, read from the media folder to send */
  ChorusMediaInfo  *image_info;
} ChorusOutboxJob;

void         _chorus_outbox_job_free            (ChorusOutboxJob  *job);
const char  *_chorus_outbox_job_get_string      (ChorusOutboxJob  *job,
                                                 const char       *member);
gint64       _chorus_outbox_job_get_int         (ChorusOutboxJob  *job,
                                                 const char       *member);
gboolean     _chorus_outbox_job_may_have_gone   (ChorusOutboxJob  *job);
gboolean     _chorus_outbox_job_load_image      (ChorusOutboxJob  *job,
                                                 ChorusStore      *store,
                                                 GError          **error);
const char  *_chorus_outbox_job_get_image_alt   (ChorusOutboxJob  *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusOutboxJob, _chorus_outbox_job_free)

/* The queue, for the sender. Blocking: worker threads. */
GArray      *_chorus_store_outbox_pending_sources (ChorusStore    *self,
                                                   gint64          only_source,
                                                   GError        **error);
GPtrArray   *_chorus_store_outbox_pending_jobs    (ChorusStore    *self,
                                                   gint64          source_id,
                                                   GError        **error);
gboolean     _chorus_store_outbox_claim           (ChorusStore    *self,
                                                   ChorusOutboxJob *job,
                                                   gint64          now,
                                                   GError        **error);
gboolean     _chorus_store_outbox_settle          (ChorusStore    *self,
                                                   gint64          id,
                                                   ChorusOutboxState state,
                                                   const char     *remote_uri,
                                                   const char     *last_error,
                                                   GError        **error);

/* A person's change to an item, with its audit entry. */
gboolean     _chorus_store_outbox_change          (ChorusStore    *self,
                                                   gint64          id,
                                                   const char     *sql,
                                                   const char     *text,
                                                   const char     *action,
                                                   const char     *refusal,
                                                   GError        **error);

/* A reply checked and queued inside a write of another part's (a
 * challenge's winner announced, chorus-store-winners.c). */
gboolean     _chorus_outbox_check_reply           (sqlite3        *db,
                                                   gint64          target_post_id,
                                                   guint          *limit,
                                                   GError        **error);
gint64       _chorus_outbox_queue_reply_in        (sqlite3        *db,
                                                   gint64          target_post_id,
                                                   const char     *body,
                                                   GError        **error);

/* Text: lengths as each network counts them, record keys and Bluesky's
 * rich-text facets. */
typedef enum
{
  CHORUS_OUTBOX_FACET_LINK,
  CHORUS_OUTBOX_FACET_MENTION,
  CHORUS_OUTBOX_FACET_TAG,
} ChorusOutboxFacetKind;

typedef struct
{
  ChorusOutboxFacetKind kind;
  gsize                 byte_start;
  gsize                 byte_end;
  char                 *value;      /* the address, the handle without "@", the tag without "#" */
} ChorusOutboxFacet;

guint        _chorus_outbox_count_graphemes     (const char       *text);
char        *_chorus_outbox_new_tid             (gint64            unix_us);
GArray      *_chorus_outbox_find_facets         (const char       *text);

/* Sending */

typedef enum
{
  CHORUS_OUTBOX_SENT,       /* done: the network has it */
  CHORUS_OUTBOX_REFUSED,    /* the network said no: a person must act */
  CHORUS_OUTBOX_LATER,      /* no answer, or "not now": the next flush tries again */
} ChorusOutboxOutcome;

typedef struct
{
  ChorusOutboxOutcome  outcome;
  char                *remote_uri;      /* when sent, or NULL */
  ChorusIncomingPost  *post;            /* the brand's new post to store, or NULL */
  gint64               followers;       /* the account's followers as the answer gave them, or -1 */
  GError              *error;           /* why, unless sent */
} ChorusOutboxResult;

ChorusOutboxResult *_chorus_outbox_result_sent        (const char          *remote_uri,
                                                       ChorusIncomingPost  *post);
ChorusOutboxResult *_chorus_outbox_result_new         (ChorusOutboxOutcome  outcome,
                                                       GError              *error);
void                _chorus_outbox_result_free        (ChorusOutboxResult  *result);
ChorusOutboxState   _chorus_outbox_result_state       (ChorusOutboxResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusOutboxResult, _chorus_outbox_result_free)

gboolean     _chorus_store_outbox_note_failure  (ChorusStore         *self,
                                                 gint64               source_id,
                                                 GPtrArray           *jobs,
                                                 const GError        *failure,
                                                 GError             **error);
gboolean     _chorus_store_outbox_record        (ChorusStore         *self,
                                                 ChorusOutboxJob     *job,
                                                 ChorusOutboxResult  *result,
                                                 GError             **error);

/* A signed-in source for one flush. Its credentials only ever go to
 * @origin: the Mastodon instance, the Bluesky account's PDS or the forum. */
typedef struct
{
  ChorusHttp         *http;       /* reads, which may be repeated */
  ChorusHttp         *once;       /* sends: one attempt each, the outbox decides on another */
  ChorusSource       *source;
  char               *network_name;  /* "Mastodon", "Bluesky" or the forum's host, for messages */
  char               *origin;     /* without a trailing slash */
  char               *secret;     /* a Mastodon token or a Discourse key, wiped when freed */
  ChorusBlueskyLogin *login;
  char               *did;        /* the Bluesky account's */
} ChorusOutboxChannel;

void         _chorus_outbox_channel_open_async  (ChorusHttp          *http,
                                                 ChorusHttp          *once,
                                                 ChorusSource        *source,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
ChorusOutboxChannel *_chorus_outbox_channel_open_finish (GAsyncResult *result,
                                                         GError      **error);
void         _chorus_outbox_channel_free        (ChorusOutboxChannel *channel);
void         _chorus_outbox_channel_get_async   (ChorusOutboxChannel *channel,
                                                 const char          *path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void         _chorus_outbox_channel_send_async  (ChorusOutboxChannel *channel,
                                                 const char          *path,
                                                 const char          *content_type,
                                                 GBytes              *body,
                                                 const char          *idempotency_key,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void         _chorus_outbox_channel_post_async  (ChorusOutboxChannel *channel,
                                                 const char          *path,
                                                 JsonNode            *body,
                                                 const char          *idempotency_key,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
ChorusOutboxResult *_chorus_outbox_channel_refusal (ChorusOutboxChannel *channel,
                                                    ChorusOutboxJob     *job,
                                                    ChorusHttpResponse  *response);
ChorusOutboxResult *_chorus_outbox_transport_failure (GError            *error);
ChorusOutboxResult *_chorus_outbox_image_unanswered  (ChorusOutboxChannel *channel,
                                                      ChorusHttpResponse  *response);
ChorusHttpResponse *_chorus_outbox_take_answer     (GTask               *task,
                                                    GObject             *http,
                                                    GAsyncResult        *result,
                                                    ChorusOutboxChannel *channel,
                                                    ChorusOutboxJob     *job,
                                                    guint                handled);
GError      *_chorus_outbox_new_gone_error      (ChorusOutboxChannel *channel,
                                                 ChorusOutboxJob     *job);
JsonNode    *_chorus_outbox_response_json       (ChorusHttpResponse  *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusOutboxChannel, _chorus_outbox_channel_free)

typedef void (*ChorusOutboxSendFunc) (ChorusOutboxChannel *channel,
                                      ChorusOutboxJob     *job,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);

void         _chorus_outbox_mastodon_send_async  (ChorusOutboxChannel *channel,
                                                  ChorusOutboxJob     *job,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void         _chorus_outbox_bluesky_send_async   (ChorusOutboxChannel *channel,
                                                  ChorusOutboxJob     *job,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void         _chorus_outbox_discourse_send_async (ChorusOutboxChannel *channel,
                                                  ChorusOutboxJob     *job,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
ChorusOutboxResult *_chorus_outbox_send_finish   (GAsyncResult        *result);
void         _chorus_outbox_send_return      (GTask               *task,
                                              ChorusOutboxResult  *result);

G_END_DECLS
