/* chorus-conversation.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-conversation.h"

/* One conversation (a thread) as the inbox lists it: an immutable snapshot
 * built by the store, with the triage state a row shows. */

struct _ChorusConversation
{
  GObject parent_instance;

  gint64 id;
  char *network;
  char *author_name;
  char *author_handle;
  char *excerpt;
  gint64 last_activity;
  guint post_count;
  char *status;
  gboolean closed;
  gboolean unread;
  char *assignee;
  char *language;
  gint64 status_id;
  gint64 assignee_id;
  GStrv tags;
  int sentiment;
  gboolean sentiment_overridden;
  gboolean has_question;
  guint priority;
  char *avatar_url;
  gint64 author_person_id;
  gint64 source_id;
};

G_DEFINE_FINAL_TYPE (ChorusConversation, chorus_conversation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NETWORK,
  PROP_AUTHOR_NAME,
  PROP_AUTHOR_HANDLE,
  PROP_EXCERPT,
  PROP_LAST_ACTIVITY,
  PROP_POST_COUNT,
  PROP_STATUS,
  PROP_CLOSED,
  PROP_UNREAD,
  PROP_ASSIGNEE,
  PROP_LANGUAGE,
  PROP_STATUS_ID,
  PROP_ASSIGNEE_ID,
  PROP_TAGS,
  PROP_SENTIMENT,
  PROP_SENTIMENT_OVERRIDDEN,
  PROP_HAS_QUESTION,
  PROP_PRIORITY,
  PROP_AVATAR_URL,
  PROP_AUTHOR_PERSON_ID,
  PROP_SOURCE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_conversation_finalize (GObject *object)
{
  ChorusConversation *self = (ChorusConversation *)object;

  g_free (self->network);
  g_free (self->author_name);
  g_free (self->author_handle);
  g_free (self->excerpt);
  g_free (self->status);
  g_free (self->assignee);
  g_free (self->language);
  g_strfreev (self->tags);
  g_free (self->avatar_url);

  G_OBJECT_CLASS (chorus_conversation_parent_class)->finalize (object);
}

static void
chorus_conversation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChorusConversation *self = CHORUS_CONVERSATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NETWORK:
      g_value_set_string (value, self->network);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_AUTHOR_HANDLE:
      g_value_set_string (value, self->author_handle);
      break;

    case PROP_EXCERPT:
      g_value_set_string (value, self->excerpt);
      break;

    case PROP_LAST_ACTIVITY:
      g_value_set_int64 (value, self->last_activity);
      break;

    case PROP_POST_COUNT:
      g_value_set_uint (value, self->post_count);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_CLOSED:
      g_value_set_boolean (value, self->closed);
      break;

    case PROP_UNREAD:
      g_value_set_boolean (value, self->unread);
      break;

    case PROP_ASSIGNEE:
      g_value_set_string (value, self->assignee);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_STATUS_ID:
      g_value_set_int64 (value, self->status_id);
      break;

    case PROP_ASSIGNEE_ID:
      g_value_set_int64 (value, self->assignee_id);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_SENTIMENT:
      g_value_set_int (value, self->sentiment);
      break;

    case PROP_SENTIMENT_OVERRIDDEN:
      g_value_set_boolean (value, self->sentiment_overridden);
      break;

    case PROP_HAS_QUESTION:
      g_value_set_boolean (value, self->has_question);
      break;

    case PROP_PRIORITY:
      g_value_set_uint (value, self->priority);
      break;

    case PROP_AVATAR_URL:
      g_value_set_string (value, self->avatar_url);
      break;

    case PROP_AUTHOR_PERSON_ID:
      g_value_set_int64 (value, self->author_person_id);
      break;

    case PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_conversation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChorusConversation *self = CHORUS_CONVERSATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NETWORK:
      self->network = g_value_dup_string (value);
      break;

    case PROP_AUTHOR_NAME:
      self->author_name = g_value_dup_string (value);
      break;

    case PROP_AUTHOR_HANDLE:
      self->author_handle = g_value_dup_string (value);
      break;

    case PROP_EXCERPT:
      self->excerpt = g_value_dup_string (value);
      break;

    case PROP_LAST_ACTIVITY:
      self->last_activity = g_value_get_int64 (value);
      break;

    case PROP_POST_COUNT:
      self->post_count = g_value_get_uint (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_CLOSED:
      self->closed = g_value_get_boolean (value);
      break;

    case PROP_UNREAD:
      self->unread = g_value_get_boolean (value);
      break;

    case PROP_ASSIGNEE:
      self->assignee = g_value_dup_string (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_STATUS_ID:
      self->status_id = g_value_get_int64 (value);
      break;

    case PROP_ASSIGNEE_ID:
      self->assignee_id = g_value_get_int64 (value);
      break;

    case PROP_TAGS:
      self->tags = g_value_dup_boxed (value);
      break;

    case PROP_SENTIMENT:
      self->sentiment = g_value_get_int (value);
      break;

    case PROP_SENTIMENT_OVERRIDDEN:
      self->sentiment_overridden = g_value_get_boolean (value);
      break;

    case PROP_HAS_QUESTION:
      self->has_question = g_value_get_boolean (value);
      break;

    case PROP_PRIORITY:
      self->priority = g_value_get_uint (value);
      break;

    case PROP_AVATAR_URL:
      self->avatar_url = g_value_dup_string (value);
      break;

    case PROP_AUTHOR_PERSON_ID:
      self->author_person_id = g_value_get_int64 (value);
      break;

    case PROP_SOURCE_ID:
      self->source_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_conversation_class_init (ChorusConversationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_conversation_finalize;
  object_class->get_property = chorus_conversation_get_property;
  object_class->set_property = chorus_conversation_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NETWORK] =
    g_param_spec_string ("network", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_HANDLE] =
    g_param_spec_string ("author-handle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXCERPT] =
    g_param_spec_string ("excerpt", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_ACTIVITY] =
    g_param_spec_int64 ("last-activity", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_POST_COUNT] =
    g_param_spec_uint ("post-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ASSIGNEE] =
    g_param_spec_string ("assignee", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS_ID] =
    g_param_spec_int64 ("status-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ASSIGNEE_ID] =
    g_param_spec_int64 ("assignee-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SENTIMENT] =
    g_param_spec_int ("sentiment", NULL, NULL,
                      CHORUS_SENTIMENT_NEGATIVE, CHORUS_SENTIMENT_NONE, CHORUS_SENTIMENT_NONE,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SENTIMENT_OVERRIDDEN] =
    g_param_spec_boolean ("sentiment-overridden", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_QUESTION] =
    g_param_spec_boolean ("has-question", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRIORITY] =
    g_param_spec_uint ("priority", NULL, NULL,
                       CHORUS_PRIORITY_NONE, CHORUS_PRIORITY_HIGH, CHORUS_PRIORITY_NONE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AVATAR_URL] =
    g_param_spec_string ("avatar-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_PERSON_ID] =
    g_param_spec_int64 ("author-person-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_conversation_init (ChorusConversation *self)
{
  self->sentiment = CHORUS_SENTIMENT_NONE;
}

gint64
chorus_conversation_get_id (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->id;
}

/* The network key: "mastodon", "bluesky", "discourse" or "feed". */
const char *
chorus_conversation_get_network (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->network;
}

const char *
chorus_conversation_get_author_name (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->author_name;
}

const char *
chorus_conversation_get_author_handle (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->author_handle;
}

/* Plain text of the first post, at most a few hundred characters. */
const char *
chorus_conversation_get_excerpt (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->excerpt;
}

/* Unix time of the newest post in the conversation. */
gint64
chorus_conversation_get_last_activity (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->last_activity;
}

guint
chorus_conversation_get_post_count (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->post_count;
}

/* The status's name as a person reads it, translated for built-in ones. */
const char *
chorus_conversation_get_status (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->status;
}

/* Whether the status counts as finished (Done). */
gboolean
chorus_conversation_get_closed (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), FALSE);

  return self->closed;
}

gboolean
chorus_conversation_get_unread (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), FALSE);

  return self->unread;
}

/* The assigned team member's name, or %NULL when nobody is. */
const char *
chorus_conversation_get_assignee (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->assignee;
}

const char *
chorus_conversation_get_language (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->language;
}

/* The id of the conversation's status (see ChorusStatus). */
gint64
chorus_conversation_get_status_id (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->status_id;
}

/* The assigned team member's id, or 0 when nobody is. */
gint64
chorus_conversation_get_assignee_id (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->assignee_id;
}

/**
 * chorus_conversation_get_tags:
 * @self: a #ChorusConversation
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   conversation's tags in alphabetical order; an empty array when it has
 *   none (%NULL only for a placeholder the store did not build)
 */
const char * const *
chorus_conversation_get_tags (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return (const char * const *) self->tags;
}

/* The sentiment a row shows: the one someone on the team set if there is
 * one, else the automatic one; %CHORUS_SENTIMENT_NONE when neither exists. */
ChorusSentiment
chorus_conversation_get_sentiment (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), CHORUS_SENTIMENT_NONE);

  return self->sentiment;
}

/* Whether chorus_conversation_get_sentiment() is what someone on the team set. */
gboolean
chorus_conversation_get_sentiment_overridden (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), FALSE);

  return self->sentiment_overridden;
}

/* Whether the opening post asks something. */
gboolean
chorus_conversation_get_has_question (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), FALSE);

  return self->has_question;
}

ChorusPriority
chorus_conversation_get_priority (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), CHORUS_PRIORITY_NONE);

  return self->priority;
}

/* The opening post's author's avatar, as the network gave it, or %NULL. */
const char *
chorus_conversation_get_avatar_url (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), NULL);

  return self->avatar_url;
}

/* The person behind the opening post's author identity, or 0. */
gint64
chorus_conversation_get_author_person_id (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->author_person_id;
}

/* The source the conversation was read from, or 0 once that was removed. */
gint64
chorus_conversation_get_source_id (ChorusConversation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION (self), 0);

  return self->source_id;
}
