/* chorus-conversation-list.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CONVERSATION_LIST (chorus_conversation_list_get_type ())

G_DECLARE_FINAL_TYPE (ChorusConversationList, chorus_conversation_list, CHORUS, CONVERSATION_LIST, GObject)

ChorusConversationList *chorus_conversation_list_new         (ChorusStore             *store);
ChorusStore            *chorus_conversation_list_get_store   (ChorusConversationList  *self);
gboolean                chorus_conversation_list_get_loading (ChorusConversationList  *self);
void                    chorus_conversation_list_reload      (ChorusConversationList  *self);

G_END_DECLS
