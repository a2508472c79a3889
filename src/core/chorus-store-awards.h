/* chorus-store-awards.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-awards.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* A challenge's winners and reward ledger in the workspace: read
 * (chorus-store-awards.c), winners chosen, removed and announced
 * (chorus-store-winners.c), rewards added or edited, and paid
 * (chorus-store-rewards.c). Every change is one transaction with its
 * audit entry; the blocking calls are for worker threads, the _async
 * ones for the main thread. */

/* What a reward says, for adding or editing it. */
typedef struct
{
  gint64      submission_id;  /* an entry of the challenge, not rejected */
  const char *kind;           /* "prize" or "royalty" */
  const char *description;    /* required */
  gint64      amount_cents;   /* 0 or more, in hundredths */
  const char *currency;       /* three letters, such as "EUR" */
} ChorusRewardDraft;

ChorusAwards *chorus_store_load_awards            (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   GError                  **error);
void          chorus_store_load_awards_async      (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
ChorusAwards *chorus_store_load_awards_finish     (ChorusStore              *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

gint64        chorus_store_choose_winner          (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   gint64                    submission_id,
                                                   guint                     place,
                                                   const char               *note,
                                                   GError                  **error);
void          chorus_store_choose_winner_async    (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   gint64                    submission_id,
                                                   guint                     place,
                                                   const char               *note,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gint64        chorus_store_remove_winner          (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   guint                     place,
                                                   const char               *reason,
                                                   GError                  **error);
void          chorus_store_remove_winner_async    (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   guint                     place,
                                                   const char               *reason,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gint64        chorus_store_announce_winner        (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   guint                     place,
                                                   const char               *text,
                                                   GError                  **error);
void          chorus_store_announce_winner_async  (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   guint                     place,
                                                   const char               *text,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gint64        chorus_store_winner_change_finish   (ChorusStore              *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

gint64        chorus_store_save_reward            (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   gint64                    reward_id,
                                                   const ChorusRewardDraft  *draft,
                                                   GError                  **error);
void          chorus_store_save_reward_async      (ChorusStore              *self,
                                                   gint64                    challenge_id,
                                                   gint64                    reward_id,
                                                   const ChorusRewardDraft  *draft,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gint64        chorus_store_mark_reward_paid       (ChorusStore              *self,
                                                   gint64                    reward_id,
                                                   gint64                    paid_at,
                                                   GError                  **error);
void          chorus_store_mark_reward_paid_async (ChorusStore              *self,
                                                   gint64                    reward_id,
                                                   gint64                    paid_at,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gint64        chorus_store_reward_change_finish   (ChorusStore              *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

G_END_DECLS
