/* chorus-challenge-results-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-challenge-results.h"

G_BEGIN_DECLS

/* The Results view's parts: the widget and its loading
 * (chorus-challenge-results.c), the ranking table
 * (chorus-results-ranking.c), winners and reward ledger
 * (chorus-results-awards.c), flagged votes (chorus-results-votes.c) and
 * the dialogs that change them (chorus-results-dialogs.c,
 * chorus-results-reward-dialog.c). */

#define CHORUS_RESULTS_THUMBNAIL_SIZE 48

struct _ChorusChallengeResults
{
  GtkWidget            parent_instance;

  GtkStack            *state_stack;
  AdwStatusPage       *error_page;
  GtkStack            *pages;
  GtkStackPage        *votes_page;
  GtkLabel            *facts_label;
  GtkLabel            *agreement_label;
  GtkColumnView       *ranking_view;
  GListStore          *items;
  GtkListBox          *winners_list;
  GtkListBox          *rewards_list;
  GtkLabel            *totals_label;
  GtkListBox          *votes_list;
  GtkWidget           *notices_group;
  GtkListBox          *notices_list;
  GtkColumnViewColumn *mean_column;
  GtkColumnViewColumn *bayesian_column;

  ChorusStore         *store;
  ChorusChallenge     *challenge;
  ChorusRanking       *ranking;
  ChorusAwards        *awards;
  GCancellable        *cancellable;
  gboolean             dirty;
  /* Whether the mean and Bayesian columns give way (too narrow for all). */
  gboolean             narrow;
  gboolean             want_narrow;
  int                  full_width;
  guint                fit_idle;
};

/* chorus-challenge-results.c */
void  _chorus_results_show_thumbnail   (GtkPicture              *picture,
                                        const char              *path);
void  _chorus_results_changed          (ChorusChallengeResults  *self,
                                        const char              *message,
                                        const GError            *error);
void  _chorus_results_reset_list       (GtkListBox              *list,
                                        const char              *placeholder);
void  _chorus_results_toast            (ChorusChallengeResults  *self,
                                        const char              *message);
const char *_chorus_results_entry_title (ChorusChallengeResults *self,
                                         gint64                  submission_id);

/* chorus-results-ranking.c */
void  _chorus_results_build_ranking    (ChorusChallengeResults  *self);
void  _chorus_results_fit_titles       (ChorusChallengeResults  *self);
void  _chorus_results_show_columns     (ChorusChallengeResults  *self);
void  _chorus_results_fit_columns      (ChorusChallengeResults  *self,
                                        int                      width);
const char *_chorus_results_flag_icon  (ChorusRankingFlags       flag);

/* chorus-results-awards.c */
void  _chorus_results_fill_awards      (ChorusChallengeResults  *self);

/* chorus-results-votes.c */
void  _chorus_results_fill_votes       (ChorusChallengeResults  *self);

/* chorus-results-dialogs.c */
void  _chorus_results_class_add_actions (GtkWidgetClass         *widget_class);

G_END_DECLS
