/* chorus-conversation-list.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-inbox-filter.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CONVERSATION_LIST (chorus_conversation_list_get_type ())

G_DECLARE_FINAL_TYPE (ChorusConversationList, chorus_conversation_list, CHORUS, CONVERSATION_LIST, GObject)

ChorusConversationList  *chorus_conversation_list_new         (ChorusStore             *store);
ChorusStore             *chorus_conversation_list_get_store   (ChorusConversationList  *self);
gboolean                 chorus_conversation_list_get_loading (ChorusConversationList  *self);
const ChorusInboxFilter *chorus_conversation_list_get_filter  (ChorusConversationList  *self);
void                     chorus_conversation_list_set_filter  (ChorusConversationList  *self,
                                                               const ChorusInboxFilter *filter);
void                     chorus_conversation_list_reload      (ChorusConversationList  *self);
void                     chorus_conversation_list_refresh     (ChorusConversationList  *self,
                                                               GArray                  *ids);
GArray                  *chorus_conversation_list_dup_ids     (ChorusConversationList  *self);

G_END_DECLS
