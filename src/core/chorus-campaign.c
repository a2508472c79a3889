/* chorus-campaign.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chorus-campaign-private.h"
#include "chorus-error.h"

/* A pre-test campaign with its variants. */

struct _ChorusCampaign
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *goal;
  char *state;
  char *metric;
  char *instrument;
  gint64 last_refreshed;
  GListStore *variants;
  ChorusCampaignDetails details;
  GPtrArray *runs;
};

G_DEFINE_FINAL_TYPE (ChorusCampaign, chorus_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GOAL,
  PROP_STATE,
  PROP_METRIC,
  PROP_INSTRUMENT,
  PROP_LAST_REFRESHED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_campaign_finalize (GObject *object)
{
  ChorusCampaign *self = (ChorusCampaign *)object;

  g_free (self->name);
  g_free (self->goal);
  g_free (self->state);
  g_free (self->metric);
  g_free (self->instrument);
  g_clear_object (&self->variants);
  g_ptr_array_unref (self->runs);
  g_free (self->details.hypothesis);
  g_free (self->details.owner_name);
  g_free (self->details.decided_by);
  g_free (self->details.rationale);

  G_OBJECT_CLASS (chorus_campaign_parent_class)->finalize (object);
}

static void
chorus_campaign_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChorusCampaign *self = CHORUS_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GOAL:
      g_value_set_string (value, self->goal);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;

    case PROP_INSTRUMENT:
      g_value_set_string (value, self->instrument);
      break;

    case PROP_LAST_REFRESHED:
      g_value_set_int64 (value, self->last_refreshed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_campaign_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChorusCampaign *self = CHORUS_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_GOAL:
      self->goal = g_value_dup_string (value);
      break;

    case PROP_STATE:
      self->state = g_value_dup_string (value);
      break;

    case PROP_METRIC:
      self->metric = g_value_dup_string (value);
      break;

    case PROP_INSTRUMENT:
      self->instrument = g_value_dup_string (value);
      break;

    case PROP_LAST_REFRESHED:
      self->last_refreshed = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_campaign_class_init (ChorusCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_campaign_finalize;
  object_class->get_property = chorus_campaign_get_property;
  object_class->set_property = chorus_campaign_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GOAL] =
    g_param_spec_string ("goal", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INSTRUMENT] =
    g_param_spec_string ("instrument", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_REFRESHED] =
    g_param_spec_int64 ("last-refreshed", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_campaign_init (ChorusCampaign *self)
{
  self->variants = g_list_store_new (CHORUS_TYPE_VARIANT);
  self->runs = g_ptr_array_new_with_free_func (g_object_unref);
}

gint64
chorus_campaign_get_id (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), 0);

  return self->id;
}

const char *
chorus_campaign_get_name (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->name;
}

const char *
chorus_campaign_get_goal (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->goal;
}

/* "draft", "running", "paused", "closed" or "archived". */
const char *
chorus_campaign_get_state (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->state;
}

/* What the variants are compared on: "votes", "likes", "reposts",
 * "replies" or "engagements" (the sum of the three). */
const char *
chorus_campaign_get_metric (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->metric;
}

/* The instrument of the latest run, or %NULL when none has run. */
const char *
chorus_campaign_get_instrument (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->instrument;
}

/* Unix time the counts were last refreshed, 0 if never. */
gint64
chorus_campaign_get_last_refreshed (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), 0);

  return self->last_refreshed;
}

/**
 * chorus_campaign_get_variants:
 * @self: a #ChorusCampaign
 *
 * Returns: (transfer none): a list of #ChorusVariant in display order
 */
GListModel *
chorus_campaign_get_variants (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return G_LIST_MODEL (self->variants);
}

gint64
chorus_campaign_get_total_votes (ChorusCampaign *self)
{
  guint n;
  gint64 total = 0;

  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->variants));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (G_LIST_MODEL (self->variants), i);

      total += chorus_variant_get_votes (variant);
    }

  return total;
}

void
chorus_campaign_add_variant (ChorusCampaign *self,
                             ChorusVariant  *variant)
{
  g_return_if_fail (CHORUS_IS_CAMPAIGN (self));
  g_return_if_fail (CHORUS_IS_VARIANT (variant));

  g_list_store_append (self->variants, variant);
}

/* Takes the strings of @details. */
void
_chorus_campaign_take_details (ChorusCampaign        *self,
                               ChorusCampaignDetails *details)
{
  g_return_if_fail (CHORUS_IS_CAMPAIGN (self));

  g_free (self->details.hypothesis);
  g_free (self->details.owner_name);
  g_free (self->details.decided_by);
  g_free (self->details.rationale);
  self->details = *details;
  memset (details, 0, sizeof *details);
}

void
_chorus_campaign_add_run (ChorusCampaign   *self,
                          ChorusPretestRun *run)
{
  g_return_if_fail (CHORUS_IS_CAMPAIGN (self));

  g_ptr_array_add (self->runs, g_object_ref (run));
}

const char *
chorus_campaign_get_hypothesis (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->details.hypothesis != NULL ? self->details.hypothesis : "";
}

gint64
chorus_campaign_get_owner_id (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), 0);

  return self->details.owner_id;
}

/* Nullable. */
const char *
chorus_campaign_get_owner_name (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->details.owner_name;
}

gint64
chorus_campaign_get_created_at (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), 0);

  return self->details.created_at;
}

/**
 * chorus_campaign_get_runs:
 *
 * Returns: (transfer none) (element-type ChorusPretestRun): the runs, the
 *   newest first; empty unless the campaign was loaded whole
 */
GPtrArray *
chorus_campaign_get_runs (ChorusCampaign *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  return self->runs;
}

/**
 * chorus_campaign_get_decision:
 * @variant_id: (out): the chosen variant
 * @decided_by: (out) (transfer none) (nullable): who decided
 * @decided_at: (out): when
 * @rationale: (out) (transfer none): why
 *
 * Returns: whether a decision was recorded
 */
gboolean
chorus_campaign_get_decision (ChorusCampaign  *self,
                              gint64          *variant_id,
                              const char     **decided_by,
                              gint64          *decided_at,
                              const char     **rationale)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), FALSE);

  if (self->details.decided_at == 0)
    return FALSE;

  if (variant_id != NULL)
    *variant_id = self->details.decision_variant_id;
  if (decided_by != NULL)
    *decided_by = self->details.decided_by;
  if (decided_at != NULL)
    *decided_at = self->details.decided_at;
  if (rationale != NULL)
    *rationale = self->details.rationale;
  return TRUE;
}

/**
 * chorus_campaign_analyse:
 *
 * Reads the variants' counts as the engine expects them: votes in one poll
 * when no result has exposures, successes out of exposures when all have.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set when the
 *   results mix both kinds or the campaign has too few variants
 */
ChorusAnalysis *
chorus_campaign_analyse (ChorusCampaign  *self,
                         GError         **error)
{
  GListModel *variants;
  guint n;
  g_autofree gint64 *counts = NULL;
  g_autofree gint64 *exposures = NULL;
  g_autofree gint64 *posted = NULL;
  g_autofree gint64 *until = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;
  guint with_exposures = 0;

  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (self), NULL);

  variants = G_LIST_MODEL (self->variants);
  n = g_list_model_get_n_items (variants);
  counts = g_new0 (gint64, MAX (n, 1));
  exposures = g_new0 (gint64, MAX (n, 1));
  posted = g_new0 (gint64, MAX (n, 1));
  until = g_new0 (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      counts[i] = chorus_variant_get_votes (variant);
      exposures[i] = chorus_variant_get_exposures (variant);
      chorus_variant_get_times (variant, &posted[i], &until[i]);
      with_exposures += exposures[i] >= 0;
    }

  if (self->details.mixed_design || (with_exposures > 0 && with_exposures < n))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Some results of this campaign count votes in a poll and others count successes "
                             "out of exposures, so they cannot be compared. Archive the runs of one kind to "
                             "analyse the other."));
      return NULL;
    }

  if (!(analysis = chorus_analysis_new (counts, with_exposures > 0 ? exposures : NULL, n, error)))
    return NULL;

  chorus_analysis_check_times (analysis, posted, until);
  return g_steal_pointer (&analysis);
}
