/* chorus-campaign-export.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-campaign-export.h"
#include "chorus-csv.h"

/* A campaign's raw counts as CSV, for spreadsheets and scripts. The choice
 * is documented in the README: the header and the numbers are the same in
 * every language (column names in English, "." for decimals, no digit
 * grouping), so that a file reads the same anywhere; the variants' names
 * and texts are as the team wrote them. */

static void
append_number (GString *csv,
               double   value)
{
  g_string_append_c (csv, ',');
  chorus_csv_append_number (csv, value);
}

/**
 * chorus_campaign_dup_counts_csv:
 *
 * Returns: (transfer full): one row per variant: position, name, text,
 *   count, exposures (empty in a poll), share, the 95 % interval, the
 *   chance to be best and the expected loss
 */
char *
chorus_campaign_dup_counts_csv (ChorusCampaign *campaign,
                                ChorusAnalysis *analysis)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);
  GString *csv = g_string_new ("variant,name,text,count,exposures,share,wilson_low,wilson_high,"
                               "chance_to_beat_all,expected_loss\r\n");

  for (guint i = 0; i < chorus_analysis_get_n_variants (analysis) && i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);
      const ChorusAnalysisVariant *figures = chorus_analysis_get_variant (analysis, i);

      g_string_append_printf (csv, "%u,", figures->index);
      chorus_csv_append_field (csv, chorus_variant_get_label (variant));
      g_string_append_c (csv, ',');
      chorus_csv_append_field (csv, chorus_variant_get_body (variant));
      g_string_append_printf (csv, ",%" G_GINT64_FORMAT ",", figures->count);
      if (figures->exposures >= 0)
        g_string_append_printf (csv, "%" G_GINT64_FORMAT, figures->exposures);
      append_number (csv, figures->share);
      append_number (csv, figures->wilson_low);
      append_number (csv, figures->wilson_high);
      append_number (csv, figures->chance_to_beat_all);
      append_number (csv, figures->expected_loss);
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}
