/* chorus-thread-view.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-media-cache.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_THREAD_VIEW (chorus_thread_view_get_type ())

G_DECLARE_FINAL_TYPE (ChorusThreadView, chorus_thread_view, CHORUS, THREAD_VIEW, GtkWidget)

GtkWidget        *chorus_thread_view_new                 (ChorusMediaCache *media_cache);
ChorusMediaCache *chorus_thread_view_get_media_cache     (ChorusThreadView *self);
void              chorus_thread_view_set_media_cache     (ChorusThreadView *self,
                                                          ChorusMediaCache *media_cache);
void              chorus_thread_view_show                (ChorusThreadView *self,
                                                          ChorusStore      *store,
                                                          gint64            conversation_id);
ChorusStore      *chorus_thread_view_get_store           (ChorusThreadView *self);
gint64            chorus_thread_view_get_conversation_id (ChorusThreadView *self);
gboolean          chorus_thread_view_get_loading         (ChorusThreadView *self);
GListModel       *chorus_thread_view_get_posts           (ChorusThreadView *self);
char             *chorus_thread_view_dup_original_uri    (ChorusThreadView *self);
gboolean          chorus_thread_view_open_uri            (ChorusThreadView *self,
                                                          const char       *uri);
void              chorus_thread_view_set_can_act         (ChorusThreadView *self,
                                                          gboolean          can_act);
void              chorus_thread_view_set_outbox_items    (ChorusThreadView *self,
                                                          GPtrArray        *items);

G_END_DECLS
