/* chorus-clean-image.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "chorus-clean-image.h"

/* Images leave Chorus without their metadata. Rather than cutting known
 * blocks out of each format (JPEG's APP1 and APP13 segments, PNG's eXIf
 * and text chunks, WebP's EXIF and XMP chunks…), which keeps whatever a
 * format hides elsewhere, the pixels are decoded with gdk-pixbuf and
 * written again as a PNG that holds nothing but them: no EXIF (so no
 * GPS position, camera or date), no XMP, IPTC, comments or colour
 * profile. EXIF's orientation is applied to the pixels first, so the
 * image still stands the right way up. */

/**
 * chorus_clean_image_save:
 * @source: an image file in any format gdk-pixbuf reads
 * @destination: where the PNG goes (replaced if it exists)
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker.
 *
 * Returns: %FALSE with @error set when @source cannot be read or
 *   @destination written
 */
gboolean
chorus_clean_image_save (const char  *source,
                         const char  *destination,
                         GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (!(pixbuf = gdk_pixbuf_new_from_file (source, error)))
    return FALSE;

  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  /* No options: gdk-pixbuf's PNG writer adds no text, time or profile chunk of its own. */
  return gdk_pixbuf_save (upright, destination, "png", error, NULL);
}
