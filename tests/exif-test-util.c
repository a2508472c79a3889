/* exif-test-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "exif-test-util.h"

/* A JPEG as a phone writes it: the pixels, and an APP1 segment right
 * after the start of the image holding EXIF, little-endian TIFF with two
 * directories: IFD0 with the orientation (6: turn a quarter clockwise to
 * stand upright) and the pointer to the GPS directory, which holds a
 * position (40° 26′ 46″ N, 79° 58′ 56″ W). */

#define IFD0_OFFSET 8
#define GPS_OFFSET  (IFD0_OFFSET + 2 + 2 * 12 + 4)
#define DATA_OFFSET (GPS_OFFSET + 2 + 4 * 12 + 4)

static void
put16 (GByteArray *tiff,
       guint16     value)
{
  guint8 bytes[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (tiff, bytes, 2);
}

static void
put32 (GByteArray *tiff,
       guint32     value)
{
  put16 (tiff, value & 0xffff);
  put16 (tiff, value >> 16);
}

/* One 12-byte directory entry. */
static void
put_entry (GByteArray *tiff,
           guint16     tag,
           guint16     type,
           guint32     count,
           guint32     value)
{
  put16 (tiff, tag);
  put16 (tiff, type);
  put32 (tiff, count);
  put32 (tiff, value);
}

static GByteArray *
build_exif (void)
{
  static const guint32 position[12] = { 40, 1, 26, 1, 4600, 100, 79, 1, 58, 1, 5600, 100 };
  GByteArray *tiff = g_byte_array_new ();

  g_byte_array_append (tiff, (const guint8 *) "II*\0", 4);
  put32 (tiff, IFD0_OFFSET);

  put16 (tiff, 2);
  put_entry (tiff, 0x0112, 3, 1, 6);                   /* Orientation, SHORT */
  put_entry (tiff, 0x8825, 4, 1, GPS_OFFSET);          /* GPSInfo, LONG */
  put32 (tiff, 0);

  put16 (tiff, 4);
  put_entry (tiff, 0x0001, 2, 2, 'N');                 /* GPSLatitudeRef, ASCII "N" */
  put_entry (tiff, 0x0002, 5, 3, DATA_OFFSET);         /* GPSLatitude, 3 RATIONAL */
  put_entry (tiff, 0x0003, 2, 2, 'W');                 /* GPSLongitudeRef */
  put_entry (tiff, 0x0004, 5, 3, DATA_OFFSET + 24);    /* GPSLongitude */
  put32 (tiff, 0);

  for (guint i = 0; i < G_N_ELEMENTS (position); i++)
    put32 (tiff, position[i]);
  return tiff;
}

/**
 * test_jpeg_with_gps:
 *
 * Returns: (transfer full): a @width × @height JPEG, stored sideways
 *   (its EXIF says to turn it), with a GPS position
 */
GBytes *
test_jpeg_with_gps (int width,
                    int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GByteArray) tiff = build_exif ();
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pixels = NULL;
  gsize size;
  guint16 length = 2 + 6 + tiff->len;
  guint8 app1[4] = { 0xff, 0xe1, length >> 8, length & 0xff };

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save_to_buffer (pixbuf, &pixels, &size, "jpeg", &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpint ((guint8) pixels[0], ==, 0xff);
  g_assert_cmpint ((guint8) pixels[1], ==, 0xd8);

  g_byte_array_append (jpeg, (const guint8 *) pixels, 2);
  g_byte_array_append (jpeg, app1, sizeof app1);
  g_byte_array_append (jpeg, (const guint8 *) "Exif\0\0", 6);
  g_byte_array_append (jpeg, tiff->data, tiff->len);
  g_byte_array_append (jpeg, (const guint8 *) pixels + 2, size - 2);
  return g_byte_array_free_to_bytes (g_steal_pointer (&jpeg));
}

gboolean
test_bytes_contain (GBytes     *bytes,
                    const char *needle,
                    gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/**
 * test_assert_clean_png:
 * @path: an exported image
 * @width: the width it must have, or -1
 * @height: the height it must have, or -1
 *
 * Fails the test unless @path is a PNG made of nothing but its pixels:
 * only the chunks that draw them, no EXIF or TIFF data anywhere, no GPS
 * entry, no orientation left to apply.
 */
void
test_assert_clean_png (const char *path,
                       int         width,
                       int         height)
{
  /* sBIT only states how many bits of each sample count. */
  static const char * const drawing[] = { "IHDR", "PLTE", "sBIT", "tRNS", "IDAT", "IEND", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  char *contents;
  gsize size;
  gsize at = 8;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  bytes = g_bytes_new_take (contents, size);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  while (at + 12 <= size)
    {
      guint32 length;
      g_autofree char *type = g_strndup (contents + at + 4, 4);

      /* Chunks start anywhere: copied, not read in place. */
      memcpy (&length, contents + at, sizeof length);
      length = GUINT32_FROM_BE (length);
      g_test_message ("%s: chunk %s, %u bytes", path, type, length);
      g_assert_true (g_strv_contains (drawing, type));
      at += 12 + length;
    }
  g_assert_cmpuint (at, ==, size);

  g_assert_false (test_bytes_contain (bytes, "Exif", 4));
  g_assert_false (test_bytes_contain (bytes, "II*\0", 4));
  g_assert_false (test_bytes_contain (bytes, TEST_GPS_TAG, sizeof TEST_GPS_TAG - 1));

  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_null (gdk_pixbuf_get_option (pixbuf, "orientation"));
  if (width > 0)
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  if (height > 0)
    g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}
