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

/* One page of votes, read in a worker: what was asked, and what the
 * page said. */
typedef struct
{
  ChorusHttpResponse *response;
  const char         *base;        /* the server read, borrowed */
  ChorusVoteTarget   *target;      /* borrowed */
  ChorusVoteKind      kind;
  guint               number;      /* of this page, from 1 */
  GPtrArray          *voters;      /* out: ChorusVoter */
  char               *token;       /* out: what names the next page, or NULL on the last */
  gboolean            partial;     /* out: the network gave less than it has, with no next page */
  guint               ambiguous;   /* out: replies not counted, their scores disagreeing */
  guint               out_of_range; /* out: replies not counted, their score beyond its scale */
} ChorusVotePage;

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
  /* Worker thread: fills @page's out fields from its response. */
  gboolean   (*parse)     (ChorusVotePage    *page,
                           GError           **error);
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

/* chorus-challenge-votes-origin.c */
ChorusVoteTarget *_chorus_vote_target_dup_origin (ChorusVoteTarget       *target,
                                                  const char             *base,
                                                  char                  **origin_base);
void            _chorus_vote_read_merge_origin   (ChorusVoteRead          *read,
                                                  ChorusVoteRead          *origin);

/* chorus-challenge-votes-replies.c */
char           *_chorus_vote_reply_url           (const char              *base,
                                                  const char              *network,
                                                  ChorusVoteTarget        *target);
gboolean        _chorus_vote_parse_replies       (ChorusVotePage          *page,
                                                  const char              *network,
                                                  GError                 **error);
char           *_chorus_vote_read_dup_reply_notice (ChorusVoteRead        *read);

/* chorus-challenge-polls.c */
extern const ChorusVoteReader _chorus_discourse_poll_reader;

void            _chorus_poll_targets_read_async  (ChorusHttp              *http,
                                                  const char              *base,
                                                  const char * const      *headers,
                                                  GPtrArray               *posts,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
GPtrArray      *_chorus_poll_targets_read_finish (GAsyncResult            *result,
                                                  GError                 **error);

G_END_DECLS
