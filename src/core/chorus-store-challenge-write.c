/* chorus-store-challenge-write.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-challenge-write.h"
#include "chorus-store-triage-private.h"

/* Challenges as a person creates and edits them, with their jury and
 * scoring criteria, and the draft an edit starts from. Each change is one
 * transaction with one audit entry that names the challenge. What the
 * jury already did stays attached: a criterion keeps its id when it keeps
 * its id in the draft or its name, and neither a scored criterion nor a
 * juror who scored can be removed. Once votes were cast, the scale they
 * were cast on stays. */

#define CHALLENGE_SQL \
  "SELECT title, brief, hashtag, submissions_open_at, submissions_close_at, voting_open_at," \
  "       voting_close_at, terms, prizes, eligibility, scale, community_weight" \
  " FROM challenges WHERE id = ?1"

typedef struct
{
  gint64                id;
  ChorusChallengeDraft *draft;
} Change;

static void
change_free (Change *change)
{
  chorus_challenge_draft_free (change->draft);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static Change *
change_new (gint64                      id,
            const ChorusChallengeDraft *draft)
{
  Change *change = g_new0 (Change, 1);

  change->id = id;
  change->draft = chorus_challenge_draft_copy (draft);
  return change;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That challenge no longer exists."));
}

/* Whether @sql, given @id as ?1 and @other as ?2, returns a row; its
 * first column goes to @text when that is not %NULL. */
static gboolean
query_row (sqlite3     *db,
           const char  *sql,
           gint64       id,
           gint64       other,
           gboolean    *found,
           char       **text,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, sql, id, error)))
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, other);

  *found = sqlite3_step (stmt) == SQLITE_ROW;
  if (*found && text != NULL)
    *text = _chorus_sql_dup_text (stmt, 0);
  return TRUE;
}

static void
fill_draft (ChorusChallengeDraft *draft,
            sqlite3_stmt         *stmt)
{
  chorus_challenge_draft_set_text (&draft->title, (const char *) sqlite3_column_text (stmt, 0));
  chorus_challenge_draft_set_text (&draft->brief, (const char *) sqlite3_column_text (stmt, 1));
  chorus_challenge_draft_set_text (&draft->hashtag, (const char *) sqlite3_column_text (stmt, 2));
  draft->submissions_open = sqlite3_column_int64 (stmt, 3);
  draft->submissions_close = sqlite3_column_int64 (stmt, 4);
  draft->voting_open = sqlite3_column_int64 (stmt, 5);
  draft->voting_close = sqlite3_column_int64 (stmt, 6);
  chorus_challenge_draft_set_text (&draft->terms, (const char *) sqlite3_column_text (stmt, 7));
  chorus_challenge_draft_set_text (&draft->prizes, (const char *) sqlite3_column_text (stmt, 8));
  chorus_challenge_draft_set_text (&draft->eligibility, (const char *) sqlite3_column_text (stmt, 9));
  chorus_challenge_draft_set_text (&draft->scale, (const char *) sqlite3_column_text (stmt, 10));
  draft->community_weight = sqlite3_column_double (stmt, 11);
}

static gboolean
load_jury_and_criteria (sqlite3               *db,
                        gint64                 id,
                        ChorusChallengeDraft  *draft,
                        GError               **error)
{
  g_autoptr(sqlite3_stmt) jury = NULL;
  g_autoptr(sqlite3_stmt) criteria = NULL;

  if (!(jury = _chorus_sql_prepare_with_id (db,
                                            "SELECT member_id FROM jury_members WHERE challenge_id = ?1"
                                            " ORDER BY member_id",
                                            id, error)) ||
      !(criteria = _chorus_sql_prepare_with_id (db,
                                                "SELECT id, name, weight FROM jury_criteria WHERE challenge_id = ?1"
                                                " ORDER BY position, id",
                                                id, error)))
    return FALSE;

  while (sqlite3_step (jury) == SQLITE_ROW)
    chorus_challenge_draft_add_juror (draft, sqlite3_column_int64 (jury, 0));
  while (sqlite3_step (criteria) == SQLITE_ROW)
    chorus_challenge_draft_add_criterion (draft, (const char *) sqlite3_column_text (criteria, 1),
                                          sqlite3_column_double (criteria, 2))->id = sqlite3_column_int64 (criteria, 0);
  return TRUE;
}

static ChorusChallengeDraft *
load_draft (sqlite3  *db,
            gint64    id,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ChorusChallengeDraft) draft = chorus_challenge_draft_new (NULL);

  if (!(stmt = _chorus_sql_prepare_with_id (db, CHALLENGE_SQL, id, error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error);
      return NULL;
    }

  fill_draft (draft, stmt);
  if (!load_jury_and_criteria (db, id, draft, error))
    return NULL;
  return g_steal_pointer (&draft);
}

/* Entries and votes are collected by hashtag, so two challenges that run
 * at the same time need different ones; a yearly challenge may reuse its
 * tag once the last one is over. */
static gboolean
check_hashtag (sqlite3               *db,
               gint64                 id,
               ChorusChallengeDraft  *draft,
               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT title, hashtag FROM challenges"
                                            " WHERE id <> ?1 AND submissions_open_at <= ?3 AND voting_close_at >= ?2",
                                            id, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, draft->submissions_open);
  sqlite3_bind_int64 (stmt, 3, draft->voting_close);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (chorus_challenge_same_name ((const char *) sqlite3_column_text (stmt, 1), draft->hashtag))
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS,
                       /* Translators: the first %s is another challenge's title, the second a hashtag without
                        * its #. */
                       _("The challenge “%s” uses #%s at the same time: choose another hashtag, so that "
                         "entries and votes go to the right challenge."),
                       (const char *) sqlite3_column_text (stmt, 0), draft->hashtag);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
audit (sqlite3     *db,
       const char  *action,
       gint64       id,
       const char  *title,
       GError     **error)
{
  JsonObject *detail = json_object_new ();

  json_object_set_string_member (detail, "title", title);
  return _chorus_audit_insert (db, action, "challenge", id, _chorus_json_node_take_object (detail), error) != 0;
}

/* Binds the draft as ?2 … ?13, in the columns' order. */
static void
bind_challenge (sqlite3_stmt         *stmt,
                ChorusChallengeDraft *draft)
{
  sqlite3_bind_text (stmt, 2, draft->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, draft->brief, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, draft->hashtag, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, draft->submissions_open);
  sqlite3_bind_int64 (stmt, 6, draft->submissions_close);
  sqlite3_bind_int64 (stmt, 7, draft->voting_open);
  sqlite3_bind_int64 (stmt, 8, draft->voting_close);
  sqlite3_bind_text (stmt, 9, draft->terms, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, draft->prizes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, draft->eligibility, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, draft->scale, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 13, draft->community_weight);
}

/* Replaces the jury with the draft's, whose members must exist. */
static gboolean
insert_jury (sqlite3               *db,
             gint64                 id,
             ChorusChallengeDraft  *draft,
             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_chorus_sql_run_with_id (db, "DELETE FROM jury_members WHERE challenge_id = ?1", id, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db,
                                            "INSERT INTO jury_members (challenge_id, member_id)"
                                            " SELECT ?1, id FROM team_members WHERE id = ?2",
                                            id, error)))
    return FALSE;

  for (guint i = 0; i < draft->jury->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 2, g_array_index (draft->jury, gint64, i));
      if (!_chorus_sql_step_done (db, stmt, "jury member", error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That team member no longer exists."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Writes the draft's criteria in order: each with a stored id (see
 * match_criteria()) is updated in place, so its jury scores stay with it;
 * the others are added. */
static gboolean
write_criteria (sqlite3               *db,
                gint64                 id,
                ChorusChallengeDraft  *draft,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "INSERT INTO jury_criteria (challenge_id, id, name, weight, position)"
                                            " VALUES (?1, nullif (?2, 0), ?3, ?4, ?5)"
                                            " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                                            "   weight = excluded.weight, position = excluded.position",
                                            id, error)))
    return FALSE;

  for (guint i = 0; i < draft->criteria->len; i++)
    {
      ChorusCriterionDraft *criterion = g_ptr_array_index (draft->criteria, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 2, criterion->id);
      sqlite3_bind_text (stmt, 3, criterion->name, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 4, criterion->weight);
      sqlite3_bind_int (stmt, 5, (int) i);
      if (!_chorus_sql_step_done (db, stmt, "jury criterion", error))
        return FALSE;
    }
  return TRUE;
}

static gint64
write_create (sqlite3   *db,
              gpointer   data,
              GArray    *changed,
              GError   **error)
{
  Change *change = data;
  ChorusChallengeDraft *draft = change->draft;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!chorus_challenge_draft_validate (draft, error) || !check_hashtag (db, 0, draft, error) ||
      !(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO challenges (title, brief, hashtag, submissions_open_at,"
                                    "  submissions_close_at, voting_open_at, voting_close_at, terms, prizes,"
                                    "  eligibility, scale, community_weight, created_at)"
                                    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                    "         strftime ('%s', 'now'))",
                                    error)))
    return 0;

  bind_challenge (stmt, draft);
  if (!_chorus_sql_step_done (db, stmt, "challenge", error))
    return 0;

  /* Ids in a new challenge's draft name nothing of it. */
  id = sqlite3_last_insert_rowid (db);
  for (guint i = 0; i < draft->criteria->len; i++)
    ((ChorusCriterionDraft *) g_ptr_array_index (draft->criteria, i))->id = 0;

  if (!insert_jury (db, id, draft, error) || !write_criteria (db, id, draft, error) ||
      !audit (db, "challenge-create", id, draft->title, error))
    return 0;
  return id;
}

/* The id of the first stored criterion not yet @kept that has
 * @criterion's id (or, when not @by_id, its name), or 0. */
static gint64
take_stored (ChorusChallengeDraft *stored,
             gboolean             *kept,
             ChorusCriterionDraft *criterion,
             gboolean              by_id)
{
  for (guint j = 0; j < stored->criteria->len; j++)
    {
      ChorusCriterionDraft *old = g_ptr_array_index (stored->criteria, j);

      if (!kept[j] && (by_id ? old->id == criterion->id : chorus_challenge_same_name (old->name, criterion->name)))
        {
          kept[j] = TRUE;
          return old->id;
        }
    }
  return 0;
}

/* Pairs each criterion of @draft with the stored one it continues: its id
 * first, so that a renamed criterion keeps its scores, then its name for
 * drafts without ids. Drops the stored ones left over, but refuses to drop
 * one the jury used. */
static gboolean
match_criteria (sqlite3               *db,
                ChorusChallengeDraft  *stored,
                ChorusChallengeDraft  *draft,
                GError               **error)
{
  g_autofree gboolean *kept = g_new0 (gboolean, stored->criteria->len + 1);

  for (guint i = 0; i < draft->criteria->len; i++)
    {
      ChorusCriterionDraft *criterion = g_ptr_array_index (draft->criteria, i);

      if (criterion->id != 0)
        criterion->id = take_stored (stored, kept, criterion, TRUE);
    }
  for (guint i = 0; i < draft->criteria->len; i++)
    {
      ChorusCriterionDraft *criterion = g_ptr_array_index (draft->criteria, i);

      if (criterion->id == 0)
        criterion->id = take_stored (stored, kept, criterion, FALSE);
    }

  for (guint j = 0; j < stored->criteria->len; j++)
    {
      ChorusCriterionDraft *old = g_ptr_array_index (stored->criteria, j);
      gboolean scored = FALSE;

      if (kept[j])
        continue;
      if (!query_row (db, "SELECT 1 FROM jury_scores WHERE criterion_id = ?1 LIMIT 1", old->id, 0, &scored, NULL,
                      error))
        return FALSE;
      if (scored)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is a scoring criterion's name. */
                       _("The jury has already scored entries on “%s”, so it cannot be removed. Set its weight "
                         "to 0 to leave it out of the ranking."),
                       old->name);
          return FALSE;
        }
      if (!_chorus_sql_run_with_id (db, "DELETE FROM jury_criteria WHERE id = ?1", old->id, error))
        return FALSE;
    }
  return TRUE;
}

/* A juror who scored entries stays on the jury: the ranking weighs their
 * scores as the jury's. */
static gboolean
check_removed_jurors (sqlite3               *db,
                      gint64                 id,
                      ChorusChallengeDraft  *stored,
                      ChorusChallengeDraft  *draft,
                      GError               **error)
{
  for (guint i = 0; i < stored->jury->len; i++)
    {
      gint64 member_id = g_array_index (stored->jury, gint64, i);
      g_autofree char *name = NULL;
      gboolean scored = FALSE;

      if (chorus_challenge_draft_has_juror (draft, member_id))
        continue;
      if (!query_row (db,
                      "SELECT m.name FROM jury_scores j"
                      " JOIN submissions s ON s.id = j.submission_id JOIN team_members m ON m.id = j.juror_id"
                      " WHERE s.challenge_id = ?1 AND j.juror_id = ?2 LIMIT 1",
                      id, member_id, &scored, &name, error))
        return FALSE;
      if (scored)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is a team member's name. */
                       _("%s has already scored entries of this challenge, so they stay on the jury."), name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_scale (sqlite3               *db,
             gint64                 id,
             ChorusChallengeDraft  *stored,
             ChorusChallengeDraft  *draft,
             GError               **error)
{
  gboolean voted = FALSE;

  if (g_str_equal (stored->scale, draft->scale))
    return TRUE;
  if (!query_row (db,
                  "SELECT 1 FROM votes v JOIN submissions s ON s.id = v.submission_id"
                  " WHERE s.challenge_id = ?1 LIMIT 1",
                  id, 0, &voted, NULL, error))
    return FALSE;
  if (voted)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("The community has already voted on this challenge, so its voting scale stays as "
                             "it was."));
      return FALSE;
    }
  return TRUE;
}

static gint64
write_edit (sqlite3   *db,
            gpointer   data,
            GArray    *changed,
            GError   **error)
{
  Change *change = data;
  ChorusChallengeDraft *draft = change->draft;
  g_autoptr(ChorusChallengeDraft) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!chorus_challenge_draft_validate (draft, error) || !(stored = load_draft (db, change->id, error)) ||
      !check_hashtag (db, change->id, draft, error) ||
      !check_scale (db, change->id, stored, draft, error) ||
      !check_removed_jurors (db, change->id, stored, draft, error) ||
      !match_criteria (db, stored, draft, error))
    return 0;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "UPDATE challenges SET title = ?2, brief = ?3, hashtag = ?4,"
                                            "  submissions_open_at = ?5, submissions_close_at = ?6,"
                                            "  voting_open_at = ?7, voting_close_at = ?8, terms = ?9, prizes = ?10,"
                                            "  eligibility = ?11, scale = ?12, community_weight = ?13"
                                            " WHERE id = ?1",
                                            change->id, error)))
    return 0;
  bind_challenge (stmt, draft);

  if (!_chorus_sql_step_done (db, stmt, "challenge", error) || !insert_jury (db, change->id, draft, error) ||
      !write_criteria (db, change->id, draft, error) ||
      !audit (db, "challenge-edit", change->id, draft->title, error))
    return 0;
  return change->id;
}

static gint64
run (ChorusStore          *self,
     ChorusStoreWriteFunc  func,
     Change               *change,
     GError              **error)
{
  g_autoptr(Change) owned = change;

  return _chorus_store_write (self, func, owned, error);
}

/**
 * chorus_store_create_challenge:
 * @draft: the challenge; validated (and trimmed) here
 *
 * Blocking. Returns: the new challenge's id, or 0 with @error set
 */
gint64
chorus_store_create_challenge (ChorusStore           *self,
                               ChorusChallengeDraft  *draft,
                               GError               **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  return run (self, write_create, change_new (0, draft), error);
}

/**
 * chorus_store_edit_challenge:
 *
 * Blocking. Replaces the challenge's fields, jury and criteria with the
 * draft's (see the top of this file for what stays).
 */
gboolean
chorus_store_edit_challenge (ChorusStore           *self,
                             gint64                 id,
                             ChorusChallengeDraft  *draft,
                             GError               **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  return run (self, write_edit, change_new (id, draft), error) != 0;
}

void
chorus_store_create_challenge_async (ChorusStore                *self,
                                     const ChorusChallengeDraft *draft,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (draft != NULL);

  _chorus_store_write_async (self, write_create, change_new (0, draft), (GDestroyNotify) change_free,
                             chorus_store_change_challenge_finish, cancellable, callback, user_data);
}

void
chorus_store_edit_challenge_async (ChorusStore                *self,
                                   gint64                      id,
                                   const ChorusChallengeDraft *draft,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (draft != NULL);

  _chorus_store_write_async (self, write_edit, change_new (id, draft), (GDestroyNotify) change_free,
                             chorus_store_change_challenge_finish, cancellable, callback, user_data);
}

/**
 * chorus_store_change_challenge_finish:
 *
 * Returns: the challenge's id, or 0 with @error set
 */
gint64
chorus_store_change_challenge_finish (ChorusStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _chorus_store_write_finish (self, result, error);
}

/**
 * chorus_store_load_challenge_draft:
 *
 * Blocking. Reads a challenge as a draft to edit, with its jury (team
 * member ids) and its criteria (with their ids), in order.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
ChorusChallengeDraft *
chorus_store_load_challenge_draft (ChorusStore  *self,
                                   gint64        id,
                                   GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  return load_draft (connection->db, id, error);
}

static void
load_draft_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  ChorusChallengeDraft *draft = chorus_store_load_challenge_draft (source_object, *(gint64 *) task_data, &error);

  if (draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, (GDestroyNotify) chorus_challenge_draft_free);
}

void
chorus_store_load_challenge_draft_async (ChorusStore         *self,
                                         gint64               id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_load_challenge_draft_async);
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_run_in_thread (task, load_draft_worker);
}

ChorusChallengeDraft *
chorus_store_load_challenge_draft_finish (ChorusStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
