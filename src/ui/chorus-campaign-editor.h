/* chorus-campaign-editor.h
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

#define CHORUS_TYPE_CAMPAIGN_EDITOR (chorus_campaign_editor_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCampaignEditor, chorus_campaign_editor, CHORUS, CAMPAIGN_EDITOR, AdwWindow)

ChorusCampaignEditor *chorus_campaign_editor_new (GtkWindow      *parent,
                                                  ChorusStore    *store,
                                                  ChorusCampaign *campaign);

G_END_DECLS
