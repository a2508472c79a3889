/* chorus-test-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What several test programs need: temporary folders, files as they are
 * on disk, raw SQL beside the store, waiting for the main loop or for
 * worker threads, and syncing against a fake server. Every helper fails
 * the running test, as the code it replaces did, when what it does goes
 * wrong. */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "chorus-source.h"
#include "chorus-store.h"
#include "chorus-sync-engine.h"

G_BEGIN_DECLS

/* Hostile names: a right-to-left override that would turn the rest of a
 * line around, and a zero-width space that hides in a name; what Chorus
 * shows keeps neither. Names inside Chorus's sentences come between a
 * first-strong isolate and a pop directional isolate. */
#define CHORUS_TEST_RLO "\xe2\x80\xae"
#define CHORUS_TEST_ZWSP "\xe2\x80\x8b"
#define CHORUS_TEST_FSI "\xe2\x81\xa8"
#define CHORUS_TEST_PDI "\xe2\x81\xa9"

char         *chorus_test_strip_isolates       (const char           *text);
char         *chorus_test_describe             (const char           *action,
                                                const char           *detail,
                                                const char           *actor);

/* Temporary folders */

char         *chorus_test_make_temp_dir        (void);
void          chorus_test_remove_tree          (const char           *path);

/* A g_test_add() fixture: a fresh temporary folder, removed afterwards
 * with everything in it. */
typedef struct
{
  char *dir;
} ChorusTestTempDir;

typedef void (*ChorusTestTempDirFunc) (ChorusTestTempDir *fixture,
                                       gconstpointer      data);

void          chorus_test_temp_dir_set_up      (ChorusTestTempDir    *fixture,
                                                gconstpointer         data);
void          chorus_test_temp_dir_tear_down   (ChorusTestTempDir    *fixture,
                                                gconstpointer         data);
void          chorus_test_add_in_temp_dir      (const char           *test_path,
                                                ChorusTestTempDirFunc func);

/* A g_test_add() fixture, or part of one: a fresh temporary folder, and
 * the path of a workspace file in it that does not exist yet. */
typedef struct
{
  char *dir;
  char *path;
} ChorusTestWorkspace;

void          chorus_test_workspace_init       (ChorusTestWorkspace  *workspace,
                                                const char           *file_name);
void          chorus_test_workspace_remove     (ChorusTestWorkspace  *workspace);
void          chorus_test_workspace_remove_all (ChorusTestWorkspace  *workspace);
void          chorus_test_unlink_workspace     (const char           *path);

/* Files */

char         *chorus_test_read_file            (const char           *path,
                                                gsize                *length);
char         *chorus_test_file_checksum        (const char           *path,
                                                gboolean              mask_sqlite_counters,
                                                gsize                *length);
gboolean      chorus_test_sidecar_exists       (const char           *path,
                                                const char           *suffix);
char         *chorus_test_file_state           (const char           *path);

/* Markup: well-formed, and only the elements and links Pango may safely
 * get from Chorus (b, i, tt, s, and a with an http, https or mailto href). */

void          chorus_test_assert_markup        (const char           *markup);

/* Programs: runs one to its end (failing the test when it fails) and
 * returns what it printed. */

char         *chorus_test_run_program          (const char * const   *argv);

/* Raw SQL, beside the store */

sqlite3      *chorus_test_db_open              (const char           *path,
                                                int                   flags,
                                                int                   busy_timeout_ms);
void          chorus_test_db_exec              (sqlite3              *db,
                                                const char           *format,
                                                ...) G_GNUC_PRINTF (2, 3);
gint64        chorus_test_db_query_int         (sqlite3              *db,
                                                const char           *sql);
char         *chorus_test_db_query_text        (sqlite3              *db,
                                                const char           *sql);
void          chorus_test_seed_people          (sqlite3              *db);

/* Stores, worker threads and the main loop */

typedef gboolean (*ChorusTestCondition) (gpointer data);

ChorusStore  *chorus_test_open_store           (const char           *path,
                                                ChorusStoreOpenFlags  flags);
gboolean      chorus_test_spin_until           (ChorusTestCondition   done,
                                                gpointer              data,
                                                guint                 timeout_ms);
void          chorus_test_wait_sole_ref        (gpointer              object);
void          chorus_test_finalize_object      (gpointer              object);
void          chorus_test_async_result_cb      (GObject              *source,
                                                GAsyncResult         *result,
                                                gpointer              user_data);
void          chorus_test_wait_async_result    (GAsyncResult        **result);

/* Syncing against a fake server. A g_test_add() fixture, or part of one:
 * a workspace with a store, a sync engine whose ChorusHttp backs off from
 * 20 ms over four attempts at most, and a SoupServer on 127.0.0.1 that
 * hands every request to the handler it was set up with. */
typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  ChorusHttp          *http;
  ChorusSyncEngine    *engine;
  SoupServer          *server;
  char                *base;        /* the server's "http://127.0.0.1:<port>/" */
} ChorusTestSyncRig;

char         *chorus_test_listen_local         (SoupServer               *server,
                                                SoupServerListenOptions   options);
void          chorus_test_sync_rig_set_up      (ChorusTestSyncRig    *rig,
                                                SoupServerCallback    handler,
                                                gpointer              user_data);
void          chorus_test_sync_rig_tear_down   (ChorusTestSyncRig    *rig);
ChorusSyncSummary chorus_test_sync_now         (ChorusSyncEngine     *engine);
ChorusSource *chorus_test_find_source          (ChorusStore          *store,
                                                gint64                id);
void          chorus_test_reply_json           (SoupServerMessage    *message,
                                                guint                 status,
                                                const char           *json);
/* Answers 200 announcing all of @json, sends the first half and closes
 * the connection: a connection dropped mid-body. */
void          chorus_test_reply_dropped        (SoupServerMessage    *message,
                                                const char           *json);

/* The built chorusctl, run as a script would: in the C locale, with
 * extra environment variables ("NAME=value") and text on standard input. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} ChorusTestRun;

void          chorus_test_run_clear            (ChorusTestRun        *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChorusTestRun, chorus_test_run_clear)

/* Locales generated under $LOCPATH (build-aux/chorus-test makes es_ES,
 * fr_FR and de_DE) */

gboolean      chorus_test_locale_available     (const char           *locale);
char         *chorus_test_switch_locale        (int                   category,
                                                const char           *locale);
gboolean      chorus_test_use_locale           (void);

char         *chorus_test_chorusctl_path       (void);
gboolean      chorus_test_skip_without_chorusctl (void);
void          chorus_test_run_chorusctl        (ChorusTestRun        *run,
                                                const char * const   *environment,
                                                const char           *input,
                                                const char           *first,
                                                ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
