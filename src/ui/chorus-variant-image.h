/* chorus-variant-image.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-media-import.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_VARIANT_IMAGE (chorus_variant_image_get_type ())

G_DECLARE_FINAL_TYPE (ChorusVariantImage, chorus_variant_image, CHORUS, VARIANT_IMAGE, GtkWidget)

GtkWidget  *chorus_variant_image_new            (ChorusStore        *store);
void        chorus_variant_image_set_image      (ChorusVariantImage *self,
                                                 const char         *sha256,
                                                 const char         *mime_type,
                                                 const char         *alt_text);
void        chorus_variant_image_add_file       (ChorusVariantImage *self,
                                                 GFile              *file);
void        chorus_variant_image_remove         (ChorusVariantImage *self);
const char *chorus_variant_image_get_sha256     (ChorusVariantImage *self);
const char *chorus_variant_image_get_mime_type  (ChorusVariantImage *self);
char       *chorus_variant_image_dup_alt_text   (ChorusVariantImage *self);
gboolean    chorus_variant_image_get_needs_alt_text (ChorusVariantImage *self);
gboolean    chorus_variant_image_get_busy       (ChorusVariantImage *self);
const char *chorus_variant_image_get_error      (ChorusVariantImage *self);
void        chorus_variant_image_set_frozen     (ChorusVariantImage *self,
                                                 gboolean            frozen);

G_END_DECLS
