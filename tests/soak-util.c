/* soak-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "chorus-test-util.h"
#include "soak-util.h"

/* The child's argument vector: chorusctl --workspace @workspace @args… */
static GPtrArray *
dup_argv (const char         *workspace,
          const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, chorus_test_chorusctl_path ());
  g_ptr_array_add (argv, g_strdup ("--workspace"));
  g_ptr_array_add (argv, g_strdup (workspace));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  return argv;
}

/* @first … up to NULL, as a NULL-terminated array of borrowed strings. */
static GPtrArray *
collect_args (const char *first,
              va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return args;
}

static gboolean
run_argv (const SoakRun *run,
          GPtrArray     *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) exited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + run->delay_ms * G_TIME_SPAN_MILLISECOND;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE |
                                        (run->input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0));
  g_subprocess_launcher_set_cwd (launcher, run->cwd);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  /* Under the sanitizers, chorusctl is leak-checked when it exits, while
   * the harness with its fake servers is not (see tests/meson.build). */
  if (g_getenv ("CHORUS_SOAK_CHILD_ASAN_OPTIONS") != NULL)
    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", g_getenv ("CHORUS_SOAK_CHILD_ASAN_OPTIONS"), TRUE);
  for (guint i = 0; run->env != NULL && run->env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (run->env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  g_subprocess_launcher_set_stdout_file_path (launcher, run->log);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (run->input != NULL)
    {
      GOutputStream *in = g_subprocess_get_stdin_pipe (process);

      g_assert_true (g_output_stream_write_all (in, run->input, strlen (run->input), NULL, NULL, &error));
      g_assert_true (g_output_stream_close (in, NULL, &error));
    }
  if (run->pid_slot != NULL)
    g_atomic_int_set (run->pid_slot, (gint) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10));

  /* The fakes that live on this thread's main context answer meanwhile. */
  g_subprocess_wait_async (process, NULL, chorus_test_async_result_cb, &exited);
  while (exited == NULL && (run->delay_ms == 0 || g_get_monotonic_time () < deadline))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND / 2);
  if (exited == NULL)
    g_subprocess_force_exit (process);
  chorus_test_wait_async_result (&exited);
  g_assert_true (g_subprocess_wait_finish (process, exited, &error));
  if (run->pid_slot != NULL)
    g_atomic_int_set (run->pid_slot, 0);

  if (g_subprocess_get_if_signaled (process) &&
      (g_subprocess_get_term_sig (process) == SIGKILL ||
       (run->crash != 0 && g_subprocess_get_term_sig (process) == run->crash)))
    return TRUE;

  /* Not killed: then it must have finished well. */
  if (!g_subprocess_get_successful (process))
    {
      g_autofree char *output = chorus_test_read_file (run->log, NULL);

      g_test_message ("chorusctl %s: %s", (const char *) argv->pdata[3], output);
    }
  g_assert_true (g_subprocess_get_successful (process));
  return FALSE;
}

/**
 * soak_run_chorusctl:
 * @run: how to run it
 * @workspace: the workspace file
 * @first: the command, then its arguments, ending with %NULL
 *
 * Runs chorusctl on @workspace, stdout and stderr to @run->log, and sends
 * it SIGKILL after @run->delay_ms unless it ended first. Fails the test
 * when it ended by itself and not well.
 *
 * Returns: whether SIGKILL (from here or through @run->pid_slot) or
 *   @run->crash ended it
 */
gboolean
soak_run_chorusctl (const SoakRun *run,
                    const char    *workspace,
                    const char    *first,
                    ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = collect_args (first, ap);
  va_end (ap);

  return soak_run_chorusctlv (run, workspace, (const char * const *) args->pdata);
}

/* The same, with the command and its arguments in @args. */
gboolean
soak_run_chorusctlv (const SoakRun      *run,
                     const char         *workspace,
                     const char * const *args)
{
  g_autoptr(GPtrArray) argv = dup_argv (workspace, args);

  return run_argv (run, argv);
}

/* Runs chorusctl to its end, which must be a success. */
void
soak_run_chorusctl_ok (const char * const *env,
                       const char         *log,
                       const char         *workspace,
                       const char         *first,
                       ...)
{
  SoakRun run = { env, log, 0, NULL, NULL, NULL, 0 };
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = collect_args (first, ap);
  va_end (ap);

  g_assert_false (soak_run_chorusctlv (&run, workspace, (const char * const *) args->pdata));
}

guint
soak_env_uint (const char *name,
               guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

/* The soak's generator, from CHORUS_SOAK_SEED or a new seed, and its
 * number of trials (kills, or runs that may be killed), from
 * CHORUS_SOAK_TRIALS or 100. The seed is printed,
 * so that a failing run can be repeated. */
GRand *
soak_new_rand (const char *what,
               guint      *trials)
{
  guint seed = soak_env_uint ("CHORUS_SOAK_SEED", g_random_int ());

  *trials = soak_env_uint ("CHORUS_SOAK_TRIALS", 100);
  g_test_message ("%s: %u trials, seed %u (repeat with CHORUS_SOAK_SEED=%u CHORUS_SOAK_TRIALS=%u)",
                  what, *trials, seed, seed, *trials);
  g_printerr ("%s: seed %u\n", what, seed);

  return g_rand_new_with_seed (seed);
}

/* Whether a killed child left frames in the workspace's write-ahead log:
 * it wrote to the workspace in that run (every check here closes the
 * last connection, which checkpoints the log and removes it). */
gboolean
soak_wal_written (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Copies the workspace file @from (with its -wal, if any) to @to. */
void
soak_copy_workspace (const char *from,
                     const char *to)
{
  static const char * const suffixes[] = { "", "-wal" };

  chorus_test_unlink_workspace (to);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *source = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *target = g_strconcat (to, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_test (source, G_FILE_TEST_EXISTS))
        continue;
      contents = chorus_test_read_file (source, &length);
      g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
    }
}

/* What every kill must leave, cheaply: a workspace SQLite's quick check
 * finds sound (opened for writing, so that a hot journal is rolled back
 * or a WAL recovered first). Returns the number @count_sql reads. */
gint64
soak_quick_check (const char *path,
                  const char *count_sql)
{
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);
  g_autofree char *check = chorus_test_db_query_text (db, "PRAGMA quick_check");
  gint64 count = chorus_test_db_query_int (db, count_sql);

  sqlite3_close (db);
  g_assert_cmpstr (check, ==, "ok");
  return count;
}

/* The full checks: SQLite's integrity check and FTS5's, and the store
 * opens it. */
void
soak_assert_integrity (const char *path)
{
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);
  g_autofree char *integrity = chorus_test_db_query_text (db, "PRAGMA integrity_check");
  g_autoptr(ChorusStore) store = NULL;

  g_assert_cmpstr (integrity, ==, "ok");
  chorus_test_db_exec (db, "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')");
  sqlite3_close (db);

  store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
}

/* Every row of @sql, columns joined by tabs. */
static GPtrArray *
query_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READONLY, 5000);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s%s", i > 0 ? "\t" : "", (const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return rows;
}

/* @sql reads the same rows, in the same order, from both workspaces. */
void
soak_assert_same_rows (const char *path,
                       const char *expected_path,
                       const char *sql)
{
  g_autoptr(GPtrArray) rows = query_rows (path, sql);
  g_autoptr(GPtrArray) expected = query_rows (expected_path, sql);

  for (guint i = 0; i < MIN (rows->len, expected->len); i++)
    g_assert_cmpstr (g_ptr_array_index (rows, i), ==, g_ptr_array_index (expected, i));
  g_assert_cmpuint (rows->len, ==, expected->len);
}

/* A fake Mastodon server on the corpus, holding @statuses of @tag. */
FakeMastodon *
soak_start_mastodon (const char *tag,
                     const char *token,
                     guint       statuses,
                     guint       mention_every,
                     guint       reply_every)
{
  FakeMastodonConfig config = { 0, };

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = tag;
  config.token = token;
  config.statuses = statuses;
  config.mention_every = mention_every;
  config.reply_every = reply_every;
  g_assert_nonnull (config.corpus_dir);

  return fake_mastodon_start (&config);
}

/* A soak program's main (): its one test. */
int
soak_main (int          *argc,
           char       ***argv,
           const char   *test_path,
           GTestFunc     test)
{
  g_test_init (argc, argv, NULL);
  g_test_add_func (test_path, test);

  return g_test_run ();
}
