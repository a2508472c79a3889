/* chorus-image-format.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The four kinds of image the workspace keeps, told by their first bytes,
 * never by a file's name or a server's word. */
typedef struct
{
  const char *mime_type;      /* "image/png" */
  const char *extension;      /* "png": the media folder's files are "<sha256>.<extension>" */
} ChorusImageFormat;

const ChorusImageFormat *chorus_image_format_sniff        (const guint8  *data,
                                                           gsize          size);
const ChorusImageFormat *chorus_image_format_for_type     (const char    *mime_type);
const ChorusImageFormat *chorus_image_format_for_extension (const char   *extension);
gboolean                 chorus_image_format_read_size    (const ChorusImageFormat *format,
                                                           const guint8  *data,
                                                           gsize          size,
                                                           guint         *width,
                                                           guint         *height);

G_END_DECLS
