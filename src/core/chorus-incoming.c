/* chorus-incoming.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-incoming.h"

ChorusIncomingMedia *
chorus_incoming_media_new (void)
{
  return g_new0 (ChorusIncomingMedia, 1);
}

void
chorus_incoming_media_free (ChorusIncomingMedia *media)
{
  if (media == NULL)
    return;

  g_free (media->kind);
  g_free (media->url);
  g_free (media->preview_url);
  g_free (media->alt_text);
  g_free (media);
}

ChorusIncomingPollOption *
chorus_incoming_poll_option_new (const char *title,
                                 gint64      votes)
{
  ChorusIncomingPollOption *option = g_new0 (ChorusIncomingPollOption, 1);

  option->title = g_strdup (title);
  option->votes = votes;

  return option;
}

void
chorus_incoming_poll_option_free (ChorusIncomingPollOption *option)
{
  if (option == NULL)
    return;

  g_free (option->title);
  g_free (option);
}

ChorusIncomingPoll *
chorus_incoming_poll_new (void)
{
  ChorusIncomingPoll *poll = g_new0 (ChorusIncomingPoll, 1);

  poll->voters_count = -1;
  poll->options = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_poll_option_free);

  return poll;
}

void
chorus_incoming_poll_free (ChorusIncomingPoll *poll)
{
  if (poll == NULL)
    return;

  g_free (poll->remote_id);
  g_clear_pointer (&poll->options, g_ptr_array_unref);
  g_free (poll);
}

ChorusIncomingAuthor *
chorus_incoming_author_new (void)
{
  ChorusIncomingAuthor *author = g_new0 (ChorusIncomingAuthor, 1);

  author->discoverable = -1;
  author->indexable = -1;

  return author;
}

void
chorus_incoming_author_free (ChorusIncomingAuthor *author)
{
  if (author == NULL)
    return;

  g_free (author->handle);
  g_free (author->server);
  g_free (author->display_name);
  g_free (author->avatar_url);
  g_free (author->profile_url);
  g_free (author->links);
  g_free (author);
}

ChorusIncomingPost *
chorus_incoming_post_new (const char *network)
{
  ChorusIncomingPost *post = g_new0 (ChorusIncomingPost, 1);

  post->network = g_strdup (network);
  post->media = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_media_free);

  return post;
}

void
chorus_incoming_post_free (ChorusIncomingPost *post)
{
  if (post == NULL)
    return;

  g_free (post->network);
  g_free (post->uri);
  g_free (post->remote_id);
  g_free (post->url);
  g_clear_pointer (&post->author, chorus_incoming_author_free);
  g_free (post->language);
  g_free (post->text);
  g_free (post->markup);
  g_free (post->reply_to_uri);
  g_free (post->reply_to_remote_id);
  g_free (post->root_uri);
  g_free (post->title);
  g_clear_pointer (&post->media, g_ptr_array_unref);
  g_clear_pointer (&post->poll, chorus_incoming_poll_free);
  g_free (post);
}

/**
 * chorus_incoming_post_array_new:
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): an empty
 *   array that frees its posts
 */
GPtrArray *
chorus_incoming_post_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_post_free);
}
