/* chorus-campaign-export.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-campaign.h"

G_BEGIN_DECLS

char *chorus_campaign_dup_counts_csv (ChorusCampaign *campaign,
                                      ChorusAnalysis *analysis);

G_END_DECLS
