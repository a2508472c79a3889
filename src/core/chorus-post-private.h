/* chorus-post-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-post.h"

G_BEGIN_DECLS

/* The thread loader fills posts in directly: a thread of thousands of
 * posts would spend more time setting twenty properties by name on each
 * than reading them from SQLite. Once handed out, a post never changes. */
struct _ChorusPost
{
  GObject         parent_instance;

  gint64          id;
  char           *uri;
  char           *url;
  char           *network;
  char           *author_name;
  char           *author_handle;
  char           *author_avatar_url;
  char           *author_profile_url;
  gint64          created_at;
  gint64          edited_at;
  char           *language;
  char           *text;
  char           *markup;
  gboolean        is_own;
  guint           depth;
  char           *reply_to_uri;
  gint64          like_count;
  gint64          repost_count;
  gint64          reply_count;
  GPtrArray      *media;            /* ChorusPostMedia, never NULL */
  ChorusPostPoll *poll;             /* or NULL */
};

ChorusPost *_chorus_post_new (void);

/* The columns _chorus_store_read_post() reads, over conversations c,
 * posts p and identities i (see chorus-store-thread.c). */
#define CHORUS_POST_ROW_COLUMNS \
  "c.subject, c.network, p.id, p.uri, p.url, i.network, i.display_name, i.handle," \
  " i.server, i.avatar_url, i.profile_url, p.created_at, p.edited_at, p.language," \
  " p.text, p.html, p.reply_to_uri, p.is_own, p.like_count, p.repost_count, p.reply_count"

typedef struct sqlite3_stmt sqlite3_stmt;

ChorusPost *_chorus_store_read_post (sqlite3_stmt *stmt);

G_END_DECLS
