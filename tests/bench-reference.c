/* bench-reference.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>
#include <sqlite3.h>

#include "bench-reference.h"
#include "chorus-mastodon-parse.h"

/* The machine's bare ingest pipeline, with none of the app in it: pages
 * fetched over loopback with a plain SoupSession, parsed with json-glib
 * and upserted into a raw SQLite database with FTS5, 1,000 rows to a
 * transaction. PERFORMANCE.md's end-to-end figure (8,100/s) comes from
 * such a pipeline, and an issue's absolute target is judged against it;
 * as the figure moves from run to run and machine to machine, bench-sync.c
 * measures it again in its own run, over the same pages the app synced.
 *
 * The three stages overlap, each on a thread of its own: the caller
 * fetches, one thread parses, another writes, handing work on through
 * GAsyncQueues that end with END_OF_QUEUE. */

#define ROWS_PER_TRANSACTION 1000

/* What the reference keeps of a status, its strings copied. */
typedef struct
{
  char *uri;
  char *text;
  char *created_at;
  char *acct;
  char *display_name;
} ReferenceRow;

typedef struct
{
  GAsyncQueue *bodies;    /* GBytes, one per page */
  GAsyncQueue *rows;      /* GPtrArray of ReferenceRow, one per page */
  const char  *db_path;
  guint        parsed;    /* by the parser, read once it has ended */
  guint        written;   /* by the writer, read once it has ended */
  gint64       finished;  /* when the writer's last COMMIT returned */
} Pipeline;

static char end_of_queue;
#define END_OF_QUEUE ((gpointer) &end_of_queue)

/* The fields of a status an app reads, besides its account's. */
enum
{
  FIELD_ID,
  FIELD_URI,
  FIELD_URL,
  FIELD_CREATED_AT,
  FIELD_EDITED_AT,
  FIELD_LANGUAGE,
  FIELD_SPOILER_TEXT,
  FIELD_CONTENT,
  FIELD_IN_REPLY_TO_ID,
  N_FIELDS
};

static const char * const status_fields[N_FIELDS] = {
  [FIELD_ID] = "id",
  [FIELD_URI] = "uri",
  [FIELD_URL] = "url",
  [FIELD_CREATED_AT] = "created_at",
  [FIELD_EDITED_AT] = "edited_at",
  [FIELD_LANGUAGE] = "language",
  [FIELD_SPOILER_TEXT] = "spoiler_text",
  [FIELD_CONTENT] = "content",
  [FIELD_IN_REPLY_TO_ID] = "in_reply_to_id",
};

static void
reference_row_free (gpointer data)
{
  ReferenceRow *row = data;

  g_free (row->uri);
  g_free (row->text);
  g_free (row->created_at);
  g_free (row->acct);
  g_free (row->display_name);
  g_free (row);
}

/* Reads what an app reads of @status; copies what the reference stores
 * into @row, when there is one. */
static gsize
walk_status (JsonObject   *status,
             ReferenceRow *row)
{
  JsonObject *account = json_object_get_object_member (status, "account");
  const char *acct = json_object_get_string_member_with_default (account, "acct", "");
  const char *display_name = json_object_get_string_member_with_default (account, "display_name", "");
  const char *values[N_FIELDS];
  gsize seen = 0;

  for (guint k = 0; k < N_FIELDS; k++)
    {
      values[k] = json_object_get_string_member_with_default (status, status_fields[k], "");
      seen += strlen (values[k]);
    }
  seen += json_object_get_int_member_with_default (status, "favourites_count", 0) +
          json_object_get_int_member_with_default (status, "reblogs_count", 0) +
          json_object_get_int_member_with_default (status, "replies_count", 0);
  seen += strlen (acct) + strlen (display_name) +
          strlen (json_object_get_string_member_with_default (account, "avatar", ""));
  seen += json_array_get_length (json_object_get_array_member (status, "media_attachments"));

  if (row != NULL)
    {
      row->uri = g_strdup (values[FIELD_URI]);
      row->text = g_strdup (values[FIELD_CONTENT]);
      row->created_at = g_strdup (values[FIELD_CREATED_AT]);
      row->acct = g_strdup (acct);
      row->display_name = g_strdup (display_name);
    }

  return seen;
}

/**
 * bench_reference_walk_statuses:
 * @root: a parsed page of statuses
 *
 * Reads every field an app needs of each status on the page, as the
 * reference's parser does, without keeping any.
 *
 * Returns: a sum of what was read, so that none of it is optimised away
 */
gsize
bench_reference_walk_statuses (JsonNode *root)
{
  JsonArray *array = json_node_get_array (root);
  gsize seen = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    seen += walk_status (json_array_get_object_element (array, i), NULL);

  return seen;
}

/* The parser's thread: pages in, rows out. */
static gpointer
parse_pages (gpointer data)
{
  Pipeline *pipeline = data;
  gpointer item;

  while ((item = g_async_queue_pop (pipeline->bodies)) != END_OF_QUEUE)
    {
      g_autoptr(GBytes) body = item;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonArray *array;
      GPtrArray *rows;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error))
        g_error ("Parsing failed: %s", error->message);
      array = json_node_get_array (json_parser_get_root (parser));
      rows = g_ptr_array_new_full (json_array_get_length (array), reference_row_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          ReferenceRow *row = g_new0 (ReferenceRow, 1);

          walk_status (json_array_get_object_element (array, i), row);
          g_ptr_array_add (rows, row);
        }
      pipeline->parsed += rows->len;
      g_async_queue_push (pipeline->rows, rows);
    }

  g_async_queue_push (pipeline->rows, END_OF_QUEUE);
  return NULL;
}

static const char schema[] =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = NORMAL;"
  "CREATE TABLE posts ("
  "  id INTEGER PRIMARY KEY,"
  "  uri TEXT UNIQUE NOT NULL,"
  "  author TEXT,"
  "  created_at TEXT,"
  "  text TEXT"
  ");"
  "CREATE VIRTUAL TABLE posts_fts USING fts5 (text, content = 'posts', content_rowid = 'id');"
  "CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN"
  "  INSERT INTO posts_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  /* Never fires over new posts; keeps the index right when text changes. */
  "CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN"
  "  INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO posts_fts (rowid, text) VALUES (new.id, new.text);"
  "END;";

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Preparing \"%s\" failed: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("Writing failed: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

static gint64
count_posts (sqlite3 *db)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT count(*) FROM posts");
  gint64 count;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("Counting failed: %s", sqlite3_errmsg (db));
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* The writer's thread: rows into a fresh database. */
static gpointer
write_rows (gpointer data)
{
  Pipeline *pipeline = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *begin;
  sqlite3_stmt *commit;
  sqlite3_stmt *upsert;
  char *message = NULL;
  guint pending = 0;
  gpointer item;

  if (sqlite3_open_v2 (pipeline->db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    g_error ("Opening %s failed: %s", pipeline->db_path, sqlite3_errmsg (db));
  if (sqlite3_exec (db, schema, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Creating the reference database failed: %s", message);
  begin = prepare (db, "BEGIN");
  commit = prepare (db, "COMMIT");
  upsert = prepare (db, "INSERT INTO posts (uri, author, created_at, text) VALUES (?1, ?2, ?3, ?4)"
                        " ON CONFLICT (uri) DO UPDATE SET text = excluded.text WHERE text IS NOT excluded.text");

  while ((item = g_async_queue_pop (pipeline->rows)) != END_OF_QUEUE)
    {
      g_autoptr(GPtrArray) rows = item;

      for (guint i = 0; i < rows->len; i++)
        {
          ReferenceRow *row = g_ptr_array_index (rows, i);

          if (pending == 0)
            step (db, begin);
          sqlite3_bind_text (upsert, 1, row->uri, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 2, row->acct, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 3, row->created_at, -1, SQLITE_STATIC);
          sqlite3_bind_text (upsert, 4, row->text, -1, SQLITE_STATIC);
          step (db, upsert);
          sqlite3_clear_bindings (upsert);
          pipeline->written++;
          if (++pending == ROWS_PER_TRANSACTION)
            {
              step (db, commit);
              pending = 0;
            }
        }
    }
  if (pending > 0)
    step (db, commit);
  pipeline->finished = g_get_monotonic_time ();

  /* Every upsert made a row: each status has a uri of its own. */
  g_assert_cmpint (count_posts (db), ==, pipeline->written);

  sqlite3_finalize (upsert);
  sqlite3_finalize (commit);
  sqlite3_finalize (begin);
  if (sqlite3_close (db) != SQLITE_OK)
    g_error ("Closing %s failed", pipeline->db_path);

  return NULL;
}

/**
 * bench_reference_pipeline:
 * @first_url: the first page to fetch; its Link header's rel="prev" leads on
 * @db_path: where to make the reference database; nothing must be there yet
 * @posts_out: (out): how many posts were written
 *
 * Runs the machine's bare pipeline over the pages from @first_url to the
 * first empty one, following the Link headers as bench-sync.c's stages
 * alone do.
 *
 * Returns: the wall seconds from the first request to the last COMMIT
 */
double
bench_reference_pipeline (const char *first_url,
                          const char *db_path,
                          guint      *posts_out)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup (first_url);
  Pipeline pipeline = { 0, };
  GThread *parser;
  GThread *writer;
  gint64 start;

  pipeline.bodies = g_async_queue_new ();
  pipeline.rows = g_async_queue_new ();
  pipeline.db_path = db_path;
  parser = g_thread_new ("reference-parse", parse_pages, &pipeline);
  writer = g_thread_new ("reference-write", write_rows, &pipeline);

  start = g_get_monotonic_time ();
  while (url != NULL)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
      g_autoptr(GError) error = NULL;
      g_autofree char *prev = NULL;
      const char *link;
      GBytes *body;
      gboolean empty;

      if (!(body = soup_session_send_and_read (session, message, NULL, &error)))
        g_error ("Fetching failed: %s", error->message);
      if (soup_message_get_status (message) != SOUP_STATUS_OK)
        g_error ("Fetching %s failed: HTTP %u", url, soup_message_get_status (message));
      link = soup_message_headers_get_one (soup_message_get_response_headers (message), "Link");
      empty = g_bytes_get_size (body) <= 2;
      g_async_queue_push (pipeline.bodies, body);

      g_clear_pointer (&url, g_free);
      if (!empty && link != NULL && chorus_parse_link_header (link, NULL, &prev) && prev != NULL)
        url = g_steal_pointer (&prev);
    }
  g_async_queue_push (pipeline.bodies, END_OF_QUEUE);

  g_thread_join (parser);
  g_thread_join (writer);
  g_async_queue_unref (pipeline.bodies);
  g_async_queue_unref (pipeline.rows);

  g_assert_cmpuint (pipeline.written, ==, pipeline.parsed);
  *posts_out = pipeline.written;

  return (pipeline.finished - start) / (double) G_USEC_PER_SEC;
}
