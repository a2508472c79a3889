/* chorus-saved-view.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-saved-view.h"

/* A named inbox filter in the sidebar, as the store listed it: an
 * immutable snapshot, read again from the store after a change. */

struct _ChorusSavedView
{
  GObject            parent_instance;

  gint64             id;
  char              *name;
  ChorusInboxFilter *filter;
};

G_DEFINE_FINAL_TYPE (ChorusSavedView, chorus_saved_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_saved_view_finalize (GObject *object)
{
  ChorusSavedView *self = (ChorusSavedView *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->filter, chorus_inbox_filter_free);

  G_OBJECT_CLASS (chorus_saved_view_parent_class)->finalize (object);
}

static void
chorus_saved_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusSavedView *self = CHORUS_SAVED_VIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_saved_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChorusSavedView *self = CHORUS_SAVED_VIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_FILTER:
      if (g_value_get_boxed (value) != NULL)
        {
          g_clear_pointer (&self->filter, chorus_inbox_filter_free);
          self->filter = g_value_dup_boxed (value);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_saved_view_class_init (ChorusSavedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_saved_view_finalize;
  object_class->get_property = chorus_saved_view_get_property;
  object_class->set_property = chorus_saved_view_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        CHORUS_TYPE_INBOX_FILTER,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_saved_view_init (ChorusSavedView *self)
{
  self->filter = chorus_inbox_filter_new ();
}

/**
 * chorus_saved_view_new:
 * @id: its row in the workspace
 * @name: what the sidebar shows
 * @filter: (nullable): what it lists; %NULL for everything
 *
 * Returns: (transfer full): a new #ChorusSavedView
 */
ChorusSavedView *
chorus_saved_view_new (gint64                   id,
                       const char              *name,
                       const ChorusInboxFilter *filter)
{
  return g_object_new (CHORUS_TYPE_SAVED_VIEW,
                       "id", id,
                       "name", name,
                       "filter", filter,
                       NULL);
}

gint64
chorus_saved_view_get_id (ChorusSavedView *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_VIEW (self), 0);

  return self->id;
}

const char *
chorus_saved_view_get_name (ChorusSavedView *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_VIEW (self), NULL);

  return self->name;
}

/**
 * chorus_saved_view_get_filter:
 *
 * Returns: (transfer none): the filter; never %NULL
 */
const ChorusInboxFilter *
chorus_saved_view_get_filter (ChorusSavedView *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_VIEW (self), NULL);

  return self->filter;
}
