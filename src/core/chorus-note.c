/* chorus-note.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-note.h"

/* An internal note on a conversation: only the team sees it. */

struct _ChorusNote
{
  GObject parent_instance;

  gint64 id;
  gint64 conversation_id;
  gint64 author_id;
  char *author_name;
  char *body;
  gint64 created_at;
};

G_DEFINE_FINAL_TYPE (ChorusNote, chorus_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CONVERSATION_ID,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_BODY,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_note_finalize (GObject *object)
{
  ChorusNote *self = (ChorusNote *)object;

  g_free (self->author_name);
  g_free (self->body);

  G_OBJECT_CLASS (chorus_note_parent_class)->finalize (object);
}

static void
chorus_note_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ChorusNote *self = CHORUS_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_note_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ChorusNote *self = CHORUS_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CONVERSATION_ID:
      self->conversation_id = g_value_get_int64 (value);
      break;

    case PROP_AUTHOR_ID:
      self->author_id = g_value_get_int64 (value);
      break;

    case PROP_AUTHOR_NAME:
      self->author_name = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_note_class_init (ChorusNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_note_finalize;
  object_class->get_property = chorus_note_get_property;
  object_class->set_property = chorus_note_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_ID] =
    g_param_spec_int64 ("author-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_note_init (ChorusNote *self)
{
}

gint64
chorus_note_get_id (ChorusNote *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTE (self), 0);

  return self->id;
}

gint64
chorus_note_get_conversation_id (ChorusNote *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTE (self), 0);

  return self->conversation_id;
}

/* The team member who wrote it, or 0 when unknown or removed. */
gint64
chorus_note_get_author_id (ChorusNote *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTE (self), 0);

  return self->author_id;
}

/* The author's current name, or %NULL when unknown or removed. */
const char *
chorus_note_get_author_name (ChorusNote *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTE (self), NULL);

  return self->author_name;
}

const char *
chorus_note_get_body (ChorusNote *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTE (self), NULL);

  return self->body;
}

/* Unix time. */
gint64
chorus_note_get_created_at (ChorusNote *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTE (self), 0);

  return self->created_at;
}
