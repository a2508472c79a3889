/* chorus-store-jury.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-jury.h"
#include "chorus-scorecard.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* A challenge's jury, each juror's scorecard, the jury's scores set and
 * cleared one at a time, and a scorecard submitted once it is complete,
 * with one audit entry. */

ChorusJury      *chorus_store_load_jury                (ChorusStore          *self,
                                                        gint64                challenge_id,
                                                        GError              **error);
void             chorus_store_load_jury_async          (ChorusStore          *self,
                                                        gint64                challenge_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
ChorusJury      *chorus_store_load_jury_finish         (ChorusStore          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

ChorusScorecard *chorus_store_load_scorecard           (ChorusStore          *self,
                                                        gint64                challenge_id,
                                                        gint64                juror_id,
                                                        GError              **error);
void             chorus_store_load_scorecard_async     (ChorusStore          *self,
                                                        gint64                challenge_id,
                                                        gint64                juror_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
ChorusScorecard *chorus_store_load_scorecard_finish    (ChorusStore          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

gboolean         chorus_store_set_jury_score           (ChorusStore          *self,
                                                        gint64                submission_id,
                                                        gint64                juror_id,
                                                        gint64                criterion_id,
                                                        double                score,
                                                        GError              **error);
gboolean         chorus_store_clear_jury_score         (ChorusStore          *self,
                                                        gint64                submission_id,
                                                        gint64                juror_id,
                                                        gint64                criterion_id,
                                                        GError              **error);
void             chorus_store_set_jury_score_async     (ChorusStore          *self,
                                                        gint64                submission_id,
                                                        gint64                juror_id,
                                                        gint64                criterion_id,
                                                        double                score,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
void             chorus_store_clear_jury_score_async   (ChorusStore          *self,
                                                        gint64                submission_id,
                                                        gint64                juror_id,
                                                        gint64                criterion_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         chorus_store_jury_score_finish        (ChorusStore          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

gint64           chorus_store_submit_scorecard         (ChorusStore          *self,
                                                        gint64                challenge_id,
                                                        gint64                juror_id,
                                                        GError              **error);
void             chorus_store_submit_scorecard_async   (ChorusStore          *self,
                                                        gint64                challenge_id,
                                                        gint64                juror_id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gint64           chorus_store_submit_scorecard_finish  (ChorusStore          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
