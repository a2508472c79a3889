/* chorus-submission-review.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-store.h"
#include "chorus-submission.h"

G_BEGIN_DECLS

/* Called once the decision is written (@error %NULL, @message what
 * changed, for a toast) or refused (@error set); @user_data is the
 * GObject given to chorus_submission_review_present(). */
typedef void (*ChorusSubmissionReviewDone) (gpointer      user_data,
                                            const char   *message,
                                            const GError *error);

GtkWidget *chorus_submission_review_present (GtkWidget                  *parent,
                                             ChorusStore                *store,
                                             ChorusSubmission           *submission,
                                             ChorusSubmissionReviewDone  done,
                                             gpointer                    user_data);

G_END_DECLS
