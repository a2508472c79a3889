/* chorus-campaign-page.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-campaign.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CAMPAIGN_PAGE (chorus_campaign_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCampaignPage, chorus_campaign_page, CHORUS, CAMPAIGN_PAGE, GtkWidget)

void            chorus_campaign_page_set_store    (ChorusCampaignPage *self,
                                                   ChorusStore        *store);
void            chorus_campaign_page_show         (ChorusCampaignPage *self,
                                                   gint64              campaign_id);
void            chorus_campaign_page_reload       (ChorusCampaignPage *self);
ChorusCampaign *chorus_campaign_page_get_campaign (ChorusCampaignPage *self);

G_END_DECLS
