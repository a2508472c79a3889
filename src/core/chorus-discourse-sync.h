/* chorus-discourse-sync.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
#include "chorus-source.h"
#include "chorus-store-ingest.h"
#include "chorus-store.h"

G_BEGIN_DECLS

void     chorus_discourse_sync_async  (ChorusStore          *store,
                                       ChorusHttp           *http,
                                       ChorusSource         *source,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);

G_END_DECLS
