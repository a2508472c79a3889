/* chorus-challenge-votes-networks.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-challenge-votes-private.h"
#include "chorus-mastodon-parse.h"

/* Where each network lists who voted on a post, and how it says so.
 *
 * Mastodon: GET /api/v1/statuses/:id/favourited_by and /reblogged_by,
 * 80 accounts a page (the most it gives), newest first; the Link header's
 * "next" names the page after, with ids that appear nowhere else, so it
 * is followed as given. An account says nothing of when it voted. */

#define MASTODON_PAGE_SIZE 80

static char *
mastodon_first_url (const char       *base,
                    ChorusVoteTarget *target,
                    ChorusVoteKind    kind)
{
  g_autofree char *escaped = g_uri_escape_string (target->remote_id, NULL, FALSE);

  return g_strdup_printf ("%s/api/v1/statuses/%s/%s?limit=%d", base, escaped,
                          kind == CHORUS_VOTE_LIKE ? "favourited_by" : "reblogged_by", MASTODON_PAGE_SIZE);
}

static GPtrArray *
mastodon_parse (ChorusHttpResponse  *response,
                ChorusVoteKind       kind,
                char               **next,
                GError             **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(GPtrArray) authors = chorus_mastodon_parse_accounts (body != NULL ? body : "", (gssize) length, error);
  GPtrArray *voters;

  if (authors == NULL)
    return NULL;

  voters = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_voter_free);
  for (guint i = 0; i < authors->len; i++)
    g_ptr_array_add (voters, _chorus_voter_new (g_steal_pointer (&authors->pdata[i]), 0));

  if (response->link == NULL || !chorus_parse_link_header (response->link, next, NULL))
    *next = NULL;

  return voters;
}

const ChorusVoteReader _chorus_vote_reader_mastodon = {
  "mastodon", mastodon_first_url, mastodon_parse,
};

/* Returns: (nullable): how @network lists votes, or NULL when Chorus
 * cannot read them there */
const ChorusVoteReader *
_chorus_vote_reader_for (const char *network)
{
  if (g_strcmp0 (network, "mastodon") == 0)
    return &_chorus_vote_reader_mastodon;

  return NULL;
}
