/* chorus-store-saved-replies.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-saved-reply.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* The answers a team keeps for the reply composer, in the order it puts
 * them. Each change is one transaction with its audit entry. The blocking
 * calls are for workers and chorusctl; widgets use the _async() ones,
 * whose changes all finish with chorus_store_change_saved_reply_finish(). */

GPtrArray *chorus_store_list_saved_replies         (ChorusStore          *self,
                                                    GError              **error);
gint64     chorus_store_add_saved_reply            (ChorusStore          *self,
                                                    const char           *name,
                                                    const char           *body,
                                                    GError              **error);
gboolean   chorus_store_edit_saved_reply           (ChorusStore          *self,
                                                    gint64                id,
                                                    const char           *name,
                                                    const char           *body,
                                                    GError              **error);
gboolean   chorus_store_delete_saved_reply         (ChorusStore          *self,
                                                    gint64                id,
                                                    GError              **error);
gboolean   chorus_store_move_saved_reply           (ChorusStore          *self,
                                                    gint64                id,
                                                    guint                 position,
                                                    GError              **error);

void       chorus_store_list_saved_replies_async   (ChorusStore          *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray *chorus_store_list_saved_replies_finish  (ChorusStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void       chorus_store_add_saved_reply_async      (ChorusStore          *self,
                                                    const char           *name,
                                                    const char           *body,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void       chorus_store_edit_saved_reply_async     (ChorusStore          *self,
                                                    gint64                id,
                                                    const char           *name,
                                                    const char           *body,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void       chorus_store_delete_saved_reply_async   (ChorusStore          *self,
                                                    gint64                id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void       chorus_store_move_saved_reply_async     (ChorusStore          *self,
                                                    gint64                id,
                                                    guint                 position,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gint64     chorus_store_change_saved_reply_finish  (ChorusStore          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
