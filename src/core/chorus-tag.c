/* chorus-tag.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-tag.h"

/* A tag the team puts on conversations, with how many carry it. */

struct _ChorusTag
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *color;
  guint usage_count;
};

G_DEFINE_FINAL_TYPE (ChorusTag, chorus_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_USAGE_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_tag_finalize (GObject *object)
{
  ChorusTag *self = (ChorusTag *)object;

  g_free (self->name);
  g_free (self->color);

  G_OBJECT_CLASS (chorus_tag_parent_class)->finalize (object);
}

static void
chorus_tag_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ChorusTag *self = CHORUS_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_USAGE_COUNT:
      g_value_set_uint (value, self->usage_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_tag_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ChorusTag *self = CHORUS_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_COLOR:
      self->color = g_value_dup_string (value);
      break;

    case PROP_USAGE_COUNT:
      self->usage_count = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_tag_class_init (ChorusTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_tag_finalize;
  object_class->get_property = chorus_tag_get_property;
  object_class->set_property = chorus_tag_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USAGE_COUNT] =
    g_param_spec_uint ("usage-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_tag_init (ChorusTag *self)
{
}

gint64
chorus_tag_get_id (ChorusTag *self)
{
  g_return_val_if_fail (CHORUS_IS_TAG (self), 0);

  return self->id;
}

const char *
chorus_tag_get_name (ChorusTag *self)
{
  g_return_val_if_fail (CHORUS_IS_TAG (self), NULL);

  return self->name;
}

/* A "#rrggbb" color, or %NULL for the default one. */
const char *
chorus_tag_get_color (ChorusTag *self)
{
  g_return_val_if_fail (CHORUS_IS_TAG (self), NULL);

  return self->color;
}

/* How many conversations carry the tag. */
guint
chorus_tag_get_usage_count (ChorusTag *self)
{
  g_return_val_if_fail (CHORUS_IS_TAG (self), 0);

  return self->usage_count;
}
