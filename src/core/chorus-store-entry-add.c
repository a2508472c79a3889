/* chorus-store-entry-add.c
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
#include "chorus-store-entry-add.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* Entries added by hand: a file brought in at an event, a design sent by
 * email. The submitter becomes a person of the workspace, known by their
 * email address (an identity on the "email" network), so that a later
 * entry or a CRM import finds the same person; their consent to the
 * challenge's terms is recorded with its time. A team member who adds an
 * entry has looked at it, so it goes straight into the challenge; the
 * audit log says who added it. */

typedef struct
{
  gint64           challenge_id;
  char            *title;
  char            *name;
  char            *email;
  char            *file_name;
  ChorusMediaInfo *image;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->title);
  g_free (entry->name);
  g_free (entry->email);
  g_free (entry->file_name);
  g_clear_pointer (&entry->image, chorus_media_info_free);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

static void
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, message);
}

/* A plain check of an address's shape: something, @, a domain with a dot. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '@') == NULL && strchr (at + 1, '.') != NULL &&
         at[1] != '.' && email[strlen (email) - 1] != '.' && strpbrk (email, " \t\r\n<>,;") == NULL;
}

static Entry *
entry_new (const ChorusEntryDraft  *draft,
           GError                 **error)
{
  g_autoptr(Entry) entry = g_new0 (Entry, 1);

  entry->title = g_strstrip (g_strdup (draft->title ? draft->title : ""));
  entry->name = g_strstrip (g_strdup (draft->submitter_name ? draft->submitter_name : ""));
  entry->email = g_strstrip (g_utf8_strdown (draft->submitter_email ? draft->submitter_email : "", -1));

  if (draft->image == NULL || draft->image->sha256 == NULL)
    {
      refuse (error, _("Choose the entry’s image."));
      return NULL;
    }
  if (*entry->title == '\0' || g_utf8_strlen (entry->title, -1) > CHORUS_ENTRY_TITLE_MAX_CHARS)
    {
      refuse (error, _("Give the entry a title of at most 120 characters."));
      return NULL;
    }
  if (*entry->name == '\0' || g_utf8_strlen (entry->name, -1) > 120)
    {
      refuse (error, _("Write the name of the person who made the design."));
      return NULL;
    }
  if (!looks_like_email (entry->email) || strlen (entry->email) > 254)
    {
      refuse (error, _("Write the submitter’s email address, such as ana@example.com: it is how the team "
                            "reaches them about the terms and the prize."));
      return NULL;
    }
  if (!draft->consent)
    {
      refuse (error, _("The submitter must accept the challenge’s terms before the entry is added."));
      return NULL;
    }

  entry->challenge_id = draft->challenge_id;
  entry->file_name = g_strdup (draft->file_name);
  entry->image = chorus_media_info_copy (draft->image);
  return g_steal_pointer (&entry);
}

/* The person known by @entry's address, or a new one. */
static gint64
find_or_add_submitter (sqlite3  *db,
                       Entry    *entry,
                       gint64    now,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) person = NULL;
  g_autoptr(sqlite3_stmt) identity = NULL;

  if (!(find = _chorus_sql_prepare (db, "SELECT id FROM identities WHERE network = 'email' AND server = ''"
                                    " AND handle = ?1", error)))
    return 0;
  sqlite3_bind_text (find, 1, entry->email, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);

  if (!(person = _chorus_sql_prepare (db, "INSERT INTO people (display_name, created_at) VALUES (?1, ?2)", error)))
    return 0;
  sqlite3_bind_text (person, 1, entry->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (person, 2, now);
  if (!_chorus_sql_step_done (db, person, "submitter", error))
    return 0;

  if (!(identity = _chorus_sql_prepare (db, "INSERT INTO identities (person_id, network, server, handle, display_name)"
                                        " VALUES (?1, 'email', '', ?2, ?3)", error)))
    return 0;
  sqlite3_bind_int64 (identity, 1, sqlite3_last_insert_rowid (db));
  sqlite3_bind_text (identity, 2, entry->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (identity, 3, entry->name, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, identity, "submitter", error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gint64
write_entry (sqlite3   *db,
             gpointer   data,
             GArray    *changed,
             GError   **error)
{
  Entry *entry = data;
  g_autoptr(sqlite3_stmt) challenge = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 author, id;
  JsonObject *detail;

  if (!(challenge = _chorus_sql_prepare_with_id (db, "SELECT voting_close_at FROM challenges WHERE id = ?1",
                                                 entry->challenge_id, error)))
    return 0;
  if (sqlite3_step (challenge) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("This challenge is no longer in the workspace."));
      return 0;
    }
  if (now >= sqlite3_column_int64 (challenge, 0))
    {
      refuse (error, _("This challenge’s voting is over: it takes no more entries."));
      return 0;
    }

  if (!(author = find_or_add_submitter (db, entry, now, error)) ||
      !(insert = _chorus_sql_prepare (db, "INSERT INTO submissions (challenge_id, title, author_id, origin_file,"
                                      " image_sha256, image_type, width, height, consent_at, moderation, submitted_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'accepted', ?9)", error)))
    return 0;
  sqlite3_bind_int64 (insert, 1, entry->challenge_id);
  sqlite3_bind_text (insert, 2, entry->title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, author);
  sqlite3_bind_text (insert, 4, entry->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, entry->image->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, entry->image->mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 7, (int) entry->image->width);
  sqlite3_bind_int (insert, 8, (int) entry->image->height);
  sqlite3_bind_int64 (insert, 9, now);
  if (!_chorus_sql_step_done (db, insert, "entry", error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  detail = json_object_new ();
  json_object_set_string_member (detail, "name", entry->title);
  json_object_set_string_member (detail, "submitter", entry->name);
  return _chorus_audit_insert (db, "submission-add", "submission", id, _chorus_json_node_take_object (detail),
                               error) != 0 ? id : 0;
}

/**
 * chorus_store_add_entry:
 * @self: a #ChorusStore
 * @draft: the entry
 * @error: a location for a #GError
 *
 * Adds an entry by hand, with its submitter and their consent. Blocking.
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
chorus_store_add_entry (ChorusStore             *self,
                        const ChorusEntryDraft  *draft,
                        GError                 **error)
{
  g_autoptr(Entry) entry = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!(entry = entry_new (draft, error)))
    return 0;
  return _chorus_store_write (self, write_entry, entry, error);
}

void
chorus_store_add_entry_async (ChorusStore            *self,
                              const ChorusEntryDraft *draft,
                              GCancellable           *cancellable,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  GError *error = NULL;
  Entry *entry;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (draft != NULL);

  if (!(entry = entry_new (draft, &error)))
    {
      g_task_report_error (self, callback, user_data, chorus_store_add_entry_async, error);
      return;
    }
  _chorus_store_write_async (self, write_entry, entry, (GDestroyNotify) entry_free, chorus_store_add_entry_async,
                             cancellable, callback, user_data);
}

gint64
chorus_store_add_entry_finish (ChorusStore   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  /* A refused draft was reported as a task with its error alone. */
  return _chorus_store_write_finish (self, result, error);
}
