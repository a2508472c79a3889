/* chorus-conversations-pane.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CONVERSATIONS_PANE (chorus_conversations_pane_get_type ())

G_DECLARE_FINAL_TYPE (ChorusConversationsPane, chorus_conversations_pane, CHORUS, CONVERSATIONS_PANE, GtkWidget)

void        chorus_conversations_pane_set_store      (ChorusConversationsPane *self,
                                                      ChorusStore             *store);
GListModel *chorus_conversations_pane_get_model      (ChorusConversationsPane *self);
void        chorus_conversations_pane_reload         (ChorusConversationsPane *self);
const char *chorus_conversations_pane_get_page       (ChorusConversationsPane *self);
AdwToast   *chorus_conversations_pane_get_last_toast (ChorusConversationsPane *self);

G_END_DECLS
