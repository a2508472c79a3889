/* chorus-post-actions.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-post-actions.h"

/* One table, so that the buttons, their tooltips, the toasts and the
 * outbox list all say the same word for the same thing. */

typedef struct
{
  const char       *network;
  ChorusOutboxKind  kind;
  const char       *label;          /* the button's tooltip and accessible name */
  const char       *done_label;     /* once queued or sent */
  const char       *icon_name;
  const char       *queued_message; /* the toast */
} PostAction;

/* The labels are verbs on a post's buttons ("Like" this post), and what
 * the button says once done; translated with the context "post action". */
static const PostAction post_actions[] = {
  { "mastodon", CHORUS_OUTBOX_KIND_LIKE, NC_("post action", "Favourite"), NC_("post action", "Favourited"),
    "starred-symbolic", N_("Favourited; it will be sent when the account is reachable") },
  { "mastodon", CHORUS_OUTBOX_KIND_REPOST, NC_("post action", "Boost"), NC_("post action", "Boosted"),
    "media-playlist-repeat-symbolic", N_("Boosted; it will be sent when the account is reachable") },
  { "bluesky", CHORUS_OUTBOX_KIND_LIKE, NC_("post action", "Like"), NC_("post action", "Liked"),
    "emblem-favorite-symbolic", N_("Liked; it will be sent when the account is reachable") },
  { "bluesky", CHORUS_OUTBOX_KIND_REPOST, NC_("post action", "Repost"), NC_("post action", "Reposted"),
    "media-playlist-repeat-symbolic", N_("Reposted; it will be sent when the account is reachable") },
  { "discourse", CHORUS_OUTBOX_KIND_LIKE, NC_("post action", "Like"), NC_("post action", "Liked"),
    "emblem-favorite-symbolic", N_("Liked; it will be sent when the account is reachable") },
};

static const PostAction *
find (const char       *network,
      ChorusOutboxKind  kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (post_actions); i++)
    {
      if (post_actions[i].kind == kind && g_strcmp0 (post_actions[i].network, network) == 0)
        return &post_actions[i];
    }

  return NULL;
}

/**
 * chorus_post_action_get_label:
 * @network: a post's network ("mastodon", "bluesky", "discourse", "feed")
 * @kind: a like or a repost
 *
 * Returns: (nullable): "Favourite", "Like", "Boost" or "Repost", translated;
 *   %NULL when the network has no such thing
 */
const char *
chorus_post_action_get_label (const char       *network,
                              ChorusOutboxKind  kind)
{
  const PostAction *action = find (network, kind);

  return action != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "post action", action->label) : NULL;
}

/* Returns: (nullable): "Favourited", "Liked", "Boosted" or "Reposted" */
const char *
chorus_post_action_get_done_label (const char       *network,
                                   ChorusOutboxKind  kind)
{
  const PostAction *action = find (network, kind);

  return action != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "post action", action->done_label) : NULL;
}

/* Returns: (nullable): the button's symbolic icon */
const char *
chorus_post_action_get_icon_name (const char       *network,
                                  ChorusOutboxKind  kind)
{
  const PostAction *action = find (network, kind);

  return action != NULL ? action->icon_name : NULL;
}

/* Returns: (nullable): what a toast says once the outbox holds it */
const char *
chorus_post_action_get_queued_message (const char       *network,
                                       ChorusOutboxKind  kind)
{
  const PostAction *action = find (network, kind);

  return action != NULL ? _(action->queued_message) : NULL;
}
