/* chorus-store-jury.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-jury-private.h"
#include "chorus-store-jury.h"
#include "chorus-store-triage-private.h"

/* The jury's side of a challenge. A juror scores each accepted entry on
 * each criterion from 0 to 10; each score is written as it is set, in a
 * transaction of its own, so that closing the window loses nothing. Only
 * a juror of the entry's challenge scores it, and only their own row
 * (submission, juror, criterion) is ever written, so one juror never
 * overwrites another's score.
 *
 * Audit: a score is not audited as it is set. A juror tries values and
 * goes back over entries, so one entry per change would bury the log
 * under hundreds of steps that say nothing the score's own row does not
 * (jury_scores keeps who scored, and when). The audit entry marks the
 * moment that counts: "jury-scorecard", written when a juror's card is
 * submitted complete, subject ("challenge", id), whose detail is
 *   {"juror": member id, "juror_name": "…", "name": challenge title,
 *    "scores": how many, "entries": how many, "digest": SHA-256}
 * The digest (chorus_scorecard_dup_digest()) tells whether the card still
 * holds what was submitted; a card changed since is submitted again,
 * with a new entry. The actor is the member marked as "me", who may be
 * entering a juror's paper card for them.
 *
 * Lock: once a challenge has a winner, its jury scores are what chose it,
 * so no score is set, cleared or submitted until every winner is taken
 * back; the card tells when the first winner was chosen. Nothing is
 * stored for the lock: the winners table is the lock. */

#define CHALLENGE_SQL \
  "SELECT title FROM challenges WHERE id = ?1"

#define JURORS_SQL \
  "SELECT m.id, m.name, m.is_me FROM jury_members j JOIN team_members m ON m.id = j.member_id" \
  " WHERE j.challenge_id = ?1 ORDER BY m.name COLLATE NOCASE, m.id"

#define CRITERIA_SQL \
  "SELECT id, name, weight FROM jury_criteria WHERE challenge_id = ?1 ORDER BY position, id"

#define ENTRIES_SQL \
  "SELECT id FROM submissions WHERE challenge_id = ?1 AND moderation = 'accepted' ORDER BY submitted_at, id"

#define SCORES_SQL \
  "SELECT j.submission_id, j.criterion_id, j.score" \
  " FROM jury_scores j JOIN submissions s ON s.id = j.submission_id" \
  " JOIN jury_criteria c ON c.id = j.criterion_id AND c.challenge_id = s.challenge_id" \
  " WHERE s.challenge_id = ?1 AND s.moderation = 'accepted' AND j.juror_id = ?2"

#define SUBMITTED_SQL \
  "SELECT at, json_extract (detail, '$.digest') FROM audit_log" \
  " WHERE subject_type = 'challenge' AND subject_id = ?1 AND action = 'jury-scorecard'" \
  "   AND json_valid (detail) AND json_extract (detail, '$.juror') = ?2" \
  " ORDER BY at DESC, id DESC LIMIT 1"

#define TARGET_SQL \
  "SELECT s.moderation," \
  "       EXISTS (SELECT 1 FROM jury_members m WHERE m.challenge_id = s.challenge_id AND m.member_id = ?2)," \
  "       EXISTS (SELECT 1 FROM jury_criteria c WHERE c.challenge_id = s.challenge_id AND c.id = ?3)," \
  "       (SELECT min (w.chosen_at) FROM winners w WHERE w.challenge_id = s.challenge_id)" \
  " FROM submissions s WHERE s.id = ?1"

#define LOCKED_SQL \
  "SELECT min (chosen_at) FROM winners WHERE challenge_id = ?1"

#define UPSERT_SQL \
  "INSERT INTO jury_scores (submission_id, juror_id, criterion_id, score, scored_at)" \
  " VALUES (?1, ?2, ?3, ?4, strftime ('%s', 'now'))" \
  " ON CONFLICT (submission_id, juror_id, criterion_id)" \
  " DO UPDATE SET score = excluded.score, scored_at = excluded.scored_at"

#define DELETE_SQL \
  "DELETE FROM jury_scores WHERE submission_id = ?1 AND juror_id = ?2 AND criterion_id = ?3"

/* The ids a call is about: a challenge and a juror, or a score's row. */
typedef struct
{
  gint64  challenge_id;
  gint64  submission_id;
  gint64  juror_id;
  gint64  criterion_id;
  double  score;          /* NaN clears */
} JuryCall;

typedef gpointer (*JuryReadFunc) (sqlite3         *db,
                                  const JuryCall  *call,
                                  GError         **error);

static void
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, message);
}

static void
set_refused (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, message);
}

static void
set_locked (GError **error,
            gint64   locked_at)
{
  g_autofree char *reason = chorus_scorecard_dup_lock_reason (locked_at);

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_READ_ONLY,
               /* Translators: %s is a sentence such as “Scores are locked because winners were chosen on 12 March.” */
               _("%s Remove every winner to change the jury’s scores again."), reason);
}

static ChorusJury *
read_jury (sqlite3  *db,
           gint64    challenge_id,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) challenge = NULL;
  g_autoptr(sqlite3_stmt) jurors = NULL;
  g_autoptr(sqlite3_stmt) criteria = NULL;
  g_autoptr(ChorusJury) jury = NULL;
  int rc;

  if (!(challenge = _chorus_sql_prepare_with_id (db, CHALLENGE_SQL, challenge_id, error)) ||
      !(jurors = _chorus_sql_prepare_with_id (db, JURORS_SQL, challenge_id, error)) ||
      !(criteria = _chorus_sql_prepare_with_id (db, CRITERIA_SQL, challenge_id, error)))
    return NULL;

  if (sqlite3_step (challenge) != SQLITE_ROW)
    {
      set_not_found (error, _("This challenge is no longer in the workspace."));
      return NULL;
    }
  jury = _chorus_jury_new (challenge_id, (const char *) sqlite3_column_text (challenge, 0));

  while ((rc = sqlite3_step (jurors)) == SQLITE_ROW)
    _chorus_jury_add_juror (jury, sqlite3_column_int64 (jurors, 0), (const char *) sqlite3_column_text (jurors, 1),
                            sqlite3_column_int (jurors, 2) != 0);
  if (rc == SQLITE_DONE)
    while ((rc = sqlite3_step (criteria)) == SQLITE_ROW)
      _chorus_jury_add_criterion (jury, sqlite3_column_int64 (criteria, 0),
                                  (const char *) sqlite3_column_text (criteria, 1),
                                  sqlite3_column_double (criteria, 2));
  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "jury");
      return NULL;
    }

  return g_steal_pointer (&jury);
}

/* Fills @card with its entries, scores and last submission. */
static gboolean
read_card_rows (sqlite3          *db,
                ChorusScorecard  *card,
                GError          **error)
{
  gint64 challenge_id = chorus_jury_get_challenge_id (chorus_scorecard_get_jury (card));
  gint64 juror_id = chorus_scorecard_get_juror_id (card);
  g_autoptr(sqlite3_stmt) entries = NULL;
  g_autoptr(sqlite3_stmt) scores = NULL;
  g_autoptr(sqlite3_stmt) submitted = NULL;
  g_autoptr(sqlite3_stmt) locked = NULL;
  int rc;

  if (!(entries = _chorus_sql_prepare_with_id (db, ENTRIES_SQL, challenge_id, error)) ||
      !(scores = _chorus_sql_prepare_with_id (db, SCORES_SQL, challenge_id, error)) ||
      !(submitted = _chorus_sql_prepare_with_id (db, SUBMITTED_SQL, challenge_id, error)) ||
      !(locked = _chorus_sql_prepare_with_id (db, LOCKED_SQL, challenge_id, error)))
    return FALSE;
  sqlite3_bind_int64 (scores, 2, juror_id);
  sqlite3_bind_int64 (submitted, 2, juror_id);

  while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
    _chorus_scorecard_add_entry (card, sqlite3_column_int64 (entries, 0));
  if (rc == SQLITE_DONE)
    while ((rc = sqlite3_step (scores)) == SQLITE_ROW)
      chorus_scorecard_set_score (card, sqlite3_column_int64 (scores, 0), sqlite3_column_int64 (scores, 1),
                                  sqlite3_column_double (scores, 2));
  if (rc == SQLITE_DONE && (rc = sqlite3_step (submitted)) == SQLITE_ROW)
    _chorus_scorecard_set_submitted (card, sqlite3_column_int64 (submitted, 0),
                                     (const char *) sqlite3_column_text (submitted, 1));
  if ((rc == SQLITE_DONE || rc == SQLITE_ROW) && (rc = sqlite3_step (locked)) == SQLITE_ROW)
    _chorus_scorecard_set_locked_at (card, sqlite3_column_int64 (locked, 0));
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "scorecard");
      return FALSE;
    }
  return TRUE;
}

static gpointer
read_jury_call (sqlite3         *db,
                const JuryCall  *call,
                GError         **error)
{
  return read_jury (db, call->challenge_id, error);
}

static gpointer
read_scorecard_call (sqlite3         *db,
                     const JuryCall  *call,
                     GError         **error)
{
  g_autoptr(ChorusJury) jury = read_jury (db, call->challenge_id, error);
  g_autoptr(ChorusScorecard) card = NULL;

  if (jury == NULL)
    return NULL;
  if (chorus_jury_find_juror (jury, call->juror_id) == NULL)
    {
      set_refused (error, _("Only members of the challenge’s jury have a scorecard."));
      return NULL;
    }

  card = _chorus_scorecard_new (jury, call->juror_id);
  if (!read_card_rows (db, card, error))
    return NULL;
  return g_steal_pointer (&card);
}

/* Runs @func on a connection of its own, in one read transaction, so
 * that what it reads belongs together. */
static gpointer
run_read (ChorusStore     *store,
          JuryReadFunc     func,
          const JuryCall  *call,
          GError         **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (store);
  gpointer result;

  if (!_chorus_sql_exec (connection->db, "BEGIN", error))
    return NULL;
  result = func (connection->db, call, error);
  sqlite3_exec (connection->db, "COMMIT", NULL, NULL, NULL);
  return result;
}

static gpointer
load_jury (ChorusStore    *store,
           gconstpointer   call,
           GError        **error)
{
  return run_read (store, read_jury_call, call, error);
}

static gpointer
load_scorecard (ChorusStore    *store,
                gconstpointer   call,
                GError        **error)
{
  return run_read (store, read_scorecard_call, call, error);
}

/* Refuses a score that cannot be written: the entry gone or not
 * accepted, the member not on its challenge's jury, the criterion not
 * the challenge's, or the challenge's winners chosen (the lock). */
static gboolean
check_target (sqlite3   *db,
              JuryCall  *call,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, TARGET_SQL, call->submission_id, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, call->juror_id);
  sqlite3_bind_int64 (stmt, 3, call->criterion_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    set_not_found (error, _("This entry is no longer in the workspace."));
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "accepted") != 0)
    set_refused (error, _("Only entries accepted into the challenge can be scored by the jury."));
  else if (sqlite3_column_int (stmt, 1) == 0)
    set_refused (error, _("Only members of the challenge’s jury can score its entries."));
  else if (sqlite3_column_int (stmt, 2) == 0)
    set_not_found (error, _("This criterion is no longer one the challenge’s jury scores on."));
  else if (sqlite3_column_int64 (stmt, 3) != 0)
    set_locked (error, sqlite3_column_int64 (stmt, 3));
  else
    return TRUE;

  return FALSE;
}

static gint64
write_score (sqlite3   *db,
             gpointer   data,
             GArray    *changed,
             GError   **error)
{
  JuryCall *call = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!isnan (call->score) && !chorus_jury_score_is_valid (call->score))
    {
      set_refused (error, _("A jury score goes from 0 to 10, with one decimal at most, such as 7.5."));
      return 0;
    }
  if (!check_target (db, call, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db, isnan (call->score) ? DELETE_SQL : UPSERT_SQL,
                                            call->submission_id, error)))
    return 0;

  sqlite3_bind_int64 (stmt, 2, call->juror_id);
  sqlite3_bind_int64 (stmt, 3, call->criterion_id);
  if (!isnan (call->score))
    sqlite3_bind_double (stmt, 4, round (call->score * 10) / 10);
  return _chorus_sql_step_done (db, stmt, "jury score", error) ? 1 : 0;
}

static JsonNode *
build_detail (ChorusScorecard *card)
{
  ChorusJury *jury = chorus_scorecard_get_jury (card);
  const ChorusJuror *juror = chorus_jury_find_juror (jury, chorus_scorecard_get_juror_id (card));
  g_autofree char *digest = chorus_scorecard_dup_digest (card);
  JsonObject *detail = json_object_new ();

  json_object_set_int_member (detail, "juror", juror->member_id);
  json_object_set_string_member (detail, "juror_name", juror->name);
  json_object_set_string_member (detail, "name", chorus_jury_get_title (jury));
  json_object_set_int_member (detail, "scores", chorus_scorecard_get_n_scores (card));
  json_object_set_int_member (detail, "entries", chorus_scorecard_get_n_entries (card));
  json_object_set_string_member (detail, "digest", digest);
  return _chorus_json_node_take_object (detail);
}

static gint64
write_submission (sqlite3   *db,
                  gpointer   data,
                  GArray    *changed,
                  GError   **error)
{
  JuryCall *call = data;
  g_autoptr(ChorusScorecard) card = read_scorecard_call (db, call, error);
  g_autofree char *blocker = NULL;

  if (card == NULL)
    return 0;
  if (chorus_scorecard_is_locked (card))
    {
      set_locked (error, chorus_scorecard_get_locked_at (card));
      return 0;
    }
  if ((blocker = chorus_scorecard_dup_blocker (card)) != NULL)
    {
      set_refused (error, blocker);
      return 0;
    }

  return _chorus_audit_insert (db, "jury-scorecard", "challenge", call->challenge_id, build_detail (card), error);
}

static JuryCall *
jury_call_new (gint64 challenge_id,
               gint64 submission_id,
               gint64 juror_id,
               gint64 criterion_id,
               double score)
{
  JuryCall *call = g_new0 (JuryCall, 1);

  call->challenge_id = challenge_id;
  call->submission_id = submission_id;
  call->juror_id = juror_id;
  call->criterion_id = criterion_id;
  call->score = score;
  return call;
}

/**
 * chorus_store_load_jury:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @error: a location for a #GError
 *
 * Blocking. Reads the challenge's jury members and criteria.
 *
 * Returns: (transfer full): the jury, or %NULL with @error set
 *   (%CHORUS_ERROR_NOT_FOUND when the challenge is gone)
 */
ChorusJury *
chorus_store_load_jury (ChorusStore  *self,
                        gint64        challenge_id,
                        GError      **error)
{
  JuryCall call = { challenge_id, 0, 0, 0, NAN };

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return load_jury (self, &call, error);
}

void
chorus_store_load_jury_async (ChorusStore         *self,
                              gint64               challenge_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  JuryCall call = { challenge_id, 0, 0, 0, NAN };

  _chorus_store_run_async (self, load_jury, &call, sizeof call, (GDestroyNotify) chorus_jury_unref,
                           chorus_store_load_jury_async, cancellable, callback, user_data);
}

/**
 * chorus_store_load_jury_finish:
 *
 * Returns: (transfer full): what chorus_store_load_jury() returns
 */
ChorusJury *
chorus_store_load_jury_finish (ChorusStore   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _chorus_store_run_finish (self, result, chorus_store_load_jury_async, error);
}

/**
 * chorus_store_load_scorecard:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @juror_id: a team member on its jury
 * @error: a location for a #GError
 *
 * Blocking. Reads the juror's scores of the challenge's accepted entries,
 * with the jury they score for and when they last submitted the card.
 *
 * Returns: (transfer full): the scorecard, or %NULL with @error set
 *   (%CHORUS_ERROR_INVALID_ARGUMENT when the member is not on the jury)
 */
ChorusScorecard *
chorus_store_load_scorecard (ChorusStore  *self,
                             gint64        challenge_id,
                             gint64        juror_id,
                             GError      **error)
{
  JuryCall call = { challenge_id, 0, juror_id, 0, NAN };

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return load_scorecard (self, &call, error);
}

void
chorus_store_load_scorecard_async (ChorusStore         *self,
                                   gint64               challenge_id,
                                   gint64               juror_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JuryCall call = { challenge_id, 0, juror_id, 0, NAN };

  _chorus_store_run_async (self, load_scorecard, &call, sizeof call, (GDestroyNotify) chorus_scorecard_unref,
                           chorus_store_load_scorecard_async, cancellable, callback, user_data);
}

/**
 * chorus_store_load_scorecard_finish:
 *
 * Returns: (transfer full): what chorus_store_load_scorecard() returns
 */
ChorusScorecard *
chorus_store_load_scorecard_finish (ChorusStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _chorus_store_run_finish (self, result, chorus_store_load_scorecard_async, error);
}

/**
 * chorus_store_set_jury_score:
 * @self: a #ChorusStore
 * @submission_id: an accepted entry
 * @juror_id: a team member on the jury of the entry's challenge
 * @criterion_id: one of the challenge's criteria
 * @score: 0 to 10, with one decimal at most
 * @error: a location for a #GError
 *
 * Blocking. Sets the juror's score of the entry on the criterion, in one
 * transaction, without an audit entry (see the top of this file).
 *
 * Returns: %FALSE with @error set when the score or its target is refused
 */
gboolean
chorus_store_set_jury_score (ChorusStore  *self,
                             gint64        submission_id,
                             gint64        juror_id,
                             gint64        criterion_id,
                             double        score,
                             GError      **error)
{
  JuryCall call = { 0, submission_id, juror_id, criterion_id, score };

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  /* NaN would clear it: only chorus_store_clear_jury_score() does. */
  if (isnan (score))
    call.score = -1;
  return _chorus_store_write (self, write_score, &call, error) > 0;
}

/**
 * chorus_store_clear_jury_score:
 *
 * Blocking. Takes the juror's score of the entry on the criterion away,
 * as if it had never been set; the same checks apply.
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_clear_jury_score (ChorusStore  *self,
                               gint64        submission_id,
                               gint64        juror_id,
                               gint64        criterion_id,
                               GError      **error)
{
  JuryCall call = { 0, submission_id, juror_id, criterion_id, NAN };

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return _chorus_store_write (self, write_score, &call, error) > 0;
}

void
chorus_store_set_jury_score_async (ChorusStore         *self,
                                   gint64               submission_id,
                                   gint64               juror_id,
                                   gint64               criterion_id,
                                   double               score,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_write_async (self, write_score,
                             jury_call_new (0, submission_id, juror_id, criterion_id, isnan (score) ? -1 : score),
                             g_free, chorus_store_jury_score_finish, cancellable, callback, user_data);
}

void
chorus_store_clear_jury_score_async (ChorusStore         *self,
                                     gint64               submission_id,
                                     gint64               juror_id,
                                     gint64               criterion_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_write_async (self, write_score, jury_call_new (0, submission_id, juror_id, criterion_id, NAN),
                             g_free, chorus_store_jury_score_finish, cancellable, callback, user_data);
}

/**
 * chorus_store_jury_score_finish:
 *
 * Finishes chorus_store_set_jury_score_async() and
 * chorus_store_clear_jury_score_async().
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_jury_score_finish (ChorusStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, chorus_store_jury_score_finish), FALSE);

  return _chorus_store_write_finish (self, result, error) > 0;
}

/**
 * chorus_store_submit_scorecard:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @juror_id: a team member on its jury
 * @error: a location for a #GError
 *
 * Blocking. Submits the juror's card: refused unless every accepted
 * entry has a score on every criterion, and when it was submitted
 * already as it stands; then writes one "jury-scorecard" audit entry.
 *
 * Returns: the audit entry's id, or 0 with @error set
 */
gint64
chorus_store_submit_scorecard (ChorusStore  *self,
                               gint64        challenge_id,
                               gint64        juror_id,
                               GError      **error)
{
  JuryCall call = { challenge_id, 0, juror_id, 0, NAN };

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return _chorus_store_write (self, write_submission, &call, error);
}

void
chorus_store_submit_scorecard_async (ChorusStore         *self,
                                     gint64               challenge_id,
                                     gint64               juror_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  _chorus_store_write_async (self, write_submission, jury_call_new (challenge_id, 0, juror_id, 0, NAN), g_free,
                             chorus_store_submit_scorecard_async, cancellable, callback, user_data);
}

/**
 * chorus_store_submit_scorecard_finish:
 *
 * Returns: the audit entry's id, or 0 with @error set
 */
gint64
chorus_store_submit_scorecard_finish (ChorusStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, chorus_store_submit_scorecard_async), 0);

  return _chorus_store_write_finish (self, result, error);
}
