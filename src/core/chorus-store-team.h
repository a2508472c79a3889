/* chorus-store-team.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-status.h"
#include "chorus-store.h"
#include "chorus-tag.h"
#include "chorus-team-member.h"

G_BEGIN_DECLS

/* What a workspace's team sets up once and triage then uses: the statuses
 * and their order, the team members (and which one is "me") and the tags.
 * Each edit runs as one transaction in a worker and writes an audit entry;
 * finish any of them with chorus_store_edit_finish(). Once one commits,
 * ChorusStore::team-changed is emitted on the caller's main context. */

void       chorus_store_list_statuses_async      (ChorusStore          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray *chorus_store_list_statuses_finish     (ChorusStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void       chorus_store_add_status_async         (ChorusStore          *self,
                                                  const char           *name,
                                                  gboolean              closed,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_rename_status_async      (ChorusStore          *self,
                                                  gint64                status_id,
                                                  const char           *name,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_move_status_async        (ChorusStore          *self,
                                                  gint64                status_id,
                                                  guint                 position,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_delete_status_async      (ChorusStore          *self,
                                                  gint64                status_id,
                                                  gint64                move_to,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_set_status_closed_async  (ChorusStore          *self,
                                                  gint64                status_id,
                                                  gboolean              closed,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
char      *chorus_status_dup_delete_refusal      (ChorusStatus         *status,
                                                  GPtrArray            *statuses);

void       chorus_store_list_team_members_async  (ChorusStore          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray *chorus_store_list_team_members_finish (ChorusStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void       chorus_store_add_team_member_async    (ChorusStore          *self,
                                                  const char           *name,
                                                  const char           *email,
                                                  const char           *role,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_rename_team_member_async (ChorusStore          *self,
                                                  gint64                member_id,
                                                  const char           *name,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_set_me_async             (ChorusStore          *self,
                                                  gint64                member_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_remove_team_member_async (ChorusStore          *self,
                                                  gint64                member_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);

void       chorus_store_list_tags_async          (ChorusStore          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray *chorus_store_list_tags_finish         (ChorusStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void       chorus_store_rename_tag_async         (ChorusStore          *self,
                                                  gint64                tag_id,
                                                  const char           *name,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_recolor_tag_async        (ChorusStore          *self,
                                                  gint64                tag_id,
                                                  const char           *color,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
void       chorus_store_delete_tag_async         (ChorusStore          *self,
                                                  gint64                tag_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);

gint64     chorus_store_edit_finish              (ChorusStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
