/* fuzz-main.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A main() for a fuzz target outside libFuzzer: it replays the files it
 * is given, and every file in the folders it is given (recursively, in
 * name order), through LLVMFuzzerTestOneInput(). The fuzz-regress tests
 * run each target this way over its seeds and its saved reproducers, in
 * the normal and the sanitizer builds.
 *
 * Usage: fuzz-TARGET PATH…
 *
 * A path that does not exist is skipped with a note (the shared corpus is
 * not everywhere); the run fails when no input at all was replayed. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"

static guint n_inputs;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  uint8_t *data;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }

  /* A buffer of exactly the input's size, as libFuzzer passes it, so that
   * AddressSanitizer sees a read past its end. */
  data = g_malloc (MAX (length, 1));
  memcpy (data, contents, length);
  LLVMFuzzerTestOneInput (data, length);
  g_free (data);
  n_inputs++;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
run_path (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "%s does not exist, skipped\n", path);
      return;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }

  if (!(dir = g_dir_open (path, 0, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    run_path (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s PATH…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    run_path (argv[i]);

  printf ("%u inputs replayed\n", n_inputs);

  return n_inputs > 0 ? 0 : 1;
}
