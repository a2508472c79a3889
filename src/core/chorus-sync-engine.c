/* chorus-sync-engine.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-sync.h"
#include "chorus-challenge-collect.h"
#include "chorus-discourse-sync.h"
#include "chorus-feed-sync.h"
#include "chorus-mastodon-sync.h"
#include "chorus-pager.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"

/* Runs every enabled source's connector in turn. One source's failure is
 * recorded as that source's health and never stops the others; the sync as
 * a whole fails only when it is cancelled or the workspace cannot be read.
 *
 * Challenges ride along (chorus-challenge-collect.c): the connector reads
 * the source with the open challenges' hashtags added, and once it is done
 * the collector turns the source's posts into entries and reads their
 * votes. The connector's failure is the source's, else the collector's. */

typedef void     (*SyncAsync)  (ChorusStore         *store,
                                ChorusHttp          *http,
                                ChorusSource        *source,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
typedef gboolean (*SyncFinish) (GAsyncResult        *result,
                                ChorusIngestResult  *ingested,
                                GError             **error);

static const struct
{
  const char *network;
  SyncAsync   sync_async;
  SyncFinish  sync_finish;
} connectors[] = {
  { "bluesky", chorus_bluesky_sync_async, chorus_pager_run_finish },
  { "discourse", chorus_discourse_sync_async, chorus_pager_run_finish },
  { "feed", chorus_feed_sync_async, chorus_feed_sync_finish },
  { "mastodon", chorus_mastodon_sync_async, chorus_pager_run_finish },
};

struct _ChorusSyncEngine
{
  GObject      parent_instance;

  ChorusStore      *store;
  ChorusHttp       *http;
  ChorusMediaCache *cache;     /* for challenge entries' images */
  guint             syncing : 1;
};

G_DEFINE_FINAL_TYPE (ChorusSyncEngine, chorus_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SYNCING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SOURCE_STARTED,
  SOURCE_FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  GPtrArray         *sources;
  gint64             only_source;   /* 0 for all */
  guint              next;
  ChorusSyncSummary  summary;
  ChorusIngestResult ingested;      /* the current source's */
  GError            *failure;       /* the current source's connector's, or NULL */
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->sources, g_ptr_array_unref);
  g_clear_error (&run->failure);
  g_free (run);
}

static void sync_next (GTask *task);

static int
find_connector (const char *network)
{
  for (guint i = 0; i < G_N_ELEMENTS (connectors); i++)
    if (g_strcmp0 (connectors[i].network, network) == 0)
      return (int) i;

  return -1;
}

/**
 * chorus_sync_engine_can_sync:
 * @network: a network key
 *
 * Returns: whether Chorus has a connector for @network
 */
gboolean
chorus_sync_engine_can_sync (const char *network)
{
  return find_connector (network) >= 0;
}

static void
set_syncing (ChorusSyncEngine *self,
             gboolean          syncing)
{
  if (self->syncing == !!syncing)
    return;

  self->syncing = !!syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
stop_cancelled (GTask  *task,
                GError *error)
{
  set_syncing (g_task_get_source_object (task), FALSE);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_collected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusSyncEngine *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  ChorusSource *source = g_ptr_array_index (run->sources, run->next - 1);
  ChorusCollectResult collected = { 0, };
  g_autoptr(GError) error = g_steal_pointer (&run->failure);
  g_autoptr(GError) collect_error = NULL;
  g_autoptr(GError) record_error = NULL;

  if (!chorus_challenge_collect_finish (result, &collected, &collect_error) &&
      g_error_matches (collect_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      stop_cancelled (g_steal_pointer (&task), g_steal_pointer (&collect_error));
      return;
    }

  run->summary.entries_new += collected.entries_added;
  run->summary.votes_changed += collected.votes_added + collected.votes_removed;
  if (error == NULL && collect_error != NULL)
    {
      g_debug ("Source %" G_GINT64_FORMAT ": challenges: %s", chorus_source_get_id (source), collect_error->message);
      error = g_steal_pointer (&collect_error);
    }

  /* A workspace that cannot take even the source's health (a full disk)
   * fails the source: the person hears of it through the signal. */
  if (!chorus_store_record_sync (self->store, chorus_source_get_id (source), error, &record_error))
    {
      g_debug ("Could not record the health of source %" G_GINT64_FORMAT ": %s",
               chorus_source_get_id (source), record_error->message);
      if (error == NULL)
        error = g_steal_pointer (&record_error);
    }

  if (error != NULL)
    run->summary.sources_failed++;
  else
    run->summary.sources_synced++;

  g_signal_emit (self, signals[SOURCE_FINISHED], 0, source, run->ingested.inserted, run->ingested.updated, error);

  sync_next (g_steal_pointer (&task));
}

static void
on_source_synced_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  ChorusSyncEngine *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  ChorusSource *source = g_ptr_array_index (run->sources, run->next - 1);
  int connector = find_connector (chorus_source_get_network (source));
  GError *error = NULL;

  run->ingested = (ChorusIngestResult) { 0, };
  if (!connectors[connector].sync_finish (result, &run->ingested, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          stop_cancelled (task, error);
          return;
        }

      g_debug ("Source %" G_GINT64_FORMAT " failed: %s", chorus_source_get_id (source), error->message);
      run->failure = error;
    }
  else
    {
      run->summary.posts_new += run->ingested.inserted;
      run->summary.posts_updated += run->ingested.updated;
    }

  chorus_challenge_collect_async (self->store, self->http, self->cache, source, g_task_get_cancellable (task),
                                  on_collected_cb, task);
}

static void
sync_next (GTask *task)
{
  ChorusSyncEngine *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  while (run->next < run->sources->len)
    {
      ChorusSource *source = g_ptr_array_index (run->sources, run->next++);
      g_autoptr(ChorusSource) reading = NULL;
      int connector = find_connector (chorus_source_get_network (source));

      if (connector < 0 || chorus_source_get_is_sample (source) || !chorus_source_get_enabled (source) ||
          (run->only_source != 0 && chorus_source_get_id (source) != run->only_source))
        continue;

      g_signal_emit (self, signals[SOURCE_STARTED], 0, source);

      reading = chorus_challenge_collect_dup_reading_source (self->store, source);
      connectors[connector].sync_async (self->store, self->http, reading, g_task_get_cancellable (task),
                                        on_source_synced_cb, task);
      return;
    }

  set_syncing (self, FALSE);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
chorus_sync_engine_dispose (GObject *object)
{
  ChorusSyncEngine *self = (ChorusSyncEngine *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (chorus_sync_engine_parent_class)->dispose (object);
}

static void
chorus_sync_engine_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusSyncEngine *self = CHORUS_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_sync_engine_class_init (ChorusSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_sync_engine_dispose;
  object_class->get_property = chorus_sync_engine_get_property;

  properties [PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChorusSyncEngine::source-started:
   * @self: the engine
   * @source: the source now being read
   */
  signals [SOURCE_STARTED] =
    g_signal_new ("source-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CHORUS_TYPE_SOURCE);

  /**
   * ChorusSyncEngine::source-finished:
   * @self: the engine
   * @source: the source that was read (its health as it was before)
   * @inserted: new posts
   * @updated: posts that changed
   * @error: (nullable): why it failed, or %NULL
   */
  signals [SOURCE_FINISHED] =
    g_signal_new ("source-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, CHORUS_TYPE_SOURCE, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_ERROR);
}

static void
chorus_sync_engine_init (ChorusSyncEngine *self)
{
}

ChorusSyncEngine *
chorus_sync_engine_new (ChorusStore *store,
                        ChorusHttp  *http)
{
  ChorusSyncEngine *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);

  self = g_object_new (CHORUS_TYPE_SYNC_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->http = g_object_ref (http);
  self->cache = chorus_media_cache_new (store, http);

  return self;
}

gboolean
chorus_sync_engine_get_syncing (ChorusSyncEngine *self)
{
  g_return_val_if_fail (CHORUS_IS_SYNC_ENGINE (self), FALSE);

  return self->syncing;
}

static void
start_sync (ChorusSyncEngine    *self,
            gint64               only_source,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Run *run;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, start_sync);

  if (self->syncing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("A sync is already running."));
      return;
    }

  run = g_new0 (Run, 1);
  run->only_source = only_source;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  if (!(run->sources = chorus_store_list_sources (self->store, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_syncing (self, TRUE);
  sync_next (g_steal_pointer (&task));
}

/**
 * chorus_sync_engine_sync_async:
 * @self: a #ChorusSyncEngine
 * @cancellable: (nullable): cancels the sync between or inside requests
 * @callback: called when every source was tried
 * @user_data: data for @callback
 *
 * Syncs every enabled source that Chorus can read. A sync already running
 * makes this one fail with %G_IO_ERROR_PENDING.
 */
void
chorus_sync_engine_sync_async (ChorusSyncEngine    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_SYNC_ENGINE (self));

  start_sync (self, 0, cancellable, callback, user_data);
}

/**
 * chorus_sync_engine_sync_source_async:
 * @self: a #ChorusSyncEngine
 * @source_id: the one source to sync
 * @cancellable: (nullable): cancels the sync between or inside requests
 * @callback: called when the source was tried
 * @user_data: data for @callback
 *
 * Like chorus_sync_engine_sync_async() for one source. Finish with
 * chorus_sync_engine_sync_finish().
 */
void
chorus_sync_engine_sync_source_async (ChorusSyncEngine    *self,
                                      gint64               source_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_SYNC_ENGINE (self));
  g_return_if_fail (source_id > 0);

  start_sync (self, source_id, cancellable, callback, user_data);
}

gboolean
chorus_sync_engine_sync_finish (ChorusSyncEngine   *self,
                                GAsyncResult       *result,
                                ChorusSyncSummary  *summary,
                                GError            **error)
{
  Run *run;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (summary != NULL && run != NULL)
    *summary = run->summary;

  return g_task_propagate_boolean (G_TASK (result), error);
}
