/* chorus-saved-replies-button.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-saved-reply.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SAVED_REPLIES_BUTTON (chorus_saved_replies_button_get_type ())

/* Signal: "chosen" (ChorusSavedReply *reply), when a saved reply was
 * picked from the menu. */

G_DECLARE_FINAL_TYPE (ChorusSavedRepliesButton, chorus_saved_replies_button, CHORUS, SAVED_REPLIES_BUTTON, GtkWidget)

GtkWidget  *chorus_saved_replies_button_new          (void);
void        chorus_saved_replies_button_set_store    (ChorusSavedRepliesButton *self,
                                                      ChorusStore              *store);
void        chorus_saved_replies_button_reload       (ChorusSavedRepliesButton *self);
gboolean    chorus_saved_replies_button_get_loading  (ChorusSavedRepliesButton *self);
GListModel *chorus_saved_replies_button_get_replies  (ChorusSavedRepliesButton *self);
GtkPopover *chorus_saved_replies_button_get_popover  (ChorusSavedRepliesButton *self);

G_END_DECLS
