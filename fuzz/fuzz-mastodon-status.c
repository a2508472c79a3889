/* fuzz-mastodon-status.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Mastodon REST answers that carry statuses and accounts, read by
 * every parser that takes them: timelines, one status, a context, a
 * search, account lists, a poll, and the server's instance, app and
 * token answers; and the Link header, from the same bytes. */

#include "config.h"

#include "chorus-incoming.h"
#include "chorus-mastodon-parse.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *json = (const char *) data;
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *header = NULL;
  g_autofree char *next = NULL;
  g_autofree char *prev = NULL;
  ChorusMastodonLimits *limits;
  ChorusMastodonToken *token;
  ChorusMastodonApp *app;

  fuzz_init ();

  fuzz_check_and_free_posts (chorus_mastodon_parse_statuses (json, size, NULL));
  fuzz_check_and_free_posts (chorus_mastodon_parse_context (json, size, NULL, NULL));
  fuzz_check_and_free_posts (chorus_mastodon_parse_search (json, size, NULL));
  accounts = chorus_mastodon_parse_accounts (json, size, NULL);
  poll = chorus_mastodon_parse_poll (json, size, NULL);

  if ((limits = chorus_mastodon_parse_instance (json, size, NULL)))
    chorus_mastodon_limits_free (limits);
  if ((app = chorus_mastodon_parse_app (json, size, NULL)))
    chorus_mastodon_app_free (app);
  if ((token = chorus_mastodon_parse_token (json, size, NULL)))
    chorus_mastodon_token_free (token);

  header = fuzz_dup_string (data, size);
  chorus_parse_link_header (header, &next, &prev);

  return 0;
}
