/* chorus-media-import.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-store.h"

G_BEGIN_DECLS

/* Images a person adds from a file (a variant's, a submission's), kept in
 * the workspace's media folder by their SHA-256. */

#define CHORUS_MEDIA_IMPORT_MAX_BYTES  (16 * 1000 * 1000)
#define CHORUS_MEDIA_IMPORT_MAX_SIDE   16384
#define CHORUS_MEDIA_IMPORT_MAX_PIXELS (50 * 1000 * 1000)

typedef struct
{
  char    *sha256;          /* the file's name in the media folder, with the format's extension */
  char    *mime_type;       /* "image/jpeg", "image/png", "image/gif" or "image/webp" */
  guint    width;           /* in pixels, as the image's header states */
  guint    height;
  guint64  size;            /* in bytes */
} ChorusMediaInfo;

#define CHORUS_TYPE_MEDIA_INFO (chorus_media_info_get_type ())

GType            chorus_media_info_get_type (void) G_GNUC_CONST;
ChorusMediaInfo *chorus_media_info_copy     (const ChorusMediaInfo  *info);
void             chorus_media_info_free     (ChorusMediaInfo        *info);

ChorusMediaInfo *chorus_media_import        (ChorusStore            *store,
                                             GFile                  *file,
                                             GCancellable           *cancellable,
                                             GError                **error);
void             chorus_media_import_async  (ChorusStore            *store,
                                             GFile                  *file,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
ChorusMediaInfo *chorus_media_import_finish (ChorusStore            *store,
                                             GAsyncResult           *result,
                                             GError                **error);

char            *chorus_media_dup_path      (ChorusStore            *store,
                                             const char             *sha256,
                                             const char             *mime_type);
GBytes          *chorus_media_load          (ChorusStore            *store,
                                             const char             *sha256,
                                             const char             *mime_type,
                                             ChorusMediaInfo       **info,
                                             GError                **error);

char            *chorus_media_save          (ChorusStore            *store,
                                             const char             *sha256,
                                             const char             *extension,
                                             GBytes                 *bytes,
                                             GError                **error);
gboolean         chorus_media_write_file    (const char             *path,
                                             const char             *contents,
                                             gssize                  length,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMediaInfo, chorus_media_info_free)

G_END_DECLS
