/* chorus-challenge-collect-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
#include "chorus-incoming.h"
#include "chorus-store-private.h"

G_BEGIN_DECLS

/* What the challenge collector's files share: chorus-store-collect.c
 * (the workspace's side), chorus-challenge-votes.c (reading who liked and
 * boosted a post) and chorus-challenge-collect.c (the run after a sync). */

#define CHORUS_ENTRY_TITLE_MAX_CHARS 80
/* Posts a source's sync turns into entries at most (each an image to
 * download); the next sync takes the others. */
#define CHORUS_ENTRY_MAX_CANDIDATES  100

/* A post that carries a challenge's hashtag and an image, within its
 * submission window, and is not an entry yet. */
typedef struct
{
  gint64  challenge_id;
  gint64  post_id;
  gint64  author_id;         /* 0 when unknown */
  gint64  created_at;
  char   *title;
  char   *image_url;         /* its first image, full size */
} ChorusEntryCandidate;

/* What became of a candidate's image. */
typedef struct
{
  ChorusEntryCandidate *candidate;    /* borrowed */
  char                 *sha256;       /* the stored image, or NULL */
  const char           *mime_type;
  guint                 width;        /* 0 when its header says nothing readable */
  guint                 height;
  char                 *notice;       /* why it waits, when sha256 is NULL */
  gboolean              refused;      /* for good: not tried again for this image */
  gint64                submission_id;  /* set by _chorus_collect_store_entry () */
} ChorusEntryImage;

/* An entry whose votes are read: the post it came from, as its network
 * knows it. */
typedef struct
{
  gint64  submission_id;
  gint64  post_id;
  char   *remote_id;
  char   *uri;
  gint64  voting_open_at;
  gint64  voting_close_at;
  gboolean scored;           /* the challenge's scale is "score5": replies' scores count */
  char   *poll_name;         /* for a forum poll's option that names the entry: the poll, */
  char   *option_id;         /* and the option; NULL otherwise */
} ChorusVoteTarget;

/* A forum post with a poll that carries an open challenge's hashtag, and
 * the challenge's entries its options may name. */
typedef struct
{
  gint64     post_id;
  char      *remote_id;
  char      *poll_name;
  gboolean   scored;
  gint64     voting_open_at;
  gint64     voting_close_at;
  GArray    *entry_ids;      /* gint64 */
  GPtrArray *entry_titles;   /* char *, as entry_ids */
} ChorusPollPost;

typedef enum
{
  CHORUS_VOTE_LIKE,
  CHORUS_VOTE_REPOST,
  CHORUS_VOTE_REPLY_SCORE,            /* a direct reply that gives a score ("4/5") */
  CHORUS_VOTE_POLL,                   /* a forum poll's option that names the entry */
} ChorusVoteKind;

/* One person who liked, boosted or scored an entry's post. */
typedef struct
{
  ChorusIncomingAuthor *author;
  gint64                cast_at;      /* as the network says, or 0 when it does not */
  double                score;        /* a reply's score, 0 to 5; NAN for other kinds */
} ChorusVoter;

/* Who voted one way on one entry, as read, for _chorus_collect_store_votes (). */
typedef struct
{
  ChorusVoteTarget *target;
  const char       *network;
  ChorusVoteKind    kind;
  GPtrArray        *voters;           /* ChorusVoter */
  gboolean          complete;         /* every page was read: a vote missing was withdrawn */
  gboolean          last;             /* the entry's last read this sync: it is marked read */
  char             *notice;           /* what the read could not do, or NULL */
  guint             ambiguous;        /* replies whose scores disagree: not counted */
  guint             out_of_range;     /* replies with a score beyond its scale: not counted */
  gint64            now;
  guint             added;            /* out */
  guint             removed;          /* out */
} ChorusVoteRead;

void        _chorus_entry_candidate_free   (ChorusEntryCandidate  *candidate);
void        _chorus_entry_image_free       (ChorusEntryImage      *image);
void        _chorus_vote_target_free       (ChorusVoteTarget      *target);
void        _chorus_poll_post_free         (ChorusPollPost        *post);
ChorusVoter *_chorus_voter_new             (ChorusIncomingAuthor  *author,
                                            gint64                 cast_at);
void        _chorus_voter_free             (ChorusVoter           *voter);
ChorusVoteRead *_chorus_vote_read_new      (ChorusVoteTarget      *target,
                                            const char            *network,
                                            ChorusVoteKind         kind);
void        _chorus_vote_read_free         (ChorusVoteRead        *read);

GStrv       _chorus_collect_dup_hashtags   (sqlite3               *db,
                                            gint64                 now,
                                            GArray               **opens_at,
                                            GError               **error);
GPtrArray  *_chorus_collect_list_candidates (sqlite3              *db,
                                             gint64                source_id,
                                             gint64                now,
                                             GError              **error);
GPtrArray  *_chorus_collect_list_targets   (sqlite3               *db,
                                            gint64                 source_id,
                                            gint64                 now,
                                            guint                  limit,
                                            GError               **error);
GPtrArray  *_chorus_collect_list_poll_posts (sqlite3              *db,
                                             gint64                source_id,
                                             gint64                now,
                                             GError              **error);
gboolean    _chorus_collect_step_failed    (sqlite3               *db,
                                            int                    rc,
                                            const char            *what,
                                            GError               **error);
gint64      _chorus_collect_store_entry    (sqlite3               *db,
                                            gpointer               image,
                                            GArray                *changed,
                                            GError               **error);
gint64      _chorus_collect_store_votes    (sqlite3               *db,
                                            gpointer               read,
                                            GArray                *changed,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusEntryCandidate, _chorus_entry_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusEntryImage, _chorus_entry_image_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusVoter, _chorus_voter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusVoteTarget, _chorus_vote_target_free)

G_END_DECLS
