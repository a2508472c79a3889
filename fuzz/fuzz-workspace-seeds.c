/* fuzz-workspace-seeds.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Makes the seeds of fuzz-workspace: real workspace files at several
 * versions of the schema (the first, a few on the way, the latest), each
 * with a little data, so that the fuzzer starts from files that pass the
 * header and integrity checks and reach the migrations.
 *
 * Usage: fuzz-workspace-seeds OUTDIR
 *
 * build-aux/fuzz-seeds runs it when fuzz/meson.build names it with "run:". */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "chorus-store-private.h"

static void
make_seed (const char *dir,
           guint       version)
{
  g_autofree char *name = g_strdup_printf ("version-%u.chorus", version);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", CHORUS_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_unlink (path);
  /* Small pages keep the files small, and so the fuzzer's inputs. */
  if (sqlite3_open (path, &db) != SQLITE_OK ||
      !_chorus_sql_exec (db, "PRAGMA page_size = 512", &error) ||
      !_chorus_sql_exec (db, set_id, &error) ||
      !_chorus_migrations_apply (db, version, &error))
    g_error ("%s: %s", path, error != NULL ? error->message : sqlite3_errmsg (db));

  /* What the latest schema has, a workspace has: a name. */
  if (version == _chorus_migrations_latest ())
    _chorus_sql_exec (db, "INSERT INTO workspace_meta (key, value) VALUES ('name', 'Fuzz')", NULL);

  if (!_chorus_sql_exec (db, "VACUUM", &error))
    g_error ("%s: %s", path, error->message);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  guint latest = _chorus_migrations_latest ();

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s OUTDIR\n", argv[0]);
      return 2;
    }

  g_mkdir_with_parents (argv[1], 0755);
  make_seed (argv[1], 1);
  make_seed (argv[1], latest / 2);
  make_seed (argv[1], latest - 1);
  make_seed (argv[1], latest);

  return 0;
}
