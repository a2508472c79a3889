/* chorus-challenge-votes-networks.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-parse.h"
#include "chorus-challenge-votes-private.h"
#include "chorus-error.h"
#include "chorus-mastodon-parse.h"
#include "chorus-parse-json-private.h"

/* Where each network lists who voted on a post, and how it says so.
 *
 * Mastodon: GET /api/v1/statuses/:id/favourited_by and /reblogged_by,
 * 80 accounts a page (the most it gives), newest first; the Link header's
 * "next" names the page after, with ids that appear nowhere else, so it
 * is followed as given. An account says nothing of when it voted.
 *
 * Bluesky: app.bsky.feed.getLikes and getRepostedBy on the account's PDS
 * (which hands them to the AppView), 100 a page, with the opaque cursor
 * passed back as given; a page may be empty and still name another. A
 * like says when it was made (createdAt, which the liker's app sets, and
 * indexedAt, when the AppView saw it: the earlier of the two counts, as
 * Bluesky sorts); a repost does not.
 *
 * Scores given in replies are read from each network's thread of the
 * post: see chorus-challenge-votes-replies.c. */

#define MASTODON_PAGE_SIZE 80
#define BLUESKY_PAGE_SIZE  100

static char *
mastodon_page_url (const char       *base,
                   ChorusVoteTarget *target,
                   ChorusVoteKind    kind,
                   const char       *token)
{
  g_autofree char *escaped = NULL;

  /* The Link header's address, as given. */
  if (token != NULL)
    return g_strdup (token);
  if (kind == CHORUS_VOTE_REPLY_SCORE)
    return _chorus_vote_reply_url (base, "mastodon", target);

  escaped = g_uri_escape_string (target->remote_id, NULL, FALSE);

  return g_strdup_printf ("%s/api/v1/statuses/%s/%s?limit=%d", base, escaped,
                          kind == CHORUS_VOTE_LIKE ? "favourited_by" : "reblogged_by", MASTODON_PAGE_SIZE);
}

static gboolean
mastodon_parse (ChorusVotePage  *page,
                GError         **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (page->response, &length);
  g_autoptr(GPtrArray) authors = NULL;
  ChorusHttpResponse *response = page->response;

  if (page->kind == CHORUS_VOTE_REPLY_SCORE)
    return _chorus_vote_parse_replies (page, "mastodon", error);

  if (!(authors = chorus_mastodon_parse_accounts (body != NULL ? body : "", (gssize) length, error)))
    return FALSE;

  page->voters = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_voter_free);
  for (guint i = 0; i < authors->len; i++)
    g_ptr_array_add (page->voters, _chorus_voter_new (g_steal_pointer (&authors->pdata[i]), 0));

  if (response->link == NULL || !chorus_parse_link_header (response->link, &page->token, NULL))
    page->token = NULL;

  return TRUE;
}

static const ChorusVoteReader mastodon_reader = {
  "mastodon", mastodon_page_url, mastodon_parse,
};

static char *
bluesky_page_url (const char       *base,
                  ChorusVoteTarget *target,
                  ChorusVoteKind    kind,
                  const char       *token)
{
  g_autofree char *uri = g_uri_escape_string (target->uri, NULL, FALSE);
  g_autofree char *cursor = token != NULL ? g_uri_escape_string (token, NULL, FALSE) : NULL;

  if (kind == CHORUS_VOTE_REPLY_SCORE)
    return _chorus_vote_reply_url (base, "bluesky", target);

  return g_strdup_printf ("%s/xrpc/app.bsky.feed.%s?uri=%s&limit=%d%s%s", base,
                          kind == CHORUS_VOTE_LIKE ? "getLikes" : "getRepostedBy", uri, BLUESKY_PAGE_SIZE,
                          cursor != NULL ? "&cursor=" : "", cursor != NULL ? cursor : "");
}

/* The earlier of a like's two times, leaving out what it lacks. */
static gint64
like_time (JsonObject *like)
{
  gint64 created = _chorus_parse_time (_chorus_json_get_string (like, "createdAt"));
  gint64 indexed = _chorus_parse_time (_chorus_json_get_string (like, "indexedAt"));

  if (created <= 0 || indexed <= 0)
    return MAX (MAX (created, indexed), 0);

  return MIN (created, indexed);
}

static gboolean
bluesky_parse (ChorusVotePage  *page,
               GError         **error)
{
  ChorusVoteKind kind = page->kind;
  gsize length;
  const char *body = chorus_http_response_get_body (page->response, &length);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *items;
  const char *cursor;

  if (kind == CHORUS_VOTE_REPLY_SCORE)
    return _chorus_vote_parse_replies (page, "bluesky", error);

  if (!(root = _chorus_json_load (body != NULL ? body : "", (gssize) length, error)))
    return FALSE;

  object = _chorus_json_object (root);
  items = _chorus_json_get_array (object, kind == CHORUS_VOTE_LIKE ? "likes" : "repostedBy");
  cursor = _chorus_json_get_string (object, "cursor");
  if (items == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Bluesky server’s reply is not a list of likes or reposts."));
      return FALSE;
    }

  page->voters = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_voter_free);
  for (guint i = 0; i < _chorus_json_array_length (items); i++)
    {
      JsonObject *item = _chorus_json_array_object (items, i);
      JsonObject *profile = kind == CHORUS_VOTE_LIKE ? _chorus_json_get_object (item, "actor") : item;
      ChorusIncomingAuthor *author = chorus_bluesky_author_from_profile (profile);

      if (author != NULL)
        g_ptr_array_add (page->voters, _chorus_voter_new (author, kind == CHORUS_VOTE_LIKE ? like_time (item) : 0));
    }

  page->token = cursor != NULL && *cursor != '\0' ? g_strdup (cursor) : NULL;
  return TRUE;
}

static const ChorusVoteReader bluesky_reader = {
  "bluesky", bluesky_page_url, bluesky_parse,
};

/* Returns: (nullable): how @network lists votes, or NULL when Chorus
 * cannot read them there */
const ChorusVoteReader *
_chorus_vote_reader_for (const char *network)
{
  if (g_strcmp0 (network, "mastodon") == 0)
    return &mastodon_reader;
  if (g_strcmp0 (network, "bluesky") == 0)
    return &bluesky_reader;
  if (g_strcmp0 (network, "discourse") == 0)
    return &_chorus_discourse_poll_reader;

  return NULL;
}
