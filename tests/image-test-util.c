/* image-test-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "image-test-util.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Returns: (transfer full): @surface as the bytes of a PNG file, which
 * must have been written without an error */
GBytes *
image_test_png_bytes (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==, CAIRO_STATUS_SUCCESS);
  return g_byte_array_free_to_bytes (png);
}
