/* test-secrets-audit.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For memmem (). */
#define _GNU_SOURCE

#include <signal.h>
#include <string.h>
#include <sys/types.h>

#include <gio/gio.h>

#include "chorus-store-challenge-write.h"
#include "chorus-test-util.h"
#include "fake-bluesky-feed.h"
#include "fake-bluesky.h"
#include "fake-discourse.h"
#include "fake-mastodon.h"
#include "soak-util.h"

/* Secrets stay in the keyring. With every debug message on
 * (G_MESSAGES_DEBUG=all), the real chorusctl signs in to a fake Mastodon
 * server, Bluesky PDS and Discourse forum with secrets made for this run
 * and given on standard input (so they go to the keyring; then again with
 * them in environment variables, as headless use has), syncs every
 * network twice (the first time through one refusal from each, so that
 * requests are retried; the second on the Bluesky session the keyring
 * kept), sends a reply on each, writes every export it has (posts as
 * JSON Lines and CSV, a challenge's ranking as CSV and JSON, a pre-test
 * campaign's analysis as text and JSON, the account and source lists),
 * and dies of SIGABRT and of SIGSEGV in the middle of a sync. Then every
 * file it could have written is searched for each secret (and for the
 * Bluesky session tokens the PDS handed out), plain, base64-encoded at
 * each alignment and URL-encoded: the workspace, its -wal and -shm, the
 * workspace's folder (media), the XDG folders it ran with, every log of
 * its standard output and error, every export, and whatever the crashes
 * left. The keyring run needs an unlocked keyring on the session bus, as
 * build-aux/chorus-test provides, and is skipped without a session bus. */

#define TAG       "chorusaudit"
#define TOKEN_ENV "CHORUS_AUDIT_TOKEN"
#define PASSWORD_VARIABLE "CHORUS_AUDIT_PASSWORD"
#define KEY_ENV   "CHORUS_AUDIT_KEY"
#define KEYWORD   "redistricting"
#define USERNAME  "brand"

typedef struct
{
  gboolean       from_env;       /* secrets in environment variables, not the keyring */
  char          *token;          /* Mastodon */
  char          *password;       /* Bluesky */
  char          *api_key;        /* Discourse */
  FakeMastodon  *mastodon;
  FakeBluesky    bluesky;
  FakeDiscourse *discourse;
  char          *dir;            /* everything chorusctl may write is in here */
  char          *path;
  GStrv          env;
  guint          step;
  gint           pid;            /* chorusctl, while a server may crash it */
  gint           crash_signal;
  GPtrArray     *session_tokens; /* the Bluesky PDS's, as handed out */
} Audit;

static char *
make_secret (void)
{
  g_autoptr(GString) secret = g_string_new ("chorus-secret-");

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (secret, "%08x", g_random_int ());

  return g_string_free (g_steal_pointer (&secret), FALSE);
}

/* What every chorusctl runs with: all debug messages, XDG folders in the
 * audited folder, and the secrets when they come from the environment. */
static GStrv
dup_env (Audit *audit)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  static const char * const xdg[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME" };

  g_strv_builder_add (builder, "G_MESSAGES_DEBUG=all");
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *variable = g_strdup_printf ("%s=%s/xdg/%s", xdg[i], audit->dir, xdg[i]);

      g_strv_builder_add (builder, variable);
    }
  if (audit->from_env)
    {
      g_autofree char *token = g_strconcat (TOKEN_ENV "=", audit->token, NULL);
      g_autofree char *password = g_strconcat (PASSWORD_VARIABLE "=", audit->password, NULL);
      g_autofree char *key = g_strconcat (KEY_ENV "=", audit->api_key, NULL);

      g_strv_builder_add_many (builder, token, password, key, NULL);
    }

  return g_strv_builder_end (builder);
}

static void
audit_init (Audit    *audit,
            gboolean  from_env)
{
  FakeMastodonConfig config = { 0, };

  audit->from_env = from_env;
  audit->token = make_secret ();
  audit->password = make_secret ();
  audit->api_key = make_secret ();
  audit->session_tokens = g_ptr_array_new_with_free_func (g_free);

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = audit->token;
  config.statuses = 60;
  config.mention_every = 7;
  config.reply_every = 5;
  g_assert_nonnull (config.corpus_dir);
  audit->mastodon = fake_mastodon_start (&config);
  fake_bluesky_set_up (&audit->bluesky);
  audit->bluesky.password = audit->password;
  fake_bluesky_add_posts (&audit->bluesky, 15);
  fake_bluesky_add_notifications (&audit->bluesky, 10);
  audit->discourse = fake_discourse_start (audit->api_key, USERNAME);
  fake_discourse_add_topic (audit->discourse, 3);

  audit->dir = chorus_test_make_temp_dir ();
  audit->path = g_build_filename (audit->dir, "audit.chorus", NULL);
  audit->env = dup_env (audit);
}

static void
audit_clear (Audit *audit)
{
  fake_mastodon_set_request_func (audit->mastodon, NULL, NULL);
  fake_mastodon_stop (audit->mastodon);
  fake_bluesky_tear_down (&audit->bluesky);
  fake_discourse_stop (audit->discourse);
  chorus_test_remove_tree (audit->dir);
  g_free (audit->dir);
  g_free (audit->path);
  g_strfreev (audit->env);
  g_ptr_array_unref (audit->session_tokens);
  g_free (audit->token);
  g_free (audit->password);
  g_free (audit->api_key);
}

/* The Bluesky session tokens handed out so far. */
static void
note_session_tokens (Audit *audit)
{
  const char *tokens[] = { audit->bluesky.access, audit->bluesky.refresh };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (tokens[i] != NULL && !g_ptr_array_find_with_equal_func (audit->session_tokens, tokens[i], g_str_equal, NULL))
      g_ptr_array_add (audit->session_tokens, g_strdup (tokens[i]));
}

/* Runs chorusctl with @args, its output to a log of its own in the
 * audited folder, which it returns; it must succeed. */
static char *
run_step (Audit              *audit,
          const char         *input,
          const char * const *args)
{
  g_autofree char *name = g_strdup_printf ("step-%02u-%s.log", ++audit->step, args[0]);
  char *log = g_build_filename (audit->dir, name, NULL);
  SoakRun run = { (const char * const *) audit->env, log, 0, NULL, input, audit->dir, 0 };

  g_assert_false (soak_run_chorusctlv (&run, audit->path, args));
  note_session_tokens (audit);
  return log;
}

#define RUN(audit, input, ...) \
  G_STMT_START { \
    const char *args_[] = { __VA_ARGS__, NULL }; \
    g_free (run_step ((audit), (input), args_)); \
  } G_STMT_END

/* The id @sql reads from the workspace (which must be sound), as an
 * argument for chorusctl. */
static char *
query_id (Audit      *audit,
          const char *sql)
{
  gint64 id = soak_quick_check (audit->path, sql);

  g_assert_cmpint (id, >, 0);
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* The three accounts, each secret on standard input (to the keyring), or
 * named by its environment variable. */
static void
sign_in (Audit *audit)
{
  g_autofree char *token = g_strconcat (audit->token, "\n", NULL);
  g_autofree char *password = g_strconcat (audit->password, "\n", NULL);
  g_autofree char *key = g_strconcat (audit->api_key, "\n", NULL);
  gboolean env = audit->from_env;

  RUN (audit, env ? NULL : token, "account", "add", "mastodon", "--server", fake_mastodon_get_url (audit->mastodon),
       env ? "--token-env" : "--token-stdin", env ? TOKEN_ENV : "--watch-tag", env ? "--watch-tag" : TAG,
       env ? TAG : NULL);
  RUN (audit, env ? NULL : password, "account", "add", "bluesky", "--server", audit->bluesky.rig.base, "--handle",
       HANDLE, "--watch-keyword", KEYWORD, env ? "--password-env" : "--password-stdin", env ? PASSWORD_VARIABLE : NULL);
  RUN (audit, env ? NULL : key, "account", "add", "discourse", "--server", fake_discourse_get_url (audit->discourse),
       "--username", USERNAME, env ? "--api-key-env" : "--api-key-stdin", env ? KEY_ENV : NULL);
}

/* A reply on each network, to a post the sync read. */
static void
reply_everywhere (Audit *audit)
{
  g_autofree char *mastodon = query_id (audit, "SELECT id FROM posts WHERE uri LIKE 'http%' ORDER BY id LIMIT 1");
  g_autofree char *bluesky = query_id (audit, "SELECT id FROM posts WHERE uri LIKE 'at://%' ORDER BY id LIMIT 1");
  g_autofree char *discourse = query_id (audit, "SELECT p.id FROM posts p JOIN sources s ON s.id = p.source_id "
                                                "WHERE s.network = 'discourse' ORDER BY p.id LIMIT 1");
  g_autofree char *sent = NULL;
  g_autofree char *output = NULL;

  RUN (audit, NULL, "reply", "--post", mastodon, "--text", "Thanks from the audit, Mastodon.");
  RUN (audit, NULL, "reply", "--post", bluesky, "--text", "Thanks from the audit, Bluesky.");
  RUN (audit, NULL, "reply", "--post", discourse, "--text", "Thanks from the audit, Discourse.");
  {
    const char *args[] = { "outbox", "send", NULL };

    sent = run_step (audit, NULL, args);
  }
  output = chorus_test_read_file (sent, NULL);
  g_assert_nonnull (strstr (output, "3 sent, 0 failed, 0 still queued."));
  g_assert_cmpuint (fake_discourse_get_stats (audit->discourse).posts_made, ==, 1);
  g_assert_cmpuint (fake_discourse_count_raw (audit->discourse, "Thanks from the audit, Discourse."), ==, 1);
  g_assert_cmpuint (audit->bluesky.feed->records->len, ==, 1);
}

/* A challenge of the brand's, so that its ranking can be exported. */
static void
add_challenge (Audit *audit)
{
  g_autoptr(ChorusStore) store = chorus_test_open_store (audit->path, CHORUS_STORE_OPEN_EXISTING);
  ChorusChallengeDraft *draft = chorus_challenge_draft_new ("Audit tee");
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  chorus_challenge_draft_set_text (&draft->hashtag, TAG);
  draft->submissions_open = now - 3 * 86400;
  draft->submissions_close = now - 2 * 86400;
  draft->voting_open = now - 2 * 86400;
  draft->voting_close = now - 86400;
  g_assert_cmpint (chorus_store_create_challenge (store, draft, &error), >, 0);
  g_assert_no_error (error);
  chorus_challenge_draft_free (draft);
  chorus_test_finalize_object (g_steal_pointer (&store));
}

static void
export_everything (Audit *audit)
{
  g_autofree char *exports = g_build_filename (audit->dir, "exports", NULL);
  g_autofree char *jsonl = g_build_filename (exports, "posts.jsonl", NULL);
  g_autofree char *csv = g_build_filename (exports, "posts.csv", NULL);
  g_autofree char *challenge = NULL;
  g_autofree char *campaign = NULL;

  g_assert_cmpint (g_mkdir_with_parents (exports, 0700), ==, 0);
  RUN (audit, NULL, "export", "posts", "--format", "jsonl", "--output", jsonl);
  RUN (audit, NULL, "export", "posts", "--format", "csv", "--output", csv);
  RUN (audit, NULL, "export", "posts");
  RUN (audit, NULL, "account", "list");
  RUN (audit, NULL, "sources");
  RUN (audit, NULL, "info");

  add_challenge (audit);
  challenge = query_id (audit, "SELECT max(id) FROM challenges");
  RUN (audit, NULL, "challenge", "list");
  RUN (audit, NULL, "challenge", "export", challenge, "--format", "csv");
  RUN (audit, NULL, "challenge", "export", challenge, "--format", "json");

  RUN (audit, NULL, "campaign", "create", "--name", "Audit tagline", "--variant", "Tall pines",
       "--variant", "Taller pines");
  campaign = query_id (audit, "SELECT max(id) FROM campaigns");
  RUN (audit, NULL, "campaign", "list");
  RUN (audit, NULL, "campaign", "analysis", campaign);
  RUN (audit, NULL, "campaign", "analysis", campaign, "--format", "json");
}

/* The server's thread: the crash lands as the child asks with its
 * token, so the token is in its memory. */
static void
on_request_cb (guint       number,
               const char *path,
               gpointer    user_data)
{
  Audit *audit = user_data;
  gint pid = g_atomic_int_get (&audit->pid);

  if (pid > 0 && g_str_has_prefix (path, "/api/v1/") && g_atomic_int_compare_and_exchange (&audit->pid, pid, 0))
    kill (pid, g_atomic_int_get (&audit->crash_signal));
}

/* A sync that dies of @signal_number while it talks to Mastodon: what
 * it says as it dies goes to a log, and whatever it leaves stays in the
 * audited folder (its working folder) to be searched. */
static void
crash (Audit *audit,
       int    signal_number)
{
  g_autofree char *name = g_strdup_printf ("crash-%s.log", g_strsignal (signal_number));
  g_autofree char *log = g_build_filename (audit->dir, name, NULL);
  const char *args[] = { "sync", NULL };
  SoakRun run = { (const char * const *) audit->env, log, 0, &audit->pid, NULL, audit->dir, signal_number };

  /* Something new, so that the sync asks for it. */
  fake_mastodon_append (audit->mastodon, 200);
  g_atomic_int_set (&audit->crash_signal, signal_number);
  fake_mastodon_set_request_func (audit->mastodon, on_request_cb, audit);
  g_assert_true (soak_run_chorusctlv (&run, audit->path, args));
  fake_mastodon_set_request_func (audit->mastodon, NULL, NULL);
}

/* The forms a secret could take in a file: itself, URL-encoded, and
 * base64 at each of the three alignments it could have inside a longer
 * encoded text (without the characters its neighbours change). */
static GPtrArray *
dup_forms (const char *secret)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (forms, g_strdup (secret));
  g_ptr_array_add (forms, g_uri_escape_string (secret, NULL, FALSE));
  for (guint shift = 0; shift < 3; shift++)
    {
      g_autofree char *padded = g_strconcat (&"xx"[2 - shift], secret, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) padded, strlen (padded));
      gsize length = strlen (encoded);

      /* The first block holds the padding's bytes, the last one the end's. */
      g_ptr_array_add (forms, g_strndup (encoded + (shift > 0 ? 4 : 0), length - 4 - (shift > 0 ? 4 : 0)));
    }

  return forms;
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  return memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Every file under @dir, recursively. */
static void
list_files (const char *dir,
            GPtrArray  *files)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        list_files (path, files);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

/* No file in the audited folder holds a secret in any form; and, so that
 * the search is known to look, the workspace holds the text of a reply
 * it sent and the logs hold Chorus's debug messages, its HTTP retries'
 * among them. */
static void
search_everything (Audit *audit)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) secrets = g_ptr_array_new ();
  gboolean saw_reply = FALSE;
  gboolean saw_debug = FALSE;
  gboolean saw_retry = FALSE;
  guint leaks = 0;
  gsize bytes = 0;

  g_ptr_array_add (secrets, audit->token);
  g_ptr_array_add (secrets, audit->password);
  g_ptr_array_add (secrets, audit->api_key);
  g_ptr_array_extend (secrets, audit->session_tokens, NULL, NULL);
  g_assert_cmpuint (audit->session_tokens->len, >=, 2);

  list_files (audit->dir, files);
  for (guint f = 0; f < files->len; f++)
    {
      const char *path = g_ptr_array_index (files, f);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      bytes += length;
      saw_reply |= contains (data, length, "Thanks from the audit, Bluesky.");
      saw_debug |= contains (data, length, "ChorusCore-DEBUG");
      saw_retry |= contains (data, length, "ChorusCore-DEBUG") && contains (data, length, "Retrying");
      for (guint s = 0; s < secrets->len; s++)
        {
          g_autoptr(GPtrArray) forms = dup_forms (g_ptr_array_index (secrets, s));

          for (guint i = 0; i < forms->len; i++)
            if (contains (data, length, g_ptr_array_index (forms, i)))
              {
                g_test_message ("%s holds secret %u (form %u)", path, s, i);
                leaks++;
              }
        }
    }

  g_test_message ("Searched %u files, %" G_GSIZE_FORMAT " bytes, for %u secrets", files->len, bytes, secrets->len);
  g_assert_true (saw_reply);
  g_assert_true (saw_debug);
  g_assert_true (saw_retry);
  g_assert_cmpuint (leaks, ==, 0);
}

/* @data: whether the secrets come from environment variables (else the
 * keyring, which needs a session bus). */
static void
test_audit (gconstpointer data)
{
  gboolean from_env = GPOINTER_TO_INT (data);
  g_autofree char *workspace_files = NULL;
  Audit audit = { 0, };

  if (chorus_test_skip_without_chorusctl ())
    return;
  if (!from_env && g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no session bus, so no keyring; build-aux/chorus-test runs this with one");
      return;
    }

  audit_init (&audit, from_env);
  sign_in (&audit);

  /* Each network refuses once, so that the HTTP layer's retries (and
   * what they log) carry the secrets too. */
  fake_mastodon_add_page_fault (audit.mastodon, fake_mastodon_get_stats (audit.mastodon).list_requests + 1,
                                FAKE_MASTODON_FAULT_RATE_LIMIT);
  audit.bluesky.fail_500 = 1;
  fake_discourse_add_fault (audit.discourse, "/latest.json", FAKE_DISCOURSE_FAULT_SERVER_ERROR);
  RUN (&audit, NULL, "sync");
  g_assert_cmpuint (audit.bluesky.searches, >, 0);
  g_assert_cmpuint (fake_mastodon_get_stats (audit.mastodon).faults_served, ==, 1);
  reply_everywhere (&audit);
  RUN (&audit, NULL, "sync");
  export_everything (&audit);
  crash (&audit, SIGABRT);
  crash (&audit, SIGSEGV);

  /* The crashes left the workspace with its -wal, searched as it is. */
  workspace_files = g_strdup_printf ("-wal %d, -shm %d", chorus_test_sidecar_exists (audit.path, "-wal"),
                                     chorus_test_sidecar_exists (audit.path, "-shm"));
  g_test_message ("The workspace after the crashes: %s", workspace_files);
  search_everything (&audit);
  audit_clear (&audit);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/chorus/secrets-audit/keyring", GINT_TO_POINTER (FALSE), test_audit);
  g_test_add_data_func ("/chorus/secrets-audit/environment", GINT_TO_POINTER (TRUE), test_audit);

  return g_test_run ();
}
