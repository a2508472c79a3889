/* test-thumbnailer.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

#include "chorus-test-util.h"
#include "chorus-thumbnailer.h"

/* Thumbnails of images nobody vouches for: an image whose header lies
 * about its size (a decompression bomb) is refused from its header,
 * before a pixel is decoded; one whose name lies about its type, or that
 * is not an image at all, is refused by the decoder; a real one comes back
 * scaled to fit. */

/* The CRC-32 of PNG chunks (ISO 3309), bit by bit: tests need a few. */
static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }

  return crc ^ 0xffffffff;
}

/* A real 300 × 200 PNG, saved with gdk-pixbuf. */
static GByteArray *
make_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 200);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);

  return g_byte_array_new_take ((guint8 *) buffer, size);
}

/* @png, saying it is @width × @height pixels, with a valid header CRC so
 * that any decoder believes it. */
static void
restate_size (GByteArray *png,
              guint32     width,
              guint32     height)
{
  guint32 sides[2] = { GUINT32_TO_BE (width), GUINT32_TO_BE (height) };
  guint32 crc;

  g_assert_cmpmem (png->data + 12, 4, "IHDR", 4);
  memcpy (png->data + 16, sides, sizeof sides);
  crc = GUINT32_TO_BE (png_crc (png->data + 12, 4 + 13));
  memcpy (png->data + 29, &crc, sizeof crc);
}

static GdkTexture *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_thumbnailer_load_async (path, 64, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_thumbnailer_load_finish (result, error);
}

static char *
write_file (ChorusTestTempDir *f,
            const char        *name,
            gconstpointer      data,
            gsize              length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_real_image (ChorusTestTempDir *f,
                 gconstpointer      data)
{
  g_autoptr(GByteArray) png = make_png ();
  g_autofree char *path = write_file (f, "real.png", png->data, png->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 64);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 43);
}

static void
test_decompression_bomb (ChorusTestTempDir *f,
                         gconstpointer      data)
{
  static const struct { guint32 width, height; const char *message; } bombs[] = {
    { 100000, 100000, "The image says it is 100000 × 100000 pixels, too large to show." },
    { 16385, 10, "The image says it is 16385 × 10 pixels, too large to show." },
    { 8000, 8000, "The image says it is 8000 × 8000 pixels, too large to show." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bombs); i++)
    {
      g_autoptr(GByteArray) png = make_png ();
      g_autofree char *name = g_strdup_printf ("bomb-%u.png", i);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width, height;

      restate_size (png, bombs[i].width, bombs[i].height);
      path = write_file (f, name, png->data, png->len);

      /* The header says so, as a decoder would read it. */
      g_assert_nonnull (gdk_pixbuf_get_file_info (path, &width, &height));
      g_assert_cmpint (width, ==, bombs[i].width);

      texture = load (path, &error);
      g_assert_null (texture);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
      g_assert_cmpstr (error->message, ==, bombs[i].message);
    }
}

/* A name that says PNG over bytes that are not, and bytes that are not an
 * image at all: refused, never a crash. */
static void
test_lying_type (ChorusTestTempDir *f,
                 gconstpointer      data)
{
  static const char page[] = "<!DOCTYPE html><html><body>Not found, but 200 OK</body></html>";
  static const guint8 cut[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autofree char *html = write_file (f, "page.png", page, sizeof page - 1);
  g_autofree char *short_png = write_file (f, "cut.png", cut, sizeof cut);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_null ((texture = load (html, &error)));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null ((texture = load (short_png, &error)));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  chorus_test_add_in_temp_dir ("/chorus/thumbnailer/real-image", test_real_image);
  chorus_test_add_in_temp_dir ("/chorus/thumbnailer/decompression-bomb", test_decompression_bomb);
  chorus_test_add_in_temp_dir ("/chorus/thumbnailer/lying-type", test_lying_type);

  return g_test_run ();
}
