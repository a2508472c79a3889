/* chorus-media-cache.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_MEDIA_CACHE (chorus_media_cache_get_type ())

#define CHORUS_MEDIA_CACHE_DEFAULT_MAX_BYTES (5 * 1024 * 1024)

G_DECLARE_FINAL_TYPE (ChorusMediaCache, chorus_media_cache, CHORUS, MEDIA_CACHE, GObject)

ChorusMediaCache *chorus_media_cache_new          (ChorusStore          *store,
                                                   ChorusHttp           *http);
ChorusStore      *chorus_media_cache_get_store    (ChorusMediaCache     *self);
void              chorus_media_cache_fetch_async  (ChorusMediaCache     *self,
                                                   const char           *url,
                                                   gsize                 max_bytes,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char             *chorus_media_cache_fetch_finish (ChorusMediaCache     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
