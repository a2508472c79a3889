/* fake-mastodon.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Mastodon server for tests and benchmarks, on 127.0.0.1 and a random
 * port, running in a thread of its own so that the thread that started it
 * (or a subprocess) can hammer it. It serves one hashtag timeline, the
 * account's mentions, verify_credentials and statuses' context, with
 * Mastodon's paging (limit, max_id, since_id, min_id, Link headers). It
 * also takes statuses (POST /api/v1/statuses, with Mastodon's
 * Idempotency-Key, and images uploaded to POST /api/v2/media), favourites
 * and reblogs, records every write and upload, and
 * serves one status (GET /api/v1/statuses/:id). A status may carry a
 * poll, checked against the limits /api/v2/instance states (tests can
 * change them); GET /api/v1/polls/:id serves it with the counts a test
 * set, and tests can end it or delete it.
 *
 * Its statuses are made from the real ones in the corpus: each gets an
 * increasing snowflake id, its own uri and url on config->host, a later
 * created_at and text of its own. The same config gives the same
 * statuses, byte for byte, whatever the port. */

typedef struct _FakeMastodon FakeMastodon;

typedef struct
{
  const char *corpus_dir;     /* the corpus, holding mastodon/real/ */
  const char *tag;            /* the hashtag whose timeline holds every status */
  const char *token;          /* the access token the server accepts */
  const char *host;           /* in the statuses' uri and url; NULL for "fake.example" */
  guint       statuses;       /* how many to hold from the start */
  guint       mention_every;  /* every nth status also mentions the account; 0 for none */
  guint       reply_every;    /* every nth status answers the one before it; 0 for none */
  guint       slow_ms;        /* how late FAKE_MASTODON_FAULT_SLOW answers; 0 for 2 s */
} FakeMastodonConfig;

typedef enum
{
  FAKE_MASTODON_FAULT_NONE,
  FAKE_MASTODON_FAULT_RATE_LIMIT,    /* 429 with Retry-After: 1 */
  FAKE_MASTODON_FAULT_SERVER_ERROR,  /* 500 */
  FAKE_MASTODON_FAULT_DROP,          /* half the body, then the connection closes */
  FAKE_MASTODON_FAULT_SLOW,          /* the answer, config->slow_ms late */
  FAKE_MASTODON_FAULT_OVERSIZED,     /* 17 MiB of JSON */
  FAKE_MASTODON_FAULT_MALFORMED,     /* 200, but the JSON stops in the middle */
  FAKE_MASTODON_FAULT_STALL,         /* done (a status is made), but never answered */
  FAKE_MASTODON_FAULT_UNPROCESSABLE, /* 422, as Mastodon refuses a status too long */
} FakeMastodonFault;

typedef struct
{
  guint statuses;
  guint requests;             /* all of them, faults included */
  guint list_requests;        /* for a page of statuses or mentions, faults included */
  guint faults_served;
  guint status_posts;         /* POST /api/v1/statuses received, faults included */
  guint created;              /* statuses made by them */
  guint favourites;           /* statuses favourited */
  guint reblogs;              /* statuses reblogged */
  guint poll_reads;           /* GET /api/v1/polls/:id received, faults included */
  guint status_reads;         /* GET /api/v1/statuses/:id received, faults included */
} FakeMastodonStats;

/* One write the server received. */
typedef struct
{
  char  *path;
  char  *idempotency_key;     /* or NULL */
  char  *body;                /* as received */
  guint  status;              /* what it answered, or was to answer when stalled */
} FakeMastodonWrite;

/* Called in the server's thread as each request arrives, before it is
 * answered; @number counts every request, from 1. */
typedef void (*FakeMastodonRequestFunc) (guint       number,
                                         const char *path,
                                         gpointer    user_data);

FakeMastodon *fake_mastodon_start           (const FakeMastodonConfig *config);
void          fake_mastodon_stop            (FakeMastodon             *self);

const char   *fake_mastodon_get_url         (FakeMastodon             *self);
void          fake_mastodon_append          (FakeMastodon             *self,
                                             guint                     n);
FakeMastodonStats fake_mastodon_get_stats   (FakeMastodon             *self);

void          fake_mastodon_add_fault       (FakeMastodon             *self,
                                             guint                     request,
                                             FakeMastodonFault         fault);
void          fake_mastodon_add_page_fault  (FakeMastodon             *self,
                                             guint                     page,
                                             FakeMastodonFault         fault);
void          fake_mastodon_set_request_func (FakeMastodon            *self,
                                              FakeMastodonRequestFunc  func,
                                              gpointer                 user_data);
void          fake_mastodon_add_post_fault  (FakeMastodon             *self,
                                             guint                     post,
                                             FakeMastodonFault         fault);
GPtrArray    *fake_mastodon_dup_writes      (FakeMastodon             *self);
void          fake_mastodon_set_visibility  (FakeMastodon             *self,
                                             guint64                   status_id,
                                             const char               *visibility);
void          fake_mastodon_write_free      (FakeMastodonWrite        *write);

void          fake_mastodon_set_poll_limits (FakeMastodon             *self,
                                             guint                     max_options,
                                             guint                     max_characters_per_option,
                                             guint                     min_expiration,
                                             guint                     max_expiration);
void          fake_mastodon_set_poll_votes  (FakeMastodon             *self,
                                             const char               *poll_id_or_NULL_for_latest,
                                             const gint64             *votes,
                                             guint                     n);
void          fake_mastodon_expire_poll     (FakeMastodon             *self,
                                             const char               *poll_id_or_NULL_for_latest);
void          fake_mastodon_delete_poll     (FakeMastodon             *self,
                                             const char               *poll_id_or_NULL_for_latest);
void          fake_mastodon_add_poll_fault  (FakeMastodon             *self,
                                             guint                     poll_read,
                                             FakeMastodonFault         fault);

/* Variant posts: statuses made carry the account's followers; their
 * counts can be set (each status made is numbered from 0), they can be
 * deleted, and their reads can fail. */
void          fake_mastodon_set_followers   (FakeMastodon             *self,
                                             gint64                    followers);
void          fake_mastodon_set_status_counts (FakeMastodon           *self,
                                               guint                   index,
                                               gint64                  likes,
                                               gint64                  reposts,
                                               gint64                  replies);
void          fake_mastodon_delete_status   (FakeMastodon             *self,
                                             guint                     index);
void          fake_mastodon_add_status_fault (FakeMastodon            *self,
                                              guint                    status_read,
                                              FakeMastodonFault        fault);

/* Images: every upload to POST /api/v2/media, as received. A test can
 * have each new one processed only after @processing_reads reads of GET
 * /api/v1/media/:id (0: at once), and set the image size limit
 * /api/v2/instance states (0 keeps it). */
typedef struct
{
  char     *id;
  char     *filename;
  char     *content_type;
  char     *description;       /* the alt text, or NULL */
  GBytes   *bytes;
  gboolean  attached;          /* to a status */
} FakeMastodonUpload;

GPtrArray    *fake_mastodon_dup_uploads     (FakeMastodon             *self);
void          fake_mastodon_configure_media (FakeMastodon             *self,
                                             guint                     processing_reads,
                                             gint64                    image_size_limit);
guint         fake_mastodon_get_media_reads (FakeMastodon             *self);
void          fake_mastodon_upload_free     (FakeMastodonUpload       *upload);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeMastodonWrite, fake_mastodon_write_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeMastodonUpload, fake_mastodon_upload_free)

G_END_DECLS
