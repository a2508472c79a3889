/* mastodon-test-parsers.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-mastodon-parse.h"
#include "chorus-parse-json-private.h"
#include "mastodon-test-parsers.h"

GPtrArray *
mastodon_test_parse_context_alone (const char  *data,
                                   gssize       length,
                                   GError     **error)
{
  return chorus_mastodon_parse_context (data, length, NULL, error);
}

GPtrArray *
mastodon_test_parse_status_node (const char  *data,
                                 gssize       length,
                                 GError     **error)
{
  g_autoptr(JsonNode) node = _chorus_json_load (data, length, error);
  ChorusIncomingPost *post;
  GPtrArray *posts;

  if (node == NULL)
    return NULL;

  if (!(post = chorus_mastodon_post_from_status (node, error)))
    return NULL;

  posts = chorus_incoming_post_array_new ();
  g_ptr_array_add (posts, post);
  return posts;
}

const TestParsePosts mastodon_test_post_parsers[MASTODON_TEST_N_POST_PARSERS] = {
  chorus_mastodon_parse_statuses,
  chorus_mastodon_parse_notifications,
  mastodon_test_parse_context_alone,
  chorus_mastodon_parse_search,
  mastodon_test_parse_status_node,
};
