/* chorus-person.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-person.h"

/* A person as the person panel shows them: their name and notes, their
 * accounts on each network, the segments they are in and the CRM fields
 * imported for them. A snapshot read by chorus_store_load_person_async();
 * changes go through the store and a new load. */

struct _ChorusPerson
{
  GObject               parent_instance;

  gint64                id;
  char                 *display_name;
  char                 *notes;
  ChorusPersonSegments  segments;
  gboolean              is_bot;
  GPtrArray            *identities;   /* ChorusIdentity */
  GPtrArray            *field_names;  /* char *, in the order read */
  GPtrArray            *field_values;
};

G_DEFINE_FINAL_TYPE (ChorusPerson, chorus_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_NOTES,
  PROP_SEGMENTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* In the order of ChorusPersonSegments' bits. */
static const char * const segment_keys[CHORUS_PERSON_N_SEGMENTS] = {
  "advocate", "detractor", "influencer", "employee", "vip",
};

static void
chorus_person_finalize (GObject *object)
{
  ChorusPerson *self = (ChorusPerson *)object;

  g_free (self->display_name);
  g_free (self->notes);
  g_ptr_array_unref (self->identities);
  g_ptr_array_unref (self->field_names);
  g_ptr_array_unref (self->field_values);

  G_OBJECT_CLASS (chorus_person_parent_class)->finalize (object);
}

static void
chorus_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChorusPerson *self = CHORUS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_SEGMENTS:
      g_value_set_uint (value, self->segments);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ChorusPerson *self = CHORUS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_DISPLAY_NAME:
      self->display_name = g_value_dup_string (value);
      break;

    case PROP_NOTES:
      self->notes = g_value_dup_string (value);
      break;

    case PROP_SEGMENTS:
      self->segments = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_person_class_init (ChorusPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_person_finalize;
  object_class->get_property = chorus_person_get_property;
  object_class->set_property = chorus_person_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A ChorusPersonSegments. */
  properties [PROP_SEGMENTS] =
    g_param_spec_uint ("segments", NULL, NULL,
                       0, (1 << CHORUS_PERSON_N_SEGMENTS) - 1, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_person_init (ChorusPerson *self)
{
  self->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_identity_free);
  self->field_names = g_ptr_array_new_with_free_func (g_free);
  self->field_values = g_ptr_array_new_with_free_func (g_free);
}

/**
 * chorus_person_new:
 * @id: the person's row id
 * @display_name: their name
 * @notes: (nullable): the team's notes about them
 * @segments: the segments they are in
 *
 * Returns: (transfer full): a person without identities or fields yet
 */
ChorusPerson *
chorus_person_new (gint64                id,
                   const char           *display_name,
                   const char           *notes,
                   ChorusPersonSegments  segments)
{
  return g_object_new (CHORUS_TYPE_PERSON,
                       "id", id,
                       "display-name", display_name != NULL ? display_name : "",
                       "notes", notes != NULL ? notes : "",
                       "segments", (guint) segments,
                       NULL);
}

gint64
chorus_person_get_id (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), 0);

  return self->id;
}

const char *
chorus_person_get_display_name (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), NULL);

  return self->display_name;
}

const char *
chorus_person_get_notes (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), NULL);

  return self->notes;
}

ChorusPersonSegments
chorus_person_get_segments (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), CHORUS_PERSON_SEGMENT_NONE);

  return self->segments;
}

/**
 * chorus_person_get_is_bot:
 * @self: a #ChorusPerson
 *
 * Returns: whether one of the person's accounts says it is a bot
 */
gboolean
chorus_person_get_is_bot (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), FALSE);

  return self->is_bot;
}

void
chorus_person_set_is_bot (ChorusPerson *self,
                          gboolean      is_bot)
{
  g_return_if_fail (CHORUS_IS_PERSON (self));

  self->is_bot = !!is_bot;
}

/**
 * chorus_person_get_identities:
 * @self: a #ChorusPerson
 *
 * Returns: (transfer none) (element-type ChorusIdentity): the person's
 *   accounts, in the order they were added
 */
GPtrArray *
chorus_person_get_identities (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), NULL);

  return self->identities;
}

/**
 * chorus_person_add_identity:
 * @self: a #ChorusPerson
 * @identity: (transfer full): one of the person's accounts
 */
void
chorus_person_add_identity (ChorusPerson   *self,
                            ChorusIdentity *identity)
{
  g_return_if_fail (CHORUS_IS_PERSON (self));
  g_return_if_fail (identity != NULL);

  g_ptr_array_add (self->identities, identity);
}

guint
chorus_person_get_n_fields (ChorusPerson *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), 0);

  return self->field_names->len;
}

const char *
chorus_person_get_field_name (ChorusPerson *self,
                              guint         index)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), NULL);
  g_return_val_if_fail (index < self->field_names->len, NULL);

  return g_ptr_array_index (self->field_names, index);
}

const char *
chorus_person_get_field_value (ChorusPerson *self,
                               guint         index)
{
  g_return_val_if_fail (CHORUS_IS_PERSON (self), NULL);
  g_return_val_if_fail (index < self->field_values->len, NULL);

  return g_ptr_array_index (self->field_values, index);
}

/**
 * chorus_person_add_field:
 * @self: a #ChorusPerson
 * @name: a CRM field's name
 * @value: its value for this person
 */
void
chorus_person_add_field (ChorusPerson *self,
                         const char   *name,
                         const char   *value)
{
  g_return_if_fail (CHORUS_IS_PERSON (self));
  g_return_if_fail (name != NULL && value != NULL);

  g_ptr_array_add (self->field_names, g_strdup (name));
  g_ptr_array_add (self->field_values, g_strdup (value));
}

/**
 * chorus_person_segment_key:
 * @segment: one segment
 *
 * Returns: (nullable): the segment's name in person_segments ("vip"), or
 *   %NULL when @segment is not exactly one segment
 */
const char *
chorus_person_segment_key (ChorusPersonSegments segment)
{
  for (guint i = 0; i < CHORUS_PERSON_N_SEGMENTS; i++)
    if (segment == (ChorusPersonSegments) (1 << i))
      return segment_keys[i];

  return NULL;
}

/**
 * chorus_person_segment_from_key:
 * @key: (nullable): a segment's name in person_segments
 *
 * Returns: the segment, or %CHORUS_PERSON_SEGMENT_NONE for an unknown name
 */
ChorusPersonSegments
chorus_person_segment_from_key (const char *key)
{
  for (guint i = 0; i < CHORUS_PERSON_N_SEGMENTS; i++)
    if (g_strcmp0 (key, segment_keys[i]) == 0)
      return 1 << i;

  return CHORUS_PERSON_SEGMENT_NONE;
}
