/* chorus-campaign-results.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-csv.h"

G_BEGIN_DECLS

/* Results from a channel Chorus cannot reach (an in-store survey, an
 * email), typed in or read from a CSV file with the columns
 * variant,count[,exposures][,channel]: “variant” is the variant's
 * position, counting from 1. */

typedef struct
{
  guint   variant;     /* 1-based */
  gint64  count;
  gint64  exposures;   /* -1 without */
  char   *channel;     /* nullable */
} ChorusResultRow;

typedef struct
{
  GArray *rows;        /* of ChorusResultRow */
  char   *provenance;  /* the file's name, or what a person typed */
} ChorusCampaignResults;

#define CHORUS_TYPE_CAMPAIGN_RESULTS (chorus_campaign_results_get_type ())

GType                  chorus_campaign_results_get_type  (void) G_GNUC_CONST;
ChorusCampaignResults *chorus_campaign_results_new       (const char                  *provenance);
ChorusCampaignResults *chorus_campaign_results_copy      (const ChorusCampaignResults *self);
void                   chorus_campaign_results_free      (ChorusCampaignResults       *self);
void                   chorus_campaign_results_add       (ChorusCampaignResults       *self,
                                                          guint                        variant,
                                                          gint64                       count,
                                                          gint64                       exposures,
                                                          const char                  *channel);
gboolean               chorus_campaign_results_check     (const ChorusCampaignResults *self,
                                                          guint                        n_variants,
                                                          GError                     **error);
ChorusCampaignResults *chorus_campaign_results_from_csv  (ChorusCsvTable              *table,
                                                          guint                        n_variants,
                                                          GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusCampaignResults, chorus_campaign_results_free)

G_END_DECLS
