/* chorus-inbox-sidebar.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-inbox-filter.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_INBOX_SIDEBAR (chorus_inbox_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ChorusInboxSidebar, chorus_inbox_sidebar, CHORUS, INBOX_SIDEBAR, GtkWidget)

GtkWidget               *chorus_inbox_sidebar_new            (void);
void                     chorus_inbox_sidebar_set_store      (ChorusInboxSidebar *self,
                                                              ChorusStore        *store);
const ChorusInboxFilter *chorus_inbox_sidebar_get_filter     (ChorusInboxSidebar *self);
const char              *chorus_inbox_sidebar_get_title      (ChorusInboxSidebar *self);
gint64                   chorus_inbox_sidebar_get_saved_view (ChorusInboxSidebar *self);
void                     chorus_inbox_sidebar_select_saved_view (ChorusInboxSidebar *self,
                                                                 gint64              id);
void                     chorus_inbox_sidebar_refresh        (ChorusInboxSidebar *self);

G_END_DECLS
