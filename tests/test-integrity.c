/* test-integrity.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The integrity flags of a challenge's votes and entries, each raised
 * where it should be and not raised where it should not: accounts newer
 * than the challenge, bursts of votes, one person voting from several
 * accounts, self-votes, and near-duplicate entries. Votes the team
 * excluded keep their flags but no longer raise them on their entry. */

#include <locale.h>

#include "chorus-phash.h"
#include "ranking-test-util.h"

#define HOUR (60 * 60)
#define CREATED (1000 * RANKING_DAY)

static const ChorusRankedVote *
find_vote (ChorusRanking *ranking,
           gint64         id)
{
  for (guint i = 0; i < chorus_ranking_get_n_votes (ranking); i++)
    {
      if (chorus_ranking_get_vote (ranking, i)->id == id)
        return chorus_ranking_get_vote (ranking, i);
    }
  g_assert_not_reached ();
}

static void
test_poisson_tail (void)
{
  /* 1 − e^(−μ) Σ_{i<k} μ^i / i! */
  g_assert_cmpfloat (_chorus_integrity_poisson_tail (0, 3), ==, 1);
  assert_close (_chorus_integrity_poisson_tail (1, 0.5), 1 - exp (-0.5));
  assert_close (_chorus_integrity_poisson_tail (3, 2), 1 - exp (-2) * (1 + 2 + 2));
  g_assert_cmpfloat (_chorus_integrity_poisson_tail (5, 0), ==, 0);
}

static void
test_new_account (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "support", 1.0, CREATED);
  const gint64 created[] = { CREATED + 1, CREATED, CREATED - RANKING_DAY, 0 };
  ChorusRankedVote *vote;

  ranking_test_entry (ranking, 1, 0, 0);
  ranking_test_entry (ranking, 2, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (created); i++)
    {
      vote = ranking_test_vote (ranking, 1, "like", 11 + i, 1 + i, NAN, CREATED + RANKING_DAY);
      vote->account_created_at = created[i];
    }
  /* On entry 2, the new account's vote was excluded. */
  vote = ranking_test_vote (ranking, 2, "like", 11, 1, NAN, CREATED + RANKING_DAY);
  vote->account_created_at = created[0];
  vote->excluded = TRUE;
  _chorus_ranking_compute (ranking);

  g_assert_cmpuint (find_vote (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_NEW_ACCOUNT);
  for (gint64 id = 2; id <= 4; id++)
    g_assert_cmpuint (find_vote (ranking, id)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  g_assert_cmpuint (find_vote (ranking, 5)->flags, ==, CHORUS_RANKING_FLAG_NEW_ACCOUNT);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_NEW_ACCOUNT);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 2)->flags, ==, CHORUS_RANKING_FLAG_NONE);
}

static void
test_new_account_unknown_challenge_date (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "score5", 1.0, 0);
  ChorusRankedVote *vote;

  ranking_test_entry (ranking, 1, 0, 0);
  vote = ranking_test_vote (ranking, 1, "like", 11, 1, NAN, 1);
  vote->account_created_at = CREATED;
  _chorus_ranking_compute (ranking);

  g_assert_cmpuint (find_vote (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_NONE);
}

static void
test_self_vote (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "score5", 1.0, 0);

  /* Entry 1 by account 61 of person 6; entry 2 added by hand, no author. */
  ranking_test_entry (ranking, 1, 61, 6);
  ranking_test_entry (ranking, 2, 0, 0);
  ranking_test_vote (ranking, 1, "like", 61, 6, NAN, 1);        /* the same account */
  ranking_test_vote (ranking, 1, "reply_score", 62, 6, 5, 2);   /* another of the author's */
  ranking_test_vote (ranking, 1, "like", 71, 7, NAN, 3);        /* someone else */
  ranking_test_kiosk_vote (ranking, 1, "kiosk-1", NAN);
  ranking_test_vote (ranking, 2, "like", 61, 6, NAN, 4);        /* the author, on another entry */
  _chorus_ranking_compute (ranking);

  g_assert_cmpuint (find_vote (ranking, 1)->flags & CHORUS_RANKING_FLAG_SELF_VOTE, !=, 0);
  g_assert_cmpuint (find_vote (ranking, 2)->flags & CHORUS_RANKING_FLAG_SELF_VOTE, !=, 0);
  g_assert_cmpuint (find_vote (ranking, 3)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  g_assert_cmpuint (find_vote (ranking, 4)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  g_assert_cmpuint (find_vote (ranking, 5)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags & CHORUS_RANKING_FLAG_SELF_VOTE, !=, 0);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 2)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  /* Self-votes are flagged, not dropped: the team decides. */
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->votes_counted, ==, 3);
}

static void
test_multi_identity (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "support", 1.0, 0);
  ChorusRankedVote *vote;

  ranking_test_entry (ranking, 1, 0, 0);
  ranking_test_entry (ranking, 2, 0, 0);
  ranking_test_entry (ranking, 3, 0, 0);
  /* Entry 1: person 1 from accounts 11 and 12. */
  ranking_test_vote (ranking, 1, "like", 11, 1, NAN, 1);
  ranking_test_vote (ranking, 1, "repost", 12, 1, NAN, 2);
  /* Entries 2 and 3: one account of person 1 each, and on entry 3 the
   * other account's vote was excluded. */
  ranking_test_vote (ranking, 2, "like", 11, 1, NAN, 3);
  ranking_test_vote (ranking, 3, "like", 12, 1, NAN, 4);
  vote = ranking_test_vote (ranking, 3, "like", 11, 1, NAN, 5);
  vote->excluded = TRUE;
  /* Person 2 liked and reposted from one account. */
  ranking_test_vote (ranking, 2, "like", 21, 2, NAN, 6);
  ranking_test_vote (ranking, 2, "repost", 21, 2, NAN, 7);
  _chorus_ranking_compute (ranking);

  g_assert_cmpuint (find_vote (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_MULTI_IDENTITY);
  g_assert_cmpuint (find_vote (ranking, 2)->flags, ==, CHORUS_RANKING_FLAG_MULTI_IDENTITY);
  for (gint64 id = 3; id <= 7; id++)
    g_assert_cmpuint (find_vote (ranking, id)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_MULTI_IDENTITY);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 2)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 3)->flags, ==, CHORUS_RANKING_FLAG_NONE);
  /* Person 1 is one supporter of entry 1. */
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->supporters, ==, 1);
}

/* A vote every six hours for ten days from different people, starting
 * at voting's opening. */
static void
add_steady_votes (ChorusRanking *ranking,
                  gint64         submission_id,
                  gint64         first_person)
{
  for (guint i = 0; i < 40; i++)
    ranking_test_vote (ranking, submission_id, "like", first_person + i, first_person + i, NAN,
                       CREATED + i * 6 * HOUR);
}

/* Twelve votes in twenty minutes, from @at. */
static void
add_burst (ChorusRanking *ranking,
           gint64         submission_id,
           gint64         first_person,
           gint64         at,
           gboolean       excluded)
{
  for (guint i = 0; i < 12; i++)
    {
      ChorusRankedVote *vote = ranking_test_vote (ranking, submission_id, "like", first_person + i,
                                                  first_person + i, NAN, at + i * 100);

      vote->excluded = excluded;
    }
}

static void
test_burst (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "support", 1.0, CREATED - RANKING_DAY);
  /* Three hours from the steady votes at 120 h and 126 h. */
  gint64 burst_at = CREATED + 123 * HOUR;

  ranking->voting_open_at = CREATED;
  for (gint64 id = 1; id <= 4; id++)
    ranking_test_entry (ranking, id, 0, 0);

  /* Entry 1: steady votes and a burst; entry 2: steady votes only. */
  add_steady_votes (ranking, 1, 1000);
  add_burst (ranking, 1, 2000, burst_at, FALSE);
  add_steady_votes (ranking, 2, 3000);
  /* Entry 3: twelve votes in the first hour and a half of voting: too
   * soon to know a usual rate. */
  add_burst (ranking, 3, 4000, CREATED + 30 * 60, FALSE);
  ranking_test_vote (ranking, 3, "like", 4999, 4999, NAN, CREATED + 90 * 60);
  /* Entry 4: the burst was excluded already. */
  add_steady_votes (ranking, 4, 5000);
  add_burst (ranking, 4, 6000, burst_at, TRUE);
  _chorus_ranking_compute (ranking);

  for (guint i = 0; i < chorus_ranking_get_n_votes (ranking); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (ranking, i);
      gboolean in_burst = (vote->submission_id == 1 || vote->submission_id == 4) && vote->cast_at >= burst_at &&
                          vote->cast_at < burst_at + HOUR;

      g_assert_cmpuint (vote->flags, ==, in_burst && !vote->excluded ? CHORUS_RANKING_FLAG_BURST
                                                                     : CHORUS_RANKING_FLAG_NONE);
    }
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 1)->flags, ==, CHORUS_RANKING_FLAG_BURST);
  for (gint64 id = 2; id <= 4; id++)
    g_assert_cmpuint (chorus_ranking_find_entry (ranking, id)->flags, ==, CHORUS_RANKING_FLAG_NONE);
}

/* Just under the rule: four votes in the hour is no burst, however quiet
 * the rest of the time. */
static void
test_burst_needs_enough_votes (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "support", 1.0, 0);

  ranking->voting_open_at = CREATED;
  ranking_test_entry (ranking, 1, 0, 0);
  for (guint i = 0; i < CHORUS_INTEGRITY_BURST_MIN_VOTES - 1; i++)
    ranking_test_vote (ranking, 1, "like", 10 + i, 10 + i, NAN, CREATED + 5 * RANKING_DAY + i * 60);
  ranking_test_vote (ranking, 1, "like", 99, 99, NAN, CREATED + 9 * RANKING_DAY);
  _chorus_ranking_compute (ranking);

  g_assert_cmpuint (chorus_ranking_get_entry (ranking, 0)->flags, ==, CHORUS_RANKING_FLAG_NONE);
}

static void
set_phash (ChorusRankedEntry *entry,
           guint64            phash)
{
  entry->has_phash = TRUE;
  entry->phash = phash;
}

static void
test_near_duplicates (void)
{
  g_autoptr(ChorusRanking) ranking = _chorus_ranking_new (1, "score5", 1.0, 0);
  const guint64 top = G_GUINT64_CONSTANT (0xf000000000000000);

  /* 1 is 3 bits from 2 and from 5, and 4 from 3; 6 is far from all; 7 has
   * no hash. 2 and 5 are 6 bits apart. */
  set_phash (ranking_test_entry (ranking, 1, 0, 0), 0);
  set_phash (ranking_test_entry (ranking, 2, 0, 0), 0x7);
  set_phash (ranking_test_entry (ranking, 3, 0, 0), top);
  set_phash (ranking_test_entry (ranking, 6, 0, 0), G_MAXUINT64);
  set_phash (ranking_test_entry (ranking, 5, 0, 0), 0x700);
  ranking_test_entry (ranking, 7, 0, 0);
  _chorus_ranking_compute (ranking);

  g_assert_cmpuint (chorus_phash_distance (0x7, top), ==, 7);
  /* A tie (2 and 5, both 3 bits away) goes to the earlier entry. */
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 1)->near_duplicate_of, ==, 2);
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 2)->near_duplicate_of, ==, 1);
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 3)->near_duplicate_of, ==, 1);
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 5)->near_duplicate_of, ==, 1);
  for (gint64 id = 1; id <= 5; id++)
    {
      if (id != 4)
        g_assert_cmpuint (chorus_ranking_find_entry (ranking, id)->flags & CHORUS_RANKING_FLAG_NEAR_DUPLICATE, !=, 0);
    }
  g_assert_cmpint (chorus_ranking_find_entry (ranking, 6)->near_duplicate_of, ==, 0);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 6)->flags & CHORUS_RANKING_FLAG_NEAR_DUPLICATE, ==, 0);
  g_assert_cmpuint (chorus_ranking_find_entry (ranking, 7)->flags & CHORUS_RANKING_FLAG_NEAR_DUPLICATE, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/integrity/poisson-tail", test_poisson_tail);
  g_test_add_func ("/chorus/integrity/new-account", test_new_account);
  g_test_add_func ("/chorus/integrity/new-account-unknown-challenge-date", test_new_account_unknown_challenge_date);
  g_test_add_func ("/chorus/integrity/self-vote", test_self_vote);
  g_test_add_func ("/chorus/integrity/multi-identity", test_multi_identity);
  g_test_add_func ("/chorus/integrity/burst", test_burst);
  g_test_add_func ("/chorus/integrity/burst-needs-enough-votes", test_burst_needs_enough_votes);
  g_test_add_func ("/chorus/integrity/near-duplicates", test_near_duplicates);

  return g_test_run ();
}
