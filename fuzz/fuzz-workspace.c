/* fuzz-workspace.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening a workspace file that could be anything: the input is written
 * to a file and opened as a workspace, which runs the header, integrity
 * and version checks and then the migrations up to this version. What
 * SQLite itself does with a damaged file is not the target; that opening
 * refuses it with an error, or opens it, and never crashes, is. */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "chorus-store.h"
#include "fuzz-util.h"

static char *dir = NULL;

static void
remove_dir (void)
{
  g_rmdir (dir);
}

static const char *
get_dir (void)
{
  g_autoptr(GError) error = NULL;

  if (dir != NULL)
    return dir;

  if (!(dir = g_dir_make_tmp ("chorus-fuzz-XXXXXX", &error)))
    g_error ("%s", error->message);
  atexit (remove_dir);

  return dir;
}

static void
remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  path = g_build_filename (get_dir (), "Fuzz.chorus", NULL);
  remove_files (path);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert ((store != NULL) != (error != NULL));
  if (store != NULL)
    g_assert (chorus_store_get_version (store) == chorus_store_latest_version ());
  g_clear_object (&store);

  remove_files (path);

  return 0;
}
