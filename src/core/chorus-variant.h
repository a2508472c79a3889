/* chorus-variant.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_VARIANT (chorus_variant_get_type ())

G_DECLARE_FINAL_TYPE (ChorusVariant, chorus_variant, CHORUS, VARIANT, GObject)

gint64      chorus_variant_get_id    (ChorusVariant *self);
const char *chorus_variant_get_label (ChorusVariant *self);
const char *chorus_variant_get_body  (ChorusVariant *self);
gint64      chorus_variant_get_votes (ChorusVariant *self);
guint       chorus_variant_get_position     (ChorusVariant *self);
const char *chorus_variant_get_image_sha256 (ChorusVariant *self);
const char *chorus_variant_get_image_type   (ChorusVariant *self);
const char *chorus_variant_get_image_path   (ChorusVariant *self);
const char *chorus_variant_get_image_alt    (ChorusVariant *self);
const char *chorus_variant_get_link_url     (ChorusVariant *self);
gint64      chorus_variant_get_exposures    (ChorusVariant *self);
void        chorus_variant_get_times        (ChorusVariant *self,
                                             gint64        *first_posted_at,
                                             gint64        *observed_until);
void        chorus_variant_get_engagement   (ChorusVariant *self,
                                             gint64        *likes,
                                             gint64        *reposts,
                                             gint64        *replies);

G_END_DECLS
