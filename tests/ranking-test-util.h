/* ranking-test-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "chorus-ranking-private.h"

G_BEGIN_DECLS

/* Building rankings by hand for test-ranking and test-integrity. */

#define RANKING_DAY (24 * 60 * 60)

/* Values here are of the order of 1, so an absolute tolerance will do. */
#define assert_close(value, expected) g_assert_cmpfloat_with_epsilon ((value), (expected), 1e-12)

ChorusRankedEntry *ranking_test_entry      (ChorusRanking *ranking,
                                            gint64         submission_id,
                                            gint64         author_id,
                                            gint64         author_person_id);
ChorusRankedVote  *ranking_test_vote       (ChorusRanking *ranking,
                                            gint64         submission_id,
                                            const char    *kind,
                                            gint64         voter_id,
                                            gint64         person_id,
                                            double         score,
                                            gint64         cast_at);
ChorusRankedVote  *ranking_test_kiosk_vote (ChorusRanking *ranking,
                                            gint64         submission_id,
                                            const char    *token,
                                            double         score);
void               ranking_test_jury       (ChorusRanking *ranking,
                                            gint64         submission_id,
                                            gint64         juror_id,
                                            const double  *scores,
                                            guint          n_scores);

G_END_DECLS
