/* test-chorusctl-account.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "chorus-test-util.h"

/* chorusctl account add / list and sync --source, as scripts use them:
 * exact options, exit statuses, and secrets that never reach the
 * workspace or the output. Mastodon tokens are checked against a fake
 * server on 127.0.0.1 before anything is stored. */

#define TOKEN "fake-token-9f8e7d6c5b4a"
#define PASSWORD "app-pass-1a2b-3c4d-5e6f"

typedef struct
{
  char       *dir;
  char       *path;
  SoupServer *server;
  char       *base;
} Fixture;

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");
  static const char account[] =
    "{\"id\":\"1\",\"username\":\"brand\",\"acct\":\"brand\",\"display_name\":\"Tall Pine\"}";
  static const char refused[] = "{\"error\":\"The access token is invalid\"}";

  if (g_strcmp0 (path, "/api/v1/accounts/verify_credentials") == 0 &&
      g_strcmp0 (authorization, "Bearer " TOKEN) == 0)
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, account,
                                        strlen (account));
    }
  else if (g_strcmp0 (path, "/api/v1/accounts/verify_credentials") == 0)
    {
      soup_server_message_set_status (message, 401, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, refused,
                                        strlen (refused));
    }
  else if (g_strcmp0 (path, "/api/v1/timelines/tag/tallpine") == 0 ||
           g_strcmp0 (path, "/api/v1/notifications") == 0)
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "[]", 2);
    }
  else
    /* /api/v2/instance too, as on servers before Mastodon 4.0: a sync
     * goes on without the limits. */
    soup_server_message_set_status (message, 404, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = chorus_test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "accounts.chorus", NULL);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, on_request_cb, f, NULL);
  f->base = chorus_test_listen_local (f->server, 0);
  if (g_str_has_suffix (f->base, "/"))
    f->base[strlen (f->base) - 1] = '\0';
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  soup_server_disconnect (f->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->server);
  chorus_test_remove_tree (f->dir);
  g_free (f->base);
  g_free (f->path);
  g_free (f->dir);
}

/* chorusctl runs in another process: this one's main loop must serve the
 * fake server meanwhile. */
typedef struct
{
  ChorusTestRun       *run;
  const char * const  *environment;
  const char          *input;
  const char * const  *args;
  gboolean             done;
} Job;

static gpointer
run_in_thread (gpointer data)
{
  Job *job = data;
  const char * const *a = job->args;

  chorus_test_run_chorusctl (job->run, job->environment, job->input, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                             a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16], NULL);
  g_atomic_int_set (&job->done, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

static gboolean
job_done (gpointer data)
{
  return g_atomic_int_get (&((Job *) data)->done);
}

/* Runs chorusctl --workspace PATH ARGS… (at most 15) while serving. */
static void
run (Fixture             *f,
     ChorusTestRun       *result,
     const char * const  *environment,
     const char          *input,
     ...)
{
  const char *args[18] = { "--workspace", f->path, NULL, };
  Job job = { result, environment, input, args, FALSE };
  GThread *thread;
  va_list ap;
  guint n = 2;

  va_start (ap, input);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (args) - 1);
      args[n++] = arg;
    }
  va_end (ap);

  thread = g_thread_new ("chorusctl", run_in_thread, &job);
  g_assert_true (chorus_test_spin_until (job_done, &job, 60000));
  g_thread_join (thread);
}

static void
assert_usage_error (ChorusTestRun *result)
{
  g_assert_cmpint (result->status, ==, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_nonnull (strstr (result->err, "--help"));
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  const char * const env[] = { "TP_TOKEN=" TOKEN, "TP_PASSWORD=" PASSWORD, "TP_KEY=forum-key-0000", NULL };
  g_autofree char *forum = g_strconcat (f->base, "/forum", NULL);
  g_autofree char *feed = g_strconcat (f->base, "/feed.xml", NULL);
  g_autofree char *contents = NULL;
  g_auto(ChorusTestRun) mastodon = { 0 };
  g_auto(ChorusTestRun) bluesky = { 0 };
  g_auto(ChorusTestRun) discourse = { 0 };
  g_auto(ChorusTestRun) feed_run = { 0 };
  g_auto(ChorusTestRun) again = { 0 };
  g_auto(ChorusTestRun) list = { 0 };
  g_auto(GStrv) lines = NULL;
  gsize length;

  if (chorus_test_skip_without_chorusctl ())
    return;

  run (f, &mastodon, env, NULL, "account", "add", "mastodon", "--server", f->base, "--token-env", "TP_TOKEN",
       "--watch-tag", "#tallpine", "--watch-keyword", "tall pine", NULL);
  g_assert_cmpstr (mastodon.err, ==, "");
  g_assert_cmpint (mastodon.status, ==, 0);
  g_assert_cmpstr (mastodon.out, ==, "1\n");

  run (f, &bluesky, env, NULL, "account", "add", "bluesky", "--server", "https://bsky.example",
       "--handle", "@tallpine.example", "--password-env", "TP_PASSWORD", "--watch-keyword", "pine cones",
       NULL);
  g_assert_cmpint (bluesky.status, ==, 0);
  g_assert_cmpstr (bluesky.out, ==, "2\n");

  run (f, &discourse, env, NULL, "account", "add", "discourse", "--server", forum, "--username", "brand",
       "--api-key-env", "TP_KEY", "--category", "support", "--category", "ideas", NULL);
  g_assert_cmpint (discourse.status, ==, 0);
  g_assert_cmpstr (discourse.out, ==, "3\n");

  run (f, &feed_run, NULL, NULL, "account", "add", "feed", "--url", feed, NULL);
  g_assert_cmpint (feed_run.status, ==, 0);
  g_assert_cmpstr (feed_run.out, ==, "4\n");

  /* The same account twice is refused, in one sentence. */
  run (f, &again, env, NULL, "account", "add", "discourse", "--server", forum, "--username", "brand",
       "--api-key-env", "TP_KEY", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpstr (again.out, ==, "");
  g_assert_nonnull (strstr (again.err, "number 3"));

  run (f, &list, NULL, NULL, "account", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "1\tmastodon\tbrand\t"));
  g_assert_nonnull (strstr (lines[0], "mentions, #tallpine, "));
  g_assert_nonnull (strstr (lines[0], "tall pine"));
  g_assert_true (g_str_has_prefix (lines[1], "2\tbluesky\ttallpine.example\thttps://bsky.example\t"));
  g_assert_nonnull (strstr (lines[1], "mentions, "));
  g_assert_nonnull (strstr (lines[1], "pine cones"));
  g_assert_nonnull (strstr (lines[2], "support, ideas"));
  g_assert_true (g_str_has_prefix (lines[3], "4\tfeed\t-\t"));
  g_assert_nonnull (strstr (lines[3], "not synced yet"));

  /* Only the variables' names are kept, never what they hold, in the
   * workspace or its journal. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_strconcat (f->path, i ? "-wal" : "", NULL);

      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        continue;
      contents = chorus_test_read_file (file, &length);
      g_assert_null (g_strstr_len (contents, length, TOKEN));
      g_assert_null (g_strstr_len (contents, length, PASSWORD));
      g_assert_null (g_strstr_len (contents, length, "forum-key-0000"));
      g_clear_pointer (&contents, g_free);
    }
  g_assert_null (strstr (list.out, TOKEN));
}

static void
test_wrong_token (Fixture       *f,
                  gconstpointer  data)
{
  const char * const env[] = { "TP_TOKEN=not-the-token", NULL };
  g_auto(ChorusTestRun) result = { 0 };
  g_auto(ChorusTestRun) list = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  run (f, &result, env, NULL, "account", "add", "mastodon", "--server", f->base, "--token-env", "TP_TOKEN",
       NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpuint (strlen (result.err), >, 0);
  g_assert_null (strstr (result.err, "not-the-token"));

  /* Nothing was added. */
  run (f, &list, NULL, NULL, "account", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "");
}

static void
test_bad_usage (Fixture       *f,
                gconstpointer  data)
{
  g_auto(ChorusTestRun) no_secret = { 0 };
  g_auto(ChorusTestRun) two_secrets = { 0 };
  g_auto(ChorusTestRun) wrong_option = { 0 };
  g_auto(ChorusTestRun) unknown = { 0 };
  g_auto(ChorusTestRun) no_handle = { 0 };
  g_auto(ChorusTestRun) empty_stdin = { 0 };
  g_auto(ChorusTestRun) help = { 0 };
  g_auto(ChorusTestRun) sync_unknown = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  run (f, &no_secret, NULL, NULL, "account", "add", "mastodon", "--server", f->base, NULL);
  assert_usage_error (&no_secret);
  run (f, &two_secrets, NULL, NULL, "account", "add", "mastodon", "--server", f->base, "--token-env", "X",
       "--token-stdin", NULL);
  assert_usage_error (&two_secrets);
  run (f, &wrong_option, NULL, NULL, "account", "add", "feed", "--url", f->base, "--category", "x", NULL);
  assert_usage_error (&wrong_option);
  g_assert_nonnull (strstr (wrong_option.err, "--category"));
  run (f, &unknown, NULL, NULL, "account", "add", "myspace", "--server", f->base, NULL);
  assert_usage_error (&unknown);
  run (f, &no_handle, NULL, NULL, "account", "add", "bluesky", "--server", f->base, "--password-env", "X", NULL);
  assert_usage_error (&no_handle);

  /* An empty standard input is a failure, not a usage error. */
  run (f, &empty_stdin, NULL, "", "account", "add", "discourse", "--server", f->base, "--username", "brand",
       "--api-key-stdin", NULL);
  g_assert_cmpint (empty_stdin.status, ==, 1);

  run (f, &help, NULL, NULL, "account", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--token-stdin"));
  g_assert_nonnull (strstr (help.out, "--api-key-env"));

  run (f, &sync_unknown, NULL, NULL, "sync", "--source", "42", NULL);
  assert_usage_error (&sync_unknown);
}

static void
test_sync_source (Fixture       *f,
                  gconstpointer  data)
{
  const char * const env[] = { "TP_TOKEN=" TOKEN, NULL };
  g_autofree char *feed = g_strconcat (f->base, "/missing-feed.xml", NULL);
  g_auto(ChorusTestRun) add = { 0 };
  g_auto(ChorusTestRun) add_feed = { 0 };
  g_auto(ChorusTestRun) one = { 0 };
  g_auto(ChorusTestRun) all = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  run (f, &add, env, NULL, "account", "add", "mastodon", "--server", f->base, "--token-env", "TP_TOKEN",
       "--watch-tag", "tallpine", NULL);
  g_assert_cmpint (add.status, ==, 0);
  run (f, &add_feed, NULL, NULL, "account", "add", "feed", "--url", feed, NULL);
  g_assert_cmpint (add_feed.status, ==, 0);

  /* The account alone syncs. */
  run (f, &one, env, NULL, "sync", "--source", "1", NULL);
  g_test_message ("sync: %s / %s", one.out, one.err);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_nonnull (strstr (one.err, "Syncing @brand on 127.0.0.1"));
  g_assert_nonnull (strstr (one.out, "@brand on 127.0.0.1: 0 new posts, 0 updated\n"));
  g_assert_nonnull (strstr (one.out, "Sources synced: 1, failed: 0."));

  /* With the broken feed, the sync fails with a sentence for it. */
  run (f, &all, env, NULL, "sync", NULL);
  g_assert_cmpint (all.status, ==, 1);
  g_assert_nonnull (strstr (all.out, "Sources synced: 1, failed: 1."));
  g_assert_nonnull (strstr (all.err, "chorusctl: 127.0.0.1: "));
  g_assert_null (strstr (all.err, TOKEN));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorusctl/account/add-and-list", Fixture, NULL, fixture_set_up, test_add_and_list,
              fixture_tear_down);
  g_test_add ("/chorusctl/account/wrong-token", Fixture, NULL, fixture_set_up, test_wrong_token,
              fixture_tear_down);
  g_test_add ("/chorusctl/account/bad-usage", Fixture, NULL, fixture_set_up, test_bad_usage, fixture_tear_down);
  g_test_add ("/chorusctl/account/sync-source", Fixture, NULL, fixture_set_up, test_sync_source,
              fixture_tear_down);

  return g_test_run ();
}
