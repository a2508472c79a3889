/* chorus-add-feed-dialog.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_ADD_FEED_DIALOG (chorus_add_feed_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAddFeedDialog, chorus_add_feed_dialog, CHORUS, ADD_FEED_DIALOG, AdwWindow)

ChorusAddFeedDialog *chorus_add_feed_dialog_new     (GtkWindow           *parent);
void                 chorus_add_feed_dialog_set_url (ChorusAddFeedDialog *self,
                                                     const char          *url);

G_END_DECLS
