/* chorus-store-triage.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-audit-entry.h"
#include "chorus-conversation.h"
#include "chorus-note.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* Triage changes to conversations. Each takes a GArray of gint64
 * conversation ids (one for a single change, the selection for a bulk
 * one), runs as one transaction in a worker, writes one audit entry and
 * gives back its id through chorus_store_triage_finish(): the id to pass
 * to chorus_store_undo_async(). */

void       chorus_store_set_status_async    (ChorusStore          *self,
                                             GArray               *ids,
                                             gint64                status_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_set_assignee_async  (ChorusStore          *self,
                                             GArray               *ids,
                                             gint64                member_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_add_tag_async       (ChorusStore          *self,
                                             GArray               *ids,
                                             const char           *tag_name,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_remove_tag_async    (ChorusStore          *self,
                                             GArray               *ids,
                                             const char           *tag_name,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_set_priority_async  (ChorusStore          *self,
                                             GArray               *ids,
                                             ChorusPriority        priority,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_set_read_async      (ChorusStore          *self,
                                             GArray               *ids,
                                             gboolean              read,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_set_sentiment_async (ChorusStore          *self,
                                             GArray               *ids,
                                             ChorusSentiment       sentiment,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_add_note_async      (ChorusStore          *self,
                                             GArray               *ids,
                                             const char           *body,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void       chorus_store_delete_note_async   (ChorusStore          *self,
                                             gint64                note_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64     chorus_store_triage_finish       (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

gboolean   chorus_store_undo                (ChorusStore          *self,
                                             gint64                audit_id,
                                             GError              **error);
void       chorus_store_undo_async          (ChorusStore          *self,
                                             gint64                audit_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean   chorus_store_undo_finish         (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GArray              **skipped,
                                             GError              **error);

void       chorus_store_list_notes_async    (ChorusStore          *self,
                                             gint64                conversation_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *chorus_store_list_notes_finish   (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void       chorus_store_list_audit_async    (ChorusStore          *self,
                                             gint64                conversation_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *chorus_store_list_audit_finish   (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
