/* chorus-post.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-post-media.h"
#include "chorus-post-poll.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_POST (chorus_post_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPost, chorus_post, CHORUS, POST, GObject)

gint64                chorus_post_get_id                 (ChorusPost *self);
const char           *chorus_post_get_uri                (ChorusPost *self);
const char           *chorus_post_get_url                (ChorusPost *self);
const char           *chorus_post_get_network            (ChorusPost *self);
const char           *chorus_post_get_author_name        (ChorusPost *self);
const char           *chorus_post_get_author_handle      (ChorusPost *self);
const char           *chorus_post_get_author_avatar_url  (ChorusPost *self);
const char           *chorus_post_get_author_profile_url (ChorusPost *self);
gint64                chorus_post_get_created_at         (ChorusPost *self);
gint64                chorus_post_get_edited_at          (ChorusPost *self);
const char           *chorus_post_get_language           (ChorusPost *self);
const char           *chorus_post_get_text               (ChorusPost *self);
const char           *chorus_post_get_markup             (ChorusPost *self);
gboolean              chorus_post_get_is_own             (ChorusPost *self);
guint                 chorus_post_get_depth              (ChorusPost *self);
const char           *chorus_post_get_reply_to_uri       (ChorusPost *self);
gint64                chorus_post_get_like_count         (ChorusPost *self);
gint64                chorus_post_get_repost_count       (ChorusPost *self);
gint64                chorus_post_get_reply_count        (ChorusPost *self);
GPtrArray            *chorus_post_get_media              (ChorusPost *self);
const ChorusPostPoll *chorus_post_get_poll               (ChorusPost *self);

gboolean              chorus_post_link_is_safe           (const char *uri);
gboolean              chorus_post_markup_is_safe         (const char *markup);

G_END_DECLS
