/* chorus-store-votes.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-ranking.h"
#include "chorus-store-triage-private.h"

/* Excluding a community vote from a challenge's ranking, and counting it
 * again: always with a reason, as one transaction with one audit entry,
 * "vote-exclude" or "vote-include", subject ("vote", id), whose detail
 * names the entry and the challenge and keeps the reason:
 *   {"submission": id, "challenge": id, "kind": "like", "reason": "…",
 *    "previous_reason": "…" (include only: why it had been excluded)} */

typedef struct
{
  gint64    vote_id;
  gboolean  exclude;
  char     *reason;
} VoteChange;

static void
vote_change_free (VoteChange *change)
{
  g_free (change->reason);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VoteChange, vote_change_free)

static VoteChange *
vote_change_new (gint64      vote_id,
                 gboolean    exclude,
                 const char *reason)
{
  VoteChange *change = g_new0 (VoteChange, 1);

  change->vote_id = vote_id;
  change->exclude = exclude;
  change->reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  return change;
}

/* The vote's entry, challenge, kind and exclusion, as the detail starts. */
static JsonObject *
read_vote (sqlite3     *db,
           gint64       vote_id,
           gboolean    *excluded,
           char       **reason,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *detail;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT v.submission_id, s.challenge_id, v.kind, v.excluded,"
                                            "       v.exclusion_reason"
                                            " FROM votes v JOIN submissions s ON s.id = v.submission_id"
                                            " WHERE v.id = ?1",
                                            vote_id, error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That vote no longer exists."));
      return NULL;
    }

  detail = json_object_new ();
  json_object_set_int_member (detail, "submission", sqlite3_column_int64 (stmt, 0));
  json_object_set_int_member (detail, "challenge", sqlite3_column_int64 (stmt, 1));
  json_object_set_string_member (detail, "kind", (const char *) sqlite3_column_text (stmt, 2));
  *excluded = sqlite3_column_int (stmt, 3) != 0;
  *reason = _chorus_sql_dup_text (stmt, 4);
  return detail;
}

static gint64
write_vote_change (sqlite3   *db,
                   gpointer   data,
                   GArray    *changed,
                   GError   **error)
{
  VoteChange *change = data;
  g_autoptr(JsonObject) detail = NULL;
  g_autofree char *previous = NULL;
  gboolean excluded;

  if (!(detail = read_vote (db, change->vote_id, &excluded, &previous, error)))
    return 0;

  if (excluded == change->exclude)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           change->exclude ? _("That vote is excluded already.")
                                           : _("That vote is not excluded."));
      return 0;
    }

  if (!_chorus_sql_set_text (db, "UPDATE votes SET excluded = ?2 IS NOT NULL, exclusion_reason = ?2 WHERE id = ?1",
                             change->vote_id, change->exclude ? change->reason : NULL, error))
    return 0;

  json_object_set_string_member (detail, "reason", change->reason);
  if (!change->exclude)
    json_object_set_string_member (detail, "previous_reason", previous != NULL ? previous : "");

  return _chorus_audit_insert (db, change->exclude ? "vote-exclude" : "vote-include", "vote", change->vote_id,
                               _chorus_json_node_take_object (g_steal_pointer (&detail)), error);
}

/* Refuses a change without a reason, before anything runs. */
static gboolean
check_reason (const VoteChange  *change,
              GError           **error)
{
  if (*change->reason != '\0')
    return TRUE;

  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       change->exclude ? _("Say why the vote should not count.")
                                       : _("Say why the vote should count again."));
  return FALSE;
}

static gint64
run_vote_change (ChorusStore  *self,
                 VoteChange   *change,
                 GError      **error)
{
  g_autoptr(VoteChange) owned = change;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  if (!check_reason (owned, error))
    return 0;
  return _chorus_store_write (self, write_vote_change, owned, error);
}

static void
run_vote_change_async (ChorusStore         *self,
                       VoteChange          *change,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(VoteChange) owned = change;
  GError *error = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));

  if (!check_reason (owned, &error))
    {
      g_task_report_error (self, callback, user_data, chorus_store_vote_change_finish, error);
      return;
    }

  _chorus_store_write_async (self, write_vote_change, g_steal_pointer (&owned), (GDestroyNotify) vote_change_free,
                             chorus_store_vote_change_finish, cancellable, callback, user_data);
}

/**
 * chorus_store_exclude_vote:
 * @self: a #ChorusStore
 * @vote_id: the vote
 * @reason: why it should not count, in the team's words; required
 * @error: a location for a #GError
 *
 * Blocking. Takes the vote out of its challenge's ranking.
 *
 * Returns: the audit entry's id, or 0 with @error set (no reason, the
 *   vote gone or excluded already)
 */
gint64
chorus_store_exclude_vote (ChorusStore  *self,
                           gint64        vote_id,
                           const char   *reason,
                           GError      **error)
{
  return run_vote_change (self, vote_change_new (vote_id, TRUE, reason), error);
}

/**
 * chorus_store_include_vote:
 * @reason: why it should count again; required
 *
 * Blocking. Counts an excluded vote again.
 *
 * Returns: the audit entry's id, or 0 with @error set
 */
gint64
chorus_store_include_vote (ChorusStore  *self,
                           gint64        vote_id,
                           const char   *reason,
                           GError      **error)
{
  return run_vote_change (self, vote_change_new (vote_id, FALSE, reason), error);
}

void
chorus_store_exclude_vote_async (ChorusStore         *self,
                                 gint64               vote_id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_vote_change_async (self, vote_change_new (vote_id, TRUE, reason), cancellable, callback, user_data);
}

void
chorus_store_include_vote_async (ChorusStore         *self,
                                 gint64               vote_id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_vote_change_async (self, vote_change_new (vote_id, FALSE, reason), cancellable, callback, user_data);
}

/**
 * chorus_store_vote_change_finish:
 *
 * Finishes chorus_store_exclude_vote_async() and
 * chorus_store_include_vote_async().
 *
 * Returns: the audit entry's id, or 0 with @error set
 */
gint64
chorus_store_vote_change_finish (ChorusStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, chorus_store_vote_change_finish), 0);

  /* A change refused before it ran was reported with the same tag. */
  return _chorus_store_write_finish (self, result, error);
}
