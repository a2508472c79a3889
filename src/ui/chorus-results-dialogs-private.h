/* chorus-results-dialogs-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-challenge-results-private.h"

G_BEGIN_DECLS

/* What the Results view's dialogs share (chorus-results-dialogs.c), for
 * the reward dialog (chorus-results-reward-dialog.c). */

typedef gint64 (*ChorusResultsFinish) (ChorusStore   *store,
                                       GAsyncResult  *result,
                                       GError       **error);

AdwMessageDialog *_chorus_results_dialog_new        (ChorusChallengeResults *self,
                                                     const char             *heading,
                                                     const char             *body,
                                                     const char             *response,
                                                     const char             *label,
                                                     AdwResponseAppearance   appearance);
GtkWidget        *_chorus_results_required_entry    (AdwMessageDialog       *dialog,
                                                     const char             *response,
                                                     const char             *placeholder);
gpointer          _chorus_results_done_new          (ChorusChallengeResults *self,
                                                     char                   *message,
                                                     ChorusResultsFinish     finish,
                                                     gboolean                send);
void              _chorus_results_on_done_cb        (GObject                *object,
                                                     GAsyncResult           *result,
                                                     gpointer                user_data);

void              _chorus_results_class_add_reward_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
