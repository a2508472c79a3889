/* test-sample.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "chorus-sample.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

#define TEST_POSTS 1500
#define TEST_SEED 42

static GDateTime *
test_anchor (void)
{
  return g_date_time_new_utc (2026, 3, 14, 12, 0, 0);
}

static char *
generate (ChorusTestTempDir *fixture,
          const char        *name,
          guint              n_posts,
          guint64            seed)
{
  g_autoptr(GDateTime) anchor = test_anchor ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  chorus_sample_generate (path, n_posts, seed, anchor, NULL, &error);
  g_assert_no_error (error);

  return path;
}

/* The number of rows of "TABLE [WHERE …]". */
static gint64
count_rows (ChorusStore *store,
            const char  *from)
{
  g_autofree char *sql = g_strconcat ("SELECT count (*) FROM ", from, NULL);

  return chorus_test_db_query_int (_chorus_store_get_db (store), sql);
}

/* Every table, every row, in an order that does not depend on storage. */
static char *
dump_tables (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) list = NULL;
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READONLY, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &list, NULL), ==, SQLITE_OK);
  while (sqlite3_step (list) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (list, 0)));
  g_assert_cmpuint (tables->len, >, 30);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GString) sql = g_string_new (probe);
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      g_clear_pointer (&stmt, sqlite3_finalize);

      g_string_append (sql, " ORDER BY ");
      for (int c = 1; c <= n_columns; c++)
        g_string_append_printf (sql, "%s%d", c > 1 ? ", " : "", c);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);

      g_string_append_printf (dump, "== %s\n", (char *) tables->pdata[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            {
              int type = sqlite3_column_type (stmt, c);
              const guint8 *blob = sqlite3_column_blob (stmt, c);
              int size = sqlite3_column_bytes (stmt, c);

              g_string_append_printf (dump, "%d:", type);
              for (int i = 0; blob != NULL && i < size; i++)
                g_string_append_printf (dump, "%02x", blob[i]);
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
    }

  g_clear_pointer (&list, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
collect_files (const char *root,
               const char *relative,
               GHashTable *files)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *child_path = g_build_filename (root, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        collect_files (root, child, files);
      else
        {
          gsize length;
          char *contents = chorus_test_read_file (child_path, &length);

          g_hash_table_insert (files, g_steal_pointer (&child), g_bytes_new_take (contents, length));
        }
    }
}

static GHashTable *
media_files (const char *workspace)
{
  g_autofree char *media = g_strconcat (workspace, "-media", NULL);
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);

  collect_files (media, "", files);
  return files;
}

static void
test_deterministic (ChorusTestTempDir *fixture,
                    gconstpointer      data)
{
  g_autofree char *first = generate (fixture, "first.chorus", TEST_POSTS, TEST_SEED);
  g_autofree char *second = generate (fixture, "second.chorus", TEST_POSTS, TEST_SEED);
  g_autofree char *first_dump = dump_tables (first);
  g_autofree char *second_dump = dump_tables (second);
  g_autoptr(GHashTable) first_media = media_files (first);
  g_autoptr(GHashTable) second_media = media_files (second);
  GHashTableIter iter;
  gpointer name, bytes;

  g_assert_cmpuint (strlen (first_dump), >, 100000);
  g_assert_true (g_str_equal (first_dump, second_dump));

  g_assert_cmpuint (g_hash_table_size (first_media), >=, 26);
  g_assert_cmpuint (g_hash_table_size (first_media), ==, g_hash_table_size (second_media));
  g_hash_table_iter_init (&iter, first_media);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *other = g_hash_table_lookup (second_media, name);

      g_assert_nonnull (other);
      g_assert_true (g_bytes_equal (bytes, other));
    }
}

static void
test_seed_changes_content (ChorusTestTempDir *fixture,
                           gconstpointer      data)
{
  g_autofree char *first = generate (fixture, "first.chorus", 400, 1);
  g_autofree char *second = generate (fixture, "second.chorus", 400, 2);
  g_autofree char *first_dump = dump_tables (first);
  g_autofree char *second_dump = dump_tables (second);

  g_assert_false (g_str_equal (first_dump, second_dump));
}

static void
assert_schema_matches_new_workspace (ChorusTestTempDir *fixture,
                                     ChorusStore       *sample)
{
  static const char sql[] =
    "SELECT group_concat (name || ':' || coalesce (sql, ''), '\n')"
    " FROM (SELECT name, sql FROM sqlite_master ORDER BY type, name)";
  g_autofree char *path = g_build_filename (fixture->dir, "empty.chorus", NULL);
  g_autoptr(ChorusStore) empty = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (sample);
  g_autofree char *expected = chorus_test_db_query_text (_chorus_store_get_db (empty), sql);
  g_autofree char *actual = chorus_test_db_query_text (db, sql);

  /* Same tables, indexes and triggers, to the letter. */
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA user_version"), ==, chorus_store_latest_version ());
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA application_id"), ==, CHORUS_APPLICATION_ID);
}

static void
assert_content (ChorusStore *store)
{
  sqlite3 *db = _chorus_store_get_db (store);

  g_assert_cmpint (count_rows (store, "posts"), ==, TEST_POSTS);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (DISTINCT network) FROM conversations"), ==, 4);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (DISTINCT language) FROM posts"), ==, 2);
  g_assert_cmpint (count_rows (store, "posts WHERE language = 'es'") * 100 / TEST_POSTS, >=, 25);
  g_assert_cmpint (count_rows (store, "posts WHERE language = 'es'") * 100 / TEST_POSTS, <=, 45);
  g_assert_cmpint (count_rows (store, "posts WHERE is_own"), >, 50);
  g_assert_cmpint (count_rows (store, "sources WHERE NOT is_sample"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (DISTINCT status_id) FROM conversations"), ==, 4);
  g_assert_cmpint (count_rows (store, "conversation_tags"), >, 0);
  g_assert_cmpint (count_rows (store, "team_members WHERE is_me"), ==, 1);
  g_assert_cmpint (count_rows (store, "person_segments"), >, 0);

  /* The odd inputs a client must survive. */
  g_assert_cmpint (count_rows (store, "identities WHERE instr (display_name, char (0x200B))"
                                      " OR instr (display_name, char (0x202E))"), >, 0);
  g_assert_cmpint (count_rows (store, "posts WHERE text LIKE '%<b>%&amp;%'"), >, 0);
  g_assert_cmpint (count_rows (store, "posts WHERE text LIKE '%<script>alert(1)</script>%'"
                                      " AND html LIKE '%<script>%'"), >, 0);
  g_assert_cmpint (count_rows (store, "posts WHERE length (text) > 3000"), >, 0);
  g_assert_cmpint (count_rows (store, "posts WHERE length (text) < 8"
                                      " AND text NOT GLOB '*[a-zA-Z]*'"), >, 0);

  g_assert_cmpint (count_rows (store, "campaigns"), ==, 4);
  g_assert_cmpint (count_rows (store, "decisions"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (DISTINCT instrument) FROM pretest_runs"), ==, 4);
  g_assert_cmpint (count_rows (store, "challenges"), ==, 2);
  g_assert_cmpint (count_rows (store, "winners"), >=, 1);
  g_assert_cmpint (count_rows (store, "rewards WHERE state = 'paid'"), >=, 1);
  g_assert_cmpint (count_rows (store, "rewards WHERE state = 'pending'"), >=, 1);
  g_assert_cmpint (count_rows (store, "votes WHERE excluded AND exclusion_reason NOT NULL"), >=, 2);
}

static void
assert_consistent (ChorusStore *store)
{
  g_autofree char *integrity = chorus_test_db_query_text (_chorus_store_get_db (store), "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (count_rows (store, "pragma_foreign_key_check"), ==, 0);

  /* Keys follow time, so the FTS rowid does too. */
  g_assert_cmpint (count_rows (store, "posts WHERE id >> 16 <> created_at"), ==, 0);

  g_assert_cmpint (count_rows (store,
                               "conversations c, (SELECT conversation_id, count (*) AS n,"
                               "                         min (created_at) AS first,"
                               "                         max (created_at) AS last"
                               "                  FROM posts GROUP BY conversation_id) p"
                               " WHERE p.conversation_id = c.id"
                               "   AND (c.post_count <> p.n OR c.started_at <> p.first"
                               "        OR c.last_activity_at <> p.last)"), ==, 0);
  g_assert_cmpint (count_rows (store,
                               "conversations c WHERE NOT EXISTS (SELECT 1 FROM posts p"
                               "                                  WHERE p.conversation_id = c.id)"),
                   ==, 0);
  g_assert_cmpint (count_rows (store,
                               "posts p WHERE reply_to_uri NOT NULL AND NOT EXISTS"
                               " (SELECT 1 FROM posts q WHERE q.uri = p.reply_to_uri"
                               "                          AND q.conversation_id = p.conversation_id)"),
                   ==, 0);
  g_assert_cmpint (count_rows (store,
                               "conversations c WHERE root_uri <>"
                               " (SELECT uri FROM posts WHERE id = (SELECT min (id) FROM posts"
                               "                                    WHERE conversation_id = c.id))"),
                   ==, 0);

  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, count_rows (store, "posts"));
  g_assert_cmpint (chorus_store_get_counter (store, "conversations"), ==,
                   count_rows (store, "conversations"));
}

static void
assert_search_works (ChorusStore *store)
{
  sqlite3 *db = _chorus_store_get_db (store);

  g_assert_cmpint (count_rows (store, "posts_fts"), ==, count_rows (store, "posts"));
  g_assert_cmpint (count_rows (store, "posts_fts WHERE posts_fts MATCH 'zipper'"), >, 0);
  g_assert_cmpint (count_rows (store, "posts_fts WHERE posts_fts MATCH 'cremallera'"), >, 0);
  g_assert_cmpint (count_rows (store, "posts_fts WHERE posts_fts MATCH 'tallpine'"), >, 0);

  /* The index agrees with the posts it was rebuilt from. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO posts_fts (posts_fts, rank)"
                                     " VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* And the restored triggers keep it and the counters up to date. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO posts (id, conversation_id, uri, created_at, text)"
                                     " VALUES ((1773489600 << 16) | 65000, 1,"
                                     "         'https://social.example/test', 1773489600,"
                                     "         'xylophonic')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count_rows (store, "posts_fts WHERE posts_fts MATCH 'xylophonic'"), ==, 1);
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, count_rows (store, "posts"));
}

static void
assert_images (ChorusStore *store)
{
  sqlite3 *db = _chorus_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_images = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT image_sha256, width, height FROM submissions"
                                       " UNION ALL SELECT image_sha256, 512, 512 FROM variants"
                                       "  WHERE image_sha256 IS NOT NULL"
                                       " UNION ALL SELECT sha256, width, height FROM post_media",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *path = chorus_store_dup_media_path (store, sha, "png");
      g_autofree char *actual = chorus_test_file_checksum (path, FALSE, NULL);
      cairo_surface_t *surface;

      g_assert_cmpstr (actual, ==, sha);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, sqlite3_column_int (stmt, 1));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, sqlite3_column_int (stmt, 2));
      cairo_surface_destroy (surface);
      n_images++;
    }

  g_assert_cmpuint (n_images, >=, 26);
}

static void
test_workspace (ChorusTestTempDir *fixture,
                gconstpointer      data)
{
  g_autofree char *path = generate (fixture, "tallpine.chorus", TEST_POSTS, TEST_SEED);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  g_autofree char *name = chorus_store_dup_name (store);

  g_assert_cmpstr (name, ==, "Tallpine Community");
  g_assert_true (chorus_store_is_sample (store));
  g_assert_cmpuint (chorus_store_count_syncable_sources (store), ==, 0);

  assert_schema_matches_new_workspace (fixture, store);
  assert_content (store);
  assert_consistent (store);
  assert_search_works (store);
  assert_images (store);
}

static void
assert_only_entries (const char         *dir_path,
                     const char * const *expected)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (g_strv_contains (expected, name));
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) expected));
}

static void
test_replaces_existing (ChorusTestTempDir *fixture,
                        gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "old.chorus", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(ChorusStore) store = NULL;
  const char * const expected[] = { "old.chorus", "old.chorus-media", NULL };

  g_assert_true (g_file_set_contents (path, "not a workspace", -1, NULL));
  g_assert_true (g_file_set_contents (wal, "stale log", -1, NULL));
  g_assert_true (g_file_set_contents (shm, "stale index", -1, NULL));

  g_free (generate (fixture, "old.chorus", 300, 5));

  /* No temporary folder, no stale log: the file and its media only. */
  assert_only_entries (fixture->dir, expected);
  store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  g_assert_true (chorus_store_is_sample (store));
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 300);
}

static void
test_cancelled (ChorusTestTempDir *fixture,
                gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.chorus", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char * const expected[] = { NULL };

  g_cancellable_cancel (cancellable);
  g_assert_false (chorus_sample_generate (path, 5000, 1, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_only_entries (fixture->dir, expected);
}

static void
test_async (ChorusTestTempDir *fixture,
            gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.chorus", NULL);
  g_autoptr(GDateTime) anchor = test_anchor ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusStore) store = NULL;

  chorus_sample_generate_async (path, 200, 3, anchor, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);

  g_assert_true (chorus_sample_generate_finish (result, &error));
  g_assert_no_error (error);

  store = chorus_test_open_store (path, CHORUS_STORE_OPEN_EXISTING);
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 200);
}

static void
test_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (chorus_sample_generate ("/nonexistent-chorus-dir/x.chorus", 100, 1, NULL, NULL,
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  chorus_test_add_in_temp_dir ("/chorus/sample/deterministic", test_deterministic);
  chorus_test_add_in_temp_dir ("/chorus/sample/seed-changes-content", test_seed_changes_content);
  chorus_test_add_in_temp_dir ("/chorus/sample/workspace", test_workspace);
  chorus_test_add_in_temp_dir ("/chorus/sample/replaces-existing", test_replaces_existing);
  chorus_test_add_in_temp_dir ("/chorus/sample/cancelled", test_cancelled);
  chorus_test_add_in_temp_dir ("/chorus/sample/async", test_async);
  g_test_add_func ("/chorus/sample/unwritable-folder", test_unwritable_folder);

  return g_test_run ();
}
