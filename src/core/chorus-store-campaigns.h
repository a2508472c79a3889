/* chorus-store-campaigns.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-campaign-draft.h"
#include "chorus-campaign-results.h"
#include "chorus-campaign.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* Campaigns, their runs and their decisions. Each change is one
 * transaction with its audit entry. The blocking calls are for workers and
 * chorusctl; widgets use the _async() ones, whose changes all finish with
 * chorus_store_change_campaign_finish(). */

GPtrArray      *chorus_store_list_campaigns             (ChorusStore                 *self,
                                                         GError                     **error);
ChorusCampaign *chorus_store_load_campaign              (ChorusStore                 *self,
                                                         gint64                       id,
                                                         GError                     **error);
gint64          chorus_store_create_campaign            (ChorusStore                 *self,
                                                         ChorusCampaignDraft         *draft,
                                                         GError                     **error);
gboolean        chorus_store_edit_campaign              (ChorusStore                 *self,
                                                         gint64                       id,
                                                         ChorusCampaignDraft         *draft,
                                                         GError                     **error);
gboolean        chorus_store_set_campaign_state         (ChorusStore                 *self,
                                                         gint64                       id,
                                                         const char                  *state,
                                                         GError                     **error);
gint64          chorus_store_add_campaign_results       (ChorusStore                 *self,
                                                         gint64                       id,
                                                         const ChorusCampaignResults *results,
                                                         GError                     **error);
gint64          chorus_store_record_campaign_decision   (ChorusStore                 *self,
                                                         gint64                       id,
                                                         gint64                       variant_id,
                                                         const char                  *rationale,
                                                         GError                     **error);

void            chorus_store_load_campaign_async        (ChorusStore                 *self,
                                                         gint64                       id,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
ChorusCampaign *chorus_store_load_campaign_finish       (ChorusStore                 *self,
                                                         GAsyncResult                *result,
                                                         GError                     **error);
void            chorus_store_create_campaign_async      (ChorusStore                 *self,
                                                         const ChorusCampaignDraft   *draft,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
void            chorus_store_edit_campaign_async        (ChorusStore                 *self,
                                                         gint64                       id,
                                                         const ChorusCampaignDraft   *draft,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
void            chorus_store_set_campaign_state_async   (ChorusStore                 *self,
                                                         gint64                       id,
                                                         const char                  *state,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
void            chorus_store_add_campaign_results_async (ChorusStore                 *self,
                                                         gint64                       id,
                                                         const ChorusCampaignResults *results,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
void            chorus_store_record_campaign_decision_async (ChorusStore             *self,
                                                         gint64                       id,
                                                         gint64                       variant_id,
                                                         const char                  *rationale,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gint64          chorus_store_change_campaign_finish     (ChorusStore                 *self,
                                                         GAsyncResult                *result,
                                                         GError                     **error);

G_END_DECLS
