/* fuzz-bluesky-thread.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* app.bsky.feed.getPostThread, whose thread nests both ways. */

#include "config.h"

#include "chorus-bluesky-parse.h"
#include "chorus-incoming.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();

  fuzz_check_and_free_posts (chorus_bluesky_parse_thread ((const char *) data, size, NULL));

  return 0;
}
