/* chorus-saved-reply.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-saved-reply.h"

/* An answer the team gives often, kept under a name, whose body may hold
 * variables such as {name} (see chorus-reply-template.h). */

struct _ChorusSavedReply
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *body;
};

G_DEFINE_FINAL_TYPE (ChorusSavedReply, chorus_saved_reply, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_saved_reply_finalize (GObject *object)
{
  ChorusSavedReply *self = (ChorusSavedReply *)object;

  g_free (self->name);
  g_free (self->body);

  G_OBJECT_CLASS (chorus_saved_reply_parent_class)->finalize (object);
}

static void
chorus_saved_reply_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusSavedReply *self = CHORUS_SAVED_REPLY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_saved_reply_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusSavedReply *self = CHORUS_SAVED_REPLY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_saved_reply_class_init (ChorusSavedReplyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_saved_reply_finalize;
  object_class->get_property = chorus_saved_reply_get_property;
  object_class->set_property = chorus_saved_reply_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The text as saved, variables unexpanded. */
  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_saved_reply_init (ChorusSavedReply *self)
{
}

ChorusSavedReply *
chorus_saved_reply_new (gint64      id,
                        const char *name,
                        const char *body)
{
  return g_object_new (CHORUS_TYPE_SAVED_REPLY, "id", id, "name", name, "body", body, NULL);
}

gint64
chorus_saved_reply_get_id (ChorusSavedReply *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLY (self), 0);

  return self->id;
}

const char *
chorus_saved_reply_get_name (ChorusSavedReply *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLY (self), NULL);

  return self->name;
}

/* The text as saved, with its variables not expanded yet. */
const char *
chorus_saved_reply_get_body (ChorusSavedReply *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLY (self), NULL);

  return self->body;
}
