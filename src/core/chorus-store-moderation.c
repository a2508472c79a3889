/* chorus-store-moderation.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-store-moderation.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The moderation queue: an entry is accepted into the challenge, rejected
 * with a reason the team can read later, or put back to be looked at
 * again. Each decision is one transaction with its audit entry, which
 * names the entry and keeps the reason. */

typedef struct
{
  gint64  submission_id;
  char   *moderation;
  char   *reason;    /* trimmed, or NULL */
} Moderation;

static void
moderation_free (Moderation *moderation)
{
  g_free (moderation->moderation);
  g_free (moderation->reason);
  g_free (moderation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Moderation, moderation_free)

static Moderation *
moderation_new (gint64       submission_id,
                const char  *state,
                const char  *reason,
                GError     **error)
{
  g_autoptr(Moderation) moderation = g_new0 (Moderation, 1);
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (g_strcmp0 (state, "accepted") != 0 && g_strcmp0 (state, "rejected") != 0 &&
      g_strcmp0 (state, "pending") != 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("An entry is accepted, rejected or waiting for review."));
      return NULL;
    }
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("The reason is not valid text."));
      return NULL;
    }
  if (g_str_equal (state, "rejected") && *trimmed == '\0')
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Say why the entry is rejected: the reason stays with it for the team and the submitter."));
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > CHORUS_MODERATION_REASON_MAX_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is the longest reason allowed, in characters. */
                   _("The reason is longer than %u characters."), (guint) CHORUS_MODERATION_REASON_MAX_CHARS);
      return NULL;
    }

  moderation->submission_id = submission_id;
  moderation->moderation = g_strdup (state);
  /* Only a rejection keeps its reason. */
  moderation->reason = g_str_equal (state, "rejected") ? g_steal_pointer (&trimmed) : NULL;
  return g_steal_pointer (&moderation);
}

static gint64
write_moderation (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  Moderation *moderation = data;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *title = NULL;
  g_autofree char *before = NULL;
  JsonObject *detail;

  if (!(read = _chorus_sql_prepare_with_id (db, "SELECT title, moderation FROM submissions WHERE id = ?1",
                                            moderation->submission_id, error)))
    return 0;
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                           _("This entry is no longer in the workspace."));
      return 0;
    }
  title = _chorus_sql_dup_text (read, 0);
  before = _chorus_sql_dup_text (read, 1);

  if (!(update = _chorus_sql_prepare_with_id (db, "UPDATE submissions SET moderation = ?2, moderation_reason = ?3"
                                              " WHERE id = ?1", moderation->submission_id, error)))
    return 0;
  sqlite3_bind_text (update, 2, moderation->moderation, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, moderation->reason, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, update, "moderation", error))
    return 0;

  detail = json_object_new ();
  json_object_set_string_member (detail, "name", title);
  json_object_set_string_member (detail, "before", before);
  json_object_set_string_member (detail, "after", moderation->moderation);
  if (moderation->reason != NULL)
    json_object_set_string_member (detail, "reason", moderation->reason);
  return _chorus_audit_insert (db, "submission-moderation", "submission", moderation->submission_id,
                               _chorus_json_node_take_object (detail), error);
}

/**
 * chorus_store_moderate_submission:
 * @self: a #ChorusStore
 * @submission_id: an entry of a challenge
 * @moderation: "accepted", "rejected" or "pending"
 * @reason: (nullable): why, required to reject (kept only then)
 * @error: a location for a #GError
 *
 * Moves an entry through the moderation queue. Blocking.
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_moderate_submission (ChorusStore  *self,
                                  gint64        submission_id,
                                  const char   *moderation,
                                  const char   *reason,
                                  GError      **error)
{
  g_autoptr(Moderation) change = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  if (!(change = moderation_new (submission_id, moderation, reason, error)))
    return FALSE;
  return _chorus_store_write (self, write_moderation, change, error) > 0;
}

void
chorus_store_moderate_submission_async (ChorusStore         *self,
                                        gint64               submission_id,
                                        const char          *moderation,
                                        const char          *reason,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GError *error = NULL;
  Moderation *change;

  g_return_if_fail (CHORUS_IS_STORE (self));

  if (!(change = moderation_new (submission_id, moderation, reason, &error)))
    {
      g_task_report_error (self, callback, user_data, chorus_store_moderate_submission_async, error);
      return;
    }
  _chorus_store_write_async (self, write_moderation, change, (GDestroyNotify) moderation_free,
                             chorus_store_moderate_submission_async, cancellable, callback, user_data);
}

gboolean
chorus_store_moderate_submission_finish (ChorusStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  /* A refused change was reported as a task with its error alone. */
  return _chorus_store_write_finish (self, result, error) > 0;
}
