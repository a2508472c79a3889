/* fuzz-discourse-topic.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Discourse answers the connector reads: topic lists, a topic with
 * its post stream, /posts.json and search. */

#include "config.h"

#include "chorus-discourse-parse.h"
#include "chorus-incoming.h"
#include "fuzz-util.h"

#define BASE_URL "https://forum.example.org"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *json = (const char *) data;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) found_topics = NULL;
  g_autoptr(GArray) missing = NULL;
  gboolean more = FALSE;
  int next_page = 0;

  fuzz_init ();

  list = chorus_discourse_parse_topic_list (json, size, &next_page, NULL);
  fuzz_check_and_free_posts (chorus_discourse_parse_topic (json, size, BASE_URL, &missing, NULL));
  fuzz_check_and_free_posts (chorus_discourse_parse_posts (json, size, BASE_URL, NULL));
  fuzz_check_and_free_posts (chorus_discourse_parse_search (json, size, BASE_URL, &found_topics, &more, NULL));

  return 0;
}
