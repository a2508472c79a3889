/* chorus-campaign-card.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-campaign.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CAMPAIGN_CARD (chorus_campaign_card_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCampaignCard, chorus_campaign_card, CHORUS, CAMPAIGN_CARD, GtkListBoxRow)

ChorusCampaignCard *chorus_campaign_card_new          (ChorusCampaign     *campaign);
ChorusCampaign     *chorus_campaign_card_get_campaign (ChorusCampaignCard *self);

G_END_DECLS
