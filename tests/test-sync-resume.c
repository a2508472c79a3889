/* test-sync-resume.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/types.h>

#include <gio/gio.h>

#include "chorus-test-util.h"
#include "fake-mastodon.h"
#include "soak-util.h"

/* A Mastodon catch-up that is killed again and again must end with what an
 * uninterrupted one gets: the real chorusctl syncs a hashtag (and the
 * account's mentions) from a fake server, and is sent SIGKILL at random
 * moments, some timed and some right as the server sees a given request.
 * After every kill the workspace must open and pass SQLite's and FTS5's
 * integrity checks; at the end it must hold the same posts, once each, as
 * a workspace that was never interrupted. Transient server faults (429,
 * 500, a connection dropped mid-body) must not change the result either.
 * The server and the uninterrupted workspace follow the same steps: add
 * the source, sync the first FIRST statuses, then catch up on MORE.
 *
 * CHORUS_RESUME_KILLS sets the number of kills (20), CHORUS_RESUME_SEED
 * the seed that chooses them. */

#define TAG           "chorusresume"
#define TOKEN         "resume-test-token"
#define TOKEN_ENV     "CHORUS_RESUME_TOKEN"
#define FIRST         40
#define MORE          3000
#define DEFAULT_KILLS 20
#define DEFAULT_SEED  20260101

typedef struct
{
  FakeMastodon *server;
  char         *dir;
  char         *path;
} Workspace;

/* The kill that the server's thread sends as request number target
 * arrives. */
typedef struct
{
  gint target;
  gint pid;
} KillPlan;

/* The uninterrupted workspace, built once, and what its catch-up took. */
static char *reference_dir;
static char *reference_path;
static guint reference_ms;
static guint reference_requests;

/* What chorusctl runs with (see dup_child_env ()). */
static GStrv child_env;

/* What chorusctl runs with: the token, and under AddressSanitizer the fast
 * unwinder. tests/meson.build turns it off for this program, whose fake
 * server's leaks are suppressed by function name; chorusctl would run 20
 * times slower without it. */
static GStrv
dup_child_env (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *asan = g_getenv ("ASAN_OPTIONS");

  g_strv_builder_add (builder, TOKEN_ENV "=" TOKEN);
  if (asan != NULL)
    {
      g_auto(GStrv) options = g_strsplit (asan, ":", -1);
      g_autofree char *joined = NULL;
      g_autofree char *variable = NULL;

      for (guint i = 0; options[i] != NULL; i++)
        if (g_str_equal (options[i], "fast_unwind_on_malloc=0"))
          options[i][strlen (options[i]) - 1] = '1';
      joined = g_strjoinv (":", options);
      variable = g_strconcat ("ASAN_OPTIONS=", joined, NULL);
      g_strv_builder_add (builder, variable);
    }

  return g_strv_builder_end (builder);
}

static void
assert_run_ok (ChorusTestRun *run,
               const char    *what)
{
  if (run->status != 0)
    g_test_message ("chorusctl %s: %s", what, run->err);
  g_assert_cmpint (run->status, ==, 0);
}

static void
sync_ok (const char *path)
{
  g_auto(ChorusTestRun) run = { 0 };

  chorus_test_run_chorusctl (&run, (const char * const *) child_env, NULL, "--workspace", path, "sync", NULL);
  assert_run_ok (&run, "sync");
}

/* A workspace following TAG on a new server of FIRST statuses, synced
 * once (the newest page), when the server has MORE statuses. */
static void
workspace_init (Workspace *ws)
{
  g_auto(ChorusTestRun) add = { 0 };

  ws->server = soak_start_mastodon (TAG, TOKEN, FIRST, 20, 25);
  ws->dir = chorus_test_make_temp_dir ();
  ws->path = g_build_filename (ws->dir, "resume.chorus", NULL);

  chorus_test_run_chorusctl (&add, (const char * const *) child_env, NULL, "--workspace", ws->path,
                             "account", "add", "mastodon", "--server", fake_mastodon_get_url (ws->server),
                             "--token-env", TOKEN_ENV, "--watch-tag", TAG, NULL);
  assert_run_ok (&add, "account add");
  sync_ok (ws->path);
  fake_mastodon_append (ws->server, MORE);
}

static void
workspace_clear (Workspace *ws)
{
  fake_mastodon_stop (ws->server);
  chorus_test_remove_tree (ws->dir);
  g_free (ws->dir);
  g_free (ws->path);
}

/* What a sync must leave, killed or not: a workspace SQLite and FTS5
 * find sound, whose counters match its rows, and that Chorus opens. */
static gint64
assert_sound (const char *path)
{
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);
  g_autofree char *integrity = chorus_test_db_query_text (db, "PRAGMA integrity_check");
  g_autoptr(ChorusStore) store = NULL;
  gint64 posts;

  g_assert_cmpstr (integrity, ==, "ok");
  chorus_test_db_exec (db, "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')");
  posts = chorus_test_db_query_int (db, "SELECT count(*) FROM posts");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT value FROM counters WHERE name = 'posts'"), ==, posts);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(DISTINCT uri) FROM posts"), ==, posts);
  sqlite3_close (db);

  store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  return posts;
}

/* The same posts (text and counts included) and threads as the
 * uninterrupted workspace, and all of them. */
static void
assert_complete (const char *path)
{
  g_assert_cmpint (assert_sound (path), ==, FIRST + MORE);
  soak_assert_same_rows (path, reference_path,
                    "SELECT uri, text, like_count, reply_count, repost_count FROM posts ORDER BY uri");
  soak_assert_same_rows (path, reference_path, "SELECT count(*) FROM conversations");
  soak_assert_same_rows (path, reference_path, "SELECT root_uri, post_count FROM conversations ORDER BY root_uri");
}

/* Built once, on a server of its own: its posts are the same, byte for
 * byte, as the other servers'. */
static void
ensure_reference (void)
{
  gint64 started;
  guint requests;
  Workspace ws;

  if (reference_path != NULL)
    return;

  workspace_init (&ws);
  started = g_get_monotonic_time ();
  requests = fake_mastodon_get_stats (ws.server).requests;
  sync_ok (ws.path);
  reference_ms = (guint) ((g_get_monotonic_time () - started) / 1000);
  reference_requests = fake_mastodon_get_stats (ws.server).requests - requests;
  g_assert_cmpint (assert_sound (ws.path), ==, FIRST + MORE);
  g_test_message ("An uninterrupted catch-up took %u ms and %u requests", reference_ms, reference_requests);

  /* Keep the file, not the server. */
  reference_dir = g_steal_pointer (&ws.dir);
  reference_path = g_steal_pointer (&ws.path);
  fake_mastodon_stop (ws.server);
}

/* Every test but for a missing chorusctl: the reference, then a workspace
 * of its own at its first sync. */
static gboolean
begin (Workspace *ws)
{
  if (chorus_test_skip_without_chorusctl ())
    return FALSE;

  ensure_reference ();
  workspace_init (ws);
  return TRUE;
}

static void
on_request_cb (guint       number,
               const char *path,
               gpointer    user_data)
{
  KillPlan *plan = user_data;
  int pid = g_atomic_int_get (&plan->pid);

  if ((gint) number == g_atomic_int_get (&plan->target) && pid > 0)
    kill (pid, SIGKILL);
}

/* Starts a sync and kills it after @delay_ms, or (when @delay_ms is 0) as
 * the server sees its @requests-th request. Returns whether it died of it
 * rather than finishing first. */
static gboolean
sync_and_kill (Workspace *ws,
               KillPlan  *plan,
               guint      delay_ms,
               guint      requests)
{
  g_autofree char *program = chorus_test_chorusctl_path ();
  g_autofree char *log = g_build_filename (ws->dir, "chorusctl.log", NULL);
  const char *argv[] = { program, "--workspace", ws->path, "sync", NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) exited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  guint target;

  for (guint i = 0; child_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (child_env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);

  target = delay_ms > 0 ? 0 : fake_mastodon_get_stats (ws->server).requests + requests;
  g_atomic_int_set (&plan->target, (gint) target);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  /* The child takes milliseconds to start before its first request. */
  g_atomic_int_set (&plan->pid, (gint) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10));

  g_subprocess_wait_async (process, NULL, chorus_test_async_result_cb, &exited);
  deadline = g_get_monotonic_time () + delay_ms * G_TIME_SPAN_MILLISECOND;
  while (delay_ms > 0 && exited == NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND);
  if (exited == NULL && delay_ms > 0)
    g_subprocess_force_exit (process);
  chorus_test_wait_async_result (&exited);
  g_assert_true (g_subprocess_wait_finish (process, exited, &error));
  g_atomic_int_set (&plan->pid, 0);

  if (g_subprocess_get_if_signaled (process) && g_subprocess_get_term_sig (process) == SIGKILL)
    return TRUE;

  /* Not killed in time: then it must have finished well. */
  if (!g_subprocess_get_successful (process))
    {
      g_autofree char *output = chorus_test_read_file (log, NULL);

      g_test_message ("chorusctl sync: %s", output);
    }
  g_assert_true (g_subprocess_get_successful (process));
  return FALSE;
}

/* Kills catch-ups until the count is reached. A run that finishes before
 * its kill completes a catch-up: it is checked, and the next run starts
 * again from the first sync's workspace, so that every kill lands in a
 * catch-up with work left. */
static void
test_kills (void)
{
  guint kills = soak_env_uint ("CHORUS_RESUME_KILLS", DEFAULT_KILLS);
  guint seed = soak_env_uint ("CHORUS_RESUME_SEED", DEFAULT_SEED);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *first_sync = NULL;
  KillPlan plan = { 0, };
  guint killed = 0;
  guint progressed = 0;
  guint catch_ups = 0;
  gint64 posts = FIRST;
  Workspace ws;

  if (!begin (&ws))
    return;
  first_sync = g_build_filename (ws.dir, "first-sync.chorus", NULL);
  soak_copy_workspace (ws.path, first_sync);
  fake_mastodon_set_request_func (ws.server, on_request_cb, &plan);
  g_test_message ("%u kills, seed %u (CHORUS_RESUME_KILLS, CHORUS_RESUME_SEED)", kills, seed);

  for (guint run = 1; killed < kills; run++)
    {
      /* Half timed, half as the server sees a given request of the run,
       * anywhere in the first 60% of what an uninterrupted catch-up took
       * here (in this build; at most 2 s), so that kills land in fetches,
       * parses and transactions, and runs that resume reach the later
       * ones. */
      gboolean timed = g_rand_boolean (rand);
      guint window_ms = CLAMP (reference_ms * 6 / 10, 11, 2000);
      guint delay_ms = timed ? (guint) g_rand_int_range (rand, 10, window_ms) : 0;
      guint requests = timed ? 0 : (guint) g_rand_int_range (rand, 1, reference_requests * 6 / 10 + 1);
      gboolean died = sync_and_kill (&ws, &plan, delay_ms, requests);
      gint64 now = assert_sound (ws.path);

      g_test_message ("run %u: %s %u: %s, %" G_GINT64_FORMAT " posts", run,
                      timed ? "kill after ms" : "kill at request", timed ? delay_ms : requests,
                      died ? "killed" : "finished first", now);
      g_assert_cmpint (now, >=, posts);
      g_assert_cmpuint (run, <, 5 * kills + 10);
      killed += died;
      progressed += died && now > posts;
      posts = now;

      if (!died)
        {
          assert_complete (ws.path);
          soak_copy_workspace (first_sync, ws.path);
          posts = FIRST;
          catch_ups++;
        }
    }

  g_test_message ("%u kills in %u catch-ups, %u after storing something", killed, catch_ups + 1, progressed);
  fake_mastodon_set_request_func (ws.server, NULL, NULL);
  sync_ok (ws.path);
  assert_complete (ws.path);
  workspace_clear (&ws);
}

/* Retried, so the catch-up completes in one sync. */
static void
test_faults (void)
{
  guint before;
  Workspace ws;

  if (!begin (&ws))
    return;

  before = fake_mastodon_get_stats (ws.server).list_requests;
  fake_mastodon_add_page_fault (ws.server, before + 2, FAKE_MASTODON_FAULT_RATE_LIMIT);
  fake_mastodon_add_page_fault (ws.server, before + 5, FAKE_MASTODON_FAULT_SERVER_ERROR);
  fake_mastodon_add_page_fault (ws.server, before + 12, FAKE_MASTODON_FAULT_SERVER_ERROR);
  sync_ok (ws.path);

  g_assert_cmpuint (fake_mastodon_get_stats (ws.server).faults_served, ==, 3);
  assert_complete (ws.path);
  workspace_clear (&ws);
}

/* A page whose connection closes after half its announced length is a
 * dropped connection, retried like the others. */
static void
test_dropped_body (void)
{
  g_auto(ChorusTestRun) run = { 0 };
  Workspace ws;

  if (!begin (&ws))
    return;

  fake_mastodon_add_page_fault (ws.server, fake_mastodon_get_stats (ws.server).list_requests + 14,
                                FAKE_MASTODON_FAULT_DROP);
  chorus_test_run_chorusctl (&run, (const char * const *) child_env, NULL, "--workspace", ws.path, "sync", NULL);
  g_assert_cmpuint (fake_mastodon_get_stats (ws.server).faults_served, ==, 1);

  assert_run_ok (&run, "sync");
  assert_complete (ws.path);
  workspace_clear (&ws);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  child_env = dup_child_env ();

  g_test_add_func ("/chorus/sync-resume/kills", test_kills);
  g_test_add_func ("/chorus/sync-resume/faults", test_faults);
  g_test_add_func ("/chorus/sync-resume/dropped-body", test_dropped_body);

  status = g_test_run ();

  if (reference_dir != NULL)
    chorus_test_remove_tree (reference_dir);
  g_free (reference_dir);
  g_free (reference_path);
  g_strfreev (child_env);

  return status;
}
