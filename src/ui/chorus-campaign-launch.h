/* chorus-campaign-launch.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-campaign.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CAMPAIGN_LAUNCH (chorus_campaign_launch_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCampaignLaunch, chorus_campaign_launch, CHORUS, CAMPAIGN_LAUNCH, AdwWindow)

ChorusCampaignLaunch *chorus_campaign_launch_new (GtkWindow      *parent,
                                                  ChorusStore    *store,
                                                  ChorusCampaign *campaign);

G_END_DECLS
