/* chorus-store-inbox.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-inbox-filter.h"
#include "chorus-saved-view.h"
#include "chorus-store.h"

G_BEGIN_DECLS

void       chorus_store_list_conversation_ids_async        (ChorusStore              *self,
                                                            const ChorusInboxFilter  *filter,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
GArray    *chorus_store_list_conversation_ids_finish       (ChorusStore              *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void       chorus_store_list_first_conversation_ids_async  (ChorusStore              *self,
                                                            const ChorusInboxFilter  *filter,
                                                            guint                     max_ids,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
GArray    *chorus_store_list_first_conversation_ids_finish (ChorusStore              *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void       chorus_store_list_first_page_async              (ChorusStore              *self,
                                                            const ChorusInboxFilter  *filter,
                                                            guint                     max_ids,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
GArray    *chorus_store_list_first_page_finish             (ChorusStore              *self,
                                                            GAsyncResult             *result,
                                                            GPtrArray               **conversations,
                                                            GError                  **error);
void       chorus_store_count_conversations_async          (ChorusStore              *self,
                                                            const ChorusInboxFilter  *filter,
                                                            gboolean                  unread_only,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean   chorus_store_count_conversations_finish         (ChorusStore              *self,
                                                            GAsyncResult             *result,
                                                            guint                    *count,
                                                            GError                  **error);

GPtrArray *chorus_store_list_saved_views                   (ChorusStore              *self,
                                                            GError                  **error);
gint64     chorus_store_add_saved_view                     (ChorusStore              *self,
                                                            const char               *name,
                                                            const ChorusInboxFilter  *filter,
                                                            GError                  **error);
gboolean   chorus_store_rename_saved_view                  (ChorusStore              *self,
                                                            gint64                    id,
                                                            const char               *name,
                                                            GError                  **error);
gboolean   chorus_store_delete_saved_view                  (ChorusStore              *self,
                                                            gint64                    id,
                                                            GError                  **error);
gboolean   chorus_store_reorder_saved_views                (ChorusStore              *self,
                                                            const gint64             *ids,
                                                            gsize                     n_ids,
                                                            GError                  **error);

G_END_DECLS
