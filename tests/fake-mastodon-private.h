/* fake-mastodon-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fake-mastodon.h"

G_BEGIN_DECLS

/* The fake server's statuses, generated from the corpus's real ones. */

#define FIRST_MENTION_ID G_GUINT64_CONSTANT (5000000)

typedef struct _FakeStatuses FakeStatuses;

FakeStatuses *fake_statuses_new            (const char   *corpus_dir,
                                            const char   *host,
                                            guint         reply_every,
                                            guint         mention_every);
void          fake_statuses_free           (FakeStatuses *self);
guint64       fake_status_id               (guint         index);
void          fake_statuses_append_status  (FakeStatuses *self,
                                            GString      *out,
                                            guint         index);
void          fake_statuses_append_mention (FakeStatuses *self,
                                            GString      *out,
                                            guint         n);

/* Media uploads and their processing; see fake-mastodon-media.c. */

typedef struct _FakeMedia FakeMedia;

FakeMedia    *fake_media_new               (const char   *host);
void          fake_media_free              (FakeMedia    *self);
guint         fake_media_route             (FakeMedia          *self,
                                            SoupServerMessage  *message,
                                            const char         *path,
                                            gboolean            signed_in,
                                            GString           **body);
JsonArray    *fake_media_attach            (FakeMedia    *self,
                                            JsonArray    *ids,
                                            GString     **refusal);
GPtrArray    *fake_media_dup_uploads       (FakeMedia    *self);
void          fake_media_configure         (FakeMedia    *self,
                                            guint         processing_reads,
                                            gint64        size_limit);
gint64        fake_media_get_size_limit    (FakeMedia    *self,
                                            guint        *media_reads);

/* Writes (statuses, favourites, reblogs) and reads of one status; see
 * fake-mastodon-writes.c. */

typedef struct _FakeWrites FakeWrites;

FakeWrites   *fake_writes_new              (const char   *host,
                                            FakeMedia    *media);
void          fake_writes_free             (FakeWrites   *self);
gboolean      fake_writes_is_write         (const char   *method,
                                            const char   *path);
guint         fake_writes_route            (FakeWrites        *self,
                                            FakeStatuses      *statuses,
                                            guint              n_statuses,
                                            SoupServerMessage *message,
                                            const char        *path,
                                            gboolean           signed_in,
                                            guint              refuse,
                                            GString          **body);
GPtrArray    *fake_writes_dup_writes       (FakeWrites   *self);
void          fake_writes_get_counts       (FakeWrites   *self,
                                            guint        *created,
                                            guint        *status_posts,
                                            guint        *favourites,
                                            guint        *reblogs);
void          fake_writes_set_visibility   (FakeWrites   *self,
                                            const char   *id,
                                            const char   *visibility);
void          fake_writes_set_poll_limits  (FakeWrites   *self,
                                            guint         max_options,
                                            guint         max_characters_per_option,
                                            guint         min_expiration,
                                            guint         max_expiration);
void          fake_writes_get_poll_limits  (FakeWrites   *self,
                                            guint         limits[4]);
void          fake_writes_change_poll      (FakeWrites   *self,
                                            const char   *id,
                                            const gint64 *votes,
                                            guint         n,
                                            gboolean      expire,
                                            gboolean      delete);
void          fake_writes_set_followers    (FakeWrites   *self,
                                            gint64        followers);
void          fake_writes_change_status    (FakeWrites   *self,
                                            guint         index,
                                            const gint64  counts[3],
                                            gboolean      delete);

G_END_DECLS
