/* test-store.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ChorusStore on real SQLite files in a temporary folder: creating,
 * refusing and opening workspaces, sources, campaigns and challenges.
 * Counters, search and cascades, which the schema itself keeps, are in
 * test-migrations.c. */

#define _GNU_SOURCE   /* setresuid() */

#include <string.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "chorus-campaign.h"
#include "chorus-challenge.h"
#include "chorus-error.h"
#include "chorus-store-private.h"
#include "chorus-submission.h"
#include "chorus-test-util.h"

#define WORKSPACE_NAME "Équipe café.chorus"

typedef ChorusTestWorkspace Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  chorus_test_workspace_init (f, WORKSPACE_NAME);
}

/* Media folders and read-only files and folders included. */
static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  chorus_test_workspace_remove_all (f);
}

/* A connection of its own beside the store's: it waits up to 5 s for their locks. */
static sqlite3 *
raw_open (const char *path)
{
  return chorus_test_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 5000);
}

static void
assert_user_message (const GError *error,
                     const char   *path)
{
  g_autofree char *basename = g_filename_display_basename (path);

  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("message: %s", error->message);
  /* One line for a person: it names the file and ends like a sentence. */
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, "sqlite"));
}

/* Creating and reopening */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *media_dir = NULL;
  g_autofree char *expected_media = g_strconcat (f->path, "-media", NULL);
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *raw;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (chorus_store_get_path (store), ==, f->path);
  g_assert_cmpuint (chorus_store_latest_version (), >=, 4);
  g_assert_cmpuint (chorus_store_get_version (store), ==, chorus_store_latest_version ());
  g_assert_false (chorus_store_is_sample (store));
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 0);
  name = chorus_store_dup_name (store);
  g_assert_cmpstr (name, ==, "Équipe café");
  media_dir = chorus_store_dup_media_dir (store);
  g_assert_cmpstr (media_dir, ==, expected_media);

  /* What the file says about itself, seen from another connection. */
  raw = raw_open (f->path);
  g_assert_cmpint (chorus_test_db_query_int (raw, "PRAGMA application_id"), ==, 0x43484F52);
  g_assert_cmpint (chorus_test_db_query_int (raw, "PRAGMA user_version"), ==, chorus_store_latest_version ());
  g_assert_cmpint (chorus_test_db_query_int (raw, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
  sqlite3_close (raw);

  /* Foreign keys are per connection: both of the store's have them on. */
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (store), "PRAGMA foreign_keys"), ==, 1);
  {
    g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (store);

    g_assert_cmpint (chorus_test_db_query_int (connection->db, "PRAGMA foreign_keys"), ==, 1);
  }
  g_assert_cmpint (sqlite3_exec (_chorus_store_get_db (store),
                                 "INSERT INTO posts (id, conversation_id, uri, created_at, text)"
                                 " VALUES (1, 424242, 'x:1', 1, 'orphan')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);

  g_assert_true (chorus_store_set_name (store, "Launch team", &error));
  g_assert_no_error (error);
  chorus_test_finalize_object (store);
  /* Closing checkpoints: nothing is left beside the file. */
  g_assert_false (chorus_test_sidecar_exists (f->path, "-wal"));
  g_assert_false (chorus_test_sidecar_exists (f->path, "-shm"));

  store = chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  renamed = chorus_store_dup_name (store);
  g_assert_cmpstr (renamed, ==, "Launch team");
  chorus_test_finalize_object (store);
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  assert_user_message (error, f->path);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (chorus_test_sidecar_exists (f->path, "-wal"));
  g_assert_false (chorus_test_sidecar_exists (f->path, "-shm"));
  g_assert_false (chorus_test_sidecar_exists (f->path, "-journal"));
}

/* Files that must be refused, and left exactly as they were */

typedef struct _BadFileCase BadFileCase;

struct _BadFileCase
{
  const char *name;
  void (*make) (Fixture *f, const BadFileCase *c);
  ChorusError code;
  gboolean needs_non_root;
  const char *bytes;
  gsize length;
};

static void
make_bytes (Fixture           *f,
            const BadFileCase *c)
{
  g_assert_true (g_file_set_contents (f->path, c->bytes, c->length, NULL));
}

static void
make_foreign_db (Fixture           *f,
                 const BadFileCase *c)
{
  sqlite3 *db = raw_open (f->path);

  chorus_test_db_exec (db, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                           "INSERT INTO recipes (title) VALUES ('Bread'), ('Soup');");
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA application_id"), ==, 0);
  sqlite3_close (db);
}

static void
make_newer_version (Fixture           *f,
                    const BadFileCase *c)
{
  sqlite3 *db;

  chorus_test_finalize_object (chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE));
  db = raw_open (f->path);
  chorus_test_db_exec (db, "PRAGMA user_version = %u; PRAGMA wal_checkpoint(TRUNCATE);",
                       chorus_store_latest_version () + 1);
  sqlite3_close (db);
}

/* A workspace whose rows fill many pages; returns its contents. */
static GBytes *
make_filled_workspace (Fixture *f,
                       gsize   *page_size)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (store);
  char *contents = NULL;
  gsize length = 0;

  *page_size = (gsize) chorus_test_db_query_int (db, "PRAGMA page_size");
  chorus_test_seed_people (db);
  chorus_test_db_exec (db,
                       "INSERT INTO conversations (id, network, root_uri, started_at, last_activity_at)"
                       " VALUES (1, 'mastodon', 'https://social.example/c/1', 2000, 2200);"
                       "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199)"
                       " INSERT INTO posts (id, conversation_id, uri, author_id, created_at, text)"
                       " SELECT (2000 + i) << %d, 1, 'https://social.example/p/' || i, 1, 2000 + i,"
                       "        hex (randomblob (300)) FROM n;", CHORUS_POST_KEY_SHIFT);
  chorus_test_finalize_object (store);

  contents = chorus_test_read_file (f->path, &length);
  g_assert_cmpuint (length, >, 12 * *page_size);
  return g_bytes_new_take (contents, length);
}

static void
make_corrupt (Fixture           *f,
              const BadFileCase *c)
{
  gsize page_size, length;
  g_autoptr(GBytes) bytes = make_filled_workspace (f, &page_size);
  g_autofree char *contents = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  /* Garbage over pages 2 to 5; page 1 (header and schema) stays intact. */
  for (gsize i = page_size; i < 5 * page_size; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
}

static void
make_truncated (Fixture           *f,
                const BadFileCase *c)
{
  gsize page_size;
  g_autoptr(GBytes) bytes = make_filled_workspace (f, &page_size);
  gsize n_pages = g_bytes_get_size (bytes) / page_size;

  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL),
                                     n_pages / 2 * page_size, NULL));
}

static void
make_read_only_file (Fixture           *f,
                     const BadFileCase *c)
{
  chorus_test_finalize_object (chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE));
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
}

static void
make_read_only_dir (Fixture           *f,
                    const BadFileCase *c)
{
  g_autofree char *subdir = g_build_filename (f->dir, "shared", NULL);

  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_free (f->path);
  f->path = g_build_filename (subdir, WORKSPACE_NAME, NULL);
  chorus_test_finalize_object (chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE));
  g_assert_cmpint (g_chmod (subdir, 0555), ==, 0);
}

/* A PNG signature and IHDR chunk, padded with zeros past 100 bytes. */
static const char png_bytes[160] =
  "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff\x61";
static const char text_bytes[] =
  "Shopping list\n- oat milk\n- coffee\n- a new mascot costume\n- batteries for the megaphone\n"
  "- stickers for the meetup\n";

static const BadFileCase bad_file_cases[] = {
  { "empty", make_bytes, CHORUS_ERROR_NOT_A_WORKSPACE, FALSE, "", 0 },
  { "text", make_bytes, CHORUS_ERROR_NOT_A_WORKSPACE, FALSE, text_bytes, sizeof text_bytes - 1 },
  { "png", make_bytes, CHORUS_ERROR_NOT_A_WORKSPACE, FALSE, png_bytes, sizeof png_bytes },
  /* The magic string, then the file ends long before the header does. */
  { "short-header", make_bytes, CHORUS_ERROR_NOT_A_WORKSPACE, FALSE, "SQLite format 3\0\x10\0\1\1", 20 },
  { "foreign-db", make_foreign_db, CHORUS_ERROR_NOT_A_WORKSPACE, FALSE },
  { "newer-version", make_newer_version, CHORUS_ERROR_NEWER_VERSION, FALSE },
  { "corrupt", make_corrupt, CHORUS_ERROR_CORRUPT, FALSE },
  { "truncated", make_truncated, CHORUS_ERROR_CORRUPT, FALSE },
  { "read-only-file", make_read_only_file, CHORUS_ERROR_READ_ONLY, TRUE },
  { "read-only-dir", make_read_only_dir, CHORUS_ERROR_READ_ONLY, TRUE },
};

/* Root may write to read-only files and folders, so a test run as root
 * opens them as "nobody" (65534) instead: the real and effective ids are
 * dropped, the saved one keeps root to come back to. The temporary folder,
 * root's and 0700, becomes readable by all to be reached at all. */
static void
become_nobody (Fixture *f)
{
  if (getuid () != 0)
    return;

  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (setresgid (65534, 65534, 0), ==, 0);
  g_assert_cmpint (setresuid (65534, 65534, 0), ==, 0);
}

static void
become_root_again (void)
{
  if (geteuid () != 65534 || getuid () != 65534)
    return;

  g_assert_cmpint (setresuid (0, 0, 0), ==, 0);
  g_assert_cmpint (setresgid (0, 0, 0), ==, 0);
}

static void
test_open_bad_file (Fixture       *f,
                    gconstpointer  data)
{
  const BadFileCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct utimbuf old_times = { 1577836800, 1577836800 };

  c->make (f, c);
  /* An old mtime, so that any write at all shows. */
  g_assert_cmpint (g_utime (f->path, &old_times), ==, 0);
  before = chorus_test_file_state (f->path);
  g_assert_true (g_str_has_suffix (before, "-wal 0, -shm 0"));

  if (c->needs_non_root)
    become_nobody (f);
  g_assert_null (chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error));
  if (c->needs_non_root)
    become_root_again ();
  g_assert_error (error, CHORUS_ERROR, (int) c->code);
  assert_user_message (error, f->path);

  /* Not a byte, not a timestamp, and no -wal or -shm left behind. */
  after = chorus_test_file_state (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (chorus_test_sidecar_exists (f->path, "-journal"));

  /* CREATE does not overwrite an existing file either. */
  g_clear_error (&error);
  g_free (before);
  before = g_steal_pointer (&after);
  if (c->needs_non_root)
    become_nobody (f);
  g_assert_null (chorus_store_open (f->path, CHORUS_STORE_OPEN_CREATE, &error));
  if (c->needs_non_root)
    become_root_again ();
  g_assert_error (error, CHORUS_ERROR, (int) c->code);
  after = chorus_test_file_state (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* Asynchronous open */

typedef struct
{
  GMainLoop *loop;
  ChorusStore *store;
  GError *error;
} OpenResult;

static void
on_open_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  OpenResult *r = user_data;

  r->store = chorus_store_open_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  OpenResult r = { loop, NULL, NULL };

  chorus_store_open_async (f->path, CHORUS_STORE_OPEN_CREATE, NULL, on_open_cb, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_true (CHORUS_IS_STORE (r.store));
  /* A worker opened it; this thread uses it. */
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (r.store), "SELECT count(*) FROM statuses"),
                   ==, 4);
  chorus_test_finalize_object (g_steal_pointer (&r.store));

  g_assert_true (g_file_set_contents (text_path, "hello\n", -1, NULL));
  chorus_store_open_async (text_path, CHORUS_STORE_OPEN_EXISTING, NULL, on_open_cb, &r);
  g_main_loop_run (loop);
  g_assert_null (r.store);
  g_assert_error (r.error, CHORUS_ERROR, CHORUS_ERROR_NOT_A_WORKSPACE);
  assert_user_message (r.error, text_path);
  g_clear_error (&r.error);
}

static void
test_syncable_sources (Fixture       *f,
                       gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);

  g_assert_cmpuint (chorus_store_count_syncable_sources (store), ==, 0);
  chorus_test_db_exec (_chorus_store_get_db (store),
                       "INSERT INTO sources (network, server_url, display_name, is_sample, enabled, created_at) VALUES"
                       " ('mastodon', 'https://a.example', 'A', 0, 1, 1),"
                       " ('bluesky', 'https://bsky.social', 'B', 0, 1, 1),"
                       " ('mastodon', 'https://sample.example', 'Sample', 1, 1, 1),"
                       " ('feed', 'https://off.example/feed', 'Off', 0, 0, 1),"
                       " ('discourse', 'https://sample-off.example', 'Sample off', 1, 0, 1)");
  g_assert_cmpuint (chorus_store_count_syncable_sources (store), ==, 2);
  chorus_test_db_exec (_chorus_store_get_db (store), "UPDATE sources SET enabled = 0 WHERE display_name = 'A'");
  g_assert_cmpuint (chorus_store_count_syncable_sources (store), ==, 1);
  chorus_test_finalize_object (store);
}

/* Lists built in worker threads */

typedef GPtrArray *(*ListFinish) (ChorusStore   *store,
                                  GAsyncResult  *result,
                                  GError       **error);

/* Waits for a list started with chorus_test_async_result_cb() and @result, and finishes it. */
static GPtrArray *
finish_list (ChorusStore   *store,
             GAsyncResult **result,
             ListFinish     finish)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  chorus_test_wait_async_result (result);
  rows = finish (store, *result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_clear_object (result);
  return rows;
}

static void
test_campaigns (Fixture       *f,
                gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  GAsyncResult *result = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(ChorusVariant) a = NULL;
  g_autoptr(ChorusVariant) b = NULL;
  g_autoptr(ChorusVariant) draft = NULL;
  ChorusCampaign *campaign;

  chorus_test_db_exec (_chorus_store_get_db (store),
                       "INSERT INTO campaigns (id, name, goal, state, created_at, updated_at) VALUES"
                       " (1, 'Spring slogan', 'Pick a slogan', 'running', 10, 100),"
                       " (2, 'Mascot name', '', 'draft', 10, 500), (3, 'Old logo', '', 'closed', 10, 900);"
                       "INSERT INTO variants (id, campaign_id, position, label, body) VALUES"
                       " (12, 1, 1, 'B', 'Grow together'), (11, 1, 0, 'A', 'Louder together'),"
                       " (21, 2, 0, 'A', 'Chirpy');"
                       "INSERT INTO pretest_runs (id, campaign_id, instrument, state, started_at, last_refreshed_at)"
                       " VALUES (1, 1, 'mastodon_poll', 'closed', 1000, 2000), (2, 1, 'manual', 'running', 3000, 4000);"
                       /* Snapshots of a poll, not increments, inserted out of time order. */
                       "INSERT INTO observations (run_id, variant_id, observed_at, metric, value) VALUES"
                       " (1, 11, 1100, 'votes', 5), (1, 11, 1200, 'votes', 12), (1, 11, 1150, 'votes', 8),"
                       " (1, 11, 1300, 'likes', 100), (1, 12, 1100, 'votes', 3), (1, 12, 1200, 'votes', 7),"
                       " (2, 11, 3200, 'votes', 9), (2, 11, 3100, 'votes', 4), (2, 12, 3100, 'votes', 1);");

  chorus_store_list_campaigns_async (store, NULL, chorus_test_async_result_cb, &result);
  campaigns = finish_list (store, &result, chorus_store_list_campaigns_finish);
  g_assert_cmpuint (campaigns->len, ==, 3);

  /* Running before draft before closed, whatever was edited last. */
  g_assert_cmpint (chorus_campaign_get_id (g_ptr_array_index (campaigns, 0)), ==, 1);
  g_assert_cmpint (chorus_campaign_get_id (g_ptr_array_index (campaigns, 1)), ==, 2);
  g_assert_cmpint (chorus_campaign_get_id (g_ptr_array_index (campaigns, 2)), ==, 3);

  campaign = g_ptr_array_index (campaigns, 0);
  g_assert_cmpstr (chorus_campaign_get_name (campaign), ==, "Spring slogan");
  g_assert_cmpstr (chorus_campaign_get_state (campaign), ==, "running");
  g_assert_cmpstr (chorus_campaign_get_instrument (campaign), ==, "manual");
  g_assert_cmpint (chorus_campaign_get_last_refreshed (campaign), ==, 4000);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_campaign_get_variants (campaign)), ==, 2);

  /* Per run the latest snapshot (12, then 9; not 5 + 8 + 12), summed over runs. */
  a = g_list_model_get_item (chorus_campaign_get_variants (campaign), 0);
  b = g_list_model_get_item (chorus_campaign_get_variants (campaign), 1);
  g_assert_cmpstr (chorus_variant_get_label (a), ==, "A");
  g_assert_cmpstr (chorus_variant_get_body (a), ==, "Louder together");
  g_assert_cmpint (chorus_variant_get_votes (a), ==, 12 + 9);
  g_assert_cmpstr (chorus_variant_get_label (b), ==, "B");
  g_assert_cmpint (chorus_variant_get_votes (b), ==, 7 + 1);
  g_assert_cmpint (chorus_campaign_get_total_votes (campaign), ==, 29);

  campaign = g_ptr_array_index (campaigns, 1);
  g_assert_null (chorus_campaign_get_instrument (campaign));
  draft = g_list_model_get_item (chorus_campaign_get_variants (campaign), 0);
  g_assert_cmpint (chorus_variant_get_votes (draft), ==, 0);
  g_assert_cmpint (chorus_campaign_get_total_votes (campaign), ==, 0);

  g_clear_pointer (&campaigns, g_ptr_array_unref);
  chorus_test_finalize_object (store);
}

#define SHA_SUNNY "ab0c5e5d0ea1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b"
#define SHA_SNOWY "cd1c5e5d0ea1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b"

static GPtrArray *
list_submissions (ChorusStore *store,
                  gint64       challenge_id)
{
  GAsyncResult *result = NULL;

  chorus_store_list_submissions_async (store, challenge_id, NULL, chorus_test_async_result_cb, &result);
  return finish_list (store, &result, chorus_store_list_submissions_finish);
}

static void
test_challenges (Fixture       *f,
                 gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  GAsyncResult *result = NULL;
  g_autoptr(GPtrArray) challenges = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autofree char *sunny_path = g_strconcat (f->path, "-media/ab/" SHA_SUNNY ".png", NULL);
  g_autofree char *snowy_path = g_strconcat (f->path, "-media/cd/" SHA_SNOWY ".jpg", NULL);
  ChorusChallenge *challenge;
  ChorusSubmission *s, *sunny = NULL, *snowy = NULL;
  guint shown;

  chorus_test_seed_people (_chorus_store_get_db (store));
  chorus_test_db_exec (_chorus_store_get_db (store),
                       "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                       " voting_open_at, voting_close_at, created_at) VALUES"
                       " (1, 'Summer mascot', '#mascot', 100, 200, 200, 2000, 50),"
                       " (2, 'Winter poster', '#poster', 100, 200, 200, 3000, 50);"
                       "INSERT INTO submissions (id, challenge_id, title, author_id, image_sha256, image_type,"
                       " moderation, submitted_at) VALUES"
                       " (1, 1, 'Sunny', 1, '" SHA_SUNNY "', 'image/png', 'accepted', 300),"
                       " (2, 1, 'Snowy', 2, '" SHA_SNOWY "', 'image/jpeg', 'pending', 400),"
                       " (3, 1, 'Spam', NULL, '" SHA_SUNNY "', 'image/png', 'rejected', 500),"
                       " (4, 2, 'Poster', 1, '" SHA_SNOWY "', 'image/png', 'accepted', 300);"
                       "INSERT INTO votes (submission_id, voter_id, kiosk_token, kind, score, cast_at, excluded) VALUES"
                       " (1, 3, NULL, 'reply_score', 4, 600, 0), (1, NULL, 'k1', 'kiosk', 5, 600, 0),"
                       " (1, NULL, 'k2', 'kiosk', 1, 600, 1), (1, 4, NULL, 'like', NULL, 600, 0),"
                       " (2, 3, NULL, 'reply_score', 3, 600, 0),"
                       " (3, 3, NULL, 'like', NULL, 600, 0), (3, NULL, 'k3', 'kiosk', 2, 600, 0);");

  /* The latest voting deadline first. */
  chorus_store_list_challenges_async (store, NULL, chorus_test_async_result_cb, &result);
  challenges = finish_list (store, &result, chorus_store_list_challenges_finish);
  g_assert_cmpuint (challenges->len, ==, 2);
  challenge = g_ptr_array_index (challenges, 0);
  g_assert_cmpint (chorus_challenge_get_id (challenge), ==, 2);
  g_assert_cmpuint (chorus_challenge_get_submission_count (challenge), ==, 1);
  g_assert_cmpuint (chorus_challenge_get_vote_count (challenge), ==, 0);
  challenge = g_ptr_array_index (challenges, 1);
  g_assert_cmpint (chorus_challenge_get_id (challenge), ==, 1);
  g_assert_cmpstr (chorus_challenge_get_title (challenge), ==, "Summer mascot");
  g_assert_cmpstr (chorus_challenge_get_hashtag (challenge), ==, "#mascot");
  g_assert_cmpstr (chorus_challenge_get_scale (challenge), ==, "score5");
  g_assert_cmpint (chorus_challenge_get_voting_close (challenge), ==, 2000);
  g_assert_cmpuint (chorus_challenge_get_submission_count (challenge), ==, 2);

  /* Every entry, the rejected one with its reason for the moderation
   * queue; most community votes first, so the older Sunny (3 votes) comes
   * before the newer Snowy (1 vote). */
  chorus_test_db_exec (_chorus_store_get_db (store),
                       "UPDATE submissions SET moderation_reason = 'Not an original design' WHERE id = 3");
  submissions = list_submissions (store, 1);
  g_assert_cmpuint (submissions->len, ==, 3);
  for (guint i = 0; i < submissions->len; i++)
    {
      s = g_ptr_array_index (submissions, i);
      if (chorus_submission_get_id (s) == 1)
        sunny = s;
      else if (chorus_submission_get_id (s) == 2)
        snowy = s;
      else
        {
          g_assert_cmpstr (chorus_submission_get_moderation (s), ==, "rejected");
          g_assert_cmpstr (chorus_submission_get_moderation_reason (s), ==, "Not an original design");
        }
    }
  g_assert_nonnull (sunny);
  g_assert_nonnull (snowy);
  if (sunny == NULL || snowy == NULL)
    return;
  g_assert_true (g_ptr_array_index (submissions, 0) == sunny);

  g_assert_cmpstr (chorus_submission_get_author_name (snowy), ==, "Bo Chen");
  g_assert_cmpstr (chorus_submission_get_author_handle (snowy), ==, "@bo.bsky.social");
  g_assert_cmpstr (chorus_submission_get_network (snowy), ==, "bluesky");
  g_assert_cmpstr (chorus_submission_get_moderation (snowy), ==, "pending");
  g_assert_cmpstr (chorus_submission_get_image_path (snowy), ==, snowy_path);
  g_assert_cmpuint (chorus_submission_get_vote_count (snowy), ==, 1);
  g_assert_cmpfloat_with_epsilon (chorus_submission_get_mean_score (snowy), 3.0, 1e-9);

  /* Excluded votes count for nothing; a like counts but has no score. */
  g_assert_cmpstr (chorus_submission_get_title (sunny), ==, "Sunny");
  g_assert_cmpstr (chorus_submission_get_author_handle (sunny), ==, "@ana@social.example");
  g_assert_cmpstr (chorus_submission_get_image_sha256 (sunny), ==, SHA_SUNNY);
  g_assert_cmpstr (chorus_submission_get_image_path (sunny), ==, sunny_path);
  g_assert_cmpuint (chorus_submission_get_vote_count (sunny), ==, 3);
  g_assert_cmpfloat_with_epsilon (chorus_submission_get_mean_score (sunny), 4.5, 1e-9);
  shown = chorus_submission_get_vote_count (sunny) + chorus_submission_get_vote_count (snowy);
  g_clear_pointer (&submissions, g_ptr_array_unref);

  submissions = list_submissions (store, 2);
  g_assert_cmpuint (submissions->len, ==, 1);
  g_assert_cmpuint (chorus_submission_get_vote_count (g_ptr_array_index (submissions, 0)), ==, 0);
  g_assert_cmpfloat (chorus_submission_get_mean_score (g_ptr_array_index (submissions, 0)), ==, 0.0);
  g_clear_pointer (&submissions, g_ptr_array_unref);
  submissions = list_submissions (store, 99);
  g_assert_cmpuint (submissions->len, ==, 0);
  g_clear_pointer (&submissions, g_ptr_array_unref);

  /* The challenge's vote count is what its accepted and pending entries
   * add up to: votes on the rejected entry do not count. */
  g_assert_cmpuint (chorus_challenge_get_vote_count (challenge), ==, shown);

  g_clear_pointer (&challenges, g_ptr_array_unref);
  chorus_test_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check marks its test, and the other tests still run. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/chorus/store/create", test_create);
  ADD ("/chorus/store/open-missing", test_open_missing);

  for (guint i = 0; i < G_N_ELEMENTS (bad_file_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/store/open-bad/%s", bad_file_cases[i].name);

      g_test_add (path, Fixture, &bad_file_cases[i], fixture_setup, test_open_bad_file, fixture_teardown);
    }

  ADD ("/chorus/store/open-async", test_open_async);
  ADD ("/chorus/store/syncable-sources", test_syncable_sources);
  ADD ("/chorus/store/campaigns", test_campaigns);
  ADD ("/chorus/store/challenges", test_challenges);

#undef ADD

  return g_test_run ();
}
