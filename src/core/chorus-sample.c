/* chorus-sample.c
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
#include "chorus-sample.h"
#include "chorus-sample-private.h"

/* The sample workspace: "Tallpine Community", the community of a fictional
 * outdoor-gear brand, for trying Chorus without connecting an account and
 * for measuring it at scale. The same (posts, seed, anchor) always gives the
 * same rows and the same images. The workspace is built in a hidden folder
 * beside the target and moved into place only when complete, so a failed or
 * cancelled run never leaves a half-written workspace behind. */

#define SAMPLE_NAME "Tallpine Community"

typedef struct
{
  char    *path;
  guint    n_posts;
  guint64  seed;
  gint64   anchor;
} GenerateData;

static void
generate_data_free (GenerateData *data)
{
  g_free (data->path);
  g_free (data);
}

static void set_io_error (GError     **error,
                          int          saved_errno,
                          const char  *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
}

gboolean
_chorus_sample_save_image (ChorusSample  *self,
                           GBytes        *png,
                           char         **sha256,
                           GError       **error)
{
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *path = chorus_store_dup_media_path (self->store, sha, "png");
  g_autofree char *dir = g_path_get_dirname (path);
  gsize size;
  const char *data = g_bytes_get_data (png, &size);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: the first %s is a folder's name, the second the reason, from the system. */
      set_io_error (error, saved_errno, _("The folder “%s” could not be created: %s"),
                    display, g_strerror (saved_errno));
      return FALSE;
    }

  /* Content-addressed: a file that exists already holds these bytes. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_set_contents (path, data, size, error))
    return FALSE;

  *sha256 = g_steal_pointer (&sha);
  return TRUE;
}

gint64
_chorus_sample_audit (ChorusSample *self,
                      gint64        at,
                      gint64        actor_id,
                      const char   *action,
                      const char   *subject_type,
                      gint64        subject_id,
                      const char   *detail)
{
  gint64 id = self->next_audit_id++;

  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_AUDIT,
              SAMPLE_INT (id), SAMPLE_INT (at), SAMPLE_ID (actor_id), SAMPLE_TEXT (action),
              SAMPLE_TEXT (subject_type), SAMPLE_INT (subject_id), SAMPLE_TEXT (detail));
  return id;
}

static void
write_meta (ChorusSample *self)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);
  g_autofree char *created = g_strdup_printf ("%" G_GINT64_FORMAT, self->anchor - 420 * SAMPLE_DAY);
  g_autofree char *anchor = g_strdup_printf ("%" G_GINT64_FORMAT, self->anchor);
  g_autofree char *posts = g_strdup_printf ("%u", self->n_posts);

  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_META, SAMPLE_TEXT ("name"), SAMPLE_TEXT (SAMPLE_NAME));
  /* Overrides the creation time the store recorded, which is the clock's. */
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_META, SAMPLE_TEXT ("created_at"), SAMPLE_TEXT (created));
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_META, SAMPLE_TEXT ("sample_seed"), SAMPLE_TEXT (seed));
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_META, SAMPLE_TEXT ("sample_anchor"), SAMPLE_TEXT (anchor));
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_META, SAMPLE_TEXT ("sample_posts"), SAMPLE_TEXT (posts));
}

static void
sample_clear (ChorusSample *self)
{
  for (guint i = 0; i < SAMPLE_N_NETWORKS; i++)
    g_clear_pointer (&self->identities[i], g_array_unref);

  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
}

static gboolean
fill (ChorusStore        *store,
      const GenerateData *data,
      GCancellable       *cancellable,
      GError            **error)
{
  g_autoptr(ChorusSampleWriter) writer = NULL;
  ChorusSample self = { 0 };
  gboolean ok;

  if (!(writer = _chorus_sample_writer_new (store, error)))
    return FALSE;

  self.store = store;
  self.writer = writer;
  self.cancellable = cancellable;
  self.seed = data->seed;
  self.anchor = data->anchor;
  self.n_posts = data->n_posts;
  self.strings = g_string_chunk_new (64 * 1024);
  self.tags = g_hash_table_new (g_str_hash, g_str_equal);
  self.next_conversation_id = self.next_media_id = self.next_note_id = 1;
  self.next_outbox_id = self.next_audit_id = 1;

  write_meta (&self);
  _chorus_sample_write_team (&self);
  _chorus_sample_write_people (&self);

  /* Pre-tests and challenges come first: the stream fills the remaining posts. */
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       _chorus_sample_write_pretests (&self, error) &&
       _chorus_sample_write_challenges (&self, error) &&
       _chorus_sample_write_threads (&self, data->n_posts - MIN (data->n_posts, self.posts_written),
                                     error) &&
       _chorus_sample_write_merge_candidates (&self, error) &&
       _chorus_sample_writer_finish (writer, error);

  sample_clear (&self);
  return ok;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Moves every file under @from to the same place under @to, replacing what
 * is there: media are content-addressed, so a same-named file is the same. */
static gboolean
merge_tree (const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!(dir = g_dir_open (from, 0, NULL)))
    return TRUE;

  if (g_mkdir_with_parents (to, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (to);

      /* Translators: the first %s is a folder's name, the second the reason, from the system. */
      set_io_error (error, saved_errno, _("The folder “%s” could not be created: %s"),
                    display, g_strerror (saved_errno));
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          if (!merge_tree (source, target, error))
            return FALSE;
        }
      else if (g_rename (source, target) != 0)
        {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (target);

      /* Translators: the first %s is a file's name, the second the reason, from the system. */
      set_io_error (error, saved_errno, _("“%s” could not be written: %s"),
                    display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
remove_stale (const char  *path,
              const char  *suffix,
              GError     **error)
{
  g_autofree char *stale = g_strconcat (path, suffix, NULL);

  /* A leftover write-ahead log of the old file must not be replayed into the new one. */
  if (g_unlink (stale) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (stale);

      /* Translators: the first %s is a file's name, the second the reason, from the system. */
      set_io_error (error, saved_errno, _("“%s” could not be removed: %s"),
                    display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
move_into_place (const GenerateData  *data,
                 const char          *tmp_path,
                 const char          *tmp_media,
                 GError             **error)
{
  g_autofree char *media = NULL;

  /* The media folder is named after the workspace; keep the store's suffix. */
  g_assert (g_str_has_prefix (tmp_media, tmp_path));
  media = g_strconcat (data->path, tmp_media + strlen (tmp_path), NULL);

  if (!merge_tree (tmp_media, media, error) ||
      !remove_stale (data->path, "-wal", error) ||
      !remove_stale (data->path, "-shm", error))
    return FALSE;

  if (g_rename (tmp_path, data->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (data->path);

      /* Translators: the first %s is a file's name, the second the reason, from the system. */
      set_io_error (error, saved_errno, _("“%s” could not be written: %s"),
                    display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate (const GenerateData  *data,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (data->path);
  g_autofree char *base = g_path_get_basename (data->path);
  g_autofree char *hidden = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp_dir = g_build_filename (dir, hidden, NULL);
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_media = NULL;
  g_autoptr(ChorusStore) store = NULL;
  gboolean ok;

  if (g_mkdtemp_full (tmp_dir, 0700) == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: the first %s is a folder's name, the second the reason, from the system. */
      set_io_error (error, saved_errno, _("A workspace cannot be created in “%s”: %s"),
                    display, g_strerror (saved_errno));
      return FALSE;
    }

  tmp_path = g_build_filename (tmp_dir, base, NULL);

  if ((store = chorus_store_open (tmp_path, CHORUS_STORE_OPEN_CREATE, error)))
    tmp_media = chorus_store_dup_media_dir (store);

  ok = store != NULL && fill (store, data, cancellable, error);

  /* Closing the store checkpoints the log into the file. */
  g_clear_object (&store);

  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       move_into_place (data, tmp_path, tmp_media, error);

  remove_tree (tmp_dir);
  return ok;
}

/**
 * chorus_sample_generate:
 * @path: where to write the workspace; an existing file is replaced
 * @n_posts: how many posts; the pre-tests and challenges need a few dozen
 *   of their own, so a smaller number gives that many
 * @seed: the same seed gives the same workspace
 * @anchor: (nullable): the moment the sample's activity leads up to, or
 *   %NULL for now
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Writes the sample workspace and its media folder. Blocks for about a
 * second for the default size and a minute for a million posts: call it
 * from a worker thread, or use chorus_sample_generate_async().
 *
 * Returns: %TRUE if the workspace was written
 */
gboolean
chorus_sample_generate (const char    *path,
                        guint          n_posts,
                        guint64        seed,
                        GDateTime     *anchor,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GenerateData data = { (char *) path, n_posts, seed, 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  data.anchor = anchor ? g_date_time_to_unix (anchor) : g_get_real_time () / G_USEC_PER_SEC;

  return generate (&data, cancellable, error);
}

static void
generate_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GenerateData *data = task_data;
  GError *error = NULL;

  if (generate (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
chorus_sample_generate_async (const char          *path,
                              guint                n_posts,
                              guint64              seed,
                              GDateTime           *anchor,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GenerateData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (GenerateData, 1);
  data->path = g_strdup (path);
  data->n_posts = n_posts;
  data->seed = seed;
  data->anchor = anchor ? g_date_time_to_unix (anchor) : g_get_real_time () / G_USEC_PER_SEC;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_sample_generate_async);
  g_task_set_task_data (task, data, (GDestroyNotify) generate_data_free);
  g_task_run_in_thread (task, generate_worker);
}

gboolean
chorus_sample_generate_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
