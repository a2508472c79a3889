/* chorus-store-inbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-inbox-query-private.h"
#include "chorus-store-inbox.h"
#include "chorus-store-private.h"

/* The inbox's listing and the sidebar's counts, in a worker thread: the
 * query of chorus-inbox-query.c is stepped, and for a search each
 * conversation is kept where its first (newest) matching post put it. A
 * first page can stop early, so a view shows its first rows long before
 * every match of a common word is known. */

#define CHECK_EVERY 4096

typedef struct
{
  ChorusInboxFilter *filter;        /* NULL for everything */
  guint              max_ids;       /* 0 for all */
  gboolean           unread_only;
} ListData;

static void
list_data_free (ListData *data)
{
  g_clear_pointer (&data->filter, chorus_inbox_filter_free);
  g_free (data);
}

/* A set of conversation ids: a hash table would allocate each key. Open
 * addressing over a power of two, 0 marking a free slot (rowids start at 1;
 * 0 itself is kept apart). */
typedef struct
{
  gint64   *slots;
  gsize     mask;
  gsize     used;
  gboolean  has_zero;
} IdSet;

static void
id_set_init (IdSet *set)
{
  set->mask = 1023;
  set->slots = g_new0 (gint64, set->mask + 1);
  set->used = 0;
  set->has_zero = FALSE;
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->slots, g_free);
}

static gsize
id_set_slot (gint64 id,
             gsize  mask)
{
  guint64 h = (guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (gsize) (h >> 32) & mask;
}

static void
id_set_grow (IdSet *set)
{
  g_autofree gint64 *old = set->slots;
  gsize old_size = set->mask + 1;

  set->mask = old_size * 2 - 1;
  set->slots = g_new0 (gint64, set->mask + 1);
  for (gsize i = 0; i < old_size; i++)
    {
      gsize slot;

      if (old[i] == 0)
        continue;
      for (slot = id_set_slot (old[i], set->mask); set->slots[slot] != 0; slot = (slot + 1) & set->mask)
        ;
      set->slots[slot] = old[i];
    }
}

/* Returns: %TRUE if @id was not in @set yet. */
static gboolean
id_set_add (IdSet  *set,
            gint64  id)
{
  gsize slot;

  if (id == 0)
    {
      gboolean added = !set->has_zero;

      set->has_zero = TRUE;
      return added;
    }

  for (slot = id_set_slot (id, set->mask); set->slots[slot] != 0; slot = (slot + 1) & set->mask)
    {
      if (set->slots[slot] == id)
        return FALSE;
    }

  set->slots[slot] = id;
  if (++set->used * 2 > set->mask)
    id_set_grow (set);
  return TRUE;
}

static GArray *
list_ids (ChorusStoreConnection  *connection,
          const ListData         *data,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ChorusInboxDriver driver;
  IdSet seen;
  guint64 rows = 0;
  int rc;

  if (!(stmt = _chorus_inbox_query_prepare (connection->db, data->filter, data->unread_only,
                                            data->max_ids > 0, &driver, error)))
    return NULL;

  _chorus_store_connection_watch (connection, cancellable);
  id_set_init (&seen);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (++rows % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          id_set_clear (&seen);
          return NULL;
        }

      if (driver != CHORUS_INBOX_DRIVER_CONVERSATIONS && !id_set_add (&seen, id))
        continue;

      g_array_append_val (ids, id);
      if (data->max_ids > 0 && ids->len >= data->max_ids)
        break;
    }
  id_set_clear (&seen);

  if (_chorus_store_connection_was_cancelled (connection, rc, cancellable, error))
    return NULL;

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, connection->db, "inbox");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static void
list_ids_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  GError *error = NULL;
  GArray *ids;

  if (!(ids = list_ids (connection, task_data, cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* A list's first page: its ids, and its conversations read in the same
 * worker, so that showing it costs the main thread no query. */
typedef struct
{
  GArray    *ids;
  GPtrArray *conversations;
} FirstPage;

static void
first_page_free (FirstPage *page)
{
  g_array_unref (page->ids);
  g_ptr_array_unref (page->conversations);
  g_free (page);
}

static void
first_page_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autoptr(GArray) ids = NULL;
  GPtrArray *conversations;
  GError *error = NULL;
  FirstPage *page;

  if (!(ids = list_ids (connection, task_data, cancellable, &error)) ||
      !(conversations = _chorus_store_load_conversations (connection->db, ids, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  page = g_new0 (FirstPage, 1);
  page->ids = g_steal_pointer (&ids);
  page->conversations = conversations;
  g_task_return_pointer (task, page, (GDestroyNotify) first_page_free);
}

static void
count_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  if (!(ids = list_ids (connection, task_data, cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, ids->len);
}

static void
run_in_worker (ChorusStore             *self,
               const ChorusInboxFilter *filter,
               guint                    max_ids,
               gboolean                 unread_only,
               GTaskThreadFunc          worker,
               gpointer                 source_tag,
               GCancellable            *cancellable,
               GAsyncReadyCallback      callback,
               gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ListData *data = g_new0 (ListData, 1);

  data->filter = filter != NULL ? chorus_inbox_filter_copy (filter) : NULL;
  data->max_ids = max_ids;
  data->unread_only = unread_only;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, worker);
}

/**
 * chorus_store_list_conversation_ids_async:
 * @self: a #ChorusStore
 * @filter: (nullable): what to list; %NULL for every conversation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the ids of the conversations @filter lets through, in a worker
 * thread, newest activity first. With a search, a conversation comes
 * where its newest matching post puts it: newest match first.
 */
void
chorus_store_list_conversation_ids_async (ChorusStore             *self,
                                          const ChorusInboxFilter *filter,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_in_worker (self, filter, 0, FALSE, list_ids_worker, chorus_store_list_conversation_ids_async,
                 cancellable, callback, user_data);
}

/**
 * chorus_store_list_conversation_ids_finish:
 *
 * Returns: (transfer full): a #GArray of gint64 conversation ids, or %NULL
 *   with @error set
 */
GArray *
chorus_store_list_conversation_ids_finish (ChorusStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chorus_store_list_first_conversation_ids_async:
 * @self: a #ChorusStore
 * @filter: (nullable): what to list; %NULL for every conversation
 * @max_ids: how many ids to list at most
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the first @max_ids ids that chorus_store_list_conversation_ids_async()
 * would list, stopping there: a first page, quick whatever the number of
 * matches.
 */
void
chorus_store_list_first_conversation_ids_async (ChorusStore             *self,
                                                const ChorusInboxFilter *filter,
                                                guint                    max_ids,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (max_ids > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_in_worker (self, filter, max_ids, FALSE, list_ids_worker,
                 chorus_store_list_first_conversation_ids_async, cancellable, callback, user_data);
}

/**
 * chorus_store_list_first_page_async:
 * @self: a #ChorusStore
 * @filter: (nullable): what to list; %NULL for every conversation
 * @max_ids: how many ids to list at most
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * As chorus_store_list_first_conversation_ids_async(), and reads the
 * conversations of those ids too, in the same worker.
 */
void
chorus_store_list_first_page_async (ChorusStore             *self,
                                    const ChorusInboxFilter *filter,
                                    guint                    max_ids,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (max_ids > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_in_worker (self, filter, max_ids, FALSE, first_page_worker,
                 chorus_store_list_first_page_async, cancellable, callback, user_data);
}

/**
 * chorus_store_list_first_page_finish:
 * @conversations: (out) (transfer full): the #ChorusConversation of each
 *   id still there, in order
 *
 * Returns: (transfer full): a #GArray of at most max_ids gint64
 *   conversation ids, or %NULL with @error set
 */
GArray *
chorus_store_list_first_page_finish (ChorusStore   *self,
                                     GAsyncResult  *result,
                                     GPtrArray    **conversations,
                                     GError       **error)
{
  FirstPage *page;
  GArray *ids;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (conversations != NULL, NULL);

  if (!(page = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  ids = g_steal_pointer (&page->ids);
  *conversations = g_steal_pointer (&page->conversations);
  g_free (page);

  return ids;
}

/**
 * chorus_store_list_first_conversation_ids_finish:
 *
 * Returns: (transfer full): a #GArray of at most max_ids gint64
 *   conversation ids, or %NULL with @error set
 */
GArray *
chorus_store_list_first_conversation_ids_finish (ChorusStore   *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chorus_store_count_conversations_async:
 * @self: a #ChorusStore
 * @filter: (nullable): what to count; %NULL for every conversation
 * @unread_only: count only the unread ones among them, as for a badge
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Counts the conversations @filter lets through, in a worker thread.
 */
void
chorus_store_count_conversations_async (ChorusStore             *self,
                                        const ChorusInboxFilter *filter,
                                        gboolean                 unread_only,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run_in_worker (self, filter, 0, unread_only, count_worker, chorus_store_count_conversations_async,
                 cancellable, callback, user_data);
}

/**
 * chorus_store_count_conversations_finish:
 * @count: (out): where to store the number of conversations
 *
 * Returns: %TRUE with @count set, or %FALSE with @error set
 */
gboolean
chorus_store_count_conversations_finish (ChorusStore   *self,
                                         GAsyncResult  *result,
                                         guint         *count,
                                         GError       **error)
{
  GError *local_error = NULL;
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  n = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *count = (guint) n;
  return TRUE;
}
