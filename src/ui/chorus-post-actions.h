/* chorus-post-actions.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chorus-outbox-item.h"

G_BEGIN_DECLS

/* What the thread offers to do to a customer's post, named as its network
 * names it: Mastodon favourites and boosts, Bluesky likes and reposts,
 * Discourse only likes, and feeds nothing. @kind is
 * %CHORUS_OUTBOX_KIND_LIKE or %CHORUS_OUTBOX_KIND_REPOST. */

const char *chorus_post_action_get_label          (const char       *network,
                                                   ChorusOutboxKind  kind);
const char *chorus_post_action_get_done_label     (const char       *network,
                                                   ChorusOutboxKind  kind);
const char *chorus_post_action_get_icon_name      (const char       *network,
                                                   ChorusOutboxKind  kind);
const char *chorus_post_action_get_queued_message (const char       *network,
                                                   ChorusOutboxKind  kind);

G_END_DECLS
