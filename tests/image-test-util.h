/* image-test-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Images drawn in tests, for test-phash and test-store-ranking. */

GBytes *image_test_png_bytes (cairo_surface_t *surface);

G_END_DECLS
