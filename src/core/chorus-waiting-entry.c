/* chorus-waiting-entry.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-waiting-entry.h"

/* A post that carries a challenge's hashtag and an image but is not an
 * entry yet, because its image could not be stored: why (in words for a
 * person), and whether it was refused for good (too large, not an image,
 * gone) or will be tried again at the next sync. See
 * chorus-challenge-collect.c. */

struct _ChorusWaitingEntry
{
  GObject parent_instance;

  gint64 challenge_id;
  gint64 post_id;
  char *post_url;
  char *author_handle;
  char *notice;
  gboolean refused;
  gint64 tried_at;
};

G_DEFINE_FINAL_TYPE (ChorusWaitingEntry, chorus_waiting_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHALLENGE_ID,
  PROP_POST_ID,
  PROP_POST_URL,
  PROP_AUTHOR_HANDLE,
  PROP_NOTICE,
  PROP_REFUSED,
  PROP_TRIED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_waiting_entry_finalize (GObject *object)
{
  ChorusWaitingEntry *self = (ChorusWaitingEntry *)object;

  g_free (self->post_url);
  g_free (self->author_handle);
  g_free (self->notice);

  G_OBJECT_CLASS (chorus_waiting_entry_parent_class)->finalize (object);
}

static void
chorus_waiting_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChorusWaitingEntry *self = CHORUS_WAITING_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CHALLENGE_ID:
      g_value_set_int64 (value, self->challenge_id);
      break;

    case PROP_POST_ID:
      g_value_set_int64 (value, self->post_id);
      break;

    case PROP_POST_URL:
      g_value_set_string (value, self->post_url);
      break;

    case PROP_AUTHOR_HANDLE:
      g_value_set_string (value, self->author_handle);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    case PROP_REFUSED:
      g_value_set_boolean (value, self->refused);
      break;

    case PROP_TRIED_AT:
      g_value_set_int64 (value, self->tried_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_waiting_entry_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChorusWaitingEntry *self = CHORUS_WAITING_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CHALLENGE_ID:
      self->challenge_id = g_value_get_int64 (value);
      break;

    case PROP_POST_ID:
      self->post_id = g_value_get_int64 (value);
      break;

    case PROP_POST_URL:
      self->post_url = g_value_dup_string (value);
      break;

    case PROP_AUTHOR_HANDLE:
      self->author_handle = g_value_dup_string (value);
      break;

    case PROP_NOTICE:
      self->notice = g_value_dup_string (value);
      break;

    case PROP_REFUSED:
      self->refused = g_value_get_boolean (value);
      break;

    case PROP_TRIED_AT:
      self->tried_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_waiting_entry_class_init (ChorusWaitingEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = chorus_waiting_entry_finalize;
  object_class->get_property = chorus_waiting_entry_get_property;
  object_class->set_property = chorus_waiting_entry_set_property;

  properties [PROP_CHALLENGE_ID] = g_param_spec_int64 ("challenge-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_POST_ID] = g_param_spec_int64 ("post-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_POST_URL] = g_param_spec_string ("post-url", NULL, NULL, NULL, flags);
  properties [PROP_AUTHOR_HANDLE] = g_param_spec_string ("author-handle", NULL, NULL, NULL, flags);
  properties [PROP_NOTICE] = g_param_spec_string ("notice", NULL, NULL, NULL, flags);
  properties [PROP_REFUSED] = g_param_spec_boolean ("refused", NULL, NULL, FALSE, flags);
  properties [PROP_TRIED_AT] = g_param_spec_int64 ("tried-at", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_waiting_entry_init (ChorusWaitingEntry *self)
{
}

gint64
chorus_waiting_entry_get_challenge_id (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), 0);

  return self->challenge_id;
}

gint64
chorus_waiting_entry_get_post_id (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), 0);

  return self->post_id;
}

/* The post's web page, or NULL. */
const char *
chorus_waiting_entry_get_post_url (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), NULL);

  return self->post_url;
}

/* Who posted it, as "@name@server" or "@name.bsky.social", or NULL. */
const char *
chorus_waiting_entry_get_author_handle (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), NULL);

  return self->author_handle;
}

/* Why it is not an entry, in words for a person. */
const char *
chorus_waiting_entry_get_notice (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), NULL);

  return self->notice;
}

/* TRUE when its image was refused for good; FALSE when it is tried again. */
gboolean
chorus_waiting_entry_get_refused (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), FALSE);

  return self->refused;
}

/* When its image was last tried, in Unix seconds. */
gint64
chorus_waiting_entry_get_tried_at (ChorusWaitingEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_WAITING_ENTRY (self), 0);

  return self->tried_at;
}
