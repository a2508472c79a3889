/* chorus-store-moderation.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_MODERATION_REASON_MAX_CHARS 500

gboolean chorus_store_moderate_submission        (ChorusStore          *self,
                                                  gint64                submission_id,
                                                  const char           *moderation,
                                                  const char           *reason,
                                                  GError              **error);
void     chorus_store_moderate_submission_async  (ChorusStore          *self,
                                                  gint64                submission_id,
                                                  const char           *moderation,
                                                  const char           *reason,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean chorus_store_moderate_submission_finish (ChorusStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
