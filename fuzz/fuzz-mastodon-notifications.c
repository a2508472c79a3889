/* fuzz-mastodon-notifications.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GET /api/v1/notifications, read as the Mastodon connector does. */

#include "config.h"

#include "chorus-incoming.h"
#include "chorus-mastodon-parse.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();

  fuzz_check_and_free_posts (chorus_mastodon_parse_notifications ((const char *) data, size, NULL));

  return 0;
}
