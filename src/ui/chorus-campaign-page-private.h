/* chorus-campaign-page-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-campaign-page.h"

G_BEGIN_DECLS

/* The sections of a campaign page, built from the loaded campaign and its
 * analysis (NULL, with @analysis_error set, when it cannot be read). */
void _chorus_campaign_page_add_details   (GtkBox         *box,
                                          ChorusCampaign *campaign);
void _chorus_campaign_page_add_variants  (GtkBox         *box,
                                          ChorusCampaign *campaign);
void _chorus_campaign_page_add_result    (GtkBox         *box,
                                          ChorusCampaign *campaign,
                                          ChorusAnalysis *analysis,
                                          const GError   *analysis_error);
void _chorus_campaign_page_add_runs      (GtkBox         *box,
                                          ChorusCampaign *campaign);
GStrv _chorus_campaign_dup_labels        (ChorusCampaign *campaign);

/* A card headed by a variant's label, as the variants and the replies to
 * them are shown side by side; and the flow box that lays @n out. */
GtkWidget *_chorus_campaign_new_variant_card (ChorusVariant *variant);
GtkWidget *_chorus_campaign_new_variant_flow (guint          n);

G_END_DECLS
