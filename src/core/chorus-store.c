/* chorus-store.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-error.h"
#include "chorus-store-private.h"

#define SQLITE_HEADER_MAGIC "SQLite format 3"
#define SQLITE_HEADER_SIZE 100
/* Files below this size get a full quick_check when they are opened. */
#define QUICK_CHECK_MAX_BYTES (32 * 1024 * 1024)

struct _ChorusStore
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;
  GAsyncQueue *idle_connections;   /* sqlite3 *, connections no worker holds */
  GHashTable  *statements;         /* SQL text → sqlite3_stmt * prepared on db */
  guint     version;
};

G_DEFINE_FINAL_TYPE (ChorusStore, chorus_store, G_TYPE_OBJECT)

enum {
  CONVERSATIONS_CHANGED,
  TEAM_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  char                 *path;
  ChorusStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* The application id and version a workspace in WAL mode has, -wal
 * included, read through a read-only connection; left as they are when
 * there is no -wal, or it cannot be read. */
static void
read_ids_through_wal (const char *path,
                      guint32    *application_id,
                      guint32    *user_version)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *uri = g_strconcat (file_uri, "?mode=ro", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  GStatBuf st;

  if (g_stat (wal, &st) != 0 || st.st_size == 0)
    return;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *application_id = (guint32) sqlite3_column_int64 (stmt, 0);
      *user_version = (guint32) sqlite3_column_int64 (stmt, 1);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
}

/* Looks at the file without letting SQLite touch it: a foreign or newer
 * file must come out of an open attempt exactly as it went in. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  guint8 header[SQLITE_HEADER_SIZE];
  FILE *file;
  size_t n_read;
  guint32 application_id;
  guint32 user_version;

  if (!(file = g_fopen (path, "rb")))
    {
      int saved_errno = errno;

      g_set_error (error, CHORUS_ERROR,
                   saved_errno == ENOENT ? CHORUS_ERROR_NOT_FOUND : CHORUS_ERROR_FAILED,
                   /* Translators: the first %s is a workspace file's name, the second the reason, from the
                    * system. */
                   _("“%s” could not be read: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read < sizeof header || memcmp (header, SQLITE_HEADER_MAGIC, sizeof SQLITE_HEADER_MAGIC) != 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_A_WORKSPACE,
                   /* Translators: %s is a file's name. */
                   _("“%s” is not a Chorus workspace."), display);
      return FALSE;
    }

  user_version = read_be32 (header + 60);
  application_id = read_be32 (header + 68);

  /* A workspace that was just created, by a program still running or one
   * that crashed, may have its first page only in the -wal so far: what
   * the file's own header says is then out of date. */
  if (application_id != CHORUS_APPLICATION_ID)
    read_ids_through_wal (path, &application_id, &user_version);

  if (application_id != CHORUS_APPLICATION_ID)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_A_WORKSPACE,
                   /* Translators: %s is a file's name. */
                   _("“%s” is a database, but not a Chorus workspace."), display);
      return FALSE;
    }

  if (user_version > _chorus_migrations_latest ())
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NEWER_VERSION,
                   /* Translators: %s is a workspace file's name. */
                   _("“%s” was saved by a newer version of Chorus. Update Chorus to open it."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);

  /* WAL needs to create its -wal and -shm files beside the workspace. */
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY,
                   /* Translators: %s is a workspace file's name. */
                   _("“%s” is read-only. Copy it to a folder you can write to, or change its permissions, then open it again."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_can_create (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (dir);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                   /* Translators: %s is a folder's name. */
                   _("The folder “%s” does not exist."), display);
      return FALSE;
    }

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY,
                   /* Translators: %s is a folder's name. */
                   _("A workspace cannot be created in “%s”: the folder is read-only."), display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_integrity (const char  *path,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  sqlite3 *db = NULL;
  const char *sql;
  gboolean ok = FALSE;

  if (g_stat (path, &st) == 0 && st.st_size <= QUICK_CHECK_MAX_BYTES)
    sql = "PRAGMA quick_check";
  else
    sql = "SELECT 'ok' FROM sqlite_master WHERE name = 'posts'";

  /* With no -wal beside it, nothing has the file open: read it as it is on
   * disk, so that SQLite creates no -wal or -shm for this look. */
  file_uri = g_filename_to_uri (path, NULL, NULL);
  wal = g_strconcat (path, "-wal", NULL);
  uri = g_strconcat (file_uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?mode=ro&immutable=1",
                     NULL);

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI,
                       NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    ok = TRUE;

  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The header can lag behind a commit that is still in the -wal. */
  if (ok && sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      (guint) sqlite3_column_int (stmt, 0) > _chorus_migrations_latest ())
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NEWER_VERSION,
                   /* Translators: %s is a workspace file's name. */
                   _("“%s” was saved by a newer version of Chorus. Update Chorus to open it."), display);
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  if (!ok)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_CORRUPT,
                 /* Translators: %s is a workspace file's name. */
                 _("“%s” is damaged and cannot be opened. Restore it from a backup."), display);

  return ok;
}

static sqlite3 *
open_connection (const char  *path,
                 int          extra_flags,
                 GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | extra_flags,
                       NULL) != SQLITE_OK)
    {
      _chorus_set_sqlite_error (error, db, "open");
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);

  if (!_chorus_sql_exec (db,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;",
                         error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* "Community.chorus" is the workspace "Community". */
static void
strip_extension (char *basename)
{
  char *dot;

  if ((dot = strrchr (basename, '.')) && dot != basename)
    *dot = '\0';
}

static gboolean
initialize_new (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", CHORUS_APPLICATION_ID);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_chorus_sql_exec (db, set_id, error) ||
      !_chorus_migrations_apply (db, _chorus_migrations_latest (), error))
    return FALSE;

  strip_extension (basename);

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO workspace_meta (key, value) VALUES"
                                    " ('name', ?1), ('created_at', strftime ('%s', 'now'))",
                                    error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, basename, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "initialize");
      return FALSE;
    }

  return TRUE;
}

static void
chorus_store_finalize (GObject *object)
{
  ChorusStore *self = (ChorusStore *)object;
  sqlite3 *db;

  while ((db = g_async_queue_try_pop (self->idle_connections)))
    sqlite3_close (db);
  g_async_queue_unref (self->idle_connections);
  /* Statements first: a connection does not close while one is open. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (chorus_store_parent_class)->finalize (object);
}

static void
chorus_store_class_init (ChorusStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_store_finalize;

  /**
   * ChorusStore::conversations-changed:
   * @self: the store
   * @ids: (element-type gint64): the conversations whose triage state
   *   changed, or none when any may have (a status or member renamed)
   *
   * Emitted on the main context of whoever made a triage change or edit
   * (see chorus-store-triage.h and chorus-store-team.h), once it has
   * committed and before that caller's callback runs, so that lists can
   * rebuild those rows.
   */
  signals [CONVERSATIONS_CHANGED] =
    g_signal_new ("conversations-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ARRAY);

  /**
   * ChorusStore::team-changed:
   * @self: the store
   *
   * Emitted like ChorusStore::conversations-changed (and before it) after
   * an edit of the statuses, team members or tags (see
   * chorus-store-team.h), so that whoever lists them lists them again.
   */
  signals [TEAM_CHANGED] =
    g_signal_new ("team-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
chorus_store_init (ChorusStore *self)
{
  self->idle_connections = g_async_queue_new ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  ChorusStore *store;

  if ((store = chorus_store_open (data->path, data->flags, &error)))
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * chorus_store_open:
 * @path: the workspace file
 * @flags: whether a missing file is created
 * @error: a location for a #GError
 *
 * Opens a workspace, upgrading an older one. A file that is not a Chorus
 * workspace, was written by a newer version, is damaged or is read-only is
 * refused with a #ChorusError and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ChorusStore *
chorus_store_open (const char            *path,
                   ChorusStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(ChorusStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && !(flags & CHORUS_STORE_OPEN_CREATE))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                   /* Translators: %s is a workspace file's name. */
                   _("“%s” does not exist."), display);
      return NULL;
    }

  if (exists &&
      (!check_header (path, error) || !check_writable (path, error) || !check_integrity (path, error)))
    return NULL;

  if (!exists && !check_can_create (path, error))
    return NULL;

  self = g_object_new (CHORUS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!(self->db = open_connection (path, exists ? 0 : SQLITE_OPEN_CREATE, error)))
    return NULL;

  if (!exists)
    {
      if (!initialize_new (self->db, path, error))
        {
          g_clear_pointer (&self->db, sqlite3_close);
          g_unlink (path);
          return NULL;
        }
    }
  else if (!_chorus_migrations_apply (self->db, _chorus_migrations_latest (), &local_error))
    {
      g_autofree char *display = g_filename_display_basename (path);

      /* Each migration ran in its own transaction: the file is still a
       * valid workspace at the version it reached. */
      g_set_error (error, CHORUS_ERROR, local_error->domain == CHORUS_ERROR ? local_error->code
                                                                            : CHORUS_ERROR_DATABASE,
                   /* Translators: the first %s is a workspace file's name, the second the reason, from the
                    * database, often in English. */
                   _("“%s” could not be upgraded to this version of Chorus (%s)."),
                   display, local_error->message);
      return NULL;
    }

  self->version = _chorus_migrations_latest ();

  return g_steal_pointer (&self);
}

void
chorus_store_open_async (const char            *path,
                         ChorusStoreOpenFlags   flags,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_worker);
}

ChorusStore *
chorus_store_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
chorus_store_latest_version (void)
{
  return _chorus_migrations_latest ();
}

sqlite3 *
_chorus_store_get_db (ChorusStore *self)
{
  return self->db;
}

/* Workers hold the store through the task's source object, so the store
 * outlives every connection lent out. */
ChorusStoreConnection *
_chorus_store_connection_new (ChorusStore *self)
{
  g_autoptr(GError) error = NULL;
  ChorusStoreConnection *connection;
  sqlite3 *db;

  if (!(db = g_async_queue_try_pop (self->idle_connections)) &&
      !(db = open_connection (self->path, 0, &error)))
    {
      g_critical ("Cannot open a connection to the workspace: %s", error->message);
      return NULL;
    }

  connection = g_new0 (ChorusStoreConnection, 1);
  connection->store = self;
  connection->db = db;

  return connection;
}

/* @sql prepared once on the thread's own connection and kept, reset, for
 * the next call: for the point lookups the main thread makes for each
 * row it shows, where preparing cost as much as running. @sql must be a
 * string that lives as long as the store (a static one). */
sqlite3_stmt *
_chorus_store_cached_statement (ChorusStore  *self,
                                const char   *sql,
                                GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _chorus_set_sqlite_error (error, self->db, "prepare");
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static int
on_progress_cb (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* Makes SQLite give up on @connection's statement under way, with
 * SQLITE_INTERRUPT, soon after @cancellable is cancelled: a listing that
 * was superseded (the person typed another letter) stops sorting rows
 * nobody will see, and leaves the cores to the one that replaced it.
 * With %NULL, stops watching. */
void
_chorus_store_connection_watch (ChorusStoreConnection *connection,
                                GCancellable          *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (connection->db, 4000, on_progress_cb, cancellable);
  else
    sqlite3_progress_handler (connection->db, 0, NULL, NULL);
}

/* Whether @rc, from a step on a watched connection, means "cancelled"; if
 * so, @error says so the way GIO does. */
gboolean
_chorus_store_connection_was_cancelled (ChorusStoreConnection  *connection,
                                        int                     rc,
                                        GCancellable           *cancellable,
                                        GError                **error)
{
  if (rc != SQLITE_INTERRUPT || cancellable == NULL)
    return FALSE;

  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return TRUE;
}

void
_chorus_store_connection_free (ChorusStoreConnection *connection)
{
  sqlite3_progress_handler (connection->db, 0, NULL, NULL);
  g_async_queue_push (connection->store->idle_connections, connection->db);
  g_free (connection);
}

const char *
chorus_store_get_path (ChorusStore *self)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return self->path;
}

guint
chorus_store_get_version (ChorusStore *self)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return self->version;
}

static char *
dup_meta (ChorusStore *self,
          const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM workspace_meta WHERE key = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
chorus_store_dup_name (ChorusStore *self)
{
  char *name;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  if ((name = dup_meta (self, "name")) && *name)
    return name;

  g_free (name);
  name = g_filename_display_basename (self->path);
  strip_extension (name);

  return name;
}

gboolean
chorus_store_set_name (ChorusStore  *self,
                       const char   *name,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(stmt = _chorus_sql_prepare (self->db,
                                    "INSERT INTO workspace_meta (key, value) VALUES ('name', ?1)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, self->db, "rename");
      return FALSE;
    }

  return TRUE;
}

gboolean
chorus_store_is_sample (ChorusStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  value = dup_meta (self, "sample_seed");
  return value != NULL;
}

/**
 * chorus_store_dup_media_dir:
 * @self: a #ChorusStore
 *
 * Images (submissions, attachments) live beside the workspace file, in a
 * folder named after it, content-addressed by SHA-256.
 *
 * Returns: (transfer full): the folder's path
 */
char *
chorus_store_dup_media_dir (ChorusStore *self)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return g_strconcat (self->path, "-media", NULL);
}

char *
chorus_store_dup_media_path (ChorusStore *self,
                             const char  *sha256,
                             const char  *extension)
{
  g_autofree char *dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  dir = chorus_store_dup_media_dir (self);
  prefix = g_strndup (sha256, 2);
  file = g_strconcat (sha256, ".", extension, NULL);

  return g_build_filename (dir, prefix, file, NULL);
}

gint64
chorus_store_get_counter (ChorusStore *self,
                          const char  *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM counters WHERE name = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

guint
chorus_store_count_syncable_sources (ChorusStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT count(*) FROM sources WHERE enabled AND NOT is_sample",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;

  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}
