/* chorus-challenge-votes-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-challenge-collect-private.h"

G_BEGIN_DECLS

#define CHORUS_VOTE_MAX_PAGES 10

/* How a network lists who voted on a post. */
typedef struct
{
  const char *network;
  /* The first page's address. */
  char      *(*first_url) (const char        *base,
                           ChorusVoteTarget  *target,
                           ChorusVoteKind     kind);
  /* Worker thread: the voters on a page (ChorusVoter), and the address
   * of the next page in @next, or NULL on the last. */
  GPtrArray *(*parse)     (ChorusHttpResponse *response,
                           ChorusVoteKind      kind,
                           char              **next,
                           GError            **error);
} ChorusVoteReader;

extern const ChorusVoteReader _chorus_vote_reader_mastodon;

const ChorusVoteReader *_chorus_vote_reader_for (const char *network);

void            _chorus_votes_read_async  (ChorusHttp              *http,
                                           const ChorusVoteReader  *reader,
                                           const char              *base,
                                           const char * const      *headers,
                                           ChorusVoteTarget        *target,
                                           ChorusVoteKind           kind,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
ChorusVoteRead *_chorus_votes_read_finish (GAsyncResult            *result,
                                           GError                 **error);

G_END_DECLS
