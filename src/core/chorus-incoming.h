/* chorus-incoming.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a connector hands to the sync engine: one post as read from a
 * network, already normalised (plain text and safe markup, Unix times) and
 * independent of the network's JSON or XML. Plain structs: they are built
 * in worker threads and stored in batches. */

typedef struct
{
  char *kind;                   /* "image", "video", "audio", "link" */
  char *url;
  char *preview_url;
  char *alt_text;
  int   width;                  /* 0 when unknown */
  int   height;
} ChorusIncomingMedia;

typedef struct
{
  char   *title;
  gint64  votes;                /* -1 when the network hides counts */
} ChorusIncomingPollOption;

typedef struct
{
  char      *remote_id;
  gint64     expires_at;        /* 0 when open-ended or unknown */
  gboolean   multiple;
  gint64     voters_count;      /* -1 when unknown */
  GPtrArray *options;           /* ChorusIncomingPollOption */
} ChorusIncomingPoll;

typedef struct
{
  char   *network;              /* "mastodon", "bluesky", "discourse", "feed" */
  char   *handle;               /* "ana" (Mastodon acct user), "ana.bsky.social", "ana" (Discourse), feed title */
  char   *server;               /* "mastodon.social", "" for Bluesky handles, the forum or feed host */
  char   *display_name;
  char   *avatar_url;
  char   *profile_url;
  gint64  created_at;           /* account creation, 0 when unknown */
  gboolean bot;                 /* the account says it is automated */
  int      discoverable;        /* 1, 0, or -1 when the network said nothing */
  int      indexable;           /* the same */
  gboolean noindex;             /* the author asked search engines not to index them */
  char    *links;               /* the profile's links, normalised, one per line, or NULL */
} ChorusIncomingAuthor;

typedef struct
{
  char                 *network;
  char                 *uri;            /* canonical, the post's unique key across instances */
  char                 *remote_id;      /* the id on the server it was read from */
  char                 *url;            /* web page to open in a browser, or NULL */
  ChorusIncomingAuthor *author;
  gint64                created_at;
  gint64                edited_at;      /* 0 when never edited */
  char                 *language;       /* BCP 47 tag or NULL */
  char                 *text;           /* plain text for search and excerpts */
  char                 *markup;         /* safe Pango markup for display, or NULL */
  char                 *reply_to_uri;   /* NULL for a thread's root */
  char                 *reply_to_remote_id; /* the parent's id on the server read, when only that is known */
  char                 *root_uri;       /* the thread root when known, else NULL */
  char                 *title;          /* topic or entry title, or NULL */
  gint64                like_count;
  gint64                repost_count;
  gint64                reply_count;
  GPtrArray            *media;          /* ChorusIncomingMedia */
  ChorusIncomingPoll   *poll;           /* or NULL */
  gboolean              is_own;         /* the brand's own post, sent from the outbox */
} ChorusIncomingPost;

ChorusIncomingMedia      *chorus_incoming_media_new         (void);
void                      chorus_incoming_media_free        (ChorusIncomingMedia      *media);
ChorusIncomingPollOption *chorus_incoming_poll_option_new   (const char               *title,
                                                             gint64                    votes);
void                      chorus_incoming_poll_option_free  (ChorusIncomingPollOption *option);
ChorusIncomingPoll       *chorus_incoming_poll_new          (void);
void                      chorus_incoming_poll_free         (ChorusIncomingPoll       *poll);
ChorusIncomingAuthor     *chorus_incoming_author_new        (void);
void                      chorus_incoming_author_free       (ChorusIncomingAuthor     *author);
ChorusIncomingPost       *chorus_incoming_post_new          (const char               *network);
void                      chorus_incoming_post_free         (ChorusIncomingPost       *post);
GPtrArray                *chorus_incoming_post_array_new    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusIncomingMedia, chorus_incoming_media_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusIncomingPoll, chorus_incoming_poll_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusIncomingAuthor, chorus_incoming_author_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusIncomingPost, chorus_incoming_post_free)

G_END_DECLS
