/* fake-discourse.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Discourse forum for tests, on 127.0.0.1 and a random port, served
 * from the thread-default main context of the thread that started it
 * (tests spin it while they wait). It checks Api-Key and Api-Username,
 * serves /latest.json (the members' topics a test added, paged; none at
 * first), takes posts (POST /posts.json, in a topic
 * or opening one) and reads the poll block of their raw, and serves a
 * post (/posts/:id.json) with its polls in the shape of the corpus's
 * api_docs and discourse_api_gem answers, a topic (/t/:id.json, its first
 * 20 posts and every id; /t/:id/posts.json, the posts asked for), the
 * topics an account created and a public poll's voters, paged. */

typedef struct _FakeDiscourse FakeDiscourse;

typedef enum
{
  FAKE_DISCOURSE_FAULT_NONE,
  FAKE_DISCOURSE_FAULT_SERVER_ERROR,  /* 500 */
  FAKE_DISCOURSE_FAULT_RATE_LIMIT,    /* 429 */
  FAKE_DISCOURSE_FAULT_MALFORMED,     /* 200, but the JSON stops in the middle */
  FAKE_DISCOURSE_FAULT_LOSE_ANSWER,   /* a post is made, then answered 502 */
  FAKE_DISCOURSE_FAULT_DROP,          /* the connection closes halfway through the answer */
} FakeDiscourseFault;

typedef struct
{
  guint creates;          /* POST /posts.json, refused ones included */
  guint posts_made;
  guint post_reads;       /* GET /posts/:id.json, faults included */
  guint voter_reads;      /* GET /polls/voters.json */
} FakeDiscourseStats;

/* Called as each request arrives, before it is answered. */
typedef void (*FakeDiscourseRequestFunc) (const char *method,
                                          const char *path,
                                          gpointer    user_data);

FakeDiscourse     *fake_discourse_start           (const char         *key,
                                                   const char         *username);
void               fake_discourse_stop            (FakeDiscourse      *self);
const char        *fake_discourse_get_url         (FakeDiscourse      *self);
FakeDiscourseStats fake_discourse_get_stats       (FakeDiscourse      *self);
char              *fake_discourse_dup_last_create (FakeDiscourse      *self);
void               fake_discourse_set_request_func (FakeDiscourse           *self,
                                                    FakeDiscourseRequestFunc func,
                                                    gpointer                 user_data);
/* The forum's members' topics, for syncs, known by their ids. */
gint64             fake_discourse_add_topic       (FakeDiscourse      *self,
                                                   guint               replies);
void               fake_discourse_add_replies     (FakeDiscourse      *self,
                                                   gint64              topic_id,
                                                   guint               replies);
gint64             fake_discourse_get_post_id     (FakeDiscourse      *self,
                                                   gint64              topic_id,
                                                   guint               number);
guint              fake_discourse_count_raw       (FakeDiscourse      *self,
                                                   const char         *raw);
/* A topic opened by a member with @raw (a poll, say); returns its post's id. */
gint64             fake_discourse_open_topic      (FakeDiscourse      *self,
                                                   const char         *title,
                                                   const char         *raw);

/* These act on the latest post made. */
void               fake_discourse_set_votes       (FakeDiscourse      *self,
                                                   const gint64       *votes,
                                                   guint               n);
void               fake_discourse_add_voter       (FakeDiscourse      *self,
                                                   guint               option,
                                                   const char         *username);
void               fake_discourse_remove_voter    (FakeDiscourse      *self,
                                                   guint               option,
                                                   const char         *username);
void               fake_discourse_set_results     (FakeDiscourse      *self,
                                                   const char         *results);
void               fake_discourse_close_poll      (FakeDiscourse      *self);
void               fake_discourse_delete_post     (FakeDiscourse      *self);

void               fake_discourse_refuse_public   (FakeDiscourse      *self,
                                                   gboolean            refuse);
/* The next request whose path starts with @prefix meets @fault. */
void               fake_discourse_add_fault       (FakeDiscourse      *self,
                                                   const char         *prefix,
                                                   FakeDiscourseFault  fault);

G_END_DECLS
