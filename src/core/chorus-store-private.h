/* chorus-store-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "chorus-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* "CHOR" in ASCII: marks a SQLite file as a Chorus workspace. */
#define CHORUS_APPLICATION_ID 0x43484F52

/* Posts are keyed by time so that the FTS5 rowid follows time order:
 * created_at (Unix seconds) in the high bits, a tie-breaker in the low 16. */
#define CHORUS_POST_KEY_SHIFT 16

guint     _chorus_migrations_latest   (void);
gboolean  _chorus_migrations_apply    (sqlite3      *db,
                                       guint         target_version,
                                       GError      **error);

gboolean  _chorus_sql_exec            (sqlite3      *db,
                                       const char   *sql,
                                       GError      **error);
sqlite3_stmt *_chorus_sql_prepare     (sqlite3      *db,
                                       const char   *sql,
                                       GError      **error);
char     *_chorus_sql_dup_text        (sqlite3_stmt *stmt,
                                       int           column);
void      _chorus_set_sqlite_error    (GError      **error,
                                       sqlite3      *db,
                                       const char   *context);

/* The connection for the thread that opened the store (the main thread in
 * the app), for short point lookups and writes. */
sqlite3  *_chorus_store_get_db        (ChorusStore  *self);
sqlite3_stmt *_chorus_store_cached_statement (ChorusStore  *self,
                                              const char   *sql,
                                              GError      **error);
/* A connection that one worker has to itself until it drops it, for reads
 * and for write transactions: a long read never blocks the main thread's
 * lookups (WAL lets both read at once), and its snapshot starts after every
 * earlier write. Declare it before any statement so that g_autoptr
 * finalizes those first. */
typedef struct
{
  ChorusStore *store;
  sqlite3     *db;
} ChorusStoreConnection;

ChorusStoreConnection *_chorus_store_connection_new  (ChorusStore           *self);
void                   _chorus_store_connection_free (ChorusStoreConnection *connection);
void                   _chorus_store_connection_watch (ChorusStoreConnection *connection,
                                                       GCancellable          *cancellable);
gboolean               _chorus_store_connection_was_cancelled (ChorusStoreConnection  *connection,
                                                               int                     rc,
                                                               GCancellable           *cancellable,
                                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusStoreConnection, _chorus_store_connection_free)

char                  *_chorus_store_dup_image_path  (ChorusStore           *self,
                                                      const char            *sha256,
                                                      const char            *mime_type);

GPtrArray             *_chorus_store_load_conversations (sqlite3  *db,
                                                         GArray   *ids,
                                                         GError  **error);

G_END_DECLS
