/* chorus-integrity.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chorus-phash.h"
#include "chorus-ranking-private.h"
#include "chorus-stats-private.h"

/* The integrity flags of a challenge's votes and entries. They only point
 * at what deserves a look: nothing is excluded until a team member says
 * so, with a reason (chorus-store-votes.c). New accounts and self-votes
 * are marked on every vote, excluded or not, for the record; bursts and
 * several accounts are found among the votes that are not excluded. An
 * excluded vote never raises a flag on its entry.
 *
 * NEW_ACCOUNT: the voter's account was created after the challenge was
 * (identities.account_created_at, which Mastodon's account created_at and
 * Bluesky's profile createdAt fill; unknown dates flag nothing).
 *
 * BURST: many votes on one entry within an hour, far more than its usual
 * rate explains. For each vote, the window of CHORUS_INTEGRITY_BURST_WINDOW
 * starting at it holds k votes; the entry's usual rate is that of its
 * other n − k votes over the rest of the period observed (from voting
 * opening, or the first vote if earlier, to the last vote), and a window
 * is a burst when k ≥ CHORUS_INTEGRITY_BURST_MIN_VOTES and a Poisson
 * count at that rate would reach k with probability below
 * CHORUS_INTEGRITY_BURST_ALPHA divided by the number of windows the
 * period holds (Bonferroni, since every window is looked at). Every vote
 * in a burst is flagged. Periods shorter than two windows are not judged:
 * there is no usual rate yet.
 *
 * MULTI_IDENTITY: one person voted on one entry from two or more of their
 * accounts (linked by hand, or by a merge). Only one of those votes
 * counts anyway (chorus-ranking.c); the flag says someone tried.
 *
 * SELF_VOTE: the voter is the entry's author: the same account, or
 * another account of the same person.
 *
 * NEAR_DUPLICATE (entries): the entry's perceptual hash is within
 * CHORUS_PHASH_NEAR_DISTANCE bits of another entry's; near_duplicate_of
 * names the closest (ties: the earlier entry, then the lower id). */

/* P(X ≥ k) for X ~ Poisson(mean): the regularized lower incomplete gamma
 * function P(k, mean). */
double
_chorus_integrity_poisson_tail (guint  k,
                                double mean)
{
  if (k == 0)
    return 1;
  return _chorus_stats_gamma_p (k, mean);
}

static void
flag_new_and_self (ChorusRanking *self,
                   GHashTable    *by_id)
{
  for (guint i = 0; i < self->votes->len; i++)
    {
      ChorusRankedVote *vote = g_ptr_array_index (self->votes, i);
      const ChorusRankedEntry *entry = g_hash_table_lookup (by_id, &vote->submission_id);

      vote->flags = CHORUS_RANKING_FLAG_NONE;
      if (vote->account_created_at > 0 && self->created_at > 0 && vote->account_created_at > self->created_at)
        vote->flags |= CHORUS_RANKING_FLAG_NEW_ACCOUNT;
      if (entry != NULL &&
          ((vote->voter_id != 0 && vote->voter_id == entry->author_id) ||
           (vote->person_id != 0 && vote->person_id == entry->author_person_id)))
        vote->flags |= CHORUS_RANKING_FLAG_SELF_VOTE;
    }
}

/* @votes: one entry's votes that are not excluded, by time. */
static void
flag_bursts (ChorusRanking     *self,
             ChorusRankedVote **votes,
             guint              n)
{
  const gint64 window = CHORUS_INTEGRITY_BURST_WINDOW;
  gint64 start, period;
  double threshold;

  if (n < CHORUS_INTEGRITY_BURST_MIN_VOTES)
    return;

  start = votes[0]->cast_at;
  if (self->voting_open_at > 0)
    start = MIN (start, self->voting_open_at);
  period = votes[n - 1]->cast_at - start;
  if (period < 2 * window)
    return;

  threshold = CHORUS_INTEGRITY_BURST_ALPHA / ((double) period / window);
  for (guint i = 0, j = 0; i < n; i++)
    {
      double mean;
      guint k;

      while (j < n && votes[j]->cast_at < votes[i]->cast_at + window)
        j++;
      k = j - i;
      if (k < CHORUS_INTEGRITY_BURST_MIN_VOTES)
        continue;

      mean = (double) (n - k) / (period - window) * window;
      if (_chorus_integrity_poisson_tail (k, mean) >= threshold)
        continue;
      for (guint b = i; b < j; b++)
        votes[b]->flags |= CHORUS_RANKING_FLAG_BURST;
    }
}

/* @votes: one entry's votes that are not excluded. */
static void
flag_multi_identity (ChorusRankedVote **votes,
                     guint              n)
{
  g_autoptr(GHashTable) first_identity = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) several = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n; i++)
    {
      ChorusRankedVote *first;

      if (votes[i]->person_id == 0 || votes[i]->voter_id == 0)
        continue;
      first = g_hash_table_lookup (first_identity, &votes[i]->person_id);
      if (first == NULL)
        g_hash_table_insert (first_identity, &votes[i]->person_id, votes[i]);
      else if (first->voter_id != votes[i]->voter_id)
        g_hash_table_add (several, &votes[i]->person_id);
    }

  for (guint i = 0; i < n; i++)
    {
      if (votes[i]->person_id != 0 && g_hash_table_contains (several, &votes[i]->person_id))
        votes[i]->flags |= CHORUS_RANKING_FLAG_MULTI_IDENTITY;
    }
}

/**
 * _chorus_integrity_flag_votes:
 *
 * Sets the flags of every vote of @self, whose votes are sorted by entry
 * then time.
 */
void
_chorus_integrity_flag_votes (ChorusRanking *self)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, i);

      g_hash_table_insert (by_id, &entry->submission_id, entry);
    }

  flag_new_and_self (self, by_id);

  for (guint i = 0; i <= self->votes->len; i++)
    {
      ChorusRankedVote *vote = i < self->votes->len ? g_ptr_array_index (self->votes, i) : NULL;
      ChorusRankedVote *last = counted->len > 0 ? g_ptr_array_index (counted, counted->len - 1) : NULL;

      if (last != NULL && (vote == NULL || vote->submission_id != last->submission_id))
        {
          flag_bursts (self, (ChorusRankedVote **) counted->pdata, counted->len);
          flag_multi_identity ((ChorusRankedVote **) counted->pdata, counted->len);
          g_ptr_array_set_size (counted, 0);
        }
      if (vote != NULL && !vote->excluded)
        g_ptr_array_add (counted, vote);
    }
}

/**
 * _chorus_integrity_flag_duplicates:
 *
 * Flags the entries of @self that look like another entry.
 */
void
_chorus_integrity_flag_duplicates (ChorusRanking *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, i);
      const ChorusRankedEntry *closest = NULL;
      guint best = G_MAXUINT;

      if (!entry->has_phash)
        continue;

      for (guint j = 0; j < self->entries->len; j++)
        {
          const ChorusRankedEntry *other = g_ptr_array_index (self->entries, j);
          guint distance;

          if (j == i || !other->has_phash)
            continue;
          distance = chorus_phash_distance (entry->phash, other->phash);
          if (distance > CHORUS_PHASH_NEAR_DISTANCE)
            continue;
          if (distance < best || (distance == best &&
                                  (other->submitted_at < closest->submitted_at ||
                                   (other->submitted_at == closest->submitted_at &&
                                    other->submission_id < closest->submission_id))))
            {
              best = distance;
              closest = other;
            }
        }

      if (closest != NULL)
        {
          entry->flags |= CHORUS_RANKING_FLAG_NEAR_DUPLICATE;
          entry->near_duplicate_of = closest->submission_id;
        }
    }
}
