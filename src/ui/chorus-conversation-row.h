/* chorus-conversation-row.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-conversation.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CONVERSATION_ROW (chorus_conversation_row_get_type ())

G_DECLARE_FINAL_TYPE (ChorusConversationRow, chorus_conversation_row, CHORUS, CONVERSATION_ROW, GtkWidget)

ChorusConversation *chorus_conversation_row_get_conversation (ChorusConversationRow *self);
void                chorus_conversation_row_set_conversation (ChorusConversationRow *self,
                                                              ChorusConversation    *conversation);

void                chorus_conversation_row_set_search       (ChorusConversationRow   *self,
                                                              const char              *search_text);
void                chorus_conversation_row_bind             (ChorusConversationRow   *self,
                                                              ChorusConversation      *conversation,
                                                              const char              *search_text);
void                chorus_conversation_row_unbind           (ChorusConversationRow   *self);

G_END_DECLS
