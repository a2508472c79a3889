/* chorus-store-kiosk.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

/* What a kiosk voter gives an entry: a score from 0 to 5 on a scored
 * challenge, support on a support challenge, or nothing (taken back). */
#define CHORUS_KIOSK_WITHDRAW (-1)
#define CHORUS_KIOSK_SUPPORT  1

gboolean chorus_store_set_kiosk_vote        (ChorusStore          *self,
                                             gint64                submission_id,
                                             const char           *voter_token,
                                             int                   score,
                                             gint64                now,
                                             GError              **error);
void     chorus_store_set_kiosk_vote_async  (ChorusStore          *self,
                                             gint64                submission_id,
                                             const char           *voter_token,
                                             int                   score,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean chorus_store_set_kiosk_vote_finish (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
