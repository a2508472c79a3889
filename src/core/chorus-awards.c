/* chorus-awards.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-awards.h"

/* Winners are kept in the order they are added (the store adds them by
 * place); rewards too (by id), and each one added counts at once in its
 * currency's total, so the totals are always those of the ledger. */

struct _ChorusAwards
{
  gatomicrefcount  ref_count;
  gint64           challenge_id;
  GPtrArray       *winners;
  GPtrArray       *rewards;
  GPtrArray       *totals;
};

G_DEFINE_BOXED_TYPE (ChorusAwards, chorus_awards, chorus_awards_ref, chorus_awards_unref)

static void
winner_free (ChorusWinner *winner)
{
  g_free (winner->title);
  g_free (winner->author);
  g_free (winner->image_path);
  g_free (winner->chosen_by);
  g_free (winner->note);
  g_free (winner->network);
  g_free (winner->cannot_announce);
  g_free (winner->announcement_state);
  g_free (winner);
}

static void
reward_free (ChorusReward *reward)
{
  g_free (reward->title);
  g_free (reward->kind);
  g_free (reward->description);
  g_free (reward->currency);
  g_free (reward);
}

static void
total_free (ChorusRewardTotal *total)
{
  g_free (total->currency);
  g_free (total);
}

ChorusAwards *
chorus_awards_new (gint64 challenge_id)
{
  ChorusAwards *self = g_new0 (ChorusAwards, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->challenge_id = challenge_id;
  self->winners = g_ptr_array_new_with_free_func ((GDestroyNotify) winner_free);
  self->rewards = g_ptr_array_new_with_free_func ((GDestroyNotify) reward_free);
  self->totals = g_ptr_array_new_with_free_func ((GDestroyNotify) total_free);
  return self;
}

ChorusAwards *
chorus_awards_ref (ChorusAwards *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_awards_unref (ChorusAwards *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->winners);
  g_ptr_array_unref (self->rewards);
  g_ptr_array_unref (self->totals);
  g_free (self);
}

gint64
chorus_awards_get_challenge_id (const ChorusAwards *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->challenge_id;
}

/* Adds a copy of @winner, strings included. */
void
chorus_awards_add_winner (ChorusAwards       *self,
                          const ChorusWinner *winner)
{
  ChorusWinner *copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (winner != NULL);

  copy = g_memdup2 (winner, sizeof *winner);
  copy->title = g_strdup (winner->title);
  copy->author = g_strdup (winner->author);
  copy->image_path = g_strdup (winner->image_path);
  copy->chosen_by = g_strdup (winner->chosen_by);
  copy->note = g_strdup (winner->note);
  copy->network = g_strdup (winner->network);
  copy->cannot_announce = g_strdup (winner->cannot_announce);
  copy->announcement_state = g_strdup (winner->announcement_state);
  g_ptr_array_add (self->winners, copy);
}

guint
chorus_awards_get_n_winners (const ChorusAwards *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->winners->len;
}

const ChorusWinner *
chorus_awards_get_winner (const ChorusAwards *self,
                          guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->winners->len, NULL);

  return g_ptr_array_index (self->winners, i);
}

/* Returns: (nullable): the entry's place among the winners, or %NULL */
const ChorusWinner *
chorus_awards_find_winner (const ChorusAwards *self,
                           gint64              submission_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->winners->len; i++)
    {
      const ChorusWinner *winner = g_ptr_array_index (self->winners, i);

      if (winner->submission_id == submission_id)
        return winner;
    }
  return NULL;
}

gboolean
chorus_awards_place_is_free (const ChorusAwards *self,
                             guint               place)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (place < 1 || place > CHORUS_WINNER_MAX_PLACE)
    return FALSE;

  for (guint i = 0; i < self->winners->len; i++)
    if (((const ChorusWinner *) g_ptr_array_index (self->winners, i))->place == place)
      return FALSE;
  return TRUE;
}

/* Returns: the first place nobody holds, or 0 when every place is taken */
guint
chorus_awards_next_free_place (const ChorusAwards *self)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint place = 1; place <= CHORUS_WINNER_MAX_PLACE; place++)
    if (chorus_awards_place_is_free (self, place))
      return place;
  return 0;
}

static ChorusRewardTotal *
total_for (ChorusAwards *self,
           const char   *currency)
{
  ChorusRewardTotal *total;

  for (guint i = 0; i < self->totals->len; i++)
    {
      total = g_ptr_array_index (self->totals, i);
      if (g_strcmp0 (total->currency, currency) == 0)
        return total;
    }

  total = g_new0 (ChorusRewardTotal, 1);
  total->currency = g_strdup (currency);
  g_ptr_array_add (self->totals, total);
  return total;
}

/* Adds a copy of @reward and counts it in its currency's total. */
void
chorus_awards_add_reward (ChorusAwards       *self,
                          const ChorusReward *reward)
{
  ChorusReward *copy;
  ChorusRewardTotal *total;

  g_return_if_fail (self != NULL);
  g_return_if_fail (reward != NULL);

  copy = g_memdup2 (reward, sizeof *reward);
  copy->title = g_strdup (reward->title);
  copy->kind = g_strdup (reward->kind);
  copy->description = g_strdup (reward->description);
  copy->currency = g_strdup (reward->currency);
  g_ptr_array_add (self->rewards, copy);

  total = total_for (self, reward->currency);
  if (reward->paid)
    {
      total->paid_cents += reward->amount_cents;
      total->n_paid++;
    }
  else
    {
      total->pending_cents += reward->amount_cents;
      total->n_pending++;
    }
}

guint
chorus_awards_get_n_rewards (const ChorusAwards *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rewards->len;
}

const ChorusReward *
chorus_awards_get_reward (const ChorusAwards *self,
                          guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->rewards->len, NULL);

  return g_ptr_array_index (self->rewards, i);
}

/* Returns: (nullable): the reward with that id, or %NULL */
const ChorusReward *
chorus_awards_find_reward (const ChorusAwards *self,
                           gint64              reward_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rewards->len; i++)
    {
      const ChorusReward *reward = g_ptr_array_index (self->rewards, i);

      if (reward->id == reward_id)
        return reward;
    }
  return NULL;
}

/* Returns: how many currencies the ledger holds */
guint
chorus_awards_get_n_totals (const ChorusAwards *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->totals->len;
}

/* Returns: the sums in one currency, in the order currencies first
 * appear in the ledger */
const ChorusRewardTotal *
chorus_awards_get_total (const ChorusAwards *self,
                         guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->totals->len, NULL);

  return g_ptr_array_index (self->totals, i);
}
