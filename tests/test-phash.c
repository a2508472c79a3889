/* test-phash.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The perceptual hash on real images drawn here with cairo: the same
 * picture scaled down and re-encoded as JPEG (through gdk-pixbuf, as the
 * app decodes what core does not) stays near, a different picture is far,
 * sizes and pixel layouts do not matter, flat images hash to 0, and bad
 * files are refused with a message. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "chorus-error.h"
#include "chorus-phash.h"
#include "image-test-util.h"

typedef enum
{
  PATTERN_SUNS,
  PATTERN_STRIPES,
  PATTERN_SUNS_RECOLOURED,
  PATTERN_STRIPES_ON_CLEAR,
} Pattern;

static void
draw_suns (cairo_t *cr,
           int      size,
           gboolean recoloured)
{
  cairo_set_source_rgb (cr, 0.95, 0.92, 0.85);
  cairo_paint (cr);
  /* A dark hill across the bottom third. */
  cairo_set_source_rgb (cr, recoloured ? 0.1 : 0.15, recoloured ? 0.3 : 0.35, recoloured ? 0.35 : 0.2);
  cairo_move_to (cr, 0, size * 0.7);
  cairo_curve_to (cr, size * 0.3, size * 0.5, size * 0.6, size * 0.8, size, size * 0.6);
  cairo_line_to (cr, size, size);
  cairo_line_to (cr, 0, size);
  cairo_fill (cr);
  /* A sun top left and a smaller one top right. */
  cairo_set_source_rgb (cr, 0.95, recoloured ? 0.5 : 0.6, 0.1);
  cairo_arc (cr, size * 0.3, size * 0.3, size * 0.15, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, size * 0.78, size * 0.22, size * 0.07, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_stripes (cairo_t  *cr,
              int       size,
              gboolean  clear)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.2);
  if (!clear)
    cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.85, 0.3);
  for (int i = 0; i < 5; i++)
    {
      cairo_rectangle (cr, size * (0.05 + i * 0.2), size * 0.1, size * 0.08, size * 0.8);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.8, 0.2, 0.3);
  cairo_rectangle (cr, 0, size * 0.45, size, size * 0.1);
  cairo_fill (cr);
}

/* The pattern drawn @size pixels square, as a PNG file's bytes. */
static GBytes *
draw_png (Pattern pattern,
          int     size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  GBytes *png;

  if (pattern == PATTERN_STRIPES || pattern == PATTERN_STRIPES_ON_CLEAR)
    draw_stripes (cr, size, pattern == PATTERN_STRIPES_ON_CLEAR);
  else
    draw_suns (cr, size, pattern == PATTERN_SUNS_RECOLOURED);
  cairo_destroy (cr);

  png = image_test_png_bytes (surface);
  cairo_surface_destroy (surface);
  return png;
}

static guint64
hash_png (GBytes *png)
{
  g_autoptr(GError) error = NULL;
  guint64 hash = 0;

  g_assert_true (chorus_phash_from_png (png, &hash, &error));
  g_assert_no_error (error);
  return hash;
}

static GdkPixbuf *
load_pixbuf (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);

  g_assert_no_error (error);
  return pixbuf;
}

static guint64
hash_pixbuf (GdkPixbuf *pixbuf)
{
  return chorus_phash_compute (gdk_pixbuf_read_pixels (pixbuf), gdk_pixbuf_get_width (pixbuf),
                               gdk_pixbuf_get_height (pixbuf), gdk_pixbuf_get_rowstride (pixbuf),
                               gdk_pixbuf_get_n_channels (pixbuf));
}

/* @png scaled to @fraction of its size and saved as a JPEG of @quality,
 * then decoded again, as a re-post would be. */
static guint64
hash_as_jpeg (GBytes *png,
              double  fraction,
              int     quality)
{
  g_autoptr(GdkPixbuf) original = load_pixbuf (png);
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quality_text = g_strdup_printf ("%d", quality);
  gchar *buffer = NULL;
  gsize size = 0;

  scaled = gdk_pixbuf_scale_simple (original, (int) (gdk_pixbuf_get_width (original) * fraction),
                                    (int) (gdk_pixbuf_get_height (original) * fraction), GDK_INTERP_BILINEAR);
  gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, "jpeg", &error, "quality", quality_text, NULL);
  g_assert_no_error (error);
  jpeg = g_bytes_new_take (buffer, size);
  g_assert_cmpuint (size, >, 2);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (jpeg, NULL))[0], ==, 0xff);

  decoded = load_pixbuf (jpeg);
  g_assert_cmpint (gdk_pixbuf_get_n_channels (decoded), ==, 3);
  return hash_pixbuf (decoded);
}

static void
test_copy_is_near (void)
{
  g_autoptr(GBytes) png = draw_png (PATTERN_SUNS, 512);
  guint64 original = hash_png (png);
  guint64 copy = hash_as_jpeg (png, 0.4, 60);
  guint64 small = hash_as_jpeg (png, 0.15, 40);

  g_test_message ("original %016" G_GINT64_MODIFIER "x, copy %u bits away, small copy %u",
                  original, chorus_phash_distance (original, copy), chorus_phash_distance (original, small));
  g_assert_cmpuint (chorus_phash_distance (original, copy), <=, 4);
  g_assert_true (chorus_phash_is_near (original, copy));
  g_assert_true (chorus_phash_is_near (original, small));

  /* The same picture drawn small to begin with. */
  g_clear_pointer (&png, g_bytes_unref);
  png = draw_png (PATTERN_SUNS, 96);
  g_assert_true (chorus_phash_is_near (original, hash_png (png)));
}

static void
test_different_is_far (void)
{
  g_autoptr(GBytes) suns = draw_png (PATTERN_SUNS, 512);
  g_autoptr(GBytes) stripes = draw_png (PATTERN_STRIPES, 512);
  g_autoptr(GBytes) recoloured = draw_png (PATTERN_SUNS_RECOLOURED, 300);
  guint64 a = hash_png (suns);
  guint64 b = hash_png (stripes);
  guint64 c = hash_png (recoloured);

  g_test_message ("suns vs stripes: %u bits; recoloured: %u", chorus_phash_distance (a, b),
                  chorus_phash_distance (a, c));
  g_assert_cmpuint (chorus_phash_distance (a, b), >, 2 * CHORUS_PHASH_NEAR_DISTANCE);
  g_assert_false (chorus_phash_is_near (a, b));
  g_assert_false (chorus_phash_is_near (b, hash_as_jpeg (suns, 0.5, 80)));
  /* Other colours and another size: still the same picture. */
  g_assert_true (chorus_phash_is_near (a, c));
}

/* Cairo's PNG path (flattened over white, to grey) and gdk-pixbuf's RGB
 * or RGBA pixels of the same file agree. */
static void
test_decoders_agree (void)
{
  static const Pattern patterns[] = { PATTERN_STRIPES, PATTERN_STRIPES_ON_CLEAR, PATTERN_SUNS };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GBytes) png = draw_png (patterns[i], 200);
      g_autoptr(GdkPixbuf) pixbuf = load_pixbuf (png);

      g_assert_cmpint (gdk_pixbuf_get_n_channels (pixbuf), ==, patterns[i] == PATTERN_STRIPES_ON_CLEAR ? 4 : 3);
      g_test_message ("pattern %u: %u bits", patterns[i], chorus_phash_distance (hash_png (png), hash_pixbuf (pixbuf)));
      g_assert_cmpuint (chorus_phash_distance (hash_png (png), hash_pixbuf (pixbuf)), <=, 2);
    }

}

static void
test_layouts (void)
{
  enum { W = 37, H = 23 };
  guint8 grey[W * H], grey_alpha[W * H * 2], rgb[(W * 3 + 5) * H], rgba[W * H * 4];
  guint64 hash;

  /* A diagonal gradient with a bright blob, in four pixel layouts. */
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        guint8 v = (guint8) ((x * 255 / W + y * 100 / H + ((x - 25) * (x - 25) + (y - 5) * (y - 5) < 30 ? 120 : 0)) % 256);
        int i = y * W + x;

        grey[i] = v;
        grey_alpha[2 * i] = v;
        grey_alpha[2 * i + 1] = 255;
        rgb[y * (W * 3 + 5) + 3 * x] = rgb[y * (W * 3 + 5) + 3 * x + 1] = rgb[y * (W * 3 + 5) + 3 * x + 2] = v;
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = v;
        rgba[4 * i + 3] = 255;
      }

  hash = chorus_phash_compute (grey, W, H, W, 1);
  g_assert_cmpuint (hash, !=, 0);
  g_assert_cmpuint (chorus_phash_compute (grey_alpha, W, H, W * 2, 2), ==, hash);
  g_assert_cmpuint (chorus_phash_compute (rgb, W, H, W * 3 + 5, 3), ==, hash);
  g_assert_cmpuint (chorus_phash_compute (rgba, W, H, W * 4, 4), ==, hash);

  /* Fully transparent is white, and white is flat. */
  for (int i = 0; i < W * H; i++)
    rgba[4 * i + 3] = 0;
  g_assert_cmpuint (chorus_phash_compute (rgba, W, H, W * 4, 4), ==, 0);
}

static void
test_flat (void)
{
  guint8 pixels[64 * 48];

  memset (pixels, 0x80, sizeof pixels);
  g_assert_cmpuint (chorus_phash_compute (pixels, 64, 48, 64, 1), ==, 0);
  memset (pixels, 0x00, sizeof pixels);
  g_assert_cmpuint (chorus_phash_compute (pixels, 1, 1, 1, 1), ==, 0);
}

static void
test_distance (void)
{
  g_assert_cmpuint (chorus_phash_distance (0, 0), ==, 0);
  g_assert_cmpuint (chorus_phash_distance (0, G_MAXUINT64), ==, 64);
  g_assert_cmpuint (chorus_phash_distance (0xb, 0), ==, 3);
  g_assert_cmpuint (chorus_phash_distance (G_GUINT64_CONSTANT (0x8000000000000001), 1), ==, 1);
  g_assert_true (chorus_phash_is_near (0, (1 << CHORUS_PHASH_NEAR_DISTANCE) - 1));
  g_assert_false (chorus_phash_is_near (0, (1 << (CHORUS_PHASH_NEAR_DISTANCE + 1)) - 1));
}

static void
test_bad_files (void)
{
  static const guint8 huge[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 6, 0, 0, 0, 0, 0, 0, 0,
  };
  g_autoptr(GBytes) text = g_bytes_new_static ("not an image", 12);
  g_autoptr(GBytes) big = g_bytes_new_static (huge, sizeof huge);
  g_autoptr(GBytes) png = draw_png (PATTERN_SUNS, 64);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) / 2);
  GBytes *files[] = { text, big, cut };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 hash = 42;

      g_assert_false (chorus_phash_from_png (files[i], &hash, &error));
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
      g_assert_cmpuint (hash, ==, 42);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/phash/copy-is-near", test_copy_is_near);
  g_test_add_func ("/chorus/phash/different-is-far", test_different_is_far);
  g_test_add_func ("/chorus/phash/decoders-agree", test_decoders_agree);
  g_test_add_func ("/chorus/phash/layouts", test_layouts);
  g_test_add_func ("/chorus/phash/flat", test_flat);
  g_test_add_func ("/chorus/phash/distance", test_distance);
  g_test_add_func ("/chorus/phash/bad-files", test_bad_files);

  return g_test_run ();
}
