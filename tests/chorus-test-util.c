/* chorus-test-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"

/* Locales */

/* Whether @locale, such as "es_ES.UTF-8", was generated under $LOCPATH,
 * where build-aux/chorus-test puts it: a fresh system has only C and
 * C.UTF-8, and with LOCPATH set glibc looks nowhere else. */
gboolean
chorus_test_locale_available (const char *locale)
{
  const char *locpath = g_getenv ("LOCPATH");
  g_autofree char *dir = NULL;

  if (locpath == NULL || *locpath == '\0')
    return FALSE;

  dir = g_build_filename (locpath, locale, "LC_CTYPE", NULL);
  return g_file_test (dir, G_FILE_TEST_EXISTS);
}

/* Sets @category of this process to @locale and returns the setting it
 * replaced, to give back with setlocale(); or skips the running test,
 * saying why, and returns NULL when @locale is not there. */
char *
chorus_test_switch_locale (int         category,
                           const char *locale)
{
  g_autofree char *saved = g_strdup (setlocale (category, NULL));
  g_autofree char *reason = NULL;

  if (chorus_test_locale_available (locale) && setlocale (category, locale) != NULL)
    return g_steal_pointer (&saved);

  reason = g_strdup_printf ("%s is not generated under $LOCPATH; build-aux/chorus-test makes it, or run "
                            "localedef -i %.*s -f UTF-8 DIR/%s and set LOCPATH=DIR (with C.UTF-8 there too)",
                            locale, (int) strcspn (locale, "."), locale, locale);
  g_test_skip (reason);
  return NULL;
}

/* For the translated UI tests, before gtk_init() (which calls setlocale()
 * from the environment again): the whole process runs in the locale that
 * CHORUS_TEST_LOCALE names, such as es_ES.UTF-8, when it was generated, so
 * numbers and dates are written as a Spanish user sees them. Otherwise,
 * and in the English runs, the environment's locale (C.UTF-8). Returns
 * whether CHORUS_TEST_LOCALE is in effect. */
gboolean
chorus_test_use_locale (void)
{
  const char *locale = g_getenv ("CHORUS_TEST_LOCALE");

  if (locale != NULL && chorus_test_locale_available (locale) && setlocale (LC_ALL, locale) != NULL)
    {
      g_setenv ("LC_ALL", locale, TRUE);
      return TRUE;
    }

  setlocale (LC_ALL, "");
  return FALSE;
}

/* Temporary folders */

/* A new temporary folder, named after the test program for whoever finds
 * it left behind. */
/* Hostile names */

/**
 * chorus_test_strip_isolates:
 * @text: a sentence of Chorus's
 *
 * Returns: (transfer full): @text without the first-strong isolates and
 *   pop directional isolates around the names in it, for tests that
 *   check the words of a sentence (test-text and the hostile-name tests
 *   check the isolates themselves)
 */
char *
chorus_test_strip_isolates (const char *text)
{
  GString *out = g_string_new (text);

  g_string_replace (out, CHORUS_TEST_FSI, "", 0);
  g_string_replace (out, CHORUS_TEST_PDI, "", 0);

  return g_string_free (out, FALSE);
}

/**
 * chorus_test_describe:
 *
 * _chorus_audit_describe(), without the isolates around names.
 */
char *
chorus_test_describe (const char *action,
                      const char *detail,
                      const char *actor)
{
  g_autofree char *sentence = _chorus_audit_describe (action, detail, actor);

  return chorus_test_strip_isolates (sentence);
}

char *
chorus_test_make_temp_dir (void)
{
  const char *prgname = g_get_prgname ();
  g_autofree char *name = g_path_get_basename (prgname ? prgname : "chorus-test");
  g_autofree char *tmpl = g_strconcat (name, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and, if it is a folder, all it holds, even where a test
 * took away the right to change it. Links are removed, never followed.
 * Quietly leaves what cannot be removed: callers that care check. */
void
chorus_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);

  if ((dir = g_dir_open (path, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          chorus_test_remove_tree (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

void
chorus_test_temp_dir_set_up (ChorusTestTempDir *fixture,
                             gconstpointer      data)
{
  fixture->dir = chorus_test_make_temp_dir ();
}

void
chorus_test_temp_dir_tear_down (ChorusTestTempDir *fixture,
                                gconstpointer      data)
{
  chorus_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Adds @func as the test @test_path, run in a ChorusTestTempDir. */
void
chorus_test_add_in_temp_dir (const char            *test_path,
                             ChorusTestTempDirFunc  func)
{
  g_test_add (test_path, ChorusTestTempDir, NULL,
              chorus_test_temp_dir_set_up, func, chorus_test_temp_dir_tear_down);
}

/* Fills in @workspace: a new temporary folder, named after the test
 * program, and the path of @file_name in it. */
void
chorus_test_workspace_init (ChorusTestWorkspace *workspace,
                            const char          *file_name)
{
  workspace->dir = chorus_test_make_temp_dir ();
  workspace->path = g_build_filename (workspace->dir, file_name, NULL);
}

/* Removes the workspace file with its -wal and -shm, then the folder, which
 * must hold nothing else by then; frees what @workspace holds. */
void
chorus_test_workspace_remove (ChorusTestWorkspace *workspace)
{
  chorus_test_unlink_workspace (workspace->path);
  g_assert_cmpint (g_rmdir (workspace->dir), ==, 0);
  g_clear_pointer (&workspace->path, g_free);
  g_clear_pointer (&workspace->dir, g_free);
}

/* Removes the folder with everything in it, and checks that it is gone;
 * frees what @workspace holds. */
void
chorus_test_workspace_remove_all (ChorusTestWorkspace *workspace)
{
  chorus_test_remove_tree (workspace->dir);
  g_assert_false (g_file_test (workspace->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&workspace->path, g_free);
  g_clear_pointer (&workspace->dir, g_free);
}

/* Removes the workspace file @path with its -wal and -shm, where they are. */
void
chorus_test_unlink_workspace (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Files */

/* The contents of @path, which must be readable; @length may be NULL. */
char *
chorus_test_read_file (const char *path,
                       gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* The SHA-256 of the contents of @path, in hex. With @mask_sqlite_counters,
 * @path is an SQLite file of at least a header, and the header fields SQLite
 * may bump on any write count as zeros. @length may be NULL. */
char *
chorus_test_file_checksum (const char *path,
                           gboolean    mask_sqlite_counters,
                           gsize      *length)
{
  gsize n = 0;
  g_autofree char *contents = chorus_test_read_file (path, &n);

  if (mask_sqlite_counters)
    {
      g_assert_cmpuint (n, >=, 100);
      memset (contents + 24, 0, 4);   /* file change counter */
      memset (contents + 92, 0, 8);   /* version-valid-for number, SQLite version */
    }

  if (length != NULL)
    *length = n;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, n);
}

/* Whether @path followed by @suffix ("-wal", "-shm", "-journal") exists. */
gboolean
chorus_test_sidecar_exists (const char *path,
                            const char *suffix)
{
  g_autofree char *sidecar = g_strconcat (path, suffix, NULL);

  return g_file_test (sidecar, G_FILE_TEST_EXISTS);
}

/* Everything an open attempt could change about a file, as one string:
 * its bytes, size, modification time and mode, and its -wal and -shm. */
char *
chorus_test_file_state (const char *path)
{
  g_autofree char *checksum = NULL;
  gsize length = 0;
  GStatBuf st;

  checksum = chorus_test_file_checksum (path, FALSE, &length);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return g_strdup_printf ("sha256 %s, %" G_GSIZE_FORMAT " bytes, mtime %ld.%09ld, mode %o, -wal %d, -shm %d",
                          checksum, length, (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (guint) (st.st_mode & 07777), chorus_test_sidecar_exists (path, "-wal"),
                          chorus_test_sidecar_exists (path, "-shm"));
}

/* Programs */

/**
 * chorus_test_run_program:
 * @argv: the program (found in PATH) and its arguments
 *
 * Runs the program to its end; fails the test, with what it said on
 * stderr, when it cannot run or fails.
 *
 * Returns: (transfer full): what it printed on stdout
 */
char *
chorus_test_run_program (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

/* Raw SQL, beside the store */

/* A connection of its own to @path, opened with @flags (SQLITE_OPEN_…);
 * it waits up to @busy_timeout_ms for another connection's lock, or not at
 * all with 0. */
sqlite3 *
chorus_test_db_open (const char *path,
                     int         flags,
                     int         busy_timeout_ms)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  if (busy_timeout_ms > 0)
    sqlite3_busy_timeout (db, busy_timeout_ms);
  return db;
}

/* Runs the statements @format makes; a failure ends the test program. */
void
chorus_test_db_exec (sqlite3    *db,
                     const char *format,
                     ...)
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s\n  in: %s", message, sql);
}

/* The first column of the first row of @sql, which must have one. */
gint64
chorus_test_db_query_int (sqlite3    *db,
                          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The same as text, NULL for NULL. */
char *
chorus_test_db_query_text (sqlite3    *db,
                           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Source 1, "Brand" on social.example, and four people with one identity
 * each: 1 Ana Lima (@ana@social.example), 2 Bo Chen (@bo.bsky.social on
 * Bluesky), 3 Cy and 4 Di (Mastodon). */
void
chorus_test_seed_people (sqlite3 *db)
{
  chorus_test_db_exec (db,
                       "INSERT INTO sources (id, network, server_url, account, display_name, created_at)"
                       " VALUES (1, 'mastodon', 'https://social.example', 'brand', 'Brand', 1000);"
                       "INSERT INTO people (id, display_name, created_at) VALUES"
                       " (1, 'Ana Lima', 1000), (2, 'Bo Chen', 1000), (3, 'Cy', 1000), (4, 'Di', 1000);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name) VALUES"
                       " (1, 1, 'mastodon', 'social.example', 'ana', 'Ana Lima'),"
                       " (2, 2, 'bluesky', 'bsky.social', 'bo.bsky.social', 'Bo Chen'),"
                       " (3, 3, 'mastodon', 'social.example', 'cy', 'Cy'),"
                       " (4, 4, 'mastodon', 'social.example', 'di', 'Di');");
}

/* Stores, worker threads and the main loop */

/* The store at @path, which must open without an error. */
ChorusStore *
chorus_test_open_store (const char           *path,
                        ChorusStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  ChorusStore *store = chorus_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_true (CHORUS_IS_STORE (store));
  return store;
}

/* How much longer than their nominal time tests wait for something to
 * happen: CHORUS_TEST_TIMEOUT_SCALE, 1 when unset. The sanitizer build sets
 * it, since everything there runs several times slower; a wait that gives
 * up still fails its test, only later. */
static double
timeout_scale (void)
{
  static double scale;

  if (scale == 0.0)
    {
      const char *value = g_getenv ("CHORUS_TEST_TIMEOUT_SCALE");
      double parsed = value != NULL ? g_ascii_strtod (value, NULL) : 1.0;

      scale = parsed >= 1.0 ? parsed : 1.0;
    }

  return scale;
}

/* Dispatches what is pending in the default main context until @done
 * returns TRUE or @timeout_ms (scaled, see timeout_scale()) pass, napping a
 * millisecond whenever nothing is: what @done waits for may happen in
 * another thread, which does not wake the context. Returns what @done
 * returned last. */
gboolean
chorus_test_spin_until (ChorusTestCondition done,
                        gpointer            data,
                        guint               timeout_ms)
{
  gint64 deadline = g_get_monotonic_time ()
                    + (gint64) (timeout_ms * timeout_scale ()) * G_TIME_SPAN_MILLISECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
has_sole_ref (gpointer object)
{
  return g_atomic_int_get (&G_OBJECT (object)->ref_count) <= 1;
}

/* Waits, up to five seconds, for everyone else to drop @object: a finished
 * GTask lets go of its source object from the worker thread, a moment after
 * its callback has run. */
void
chorus_test_wait_sole_ref (gpointer object)
{
  chorus_test_spin_until (has_sole_ref, object, 5000);
}

/* Drops the last reference to @object, once others let go of theirs, and
 * checks that this finalizes it. */
void
chorus_test_finalize_object (gpointer object)
{
  chorus_test_wait_sole_ref (object);
  g_assert_finalize_object (object);
}

/* A GAsyncReadyCallback that keeps @result in the GAsyncResult * that
 * @user_data points to, for chorus_test_wait_async_result(). */
void
chorus_test_async_result_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs the default main context until chorus_test_async_result_cb() has
 * filled in @result. */
void
chorus_test_wait_async_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Syncing against a fake server */

/* Starts @server on 127.0.0.1 at a free port, with @options besides IPv4
 * only, and returns its base URL: "http://127.0.0.1:<port>/", or https
 * with SOUP_SERVER_LISTEN_HTTPS. */
char *
chorus_test_listen_local (SoupServer              *server,
                          SoupServerListenOptions  options)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | options, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return base;
}

/* Sets up @rig, its server handing requests to @handler with @user_data. */
void
chorus_test_sync_rig_set_up (ChorusTestSyncRig  *rig,
                             SoupServerCallback  handler,
                             gpointer            user_data)
{
  chorus_test_workspace_init (&rig->workspace, "sync.chorus");
  rig->store = chorus_test_open_store (rig->workspace.path, CHORUS_STORE_OPEN_CREATE);
  rig->http = chorus_http_new ();
  chorus_http_set_backoff (rig->http, 20, 4);
  rig->engine = chorus_sync_engine_new (rig->store, rig->http);

  rig->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (rig->server, NULL, handler, user_data, NULL);
  rig->base = chorus_test_listen_local (rig->server, 0);
}

/* Drops the engine, then checks that the store and the server are
 * finalized (closing the server's connections first), and removes the
 * workspace with everything in it. */
void
chorus_test_sync_rig_tear_down (ChorusTestSyncRig *rig)
{
  g_clear_object (&rig->engine);
  g_clear_object (&rig->http);
  chorus_test_finalize_object (g_steal_pointer (&rig->store));

  soup_server_disconnect (rig->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&rig->server));

  chorus_test_workspace_remove_all (&rig->workspace);
  g_clear_pointer (&rig->base, g_free);
}

/* Runs one sync of every source to the end, which must succeed as a whole
 * (sources may fail), and returns its summary. */
ChorusSyncSummary
chorus_test_sync_now (ChorusSyncEngine *engine)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusSyncSummary summary = { 0, };

  chorus_sync_engine_sync_async (engine, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);

  g_assert_true (chorus_sync_engine_sync_finish (engine, result, &summary, &error));
  g_assert_no_error (error);
  g_assert_false (chorus_sync_engine_get_syncing (engine));

  return summary;
}

/* The source @id as the store now has it, which must exist. */
ChorusSource *
chorus_test_find_source (ChorusStore *store,
                         gint64       id)
{
  g_autoptr(GPtrArray) sources = chorus_store_list_sources (store, NULL);

  for (guint i = 0; i < sources->len; i++)
    if (chorus_source_get_id (g_ptr_array_index (sources, i)) == id)
      return g_object_ref (g_ptr_array_index (sources, i));

  g_assert_not_reached ();
}

/* Answers @message with @status and the JSON text @json. */
void
chorus_test_reply_json (SoupServerMessage *message,
                        guint              status,
                        const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static gboolean
close_connection_cb (gpointer user_data)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (user_data);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_half_written_cb (SoupServerMessage *message,
                    guint              chunk_size,
                    gpointer           user_data)
{
  GSource *source = g_idle_source_new ();

  g_signal_handlers_disconnect_by_func (message, on_half_written_cb, user_data);
  g_source_set_callback (source, close_connection_cb, g_object_ref (message), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

void
chorus_test_reply_dropped (SoupServerMessage *message,
                           const char        *json)
{
  gsize length = strlen (json);

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json, length / 2);
  soup_message_headers_set_content_length (soup_server_message_get_response_headers (message), length);
  g_signal_connect (message, "wrote-body-data", G_CALLBACK (on_half_written_cb), NULL);
}

/* Markup */

static void
subset_start_element (GMarkupParseContext *context,
                      const char          *element_name,
                      const char         **attribute_names,
                      const char         **attribute_values,
                      gpointer             user_data,
                      GError             **error)
{
  static const char * const allowed[] = { "b", "i", "tt", "s", "a", NULL };
  int *depth = user_data;

  if ((*depth)++ == 0)
    {
      if (g_strcmp0 (element_name, "markup") != 0)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT, "bad root");
      return;
    }

  if (!g_strv_contains (allowed, element_name))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                   "element <%s> is not allowed", element_name);
      return;
    }

  if (strcmp (element_name, "a") == 0)
    {
      const char *href = attribute_values[0];

      if (attribute_names[0] == NULL || strcmp (attribute_names[0], "href") != 0 ||
          attribute_names[1] != NULL ||
          !(g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://") ||
            g_str_has_prefix (href, "mailto:")))
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE, "bad <a>");
    }
  else if (attribute_names[0] != NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE,
                   "<%s> takes no attributes", element_name);
    }
}

static void
subset_end_element (GMarkupParseContext *context,
                    const char          *element_name,
                    gpointer             user_data,
                    GError             **error)
{
  int *depth = user_data;

  (*depth)--;
}

void
chorus_test_assert_markup (const char *markup)
{
  static const GMarkupParser parser = { subset_start_element, subset_end_element, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = NULL;
  int depth = 0;

  g_assert_nonnull (markup);
  g_assert_true (g_utf8_validate (markup, -1, NULL));

  wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&parser, 0, &depth, NULL);
  g_markup_parse_context_parse (context, wrapped, -1, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  if (error != NULL)
    g_test_message ("invalid markup: %.500s", markup);
  g_assert_no_error (error);
  g_assert_cmpint (depth, ==, 0);
}

/* chorusctl */

void
chorus_test_run_clear (ChorusTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

char *
chorus_test_chorusctl_path (void)
{
  const char *build = g_getenv ("CHORUS_BUILD_DIR");

  return build ? g_build_filename (build, "src", "cli", "chorusctl", NULL) : NULL;
}

gboolean
chorus_test_skip_without_chorusctl (void)
{
  g_autofree char *program = chorus_test_chorusctl_path ();

  if (program != NULL && g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;

  g_test_skip ("CHORUS_BUILD_DIR does not lead to a built chorusctl");
  return TRUE;
}

void
chorus_test_run_chorusctl (ChorusTestRun       *run,
                           const char * const  *environment,
                           const char          *input,
                           const char          *first,
                           ...)
{
  g_autofree char *program = chorus_test_chorusctl_path ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_assert_nonnull (program);
  g_ptr_array_add (args, program);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  for (guint i = 0; environment != NULL && environment[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (environment[i], "=", 2);

      g_assert_nonnull (pair[1]);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}
