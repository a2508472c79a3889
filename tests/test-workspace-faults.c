/* test-workspace-faults.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-http.h"
#include "chorus-incoming.h"
#include "chorus-store-ingest.h"
#include "chorus-test-util.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"

/* A workspace that stops taking writes while it is open: the disk fills
 * up, or the file system turns read-only. SQLite is told so on every
 * connection the store opens (an auto-extension runs a pragma on each:
 * max_page_count for a full disk, query_only for a read-only one), and a
 * real sync of a real feed runs into it. The sync says so in one
 * sentence, stores nothing, and once there is room again the same
 * workspace opens and syncs as if nothing had happened. */

#define FULL_DISK_MESSAGE "The disk is full, so Chorus could not save this change. Free some space, then try again."
#define READ_ONLY_MESSAGE "The workspace cannot be written to, so Chorus could not save this change. Check that " \
                          "its file and its folder are not read-only, then try again."

typedef struct
{
  ChorusTestWorkspace  workspace;
  SoupServer          *server;
  char                *feed_url;
  GBytes              *feed;
} Fixture;

/* The pragma every new connection runs; only touched before a store opens. */
static char *connection_pragma;

static int
apply_pragma (sqlite3                           *db,
              const char                       **message,
              const struct sqlite3_api_routines *api)
{
  return sqlite3_exec (db, connection_pragma, NULL, NULL, NULL);
}

static void
limit_connections (const char *pragma)
{
  g_free (connection_pragma);
  connection_pragma = g_strdup (pragma);
  g_assert_cmpint (sqlite3_auto_extension ((void (*) (void)) apply_pragma), ==, SQLITE_OK);
}

static void
lift_limit (void)
{
  sqlite3_cancel_auto_extension ((void (*) (void)) apply_pragma);
  g_clear_pointer (&connection_pragma, g_free);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/rss+xml", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (f->feed, NULL), g_bytes_get_size (f->feed));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), "feeds/rss-parser/guardian.rss", NULL);
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  f->feed = g_bytes_new_take (contents, length);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, on_request_cb, f, NULL);
  base = chorus_test_listen_local (f->server, 0);
  f->feed_url = g_strconcat (base, "feed.xml", NULL);

  /* A workspace with one feed, closed again. */
  chorus_test_workspace_init (&f->workspace, "faults.chorus");
  store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  chorus_store_add_source (store, "feed", f->feed_url, NULL, "Guardian", &error);
  g_assert_no_error (error);
  chorus_test_finalize_object (g_steal_pointer (&store));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lift_limit ();
  soup_server_disconnect (f->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&f->server));
  chorus_test_workspace_remove_all (&f->workspace);
  g_free (f->feed_url);
  g_bytes_unref (f->feed);
}

typedef struct
{
  ChorusSyncSummary summary;
  char             *message;    /* the error source-finished carried */
} SyncOutcome;

static void
on_source_finished_cb (ChorusSyncEngine *engine,
                       ChorusSource     *source,
                       guint             inserted,
                       guint             updated,
                       const GError     *error,
                       SyncOutcome      *outcome)
{
  g_free (outcome->message);
  outcome->message = error != NULL ? g_strdup (error->message) : NULL;
}

/* Opens the workspace, syncs its feed once, and closes it. */
static SyncOutcome
sync_once (Fixture *f)
{
  g_autoptr(ChorusStore) store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_EXISTING);
  g_autoptr(ChorusHttp) http = chorus_http_new ();
  g_autoptr(ChorusSyncEngine) engine = chorus_sync_engine_new (store, http);
  SyncOutcome outcome = { { 0, }, NULL };

  g_signal_connect (engine, "source-finished", G_CALLBACK (on_source_finished_cb), &outcome);
  outcome.summary = chorus_test_sync_now (engine);
  g_clear_object (&engine);
  chorus_test_finalize_object (g_steal_pointer (&store));

  return outcome;
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = chorus_test_db_open (f->workspace.path, SQLITE_OPEN_READONLY, 1000);
  gint64 count = chorus_test_db_query_int (db, sql);

  sqlite3_close (db);
  return count;
}

/* After the fault: the workspace is whole, and a sync with room to write
 * stores what the faulty one could not. */
static void
assert_recovers (Fixture *f)
{
  SyncOutcome outcome;
  sqlite3 *db;
  g_autofree char *check = NULL;

  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM posts"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM source_cursors"), ==, 0);

  lift_limit ();
  db = chorus_test_db_open (f->workspace.path, SQLITE_OPEN_READONLY, 1000);
  check = chorus_test_db_query_text (db, "PRAGMA integrity_check");
  sqlite3_close (db);
  g_assert_cmpstr (check, ==, "ok");

  outcome = sync_once (f);
  g_assert_null (outcome.message);
  g_assert_cmpuint (outcome.summary.sources_synced, ==, 1);
  g_assert_cmpuint (outcome.summary.posts_new, >, 10);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM posts"), ==, outcome.summary.posts_new);
  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM sources WHERE last_error IS NULL"), ==, 1);
}

static void
assert_sync_refused (Fixture    *f,
                     const char *pragma,
                     const char *expected)
{
  SyncOutcome outcome;

  limit_connections (pragma);
  outcome = sync_once (f);

  g_assert_cmpuint (outcome.summary.sources_failed, ==, 1);
  g_assert_cmpuint (outcome.summary.posts_new, ==, 0);
  g_assert_cmpstr (outcome.message, ==, expected);
  g_free (outcome.message);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  sqlite3 *db = chorus_test_db_open (f->workspace.path, SQLITE_OPEN_READONLY, 1000);
  gint64 pages = chorus_test_db_query_int (db, "PRAGMA page_count");
  g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_autofree char *last_error = NULL;

  sqlite3_close (db);

  /* Not one page more than the workspace has now. */
  assert_sync_refused (f, pragma, FULL_DISK_MESSAGE);

  /* The failure is kept where the sources list shows it: rewriting a row
   * in place needs no new page. */
  db = chorus_test_db_open (f->workspace.path, SQLITE_OPEN_READONLY, 1000);
  last_error = chorus_test_db_query_text (db, "SELECT last_error FROM sources");
  sqlite3_close (db);
  g_assert_cmpstr (last_error, ==, FULL_DISK_MESSAGE);

  assert_recovers (f);
}

static void
test_read_only_while_open (Fixture       *f,
                           gconstpointer  data)
{
  assert_sync_refused (f, "PRAGMA query_only = 1", READ_ONLY_MESSAGE);
  assert_recovers (f);
}

/* A direct write, not through a sync: refused with the same words, and
 * the workspace keeps what it had. */
static void
test_write_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  limit_connections ("PRAGMA query_only = 1");
  store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_EXISTING);
  g_assert_cmpint (chorus_store_add_source (store, "feed", f->feed_url, NULL, "Again", &error), <=, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, READ_ONLY_MESSAGE);
  chorus_test_finalize_object (g_steal_pointer (&store));
  lift_limit ();

  g_assert_cmpint (count_rows (f, "SELECT count (*) FROM sources"), ==, 1);
}

/* Clock skew. A post dated years ahead (a broken server clock, or a post
 * that would pin itself to the top of the inbox) is stored as read now;
 * one a few hours ahead keeps its server's time. Either way the list says
 * a time or a date, never a negative age. */
static void
test_clock_skew (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *uri; gint64 ahead; gboolean kept; } posts[] = {
    { "https://a.example/2099", 73 * 365 * 24 * 3600LL, FALSE },
    { "https://a.example/in-two-days", 2 * 24 * 3600, FALSE },
    { "https://a.example/in-three-hours", 3 * 3600, TRUE },
    { "https://a.example/in-ten-minutes", 10 * 60, TRUE },
  };
  g_autoptr(ChorusStore) store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_EXISTING);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_post_free);
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 after;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      ChorusIncomingPost *post = chorus_incoming_post_new ("feed");

      post->uri = g_strdup (posts[i].uri);
      post->created_at = before + posts[i].ahead;
      post->text = g_strdup ("From the future");
      g_ptr_array_add (batch, post);
    }

  g_assert_true (chorus_store_ingest (store, 0, batch, NULL, &error));
  g_assert_no_error (error);
  after = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT created_at FROM posts WHERE uri = '%s'", posts[i].uri);
      gint64 stored = chorus_test_db_query_int (_chorus_store_get_db (store), sql);
      g_autofree char *shown = chorus_format_relative_time (before, stored);

      if (posts[i].kept)
        g_assert_cmpint (stored, ==, before + posts[i].ahead);
      else
        {
          g_assert_cmpint (stored, >=, before);
          g_assert_cmpint (stored, <=, after);
        }

      g_assert_cmpstr (shown, !=, "");
      g_assert_null (strchr (shown, '-'));
    }

  /* Nothing in the workspace is dated more than a day ahead. */
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (store),
                                             "SELECT count (*) FROM posts WHERE created_at > strftime ('%s', 'now') + 86400"),
                   ==, 0);
  chorus_test_finalize_object (g_steal_pointer (&store));
}

/* A workspace just created, still open in the app (or left by a crash
 * before SQLite copied its first page from the -wal into the file), is
 * opened by a second program, chorusctl say, as the workspace it is. */
static void
test_open_while_new (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->workspace.dir, "new.chorus", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(ChorusStore) first = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusStore) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_add_source (first, "feed", f->feed_url, NULL, "Guardian", &error);
  g_autofree char *header = NULL;
  gsize length;

  g_assert_no_error (error);

  /* The file's own header does not say "Chorus" yet; the -wal does. */
  header = chorus_test_read_file (path, &length);
  g_assert_cmpuint (length, >=, 72);
  g_assert_cmpint (header[68] | header[69] | header[70] | header[71], ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  second = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (second), "SELECT max (id) FROM sources"), ==, id);

  chorus_test_finalize_object (g_steal_pointer (&second));
  chorus_test_finalize_object (g_steal_pointer (&first));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/workspace-faults/disk-full", Fixture, NULL, fixture_set_up, test_disk_full,
              fixture_tear_down);
  g_test_add ("/chorus/workspace-faults/read-only-while-open", Fixture, NULL, fixture_set_up,
              test_read_only_while_open, fixture_tear_down);
  g_test_add ("/chorus/workspace-faults/write-refused", Fixture, NULL, fixture_set_up, test_write_refused,
              fixture_tear_down);
  g_test_add ("/chorus/workspace-faults/open-while-new", Fixture, NULL, fixture_set_up, test_open_while_new,
              fixture_tear_down);
  g_test_add ("/chorus/workspace-faults/clock-skew", Fixture, NULL, fixture_set_up, test_clock_skew,
              fixture_tear_down);

  return g_test_run ();
}
