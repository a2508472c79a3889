/* chorus-clean-image.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean chorus_clean_image_save (const char  *source,
                                  const char  *destination,
                                  GError     **error);

G_END_DECLS
