/* chorus-store-thread.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-post.h"
#include "chorus-store.h"

G_BEGIN_DECLS

void        chorus_store_load_thread_async  (ChorusStore          *self,
                                             gint64                conversation_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GListModel *chorus_store_load_thread_finish (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             char                **subject,
                                             GError              **error);

G_END_DECLS
