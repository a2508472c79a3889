/* chorus-campaign.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-campaign.h"

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

/* What the variants are compared on: "votes", "likes", "reposts" or "replies". */
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
