/* fuzz-bluesky-feed.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Bluesky answers that list posts (searchPosts, getTimeline,
 * getAuthorFeed, getPosts…) and listNotifications, and the session,
 * handle and DID document answers of signing in. */

#include "config.h"

#include "chorus-bluesky-parse.h"
#include "chorus-incoming.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *json = (const char *) data;
  g_autofree char *posts_cursor = NULL;
  g_autofree char *notifications_cursor = NULL;
  g_autofree char *did = NULL;
  g_autofree char *endpoint = NULL;
  ChorusBlueskySession *session;

  fuzz_init ();

  fuzz_check_and_free_posts (chorus_bluesky_parse_posts (json, size, &posts_cursor, NULL));
  fuzz_check_and_free_posts (chorus_bluesky_parse_notifications (json, size, &notifications_cursor, NULL));
  if ((session = chorus_bluesky_parse_session (json, size, NULL)))
    chorus_bluesky_session_free (session);
  did = chorus_bluesky_parse_resolve_handle (json, size, NULL);
  endpoint = chorus_bluesky_parse_did_document (json, size, NULL);

  return 0;
}
