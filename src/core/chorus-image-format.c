/* chorus-image-format.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-image-format.h"

/* JPEG, PNG, GIF and WebP: which one some bytes are, and how many pixels
 * the image says it has, read from its header without decoding a pixel.
 * Shared by the media cache (downloads) and the media import (files a
 * person picks), which keep nothing else. */

enum { PNG, JPEG, GIF, WEBP };

static const ChorusImageFormat formats[] = {
  [PNG] = { "image/png", "png" },
  [JPEG] = { "image/jpeg", "jpg" },
  [GIF] = { "image/gif", "gif" },
  [WEBP] = { "image/webp", "webp" },
};

/**
 * chorus_image_format_sniff:
 * @data: the first bytes of a file (12 are enough)
 * @size: how many
 *
 * Returns: (nullable): the image format @data starts with, or %NULL when
 *   it is none of the four
 */
const ChorusImageFormat *
chorus_image_format_sniff (const guint8 *data,
                           gsize         size)
{
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return &formats[PNG];
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return &formats[JPEG];
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return &formats[GIF];
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return &formats[WEBP];

  return NULL;
}

/* Returns: (nullable): the format of a MIME type, such as "image/png" */
const ChorusImageFormat *
chorus_image_format_for_type (const char *mime_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].mime_type, mime_type) == 0)
      return &formats[i];

  return NULL;
}

/* Returns: (nullable): the format stored under @extension, such as "jpg" */
const ChorusImageFormat *
chorus_image_format_for_extension (const char *extension)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].extension, extension) == 0)
      return &formats[i];

  return NULL;
}

static guint
read_be16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint
read_le16 (const guint8 *p)
{
  return (guint) p[1] << 8 | p[0];
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint32
read_le24 (const guint8 *p)
{
  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* The frame header (SOFn) follows any number of other segments (EXIF,
 * colour profiles, tables), each with its length. */
static gboolean
read_jpeg_size (const guint8 *data,
                gsize         size,
                guint        *width,
                guint        *height)
{
  gsize at = 2;

  while (at + 2 <= size)
    {
      guint8 marker = data[at + 1];
      guint length;

      if (data[at] != 0xff)
        return FALSE;
      if (marker == 0xff)
        {
          at++;             /* a fill byte */
          continue;
        }

      at += 2;
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        continue;           /* standalone markers carry no length */
      if (marker == 0xd9 || marker == 0xda || at + 2 > size)
        return FALSE;       /* the image data, or the end, before any frame */

      length = read_be16 (data + at);
      if (length < 2)
        return FALSE;

      /* SOF0 to SOF15, except DHT (c4), JPG (c8) and DAC (cc). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (length < 7 || at + 7 > size)
            return FALSE;
          *height = read_be16 (data + at + 3);
          *width = read_be16 (data + at + 5);
          return TRUE;
        }

      at += length;
    }

  return FALSE;
}

/* Lossy (VP8), lossless (VP8L) or extended (VP8X, which states the canvas). */
static gboolean
read_webp_size (const guint8 *data,
                gsize         size,
                guint        *width,
                guint        *height)
{
  if (size >= 30 && memcmp (data + 12, "VP8 ", 4) == 0 && memcmp (data + 23, "\x9d\x01\x2a", 3) == 0)
    {
      *width = read_le16 (data + 26) & 0x3fff;
      *height = read_le16 (data + 28) & 0x3fff;
      return TRUE;
    }

  if (size >= 25 && memcmp (data + 12, "VP8L", 4) == 0 && data[20] == 0x2f)
    {
      guint32 bits = read_le24 (data + 21) | (guint32) data[24] << 24;

      *width = (bits & 0x3fff) + 1;
      *height = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }

  if (size >= 30 && memcmp (data + 12, "VP8X", 4) == 0)
    {
      *width = read_le24 (data + 24) + 1;
      *height = read_le24 (data + 27) + 1;
      return TRUE;
    }

  return FALSE;
}

/**
 * chorus_image_format_read_size:
 * @format: what chorus_image_format_sniff() said @data is
 * @data: the image's bytes, from the start (a JPEG's frame header may come
 *   after large metadata: give the whole file)
 * @size: how many
 * @width: (out): the width the header states, in pixels
 * @height: (out): the height
 *
 * Reads the dimensions an image states, decoding nothing: what a person
 * or a server would be asked to decode, before anyone does.
 *
 * Returns: %FALSE when the header is cut short, damaged or states a side
 *   of 0 pixels
 */
gboolean
chorus_image_format_read_size (const ChorusImageFormat *format,
                               const guint8            *data,
                               gsize                    size,
                               guint                   *width,
                               guint                   *height)
{
  gboolean found = FALSE;

  g_return_val_if_fail (format != NULL, FALSE);

  *width = *height = 0;
  if (format == &formats[PNG] && size >= 24 && memcmp (data + 12, "IHDR", 4) == 0)
    {
      *width = read_be32 (data + 16);
      *height = read_be32 (data + 20);
      found = TRUE;
    }
  else if (format == &formats[GIF] && size >= 10)
    {
      *width = read_le16 (data + 6);
      *height = read_le16 (data + 8);
      found = TRUE;
    }
  else if (format == &formats[JPEG])
    found = read_jpeg_size (data, size, width, height);
  else if (format == &formats[WEBP])
    found = read_webp_size (data, size, width, height);

  return found && *width > 0 && *height > 0;
}
