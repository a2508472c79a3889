/* chorus-campaign-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-campaign.h"
#include "chorus-pretest-run.h"

G_BEGIN_DECLS

/* What the store fills in when it loads one campaign whole. */

typedef struct
{
  gint64            id;
  ChorusInstrument  instrument;
  gint64            source_id;
  char             *source_name;
  char             *state;
  gint64            started_at;
  gint64            ends_at;
  gint64            closed_at;
  char             *provenance;
  gint64            last_refreshed_at;
  char             *send_state;
  char             *send_error;
  char             *notice;
} ChorusPretestRunFields;

typedef struct
{
  char   *hypothesis;
  gint64  owner_id;
  char   *owner_name;
  gint64  created_at;
  gint64  decision_variant_id;   /* 0 when no decision was recorded */
  char   *decided_by;
  gint64  decided_at;
  char   *rationale;
  gboolean mixed_design;         /* some runs have exposures, some not */
} ChorusCampaignDetails;

typedef struct
{
  guint   position;
  char   *image_sha256;
  char   *image_type;            /* its MIME type, with image_sha256 */
  char   *image_path;            /* where the media folder keeps it, with image_sha256 */
  char   *image_alt;
  char   *link_url;
  gint64  exposures;             /* -1 without */
  gint64  likes;
  gint64  reposts;
  gint64  replies;
  gint64  first_posted_at;       /* its first variant post, 0 when none went out */
  gint64  observed_until;        /* the last read of those runs, 0 when unknown */
} ChorusVariantDetails;

ChorusPretestRun *_chorus_pretest_run_new          (ChorusPretestRunFields *fields);
void              _chorus_campaign_take_details    (ChorusCampaign         *self,
                                                    ChorusCampaignDetails  *details);
void              _chorus_campaign_add_run         (ChorusCampaign         *self,
                                                    ChorusPretestRun       *run);
void              _chorus_variant_take_details     (ChorusVariant          *self,
                                                    ChorusVariantDetails   *details);

G_END_DECLS
