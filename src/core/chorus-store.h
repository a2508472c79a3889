/* chorus-store.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-conversation.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_STORE (chorus_store_get_type ())

G_DECLARE_FINAL_TYPE (ChorusStore, chorus_store, CHORUS, STORE, GObject)

typedef enum
{
  CHORUS_STORE_OPEN_EXISTING = 0,
  CHORUS_STORE_OPEN_CREATE   = 1 << 0,
} ChorusStoreOpenFlags;

ChorusStore        *chorus_store_open                          (const char            *path,
                                                                ChorusStoreOpenFlags   flags,
                                                                GError               **error);
void                chorus_store_open_async                    (const char            *path,
                                                                ChorusStoreOpenFlags   flags,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
ChorusStore        *chorus_store_open_finish                   (GAsyncResult          *result,
                                                                GError               **error);
guint               chorus_store_latest_version                (void);

const char         *chorus_store_get_path                      (ChorusStore           *self);
char               *chorus_store_dup_name                      (ChorusStore           *self);
gboolean            chorus_store_set_name                      (ChorusStore           *self,
                                                                const char            *name,
                                                                GError               **error);
char               *chorus_store_dup_media_dir                 (ChorusStore           *self);
char               *chorus_store_dup_media_path                (ChorusStore           *self,
                                                                const char            *sha256,
                                                                const char            *extension);
guint               chorus_store_get_version                   (ChorusStore           *self);
gint64              chorus_store_get_counter                   (ChorusStore           *self,
                                                                const char            *name);
guint               chorus_store_count_syncable_sources        (ChorusStore           *self);
gboolean            chorus_store_is_sample                     (ChorusStore           *self);

ChorusConversation *chorus_store_load_conversation             (ChorusStore           *self,
                                                                gint64                 id,
                                                                GError               **error);

void                chorus_store_list_campaigns_async          (ChorusStore           *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
GPtrArray          *chorus_store_list_campaigns_finish         (ChorusStore           *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

GPtrArray          *chorus_store_list_challenges               (ChorusStore           *self,
                                                                GError               **error);
void                chorus_store_list_challenges_async         (ChorusStore           *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
GPtrArray          *chorus_store_list_challenges_finish        (ChorusStore           *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
void                chorus_store_list_submissions_async        (ChorusStore           *self,
                                                                gint64                 challenge_id,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
GPtrArray          *chorus_store_list_submissions_finish       (ChorusStore           *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

G_END_DECLS
