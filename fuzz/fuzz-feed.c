/* fuzz-feed.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RSS 0.9x/1.0/2.0, Atom and JSON Feed, with or without a Content-Type,
 * and the feed date parser on the input's first line. */

#include "config.h"

#include <string.h>

#include "chorus-feed-parser.h"
#include "fuzz-util.h"

#define FEED_URL "https://blog.example.org/feed"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ChorusFeed) feed = NULL;
  g_autoptr(ChorusFeed) typed = NULL;
  g_autofree char *text = NULL;
  char *newline;

  fuzz_init ();

  feed = chorus_feed_parse ((const char *) data, size, FEED_URL, NULL);
  typed = chorus_feed_parse_full ((const char *) data, size, FEED_URL,
                                  "application/xml; charset=iso-8859-1", NULL);

  if (feed != NULL)
    fuzz_check_posts (feed->posts);
  if (typed != NULL)
    fuzz_check_posts (typed->posts);

  text = fuzz_dup_string (data, size);
  if ((newline = strchr (text, '\n')))
    *newline = '\0';
  chorus_feed_parse_date (text);

  return 0;
}
