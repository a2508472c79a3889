/* chorus-media-cache.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-image-format.h"
#include "chorus-media-cache.h"
#include "chorus-media-import.h"

/* Avatars and media previews, downloaded once into the workspace's media
 * folder so that a thread shows them without asking the network again.
 *
 * Each image is stored content-addressed, as
 * chorus_store_dup_media_path (store, SHA-256 of the bytes, extension).
 * Which address gave which file is remembered in memory and on disk: beside
 * the images, a marker file named by the SHA-256 of the address, with the
 * extension "url" (chorus_store_dup_media_path (store, SHA-256 of the URL,
 * "url")), holds the image's file name ("<sha256>.<ext>"). Markers are
 * plain files (no symbolic links) so that a workspace copied to any file
 * system keeps them; one that is damaged or names a missing file counts as
 * absent, and the image is fetched again.
 *
 * Only JPEG, PNG, GIF and WebP are kept, recognised by their first bytes
 * whatever the server calls them; nothing here decodes an image. Requests
 * for an address already on its way share the one download, which is
 * cancelled only when every caller has cancelled. */

#define MEMORY_LIMIT 4096

struct _ChorusMediaCache
{
  GObject      parent_instance;

  ChorusStore *store;
  ChorusHttp  *http;
  GHashTable  *known;           /* URL → local path */
  GHashTable  *pending;         /* URL → Fetch */
};

G_DEFINE_FINAL_TYPE (ChorusMediaCache, chorus_media_cache, G_TYPE_OBJECT)

/* One download, shared by every caller who asked for its URL meanwhile. */
typedef struct
{
  ChorusMediaCache *cache;
  char             *url;
  char             *marker_path;
  gsize             max_bytes;
  GCancellable     *cancellable;
  GPtrArray        *waiters;    /* GTask, the callers' */
} Fetch;

/* What a caller's task keeps, to leave the fetch when it is cancelled. */
typedef struct
{
  Fetch        *fetch;          /* NULL once answered */
  GCancellable *cancellable;
  gulong        cancelled_id;
  GMainContext *context;
} Waiter;

typedef struct
{
  GBytes     *bytes;
  const char *extension;
  char       *marker_path;
} SaveData;

static void
fetch_clear (Fetch *fetch)
{
  g_clear_object (&fetch->cache);
  g_free (fetch->url);
  g_free (fetch->marker_path);
  g_clear_object (&fetch->cancellable);
  g_ptr_array_unref (fetch->waiters);
}

static Fetch *
fetch_ref (Fetch *fetch)
{
  return g_rc_box_acquire (fetch);
}

static void
fetch_release (Fetch *fetch)
{
  g_rc_box_release_full (fetch, (GDestroyNotify) fetch_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_release)

static void
waiter_free (Waiter *waiter)
{
  g_clear_object (&waiter->cancellable);
  g_main_context_unref (waiter->context);
  g_free (waiter);
}

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->marker_path);
  g_free (data);
}

/* The file type of @bytes from its first bytes, or NULL when it is none
 * of the four kinds kept. */
static const ChorusImageFormat *
sniff_format (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return chorus_image_format_sniff (data, size);
}

/* A decompression bomb: a few bytes that say they are more pixels than
 * anything would be asked to decode. A header that cannot be read says
 * nothing, and is left to the decoder to refuse. */
static gboolean
states_too_many_pixels (const ChorusImageFormat *format,
                        GBytes                  *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint width, height;

  return chorus_image_format_read_size (format, data, size, &width, &height) &&
         (width > CHORUS_MEDIA_IMPORT_MAX_SIDE || height > CHORUS_MEDIA_IMPORT_MAX_SIDE ||
          (guint64) width * height > CHORUS_MEDIA_IMPORT_MAX_PIXELS);
}

/* The content file a marker names, "<sha256>.<ext>", checked so that a
 * damaged marker can never lead outside the media folder; or NULL. */
static char *
read_marker (ChorusStore *store,
             const char  *marker_path)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  const ChorusImageFormat *format;
  const char *dot;

  if (!g_file_get_contents (marker_path, &contents, NULL, NULL))
    return NULL;

  g_strstrip (contents);
  dot = strchr (contents, '.');
  if (dot == NULL || dot - contents != 64)
    return NULL;

  for (int i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (contents[i]) || g_ascii_isupper (contents[i]))
      return NULL;

  sha256 = g_strndup (contents, 64);
  if (!(format = chorus_image_format_for_extension (dot + 1)))
    return NULL;

  return chorus_store_dup_media_path (store, sha256, format->extension);
}

static char *
dup_marker_path (ChorusStore *store,
                 const char  *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

  return chorus_store_dup_media_path (store, hash, "url");
}

static void
lookup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChorusMediaCache *self = source_object;
  g_autofree char *path = read_marker (self->store, task_data);

  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);

  /* NULL without an error: not downloaded yet. */
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ChorusMediaCache *self = source_object;
  SaveData *data = task_data;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->bytes);
  g_autofree char *marker = g_strconcat (sha256, ".", data->extension, "\n", NULL);
  g_autofree char *path = NULL;
  GError *error = NULL;

  /* The same bytes may already be there, from another address. */
  if (!(path = chorus_media_save (self->store, sha256, data->extension, data->bytes, &error)) ||
      !chorus_media_write_file (data->marker_path, marker, -1, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
remember (ChorusMediaCache *self,
          const char       *url,
          const char       *path)
{
  if (g_hash_table_size (self->known) >= MEMORY_LIMIT)
    g_hash_table_remove_all (self->known);

  g_hash_table_insert (self->known, g_strdup (url), g_strdup (path));
}

/* Takes @task out of its fetch and gives it @path or @error. */
static void
answer (GTask        *task,
        const char   *path,
        const GError *error)
{
  Waiter *waiter = g_task_get_task_data (task);

  waiter->fetch = NULL;
  if (waiter->cancelled_id != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
  waiter->cancelled_id = 0;

  if (path != NULL)
    g_task_return_pointer (task, g_strdup (path), g_free);
  else
    g_task_return_error (task, g_error_copy (error));
}

static void
forget_pending (Fetch *fetch)
{
  ChorusMediaCache *self = fetch->cache;

  /* A newer fetch of the same address may have taken the place of a
   * cancelled one. */
  if (g_hash_table_lookup (self->pending, fetch->url) == fetch)
    g_hash_table_remove (self->pending, fetch->url);
}

static void
finish_fetch (Fetch        *fetch,
              const char   *path,
              const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&fetch->waiters);

  fetch->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  if (path != NULL)
    remember (fetch->cache, fetch->url, path);
  forget_pending (fetch);

  for (guint i = 0; i < waiters->len; i++)
    answer (g_ptr_array_index (waiters, i), path, error);
}

static gboolean
leave_fetch_cb (gpointer user_data)
{
  GTask *task = user_data;
  Waiter *waiter = g_task_get_task_data (task);
  g_autoptr(Fetch) fetch = waiter->fetch != NULL ? fetch_ref (waiter->fetch) : NULL;
  g_autoptr(GError) error = NULL;

  /* Answered meanwhile: GTask reports the cancellation itself. */
  if (fetch == NULL)
    return G_SOURCE_REMOVE;

  g_ptr_array_remove (fetch->waiters, task);
  if (fetch->waiters->len == 0)
    {
      forget_pending (fetch);
      g_cancellable_cancel (fetch->cancellable);
    }

  g_cancellable_set_error_if_cancelled (waiter->cancellable, &error);
  answer (task, NULL, error);

  return G_SOURCE_REMOVE;
}

/* May run in any thread, and inside g_cancellable_cancel(), where the
 * handler cannot be disconnected: the work is done from the main context. */
static void
on_waiter_cancelled_cb (GCancellable *cancellable,
                        gpointer      user_data)
{
  GTask *task = user_data;
  Waiter *waiter = g_task_get_task_data (task);
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, leave_fetch_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, waiter->context);
}

/* Whether @response is an image Chorus keeps; its extension in @extension. */
static gboolean
check_response (Fetch               *fetch,
                ChorusHttpResponse  *response,
                const char         **extension,
                GError             **error)
{
  const ChorusImageFormat *format;

  if (response->status == 404 || response->status == 410)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The image is no longer on its server."));
      return FALSE;
    }

  if (response->status != 200)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %u is an HTTP status code, such as 500. */
                   _("The image could not be downloaded: its server answered with status %u."),
                   response->status);
      return FALSE;
    }

  if (g_bytes_get_size (response->body) > fetch->max_bytes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _("The image is too large."));
      return FALSE;
    }

  if (!(format = sniff_format (response->body)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not an image."));
      return FALSE;
    }

  if (states_too_many_pixels (format, response->body))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _("The image is too large."));
      return FALSE;
    }

  *extension = format->extension;
  return TRUE;
}

static void on_worker_done_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
on_downloaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  const char *extension = NULL;
  SaveData *data;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      /* ChorusHttp's own cap, larger than ours. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_clear_error (&error);
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _("The image is too large."));
        }

      finish_fetch (fetch, NULL, error);
      return;
    }

  if (!check_response (fetch, response, &extension, &error))
    {
      finish_fetch (fetch, NULL, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->bytes = g_bytes_ref (response->body);
  data->extension = extension;
  data->marker_path = g_strdup (fetch->marker_path);

  task = g_task_new (fetch->cache, fetch->cancellable, on_worker_done_cb, fetch_ref (fetch));
  g_task_set_source_tag (task, on_downloaded_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_worker);
}

/* After looking for the marker (a path, or NULL: download it), or after
 * saving the download (a path, or an error). */
static void
on_worker_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  ChorusHttp *http;

  if (path != NULL || error != NULL)
    {
      finish_fetch (fetch, path, error);
      return;
    }

  http = fetch->cache->http;
  chorus_http_get_async (http, fetch->url, NULL, fetch->cancellable, on_downloaded_cb, fetch_ref (fetch));
}

static Fetch *
start_fetch (ChorusMediaCache *self,
             const char       *url,
             gsize             max_bytes)
{
  Fetch *fetch = g_rc_box_new0 (Fetch);
  g_autoptr(GTask) task = NULL;

  fetch->cache = g_object_ref (self);
  fetch->url = g_strdup (url);
  fetch->marker_path = dup_marker_path (self->store, url);
  fetch->max_bytes = max_bytes;
  fetch->cancellable = g_cancellable_new ();
  fetch->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (self->pending, g_strdup (url), fetch);

  /* Looking for the marker is file I/O: a worker's job. */
  task = g_task_new (self, fetch->cancellable, on_worker_done_cb, fetch_ref (fetch));
  g_task_set_source_tag (task, start_fetch);
  g_task_set_task_data (task, g_strdup (fetch->marker_path), g_free);
  g_task_run_in_thread (task, lookup_worker);

  return fetch;
}

static void
chorus_media_cache_dispose (GObject *object)
{
  ChorusMediaCache *self = (ChorusMediaCache *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (chorus_media_cache_parent_class)->dispose (object);
}

static void
chorus_media_cache_finalize (GObject *object)
{
  ChorusMediaCache *self = (ChorusMediaCache *)object;

  g_hash_table_unref (self->known);
  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (chorus_media_cache_parent_class)->finalize (object);
}

static void
chorus_media_cache_class_init (ChorusMediaCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_media_cache_dispose;
  object_class->finalize = chorus_media_cache_finalize;
}

static void
chorus_media_cache_init (ChorusMediaCache *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fetch_release);
}

/**
 * chorus_media_cache_new:
 * @store: the workspace whose media folder keeps the images
 * @http: what downloads them
 *
 * Returns: (transfer full): a new #ChorusMediaCache
 */
ChorusMediaCache *
chorus_media_cache_new (ChorusStore *store,
                        ChorusHttp  *http)
{
  ChorusMediaCache *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);

  self = g_object_new (CHORUS_TYPE_MEDIA_CACHE, NULL);
  self->store = g_object_ref (store);
  self->http = g_object_ref (http);

  return self;
}

/**
 * chorus_media_cache_get_store:
 * @self: a #ChorusMediaCache
 *
 * Returns: (transfer none): the workspace the images are kept in
 */
ChorusStore *
chorus_media_cache_get_store (ChorusMediaCache *self)
{
  g_return_val_if_fail (CHORUS_IS_MEDIA_CACHE (self), NULL);

  return self->store;
}

/**
 * chorus_media_cache_fetch_async:
 * @self: a #ChorusMediaCache
 * @url: the image's address: https://, or http:// on this machine
 * @max_bytes: the largest image accepted, or 0 for
 *   %CHORUS_MEDIA_CACHE_DEFAULT_MAX_BYTES; the first request for an
 *   address sets it for the requests that share its download
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Gives the local file of the image at @url, downloading it the first
 * time only: later requests, in this run or the next, are answered from
 * the workspace's media folder.
 */
void
chorus_media_cache_fetch_async (ChorusMediaCache    *self,
                                const char          *url,
                                gsize                max_bytes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  Waiter *waiter;
  Fetch *fetch;

  g_return_if_fail (CHORUS_IS_MEDIA_CACHE (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_media_cache_fetch_async);

  if ((path = g_hash_table_lookup (self->known, url)))
    {
      g_task_return_pointer (task, g_strdup (path), g_free);
      return;
    }

  if (!chorus_http_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(fetch = g_hash_table_lookup (self->pending, url)))
    fetch = start_fetch (self, url, max_bytes > 0 ? max_bytes : CHORUS_MEDIA_CACHE_DEFAULT_MAX_BYTES);

  waiter = g_new0 (Waiter, 1);
  waiter->fetch = fetch;
  waiter->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, waiter, (GDestroyNotify) waiter_free);
  g_ptr_array_add (fetch->waiters, g_object_ref (task));

  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_waiter_cancelled_cb),
                                                    g_object_ref (task), g_object_unref);
    }
}

/**
 * chorus_media_cache_fetch_finish:
 * @self: a #ChorusMediaCache
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the image's local path, or %NULL with @error
 *   set in words a person can read (%G_IO_ERROR_MESSAGE_TOO_LARGE,
 *   %G_IO_ERROR_INVALID_DATA for what is not an image, and the download's
 *   own errors)
 */
char *
chorus_media_cache_fetch_finish (ChorusMediaCache  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
