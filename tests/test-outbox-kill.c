/* test-outbox-kill.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>
#include <sys/types.h>

#include <gio/gio.h>

#include "chorus-store-ingest.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "fake-mastodon-private.h"
#include "outbox-test-util.h"

/* A reply is sent exactly once even when Chorus is killed mid-send: the
 * real chorusctl queues a reply to a status on the fake Mastodon server,
 * then "outbox send" is killed with SIGKILL, once while the server holds
 * the request it received (and made the status for), once before the
 * request left (the item already marked 'sending'; the server saw only
 * the read of the status it answers). Each time the workspace must pass
 * SQLite's integrity check, and a second "outbox send" must finish the
 * job: one status on the server, the item sent, one reply of the
 * brand's in the thread. */

#define TOKEN         "kill-test-token-c41d"
#define TOKEN_ENV     "CHORUS_OUTBOX_KILL_TOKEN"
#define TAG           "chorusoutboxkill"
#define TARGET_INDEX  2
#define REPLY_TEXT    "Thanks for waiting, it ships today."
#define WAIT_US       (20 * G_USEC_PER_SEC)

typedef struct
{
  FakeMastodon *server;
  char         *dir;
  char         *path;
  char         *target_uri;
  char         *status_path;      /* GET /api/v1/statuses/:id of the target */
  gint64        target_id;
  gint          pid;              /* chorusctl, while the server may kill it */
} Rig;

static const char * const child_env[] = { TOKEN_ENV "=" TOKEN, NULL };

/* A workspace with a Mastodon account and a mention to answer. */
static void
rig_init (Rig *rig)
{
  FakeMastodonConfig config = { 0, };
  g_autoptr(ChorusStore) store = NULL;
  guint64 status_id = fake_status_id (TARGET_INDEX);
  g_autofree char *remote_id = g_strdup_printf ("%" G_GUINT64_FORMAT, status_id);
  gint64 source_id;

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 5;
  rig->server = fake_mastodon_start (&config);
  rig->dir = chorus_test_make_temp_dir ();
  rig->path = g_build_filename (rig->dir, "kill.chorus", NULL);
  rig->target_uri = g_strdup_printf ("https://fake.example/users/ana/statuses/%" G_GUINT64_FORMAT, status_id);
  rig->status_path = g_strdup_printf ("/api/v1/statuses/%" G_GUINT64_FORMAT, status_id);

  store = chorus_test_open_store (rig->path, CHORUS_STORE_OPEN_CREATE);
  source_id = outbox_test_add_account (store, "mastodon", fake_mastodon_get_url (rig->server), "brand", TOKEN_ENV);
  rig->target_id = outbox_test_store_post (store, source_id, "mastodon", rig->target_uri, remote_id, NULL);
  chorus_test_finalize_object (g_steal_pointer (&store));
}

static void
rig_clear (Rig *rig)
{
  fake_mastodon_stop (rig->server);
  chorus_test_remove_tree (rig->dir);
  g_free (rig->dir);
  g_free (rig->path);
  g_free (rig->target_uri);
  g_free (rig->status_path);
}

static gint64
query_int (Rig        *rig,
           const char *sql)
{
  sqlite3 *db = chorus_test_db_open (rig->path, SQLITE_OPEN_READONLY, 5000);
  gint64 value = chorus_test_db_query_int (db, sql);

  sqlite3_close (db);
  return value;
}

static char *
query_text (Rig        *rig,
            const char *sql)
{
  sqlite3 *db = chorus_test_db_open (rig->path, SQLITE_OPEN_READONLY, 5000);
  char *value = chorus_test_db_query_text (db, sql);

  sqlite3_close (db);
  return value;
}

static void
queue_reply (Rig *rig)
{
  g_auto(ChorusTestRun) run = { 0 };
  g_autofree char *post = g_strdup_printf ("%" G_GINT64_FORMAT, rig->target_id);

  chorus_test_run_chorusctl (&run, child_env, NULL, "--workspace", rig->path, "reply", "--post", post,
                             "--text", REPLY_TEXT, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\n");
}

/* The server's thread: the kill lands as the target's status is read,
 * before the server answers, so the reply itself never leaves. */
static void
on_request_cb (guint       number,
               const char *path,
               gpointer    user_data)
{
  Rig *rig = user_data;
  int pid = g_atomic_int_get (&rig->pid);

  if (pid > 0 && g_str_equal (path, rig->status_path))
    kill (pid, SIGKILL);
}

static gboolean
status_made (gpointer data)
{
  return fake_mastodon_get_stats (data).created > 0;
}

/* Starts "outbox send" and kills it: as the server makes the status when
 * @in_flight, else through on_request_cb (). */
static void
send_and_kill (Rig      *rig,
               gboolean  in_flight)
{
  g_autofree char *program = chorus_test_chorusctl_path ();
  g_autofree char *log = g_build_filename (rig->dir, "chorusctl.log", NULL);
  const char *argv[] = { program, "--workspace", rig->path, "outbox", "send", NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) exited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  g_subprocess_launcher_setenv (launcher, TOKEN_ENV, TOKEN, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  if (in_flight)
    fake_mastodon_add_post_fault (rig->server, 1, FAKE_MASTODON_FAULT_STALL);
  else
    fake_mastodon_set_request_func (rig->server, on_request_cb, rig);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&rig->pid, (gint) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10));
  g_subprocess_wait_async (process, NULL, chorus_test_async_result_cb, &exited);

  while (in_flight && exited == NULL && !status_made (rig->server) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND);
  if (in_flight && exited == NULL)
    g_subprocess_force_exit (process);

  chorus_test_wait_async_result (&exited);
  g_assert_true (g_subprocess_wait_finish (process, exited, &error));
  g_atomic_int_set (&rig->pid, 0);
  fake_mastodon_set_request_func (rig->server, NULL, NULL);

  if (!g_subprocess_get_if_signaled (process))
    {
      g_autofree char *output = chorus_test_read_file (log, NULL);

      g_test_message ("chorusctl outbox send was not killed: %s", output);
    }
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

/* What a kill must leave: a sound workspace, the item claimed. */
static void
assert_interrupted (Rig *rig)
{
  g_autofree char *integrity = query_text (rig, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (rig, "SELECT count(*) FROM outbox WHERE state = 'sending' AND attempts = 1"), ==, 1);
  g_assert_cmpint (query_int (rig, "SELECT count(*) FROM posts WHERE is_own = 1"), ==, 0);
}

/* The second run sends it: once, and into the thread. */
static void
send_again_and_check (Rig   *rig,
                      guint  posts_expected)
{
  g_auto(ChorusTestRun) run = { 0 };
  g_autoptr(GPtrArray) writes = NULL;
  g_autofree char *key = query_text (rig, "SELECT idempotency_key FROM outbox");
  g_autofree char *reply_to = NULL;
  g_autofree char *integrity = NULL;
  FakeMastodonStats stats;

  chorus_test_run_chorusctl (&run, child_env, NULL, "--workspace", rig->path, "outbox", "send", NULL);
  if (run.status != 0)
    g_test_message ("chorusctl outbox send: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1 sent, 0 failed, 0 still queued.\n");

  stats = fake_mastodon_get_stats (rig->server);
  g_assert_cmpuint (stats.status_posts, ==, posts_expected);
  g_assert_cmpuint (stats.created, ==, 1);
  writes = fake_mastodon_dup_writes (rig->server);
  g_assert_cmpuint (writes->len, ==, posts_expected);
  for (guint i = 0; i < writes->len; i++)
    {
      FakeMastodonWrite *write = g_ptr_array_index (writes, i);

      g_assert_cmpstr (write->path, ==, "/api/v1/statuses");
      g_assert_cmpstr (write->idempotency_key, ==, key);
    }

  integrity = query_text (rig, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (rig, "SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts = 2"), ==, 1);
  g_assert_cmpint (query_int (rig, "SELECT count(*) FROM posts WHERE is_own = 1"), ==, 1);
  reply_to = query_text (rig, "SELECT reply_to_uri FROM posts WHERE is_own = 1");
  g_assert_cmpstr (reply_to, ==, rig->target_uri);
  g_assert_cmpint (query_int (rig, "SELECT count(DISTINCT conversation_id) FROM posts"), ==, 1);
}

/* Killed while the server held the request: Mastodon made the status,
 * Chorus never heard. The resend carries the same Idempotency-Key, and
 * gets the same status back. */
static void
test_kill_in_flight (void)
{
  Rig rig = { 0, };

  if (chorus_test_skip_without_chorusctl ())
    return;

  rig_init (&rig);
  queue_reply (&rig);
  send_and_kill (&rig, TRUE);
  assert_interrupted (&rig);
  g_assert_cmpuint (fake_mastodon_get_stats (rig.server).status_posts, ==, 1);
  g_assert_cmpuint (fake_mastodon_get_stats (rig.server).created, ==, 1);

  send_again_and_check (&rig, 2);
  rig_clear (&rig);
}

/* Killed after the item was marked 'sending', before the reply left: the
 * server never saw it, and the next run sends it once. */
static void
test_kill_before_sending (void)
{
  Rig rig = { 0, };

  if (chorus_test_skip_without_chorusctl ())
    return;

  rig_init (&rig);
  queue_reply (&rig);
  send_and_kill (&rig, FALSE);
  assert_interrupted (&rig);
  g_assert_cmpuint (fake_mastodon_get_stats (rig.server).status_posts, ==, 0);

  send_again_and_check (&rig, 1);
  rig_clear (&rig);
}

static void
run (Rig           *rig,
     ChorusTestRun *result,
     const char    *first,
     ...) G_GNUC_NULL_TERMINATED;

/* chorusctl --workspace <rig's> @first …, run to its end. */
static void
run (Rig           *rig,
     ChorusTestRun *result,
     const char    *first,
     ...)
{
  const char *args[8] = { NULL, };
  va_list ap;
  guint n = 0;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL && n < G_N_ELEMENTS (args) - 1; arg = va_arg (ap, const char *))
    args[n++] = arg;
  va_end (ap);

  chorus_test_run_clear (result);
  chorus_test_run_chorusctl (result, child_env, NULL, "--workspace", rig->path, args[0], args[1], args[2], args[3],
                             args[4], args[5], args[6], NULL);
}

/* The commands around the queue, as a script sees them. */
static void
test_commands (void)
{
  g_auto(ChorusTestRun) result = { 0 };
  g_autofree char *listed = NULL;
  g_autofree char *post = NULL;
  Rig rig = { 0, };
  gint64 conversation;

  if (chorus_test_skip_without_chorusctl ())
    return;

  rig_init (&rig);
  post = g_strdup_printf ("%" G_GINT64_FORMAT, rig.target_id);
  conversation = query_int (&rig, "SELECT conversation_id FROM posts");

  run (&rig, &result, "reply", "--post", post, NULL);
  g_assert_cmpint (result.status, ==, 2);
  run (&rig, &result, "reply", "--post", "99999", "--text", "Hi", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "chorusctl: This post is no longer in the workspace.\n");

  queue_reply (&rig);
  run (&rig, &result, "outbox", "edit", "1", "--text", "New\twords", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run (&rig, &result, "outbox", "list", NULL);
  listed = g_strdup_printf ("1\treply\tqueued\t0\t%" G_GINT64_FORMAT "\tNew words\t-\n", conversation);
  g_assert_cmpstr (result.out, ==, listed);

  run (&rig, &result, "outbox", "cancel", "1", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run (&rig, &result, "outbox", "retry", "1", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "chorusctl: Only what failed can be tried again.\n");
  run (&rig, &result, "outbox", "list", "--conversation", "424242", NULL);
  g_assert_cmpstr (result.out, ==, "");
  run (&rig, &result, "outbox", "send", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "0 sent, 0 failed, 0 still queued.\n");
  g_assert_cmpuint (fake_mastodon_get_stats (rig.server).status_posts, ==, 0);

  run (&rig, &result, "outbox", "resend", NULL);
  g_assert_cmpint (result.status, ==, 2);
  run (&rig, &result, "outbox", "retry", "one", NULL);
  g_assert_cmpint (result.status, ==, 2);
  rig_clear (&rig);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/outbox-kill/in-flight", test_kill_in_flight);
  g_test_add_func ("/chorus/outbox-kill/before-sending", test_kill_before_sending);
  g_test_add_func ("/chorus/outbox-kill/commands", test_commands);

  return g_test_run ();
}
