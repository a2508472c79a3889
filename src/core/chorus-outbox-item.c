/* chorus-outbox-item.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-outbox-item.h"

/* One thing the outbox sends (a reply, a like, a repost) as a thread shows
 * it: what it is, what it answers, and where it stands, with the reason
 * when it failed. A snapshot: the store makes a new one after each change
 * (see chorus-outbox.h). */

struct _ChorusOutboxItem
{
  GObject           parent_instance;

  gint64            id;
  gint64            source_id;
  char             *network;
  ChorusOutboxKind  kind;
  gint64            target_post_id;
  char             *target_uri;
  gint64            conversation_id;
  char             *body;
  ChorusOutboxState state;
  guint             attempts;
  char             *last_error;
  char             *remote_uri;
  gint64            created_at;
  gint64            sent_at;
};

G_DEFINE_FINAL_TYPE (ChorusOutboxItem, chorus_outbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE_ID,
  PROP_NETWORK,
  PROP_KIND,
  PROP_TARGET_POST_ID,
  PROP_TARGET_URI,
  PROP_CONVERSATION_ID,
  PROP_BODY,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_LAST_ERROR,
  PROP_REMOTE_URI,
  PROP_CREATED_AT,
  PROP_SENT_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const kind_names[] = {
  [CHORUS_OUTBOX_KIND_REPLY] = "reply",
  [CHORUS_OUTBOX_KIND_LIKE] = "like",
  [CHORUS_OUTBOX_KIND_REPOST] = "repost",
  [CHORUS_OUTBOX_KIND_POLL] = "poll",
  [CHORUS_OUTBOX_KIND_POST] = "post",
  [CHORUS_OUTBOX_KIND_OTHER] = "announcement",
};

static const char * const state_names[] = {
  [CHORUS_OUTBOX_STATE_QUEUED] = "queued",
  [CHORUS_OUTBOX_STATE_SENDING] = "sending",
  [CHORUS_OUTBOX_STATE_SENT] = "sent",
  [CHORUS_OUTBOX_STATE_FAILED] = "failed",
  [CHORUS_OUTBOX_STATE_CANCELLED] = "cancelled",
};

/**
 * chorus_outbox_kind_from_string:
 * @kind: (nullable): a kind as the workspace stores it ("reply", "like"…)
 *
 * Returns: the kind; %CHORUS_OUTBOX_KIND_OTHER for announcements and
 *   anything unknown
 */
ChorusOutboxKind
chorus_outbox_kind_from_string (const char *kind)
{
  for (guint i = 0; i < CHORUS_OUTBOX_KIND_OTHER; i++)
    if (g_strcmp0 (kind, kind_names[i]) == 0)
      return i;

  return CHORUS_OUTBOX_KIND_OTHER;
}

const char *
chorus_outbox_kind_to_string (ChorusOutboxKind kind)
{
  g_return_val_if_fail (kind <= CHORUS_OUTBOX_KIND_OTHER, NULL);

  return kind_names[kind];
}

/**
 * chorus_outbox_state_from_string:
 * @state: (nullable): a state as the workspace stores it ("queued"…)
 *
 * Returns: the state; an unknown one reads as %CHORUS_OUTBOX_STATE_FAILED,
 *   so that nothing takes it for sent
 */
ChorusOutboxState
chorus_outbox_state_from_string (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (state, state_names[i]) == 0)
      return i;

  return CHORUS_OUTBOX_STATE_FAILED;
}

const char *
chorus_outbox_state_to_string (ChorusOutboxState state)
{
  g_return_val_if_fail (state <= CHORUS_OUTBOX_STATE_CANCELLED, NULL);

  return state_names[state];
}

static void
chorus_outbox_item_finalize (GObject *object)
{
  ChorusOutboxItem *self = (ChorusOutboxItem *)object;

  g_free (self->network);
  g_free (self->target_uri);
  g_free (self->body);
  g_free (self->last_error);
  g_free (self->remote_uri);

  G_OBJECT_CLASS (chorus_outbox_item_parent_class)->finalize (object);
}

static void
chorus_outbox_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusOutboxItem *self = CHORUS_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    case PROP_NETWORK:
      g_value_set_string (value, self->network);
      break;

    case PROP_KIND:
      g_value_set_string (value, chorus_outbox_kind_to_string (self->kind));
      break;

    case PROP_TARGET_POST_ID:
      g_value_set_int64 (value, self->target_post_id);
      break;

    case PROP_TARGET_URI:
      g_value_set_string (value, self->target_uri);
      break;

    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_STATE:
      g_value_set_string (value, chorus_outbox_state_to_string (self->state));
      break;

    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_REMOTE_URI:
      g_value_set_string (value, self->remote_uri);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_SENT_AT:
      g_value_set_int64 (value, self->sent_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_outbox_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusOutboxItem *self = CHORUS_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_SOURCE_ID:
      self->source_id = g_value_get_int64 (value);
      break;

    case PROP_NETWORK:
      self->network = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = chorus_outbox_kind_from_string (g_value_get_string (value));
      break;

    case PROP_TARGET_POST_ID:
      self->target_post_id = g_value_get_int64 (value);
      break;

    case PROP_TARGET_URI:
      self->target_uri = g_value_dup_string (value);
      break;

    case PROP_CONVERSATION_ID:
      self->conversation_id = g_value_get_int64 (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_STATE:
      self->state = chorus_outbox_state_from_string (g_value_get_string (value));
      break;

    case PROP_ATTEMPTS:
      self->attempts = g_value_get_uint (value);
      break;

    case PROP_LAST_ERROR:
      self->last_error = g_value_dup_string (value);
      break;

    case PROP_REMOTE_URI:
      self->remote_uri = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    case PROP_SENT_AT:
      self->sent_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_outbox_item_class_init (ChorusOutboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_outbox_item_finalize;
  object_class->get_property = chorus_outbox_item_get_property;
  object_class->set_property = chorus_outbox_item_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NETWORK] =
    g_param_spec_string ("network", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TARGET_POST_ID] =
    g_param_spec_int64 ("target-post-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TARGET_URI] =
    g_param_spec_string ("target-uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_URI] =
    g_param_spec_string ("remote-uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SENT_AT] =
    g_param_spec_int64 ("sent-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_outbox_item_init (ChorusOutboxItem *self)
{
}

gint64
chorus_outbox_item_get_id (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->id;
}

gint64
chorus_outbox_item_get_source_id (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->source_id;
}

/* "mastodon", "bluesky" or "discourse": the network of its source. */
const char *
chorus_outbox_item_get_network (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), NULL);

  return self->network;
}

ChorusOutboxKind
chorus_outbox_item_get_kind (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), CHORUS_OUTBOX_KIND_OTHER);

  return self->kind;
}

/* The post it answers, likes or reposts, or 0 when that post left the
 * workspace. */
gint64
chorus_outbox_item_get_target_post_id (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->target_post_id;
}

const char *
chorus_outbox_item_get_target_uri (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), NULL);

  return self->target_uri;
}

/* The conversation of its target, where the thread shows it; 0 when
 * unknown. */
gint64
chorus_outbox_item_get_conversation_id (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->conversation_id;
}

/* What a reply says; NULL for likes and reposts. */
const char *
chorus_outbox_item_get_body (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), NULL);

  return self->body;
}

ChorusOutboxState
chorus_outbox_item_get_state (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), CHORUS_OUTBOX_STATE_FAILED);

  return self->state;
}

/* How many times sending it began. */
guint
chorus_outbox_item_get_attempts (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->attempts;
}

/* Why the last attempt did not send it, in words a person can act on,
 * or NULL. */
const char *
chorus_outbox_item_get_last_error (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), NULL);

  return self->last_error;
}

/* What the network made of it once sent (the reply's or repost's URI),
 * or NULL. */
const char *
chorus_outbox_item_get_remote_uri (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), NULL);

  return self->remote_uri;
}

gint64
chorus_outbox_item_get_created_at (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->created_at;
}

gint64
chorus_outbox_item_get_sent_at (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), 0);

  return self->sent_at;
}

/* A failed item can go back to the queue. */
gboolean
chorus_outbox_item_can_retry (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), FALSE);

  return self->state == CHORUS_OUTBOX_STATE_FAILED;
}

/* A reply can be reworded until it is on its way. */
gboolean
chorus_outbox_item_can_edit (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), FALSE);

  return self->kind == CHORUS_OUTBOX_KIND_REPLY &&
         (self->state == CHORUS_OUTBOX_STATE_QUEUED || self->state == CHORUS_OUTBOX_STATE_FAILED);
}

/* Anything not on its way or sent can be called off. */
gboolean
chorus_outbox_item_can_cancel (ChorusOutboxItem *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_ITEM (self), FALSE);

  return self->state == CHORUS_OUTBOX_STATE_QUEUED || self->state == CHORUS_OUTBOX_STATE_FAILED;
}
