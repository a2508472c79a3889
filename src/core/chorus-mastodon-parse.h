/* chorus-mastodon-parse.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* What an instance allows, from /api/v2/instance. A value the server
 * does not state keeps Mastodon's stock default. */
typedef struct
{
  gint64 max_characters;            /* per status */
  gint64 max_poll_options;
  gint64 max_characters_per_option;
  gint64 min_poll_expiration;       /* seconds */
  gint64 max_poll_expiration;       /* seconds */
  gint64 image_size_limit;          /* bytes, 0 when the server does not say */
} ChorusMastodonLimits;

/* POST /api/v1/apps: the client credentials kept per instance. */
typedef struct
{
  char *client_id;
  char *client_secret;
} ChorusMastodonApp;

/* POST /oauth/token */
typedef struct
{
  char   *access_token;
  char   *token_type;
  char   *scope;                    /* space-separated, or NULL */
  gint64  created_at;               /* 0 when unknown */
} ChorusMastodonToken;

ChorusIncomingPost   *chorus_mastodon_post_from_status    (JsonNode              *status,
                                                           GError               **error);
GPtrArray            *chorus_mastodon_parse_statuses      (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
GPtrArray            *chorus_mastodon_parse_notifications (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
GPtrArray            *chorus_mastodon_parse_context       (const char            *data,
                                                           gssize                 length,
                                                           ChorusIncomingPost    *focal,
                                                           GError               **error);
GPtrArray            *chorus_mastodon_parse_search        (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
GPtrArray            *chorus_mastodon_parse_accounts      (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
ChorusIncomingPoll   *chorus_mastodon_parse_poll          (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
ChorusMastodonLimits *chorus_mastodon_parse_instance      (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
ChorusMastodonApp    *chorus_mastodon_parse_app           (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
ChorusMastodonToken  *chorus_mastodon_parse_token         (const char            *data,
                                                           gssize                 length,
                                                           GError               **error);
gboolean              chorus_parse_link_header            (const char            *header,
                                                           char                 **next,
                                                           char                 **prev);
void                  chorus_mastodon_limits_free         (ChorusMastodonLimits  *limits);
void                  chorus_mastodon_app_free            (ChorusMastodonApp     *app);
void                  chorus_mastodon_token_free          (ChorusMastodonToken   *token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMastodonLimits, chorus_mastodon_limits_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMastodonApp, chorus_mastodon_app_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMastodonToken, chorus_mastodon_token_free)

G_END_DECLS
