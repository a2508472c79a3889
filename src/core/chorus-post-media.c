/* chorus-post-media.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-post-media.h"

/* One attachment of a post as the thread view shows it: a plain boxed
 * struct, built in the loader's worker thread and read on the main one. */

/* The shapes a tile keeps: a panorama or a tall strip is cropped. */
#define MIN_ASPECT 0.5
#define MAX_ASPECT 2.0
#define DEFAULT_ASPECT (4.0 / 3.0)

G_DEFINE_BOXED_TYPE (ChorusPostMedia, chorus_post_media, chorus_post_media_copy, chorus_post_media_free)

/**
 * chorus_post_media_new:
 * @kind: (nullable): "image", "video", "gifv" or "audio"; %NULL means "image"
 * @url: (nullable): the full media
 * @preview_url: (nullable): a smaller image of it
 * @alt_text: (nullable): its description
 * @width: its width in pixels, or 0
 * @height: its height in pixels, or 0
 *
 * Returns: (transfer full): a new #ChorusPostMedia
 */
ChorusPostMedia *
chorus_post_media_new (const char *kind,
                       const char *url,
                       const char *preview_url,
                       const char *alt_text,
                       int         width,
                       int         height)
{
  ChorusPostMedia *media = g_new0 (ChorusPostMedia, 1);

  media->kind = g_strdup (kind != NULL && *kind != '\0' ? kind : "image");
  media->url = g_strdup (url);
  media->preview_url = g_strdup (preview_url);
  media->alt_text = g_strdup (alt_text);
  media->width = MAX (width, 0);
  media->height = MAX (height, 0);

  return media;
}

ChorusPostMedia *
chorus_post_media_copy (const ChorusPostMedia *media)
{
  g_return_val_if_fail (media != NULL, NULL);

  return chorus_post_media_new (media->kind, media->url, media->preview_url, media->alt_text,
                                media->width, media->height);
}

void
chorus_post_media_free (ChorusPostMedia *media)
{
  if (media == NULL)
    return;

  g_free (media->kind);
  g_free (media->url);
  g_free (media->preview_url);
  g_free (media->alt_text);
  g_free (media);
}

/**
 * chorus_post_media_get_thumbnail_url:
 * @media: a #ChorusPostMedia
 *
 * The image to show in the thread: the preview when there is one, else the
 * media itself when it is an image. Videos and sounds without a preview
 * have none, and show a placeholder.
 *
 * Returns: (nullable): an address, or %NULL
 */
const char *
chorus_post_media_get_thumbnail_url (const ChorusPostMedia *media)
{
  g_return_val_if_fail (media != NULL, NULL);

  if (media->preview_url != NULL && *media->preview_url != '\0')
    return media->preview_url;

  if (g_strcmp0 (media->kind, "image") == 0 && media->url != NULL && *media->url != '\0')
    return media->url;

  return NULL;
}

/**
 * chorus_post_media_get_tile_width:
 * @media: a #ChorusPostMedia
 * @height: the height of the tile, in pixels
 *
 * How wide the tile of @media is at @height: the media's own shape,
 * between half and twice as wide as high; 4:3 when its size is unknown,
 * square for a sound.
 *
 * Returns: the width, in pixels
 */
int
chorus_post_media_get_tile_width (const ChorusPostMedia *media,
                                  int                    height)
{
  double aspect = DEFAULT_ASPECT;

  g_return_val_if_fail (media != NULL, height);

  if (g_strcmp0 (media->kind, "audio") == 0)
    aspect = 1.0;
  else if (media->width > 0 && media->height > 0)
    aspect = CLAMP ((double) media->width / media->height, MIN_ASPECT, MAX_ASPECT);

  return (int) (height * aspect + 0.5);
}
