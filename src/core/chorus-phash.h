/* chorus-phash.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A 64-bit perceptual hash of an image (pHash's DCT hash, see
 * chorus-phash.c): images that look alike have hashes a few bits apart. */

/* Two images whose hashes differ in at most this many of the 64 bits are
 * near-duplicates: the same picture re-posted, resized, re-compressed,
 * slightly cropped or recoloured. */
#define CHORUS_PHASH_NEAR_DISTANCE 10

/* Images bigger than this (in bytes of the file) are not decoded. */
#define CHORUS_PHASH_MAX_FILE_BYTES (64 * 1024 * 1024)

guint64  chorus_phash_compute   (const guint8  *pixels,
                                 int            width,
                                 int            height,
                                 int            rowstride,
                                 int            n_channels);
guint    chorus_phash_distance  (guint64        a,
                                 guint64        b);
gboolean chorus_phash_is_near   (guint64        a,
                                 guint64        b);
gboolean chorus_phash_from_png  (GBytes        *png,
                                 guint64       *hash,
                                 GError       **error);

G_END_DECLS
