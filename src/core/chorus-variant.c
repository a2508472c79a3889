/* chorus-variant.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-campaign-private.h"
#include "chorus-variant.h"

/* One variant of a campaign with its current count. */

struct _ChorusVariant
{
  GObject parent_instance;

  gint64 id;
  char *label;
  char *body;
  gint64 votes;
  ChorusVariantDetails details;
};

G_DEFINE_FINAL_TYPE (ChorusVariant, chorus_variant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_BODY,
  PROP_VOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_variant_finalize (GObject *object)
{
  ChorusVariant *self = (ChorusVariant *)object;

  g_free (self->label);
  g_free (self->body);
  g_free (self->details.image_sha256);
  g_free (self->details.image_type);
  g_free (self->details.image_path);
  g_free (self->details.image_alt);
  g_free (self->details.link_url);

  G_OBJECT_CLASS (chorus_variant_parent_class)->finalize (object);
}

static void
chorus_variant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ChorusVariant *self = CHORUS_VARIANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_VOTES:
      g_value_set_int64 (value, self->votes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_variant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ChorusVariant *self = CHORUS_VARIANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_VOTES:
      self->votes = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_variant_class_init (ChorusVariantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_variant_finalize;
  object_class->get_property = chorus_variant_get_property;
  object_class->set_property = chorus_variant_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOTES] =
    g_param_spec_int64 ("votes", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_variant_init (ChorusVariant *self)
{
  self->details.exposures = -1;
}

gint64
chorus_variant_get_id (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), 0);

  return self->id;
}

/* A short name such as "A" or "Weekend". */
const char *
chorus_variant_get_label (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->label;
}

const char *
chorus_variant_get_body (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->body;
}

/* Votes or responses counted for this variant in the latest observation. */
gint64
chorus_variant_get_votes (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), 0);

  return self->votes;
}

/* Takes the strings of @details. */
void
_chorus_variant_take_details (ChorusVariant        *self,
                              ChorusVariantDetails *details)
{
  g_return_if_fail (CHORUS_IS_VARIANT (self));

  g_free (self->details.image_sha256);
  g_free (self->details.image_type);
  g_free (self->details.image_path);
  g_free (self->details.image_alt);
  g_free (self->details.link_url);
  self->details = *details;
  memset (details, 0, sizeof *details);
}

/* 1-based. */
guint
chorus_variant_get_position (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), 0);

  return self->details.position;
}

const char *
chorus_variant_get_image_sha256 (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->details.image_sha256;
}

/* "image/png", "image/jpeg", "image/gif" or "image/webp"; NULL without an image. */
const char *
chorus_variant_get_image_type (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->details.image_type;
}

/* Where the workspace's media folder keeps the image (the file may have
 * gone); NULL without an image. */
const char *
chorus_variant_get_image_path (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->details.image_path;
}

const char *
chorus_variant_get_image_alt (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->details.image_alt;
}

const char *
chorus_variant_get_link_url (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), NULL);

  return self->details.link_url;
}

/* How many people each result counts out of, or -1 when the results are
 * votes in one poll. */
gint64
chorus_variant_get_exposures (ChorusVariant *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT (self), -1);

  return self->details.exposures;
}

/* When its first variant post went out, and until when its counts were
 * read; 0 when unknown. */
void
chorus_variant_get_times (ChorusVariant *self,
                          gint64        *first_posted_at,
                          gint64        *observed_until)
{
  g_return_if_fail (CHORUS_IS_VARIANT (self));

  *first_posted_at = self->details.first_posted_at;
  *observed_until = self->details.observed_until;
}

/* What variant posts collected besides the primary metric. */
void
chorus_variant_get_engagement (ChorusVariant *self,
                               gint64        *likes,
                               gint64        *reposts,
                               gint64        *replies)
{
  g_return_if_fail (CHORUS_IS_VARIANT (self));

  *likes = self->details.likes;
  *reposts = self->details.reposts;
  *replies = self->details.replies;
}
