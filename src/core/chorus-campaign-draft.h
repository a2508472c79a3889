/* chorus-campaign-draft.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHORUS_CAMPAIGN_MIN_VARIANTS 2
#define CHORUS_CAMPAIGN_MAX_VARIANTS 6

/* One variant as a person wrote it: what is posted, and what it is called
 * on charts. The image is a file in the workspace's media folder, named by
 * its SHA-256 (see chorus-media-import.h), with its MIME type; it needs
 * alt text. */
typedef struct
{
  char *label;
  char *body;
  char *image_sha256;
  char *image_type;
  char *image_alt;
  char *link_url;
} ChorusVariantDraft;

/* A campaign as the editor or chorusctl hands it to the store. */
typedef struct
{
  char      *name;
  char      *goal;
  char      *hypothesis;
  char      *metric;        /* "votes", "likes", "reposts" or "replies" */
  gint64     owner_id;      /* a team member, or 0 */
  GPtrArray *variants;      /* of ChorusVariantDraft */
} ChorusCampaignDraft;

#define CHORUS_TYPE_CAMPAIGN_DRAFT (chorus_campaign_draft_get_type ())

GType                chorus_campaign_draft_get_type     (void) G_GNUC_CONST;
ChorusCampaignDraft *chorus_campaign_draft_new          (const char                *name);
ChorusCampaignDraft *chorus_campaign_draft_copy         (const ChorusCampaignDraft *self);
void                 chorus_campaign_draft_free         (ChorusCampaignDraft       *self);
ChorusVariantDraft  *chorus_campaign_draft_add_variant  (ChorusCampaignDraft       *self,
                                                         const char                *body);
gboolean             chorus_campaign_draft_validate     (ChorusCampaignDraft       *self,
                                                         GError                   **error);
char                *chorus_variant_draft_dup_label     (guint                      position);
gboolean             chorus_metric_is_valid             (const char                *metric);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusCampaignDraft, chorus_campaign_draft_free)

G_END_DECLS
