/* fake-discourse-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fake-discourse.h"

G_BEGIN_DECLS

/* What the fake forum's two halves share: its posts and state, kept by
 * fake-discourse.c (server, topics, members' posts), and posting and
 * polls in fake-discourse-polls.c. */

#define MAX_OPTIONS 20
#define FIRST_FORUM_TOPIC 5000   /* the members' topics, fake_discourse_add_topic () */

typedef struct
{
  gint64     id;
  gint64     topic_id;
  guint      number;
  char      *username;     /* a member's; NULL for the account's own */
  char      *title;
  char      *raw;
  gint64     created_at;
  gboolean   public;
  gboolean   closed;
  gboolean   deleted;
  char      *results;
  guint      n_options;
  char      *options[MAX_OPTIONS];
  gint64     votes[MAX_OPTIONS];
  GPtrArray *voters[MAX_OPTIONS];
} Post;

struct _FakeDiscourse
{
  SoupServer         *server;
  char               *url;            /* without the trailing slash */
  char               *key;
  char               *username;
  GPtrArray          *posts;          /* Post */
  GPtrArray          *fault_prefixes;
  GArray             *faults;         /* FakeDiscourseFault */
  FakeDiscourseStats  stats;
  gboolean            refuse_public;
  char               *last_create;
  FakeDiscourseRequestFunc request_func;
  gpointer            request_data;
  guint               forum_topics;
  gint64              forum_clock;    /* when the members' latest post was made */
};

/* fake-discourse.c */
Post     *_fake_discourse_latest               (FakeDiscourse     *self);
guint     _fake_discourse_count_posts          (FakeDiscourse     *self,
                                                gint64             topic_id);
Post     *_fake_discourse_find_post            (FakeDiscourse     *self,
                                                gint64             id);
char     *_fake_discourse_stamp                (gint64             unix_time);
void      _fake_discourse_reply_builder        (SoupServerMessage *message,
                                                JsonBuilder       *b);

/* fake-discourse-polls.c */
void      _fake_discourse_add_poll             (JsonBuilder       *b,
                                                Post              *post);
gboolean  _fake_discourse_create_post          (FakeDiscourse     *self,
                                                SoupServerMessage *message);
void      _fake_discourse_serve_created_topics (FakeDiscourse     *self,
                                                SoupServerMessage *message);
void      _fake_discourse_serve_voters         (FakeDiscourse     *self,
                                                SoupServerMessage *message,
                                                GHashTable        *query);

G_END_DECLS
