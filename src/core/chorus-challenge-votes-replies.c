/* chorus-challenge-votes-replies.c
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
#include "chorus-score-reply.h"

/* Scores given in replies to a challenge entry's post ("5/5", "4 stars",
 * "★★★★"), read as votes of the kind "reply_score" by the vote reader
 * (chorus-challenge-votes.c), one request per entry.
 *
 * Only direct replies to the entry's post count, each read with
 * chorus_score_reply_parse (): a reply without a score says nothing; one
 * whose scores disagree, or whose score is beyond its scale, does not
 * count and is tallied for the entry's notice (vote_reads). The reply's
 * time is its last edit, else when it was posted: a score is dated when
 * it was last said, and the store counts only those said in the voting
 * window, each person's latest.
 *
 * Mastodon: GET /api/v1/statuses/:id/context, the descendants whose
 * in_reply_to_id is the post. Mastodon gives at most 60 descendants
 * (deeper replies included) to a reader that is not signed in, and more,
 * but not all, to one that is: a thread that long is read as partial, so
 * that no score in it counts as withdrawn. The server knows the replies
 * from other servers that reached it, not necessarily all of them.
 *
 * Bluesky: app.bsky.feed.getPostThread with depth 1, on the account's
 * PDS. A thread whose post has more replies (replyCount) than it lists
 * is partial; so is one whose post is gone. */

#define MASTODON_CONTEXT_LIMIT 60

/**
 * _chorus_vote_reply_url:
 * @base: the server, without a trailing slash
 * @network: "mastodon" or "bluesky"
 * @target: the entry
 *
 * Returns: (transfer full): where the replies to @target's post are read
 */
char *
_chorus_vote_reply_url (const char       *base,
                        const char       *network,
                        ChorusVoteTarget *target)
{
  g_autofree char *escaped = NULL;

  if (g_str_equal (network, "bluesky"))
    {
      escaped = g_uri_escape_string (target->uri, NULL, FALSE);
      return g_strdup_printf ("%s/xrpc/app.bsky.feed.getPostThread?uri=%s&depth=1&parentHeight=0", base, escaped);
    }

  escaped = g_uri_escape_string (target->remote_id, NULL, FALSE);
  return g_strdup_printf ("%s/api/v1/statuses/%s/context", base, escaped);
}

/* What @post (taken) says of the entry, added to @page. */
static void
add_reply (ChorusVotePage     *page,
           ChorusIncomingPost *post)
{
  g_autoptr(ChorusIncomingPost) owned = post;
  ChorusVoter *voter;
  double score;

  if (owned == NULL || owned->author == NULL)
    return;

  switch (chorus_score_reply_parse (owned->text, &score))
    {
    case CHORUS_SCORE_REPLY_FOUND:
      voter = _chorus_voter_new (g_steal_pointer (&owned->author),
                                 owned->edited_at > 0 ? owned->edited_at : owned->created_at);
      voter->score = score;
      g_ptr_array_add (page->voters, voter);
      break;

    case CHORUS_SCORE_REPLY_AMBIGUOUS:
      page->ambiguous++;
      break;

    case CHORUS_SCORE_REPLY_OUT_OF_RANGE:
      page->out_of_range++;
      break;

    case CHORUS_SCORE_REPLY_NONE:
    default:
      break;
    }
}

static gboolean
parse_mastodon (ChorusVotePage  *page,
                JsonNode        *root,
                GError         **error)
{
  JsonArray *descendants = _chorus_json_get_array (_chorus_json_object (root), "descendants");
  guint n = _chorus_json_array_length (descendants);

  if (descendants == NULL)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The Mastodon server’s reply is not a thread."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *status = json_array_get_element (descendants, i);
      const char *parent = _chorus_json_get_string (_chorus_json_object (status), "in_reply_to_id");

      if (g_strcmp0 (parent, page->target->remote_id) == 0)
        add_reply (page, chorus_mastodon_post_from_status (status, NULL));
    }

  page->partial = n >= MASTODON_CONTEXT_LIMIT;
  return TRUE;
}

static gboolean
parse_bluesky (ChorusVotePage  *page,
               JsonNode        *root,
               GError         **error)
{
  JsonObject *thread = _chorus_json_get_object (_chorus_json_object (root), "thread");
  JsonObject *post = _chorus_json_get_object (thread, "post");
  JsonArray *replies = _chorus_json_get_array (thread, "replies");
  guint n = _chorus_json_array_length (replies);

  if (thread == NULL)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The Bluesky server’s reply is not a thread."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *reply = _chorus_json_array_object (replies, i);

      if (g_strcmp0 (_chorus_json_get_string (reply, "$type"), "app.bsky.feed.defs#threadViewPost") == 0 &&
          json_object_has_member (reply, "post"))
        add_reply (page, chorus_bluesky_post_from_view (json_object_get_member (reply, "post"), NULL));
    }

  page->partial = post == NULL || json_object_get_int_member_with_default (post, "replyCount", 0) > n;
  return TRUE;
}

/**
 * _chorus_vote_parse_replies:
 * @page: a page of kind %CHORUS_VOTE_REPLY_SCORE, its response read
 * @network: "mastodon" or "bluesky"
 * @error: a location for a #GError
 *
 * Worker thread: the repliers who gave a score, as voters with it, and
 * the replies that could not count.
 *
 * Returns: %FALSE with @error set when the response is not a thread
 */
gboolean
_chorus_vote_parse_replies (ChorusVotePage  *page,
                            const char      *network,
                            GError         **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (page->response, &length);
  g_autoptr(JsonNode) root = NULL;

  if (!(root = _chorus_json_load (body != NULL ? body : "", (gssize) length, error)))
    return FALSE;

  page->voters = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_voter_free);
  if (g_str_equal (network, "bluesky"))
    return parse_bluesky (page, root, error);

  return parse_mastodon (page, root, error);
}

/**
 * _chorus_vote_read_dup_reply_notice:
 * @read: a read of replies
 *
 * Returns: (transfer full) (nullable): why some replies did not count,
 *   in words for a person, or %NULL when all did
 */
char *
_chorus_vote_read_dup_reply_notice (ChorusVoteRead *read)
{
  g_autofree char *ambiguous = NULL;
  g_autofree char *out_of_range = NULL;

  if (read->ambiguous > 0)
    ambiguous = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %u is a number of replies to a design
                                               * challenge entry. */
                                              "%u reply gives scores that disagree, and does not count.",
                                              "%u replies give scores that disagree, and do not count.",
                                              read->ambiguous),
                                 read->ambiguous);
  if (read->out_of_range > 0)
    out_of_range = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: %u is a number of replies to a design
                                                  * challenge entry; "12/10" or "7 stars" are scores
                                                  * beyond their scale. */
                                                 "%u reply gives a score beyond its scale, and does not count.",
                                                 "%u replies give a score beyond its scale, and do not count.",
                                                 read->out_of_range),
                                    read->out_of_range);

  if (ambiguous != NULL && out_of_range != NULL)
    return g_strjoin (" ", ambiguous, out_of_range, NULL);

  return g_strdup (ambiguous != NULL ? ambiguous : out_of_range);
}
