/* chorus-sync-engine.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SYNC_ENGINE (chorus_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSyncEngine, chorus_sync_engine, CHORUS, SYNC_ENGINE, GObject)

typedef struct
{
  guint sources_synced;
  guint sources_failed;
  guint posts_new;
  guint posts_updated;
  guint entries_new;          /* challenge entries collected */
  guint votes_changed;        /* challenge votes added or withdrawn */
} ChorusSyncSummary;

ChorusSyncEngine *chorus_sync_engine_new         (ChorusStore        *store,
                                                  ChorusHttp         *http);
gboolean          chorus_sync_engine_get_syncing (ChorusSyncEngine   *self);
gboolean          chorus_sync_engine_can_sync    (const char         *network);
void              chorus_sync_engine_sync_async  (ChorusSyncEngine   *self,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
void              chorus_sync_engine_sync_source_async (ChorusSyncEngine   *self,
                                                        gint64              source_id,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean          chorus_sync_engine_sync_finish (ChorusSyncEngine   *self,
                                                  GAsyncResult       *result,
                                                  ChorusSyncSummary  *summary,
                                                  GError            **error);

G_END_DECLS
