/* variant-image-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>

#include "chorus-store-campaigns.h"
#include "variant-image-util.h"

/* Writes a PNG of @width × @height into @dir; with @noise, every pixel
 * random, so that the file is about 3 bytes a pixel. Returns its path. */
char *
variant_image_write_png (const char *dir,
                         const char *name,
                         int         width,
                         int         height,
                         gboolean    noise)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.16, 0.42, 0.31);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.95, 0.75, 0.3);
  cairo_arc (cr, width * 0.7, height * 0.3, MIN (width, height) * 0.15, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);

  if (noise)
    {
      guint32 *pixels;

      cairo_surface_flush (surface);
      pixels = (guint32 *) cairo_image_surface_get_data (surface);
      for (int i = 0; i < cairo_image_surface_get_stride (surface) / 4 * height; i++)
        pixels[i] = g_random_int () & 0xffffff;
      cairo_surface_mark_dirty (surface);
    }

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

ChorusMediaInfo *
variant_image_import (ChorusStore *store,
                      const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChorusMediaInfo *info = chorus_media_import (store, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* A PNG drawn beside @store's workspace file, then added to its media folder. */
ChorusMediaInfo *
variant_image_add_png (ChorusStore *store,
                       int          width,
                       int          height,
                       gboolean     noise)
{
  g_autofree char *dir = g_path_get_dirname (chorus_store_get_path (store));
  g_autofree char *name = g_strdup_printf ("picked-%dx%d%s.png", width, height, noise ? "-noise" : "");
  g_autofree char *path = variant_image_write_png (dir, name, width, height, noise);

  return variant_image_import (store, path);
}

/* A draft campaign with a variant per body, each with its image and
 * alt text where @images has one; returns its id. */
gint64
variant_image_create_campaign (ChorusStore         *store,
                               const char * const  *bodies,
                               ChorusMediaInfo    **images,
                               const char * const  *alts)
{
  g_autoptr(ChorusCampaignDraft) draft = chorus_campaign_draft_new ("Trail poster");
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (draft->metric);
  draft->metric = g_strdup ("likes");
  for (guint i = 0; bodies[i] != NULL; i++)
    {
      ChorusVariantDraft *variant = chorus_campaign_draft_add_variant (draft, bodies[i]);

      if (images[i] == NULL)
        continue;
      variant->image_sha256 = g_strdup (images[i]->sha256);
      variant->image_type = g_strdup (images[i]->mime_type);
      variant->image_alt = g_strdup (alts[i]);
    }

  id = chorus_store_create_campaign (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
