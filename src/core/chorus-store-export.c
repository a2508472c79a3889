/* chorus-store-export.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-store-export.h"
#include "chorus-store-private.h"

/* Every post of a workspace as JSON Lines or CSV, oldest first. A workspace
 * may hold a million posts, so nothing is gathered in memory: one query walks
 * the posts in key order (keys follow time, see CHORUS_POST_KEY_SHIFT, so
 * that is created_at then id without a sort), media and polls come from
 * statements prepared once and reset for each post, and posts are
 * written out in blocks as they are built. One read transaction keeps the whole
 * export on one snapshot while syncs go on writing.
 *
 * Each post is built once as a JSON object; JSON Lines prints it whole, CSV
 * prints its members as cells (see append_csv_cell()). */

#define BUFFER_SIZE (64 * 1024)

/* The columns of posts_sql. */
enum
{
  COLUMN_ID,
  COLUMN_NETWORK,
  COLUMN_REMOTE_ID,
  COLUMN_URI,
  COLUMN_URL,
  COLUMN_AUTHOR_NETWORK,
  COLUMN_AUTHOR_SERVER,
  COLUMN_AUTHOR_HANDLE,
  COLUMN_AUTHOR_NAME,
  COLUMN_CREATED_AT,
  COLUMN_LANGUAGE,
  COLUMN_TEXT,
  COLUMN_REPLY_TO_URI,
  COLUMN_ROOT_URI,
  COLUMN_REPLY_COUNT,
  COLUMN_REPOST_COUNT,
  COLUMN_LIKE_COUNT,
};

/* LEFT JOINs keep posts the outer loop, so SQLite walks them by key and
 * never sorts. The thread root is the conversation's: for a thread's first
 * post that is its own URI. */
static const char posts_sql[] =
  "SELECT p.id, c.network, p.remote_id, p.uri, p.url, i.network, i.server, i.handle,"
  "  i.display_name, p.created_at, p.language, p.text, p.reply_to_uri, c.root_uri,"
  "  p.reply_count, p.repost_count, p.like_count"
  " FROM posts AS p"
  " LEFT JOIN conversations AS c ON c.id = p.conversation_id"
  " LEFT JOIN identities AS i ON i.id = p.author_id"
  " ORDER BY p.id";

static const char media_sql[] =
  "SELECT url, kind, alt_text FROM post_media WHERE post_id = ?1 ORDER BY id";

static const char poll_sql[] =
  "SELECT id, voters_count, expires_at, multiple FROM polls WHERE post_id = ?1";

static const char options_sql[] =
  "SELECT title, votes FROM poll_options WHERE poll_id = ?1 ORDER BY position";

typedef enum
{
  FIELD_TEXT,           /* text, null when NULL */
  FIELD_COUNT,          /* a whole number, null when NULL */
  FIELD_TIME,           /* Unix seconds as ISO 8601 UTC, null when NULL */
  FIELD_BOOLEAN,
  FIELD_HANDLE,         /* the author's full handle, see dup_handle() */
  FIELD_MEDIA,          /* the column is a post id */
  FIELD_POLL,           /* the column is a post id */
  FIELD_OPTIONS,        /* the column is a poll id */
} FieldKind;

/* A JSON member: its name, and how to make it from a column. */
typedef struct
{
  const char *name;
  FieldKind   kind;
  int         column;
} Field;

/* The members of a post, in order; these are also the CSV columns. */
static const Field post_fields[] = {
  { "network", FIELD_TEXT, COLUMN_NETWORK },
  { "remote_id", FIELD_TEXT, COLUMN_REMOTE_ID },
  { "uri", FIELD_TEXT, COLUMN_URI },
  { "url", FIELD_TEXT, COLUMN_URL },
  { "author_handle", FIELD_HANDLE, COLUMN_AUTHOR_HANDLE },
  { "author_name", FIELD_TEXT, COLUMN_AUTHOR_NAME },
  { "created_at", FIELD_TIME, COLUMN_CREATED_AT },
  { "language", FIELD_TEXT, COLUMN_LANGUAGE },
  { "text", FIELD_TEXT, COLUMN_TEXT },
  { "in_reply_to_uri", FIELD_TEXT, COLUMN_REPLY_TO_URI },
  { "thread_root_uri", FIELD_TEXT, COLUMN_ROOT_URI },
  { "replies_count", FIELD_COUNT, COLUMN_REPLY_COUNT },
  { "reposts_count", FIELD_COUNT, COLUMN_REPOST_COUNT },
  { "likes_count", FIELD_COUNT, COLUMN_LIKE_COUNT },
  { "media", FIELD_MEDIA, COLUMN_ID },
  { "poll", FIELD_POLL, COLUMN_ID },
  { NULL }
};

static const Field media_fields[] = {
  { "url", FIELD_TEXT, 0 },
  { "type", FIELD_TEXT, 1 },
  { "description", FIELD_TEXT, 2 },
  { NULL }
};

static const Field poll_fields[] = {
  { "options", FIELD_OPTIONS, 0 },
  { "voters_count", FIELD_COUNT, 1 },
  { "expires_at", FIELD_TIME, 2 },
  { "multiple", FIELD_BOOLEAN, 3 },
  { NULL }
};

static const Field option_fields[] = {
  { "title", FIELD_TEXT, 0 },
  { "votes", FIELD_COUNT, 1 },
  { NULL }
};

typedef struct
{
  ChorusExportFormat  format;
  sqlite3            *db;
  sqlite3_stmt       *media;
  sqlite3_stmt       *poll;
  sqlite3_stmt       *options;
  JsonBuilder        *builder;
  JsonGenerator      *generator;
  GString            *line;
} Exporter;

static void
exporter_clear (Exporter *self)
{
  g_clear_pointer (&self->media, sqlite3_finalize);
  g_clear_pointer (&self->poll, sqlite3_finalize);
  g_clear_pointer (&self->options, sqlite3_finalize);
  g_clear_object (&self->builder);
  g_clear_object (&self->generator);
  if (self->line != NULL)
    g_string_free (g_steal_pointer (&self->line), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exporter, exporter_clear)

static gboolean
exporter_init (Exporter            *self,
               sqlite3             *db,
               ChorusExportFormat   format,
               GError             **error)
{
  self->format = format;
  self->db = db;
  self->builder = json_builder_new ();
  self->generator = json_generator_new ();
  self->line = g_string_sized_new (BUFFER_SIZE + 4096);

  return (self->media = _chorus_sql_prepare (db, media_sql, error)) &&
         (self->poll = _chorus_sql_prepare (db, poll_sql, error)) &&
         (self->options = _chorus_sql_prepare (db, options_sql, error));
}

static gboolean
check_done (Exporter    *self,
            int          rc,
            const char  *what,
            GError     **error)
{
  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, self->db, what);
      return FALSE;
    }

  return TRUE;
}

/* 2026-11-22T10:04:05Z, or NULL when GDateTime cannot hold the time.
 * Exports are for programs, so their dates are ISO 8601 in UTC in every
 * locale (README); only digits are formatted, so no locale reaches them. */
static char *
dup_iso8601 (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* The handle as people write it, so that one column identifies an author
 * across networks. Identities keep Mastodon-API accounts as user and server
 * apart (chorus-mastodon-parse.c), so those become "user@server". Bluesky
 * handles are whole domains already ("ana.bsky.social", or a DID), Discourse
 * usernames belong to the one forum the source reads, and a feed's "handle"
 * is its author's name: those stay as stored. */
static char *
dup_handle (sqlite3_stmt *row)
{
  g_autofree char *handle = _chorus_sql_dup_text (row, COLUMN_AUTHOR_HANDLE);
  g_autofree char *network = _chorus_sql_dup_text (row, COLUMN_AUTHOR_NETWORK);
  g_autofree char *server = _chorus_sql_dup_text (row, COLUMN_AUTHOR_SERVER);

  if (handle == NULL || g_strcmp0 (network, "mastodon") != 0 ||
      server == NULL || *server == '\0' || strchr (handle, '@') != NULL)
    return g_steal_pointer (&handle);

  return g_strconcat (handle, "@", server, NULL);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *text)
{
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static gboolean add_object (Exporter      *self,
                            sqlite3_stmt  *stmt,
                            const Field   *fields,
                            GError       **error);

/* An array with one object per row that @stmt gives for @id. */
static gboolean
add_rows (Exporter      *self,
          sqlite3_stmt  *stmt,
          gint64         id,
          const Field   *fields,
          GError       **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);

  json_builder_begin_array (self->builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!add_object (self, stmt, fields, error))
        return FALSE;
    }
  json_builder_end_array (self->builder);

  return check_done (self, rc, "export", error);
}

static gboolean
add_poll (Exporter  *self,
          gint64     post_id,
          GError   **error)
{
  int rc;

  sqlite3_reset (self->poll);
  sqlite3_bind_int64 (self->poll, 1, post_id);

  if ((rc = sqlite3_step (self->poll)) == SQLITE_ROW)
    return add_object (self, self->poll, poll_fields, error);

  json_builder_add_null_value (self->builder);
  return check_done (self, rc, "export poll", error);
}

static gboolean
add_value (Exporter      *self,
           sqlite3_stmt  *stmt,
           const Field   *field,
           GError       **error)
{
  g_autofree char *text = NULL;
  gboolean is_null = sqlite3_column_type (stmt, field->column) == SQLITE_NULL;
  gint64 number = sqlite3_column_int64 (stmt, field->column);

  switch (field->kind)
    {
    case FIELD_TEXT:
      text = _chorus_sql_dup_text (stmt, field->column);
      break;
    case FIELD_HANDLE:
      text = dup_handle (stmt);
      break;
    case FIELD_TIME:
      text = is_null ? NULL : dup_iso8601 (number);
      break;
    case FIELD_COUNT:
      if (is_null)
        json_builder_add_null_value (self->builder);
      else
        json_builder_add_int_value (self->builder, number);
      return TRUE;
    case FIELD_BOOLEAN:
      json_builder_add_boolean_value (self->builder, number != 0);
      return TRUE;
    case FIELD_MEDIA:
      return add_rows (self, self->media, number, media_fields, error);
    case FIELD_OPTIONS:
      return add_rows (self, self->options, number, option_fields, error);
    case FIELD_POLL:
      return add_poll (self, number, error);
    default:
      g_assert_not_reached ();
    }

  add_string_or_null (self->builder, text);
  return TRUE;
}

static gboolean
add_object (Exporter      *self,
            sqlite3_stmt  *stmt,
            const Field   *fields,
            GError       **error)
{
  json_builder_begin_object (self->builder);

  for (const Field *field = fields; field->name != NULL; field++)
    {
      json_builder_set_member_name (self->builder, field->name);
      if (!add_value (self, stmt, field, error))
        return FALSE;
    }

  json_builder_end_object (self->builder);
  return TRUE;
}

/* RFC 4180: a cell holding a comma, a quote, CR or LF is quoted, with its
 * quotes doubled. A spreadsheet runs a cell that starts with =, +, -, @, a
 * tab or CR as a formula, and remote text must not run: such a cell gets a
 * leading apostrophe, which spreadsheets show as text (OWASP's advice). */
static void
append_csv_text (GString    *line,
                 const char *cell)
{
  gboolean formula = cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
  gboolean quote = strpbrk (cell, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');

  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }

  if (quote)
    g_string_append_c (line, '"');
}

/* A member as a cell: null is empty, lists and objects (media, poll) are
 * compact JSON, the same as in JSON Lines. */
static void
append_csv_cell (Exporter *self,
                 JsonNode *node)
{
  g_autofree char *owned = NULL;
  const char *cell = "";

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        cell = json_node_get_string (node);
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        cell = json_node_get_boolean (node) ? "true" : "false";
      else
        cell = owned = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
      json_generator_set_root (self->generator, node);
      cell = owned = json_generator_to_data (self->generator, NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  append_csv_text (self->line, cell);
}

static void
append_csv_row (Exporter   *self,
                JsonObject *post)
{
  for (const Field *field = post_fields; field->name != NULL; field++)
    {
      if (field != post_fields)
        g_string_append_c (self->line, ',');
      append_csv_cell (self, json_object_get_member (post, field->name));
    }

  /* RFC 4180 ends records with CRLF. */
  g_string_append (self->line, "\r\n");
}

/* Posts gather in self->line and go out in blocks: a write call per post
 * would cost more than building it. */
static gboolean
write_buffer (Exporter       *self,
              GOutputStream  *out,
              gsize           at_least,
              GCancellable   *cancellable,
              GError        **error)
{
  if (self->line->len < at_least)
    return TRUE;

  if (!g_output_stream_write_all (out, self->line->str, self->line->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (self->line, 0);
  return TRUE;
}

static void
append_csv_header (Exporter *self)
{
  for (const Field *field = post_fields; field->name != NULL; field++)
    {
      if (field != post_fields)
        g_string_append_c (self->line, ',');
      g_string_append (self->line, field->name);
    }
  g_string_append (self->line, "\r\n");
}

static gboolean
write_post (Exporter       *self,
            sqlite3_stmt   *row,
            GOutputStream  *out,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_reset (self->builder);
  if (!add_object (self, row, post_fields, error))
    return FALSE;

  root = json_builder_get_root (self->builder);

  switch (self->format)
    {
    case CHORUS_EXPORT_FORMAT_JSONL:
      json_generator_set_root (self->generator, root);
      json_generator_to_gstring (self->generator, self->line);
      g_string_append_c (self->line, '\n');
      break;
    case CHORUS_EXPORT_FORMAT_CSV:
      append_csv_row (self, json_node_get_object (root));
      break;
    default:
      g_assert_not_reached ();
    }

  return write_buffer (self, out, BUFFER_SIZE, cancellable, error);
}

static gboolean
export_posts (sqlite3             *db,
              ChorusExportFormat   format,
              GOutputStream       *out,
              GCancellable        *cancellable,
              guint64             *n_written,
              GError             **error)
{
  g_auto(Exporter) exporter = { 0, };
  g_autoptr(sqlite3_stmt) posts = NULL;
  int rc;

  if (!exporter_init (&exporter, db, format, error) ||
      !(posts = _chorus_sql_prepare (db, posts_sql, error)))
    return FALSE;

  if (format == CHORUS_EXPORT_FORMAT_CSV)
    append_csv_header (&exporter);

  while ((rc = sqlite3_step (posts)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_post (&exporter, posts, out, cancellable, error))
        return FALSE;
      (*n_written)++;
    }

  return check_done (&exporter, rc, "export posts", error) &&
         write_buffer (&exporter, out, 0, cancellable, error) &&
         g_output_stream_flush (out, cancellable, error);
}

/**
 * chorus_store_export_posts:
 * @self: a #ChorusStore
 * @format: JSON Lines or CSV
 * @out: where to write; it is flushed, not closed
 * @cancellable: (nullable): a #GCancellable
 * @n_written: (out) (optional): how many posts were written; on failure,
 *   how many were read before it
 * @error: a location for a #GError
 *
 * Writes every post, oldest first (by created_at, then id), as one JSON
 * object per line or as CSV with a header row. Each post has network,
 * remote_id, uri, url, author_handle, author_name, created_at (ISO 8601
 * UTC), language, text, in_reply_to_uri, thread_root_uri, replies_count,
 * reposts_count, likes_count, media (a list of {url, type, description})
 * and poll (null or {options: [{title, votes}], voters_count, expires_at,
 * multiple}). CSV has the same columns in that order: null is an empty
 * cell, media and poll are compact JSON, cells are quoted as RFC 4180 says,
 * and a cell that a spreadsheet would take for a formula starts with an
 * apostrophe. Streams: memory use does not grow with the workspace.
 * Blocking: call it from a worker thread in the app.
 *
 * Returns: %TRUE when every post was written
 */
gboolean
chorus_store_export_posts (ChorusStore         *self,
                           ChorusExportFormat   format,
                           GOutputStream       *out,
                           GCancellable        *cancellable,
                           guint64             *n_written,
                           GError             **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  guint64 count = 0;
  gboolean ok;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (format == CHORUS_EXPORT_FORMAT_JSONL || format == CHORUS_EXPORT_FORMAT_CSV,
                        FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!(connection = _chorus_store_connection_new (self)))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_DATABASE,
                   _("The workspace cannot be read."));
      return FALSE;
    }

  if (!_chorus_sql_exec (connection->db, "BEGIN", error))
    return FALSE;

  ok = export_posts (connection->db, format, out, cancellable, &count, error);

  /* The transaction only read: there is nothing to keep. */
  sqlite3_exec (connection->db, "ROLLBACK", NULL, NULL, NULL);

  if (n_written != NULL)
    *n_written = count;

  return ok;
}
