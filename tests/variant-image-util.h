/* variant-image-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-media-import.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* Variants with images, for the tests of the media import, the campaign
 * editor and variant posts: a real PNG drawn by cairo (plain, or noise
 * that does not compress, to make a large file), added to a workspace's
 * media folder, and a campaign whose variants carry such images. Each
 * helper fails the running test when it goes wrong. */

char            *variant_image_write_png       (const char             *dir,
                                                const char             *name,
                                                int                     width,
                                                int                     height,
                                                gboolean                noise);
ChorusMediaInfo *variant_image_import          (ChorusStore            *store,
                                                const char             *path);
ChorusMediaInfo *variant_image_add_png         (ChorusStore            *store,
                                                int                     width,
                                                int                     height,
                                                gboolean                noise);
gint64           variant_image_create_campaign (ChorusStore            *store,
                                                const char * const     *bodies,
                                                ChorusMediaInfo       **images,
                                                const char * const     *alts);

G_END_DECLS
