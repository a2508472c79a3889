/* chorus-pager-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-pager.h"

G_BEGIN_DECLS

void _chorus_pager_read_threads_async  (ChorusPagerStream    *stream,
                                        ChorusPage           *page,
                                        ChorusHttp           *http,
                                        const char * const   *headers,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
void _chorus_pager_read_threads_finish (GAsyncResult         *result);

G_END_DECLS
