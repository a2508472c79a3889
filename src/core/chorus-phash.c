/* chorus-phash.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-phash.h"

/* A perceptual hash of an image: the DCT hash of pHash (Zauner,
 * "Implementation and Benchmarking of Perceptual Image Hash Functions",
 * 2010; phash.org). The image is reduced to luma (ITU-R BT.601 weights;
 * transparent parts over white) and averaged down to 32 × 32 cells by
 * area; of the cells' two-dimensional DCT-II, the 8 × 8 lowest
 * frequencies but the constant row and column (u, v = 1…8) give one bit
 * each, set where the coefficient is above their median. Those
 * frequencies are the picture's broad shapes, which resizing,
 * re-compression, small crops and colour changes keep: copies stay a few
 * bits apart while different pictures differ in about half of them.
 *
 * The threshold, CHORUS_PHASH_NEAR_DISTANCE = 10, was measured on the
 * sample workspace's entries: copies resized to 20-37 % and saved as JPEG
 * at quality 40-70 moved at most 4 bits, copies cropped by 6 % with
 * stronger colours at most 10; distinct entries drawn from the same motif
 * were 8 or more apart, and the rest 12 or more. So entries drawn on one
 * template may be flagged too, which is worth a moderator's look anyway.
 *
 * Averaging by exact area (each source pixel shares itself between the
 * cells it overlaps) keeps the cells the same at any size. An image
 * without shapes (a flat colour) hashes to 0, like any other flat image.
 *
 * Core decodes PNG itself through cairo, which it already links. Other
 * formats (JPEG, WebP) are decoded by the caller, which passes the pixels
 * to chorus_phash_compute(). */

#define CELLS       32
#define FREQUENCIES 8

/* Images with more pixels than this are not decoded: a small PNG file
 * can claim a huge canvas. */
#define MAX_PIXELS (25 * 1000 * 1000)

/* The luma of one pixel over white, 0 to 255 000. */
static double
luma (const guint8 *pixel,
      int           n_channels)
{
  guint value, alpha;

  if (n_channels < 3)
    value = pixel[0] * 1000u;
  else
    value = 299u * pixel[0] + 587u * pixel[1] + 114u * pixel[2];

  alpha = n_channels == 2 ? pixel[1] : n_channels == 4 ? pixel[3] : 255;
  if (alpha == 255)
    return value;
  return value * (alpha / 255.0) + 1000.0 * (255 - alpha);
}

/* The cells [first, last] that the source pixel @x of @n overlaps, when
 * [0, n) is cut into @cells equal cells; in units of 1/cells of a pixel,
 * cell c spans [c n, (c + 1) n) and the pixel [x cells, (x + 1) cells). */
static void
overlapping_cells (int  x,
                   int  n,
                   int  cells,
                   int *first,
                   int *last)
{
  *first = (int) ((gint64) x * cells / n);
  *last = (int) (((gint64) (x + 1) * cells - 1) / n);
}

static double
overlap (int x,
         int n,
         int cells,
         int c)
{
  gint64 low = MAX ((gint64) x * cells, (gint64) c * n);
  gint64 high = MIN ((gint64) (x + 1) * cells, (gint64) (c + 1) * n);

  return (double) MAX (high - low, 0);
}

/* Adds the luma of @row, the @y-th of @height rows, averaged by area,
 * into @cells. */
static void
reduce_row (const guint8 *row,
            int           y,
            int           width,
            int           height,
            int           n_channels,
            double        cells[CELLS][CELLS])
{
  double row_weights[CELLS];
  int first_row, last_row;

  overlapping_cells (y, height, CELLS, &first_row, &last_row);
  for (int r = first_row; r <= last_row; r++)
    row_weights[r] = overlap (y, height, CELLS, r);

  for (int x = 0; x < width; x++)
    {
      double value = luma (row + (gsize) x * n_channels, n_channels);
      int first_column, last_column;

      overlapping_cells (x, width, CELLS, &first_column, &last_column);
      for (int c = first_column; c <= last_column; c++)
        {
          double weight = value * overlap (x, width, CELLS, c);

          for (int r = first_row; r <= last_row; r++)
            cells[r][c] += weight * row_weights[r];
        }
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The hash of the reduced image: bits of the DCT's low frequencies. */
static guint64
hash_cells (double cells[CELLS][CELLS])
{
  double cosines[FREQUENCIES][CELLS];
  double rows[CELLS][FREQUENCIES] = { { 0 } };
  double coefficients[FREQUENCIES * FREQUENCIES] = { 0 };
  double sorted[FREQUENCIES * FREQUENCIES];
  double median, total = 0;
  guint64 hash = 0;

  /* DCT-II, frequencies 1 to 8 only; every one of them has the same
   * normalization, so it is left out. */
  for (int k = 0; k < FREQUENCIES; k++)
    for (int n = 0; n < CELLS; n++)
      cosines[k][n] = cos (G_PI * (2 * n + 1) * (k + 1) / (2.0 * CELLS));

  for (int y = 0; y < CELLS; y++)
    for (int k = 0; k < FREQUENCIES; k++)
      for (int x = 0; x < CELLS; x++)
        rows[y][k] += cells[y][x] * cosines[k][x];

  for (int j = 0; j < FREQUENCIES; j++)
    for (int k = 0; k < FREQUENCIES; k++)
      for (int y = 0; y < CELLS; y++)
        coefficients[j * FREQUENCIES + k] += cosines[j][y] * rows[y][k];

  memcpy (sorted, coefficients, sizeof sorted);
  qsort (sorted, G_N_ELEMENTS (sorted), sizeof (double), compare_doubles);

  /* No shapes at all: what is left is rounding noise. */
  for (int y = 0; y < CELLS; y++)
    for (int x = 0; x < CELLS; x++)
      total += cells[y][x];
  if (sorted[G_N_ELEMENTS (sorted) - 1] - sorted[0] <= 1e-9 * total)
    return 0;

  median = (sorted[G_N_ELEMENTS (sorted) / 2 - 1] + sorted[G_N_ELEMENTS (sorted) / 2]) / 2;
  for (guint i = 0; i < G_N_ELEMENTS (coefficients); i++)
    hash = (hash << 1) | (coefficients[i] > median);

  return hash;
}

/**
 * chorus_phash_compute:
 * @pixels: the image, row by row, 8 bits per channel
 * @width: its width in pixels
 * @height: its height in pixels
 * @rowstride: bytes from one row to the next
 * @n_channels: 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGBA, not
 *   premultiplied)
 *
 * Returns: the image's perceptual hash, frequency (1, 1) in the most
 *   significant bit, then row by row
 */
guint64
chorus_phash_compute (const guint8 *pixels,
                      int           width,
                      int           height,
                      int           rowstride,
                      int           n_channels)
{
  double cells[CELLS][CELLS] = { { 0 } };

  g_return_val_if_fail (pixels != NULL && width > 0 && height > 0, 0);
  g_return_val_if_fail (n_channels >= 1 && n_channels <= 4 && rowstride >= width * n_channels, 0);

  for (int y = 0; y < height; y++)
    reduce_row (pixels + (gsize) y * rowstride, y, width, height, n_channels, cells);

  return hash_cells (cells);
}

/* Returns: how many of the 64 bits differ */
guint
chorus_phash_distance (guint64 a,
                       guint64 b)
{
  return (guint) __builtin_popcountll (a ^ b);
}

gboolean
chorus_phash_is_near (guint64 a,
                      guint64 b)
{
  return chorus_phash_distance (a, b) <= CHORUS_PHASH_NEAR_DISTANCE;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *out,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (out, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The canvas size a PNG's header claims, or FALSE if it is not a PNG. */
static gboolean
read_png_size (const guint8 *data,
               gsize         size,
               guint32      *width,
               guint32      *height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (size < 24 || memcmp (data, signature, sizeof signature) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  *width = GUINT32_FROM_BE (*(const guint32 *) (gconstpointer) (data + 16));
  *height = GUINT32_FROM_BE (*(const guint32 *) (gconstpointer) (data + 20));
  return *width > 0 && *height > 0;
}

/* The hash of an image cairo decoded, a row at a time over white: cairo
 * keeps ARGB32 premultiplied, so a channel over white is c + 255 − a. */
static gboolean
hash_surface (cairo_surface_t *image,
              guint64         *hash)
{
  cairo_format_t format = cairo_image_surface_get_format (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  double cells[CELLS][CELLS] = { { 0 } };
  g_autofree guint8 *rgb = NULL;

  if ((format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) || data == NULL || width <= 0 || height <= 0)
    return FALSE;

  rgb = g_malloc ((gsize) width * 3);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint white = format == CAIRO_FORMAT_ARGB32 ? 255 - (row[x] >> 24) : 0;

          rgb[3 * x] = ((row[x] >> 16) & 0xff) + white;
          rgb[3 * x + 1] = ((row[x] >> 8) & 0xff) + white;
          rgb[3 * x + 2] = (row[x] & 0xff) + white;
        }
      reduce_row (rgb, y, width, height, 3, cells);
    }

  *hash = hash_cells (cells);
  return TRUE;
}

/**
 * chorus_phash_from_png:
 * @png: the bytes of a PNG file
 * @hash: (out): where to put its perceptual hash
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set if @png is not a PNG image it can read
 */
gboolean
chorus_phash_from_png (GBytes   *png,
                       guint64  *hash,
                       GError  **error)
{
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *image;
  guint32 width, height;

  g_return_val_if_fail (png != NULL && hash != NULL, FALSE);

  reader.data = g_bytes_get_data (png, &reader.size);
  if (reader.size > CHORUS_PHASH_MAX_FILE_BYTES ||
      !read_png_size (reader.data, reader.size, &width, &height) ||
      (guint64) width * height > MAX_PIXELS)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The image is not a PNG file, or it is too big to compare."));
      return FALSE;
    }

  image = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS || !hash_surface (image, hash))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   /* Translators: %s says what went wrong, from the image library (in English). */
                   _("The image could not be read: %s"),
                   cairo_status_to_string (cairo_surface_status (image)));
      cairo_surface_destroy (image);
      return FALSE;
    }

  cairo_surface_destroy (image);
  return TRUE;
}
