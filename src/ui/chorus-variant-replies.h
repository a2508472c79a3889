/* chorus-variant-replies.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-campaign.h"
#include "chorus-sentiment.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_VARIANT_REPLIES (chorus_variant_replies_get_type ())

G_DECLARE_FINAL_TYPE (ChorusVariantReplies, chorus_variant_replies, CHORUS, VARIANT_REPLIES, GtkWidget)

GtkWidget *chorus_variant_replies_new             (ChorusStore    *store,
                                                   ChorusCampaign *campaign);
gboolean   chorus_variant_replies_is_loaded       (ChorusVariantReplies *self);
char      *_chorus_variant_replies_describe_mix   (const ChorusSentimentMix *mix);

G_END_DECLS
