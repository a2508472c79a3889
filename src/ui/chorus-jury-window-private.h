/* chorus-jury-window-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-jury-window.h"
#include "chorus-ranking.h"
#include "chorus-scorecard.h"

G_BEGIN_DECLS

/* What the window (chorus-jury-window.c), its entry page
 * (chorus-jury-window-entry.c) and its summary page
 * (chorus-jury-window-summary.c) share. */

struct _ChorusJuryWindow
{
  AdwWindow         parent_instance;

  ChorusStore      *store;
  ChorusChallenge  *challenge;
  ChorusJury       *jury;
  ChorusScorecard  *card;
  ChorusRanking    *ranking;       /* the community's figures, the agreement; or NULL */
  GPtrArray        *submissions;   /* ChorusSubmission, every entry of the challenge */
  GPtrArray        *entries;       /* ChorusSubmission, accepted, in this juror's order */
  guint             position;
  gboolean          blind;
  GArray           *pending;       /* PendingScore, waiting for the write before */
  gboolean          writing;
  gboolean          gone;          /* disposed: writes go on, widgets are not touched */
  GCancellable     *cancellable;
  GCancellable     *ranking_cancellable;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkWidget        *juror_button;
  GtkSwitch        *blind_switch;
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  AdwComboRow      *juror_row;
  GtkPicture       *picture;
  GtkLabel         *progress_label;
  GtkLabel         *entry_title;
  GtkLabel         *author_label;
  GtkLabel         *community_label;
  GtkLabel         *lock_label;
  GtkListBox       *criteria_list;
  GtkLabel         *entry_error;
  GtkButton        *next_button;
  GtkLabel         *summary_title;
  GtkLabel         *summary_status;
  GtkListBox       *entries_list;
  GtkLabel         *agreement_label;
  GtkLabel         *thresholds_label;
  GtkLabel         *submit_hint;
  GtkLabel         *summary_error;
  GtkButton        *submit_button;
};

void  _chorus_jury_window_show_page           (ChorusJuryWindow *self,
                                               const char       *name);
void  _chorus_jury_window_refresh_ranking     (ChorusJuryWindow *self);
char *_chorus_jury_window_dup_scored          (ChorusJuryWindow *self,
                                               ChorusSubmission *entry);
void  _chorus_jury_window_show_error          (ChorusJuryWindow *self,
                                               const char       *message);
void  _chorus_jury_window_show_entry          (ChorusJuryWindow *self,
                                               guint             position);
void  _chorus_jury_window_reload_card         (ChorusJuryWindow *self);
void  _chorus_jury_window_queue_score         (ChorusJuryWindow *self,
                                               gint64            submission_id,
                                               gint64            criterion_id,
                                               double            score);
void  _chorus_jury_window_update_details      (ChorusJuryWindow *self);

void  _chorus_jury_window_show_summary        (ChorusJuryWindow *self);
void  _chorus_jury_window_update_summary      (ChorusJuryWindow *self);
void  _chorus_jury_window_show_agreement      (ChorusJuryWindow *self);
void  _chorus_jury_window_submit              (ChorusJuryWindow *self);
void  _chorus_jury_window_on_entry_activated  (ChorusJuryWindow *self,
                                               GtkListBoxRow    *row);

G_END_DECLS
