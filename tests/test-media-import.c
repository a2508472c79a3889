/* test-media-import.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding an image from a file to the workspace's media folder: real small
 * JPEG, PNG, GIF and WebP files (made with cairo, or with ImageMagick and
 * kept here as bytes) are taken for what their bytes are, with the size
 * their header states; anything else, an image too large to keep or to
 * decode, and a damaged header are refused in words a person can act on;
 * the same image added twice is one file, written once; and reading an
 * image back checks that it is still there and still the same. */

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chorus-error.h"
#include "chorus-image-format.h"
#include "chorus-media-import.h"
#include "chorus-test-util.h"

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  char                *media_dir;
} Fixture;

/* convert -size 5x3 xc:'#3366cc' -strip -quality 30 t.jpg */
static const guint8 jpeg_5x3[] = {
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x1b, 0x12, 0x14, 0x17, 0x14, 0x11, 0x1b,
  0x17, 0x16, 0x17, 0x1e, 0x1c, 0x1b, 0x20, 0x28, 0x42, 0x2b, 0x28, 0x25, 0x25, 0x28, 0x51, 0x3a,
  0x3d, 0x30, 0x42, 0x60, 0x55, 0x65, 0x64, 0x5f, 0x55, 0x5d, 0x5b, 0x6a, 0x78, 0x99, 0x81, 0x6a,
  0x71, 0x90, 0x73, 0x5b, 0x5d, 0x85, 0xb5, 0x86, 0x90, 0x9e, 0xa3, 0xab, 0xad, 0xab, 0x67, 0x80,
  0xbc, 0xc9, 0xba, 0xa6, 0xc7, 0x99, 0xa8, 0xab, 0xa4, 0xff, 0xdb, 0x00, 0x43, 0x01, 0x1c, 0x1e,
  0x1e, 0x28, 0x23, 0x28, 0x4e, 0x2b, 0x2b, 0x4e, 0xa4, 0x6e, 0x5d, 0x6e, 0xa4, 0xa4, 0xa4, 0xa4,
  0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4,
  0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4,
  0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xa4, 0xff, 0xc0,
  0x00, 0x11, 0x08, 0x00, 0x03, 0x00, 0x05, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11,
  0x01, 0xff, 0xc4, 0x00, 0x15, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc4,
  0x00, 0x15, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x04, 0x05, 0xff, 0xc4, 0x00, 0x14, 0x11, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xda, 0x00, 0x0c, 0x03,
  0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00, 0x98, 0x05, 0x11, 0x5f, 0xff, 0xd9,
};

/* convert -size 2x2 xc:'#3366cc' t.gif */
static const guint8 gif_2x2[] = {
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x02, 0x00, 0x02, 0x00, 0xf0, 0x00, 0x00, 0x33, 0x66, 0xcc,
  0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
  0x02, 0x00, 0x02, 0x00, 0x00, 0x02, 0x02, 0x84, 0x51, 0x00, 0x3b,
};

/* convert -size 5x3 xc:'#3366cc' -define webp:lossless=true t.webp (VP8L) */
static const guint8 webp_lossless_5x3[] = {
  0x52, 0x49, 0x46, 0x46, 0x1e, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c,
  0x11, 0x00, 0x00, 0x00, 0x2f, 0x04, 0x80, 0x00, 0x00, 0x07, 0x50, 0xb3, 0xce, 0x94, 0xb9, 0xff,
  0x81, 0x88, 0xe8, 0x7f, 0x00, 0x00,
};

/* convert -size 7x4 xc:'#3366cc' -quality 40 t.webp (VP8) */
static const guint8 webp_lossy_7x4[] = {
  0x52, 0x49, 0x46, 0x46, 0x34, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20,
  0x28, 0x00, 0x00, 0x00, 0x90, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x07, 0x00, 0x04, 0x00, 0x03, 0x80,
  0x5a, 0x25, 0xa0, 0x02, 0x74, 0xba, 0x00, 0x03, 0x98, 0x00, 0xfe, 0xe5, 0x0a, 0xff, 0xf8, 0x20,
  0xae, 0x66, 0x5e, 0xcf, 0x0f, 0xd7, 0xc0, 0x14, 0xf1, 0x20, 0x00, 0x00,
};

/* convert -size 6x2 xc:'rgba(0,0,255,0.5)' -quality 40 t.webp (VP8X, with alpha) */
static const guint8 webp_extended_6x2[] = {
  0x52, 0x49, 0x46, 0x46, 0x5c, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x58,
  0x0a, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x01, 0x00, 0x00, 0x41, 0x4c,
  0x50, 0x48, 0x0a, 0x00, 0x00, 0x00, 0x01, 0x07, 0xd0, 0xbf, 0x88, 0x08, 0x44, 0x44, 0xff, 0x03,
  0x56, 0x50, 0x38, 0x20, 0x2c, 0x00, 0x00, 0x00, 0x70, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x06, 0x00,
  0x02, 0x00, 0x03, 0x80, 0x5a, 0x25, 0xa0, 0x02, 0x74, 0x01, 0x40, 0x00, 0x00, 0xfe, 0xf1, 0x95,
  0x8f, 0xfd, 0x70, 0x1f, 0xff, 0xce, 0x03, 0xff, 0xf9, 0xc0, 0x7f, 0x32, 0xde, 0x0d, 0x02, 0x7f,
  0xbc, 0x00, 0x00, 0x00,
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "Images.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->media_dir = chorus_store_dup_media_dir (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (f->store);
  g_free (f->media_dir);
  chorus_test_workspace_remove_all (&f->workspace);
}

/* A file beside the workspace, as a person would pick it. */
static GFile *
write_file (Fixture      *f,
            const char   *name,
            gconstpointer data,
            gsize         length)
{
  g_autofree char *path = g_build_filename (f->workspace.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A real PNG, drawn by cairo. */
static GFile *
write_png (Fixture    *f,
           const char *name,
           int         width,
           int         height)
{
  g_autofree char *path = g_build_filename (f->workspace.dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

/* The start of a PNG, as far as its header: what it claims, nothing more. */
static GByteArray *
png_header (guint32 width,
            guint32 height)
{
  static const guint8 start[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const guint8 rest[] = { 8, 2, 0, 0, 0, 0x12, 0x34, 0x56, 0x78 };
  GByteArray *bytes = g_byte_array_new ();
  guint32 sides[2] = { GUINT32_TO_BE (width), GUINT32_TO_BE (height) };

  g_byte_array_append (bytes, start, sizeof start);
  g_byte_array_append (bytes, (const guint8 *) sides, sizeof sides);
  g_byte_array_append (bytes, rest, sizeof rest);
  return bytes;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      n += g_file_test (path, G_FILE_TEST_IS_DIR) ? count_files (path) : 1;
    }
  return n;
}

/* Imports @file and checks what came of it against what it is. */
static ChorusMediaInfo *
import_ok (Fixture    *f,
           GFile      *file,
           const char *mime_type,
           guint       width,
           guint       height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original = g_file_get_path (file);
  g_autofree char *stored = NULL;
  g_autofree char *expected_sha = NULL;
  g_autofree char *stored_sha = NULL;
  gsize original_size, stored_size;
  ChorusMediaInfo *info = chorus_media_import (f->store, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->mime_type, ==, mime_type);
  g_assert_cmpuint (info->width, ==, width);
  g_assert_cmpuint (info->height, ==, height);

  expected_sha = chorus_test_file_checksum (original, FALSE, &original_size);
  g_assert_cmpstr (info->sha256, ==, expected_sha);
  g_assert_cmpuint (info->size, ==, original_size);

  stored = chorus_media_dup_path (f->store, info->sha256, info->mime_type);
  g_assert_true (g_str_has_prefix (stored, f->media_dir));
  g_assert_true (g_str_has_suffix (stored, chorus_image_format_for_type (mime_type)->extension));
  stored_sha = chorus_test_file_checksum (stored, FALSE, &stored_size);
  g_assert_cmpstr (stored_sha, ==, expected_sha);
  g_assert_cmpuint (stored_size, ==, original_size);

  return info;
}

static void
assert_refused (Fixture    *f,
                GFile      *file,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusMediaInfo) info = chorus_media_import (f->store, file, NULL, &error);

  g_assert_null (info);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpuint (count_files (f->media_dir), ==, 0);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) file = write_png (f, "poster.png", 3, 2);
  g_autoptr(ChorusMediaInfo) info = import_ok (f, file, "image/png", 3, 2);
  g_autoptr(GFile) misnamed = write_png (f, "poster.jpg", 4, 4);
  g_autoptr(ChorusMediaInfo) png = NULL;

  /* The bytes say what it is, not the name. */
  png = import_ok (f, misnamed, "image/png", 4, 4);
  g_assert_cmpuint (count_files (f->media_dir), ==, 2);
}

static void
test_jpeg (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "photo.jpeg", jpeg_5x3, sizeof jpeg_5x3);
  g_autoptr(ChorusMediaInfo) info = import_ok (f, file, "image/jpeg", 5, 3);
  g_autofree char *path = chorus_media_dup_path (f->store, info->sha256, info->mime_type);

  g_assert_true (g_str_has_suffix (path, ".jpg"));
}

static void
test_gif (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "dot.gif", gif_2x2, sizeof gif_2x2);
  g_autoptr(ChorusMediaInfo) info = import_ok (f, file, "image/gif", 2, 2);
}

static void
test_webp (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) lossless = write_file (f, "a.webp", webp_lossless_5x3, sizeof webp_lossless_5x3);
  g_autoptr(GFile) lossy = write_file (f, "b.webp", webp_lossy_7x4, sizeof webp_lossy_7x4);
  g_autoptr(GFile) extended = write_file (f, "c.webp", webp_extended_6x2, sizeof webp_extended_6x2);
  g_autoptr(ChorusMediaInfo) a = import_ok (f, lossless, "image/webp", 5, 3);
  g_autoptr(ChorusMediaInfo) b = import_ok (f, lossy, "image/webp", 7, 4);
  g_autoptr(ChorusMediaInfo) c = import_ok (f, extended, "image/webp", 6, 2);

  g_assert_cmpuint (count_files (f->media_dir), ==, 3);
}

static void
test_not_an_image (Fixture       *f,
                   gconstpointer  data)
{
  static const char text[] = "Shopping list: bread, milk, a new logo\n";
  g_autoptr(GFile) named_png = write_file (f, "logo.png", text, strlen (text));
  g_autoptr(GFile) named_txt = write_file (f, "list.txt", text, strlen (text));
  g_autoptr(GFile) svg = write_file (f, "icon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>", 41);
  g_autoptr(GFile) empty = write_file (f, "empty.jpg", "", 0);
  g_autoptr(GFile) folder = g_file_new_for_path (f->workspace.dir);

  assert_refused (f, named_png, "“logo.png” is named like an image, but what it holds is not");
  assert_refused (f, named_txt, "“list.txt” is not a JPEG, PNG, GIF or WebP image.");
  assert_refused (f, svg, "is not a JPEG, PNG, GIF or WebP image");
  assert_refused (f, empty, "“empty.jpg” is named like an image");
  assert_refused (f, folder, "is not a JPEG, PNG, GIF or WebP image");
}

static void
test_decompression_bomb (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GByteArray) huge = png_header (100000, 100000);
  g_autoptr(GByteArray) wide = png_header (16385, 10);
  g_autoptr(GByteArray) many = png_header (8000, 8000);
  g_autoptr(GByteArray) fits = png_header (16384, 3000);
  g_autoptr(GFile) huge_file = write_file (f, "huge.png", huge->data, huge->len);
  g_autoptr(GFile) wide_file = write_file (f, "wide.png", wide->data, wide->len);
  g_autoptr(GFile) many_file = write_file (f, "many.png", many->data, many->len);
  g_autoptr(GFile) fits_file = write_file (f, "fits.png", fits->data, fits->len);
  g_autoptr(ChorusMediaInfo) info = NULL;

  assert_refused (f, huge_file, "“huge.png” says it is 100000 × 100000 pixels.");
  assert_refused (f, wide_file, "16385 × 10 pixels");
  assert_refused (f, many_file, "8000 × 8000 pixels");

  /* 16,384 × 3,000 is 49 megapixels: within both limits. */
  info = import_ok (f, fits_file, "image/png", 16384, 3000);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  static const guint8 jpeg_without_frame[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00,
                                               0xff, 0xda, 0x00, 0x02, 0xff, 0xd9 };
  g_autoptr(GByteArray) png = png_header (4, 4);
  g_autoptr(GFile) cut = NULL;
  g_autoptr(GFile) no_frame = write_file (f, "scan.jpg", jpeg_without_frame, sizeof jpeg_without_frame);
  g_autoptr(GByteArray) zero = png_header (0, 12);
  g_autoptr(GFile) zero_file = write_file (f, "zero.png", zero->data, zero->len);

  cut = write_file (f, "cut.png", png->data, 20);
  assert_refused (f, cut, "“cut.png” starts like an image, but its size cannot be read");
  assert_refused (f, no_frame, "“scan.jpg” starts like an image");
  assert_refused (f, zero_file, "“zero.png” starts like an image");
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GByteArray) png = png_header (800, 600);
  g_autoptr(GFile) file = NULL;

  g_byte_array_set_size (png, CHORUS_MEDIA_IMPORT_MAX_BYTES + 1);
  file = write_file (f, "print.png", png->data, png->len);
  assert_refused (f, file, "“print.png” is larger than 16.0\xc2\xa0MB, the largest image Chorus can keep.");
}

static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_png (f, "poster.png", 6, 5);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(ChorusMediaInfo) first = import_ok (f, file, "image/png", 6, 5);
  g_autoptr(ChorusMediaInfo) second = NULL;
  g_autoptr(ChorusMediaInfo) third = NULL;
  g_autofree char *stored = chorus_media_dup_path (f->store, first->sha256, first->mime_type);
  g_autofree char *contents = NULL;
  GStatBuf before, after;
  gsize length;

  g_assert_cmpint (g_stat (stored, &before), ==, 0);
  g_usleep (20 * 1000);

  second = import_ok (f, file, "image/png", 6, 5);
  g_assert_cmpstr (second->sha256, ==, first->sha256);

  /* The same bytes under another name are the same image. */
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, &length, NULL));
  copy = write_file (f, "poster copy.png", contents, length);
  third = import_ok (f, copy, "image/png", 6, 5);
  g_assert_cmpstr (third->sha256, ==, first->sha256);

  /* One file, never written again. */
  g_assert_cmpuint (count_files (f->media_dir), ==, 1);
  g_assert_cmpint (g_stat (stored, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) good = write_file (f, "dot.gif", gif_2x2, sizeof gif_2x2);
  g_autoptr(GFile) bad = write_file (f, "dot.png", "GIF", 3);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(ChorusMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  chorus_media_import_async (f->store, good, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  info = chorus_media_import_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->mime_type, ==, "image/gif");
  g_assert_cmpuint (info->width, ==, 2);

  chorus_media_import_async (f->store, bad, NULL, chorus_test_async_result_cb, &refused);
  chorus_test_wait_async_result (&refused);
  g_assert_null (chorus_media_import_finish (f->store, refused, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "photo.jpg", jpeg_5x3, sizeof jpeg_5x3);
  g_autoptr(ChorusMediaInfo) info = import_ok (f, file, "image/jpeg", 5, 3);
  g_autoptr(ChorusMediaInfo) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = chorus_media_dup_path (f->store, info->sha256, info->mime_type);

  bytes = chorus_media_load (f->store, info->sha256, info->mime_type, &loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), jpeg_5x3, sizeof jpeg_5x3);
  g_assert_cmpuint (loaded->width, ==, 5);
  g_assert_cmpuint (loaded->height, ==, 3);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Gone from the folder. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_null (chorus_media_load (f->store, info->sha256, info->mime_type, NULL, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing from the workspace’s media folder"));
  g_clear_error (&error);

  /* Put back, but another image. */
  g_assert_true (g_file_set_contents (path, (const char *) gif_2x2, sizeof gif_2x2, NULL));
  g_assert_null (chorus_media_load (f->store, info->sha256, info->mime_type, NULL, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_CORRUPT);
  g_clear_error (&error);

  /* The original back: it can go out again. */
  g_assert_true (g_file_set_contents (path, (const char *) jpeg_5x3, sizeof jpeg_5x3, NULL));
  bytes = chorus_media_load (f->store, info->sha256, info->mime_type, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  /* A type Chorus does not keep has no file. */
  g_assert_null (chorus_media_dup_path (f->store, info->sha256, "image/svg+xml"));
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *path;
    void (*func) (Fixture *, gconstpointer);
  } tests[] = {
    { "/chorus/media-import/png", test_png },
    { "/chorus/media-import/jpeg", test_jpeg },
    { "/chorus/media-import/gif", test_gif },
    { "/chorus/media-import/webp", test_webp },
    { "/chorus/media-import/not-an-image", test_not_an_image },
    { "/chorus/media-import/decompression-bomb", test_decompression_bomb },
    { "/chorus/media-import/damaged", test_damaged },
    { "/chorus/media-import/too-large", test_too_large },
    { "/chorus/media-import/twice", test_twice },
    { "/chorus/media-import/async", test_async },
    { "/chorus/media-import/load", test_load },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, NULL, fixture_set_up, tests[i].func, fixture_tear_down);

  return g_test_run ();
}
