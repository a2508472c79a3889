/* chorus-ranking.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The ranking of a challenge's entries: the community's votes counted
 * once per person, a Bayesian average of scores and a Wilson lower bound
 * of support, the jury's weighted scores and how far the jurors agree,
 * and one combined score by the challenge's community weight. What each
 * number means, and the rules behind the flags, are in chorus-ranking.c
 * and chorus-integrity.c. */

/* What deserves a look, on a vote or on an entry. The first four are the
 * integrity flags of votes; an entry carries each one that any of its
 * votes that still count carries. */
typedef enum
{
  CHORUS_RANKING_FLAG_NONE               = 0,
  CHORUS_RANKING_FLAG_NEW_ACCOUNT        = 1 << 0,  /* account created after the challenge */
  CHORUS_RANKING_FLAG_BURST              = 1 << 1,  /* among a burst of votes on the entry */
  CHORUS_RANKING_FLAG_MULTI_IDENTITY     = 1 << 2,  /* one person, several accounts, one entry */
  CHORUS_RANKING_FLAG_SELF_VOTE          = 1 << 3,  /* the entry's author voting for it */
  CHORUS_RANKING_FLAG_NEAR_DUPLICATE     = 1 << 4,  /* looks like another entry */
  CHORUS_RANKING_FLAG_NO_JURY_SCORE      = 1 << 5,  /* the jury counts but has not scored it */
  CHORUS_RANKING_FLAG_NO_COMMUNITY_SCORE = 1 << 6,  /* the community counts but gave nothing to rank on */
  CHORUS_RANKING_FLAG_PENDING            = 1 << 7,  /* not yet accepted by moderation */
} ChorusRankingFlags;

#define CHORUS_RANKING_N_FLAGS 8

#define CHORUS_RANKING_VOTE_FLAGS (CHORUS_RANKING_FLAG_NEW_ACCOUNT | CHORUS_RANKING_FLAG_BURST | \
                                   CHORUS_RANKING_FLAG_MULTI_IDENTITY | CHORUS_RANKING_FLAG_SELF_VOTE)

/* One entry of the ranking. Scores are NaN when there is nothing to
 * compute them from. */
typedef struct
{
  guint               rank;                /* 1-based; entries tied on every score share it */
  gint64              submission_id;
  char               *title;
  char               *author;              /* the author's handle as shown, or NULL */
  gint64              author_id;           /* identity, or 0 */
  gint64              author_person_id;    /* or 0 */
  char               *image_sha256;
  char               *image_path;
  char               *moderation;          /* "pending" or "accepted" */
  gint64              submitted_at;
  gboolean            has_phash;
  guint64             phash;
  guint               votes_counted;       /* people (or kiosk voters) whose vote counts */
  guint               votes_excluded;      /* votes the team excluded */
  guint               supporters;          /* people counted as supporting it */
  guint               n_scores;            /* people's scores counted */
  double              mean_score;          /* of those scores, 0 to 5 */
  double              bayesian_average;    /* 0 to 5 */
  double              support_lower_bound; /* 0 to 1 */
  double              community_score;     /* 0 to 1 */
  guint               n_jurors;            /* jurors who scored it */
  double              jury_score;          /* 0 to 1 */
  double              combined_score;      /* 0 to 1 */
  ChorusRankingFlags  flags;
  gint64              near_duplicate_of;   /* the closest look-alike, or 0 */
  char               *read_notice;         /* what the last read of its votes left out and why
                                            * (replies that did not count, its post deleted),
                                            * in words for a person, or NULL */
} ChorusRankedEntry;

/* One community vote on an entry of the ranking. */
typedef struct
{
  gint64              id;
  gint64              submission_id;
  gint64              voter_id;            /* identity, 0 at the kiosk */
  gint64              person_id;           /* 0 at the kiosk */
  char               *voter;               /* handle as shown, or the kiosk token */
  gint64              account_created_at;  /* 0 when unknown */
  char               *kind;                /* like, repost, poll, reply_score, kiosk */
  double              score;               /* 0 to 5, NaN for support */
  gint64              cast_at;
  gboolean            excluded;
  char               *exclusion_reason;
  gboolean            counted;             /* counts, as this person's vote of its sort */
  ChorusRankingFlags  flags;               /* of CHORUS_RANKING_VOTE_FLAGS */
} ChorusRankedVote;

typedef struct _ChorusRanking ChorusRanking;

#define CHORUS_TYPE_RANKING (chorus_ranking_get_type ())

GType                    chorus_ranking_get_type             (void) G_GNUC_CONST;
ChorusRanking           *chorus_ranking_ref                  (ChorusRanking *self);
void                     chorus_ranking_unref                (ChorusRanking *self);

gint64                   chorus_ranking_get_challenge_id     (const ChorusRanking *self);
const char              *chorus_ranking_get_title            (const ChorusRanking *self);
const char              *chorus_ranking_get_hashtag          (const ChorusRanking *self);
const char              *chorus_ranking_get_scale            (const ChorusRanking *self);
double                   chorus_ranking_get_community_weight (const ChorusRanking *self);
double                   chorus_ranking_get_prior_mean       (const ChorusRanking *self);
double                   chorus_ranking_get_prior_weight     (const ChorusRanking *self);
guint                    chorus_ranking_get_n_voters         (const ChorusRanking *self);
gboolean                 chorus_ranking_has_jury_scores      (const ChorusRanking *self);
double                   chorus_ranking_get_agreement        (const ChorusRanking *self);
guint                    chorus_ranking_get_n_jurors         (const ChorusRanking *self);

guint                    chorus_ranking_get_n_entries        (const ChorusRanking *self);
const ChorusRankedEntry *chorus_ranking_get_entry            (const ChorusRanking *self,
                                                              guint                i);
const ChorusRankedEntry *chorus_ranking_find_entry           (const ChorusRanking *self,
                                                              gint64               submission_id);
guint                    chorus_ranking_get_n_votes          (const ChorusRanking *self);
const ChorusRankedVote  *chorus_ranking_get_vote             (const ChorusRanking *self,
                                                              guint                i);

const char              *chorus_ranking_flag_key             (ChorusRankingFlags   flag);
const char              *chorus_ranking_flag_describe        (ChorusRankingFlags   flag);
GStrv                    chorus_ranking_flags_to_keys        (ChorusRankingFlags   flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusRanking, chorus_ranking_unref)

G_END_DECLS
