/* chorus-store-challenge-write.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-challenge-draft.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* Creating and editing co-creation challenges, with their jury and
 * scoring criteria: each one transaction with its audit entry. The
 * blocking calls are for workers, chorusctl and tests; widgets use the
 * _async() ones. Both changes finish with
 * chorus_store_change_challenge_finish(). */

gint64                chorus_store_create_challenge            (ChorusStore                 *self,
                                                                ChorusChallengeDraft        *draft,
                                                                GError                     **error);
gboolean              chorus_store_edit_challenge              (ChorusStore                 *self,
                                                                gint64                       id,
                                                                ChorusChallengeDraft        *draft,
                                                                GError                     **error);
ChorusChallengeDraft *chorus_store_load_challenge_draft        (ChorusStore                 *self,
                                                                gint64                       id,
                                                                GError                     **error);

void                  chorus_store_create_challenge_async      (ChorusStore                 *self,
                                                                const ChorusChallengeDraft  *draft,
                                                                GCancellable                *cancellable,
                                                                GAsyncReadyCallback          callback,
                                                                gpointer                     user_data);
void                  chorus_store_edit_challenge_async        (ChorusStore                 *self,
                                                                gint64                       id,
                                                                const ChorusChallengeDraft  *draft,
                                                                GCancellable                *cancellable,
                                                                GAsyncReadyCallback          callback,
                                                                gpointer                     user_data);
gint64                chorus_store_change_challenge_finish     (ChorusStore                 *self,
                                                                GAsyncResult                *result,
                                                                GError                     **error);
void                  chorus_store_load_challenge_draft_async  (ChorusStore                 *self,
                                                                gint64                       id,
                                                                GCancellable                *cancellable,
                                                                GAsyncReadyCallback          callback,
                                                                gpointer                     user_data);
ChorusChallengeDraft *chorus_store_load_challenge_draft_finish (ChorusStore                 *self,
                                                                GAsyncResult                *result,
                                                                GError                     **error);

G_END_DECLS
