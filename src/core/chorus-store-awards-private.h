/* chorus-store-awards-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store-awards.h"
#include "chorus-store-triage-private.h"

G_BEGIN_DECLS

/* What the winners' and the rewards' writes share. */

gboolean _chorus_awards_refuse            (GError               **error,
                                           int                    code,
                                           const char            *message);
void     _chorus_store_award_change_async (ChorusStore           *self,
                                           ChorusStoreWriteFunc   func,
                                           gpointer               change,
                                           GDestroyNotify         change_free,
                                           GError                *refusal,
                                           gpointer               source_tag,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);

G_END_DECLS
