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

G_END_DECLS
