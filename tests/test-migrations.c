/* test-migrations.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workspaces written at every older version open and upgrade with their
 * rows intact; a failing migration leaves nothing behind; reopening is a
 * no-op. Then what the latest schema keeps by itself: the counters, the
 * search index and the cascades (/chorus/schema/...). */

#include <sqlite3.h>

#include "chorus-error.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

#define POST_KEY(created_at, n) (((gint64) (created_at) << CHORUS_POST_KEY_SHIFT) | (n))

typedef ChorusTestWorkspace Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  chorus_test_workspace_init (f, "Old team.chorus");
}

/* Nothing may be left beside the workspace but its -wal and -shm. */
static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  chorus_test_workspace_remove (f);
}

/* A connection of its own, as another program would open the file. */
static sqlite3 *
raw_open (const char *path)
{
  return chorus_test_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0);
}

/* Each row of @sql as "a|b|c", in the order of the rows, one per line. */
static char *
dump_query (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (dump, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (dump, '\n');
    }

  return g_string_free (dump, FALSE);
}

/* The schema, in a canonical order. */
static char *
dump_schema (sqlite3 *db)
{
  return dump_query (db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
}

/* For each ordinary table that exists now, the query that lists all its
 * rows with the columns it has now: a later version may add columns, but
 * must keep these values. */
static GStrv
list_tables (sqlite3 *db)
{
  g_autofree char *names = dump_query (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'posts_fts%'"
                                           " ORDER BY name");
  g_auto(GStrv) tables = NULL;
  g_autoptr(GStrvBuilder) selects = g_strv_builder_new ();

  g_strchomp (names);
  tables = *names ? g_strsplit (names, "\n", -1) : g_new0 (char *, 1);

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *columns_sql =
        g_strdup_printf ("SELECT group_concat ('\"' || name || '\"', ', ') FROM pragma_table_info ('%s')",
                         tables[i]);
      g_autofree char *columns = dump_query (db, columns_sql);
      g_autofree char *select = NULL;

      g_strchomp (columns);
      select = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns, tables[i], columns);
      g_strv_builder_add (selects, select);
    }

  return g_strv_builder_end (selects);
}

/* Every row that each of @selects (from list_tables ()) lists. */
static char *
dump_rows (sqlite3             *db,
           const char * const  *selects)
{
  GString *dump = g_string_new (NULL);

  for (guint i = 0; selects[i]; i++)
    {
      g_autofree char *rows = dump_query (db, selects[i]);

      g_string_append_printf (dump, "== %s\n%s", selects[i], rows);
    }

  return g_string_free (dump, FALSE);
}

/* A raw file that is a Chorus workspace of @version, never opened by the store. */
static sqlite3 *
create_at_version (const char *path,
                   guint       version)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = raw_open (path);

  chorus_test_db_exec (db, "PRAGMA application_id = %d; PRAGMA foreign_keys = ON", CHORUS_APPLICATION_ID);
  g_assert_true (_chorus_migrations_apply (db, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA user_version"), ==, version);
  return db;
}

/* Rows that real workspaces held at @version. */
static void
seed_rows (sqlite3 *db,
           guint    version)
{
  if (version >= 1)
    {
      chorus_test_db_exec (db,
                           "INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('name', 'Old team');"
                           "INSERT INTO team_members (id, name, is_me, created_at) VALUES (1, 'Rosa', 1, 10);"
                           "INSERT INTO sources (id, network, server_url, account, display_name, created_at)"
                           " VALUES (1, 'mastodon', 'https://social.example', 'brand', 'Brand', 10);"
                           "INSERT INTO people (id, display_name, created_at) VALUES (1, 'Ana Lima', 10);"
                           "INSERT INTO identities (id, person_id, network, server, handle, display_name)"
                           " VALUES (1, 1, 'mastodon', 'social.example', 'ana', 'Ana Lima');"
                           "INSERT INTO statuses (id, name, position) VALUES (5, 'Escalated', 4);"
                           "INSERT INTO conversations (id, source_id, network, root_uri, started_at, last_activity_at,"
                           " post_count, status_id, assignee_id) VALUES"
                           " (1, 1, 'mastodon', 'https://social.example/c/1', 100, 300, 2, 5, 1),"
                           " (2, 1, 'mastodon', 'https://social.example/c/2', 200, 200, 1, 1, NULL);"
                           "INSERT INTO posts (id, source_id, conversation_id, uri, author_id, created_at, text) VALUES"
                           " (%" G_GINT64_FORMAT ", 1, 1, 'https://social.example/p/1', 1, 100, 'Le café est fermé'),"
                           " (%" G_GINT64_FORMAT ", 1, 1, 'https://social.example/p/2', 1, 300, 'Still closed?'),"
                           " (%" G_GINT64_FORMAT ", 1, 2, 'https://social.example/p/3', 1, 200, 'Love the new mascot');"
                           "INSERT INTO tags (id, name) VALUES (1, 'hours');"
                           "INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (1, 1);",
                           POST_KEY (100, 0), POST_KEY (300, 0), POST_KEY (200, 0));
    }

  if (version >= 2)
    chorus_test_db_exec (db,
                         "INSERT INTO campaigns (id, name, state, created_at, updated_at)"
                         " VALUES (1, 'Slogan', 'running', 10, 10);"
                         "INSERT INTO variants (id, campaign_id, position, label, body)"
                         " VALUES (1, 1, 0, 'A', 'Louder'), (2, 1, 1, 'B', 'Together');"
                         "INSERT INTO variants (id, campaign_id, position, label, body, image_sha256, image_alt)"
                         " VALUES (3, 1, 2, 'C', 'Brighter',"
                         "         '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'A lamp');"
                         "INSERT INTO pretest_runs (id, campaign_id, instrument) VALUES (1, 1, 'manual');"
                         "INSERT INTO observations (run_id, variant_id, observed_at, metric, value)"
                         " VALUES (1, 1, 50, 'votes', 4), (1, 2, 50, 'votes', 6);");
  /* From migration 12 on, an image is stored with its type. */
  if (version >= 12)
    chorus_test_db_exec (db, "UPDATE variants SET image_type = 'image/png' WHERE image_sha256 IS NOT NULL");

  if (version >= 3)
    chorus_test_db_exec (db,
                         "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                         " voting_open_at, voting_close_at, created_at) VALUES (1, 'Mascot', '#m', 1, 2, 2, 3, 1);"
                         "INSERT INTO submissions (id, challenge_id, title, author_id, image_sha256, submitted_at)"
                         " VALUES (1, 1, 'Sunny', 1, 'ab', 2);"
                         "INSERT INTO votes (submission_id, voter_id, kind, score, cast_at)"
                         " VALUES (1, 1, 'kiosk', 4, 2);");
}

static void
assert_counters_match (ChorusStore *store)
{
  sqlite3 *db = _chorus_store_get_db (store);

  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==,
                   chorus_test_db_query_int (db, "SELECT count(*) FROM posts"));
  g_assert_cmpint (chorus_store_get_counter (store, "conversations"), ==,
                   chorus_test_db_query_int (db, "SELECT count(*) FROM conversations"));
}

static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  guint version = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tables = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *found = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "\n", POST_KEY (100, 0));
  ChorusStore *store;
  sqlite3 *db = create_at_version (f->path, version);

  seed_rows (db, version);
  tables = list_tables (db);
  rows_before = dump_rows (db, (const char * const *) tables);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  store = chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (store == NULL)
    return;
  g_assert_cmpuint (chorus_store_get_version (store), ==, chorus_store_latest_version ());
  db = _chorus_store_get_db (store);
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA user_version"), ==, chorus_store_latest_version ());
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA application_id"), ==, CHORUS_APPLICATION_ID);

  /* Every value that was there is still there. */
  rows_after = dump_rows (db, (const char * const *) tables);
  g_assert_cmpstr (rows_after, ==, rows_before);
  /* A run from before Mastodon polls were launched from Chorus has none
   * of their columns set (migration 9). */
  if (version >= 2)
    g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM pretest_runs WHERE question IS NULL"
                                                   " AND expires_in IS NULL AND remote_id IS NULL"
                                                   " AND notice IS NULL"), ==, 1);
  /* A variant image from before images had a type was the sample's PNG
   * (migration 12); a variant without an image has no type. */
  if (version >= 2)
    {
      g_autofree char *types = dump_query (db, "SELECT id, image_type FROM variants ORDER BY id");

      g_assert_cmpstr (types, ==, "1|NULL\n2|NULL\n3|image/png\n");
    }
  name = chorus_store_dup_name (store);
  /* A v0 file has no name yet: its file name, without ".chorus", stands in. */
  g_assert_cmpstr (name, ==, "Old team");

  /* The index and counters added later cover the rows from before. */
  assert_counters_match (store);
  found = dump_query (db, "SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'cafe'");
  g_assert_cmpstr (found, ==, version >= 1 ? expected : "");
  chorus_test_db_exec (db, "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')");

  /* And the triggers keep them right from now on. */
  chorus_test_db_exec (db,
                       "INSERT INTO conversations (id, network, root_uri, started_at, last_activity_at)"
                       " VALUES (77, 'feed', 'https://feed.example/77', 900, 900);"
                       "INSERT INTO posts (id, conversation_id, uri, created_at, text)"
                       " VALUES (%" G_GINT64_FORMAT ", 77, 'https://feed.example/77', 900, 'fresh giraffe');",
                       POST_KEY (900, 0));
  assert_counters_match (store);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'giraffe'"),
                   ==, 1);
  chorus_test_finalize_object (store);

  /* The upgraded file opens again as it is. */
  store = chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  assert_counters_match (store);
  chorus_test_finalize_object (store);
}

/* The tables migration @version + 1 creates, in the order it creates them,
 * found by running it on a scratch database. */
static GStrv
tables_created_by_next (guint version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  sqlite3 *db = raw_open (":memory:");

  g_assert_true (_chorus_migrations_apply (db, version, &error));
  chorus_test_db_exec (db, "CREATE TEMP TABLE before AS SELECT name FROM sqlite_master");
  g_assert_true (_chorus_migrations_apply (db, version + 1, &error));
  g_assert_no_error (error);
  names = dump_query (db, "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                          " AND name NOT IN (SELECT name FROM temp.before) ORDER BY rowid");
  sqlite3_close (db);

  g_strchomp (names);
  return g_strsplit (names, "\n", -1);
}

static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  guint version = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) created = tables_created_by_next (version);
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  guint n_created = g_strv_length (created);
  sqlite3 *db = create_at_version (f->path, version);

  /* Something in the way of the last table the next migration creates, so
   * that it fails after doing everything else. Migrations 5, 9, 11 and 12
   * only add columns: the (last) column already there stops them. */
  seed_rows (db, version);
  if (version == 4)
    {
      g_assert_cmpuint (n_created, ==, 0);
      chorus_test_db_exec (db, "ALTER TABLE sources ADD COLUMN watch_categories TEXT");
    }
  else if (version == 8)
    {
      g_assert_cmpuint (n_created, ==, 0);
      chorus_test_db_exec (db, "ALTER TABLE pretest_runs ADD COLUMN notice TEXT");
    }
  else if (version == 10)
    {
      g_assert_cmpuint (n_created, ==, 0);
      chorus_test_db_exec (db, "ALTER TABLE run_posts ADD COLUMN notice TEXT");
    }
  else if (version == 13)
    {
      /* migration_14 copies the observations into a table of this name */
      g_assert_cmpuint (n_created, ==, 0);
      chorus_test_db_exec (db, "CREATE TABLE observations_new (in_the_way INTEGER)");
    }
  else if (version == 11)
    {
      /* migration_12, the variant images' type */
      g_assert_cmpuint (n_created, ==, 0);
      chorus_test_db_exec (db, "ALTER TABLE variants ADD COLUMN image_type TEXT");
    }
  else
    {
      g_assert_cmpuint (n_created, >=, 1);
      g_test_message ("migration %u creates %s first, %s last", version + 1, created[0], created[n_created - 1]);
      chorus_test_db_exec (db, "CREATE TABLE \"%s\" (in_the_way INTEGER)", created[n_created - 1]);
    }
  schema_before = dump_schema (db);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_null (chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_DATABASE);
  g_test_message ("error: %s", error->message);

  db = raw_open (f->path);
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA user_version"), ==, version);
  schema_after = dump_schema (db);
  g_assert_cmpstr (schema_after, ==, schema_before);
  for (guint i = 0; i + 1 < n_created; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE name = '%s'",
                                              created[i]);

      g_assert_cmpint (chorus_test_db_query_int (db, sql), ==, 0);
    }
  sqlite3_close (db);
}

static void
test_reopen_is_noop (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tables = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  ChorusStore *store = chorus_store_open (f->path, CHORUS_STORE_OPEN_CREATE, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  seed_rows (_chorus_store_get_db (store), chorus_store_latest_version ());
  chorus_test_finalize_object (store);

  db = raw_open (f->path);
  tables = list_tables (db);
  schema_before = dump_schema (db);
  rows_before = dump_rows (db, (const char * const *) tables);
  sqlite3_close (db);
  bytes_before = chorus_test_file_checksum (f->path, TRUE, NULL);

  for (guint i = 0; i < 2; i++)
    {
      store = chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (chorus_store_get_version (store), ==, chorus_store_latest_version ());
      chorus_test_finalize_object (store);
    }

  /* Not a page was written. */
  bytes_after = chorus_test_file_checksum (f->path, TRUE, NULL);
  g_assert_cmpstr (bytes_after, ==, bytes_before);
  db = raw_open (f->path);
  schema_after = dump_schema (db);
  rows_after = dump_rows (db, (const char * const *) tables);
  g_assert_cmpint (chorus_test_db_query_int (db, "PRAGMA user_version"), ==, chorus_store_latest_version ());
  sqlite3_close (db);
  g_assert_cmpstr (schema_after, ==, schema_before);
  g_assert_cmpstr (rows_after, ==, rows_before);
}

/* A newer version's last commit can still be in the -wal, not yet in the
 * file's header: it crashed, or still has the file open. */
static void
test_newer_in_wal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "Crashed.chorus", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  ChorusStore *store = chorus_store_open (f->path, CHORUS_STORE_OPEN_CREATE, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  chorus_test_finalize_object (store);
  db = raw_open (f->path);
  chorus_test_db_exec (db, "PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = %u",
                       chorus_store_latest_version () + 1);

  /* What a crash leaves behind: the file and its -wal, as they are now. */
  contents = chorus_test_read_file (f->path, &length);
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  contents = chorus_test_read_file (wal, &length);
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_file_set_contents (copy_wal, contents, length, NULL));
  sqlite3_close (db);

  store = chorus_store_open (copy, CHORUS_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NEWER_VERSION);
  if (store != NULL)
    chorus_test_finalize_object (store);

  chorus_test_unlink_workspace (copy);
}

/* The schema at the latest version: counters, search index, cascades */

/* The rowids of posts_fts that match @query, in order, as "1,2,3". */
static char *
fts_match (sqlite3    *db,
           const char *query)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *ids = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?1"
                                       " ORDER BY rowid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));

  return g_string_free (ids, FALSE);
}

static void
insert_conversation (sqlite3 *db,
                     gint64   id)
{
  chorus_test_db_exec (db,
                       "INSERT INTO conversations (id, source_id, network, root_uri, started_at, last_activity_at)"
                       " VALUES (%" G_GINT64_FORMAT ", 1, 'mastodon', 'https://social.example/c/' || %" G_GINT64_FORMAT
                       ", 1000, 1000)", id, id);
}

static void
insert_post (sqlite3    *db,
             gint64      id,
             gint64      conversation_id,
             const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO posts (id, source_id, conversation_id, uri, author_id,"
                                       " created_at, text) VALUES (?1, 1, ?2, 'https://x.example/p/' || ?1,"
                                       " 1, ?1 >> 16, ?3)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, conversation_id);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_counters (Fixture       *f,
               gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (store);
  sqlite3 *other;

  chorus_test_seed_people (db);
  for (guint c = 1; c <= 3; c++)
    {
      insert_conversation (db, c);
      for (guint p = 0; p < 4; p++)
        insert_post (db, POST_KEY (5000 + c, p), c, "counted");
    }
  g_assert_cmpint (chorus_store_get_counter (store, "conversations"), ==, 3);
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 12);
  g_assert_cmpint (chorus_store_get_counter (store, "nonsense"), ==, 0);

  chorus_test_db_exec (db, "DELETE FROM posts WHERE id = %" G_GINT64_FORMAT, POST_KEY (5001, 0));
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 11);

  /* Posts removed by ON DELETE CASCADE are counted out too. */
  chorus_test_db_exec (db, "DELETE FROM conversations WHERE id = 2");
  g_assert_cmpint (chorus_store_get_counter (store, "conversations"), ==, 2);
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 7);

  /* So are writes through another connection to the same file. */
  other = raw_open (f->path);
  chorus_test_db_exec (other, "BEGIN");
  insert_conversation (other, 9);
  insert_post (other, POST_KEY (6000, 0), 9, "from elsewhere");
  chorus_test_db_exec (other, "COMMIT");
  sqlite3_close (other);
  g_assert_cmpint (chorus_store_get_counter (store, "conversations"), ==, 3);
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 8);

  /* A rolled-back insert leaves them alone. */
  chorus_test_db_exec (db, "BEGIN");
  insert_post (db, POST_KEY (6001, 0), 9, "never");
  chorus_test_db_exec (db, "ROLLBACK");
  assert_counters_match (store);
  chorus_test_finalize_object (store);

  store = chorus_store_open (f->path, CHORUS_STORE_OPEN_EXISTING, NULL);
  g_assert_cmpint (chorus_store_get_counter (store, "posts"), ==, 8);
  chorus_test_finalize_object (store);
}

static void
test_fts (Fixture       *f,
          gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (store);
  gint64 p1 = POST_KEY (7000, 0), p2 = POST_KEY (7000, 1), p3 = POST_KEY (7001, 0);
  g_autofree char *both = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, p1, p3);
  g_autofree char *one = g_strdup_printf ("%" G_GINT64_FORMAT, p1);
  g_autofree char *two = g_strdup_printf ("%" G_GINT64_FORMAT, p2);
  g_autofree char *three = g_strdup_printf ("%" G_GINT64_FORMAT, p3);
  char *ids;

#define ASSERT_MATCH(query, expected) \
  G_STMT_START { ids = fts_match (db, query); g_assert_cmpstr (ids, ==, expected); g_free (ids); } G_STMT_END

  chorus_test_seed_people (db);
  insert_conversation (db, 1);
  insert_post (db, p1, 1, "Le café est fermé aujourd'hui");
  insert_post (db, p2, 1, "Our mascot needs a new costume");
  insert_post (db, p3, 1, "cafe opening hours?");

  ASSERT_MATCH ("mascot", two);
  ASSERT_MATCH ("MASCOT", two);
  /* Diacritics fold both ways. */
  ASSERT_MATCH ("cafe", both);
  ASSERT_MATCH ("café", both);
  ASSERT_MATCH ("ferme", one);
  ASSERT_MATCH ("giraffe", "");

  chorus_test_db_exec (db, "UPDATE posts SET text = 'Our giraffe needs a new costume'"
                           " WHERE id = %" G_GINT64_FORMAT, p2);
  ASSERT_MATCH ("mascot", "");
  ASSERT_MATCH ("giraffe", two);
  chorus_test_db_exec (db, "UPDATE posts SET like_count = 3 WHERE id = %" G_GINT64_FORMAT, p2);
  ASSERT_MATCH ("costume", two);

  chorus_test_db_exec (db, "DELETE FROM posts WHERE id = %" G_GINT64_FORMAT, p1);
  ASSERT_MATCH ("cafe", three);
  ASSERT_MATCH ("ferme", "");
  /* The index agrees with the posts table, row for row. */
  chorus_test_db_exec (db, "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')");

#undef ASSERT_MATCH

  chorus_test_finalize_object (store);
}

static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (store);
  g_autofree char *kept = NULL;
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, POST_KEY (8001, 0));

  chorus_test_seed_people (db);
  insert_conversation (db, 1);
  insert_conversation (db, 2);
  insert_post (db, POST_KEY (8000, 0), 1, "doomed thread about penguins");
  insert_post (db, POST_KEY (8000, 1), 1, "doomed reply");
  insert_post (db, POST_KEY (8001, 0), 2, "surviving thread about penguins");
  chorus_test_db_exec (db,
                       "INSERT INTO tags (id, name) VALUES (1, 'bug'), (2, 'praise');"
                       "INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (1, 1), (1, 2), (2, 2);"
                       "INSERT INTO notes (conversation_id, body, created_at) VALUES (1, 'call back', 1);"
                       "INSERT INTO post_media (post_id, url) VALUES (%" G_GINT64_FORMAT ", 'https://x/1.png');",
                       POST_KEY (8000, 0));

  chorus_test_db_exec (db, "DELETE FROM conversations WHERE id = 1");

  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM posts WHERE conversation_id = 1"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM conversation_tags WHERE conversation_id = 1"),
                   ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM notes"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM post_media"), ==, 0);
  /* The tags themselves and the other thread stay. */
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM tags"), ==, 2);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM conversation_tags"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM posts"), ==, 1);
  kept = fts_match (db, "penguins");
  g_assert_cmpstr (kept, ==, expected);
  chorus_test_db_exec (db, "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')");
  assert_counters_match (store);

  /* Deleting a source keeps its conversations, detached. */
  chorus_test_db_exec (db, "DELETE FROM sources WHERE id = 1");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM conversations WHERE source_id IS NULL"), ==, 1);

  chorus_test_finalize_object (store);
}

/* A post is at most one entry of a challenge (migration 13); entries
 * added by hand, from a file, have no post and are not limited. What the
 * collector keeps about a post or an entry goes with it. */
static void
test_entry_once (Fixture       *f,
                 gconstpointer  data)
{
  ChorusStore *store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (store);
  gint64 post = POST_KEY (9000, 0);
  char *error_message = NULL;

  chorus_test_seed_people (db);
  insert_conversation (db, 1);
  insert_post (db, post, 1, "My entry #TeeArt");
  chorus_test_db_exec (db,
                       "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                       " voting_open_at, voting_close_at, created_at) VALUES"
                       " (1, 'Tee', 'TeeArt', 1, 2, 2, 3, 1), (2, 'Mug', 'TeeArt', 1, 2, 2, 3, 1);"
                       "INSERT INTO submissions (id, challenge_id, title, origin_post_id, image_sha256, submitted_at)"
                       " VALUES (1, 1, 'Sunny', %" G_GINT64_FORMAT ", 'ab', 2),"
                       " (2, 2, 'Sunny', %" G_GINT64_FORMAT ", 'ab', 2),"
                       " (3, 1, 'From a file', NULL, 'cd', 2), (4, 1, 'Another file', NULL, 'ef', 2);"
                       "INSERT INTO pending_entries (challenge_id, post_id, image_url, notice, tried_at)"
                       " VALUES (2, %" G_GINT64_FORMAT ", 'https://x.example/a.png', 'Too large', 5);"
                       "INSERT INTO vote_reads (submission_id, read_at) VALUES (1, 5), (2, 5);",
                       post, post, post);

  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO submissions (challenge_id, title, origin_post_id, image_sha256,"
                                     " submitted_at) SELECT 1, 'Again', origin_post_id, 'ab', 3"
                                     " FROM submissions WHERE id = 1", NULL, NULL, &error_message),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_free (error_message);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM submissions"), ==, 4);

  chorus_test_db_exec (db, "DELETE FROM submissions WHERE id = 1");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT group_concat (submission_id) FROM vote_reads"), ==, 2);
  chorus_test_db_exec (db, "DELETE FROM posts WHERE id = %" G_GINT64_FORMAT, post);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM pending_entries"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM submissions WHERE origin_post_id IS NULL"),
                   ==, 3);

  chorus_test_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  guint latest = chorus_store_latest_version ();

  g_test_init (&argc, &argv, NULL);
  /* A failed check marks its test, and the other tests still run. */
  g_test_set_nonfatal_assertions ();

  for (guint v = 0; v < latest; v++)
    {
      g_autofree char *upgrade = g_strdup_printf ("/chorus/migrations/upgrade-from/v%u", v);
      g_autofree char *atomic = g_strdup_printf ("/chorus/migrations/atomic/v%u-to-v%u", v, v + 1);

      g_test_add (upgrade, Fixture, GUINT_TO_POINTER (v), fixture_setup, test_upgrade, fixture_teardown);
      g_test_add (atomic, Fixture, GUINT_TO_POINTER (v), fixture_setup, test_atomic, fixture_teardown);
    }

  g_test_add ("/chorus/migrations/reopen-is-noop", Fixture, NULL,
              fixture_setup, test_reopen_is_noop, fixture_teardown);
  g_test_add ("/chorus/migrations/newer-version-in-wal", Fixture, NULL,
              fixture_setup, test_newer_in_wal, fixture_teardown);
  g_test_add ("/chorus/schema/counters", Fixture, NULL, fixture_setup, test_counters, fixture_teardown);
  g_test_add ("/chorus/schema/fts", Fixture, NULL, fixture_setup, test_fts, fixture_teardown);
  g_test_add ("/chorus/schema/cascade", Fixture, NULL, fixture_setup, test_cascade, fixture_teardown);
  g_test_add ("/chorus/schema/entry-once", Fixture, NULL, fixture_setup, test_entry_once, fixture_teardown);

  return g_test_run ();
}
