/* chorus-thumbnailer.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-media-import.h"
#include "chorus-thumbnailer.h"

/* Decoding and scaling images happens in a pool of worker threads, one
 * per processor. The newest request goes first: a gallery asks for the
 * tiles it has just bound, which are the ones on screen after a jump or
 * a fast scroll, so those are not kept waiting behind tiles already
 * scrolled past; a request whose tile was recycled meanwhile is cancelled
 * and skipped without decoding. The textures of recent thumbnails are
 * kept so scrolling back does not decode again. */

#define CACHE_LIMIT 256

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache;       /* "size:path" → GdkTexture */

typedef struct
{
  char   *path;
  int     size;
  guint64 serial;     /* the order requests came in */
} LoadData;

static GThreadPool *pool;
static guint64 next_serial;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

static char *
cache_key (const char *path,
           int         size)
{
  return g_strdup_printf ("%d:%s", size, path);
}

static GdkTexture *
cache_lookup (const char *key)
{
  GdkTexture *texture = NULL;

  G_LOCK (cache);
  if (cache != NULL && (texture = g_hash_table_lookup (cache, key)))
    g_object_ref (texture);
  G_UNLOCK (cache);

  return texture;
}

static void
cache_insert (char       *key,
              GdkTexture *texture)
{
  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_size (cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (cache);
  g_hash_table_insert (cache, key, g_object_ref (texture));
  G_UNLOCK (cache);
}

/* Newest first. */
static int
by_newest (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const LoadData *first = g_task_get_task_data ((GTask *) a);
  const LoadData *second = g_task_get_task_data ((GTask *) b);

  return (first->serial < second->serial) - (first->serial > second->serial);
}

static void
load_worker (gpointer item,
             gpointer user_data)
{
  g_autoptr(GTask) task = item;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GdkTexture *texture;
  GError *error = NULL;
  int width, height;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The header is read before anything is decoded: a few bytes that
   * claim 100,000 × 100,000 pixels are refused here, not allocated. */
  if (gdk_pixbuf_get_file_info (data->path, &width, &height) != NULL &&
      (width > CHORUS_MEDIA_IMPORT_MAX_SIDE || height > CHORUS_MEDIA_IMPORT_MAX_SIDE ||
       (guint64) width * height > CHORUS_MEDIA_IMPORT_MAX_PIXELS))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               /* Translators: %d × %d is an image's width and height in pixels. */
                               _("The image says it is %d × %d pixels, too large to show."), width, height);
      return;
    }

  if (!(pixbuf = gdk_pixbuf_new_from_file_at_scale (data->path, data->size, data->size, TRUE, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  cache_insert (cache_key (data->path, data->size), texture);
  g_task_return_pointer (task, texture, g_object_unref);
}

void
chorus_thumbnailer_load_async (const char          *path,
                               int                  size,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  GdkTexture *texture;
  LoadData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (size > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_thumbnailer_load_async);

  key = cache_key (path, size);
  if ((texture = cache_lookup (key)))
    {
      g_task_return_pointer (task, texture, g_object_unref);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (path);
  data->size = size;
  data->serial = next_serial++;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  if (pool == NULL)
    {
      pool = g_thread_pool_new (load_worker, NULL, (int) MAX (1, g_get_num_processors ()), FALSE, NULL);
      g_thread_pool_set_sort_function (pool, by_newest, NULL);
    }
  g_thread_pool_push (pool, g_steal_pointer (&task), NULL);
}

/**
 * chorus_thumbnailer_load_finish:
 *
 * Returns: (transfer full): the image scaled to fit the requested size
 */
GdkTexture *
chorus_thumbnailer_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_shown_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if ((texture = chorus_thumbnailer_load_finish (result, &error)))
    {
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("No thumbnail: %s", error->message);
  gtk_widget_add_css_class (GTK_WIDGET (picture), "chorus-missing-image");
  gtk_widget_set_tooltip_text (GTK_WIDGET (picture),
                               g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                               ? _("The image is missing from the workspace folder")
                               : _("No preview of this image"));
}

/**
 * chorus_thumbnailer_show:
 * @picture: where to show it
 * @path: an image file
 * @size: the largest side, in pixels
 * @cancellable: (nullable): a #GCancellable
 *
 * Shows the thumbnail of @path in @picture once it is decoded; a file
 * that is gone, or that this system cannot decode (WebP without its
 * loader), leaves the picture marked as such, with a tooltip saying why.
 */
void
chorus_thumbnailer_show (GtkPicture   *picture,
                         const char   *path,
                         int           size,
                         GCancellable *cancellable)
{
  g_return_if_fail (GTK_IS_PICTURE (picture));

  gtk_picture_set_paintable (picture, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (picture), "chorus-missing-image");
  gtk_widget_set_tooltip_text (GTK_WIDGET (picture), NULL);
  chorus_thumbnailer_load_async (path, size, cancellable, on_shown_cb, g_object_ref (picture));
}
