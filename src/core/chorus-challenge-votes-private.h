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
  /* The address of a page: the first when @token is NULL, else the one
   * a page's parse named by @token. */
  char      *(*page_url)  (const char        *base,
                           ChorusVoteTarget  *target,
                           ChorusVoteKind     kind,
                           const char        *token);
  /* Worker thread: the voters on a page (ChorusVoter), and what names the
   * next page in @token, or NULL on the last. */
  GPtrArray *(*parse)     (ChorusHttpResponse *response,
                           ChorusVoteKind      kind,
                           char              **token,
                           GError            **error);
} ChorusVoteReader;

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
