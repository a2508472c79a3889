/* exif-test-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Images that carry what Chorus must not let out, and the check that an
 * exported one carries none of it, for test-challenge-results. */

/* The EXIF entry that points to the GPS data (tag 0x8825, a LONG, one of
 * it), as it stands in little-endian TIFF. */
#define TEST_GPS_TAG "\x25\x88\x04\x00\x01\x00\x00\x00"

GBytes   *test_jpeg_with_gps     (int          width,
                                  int          height);
gboolean  test_bytes_contain     (GBytes      *bytes,
                                  const char  *needle,
                                  gsize        length);
void      test_assert_clean_png  (const char  *path,
                                  int          width,
                                  int          height);

G_END_DECLS
