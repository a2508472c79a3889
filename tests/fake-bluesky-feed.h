/* fake-bluesky-feed.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "fake-bluesky.h"

G_BEGIN_DECLS

/* The account's own posts on the fake PDS of fake-bluesky.c: records
 * written with com.atproto.repo.createRecord (and read back with
 * getRecord), the account's profile (app.bsky.actor.getProfile), and the
 * AppView's views of those posts, app.bsky.feed.getPosts and
 * getPostThread, in the shapes of the corpus (bluesky/real/getPosts.json,
 * getPostThread_single.json, getProfiles.json). Tests set each post's
 * counts, add replies, delete posts and turn faults on through the
 * functions and fields below, and read what it was asked through its
 * counters. */

typedef struct _FakeBlueskyFeed FakeBlueskyFeed;

struct _FakeBlueskyFeed
{
  GPtrArray *records;            /* FakeBlueskyRecord, in the order they were created */
  JsonNode  *post_template;      /* a postView of the corpus */
  JsonNode  *profile_template;   /* a profileViewDetailed of the corpus */
  gint64     followers;

  /* Faults */
  guint      refuse_posts;       /* the next getPosts answer @refusal */
  guint      refuse_threads;     /* the next getPostThread of its posts answer @refusal */
  guint      refusal;            /* an HTTP status, 429 when 0 */
  gboolean   expire_on_read;     /* the next getPosts finds the session expired */
  gboolean   not_found_as_error; /* a deleted post's thread is a 400 NotFound, not a #notFoundPost */

  /* Counters */
  guint      creates;
  guint      profile_reads;
  guint      post_reads;
  guint      most_uris;          /* in one getPosts */
  guint      thread_reads;
  char      *last_depth;         /* getPostThread's depth */
};

FakeBlueskyFeed *fake_bluesky_feed_new          (void);
void             fake_bluesky_feed_free         (FakeBlueskyFeed   *feed);

/* Answers @path when it is the feed's: TRUE when it did. */
gboolean         fake_bluesky_feed_serve        (FakeBluesky       *f,
                                                 SoupServerMessage *message,
                                                 const char        *path,
                                                 GHashTable        *query);
gboolean         fake_bluesky_feed_knows        (const char        *path);

/* The @index-th post created. */
const char      *fake_bluesky_feed_get_uri      (FakeBlueskyFeed   *feed,
                                                 guint              index);
JsonObject      *fake_bluesky_feed_get_record   (FakeBlueskyFeed   *feed,
                                                 guint              index);
/* A count below 0 stays as it was; replies are those added until set. */
void             fake_bluesky_feed_set_counts   (FakeBlueskyFeed   *feed,
                                                 guint              index,
                                                 gint64             likes,
                                                 gint64             reposts,
                                                 gint64             replies,
                                                 gint64             quotes);
void             fake_bluesky_feed_add_reply    (FakeBlueskyFeed   *feed,
                                                 guint              index,
                                                 const char        *text,
                                                 gint64             likes);
void             fake_bluesky_feed_delete       (FakeBlueskyFeed   *feed,
                                                 guint              index);

G_END_DECLS
