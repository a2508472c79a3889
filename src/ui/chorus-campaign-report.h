/* chorus-campaign-report.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-campaign.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_CAMPAIGN_REPORT_PDF,
  CHORUS_CAMPAIGN_REPORT_CSV,
} ChorusCampaignReportFormat;

gboolean chorus_campaign_report_write_pdf (ChorusCampaign             *campaign,
                                           ChorusAnalysis             *analysis,
                                           const char                 *path,
                                           GError                    **error);
void     chorus_campaign_report_export    (GtkWidget                  *parent,
                                           ChorusCampaign             *campaign,
                                           ChorusAnalysis             *analysis,
                                           ChorusCampaignReportFormat  format);

G_END_DECLS
