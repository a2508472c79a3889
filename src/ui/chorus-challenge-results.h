/* chorus-challenge-results.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-awards.h"
#include "chorus-challenge.h"
#include "chorus-ranking.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CHALLENGE_RESULTS (chorus_challenge_results_get_type ())

G_DECLARE_FINAL_TYPE (ChorusChallengeResults, chorus_challenge_results, CHORUS, CHALLENGE_RESULTS, GtkWidget)

void           chorus_challenge_results_set_challenge (ChorusChallengeResults *self,
                                                       ChorusStore            *store,
                                                       ChorusChallenge        *challenge);
ChorusRanking *chorus_challenge_results_get_ranking   (ChorusChallengeResults *self);
ChorusAwards  *chorus_challenge_results_get_awards    (ChorusChallengeResults *self);
GListModel    *chorus_challenge_results_get_items     (ChorusChallengeResults *self);
void           chorus_challenge_results_show_page     (ChorusChallengeResults *self,
                                                       const char             *name);

G_END_DECLS
