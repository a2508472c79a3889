/* chorus-bluesky-parse.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* com.atproto.server.createSession and refreshSession */
typedef struct
{
  char *did;
  char *handle;
  char *access_jwt;
  char *refresh_jwt;
  char *pds_endpoint;           /* from the session's DID document, or NULL */
} ChorusBlueskySession;

ChorusIncomingPost   *chorus_bluesky_post_from_view       (JsonNode              *post_view,
                                                           GError               **error);
GPtrArray            *chorus_bluesky_parse_posts          (const char            *data,
                                                           gssize                 length,
                                                           char                 **cursor,
                                                           GError               **error);
GPtrArray            *chorus_bluesky_parse_notifications  (const char            *data,
                                                           gssize                 length,
                                                           char                 **cursor,
                                                           GError               **error);
GPtrArray            *chorus_bluesky_parse_thread         (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
char                 *chorus_bluesky_facets_to_markup     (const char            *text,
                                                           JsonArray             *facets);
ChorusIncomingAuthor *chorus_bluesky_author_from_profile  (JsonObject            *profile);
ChorusBlueskySession *chorus_bluesky_parse_session        (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
char                 *chorus_bluesky_parse_resolve_handle (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
char                 *chorus_bluesky_parse_did_document   (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
void                  chorus_bluesky_session_free         (ChorusBlueskySession  *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusBlueskySession, chorus_bluesky_session_free)

G_END_DECLS
