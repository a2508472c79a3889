/* chorus-store-kiosk.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-store-kiosk.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* Votes cast at an event's kiosk. Nobody signs in: each person who
 * steps up gets a random token for their turn, and the workspace keeps
 * one vote per token and entry (votes_once), so going back to an entry
 * changes that person's vote instead of adding one. Only accepted
 * entries of a challenge whose voting is open take votes. No name is
 * stored, and no audit entry is written per vote: the votes themselves
 * are the record, with when they were cast. */

typedef struct
{
  gint64  submission_id;
  char   *token;
  int     score;
  gint64  now;
} KioskVote;

static void
kiosk_vote_free (KioskVote *vote)
{
  g_free (vote->token);
  g_free (vote);
}

/* The entry's challenge, checked: the scale it votes on, or NULL with
 * @error set. */
static char *
check_entry (sqlite3  *db,
             gint64    submission_id,
             gint64    now,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT s.moderation, c.scale, c.voting_open_at, c.voting_close_at"
                                            " FROM submissions s JOIN challenges c ON c.id = s.challenge_id"
                                            " WHERE s.id = ?1", submission_id, error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("This entry is no longer in the workspace."));
      return NULL;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "accepted") != 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Only entries accepted into the challenge take votes."));
      return NULL;
    }
  if (now < sqlite3_column_int64 (stmt, 2) || now >= sqlite3_column_int64 (stmt, 3))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Voting on this challenge is not open now."));
      return NULL;
    }
  return _chorus_sql_dup_text (stmt, 1);
}

static gint64
write_vote (sqlite3   *db,
            gpointer   data,
            GArray    *changed,
            GError   **error)
{
  KioskVote *vote = data;
  g_autofree char *scale = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean support;

  if (!(scale = check_entry (db, vote->submission_id, vote->now, error)))
    return 0;
  support = g_str_equal (scale, "support");

  if (vote->score == CHORUS_KIOSK_WITHDRAW)
    {
      g_autoptr(sqlite3_stmt) remove = NULL;

      if (!(remove = _chorus_sql_prepare_with_id (db, "DELETE FROM votes WHERE submission_id = ?1 AND kind = 'kiosk'"
                                                  " AND kiosk_token = ?2", vote->submission_id, error)))
        return 0;
      sqlite3_bind_text (remove, 2, vote->token, -1, SQLITE_STATIC);
      return _chorus_sql_step_done (db, remove, "kiosk vote", error) ? 1 : 0;
    }

  if ((support && vote->score != CHORUS_KIOSK_SUPPORT) || (!support && (vote->score < 0 || vote->score > 5)))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           support ? _("This challenge counts support, not scores.")
                                   : _("A score goes from 0 to 5."));
      return 0;
    }

  /* One vote per person and entry: a second one replaces the first. */
  if (!(update = _chorus_sql_prepare_with_id (db, "UPDATE votes SET score = ?3, cast_at = ?4"
                                              " WHERE submission_id = ?1 AND kind = 'kiosk' AND kiosk_token = ?2",
                                              vote->submission_id, error)))
    return 0;
  sqlite3_bind_text (update, 2, vote->token, -1, SQLITE_STATIC);
  if (support)
    sqlite3_bind_null (update, 3);
  else
    sqlite3_bind_int (update, 3, vote->score);
  sqlite3_bind_int64 (update, 4, vote->now);
  if (!_chorus_sql_step_done (db, update, "kiosk vote", error))
    return 0;
  if (sqlite3_changes (db) > 0)
    return 1;

  if (!(insert = _chorus_sql_prepare_with_id (db, "INSERT INTO votes (submission_id, kiosk_token, kind, score, cast_at)"
                                              " VALUES (?1, ?2, 'kiosk', ?3, ?4)", vote->submission_id, error)))
    return 0;
  sqlite3_bind_text (insert, 2, vote->token, -1, SQLITE_STATIC);
  if (support)
    sqlite3_bind_null (insert, 3);
  else
    sqlite3_bind_int (insert, 3, vote->score);
  sqlite3_bind_int64 (insert, 4, vote->now);
  return _chorus_sql_step_done (db, insert, "kiosk vote", error) ? 1 : 0;
}

static KioskVote *
kiosk_vote_new (gint64      submission_id,
                const char *token,
                int         score,
                gint64      now)
{
  KioskVote *vote = g_new0 (KioskVote, 1);

  vote->submission_id = submission_id;
  vote->token = g_strdup (token);
  vote->score = score;
  vote->now = now;
  return vote;
}

/**
 * chorus_store_set_kiosk_vote:
 * @self: a #ChorusStore
 * @submission_id: an accepted entry of a challenge whose voting is open at @now
 * @voter_token: the kiosk voter's turn
 * @score: 0 to 5, %CHORUS_KIOSK_SUPPORT on a support challenge, or
 *   %CHORUS_KIOSK_WITHDRAW to take the vote back
 * @now: the time of the vote, in Unix seconds
 * @error: a location for a #GError
 *
 * Records, replaces or removes one kiosk voter's vote on one entry.
 * Blocking.
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_set_kiosk_vote (ChorusStore  *self,
                             gint64        submission_id,
                             const char   *voter_token,
                             int           score,
                             gint64        now,
                             GError      **error)
{
  KioskVote vote = { submission_id, (char *) voter_token, score, now };

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (voter_token != NULL && *voter_token != '\0', FALSE);

  return _chorus_store_write (self, write_vote, &vote, error) > 0;
}

void
chorus_store_set_kiosk_vote_async (ChorusStore         *self,
                                   gint64               submission_id,
                                   const char          *voter_token,
                                   int                  score,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (voter_token != NULL && *voter_token != '\0');

  _chorus_store_write_async (self, write_vote,
                             kiosk_vote_new (submission_id, voter_token, score, g_get_real_time () / G_USEC_PER_SEC),
                             (GDestroyNotify) kiosk_vote_free, chorus_store_set_kiosk_vote_async, cancellable,
                             callback, user_data);
}

gboolean
chorus_store_set_kiosk_vote_finish (ChorusStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return _chorus_store_write_finish (self, result, error) > 0;
}
