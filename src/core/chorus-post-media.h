/* chorus-post-media.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_POST_MEDIA (chorus_post_media_get_type ())

typedef struct
{
  char *kind;               /* "image", "video", "gifv" or "audio" */
  char *url;                /* the full media, for the browser */
  char *preview_url;        /* a smaller image, or NULL */
  char *alt_text;           /* or NULL */
  int   width;              /* in pixels, 0 when unknown */
  int   height;
} ChorusPostMedia;

GType            chorus_post_media_get_type          (void) G_GNUC_CONST;
ChorusPostMedia *chorus_post_media_new               (const char            *kind,
                                                      const char            *url,
                                                      const char            *preview_url,
                                                      const char            *alt_text,
                                                      int                    width,
                                                      int                    height);
ChorusPostMedia *chorus_post_media_copy              (const ChorusPostMedia *media);
void             chorus_post_media_free              (ChorusPostMedia       *media);
const char      *chorus_post_media_get_thumbnail_url (const ChorusPostMedia *media);
int              chorus_post_media_get_tile_width    (const ChorusPostMedia *media,
                                                      int                    height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusPostMedia, chorus_post_media_free)

G_END_DECLS
