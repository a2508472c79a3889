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

G_DECLARE_FINAL_TYPE (ChorusConversation, chorus_conversation, CHORUS, CONVERSATION, GObject)

gint64      chorus_conversation_get_id            (ChorusConversation *self);
const char *chorus_conversation_get_network       (ChorusConversation *self);
const char *chorus_conversation_get_author_name   (ChorusConversation *self);
const char *chorus_conversation_get_author_handle (ChorusConversation *self);
const char *chorus_conversation_get_excerpt       (ChorusConversation *self);
gint64      chorus_conversation_get_last_activity (ChorusConversation *self);
guint       chorus_conversation_get_post_count    (ChorusConversation *self);
const char *chorus_conversation_get_status        (ChorusConversation *self);
gboolean    chorus_conversation_get_closed        (ChorusConversation *self);
gboolean    chorus_conversation_get_unread        (ChorusConversation *self);
const char *chorus_conversation_get_assignee      (ChorusConversation *self);
const char *chorus_conversation_get_language      (ChorusConversation *self);

G_END_DECLS
