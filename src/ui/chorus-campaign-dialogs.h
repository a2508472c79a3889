/* chorus-campaign-dialogs.h
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

/* The short dialogs of a campaign page. Each calls @done once its change
 * is stored (not when cancelled), with @user_data: a GObject (the page),
 * which the dialog keeps alive until then. */
typedef void (*ChorusCampaignDialogDone) (gpointer user_data);

void chorus_campaign_results_dialog_present  (GtkWidget                *parent,
                                              ChorusStore              *store,
                                              ChorusCampaign           *campaign,
                                              ChorusCampaignDialogDone  done,
                                              gpointer                  user_data);
void chorus_campaign_decision_dialog_present (GtkWidget                *parent,
                                              ChorusStore              *store,
                                              ChorusCampaign           *campaign,
                                              ChorusAnalysis           *analysis,
                                              ChorusCampaignDialogDone  done,
                                              gpointer                  user_data);


G_END_DECLS
