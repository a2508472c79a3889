/* chorus-ranking.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-ranking-private.h"

/* Counting the community's votes and ranking the entries.
 *
 * Voters. A vote belongs to the person behind its identity, so the
 * accounts of one person (linked by hand or by a merge, which moves the
 * identities to the kept person) count once; a kiosk vote belongs to its
 * kiosk token. Votes the team excluded count nowhere, and are shown apart
 * as votes_excluded.
 *
 * Sorts of vote. A vote with a score (a reply such as "4/5", a kiosk or
 * poll vote on the 0-5 scale) is a score; a like, a repost, or a poll or
 * kiosk vote without one is support. A reply_score without a score says
 * nothing and is not counted. Per person and entry, support counts once
 * however many ways it was shown: a like and a repost from one person are
 * one supporter, not two, since both say "I support this" (the earliest
 * such vote is the one marked as counted). Scores count once too: the
 * person's latest score, as people change their minds.
 *
 * votes_counted is the number of people (and kiosk voters) with a vote
 * that counts on the entry. The support bound is the Wilson lower bound
 * of the entry's supporters out of everyone with a counted vote anywhere
 * in the challenge: each of them saw the entries and could have supported
 * this one. The Bayesian average's prior is the mean of all counted
 * scores of the challenge, with the mean number of counted scores per
 * entry as its weight (chorus-ranking-stats.c).
 *
 * Community score, 0 to 1: on a "score5" challenge the Bayesian average
 * divided by 5, on a "support" challenge the support bound. Combined
 * score: w · community + (1 − w) · jury, with w the challenge's
 * community weight. A part whose weight is not 0 but that cannot be
 * computed (no jury score yet, no score anywhere in a score5 challenge,
 * nobody voted in a support challenge) leaves the combined score NaN and
 * the entry flagged NO_JURY_SCORE or NO_COMMUNITY_SCORE: never silently 0.
 *
 * Order: by combined score, then community score, then jury score (each
 * highest first, NaN last, compared to 9 decimal places), then more
 * counted votes, then the earlier entry, then the lower id. Entries equal
 * on all three scores share the rank of the first of them ("1224"
 * ranking); the rest of the order only lists them. */

#define SCORE_DIGITS 1e9

G_DEFINE_BOXED_TYPE (ChorusRanking, chorus_ranking, chorus_ranking_ref, chorus_ranking_unref)

static void
ranked_entry_free (ChorusRankedEntry *entry)
{
  g_free (entry->title);
  g_free (entry->author);
  g_free (entry->image_sha256);
  g_free (entry->image_path);
  g_free (entry->moderation);
  g_free (entry->read_notice);
  g_free (entry);
}

static void
ranked_vote_free (ChorusRankedVote *vote)
{
  g_free (vote->voter);
  g_free (vote->kind);
  g_free (vote->exclusion_reason);
  g_free (vote);
}

ChorusRanking *
_chorus_ranking_new (gint64      challenge_id,
                     const char *scale,
                     double      community_weight,
                     gint64      created_at)
{
  ChorusRanking *self = g_new0 (ChorusRanking, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->challenge_id = challenge_id;
  self->scale = g_strdup (scale != NULL ? scale : "score5");
  self->community_weight = CLAMP (community_weight, 0.0, 1.0);
  self->created_at = created_at;
  self->prior_mean = self->prior_weight = self->agreement = NAN;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ranked_entry_free);
  self->votes = g_ptr_array_new_with_free_func ((GDestroyNotify) ranked_vote_free);
  self->jury_scores = g_array_new (FALSE, FALSE, sizeof (ChorusJuryScore));
  self->criteria = g_array_new (FALSE, FALSE, sizeof (ChorusJuryCriterion));

  return self;
}

ChorusRanking *
chorus_ranking_ref (ChorusRanking *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_ranking_unref (ChorusRanking *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->hashtag);
  g_free (self->scale);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->votes);
  g_array_unref (self->jury_scores);
  g_array_unref (self->criteria);
  g_free (self);
}

/* Returns: (transfer none): the new entry, for the caller to fill in */
ChorusRankedEntry *
_chorus_ranking_add_entry (ChorusRanking *self,
                           gint64         submission_id,
                           gint64         submitted_at)
{
  ChorusRankedEntry *entry = g_new0 (ChorusRankedEntry, 1);

  entry->submission_id = submission_id;
  entry->submitted_at = submitted_at;
  entry->moderation = g_strdup ("accepted");
  entry->mean_score = entry->bayesian_average = entry->support_lower_bound = NAN;
  entry->community_score = entry->jury_score = entry->combined_score = NAN;
  g_ptr_array_add (self->entries, entry);

  return entry;
}

/* Returns: (transfer none): the new vote, for the caller to fill in */
ChorusRankedVote *
_chorus_ranking_add_vote (ChorusRanking *self,
                          gint64         id,
                          gint64         submission_id,
                          const char    *kind,
                          gint64         cast_at)
{
  ChorusRankedVote *vote = g_new0 (ChorusRankedVote, 1);

  vote->id = id;
  vote->submission_id = submission_id;
  vote->kind = g_strdup (kind);
  vote->cast_at = cast_at;
  vote->score = NAN;
  g_ptr_array_add (self->votes, vote);

  return vote;
}

void
_chorus_ranking_add_criterion (ChorusRanking *self,
                               gint64         id,
                               double         weight)
{
  ChorusJuryCriterion criterion = { id, MAX (weight, 0.0) };

  g_array_append_val (self->criteria, criterion);
}

void
_chorus_ranking_add_jury_score (ChorusRanking *self,
                                gint64         submission_id,
                                gint64         juror_id,
                                gint64         criterion_id,
                                double         score)
{
  ChorusJuryScore jury_score = { submission_id, juror_id, criterion_id, CLAMP (score, 0.0, 10.0) };

  g_array_append_val (self->jury_scores, jury_score);
}

/* Who cast a vote: the person (> 0), a kiosk token (< 0, numbered as
 * first met), or nobody (0) when the voter's identity is gone. */
static gint64
voter_key (const ChorusRankedVote *vote,
           GHashTable             *tokens)
{
  gpointer number;

  if (vote->person_id > 0)
    return vote->person_id;
  if (vote->voter_id != 0 || vote->voter == NULL)
    return 0;

  if (!(number = g_hash_table_lookup (tokens, vote->voter)))
    {
      number = GUINT_TO_POINTER (g_hash_table_size (tokens) + 1);
      g_hash_table_insert (tokens, vote->voter, number);
    }
  return -(gint64) GPOINTER_TO_UINT (number);
}

typedef struct
{
  ChorusRankedVote *vote;
  gint64            key;
} KeyedVote;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const KeyedVote *x = a;
  const KeyedVote *y = b;

  if (x->vote->submission_id != y->vote->submission_id)
    return x->vote->submission_id < y->vote->submission_id ? -1 : 1;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->vote->cast_at != y->vote->cast_at)
    return x->vote->cast_at < y->vote->cast_at ? -1 : 1;
  return x->vote->id < y->vote->id ? -1 : x->vote->id > y->vote->id;
}

static gboolean
is_support (const ChorusRankedVote *vote)
{
  return isnan (vote->score) && g_strcmp0 (vote->kind, "reply_score") != 0;
}

/* What one voter's votes on one entry (@votes[0..n), by time) count for. */
static void
count_voter (ChorusRankedEntry *entry,
             KeyedVote         *votes,
             guint              n,
             double            *score_sum,
             guint             *n_scores)
{
  ChorusRankedVote *support = NULL, *score = NULL;

  for (guint i = 0; i < n; i++)
    {
      ChorusRankedVote *vote = votes[i].vote;

      if (vote->excluded)
        continue;
      if (support == NULL && is_support (vote))
        support = vote;
      if (!isnan (vote->score))
        score = vote;
    }

  if (support != NULL)
    {
      support->counted = TRUE;
      entry->supporters++;
    }
  if (score != NULL)
    {
      score->counted = TRUE;
      score->score = CLAMP (score->score, 0.0, 5.0);
      entry->mean_score = (entry->n_scores == 0 ? 0 : entry->mean_score) + score->score;
      entry->n_scores++;
      *score_sum += score->score;
      (*n_scores)++;
    }
  if (support != NULL || score != NULL)
    entry->votes_counted++;
}

static ChorusRankedEntry *
find_entry (GHashTable *by_id,
            gint64      submission_id)
{
  return g_hash_table_lookup (by_id, &submission_id);
}

/* Counts the votes: supporters, scores (summed into mean_score, which
 * score_community() divides), and voters. */
static void
count_votes (ChorusRanking *self,
             GHashTable    *by_id,
             double        *score_sum,
             guint         *n_scores)
{
  g_autoptr(GHashTable) tokens = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) voters = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (KeyedVote), self->votes->len);

  for (guint i = 0; i < self->votes->len; i++)
    {
      KeyedVote item = { g_ptr_array_index (self->votes, i), 0 };
      ChorusRankedEntry *entry = find_entry (by_id, item.vote->submission_id);

      item.vote->counted = FALSE;
      item.key = voter_key (item.vote, tokens);
      if (entry != NULL && item.vote->excluded)
        entry->votes_excluded++;
      if (entry != NULL && item.key != 0)
        g_array_append_val (keyed, item);
    }

  g_array_sort (keyed, compare_keyed);
  for (guint i = 0, j; i < keyed->len; i = j)
    {
      KeyedVote *first = &g_array_index (keyed, KeyedVote, i);
      ChorusRankedEntry *entry = find_entry (by_id, first->vote->submission_id);
      guint before = entry->votes_counted;

      for (j = i + 1; j < keyed->len; j++)
        {
          KeyedVote *next = &g_array_index (keyed, KeyedVote, j);

          if (next->vote->submission_id != first->vote->submission_id || next->key != first->key)
            break;
        }

      count_voter (entry, first, j - i, score_sum, n_scores);
      if (entry->votes_counted > before)
        g_hash_table_add (voters, &first->key);
    }

  self->n_voters = g_hash_table_size (voters);
}

static void
score_community (ChorusRanking     *self,
                 ChorusRankedEntry *entry)
{
  double sum = entry->n_scores > 0 ? entry->mean_score : 0;

  entry->mean_score = entry->n_scores > 0 ? sum / entry->n_scores : NAN;
  entry->bayesian_average = _chorus_ranking_bayesian_average (sum, entry->n_scores, self->prior_mean,
                                                              self->prior_weight);
  entry->support_lower_bound = _chorus_ranking_wilson_lower (entry->supporters, self->n_voters);

  if (g_strcmp0 (self->scale, "support") == 0)
    entry->community_score = entry->support_lower_bound;
  else
    entry->community_score = entry->bayesian_average / 5;
}

static void
combine (ChorusRanking     *self,
         ChorusRankedEntry *entry)
{
  double w = self->community_weight;
  double combined = 0;

  if (w > 0 && isnan (entry->community_score))
    entry->flags |= CHORUS_RANKING_FLAG_NO_COMMUNITY_SCORE;
  if (w < 1 && isnan (entry->jury_score))
    entry->flags |= CHORUS_RANKING_FLAG_NO_JURY_SCORE;
  if (g_strcmp0 (entry->moderation, "accepted") != 0)
    entry->flags |= CHORUS_RANKING_FLAG_PENDING;

  if (entry->flags & (CHORUS_RANKING_FLAG_NO_COMMUNITY_SCORE | CHORUS_RANKING_FLAG_NO_JURY_SCORE))
    {
      entry->combined_score = NAN;
      return;
    }

  if (w > 0)
    combined += w * entry->community_score;
  if (w < 1)
    combined += (1 - w) * entry->jury_score;
  entry->combined_score = combined;
}

/* A score for ordering: rounded to SCORE_DIGITS, NaN below everything. */
static gint64
score_key (double score)
{
  return isnan (score) ? G_MININT64 : (gint64) llround (score * SCORE_DIGITS);
}

static int
compare_scores (const ChorusRankedEntry *x,
                const ChorusRankedEntry *y)
{
  const double xs[] = { x->combined_score, x->community_score, x->jury_score };
  const double ys[] = { y->combined_score, y->community_score, y->jury_score };

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      gint64 a = score_key (xs[i]), b = score_key (ys[i]);

      if (a != b)
        return a > b ? -1 : 1;
    }
  return 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ChorusRankedEntry *x = *(ChorusRankedEntry * const *) a;
  const ChorusRankedEntry *y = *(ChorusRankedEntry * const *) b;
  int by_scores = compare_scores (x, y);

  if (by_scores != 0)
    return by_scores;
  if (x->votes_counted != y->votes_counted)
    return x->votes_counted > y->votes_counted ? -1 : 1;
  if (x->submitted_at != y->submitted_at)
    return x->submitted_at < y->submitted_at ? -1 : 1;
  return x->submission_id < y->submission_id ? -1 : x->submission_id > y->submission_id;
}

static int
compare_votes (gconstpointer a,
               gconstpointer b)
{
  const ChorusRankedVote *x = *(ChorusRankedVote * const *) a;
  const ChorusRankedVote *y = *(ChorusRankedVote * const *) b;

  if (x->submission_id != y->submission_id)
    return x->submission_id < y->submission_id ? -1 : 1;
  if (x->cast_at != y->cast_at)
    return x->cast_at < y->cast_at ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
assign_ranks (ChorusRanking *self)
{
  g_ptr_array_sort (self->entries, compare_entries);

  for (guint i = 0; i < self->entries->len; i++)
    {
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, i);
      ChorusRankedEntry *previous = i > 0 ? g_ptr_array_index (self->entries, i - 1) : NULL;

      if (previous != NULL && compare_scores (previous, entry) == 0)
        entry->rank = previous->rank;
      else
        entry->rank = i + 1;
    }
}

/* Raises on each entry the flags of the votes that still count on it. */
static void
gather_vote_flags (ChorusRanking *self,
                   GHashTable    *by_id)
{
  for (guint i = 0; i < self->votes->len; i++)
    {
      ChorusRankedVote *vote = g_ptr_array_index (self->votes, i);
      ChorusRankedEntry *entry = find_entry (by_id, vote->submission_id);

      if (entry != NULL && !vote->excluded)
        entry->flags |= vote->flags & CHORUS_RANKING_VOTE_FLAGS;
    }
}

/**
 * _chorus_ranking_compute:
 *
 * Counts the votes, scores and flags every entry, and puts the entries in
 * rank order. Run once, after adding everything.
 */
void
_chorus_ranking_compute (ChorusRanking *self)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  double score_sum = 0;
  guint n_scores = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      ChorusRankedEntry *entry = g_ptr_array_index (self->entries, i);

      g_hash_table_insert (by_id, &entry->submission_id, entry);
    }

  g_ptr_array_sort (self->votes, compare_votes);
  count_votes (self, by_id, &score_sum, &n_scores);
  if (n_scores > 0)
    {
      self->prior_mean = score_sum / n_scores;
      self->prior_weight = (double) n_scores / self->entries->len;
    }

  for (guint i = 0; i < self->entries->len; i++)
    score_community (self, g_ptr_array_index (self->entries, i));

  _chorus_ranking_compute_jury (self);
  _chorus_integrity_flag_votes (self);
  _chorus_integrity_flag_duplicates (self);
  gather_vote_flags (self, by_id);

  for (guint i = 0; i < self->entries->len; i++)
    combine (self, g_ptr_array_index (self->entries, i));

  assign_ranks (self);
}

gint64
chorus_ranking_get_challenge_id (const ChorusRanking *self)
{
  return self->challenge_id;
}

const char *
chorus_ranking_get_title (const ChorusRanking *self)
{
  return self->title;
}

const char *
chorus_ranking_get_hashtag (const ChorusRanking *self)
{
  return self->hashtag;
}

/* Returns: "score5" or "support" */
const char *
chorus_ranking_get_scale (const ChorusRanking *self)
{
  return self->scale;
}

double
chorus_ranking_get_community_weight (const ChorusRanking *self)
{
  return self->community_weight;
}

/* Returns: the Bayesian average's prior mean m, NaN without scores */
double
chorus_ranking_get_prior_mean (const ChorusRanking *self)
{
  return self->prior_mean;
}

/* Returns: the Bayesian average's prior weight C, NaN without scores */
double
chorus_ranking_get_prior_weight (const ChorusRanking *self)
{
  return self->prior_weight;
}

/* Returns: everyone with a counted vote in the challenge (the support
 * bound's denominator) */
guint
chorus_ranking_get_n_voters (const ChorusRanking *self)
{
  return self->n_voters;
}

gboolean
chorus_ranking_has_jury_scores (const ChorusRanking *self)
{
  return self->n_jurors > 0;
}

/* Returns: Krippendorff's alpha (interval) between the jurors, or NaN
 * when it cannot be computed (one juror, no entry scored twice, or no
 * variation at all) */
double
chorus_ranking_get_agreement (const ChorusRanking *self)
{
  return self->agreement;
}

/* Returns: the jurors who scored any entry of the ranking */
guint
chorus_ranking_get_n_jurors (const ChorusRanking *self)
{
  return self->n_jurors;
}

guint
chorus_ranking_get_n_entries (const ChorusRanking *self)
{
  return self->entries->len;
}

/* Returns: (transfer none): the entry at rank order @i */
const ChorusRankedEntry *
chorus_ranking_get_entry (const ChorusRanking *self,
                          guint                i)
{
  g_return_val_if_fail (i < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, i);
}

/* Returns: (transfer none) (nullable): the entry of @submission_id */
const ChorusRankedEntry *
chorus_ranking_find_entry (const ChorusRanking *self,
                           gint64               submission_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ChorusRankedEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->submission_id == submission_id)
        return entry;
    }
  return NULL;
}

guint
chorus_ranking_get_n_votes (const ChorusRanking *self)
{
  return self->votes->len;
}

/* Returns: (transfer none): the vote at @i, by entry then time */
const ChorusRankedVote *
chorus_ranking_get_vote (const ChorusRanking *self,
                         guint                i)
{
  g_return_val_if_fail (i < self->votes->len, NULL);

  return g_ptr_array_index (self->votes, i);
}

static const char * const flag_keys[CHORUS_RANKING_N_FLAGS] = {
  "new_account", "burst", "multi_identity", "self_vote",
  "near_duplicate", "no_jury_score", "no_community_score", "pending",
};

/* Returns: the flag's name in exports, the same in every language */
const char *
chorus_ranking_flag_key (ChorusRankingFlags flag)
{
  for (guint i = 0; i < CHORUS_RANKING_N_FLAGS; i++)
    {
      if (flag == (ChorusRankingFlags) (1 << i))
        return flag_keys[i];
    }
  g_return_val_if_reached (NULL);
}

/* Returns: the flag in words, translated */
const char *
chorus_ranking_flag_describe (ChorusRankingFlags flag)
{
  switch (flag)
    {
    case CHORUS_RANKING_FLAG_NEW_ACCOUNT:
      /* Translators: a flag on a design challenge's entry or vote, shown as an icon's tooltip in the
       * results and in the list of flagged votes: the voter's account on the social network was
       * created after the challenge was, which may mean an account made just to vote. */
      return _("Votes from accounts created after the challenge");
    case CHORUS_RANKING_FLAG_BURST:
      /* Translators: a flag on a design challenge's entry or vote: many votes reached one entry
       * within an hour, far more than its usual rate explains (perhaps a vote brigade). */
      return _("A burst of votes in a short time");
    case CHORUS_RANKING_FLAG_MULTI_IDENTITY:
      /* Translators: a flag on a design challenge's entry or vote: the same person voted for one
       * entry from two or more of their accounts (on one network or several); only one of those
       * votes counts. */
      return _("One person voting from several accounts");
    case CHORUS_RANKING_FLAG_SELF_VOTE:
      /* Translators: a flag on a design challenge's entry or vote: the person who voted is the
       * person who submitted the entry, from the same account or another of theirs. */
      return _("The author voting for their own entry");
    case CHORUS_RANKING_FLAG_NEAR_DUPLICATE:
      /* Translators: a flag on a design challenge's entry: its image is almost the same picture as
       * another entry's (compared by a perceptual hash), perhaps a copy. */
      return _("Looks like another entry");
    case CHORUS_RANKING_FLAG_NO_JURY_SCORE:
      /* Translators: a flag on a design challenge's entry: no juror has scored it, so it has no
       * combined score yet. */
      return _("Not scored by the jury yet");
    case CHORUS_RANKING_FLAG_NO_COMMUNITY_SCORE:
      /* Translators: a flag on a design challenge's entry: no community vote counts for it yet,
       * so it has no combined score. */
      return _("No community score yet");
    case CHORUS_RANKING_FLAG_PENDING:
      /* Translators: a flag on a design challenge's entry: it is still waiting for a team member
       * to accept or reject it. */
      return _("Waiting for moderation");
    case CHORUS_RANKING_FLAG_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer full): the keys of @flags, in the order above */
GStrv
chorus_ranking_flags_to_keys (ChorusRankingFlags flags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < CHORUS_RANKING_N_FLAGS; i++)
    {
      if (flags & (1 << i))
        g_strv_builder_add (builder, flag_keys[i]);
    }
  return g_strv_builder_end (builder);
}
