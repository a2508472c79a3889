/* chorus-sample.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_SAMPLE_DEFAULT_POSTS 2000

gboolean chorus_sample_generate        (const char           *path,
                                        guint                 n_posts,
                                        guint64               seed,
                                        GDateTime            *anchor,
                                        GCancellable         *cancellable,
                                        GError              **error);
void     chorus_sample_generate_async  (const char           *path,
                                        guint                 n_posts,
                                        guint64               seed,
                                        GDateTime            *anchor,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean chorus_sample_generate_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
