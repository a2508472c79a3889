/* ranking-test-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ranking-test-util.h"

/* Entries are submitted a day apart, in the order of their ids; votes get
 * ids in the order they are made. */

ChorusRankedEntry *
ranking_test_entry (ChorusRanking *ranking,
                    gint64         submission_id,
                    gint64         author_id,
                    gint64         author_person_id)
{
  ChorusRankedEntry *entry = _chorus_ranking_add_entry (ranking, submission_id, submission_id * RANKING_DAY);

  entry->title = g_strdup_printf ("Entry %" G_GINT64_FORMAT, submission_id);
  entry->author_id = author_id;
  entry->author_person_id = author_person_id;
  return entry;
}

ChorusRankedVote *
ranking_test_vote (ChorusRanking *ranking,
                   gint64         submission_id,
                   const char    *kind,
                   gint64         voter_id,
                   gint64         person_id,
                   double         score,
                   gint64         cast_at)
{
  ChorusRankedVote *vote = _chorus_ranking_add_vote (ranking, ranking->votes->len + 1, submission_id, kind, cast_at);

  vote->voter_id = voter_id;
  vote->person_id = person_id;
  vote->voter = g_strdup_printf ("@voter%" G_GINT64_FORMAT, voter_id);
  vote->score = score;
  return vote;
}

ChorusRankedVote *
ranking_test_kiosk_vote (ChorusRanking *ranking,
                         gint64         submission_id,
                         const char    *token,
                         double         score)
{
  ChorusRankedVote *vote = _chorus_ranking_add_vote (ranking, ranking->votes->len + 1, submission_id, "kiosk",
                                                     100 * RANKING_DAY + ranking->votes->len);

  vote->voter = g_strdup (token);
  vote->score = score;
  return vote;
}

/* One juror's scores of one entry, criterion i + 1 for scores[i]. */
void
ranking_test_jury (ChorusRanking *ranking,
                   gint64         submission_id,
                   gint64         juror_id,
                   const double  *scores,
                   guint          n_scores)
{
  for (guint i = 0; i < n_scores; i++)
    {
      if (!isnan (scores[i]))
        _chorus_ranking_add_jury_score (ranking, submission_id, juror_id, i + 1, scores[i]);
    }
}
