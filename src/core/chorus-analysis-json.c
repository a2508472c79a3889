/* chorus-analysis-json.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chorus-analysis.h"

/* A pre-test's statistics as one JSON object, for export and for the
 * scipy cross-check (tests/check-analysis-scipy.py). Undefined numbers
 * (NaN) are null; json-glib writes the others in the C locale. */

/* The difference the plan is made for, in share or rate units. */
#define PLAN_DIFFERENCE 0.05

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_warnings (JsonBuilder          *builder,
              const ChorusAnalysis *self)
{
  ChorusAnalysisWarnings warnings = chorus_analysis_get_warnings (self);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  if (warnings & CHORUS_ANALYSIS_WARNING_NOT_ENOUGH_DATA)
    json_builder_add_string_value (builder, "not-enough-data");
  if (warnings & CHORUS_ANALYSIS_WARNING_EXPOSURE_IMBALANCE)
    json_builder_add_string_value (builder, "exposure-imbalance");
  if (warnings & CHORUS_ANALYSIS_WARNING_TIME_SPREAD)
    json_builder_add_string_value (builder, "time-spread");
  json_builder_end_array (builder);
}

static void
add_variant (JsonBuilder                 *builder,
             const ChorusAnalysisVariant *v,
             const char                  *text,
             gboolean                     rates)
{
  json_builder_begin_object (builder);
  add_int (builder, "index", v->index);
  json_builder_set_member_name (builder, "text");
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "count", v->count);
  json_builder_set_member_name (builder, "exposures");
  if (rates)
    json_builder_add_int_value (builder, v->exposures);
  else
    json_builder_add_null_value (builder);
  add_number (builder, "share", v->share);
  if (rates)
    add_number (builder, "rate", v->share);
  add_number (builder, "wilson_low", v->wilson_low);
  add_number (builder, "wilson_high", v->wilson_high);
  add_number (builder, "chance_to_beat_all", v->chance_to_beat_all);
  add_number (builder, "expected_loss", v->expected_loss);
  json_builder_end_object (builder);
}

static void
add_pairs (JsonBuilder          *builder,
           const ChorusAnalysis *self)
{
  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < chorus_analysis_get_n_pairs (self); i++)
    {
      const ChorusAnalysisPair *pair = chorus_analysis_get_pair (self, i);

      json_builder_begin_object (builder);
      add_int (builder, "a", pair->a);
      add_int (builder, "b", pair->b);
      add_number (builder, "chi_square", pair->chi_square);
      add_number (builder, "p_value", pair->p_value);
      add_number (builder, "p_holm", pair->p_holm);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * chorus_analysis_to_json:
 * @self: a #ChorusAnalysis
 * @texts: (array) (nullable): one text per variant (entries may be
 *   %NULL), or %NULL
 *
 * Returns: (transfer full): an object with design, total, chi_square,
 *   df, p_value, enough_data, warnings, best, variants, pairs and plan
 */
JsonNode *
chorus_analysis_to_json (const ChorusAnalysis *self,
                         const char * const   *texts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean rates;

  g_return_val_if_fail (self != NULL, NULL);

  rates = chorus_analysis_get_design (self) == CHORUS_ANALYSIS_RATES;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "design");
  json_builder_add_string_value (builder, rates ? "rates" : "poll");
  add_int (builder, "total", chorus_analysis_get_total (self));
  add_number (builder, "chi_square", chorus_analysis_get_chi_square (self));
  add_int (builder, "df", chorus_analysis_get_df (self));
  add_number (builder, "p_value", chorus_analysis_get_p_value (self));
  json_builder_set_member_name (builder, "enough_data");
  json_builder_add_boolean_value (builder, chorus_analysis_has_enough_data (self));
  add_warnings (builder, self);
  add_int (builder, "best", chorus_analysis_get_best (self));

  json_builder_set_member_name (builder, "variants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < chorus_analysis_get_n_variants (self); i++)
    add_variant (builder, chorus_analysis_get_variant (self, i),
                 texts != NULL ? texts[i] : NULL, rates);
  json_builder_end_array (builder);

  add_pairs (builder, self);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  add_number (builder, "difference", PLAN_DIFFERENCE);
  add_int (builder, "more", chorus_analysis_plan_more (self, PLAN_DIFFERENCE));
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
