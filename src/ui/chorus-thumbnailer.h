/* chorus-thumbnailer.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        chorus_thumbnailer_load_async  (const char           *path,
                                            int                   size,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GdkTexture *chorus_thumbnailer_load_finish (GAsyncResult         *result,
                                            GError              **error);
void        chorus_thumbnailer_show        (GtkPicture           *picture,
                                            const char           *path,
                                            int                   size,
                                            GCancellable         *cancellable);

G_END_DECLS
