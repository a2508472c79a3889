/* fuzz-discourse-poll.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A Discourse poll, as the Pre-tests read it from a post's "polls", and
 * a Mastodon poll (GET /api/v1/polls/:id) from the same bytes: both
 * become a ChorusIncomingPoll. */

#include "config.h"

#include "chorus-discourse-parse.h"
#include "chorus-incoming.h"
#include "chorus-mastodon-parse.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ChorusIncomingPoll) discourse = NULL;
  g_autoptr(ChorusIncomingPoll) mastodon = NULL;

  fuzz_init ();

  discourse = chorus_discourse_parse_poll ((const char *) data, size, NULL);
  mastodon = chorus_mastodon_parse_poll ((const char *) data, size, NULL);

  return 0;
}
