/* chorus-challenge-votes-origin.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-challenge-votes-private.h"

/* A Mastodon server knows the likes and boosts of a post from another
 * server only as far as they reached it: mostly those of its own
 * accounts. So the likes and boosts of an entry posted on another
 * Mastodon server are read twice, from the source's server (signed in)
 * and from the post's own server (its public API, never with the
 * source's sign-in), and the two lists are one read: a person in both
 * counts once, as the store keeps one vote per person and kind.
 *
 * The post's own server and its id there come from the post's URI, when
 * it has the form Mastodon (and GoToSocial) give it:
 * <scheme>://<host>/users/<name>/statuses/<id>. Other software names its
 * posts otherwise (Misskey's notes/, Pleroma's objects/) and is read from
 * the source's server only. When the origin cannot be read (it asks for a
 * sign-in, it is down, the post is gone there), the
 * source's list alone is the read, and it is not complete: no vote is
 * taken as withdrawn, as one seen at the origin before may still be
 * there. */

static gboolean
is_id (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * _chorus_vote_target_dup_origin:
 * @target: an entry whose post was read from @base
 * @base: the source's server
 * @origin_base: (out): the post's own server, when it is another
 *
 * Returns: (transfer full) (nullable): @target as its own server knows
 *   it, or %NULL when that is @base or cannot be told
 */
ChorusVoteTarget *
_chorus_vote_target_dup_origin (ChorusVoteTarget  *target,
                                const char        *base,
                                char             **origin_base)
{
  g_autoptr(GUri) uri = target->uri != NULL ? g_uri_parse (target->uri, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GUri) source = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) parts = NULL;
  ChorusVoteTarget *origin;

  /* HTTPS only, as any server Chorus reads, but for a source that is
   * itself on plain HTTP (a test server on the loopback): a post's URI is
   * someone else's word, and must not send Chorus to this machine's own
   * services. */
  if (uri == NULL || source == NULL || g_uri_get_host (uri) == NULL || g_uri_get_query (uri) != NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), g_uri_get_scheme (source)) != 0))
    return NULL;

  if (g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (source) != NULL ? g_uri_get_host (source) : "") == 0 &&
      g_uri_get_port (uri) == g_uri_get_port (source))
    return NULL;

  /* "", "users", name, "statuses", id */
  parts = g_strsplit (g_uri_get_path (uri), "/", -1);
  if (g_strv_length (parts) != 5 || *parts[0] != '\0' || !g_str_equal (parts[1], "users") || *parts[2] == '\0' ||
      !g_str_equal (parts[3], "statuses") || !is_id (parts[4]))
    return NULL;

  origin = g_new0 (ChorusVoteTarget, 1);
  *origin = *target;
  origin->remote_id = g_strdup (parts[4]);
  origin->uri = g_strdup (target->uri);
  origin->poll_name = NULL;
  origin->option_id = NULL;
  *origin_base = g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                             g_uri_get_port (uri), "", NULL, NULL);
  return origin;
}

/**
 * _chorus_vote_read_merge_origin:
 * @read: a read from the source's server
 * @origin: (transfer full): the read of the same votes from the post's own
 *   server
 *
 * Adds @origin's voters to @read's, which stays complete only if both
 * are (a post gone from its own server says nothing of who voted).
 */
void
_chorus_vote_read_merge_origin (ChorusVoteRead *read,
                                ChorusVoteRead *origin)
{
  read->complete = read->complete && origin->complete && origin->notice == NULL;
  g_ptr_array_extend_and_steal (read->voters, g_steal_pointer (&origin->voters));
  _chorus_vote_read_free (origin);
}
