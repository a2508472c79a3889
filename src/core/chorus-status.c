/* chorus-status.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-format.h"
#include "chorus-status.h"

/* One status a conversation can have: a built-in one (New, Open, Waiting,
 * Done) or one the team added, in the workspace's order. Built-in ones keep
 * a translated name until the team renames them, so the name is looked up
 * when it is read, in the language of whoever reads it. */

struct _ChorusStatus
{
  GObject parent_instance;

  gint64 id;
  char *builtin;
  char *custom_name;
  guint position;
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (ChorusStatus, chorus_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BUILTIN,
  PROP_CUSTOM_NAME,
  PROP_NAME,
  PROP_POSITION,
  PROP_CLOSED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_status_finalize (GObject *object)
{
  ChorusStatus *self = (ChorusStatus *)object;

  g_free (self->builtin);
  g_free (self->custom_name);

  G_OBJECT_CLASS (chorus_status_parent_class)->finalize (object);
}

static void
chorus_status_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChorusStatus *self = CHORUS_STATUS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BUILTIN:
      g_value_set_string (value, self->builtin);
      break;

    case PROP_CUSTOM_NAME:
      g_value_set_string (value, self->custom_name);
      break;

    case PROP_NAME:
      g_value_set_string (value, chorus_status_get_name (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_CLOSED:
      g_value_set_boolean (value, self->closed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_status_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ChorusStatus *self = CHORUS_STATUS (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_BUILTIN:
      self->builtin = g_value_dup_string (value);
      break;

    case PROP_CUSTOM_NAME:
      self->custom_name = g_value_dup_string (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    case PROP_CLOSED:
      self->closed = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_status_class_init (ChorusStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_status_finalize;
  object_class->get_property = chorus_status_get_property;
  object_class->set_property = chorus_status_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUILTIN] =
    g_param_spec_string ("builtin", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CUSTOM_NAME] =
    g_param_spec_string ("custom-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_status_init (ChorusStatus *self)
{
}

gint64
chorus_status_get_id (ChorusStatus *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS (self), 0);

  return self->id;
}

/* Which built-in status this is ("new", "open", "waiting" or "done"),
 * or %NULL for one the team added. */
const char *
chorus_status_get_builtin (ChorusStatus *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS (self), NULL);

  return self->builtin;
}

/* The name the team gave it, or %NULL to keep the built-in name. */
const char *
chorus_status_get_custom_name (ChorusStatus *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS (self), NULL);

  return self->custom_name;
}

/* The name as a person reads it: the team's, or the built-in one in the
 * reader's language (msgctxt "conversation status"). */
const char *
chorus_status_get_name (ChorusStatus *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS (self), NULL);

  return chorus_format_status (self->builtin, self->custom_name);
}

/* Where it stands in the workspace's order, from 0. */
guint
chorus_status_get_position (ChorusStatus *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS (self), 0);

  return self->position;
}

/* Whether a conversation with this status is finished. */
gboolean
chorus_status_get_closed (ChorusStatus *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS (self), FALSE);

  return self->closed;
}
