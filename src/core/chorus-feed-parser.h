/* chorus-feed-parser.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* RSS 0.9x/2.0, RSS 1.0 (RDF), Atom (1.0 and 0.3) and JSON Feed (1 and
 * 1.1), read into ChorusIncomingPost records with network "feed". */

typedef struct
{
  char      *title;             /* plain text, or NULL */
  char      *site_url;          /* the site the feed belongs to, or NULL */
  char      *feed_url;          /* the URL it was read from (or declares), or NULL */
  GPtrArray *posts;             /* ChorusIncomingPost, in document order */
} ChorusFeed;

ChorusFeed *chorus_feed_parse       (const char  *data,
                                     gsize        length,
                                     const char  *feed_url,
                                     GError     **error);
ChorusFeed *chorus_feed_parse_full  (const char  *data,
                                     gsize        length,
                                     const char  *feed_url,
                                     const char  *content_type,
                                     GError     **error);
void        chorus_feed_free        (ChorusFeed  *feed);
gint64      chorus_feed_parse_date  (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusFeed, chorus_feed_free)

G_END_DECLS
