/* chorus-media-import.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-error.h"
#include "chorus-image-format.h"
#include "chorus-media-import.h"

/* Images a person brings from a file, and reading them back to send.
 *
 * An import reads the file (at most CHORUS_MEDIA_IMPORT_MAX_BYTES; a larger
 * one is refused before it is read), takes it for what its first bytes
 * say, never for its name, reads the dimensions its header states and
 * refuses what would be too big to decode (a few kilobytes can claim
 * billions of pixels), then keeps it in the media folder as
 * chorus_store_dup_media_path (store, SHA-256, extension). Files are
 * written whole under a temporary name, then renamed; one already there
 * with the same size holds the same bytes and is left as it is.
 *
 * Reading back checks the bytes against their SHA-256, so that what goes
 * out is what was added, and says in plain words when the file has gone
 * from the folder. */

#define READ_CHUNK (64 * 1024)

G_DEFINE_BOXED_TYPE (ChorusMediaInfo, chorus_media_info, chorus_media_info_copy, chorus_media_info_free)

ChorusMediaInfo *
chorus_media_info_copy (const ChorusMediaInfo *info)
{
  ChorusMediaInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (ChorusMediaInfo, 1);
  *copy = *info;
  copy->sha256 = g_strdup (info->sha256);
  copy->mime_type = g_strdup (info->mime_type);
  return copy;
}

void
chorus_media_info_free (ChorusMediaInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->sha256);
  g_free (info->mime_type);
  g_free (info);
}

/* Each refusal returns NULL, for the callers that return a pointer. */
static gpointer
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, message);
  return NULL;
}

static gboolean
has_image_name (const char *name)
{
  static const char * const extensions[] = { ".png", ".jpg", ".jpeg", ".jpe", ".gif", ".webp", NULL };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;

  return FALSE;
}

static gpointer
refuse_not_image (const char  *name,
                  GError     **error)
{
  g_autofree char *message = NULL;

  if (has_image_name (name))
    /* Translators: %s is a file's name, such as "poster.png". */
    message = g_strdup_printf (_("“%s” is named like an image, but what it holds is not a JPEG, PNG, GIF or WebP "
                                 "image."), name);
  else
    /* Translators: %s is a file's name. */
    message = g_strdup_printf (_("“%s” is not a JPEG, PNG, GIF or WebP image."), name);

  return refuse (error, message);
}

static gpointer
refuse_too_large (const char  *name,
                  GError     **error)
{
  g_autofree char *limit = g_format_size (CHORUS_MEDIA_IMPORT_MAX_BYTES);
  /* Translators: the first %s is a file's name, the second the largest size allowed ("16.0 MB"). */
  g_autofree char *message = g_strdup_printf (_("“%s” is larger than %s, the largest image Chorus can keep."),
                                              name, limit);

  return refuse (error, message);
}

/* What @bytes are, once they are an image Chorus can keep; @name is the
 * file's, for messages. */
static ChorusMediaInfo *
inspect (GBytes      *bytes,
         const char  *name,
         GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const ChorusImageFormat *format = chorus_image_format_sniff (data, size);
  g_autoptr(ChorusMediaInfo) info = NULL;
  g_autofree char *message = NULL;
  guint width, height;

  if (size > CHORUS_MEDIA_IMPORT_MAX_BYTES)
    return refuse_too_large (name, error);
  if (format == NULL)
    return refuse_not_image (name, error);

  if (!chorus_image_format_read_size (format, data, size, &width, &height))
    {
      /* Translators: %s is a file's name. */
      message = g_strdup_printf (_("“%s” starts like an image, but its size cannot be read: the file may be "
                                   "damaged or cut short."), name);
      return refuse (error, message);
    }

  /* A decompression bomb: small to store, enormous to decode. */
  if (width > CHORUS_MEDIA_IMPORT_MAX_SIDE || height > CHORUS_MEDIA_IMPORT_MAX_SIDE ||
      (guint64) width * height > CHORUS_MEDIA_IMPORT_MAX_PIXELS)
    {
      /* Translators: %s is a file's name; %u × %u its width and height in pixels; the
       * numbers after them are the limits, written out. */
      message = g_strdup_printf (_("“%s” says it is %u × %u pixels. Images can be at most 16,384 pixels on a side "
                                   "and 50 megapixels in all."), name, width, height);
      return refuse (error, message);
    }

  info = g_new0 (ChorusMediaInfo, 1);
  info->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  info->mime_type = g_strdup (format->mime_type);
  info->width = width;
  info->height = height;
  info->size = size;
  return g_steal_pointer (&info);
}

/**
 * chorus_media_write_file:
 * @path: where, in the media folder; its folder is made when missing
 * @contents: what to write
 * @length: how many bytes, or -1 for a nul-terminated string
 * @error: a location for a #GError
 *
 * Writes a whole file under a temporary name, then renames it: a crash
 * leaves the old file or the new one, never half of one.
 */
gboolean
chorus_media_write_file (const char  *path,
                         const char  *contents,
                         gssize       length,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s are a folder and the system's reason. */
                   _("The media folder “%s” cannot be created: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents (path, contents, length, error);
}

/**
 * chorus_media_save:
 * @store: the workspace
 * @sha256: the SHA-256 of @bytes, in lower-case hexadecimal
 * @extension: the image format's, such as "png"
 * @bytes: the image
 * @error: a location for a #GError
 *
 * Keeps @bytes in the media folder. A file already there with the same
 * size holds them (its name is their SHA-256) and is not written again.
 *
 * Returns: (transfer full): the file's path, or %NULL with @error set
 */
char *
chorus_media_save (ChorusStore  *store,
                   const char   *sha256,
                   const char   *extension,
                   GBytes       *bytes,
                   GError      **error)
{
  g_autofree char *path = NULL;
  GStatBuf buf;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  path = chorus_store_dup_media_path (store, sha256, extension);
  if (g_stat (path, &buf) == 0 && S_ISREG (buf.st_mode) && (gsize) buf.st_size == size)
    return g_steal_pointer (&path);

  if (!chorus_media_write_file (path, data, (gssize) size, error))
    return NULL;

  return g_steal_pointer (&path);
}

static char *
dup_display_name (GFileInfo *info,
                  GFile     *file)
{
  const char *name = info != NULL ? g_file_info_get_display_name (info) : NULL;
  g_autofree char *basename = NULL;

  if (name != NULL)
    return g_strdup (name);

  basename = g_file_get_basename (file);
  return g_filename_display_name (basename != NULL ? basename : "");
}

/* The file's bytes, refused as soon as it is known to be too large. */
static GBytes *
read_capped (GFile         *file,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK);
  gssize n;

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, READ_CHUNK, cancellable, error)) > 0)
    {
      if (buffer->len + (gsize) n > CHORUS_MEDIA_IMPORT_MAX_BYTES)
        {
          return refuse_too_large (name, error);
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }

  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * chorus_media_import:
 * @store: the workspace whose media folder keeps the image
 * @file: a JPEG, PNG, GIF or WebP image, whatever its name
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Blocking: use chorus_media_import_async() from the main thread. Adding
 * the same image again gives the same result and writes nothing.
 *
 * Returns: (transfer full): what was kept, or %NULL with @error set in
 *   words a person can act on (%CHORUS_ERROR_INVALID_ARGUMENT for a file
 *   that is too large, not an image, or too many pixels; the file
 *   system's errors otherwise)
 */
ChorusMediaInfo *
chorus_media_import (ChorusStore   *store,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(ChorusMediaInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE
                                 "," G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (file_info == NULL)
    return NULL;

  name = dup_display_name (file_info, file);
  if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
    return refuse_not_image (name, error);
  if (g_file_info_get_size (file_info) > CHORUS_MEDIA_IMPORT_MAX_BYTES)
    return refuse_too_large (name, error);

  if (!(bytes = read_capped (file, name, cancellable, error)) || !(info = inspect (bytes, name, error)))
    return NULL;

  path = chorus_media_save (store, info->sha256, chorus_image_format_for_type (info->mime_type)->extension, bytes,
                            error);
  return path != NULL ? g_steal_pointer (&info) : NULL;
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  ChorusMediaInfo *info = chorus_media_import (source_object, task_data, cancellable, &error);

  if (info != NULL)
    g_task_return_pointer (task, info, (GDestroyNotify) chorus_media_info_free);
  else
    g_task_return_error (task, error);
}

/**
 * chorus_media_import_async:
 * @store: the workspace whose media folder keeps the image
 * @file: the image to add
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when the image is kept, or refused
 * @user_data: data for @callback
 *
 * chorus_media_import(), in a worker thread.
 */
void
chorus_media_import_async (ChorusStore         *store,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_media_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_worker);
}

/**
 * chorus_media_import_finish:
 *
 * Returns: (transfer full): what was kept, or %NULL with @error set, as
 *   chorus_media_import() says
 */
ChorusMediaInfo *
chorus_media_import_finish (ChorusStore   *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * chorus_media_dup_path:
 * @store: the workspace
 * @sha256: an image's SHA-256
 * @mime_type: its format, as chorus_media_import() gave it
 *
 * Returns: (transfer full) (nullable): where the image is kept, or %NULL
 *   for a format Chorus does not keep
 */
char *
chorus_media_dup_path (ChorusStore *store,
                       const char  *sha256,
                       const char  *mime_type)
{
  const ChorusImageFormat *format = chorus_image_format_for_type (mime_type);

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  if (format == NULL || sha256 == NULL || strlen (sha256) != 64)
    return NULL;

  return chorus_store_dup_media_path (store, sha256, format->extension);
}

/**
 * chorus_media_load:
 * @store: the workspace
 * @sha256: an image's SHA-256
 * @mime_type: its format
 * @info: (out) (optional): what the image is
 * @error: a location for a #GError
 *
 * Reads an image back from the media folder, to send it: the bytes must
 * still be the ones added, and an image that could be added.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 *   (%CHORUS_ERROR_NOT_FOUND when the file is gone from the folder)
 */
GBytes *
chorus_media_load (ChorusStore      *store,
                   const char       *sha256,
                   const char       *mime_type,
                   ChorusMediaInfo **info,
                   GError          **error)
{
  g_autofree char *path = chorus_media_dup_path (store, sha256, mime_type);
  g_autofree char *name = NULL;
  g_autoptr(ChorusMediaInfo) found = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length;

  if (path == NULL)
    return refuse (error, _("The image is not a kind Chorus can send."));

  name = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                     /* Translators: %s is a file's path in the workspace's media folder. */
                     _("The image is missing from the workspace’s media folder (%s). Put the file back, then "
                       "retry."), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);
  if (!(found = inspect (bytes, name, error)))
    return NULL;

  if (g_strcmp0 (found->sha256, sha256) != 0 || g_strcmp0 (found->mime_type, mime_type) != 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_CORRUPT,
                   /* Translators: %s is a file's path in the workspace's media folder. */
                   _("The image file %s is not the image that was added: it was changed or replaced. Put the "
                     "original back, or choose the image again."), name);
      return NULL;
    }

  if (info != NULL)
    *info = g_steal_pointer (&found);
  return g_steal_pointer (&bytes);
}
