/* chorus-sql.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-private.h"

static ChorusError
error_code_for_sqlite (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
      return CHORUS_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return CHORUS_ERROR_NOT_A_WORKSPACE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return CHORUS_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return CHORUS_ERROR_DISK_FULL;
    default:
      return CHORUS_ERROR_DATABASE;
    }
}

/* A full disk, or a workspace that became read-only while open, is
 * something a person can fix: say so in words, not in SQLite's. Other
 * failures keep SQLite's own message. */
static gboolean
set_fixable_error (GError     **error,
                   int          code,
                   const char  *detail)
{
  ChorusError chorus_code = error_code_for_sqlite (code);
  const char *message;

  if (chorus_code == CHORUS_ERROR_DISK_FULL)
    message = _("The disk is full, so Chorus could not save this change. Free some space, then try again.");
  else if (chorus_code == CHORUS_ERROR_READ_ONLY)
    message = _("The workspace cannot be written to, so Chorus could not save this change. Check that its "
                "file and its folder are not read-only, then try again.");
  else
    return FALSE;

  g_debug ("SQLite: %s", detail);
  g_set_error_literal (error, CHORUS_ERROR, chorus_code, message);
  return TRUE;
}

void
_chorus_set_sqlite_error (GError     **error,
                          sqlite3     *db,
                          const char  *context)
{
  int code = sqlite3_extended_errcode (db);

  if (set_fixable_error (error, code, sqlite3_errmsg (db)))
    return;

  g_set_error (error, CHORUS_ERROR, error_code_for_sqlite (code),
               "%s: %s", context, sqlite3_errmsg (db));
}

gboolean
_chorus_sql_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      int code = sqlite3_extended_errcode (db);
      const char *detail = message ? message : sqlite3_errstr (code);

      if (!set_fixable_error (error, code, detail))
        g_set_error (error, CHORUS_ERROR, error_code_for_sqlite (code), "%s", detail);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_chorus_sql_prepare (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _chorus_set_sqlite_error (error, db, "prepare");
      return NULL;
    }

  return stmt;
}

/* Text from the network or an old workspace may not be valid UTF-8, and
 * widgets must only ever see valid text. */
char *
_chorus_sql_dup_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);

  if (text == NULL)
    return NULL;

  if (g_utf8_validate_len (text, length, NULL))
    return g_strndup (text, length);

  return g_utf8_make_valid (text, length);
}
