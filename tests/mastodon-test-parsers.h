/* mastodon-test-parsers.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-test-parse.h"

G_BEGIN_DECLS

/* What test-mastodon and test-mastodon-hostile share: every Mastodon
 * parser that gives posts, with the TestParsePosts signature. */

#define MASTODON_TEST_N_POST_PARSERS 5

extern const TestParsePosts mastodon_test_post_parsers[MASTODON_TEST_N_POST_PARSERS];

GPtrArray *mastodon_test_parse_context_alone (const char  *data,
                                              gssize       length,
                                              GError     **error);
GPtrArray *mastodon_test_parse_status_node   (const char  *data,
                                              gssize       length,
                                              GError     **error);

G_END_DECLS
