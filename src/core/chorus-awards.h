/* chorus-awards.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a challenge awarded: its winners, by place, and its reward ledger
 * (prizes and royalties, pending or paid), with the ledger's totals per
 * currency. Read by chorus_store_load_awards() (chorus-store-winners.h),
 * changed through chorus-store-winners.h and chorus-store-rewards.h. */

#define CHORUS_WINNER_MAX_PLACE    10
#define CHORUS_AWARD_TEXT_MAX_CHARS 500

/* One winner. An entry that came from a post can be announced with a
 * reply to that post, through the outbox. */
typedef struct
{
  guint   place;               /* 1 for the first */
  gint64  submission_id;
  char   *title;
  char   *author;              /* the author's handle as shown, or NULL */
  char   *image_path;          /* in the media folder, or NULL */
  char   *chosen_by;           /* the team member's name, or NULL */
  gint64  chosen_at;
  char   *note;                /* why, as written when chosen, or NULL */
  gint64  origin_post_id;      /* the post it came from, 0 for an entry added by hand */
  char   *network;             /* that post's network, or NULL */
  guint   reply_limit;         /* the longest announcement there, 0 when none can be sent */
  char   *cannot_announce;     /* why none can be sent, in words, or NULL */
  gint64  announcement_id;     /* its announcement in the outbox, or 0 */
  char   *announcement_state;  /* that item's state ("queued", "sent"…), or NULL */
} ChorusWinner;

/* One line of the reward ledger. */
typedef struct
{
  gint64    id;
  gint64    submission_id;
  char     *title;             /* the entry's */
  char     *kind;              /* "prize" or "royalty" */
  char     *description;
  gint64    amount_cents;      /* in hundredths of the currency's unit; 0 for none stated */
  char     *currency;          /* an ISO 4217 code, such as "EUR" */
  gboolean  paid;
  gint64    paid_at;           /* 0 while pending */
} ChorusReward;

/* The ledger's sums in one currency. */
typedef struct
{
  char   *currency;
  gint64  pending_cents;
  gint64  paid_cents;
  guint   n_pending;
  guint   n_paid;
} ChorusRewardTotal;

typedef struct _ChorusAwards ChorusAwards;

#define CHORUS_TYPE_AWARDS (chorus_awards_get_type ())

GType                    chorus_awards_get_type         (void) G_GNUC_CONST;
ChorusAwards            *chorus_awards_new              (gint64               challenge_id);
ChorusAwards            *chorus_awards_ref              (ChorusAwards        *self);
void                     chorus_awards_unref            (ChorusAwards        *self);

gint64                   chorus_awards_get_challenge_id (const ChorusAwards  *self);

void                     chorus_awards_add_winner       (ChorusAwards        *self,
                                                         const ChorusWinner  *winner);
guint                    chorus_awards_get_n_winners    (const ChorusAwards  *self);
const ChorusWinner      *chorus_awards_get_winner       (const ChorusAwards  *self,
                                                         guint                i);
const ChorusWinner      *chorus_awards_find_winner      (const ChorusAwards  *self,
                                                         gint64               submission_id);
guint                    chorus_awards_next_free_place  (const ChorusAwards  *self);
gboolean                 chorus_awards_place_is_free    (const ChorusAwards  *self,
                                                         guint                place);

void                     chorus_awards_add_reward       (ChorusAwards        *self,
                                                         const ChorusReward  *reward);
guint                    chorus_awards_get_n_rewards    (const ChorusAwards  *self);
const ChorusReward      *chorus_awards_get_reward       (const ChorusAwards  *self,
                                                         guint                i);
const ChorusReward      *chorus_awards_find_reward      (const ChorusAwards  *self,
                                                         gint64               reward_id);
guint                    chorus_awards_get_n_totals     (const ChorusAwards  *self);
const ChorusRewardTotal *chorus_awards_get_total        (const ChorusAwards  *self,
                                                         guint                i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusAwards, chorus_awards_unref)

G_END_DECLS
