/* chorus-discourse-parse.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* One entry of a topic list (/latest.json, /top.json, /c/{slug}/{id}.json)
 * or of a search's topics: enough to decide whether to fetch the topic. */
typedef struct
{
  gint64  id;
  char   *title;                  /* plain text */
  char   *slug;                   /* or NULL */
  gint64  posts_count;
  gint64  last_posted_at;         /* 0 when unknown */
  gint64  category_id;            /* 0 when unknown */
} ChorusDiscourseTopic;

GPtrArray          *chorus_discourse_parse_topic_list (const char            *data,
                                                       gssize                 length,
                                                       int                   *next_page,
                                                       GError               **error);
GPtrArray          *chorus_discourse_parse_topic      (const char            *data,
                                                       gssize                 length,
                                                       const char            *base_url,
                                                       GArray               **missing_post_ids,
                                                       GError               **error);
GPtrArray          *chorus_discourse_parse_posts      (const char            *data,
                                                       gssize                 length,
                                                       const char            *base_url,
                                                       GError               **error);
GPtrArray          *chorus_discourse_parse_search     (const char            *data,
                                                       gssize                 length,
                                                       const char            *base_url,
                                                       GPtrArray            **topics,
                                                       gboolean              *more_results,
                                                       GError               **error);
ChorusIncomingPoll *chorus_discourse_parse_poll       (const char            *data,
                                                       gssize                 length,
                                                       GError               **error);
ChorusIncomingAuthor *chorus_discourse_author_from_user (const char          *base_url,
                                                         JsonObject          *user);
char               *chorus_discourse_avatar_url       (const char            *base_url,
                                                       const char            *avatar_template,
                                                       int                    size);
void                chorus_discourse_topic_free       (ChorusDiscourseTopic  *topic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusDiscourseTopic, chorus_discourse_topic_free)

G_END_DECLS
