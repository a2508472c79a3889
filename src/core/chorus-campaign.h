/* chorus-campaign.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-analysis.h"
#include "chorus-pretest-run.h"
#include "chorus-variant.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CAMPAIGN (chorus_campaign_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCampaign, chorus_campaign, CHORUS, CAMPAIGN, GObject)

gint64      chorus_campaign_get_id             (ChorusCampaign *self);
const char *chorus_campaign_get_name           (ChorusCampaign *self);
const char *chorus_campaign_get_goal           (ChorusCampaign *self);
const char *chorus_campaign_get_state          (ChorusCampaign *self);
const char *chorus_campaign_get_metric         (ChorusCampaign *self);
const char *chorus_campaign_get_instrument     (ChorusCampaign *self);
gint64      chorus_campaign_get_last_refreshed (ChorusCampaign *self);
GListModel *chorus_campaign_get_variants       (ChorusCampaign *self);
gint64      chorus_campaign_get_total_votes    (ChorusCampaign *self);
void        chorus_campaign_add_variant        (ChorusCampaign *self,
                                                ChorusVariant  *variant);
const char *chorus_campaign_get_hypothesis     (ChorusCampaign *self);
gint64      chorus_campaign_get_owner_id       (ChorusCampaign *self);
const char *chorus_campaign_get_owner_name     (ChorusCampaign *self);
gint64      chorus_campaign_get_created_at     (ChorusCampaign *self);
GPtrArray  *chorus_campaign_get_runs           (ChorusCampaign *self);
gboolean    chorus_campaign_get_decision       (ChorusCampaign *self,
                                                gint64         *variant_id,
                                                const char    **decided_by,
                                                gint64         *decided_at,
                                                const char    **rationale);
ChorusAnalysis *chorus_campaign_analyse        (ChorusCampaign *self,
                                                GError        **error);

G_END_DECLS
