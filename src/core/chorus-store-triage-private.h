/* chorus-store-triage-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-store-private.h"

G_BEGIN_DECLS

/* What the triage files share: running a write as one transaction in a
 * worker (and announcing the conversations it changed), running a list
 * query in a worker, the audit log, and the conversation fields a change
 * and its undo both read and write. */

/* Runs inside BEGIN IMMEDIATE … COMMIT on a pooled connection. Appends the
 * ids of the conversations it changed to @changed, and returns the id the
 * caller gets back (an audit entry, or the row added or edited), or 0 with
 * @error set, which rolls everything back. */
typedef gint64 (*ChorusStoreWriteFunc) (sqlite3   *db,
                                        gpointer   data,
                                        GArray    *changed,
                                        GError   **error);

/* Appended alone to a write's @changed: any conversation may have
 * changed (a status or member renamed), announced with no ids. */
#define CHORUS_ANY_CONVERSATION 0

/* Builds one list item (a GObject) from a row. */
typedef gpointer (*ChorusRowBuilder) (sqlite3_stmt *stmt);

void          _chorus_store_write_async     (ChorusStore          *self,
                                             ChorusStoreWriteFunc  func,
                                             gpointer              data,
                                             GDestroyNotify        data_free,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gint64        _chorus_store_write_finish    (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gpointer      _chorus_store_write_get_data  (GAsyncResult         *result);
gint64        _chorus_store_write           (ChorusStore          *self,
                                             ChorusStoreWriteFunc  func,
                                             gpointer              data,
                                             GError              **error);
/* Runs @sql (with @param as ?1 if it has a parameter) in a worker and
 * returns a GPtrArray of what @build made of each row. */
void          _chorus_store_read_async      (ChorusStore          *self,
                                             const char           *sql,
                                             ChorusRowBuilder      build,
                                             gint64                param,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray    *_chorus_store_read_finish     (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             gpointer              source_tag,
                                             GError              **error);

/* Runs in a worker with a copy of the caller's plain @data, and returns
 * what the caller finishes with, or %NULL with @error set. */
typedef gpointer (*ChorusStoreRunFunc) (ChorusStore          *store,
                                        gconstpointer         data,
                                        GError              **error);

void          _chorus_store_run_async       (ChorusStore          *self,
                                             ChorusStoreRunFunc    func,
                                             gconstpointer         data,
                                             gsize                 size,
                                             GDestroyNotify        free_result,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gpointer      _chorus_store_run_finish      (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             gpointer              source_tag,
                                             GError              **error);

/* The arguments of an edit to statuses, team members or tags (see
 * chorus-store-team.h), run by _chorus_store_edit_async(), which trims
 * @name and refuses it when nothing is left. */
typedef struct
{
  gint64  id;         /* the status, member or tag */
  gint64  number;     /* a position, a status to move conversations to, a flag */
  char   *name;
  char   *email;
  char   *role;
  char   *color;
} ChorusEdit;

ChorusEdit   *_chorus_edit_new              (gint64                id,
                                             gint64                number,
                                             const char           *name);
void          _chorus_edit_free             (ChorusEdit           *edit);
void          _chorus_store_edit_async      (ChorusStore          *self,
                                             ChorusStoreWriteFunc  func,
                                             ChorusEdit           *edit,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      _chorus_audit_edit            (sqlite3              *db,
                                             const char           *action,
                                             const char           *subject_type,
                                             gint64                subject_id,
                                             const char           *name,
                                             GError              **error);
gboolean      _chorus_collect_ids           (sqlite3              *db,
                                             sqlite3_stmt         *stmt,
                                             GArray               *ids,
                                             GError              **error);

/* The audit log. @subject_id 0 is stored as NULL; @detail (nullable) is
 * taken. The actor is the member marked as "me", if any. */
gint64        _chorus_audit_insert          (sqlite3              *db,
                                             const char           *action,
                                             const char           *subject_type,
                                             gint64                subject_id,
                                             JsonNode             *detail,
                                             GError              **error);
char         *_chorus_audit_describe        (const char           *action,
                                             const char           *detail,
                                             const char           *actor_name);

sqlite3_stmt *_chorus_sql_prepare_with_id   (sqlite3              *db,
                                             const char           *sql,
                                             gint64                id,
                                             GError              **error);
gboolean      _chorus_sql_run_with_id       (sqlite3              *db,
                                             const char           *sql,
                                             gint64                id,
                                             GError              **error);
gboolean      _chorus_sql_set_text          (sqlite3              *db,
                                             const char           *sql,
                                             gint64                id,
                                             const char           *text,
                                             GError              **error);
gboolean      _chorus_sql_step_done         (sqlite3              *db,
                                             sqlite3_stmt         *stmt,
                                             const char           *what,
                                             GError              **error);
/* An integer column as JSON: a number, or null for SQL NULL. */
JsonNode     *_chorus_sql_column_json       (sqlite3_stmt         *stmt,
                                             int                   column);
void          _chorus_sql_bind_json         (sqlite3_stmt         *stmt,
                                             int                   index,
                                             JsonNode             *value);
JsonNode     *_chorus_json_node_take_object (JsonObject           *object);
JsonNode     *_chorus_json_node_take_array  (JsonArray            *array);
gboolean      _chorus_json_same_int         (JsonNode             *a,
                                             JsonNode             *b);
char         *_chorus_dup_trimmed_name      (const char           *name,
                                             GError              **error);
char         *_chorus_dup_name_or_report    (gpointer              source_object,
                                             const char           *name,
                                             gpointer              source_tag,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);

/* The conversation fields triage changes, by audit action. */
typedef enum
{
  CHORUS_FIELD_STATUS,
  CHORUS_FIELD_ASSIGNEE,
  CHORUS_FIELD_PRIORITY,
  CHORUS_FIELD_UNREAD,
  CHORUS_FIELD_SENTIMENT,
  CHORUS_FIELD_TAG_ADD,
  CHORUS_FIELD_TAG_REMOVE,
  CHORUS_FIELD_NOTE_ADD,
  CHORUS_FIELD_NOTE_DELETE,
  CHORUS_N_FIELDS
} ChorusField;

const char   *_chorus_field_action          (ChorusField           field);
void          _chorus_set_conversation_gone (GError              **error);
gboolean      _chorus_field_from_action     (const char           *action,
                                             ChorusField          *field);

/* Reads and writes one field of one conversation at a time, with its
 * statements prepared once: a column of conversations, or whether the
 * conversation carries the tag @key (0 or 1). Notes are rows of their own
 * and are not read through this. */
typedef struct
{
  sqlite3      *db;
  ChorusField   field;
  gint64        key;
  sqlite3_stmt *read;
  sqlite3_stmt *write;
  sqlite3_stmt *clear;
  sqlite3_stmt *target;
} ChorusFieldAccess;

void          _chorus_field_access_init     (ChorusFieldAccess    *access,
                                             sqlite3              *db,
                                             ChorusField           field,
                                             gint64                key);
void          _chorus_field_access_clear    (ChorusFieldAccess    *access);
JsonNode     *_chorus_field_read            (ChorusFieldAccess    *access,
                                             gint64                conversation_id,
                                             GError              **error);
gboolean      _chorus_field_write           (ChorusFieldAccess    *access,
                                             gint64                conversation_id,
                                             JsonNode             *value,
                                             GError              **error);
gboolean      _chorus_field_target_exists   (ChorusFieldAccess    *access,
                                             JsonNode             *value,
                                             gboolean             *exists,
                                             GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChorusFieldAccess, _chorus_field_access_clear)

G_END_DECLS
