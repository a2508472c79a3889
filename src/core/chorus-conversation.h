/* chorus-conversation.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_CONVERSATION (chorus_conversation_get_type ())

/* How a conversation feels, stored as is in conversations.sentiment and
 * sentiment_override. */
typedef enum
{
  CHORUS_SENTIMENT_NEGATIVE = -1,
  CHORUS_SENTIMENT_NEUTRAL  = 0,
  CHORUS_SENTIMENT_POSITIVE = 1,
  /* Not known; as an override, "back to the automatic sentiment". */
  CHORUS_SENTIMENT_NONE     = 2,
} ChorusSentiment;

/* How urgent the team finds a conversation, stored as is in
 * conversations.priority: 0 until someone sets it. */
typedef enum
{
  CHORUS_PRIORITY_NONE   = 0,
  CHORUS_PRIORITY_LOW    = 1,
  CHORUS_PRIORITY_NORMAL = 2,
  CHORUS_PRIORITY_HIGH   = 3,
} ChorusPriority;

G_DECLARE_FINAL_TYPE (ChorusConversation, chorus_conversation, CHORUS, CONVERSATION, GObject)

gint64              chorus_conversation_get_id                   (ChorusConversation *self);
const char         *chorus_conversation_get_network              (ChorusConversation *self);
const char         *chorus_conversation_get_author_name          (ChorusConversation *self);
const char         *chorus_conversation_get_author_handle        (ChorusConversation *self);
const char         *chorus_conversation_get_excerpt              (ChorusConversation *self);
gint64              chorus_conversation_get_last_activity        (ChorusConversation *self);
guint               chorus_conversation_get_post_count           (ChorusConversation *self);
const char         *chorus_conversation_get_status               (ChorusConversation *self);
gboolean            chorus_conversation_get_closed               (ChorusConversation *self);
gboolean            chorus_conversation_get_unread               (ChorusConversation *self);
const char         *chorus_conversation_get_assignee             (ChorusConversation *self);
const char         *chorus_conversation_get_language             (ChorusConversation *self);
gint64              chorus_conversation_get_status_id            (ChorusConversation *self);
gint64              chorus_conversation_get_assignee_id          (ChorusConversation *self);
const char * const *chorus_conversation_get_tags                 (ChorusConversation *self);
ChorusSentiment     chorus_conversation_get_sentiment            (ChorusConversation *self);
gboolean            chorus_conversation_get_sentiment_overridden (ChorusConversation *self);
gboolean            chorus_conversation_get_has_question         (ChorusConversation *self);
ChorusPriority      chorus_conversation_get_priority             (ChorusConversation *self);
const char         *chorus_conversation_get_avatar_url           (ChorusConversation *self);
gint64              chorus_conversation_get_author_person_id     (ChorusConversation *self);
gint64              chorus_conversation_get_source_id            (ChorusConversation *self);

G_END_DECLS
