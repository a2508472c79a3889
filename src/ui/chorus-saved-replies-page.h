/* chorus-saved-replies-page.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-saved-reply.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SAVED_REPLIES_PAGE (chorus_saved_replies_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSavedRepliesPage, chorus_saved_replies_page, CHORUS, SAVED_REPLIES_PAGE, AdwPreferencesPage)

ChorusSavedRepliesPage *chorus_saved_replies_page_new        (ChorusStore            *store);
gboolean                chorus_saved_replies_page_is_ready   (ChorusSavedRepliesPage *self);
AdwMessageDialog       *chorus_saved_replies_page_add        (ChorusSavedRepliesPage *self);
AdwMessageDialog       *chorus_saved_replies_page_edit       (ChorusSavedRepliesPage *self,
                                                              ChorusSavedReply       *reply);
guint                   chorus_saved_replies_page_get_n_rows (ChorusSavedRepliesPage *self);
AdwActionRow           *chorus_saved_replies_page_get_row    (ChorusSavedRepliesPage *self,
                                                              guint                   index);

G_END_DECLS
