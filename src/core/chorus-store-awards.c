/* chorus-store-awards.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-outbox-private.h"
#include "chorus-store-awards-private.h"

/* Reading a challenge's winners and reward ledger, in one transaction.
 * A winner's note is the one written when it was chosen, and its
 * announcement the latest one queued: both are kept in the detail of the
 * challenge's audit entries ("winner-choose", "winner-announce"; see
 * chorus-store-winners.c), which the (subject_type, subject_id) index
 * finds. Whether a winner can be announced is the outbox's own check of
 * a reply to the post the entry came from. */

#define LATEST_DETAIL(action, member, match) \
  "(SELECT json_extract (a.detail, '$." member "') FROM audit_log a" \
  " WHERE a.subject_type = 'challenge' AND a.subject_id = w.challenge_id AND a.action = '" action "'" \
  "  AND json_valid (a.detail) AND json_extract (a.detail, '$.submission') = w.submission_id" match \
  " ORDER BY a.id DESC LIMIT 1)"

#define WINNERS_SQL \
  "SELECT w.place, w.submission_id, s.title, i.network, i.handle, i.server, s.image_sha256, s.image_type," \
  "       m.name, w.chosen_at, coalesce (s.origin_post_id, 0), src.network," \
  "       " LATEST_DETAIL ("winner-choose", "note", " AND json_extract (a.detail, '$.place') = w.place") "," \
  "       o.id, o.state" \
  " FROM winners w JOIN submissions s ON s.id = w.submission_id" \
  " LEFT JOIN identities i ON i.id = s.author_id" \
  " LEFT JOIN team_members m ON m.id = w.chosen_by" \
  " LEFT JOIN posts p ON p.id = s.origin_post_id LEFT JOIN sources src ON src.id = p.source_id" \
  " LEFT JOIN outbox o ON o.id = " LATEST_DETAIL ("winner-announce", "outbox", "") \
  " WHERE w.challenge_id = ?1 ORDER BY w.place"

#define REWARDS_SQL \
  "SELECT r.id, r.submission_id, s.title, r.kind, r.description, r.amount_cents, r.currency," \
  "       r.state = 'paid', coalesce (r.paid_at, 0)" \
  " FROM rewards r JOIN submissions s ON s.id = r.submission_id" \
  " WHERE r.challenge_id = ?1 ORDER BY r.id"

/* Whether the winner's entry can be announced, and within what length. */
static void
check_announcement (sqlite3      *db,
                    ChorusWinner *winner)
{
  g_autoptr(GError) error = NULL;

  if (winner->origin_post_id == 0)
    winner->cannot_announce = g_strdup (_("This entry was added by hand, so there is no post to reply to."));
  else if (winner->author == NULL)
    winner->cannot_announce = g_strdup (_("The author of this entry is no longer in the workspace."));
  else if (!_chorus_outbox_check_reply (db, winner->origin_post_id, &winner->reply_limit, &error))
    winner->cannot_announce = g_strdup (error->message);
}

static void
add_winner_row (ChorusStore  *store,
                sqlite3      *db,
                sqlite3_stmt *stmt,
                ChorusAwards *awards)
{
  ChorusWinner winner = { 0, };

  winner.place = (guint) sqlite3_column_int (stmt, 0);
  winner.submission_id = sqlite3_column_int64 (stmt, 1);
  winner.title = _chorus_sql_dup_text (stmt, 2);
  winner.author = chorus_format_handle ((const char *) sqlite3_column_text (stmt, 3),
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        (const char *) sqlite3_column_text (stmt, 5));
  winner.image_path = _chorus_store_dup_image_path (store, (const char *) sqlite3_column_text (stmt, 6),
                                                    (const char *) sqlite3_column_text (stmt, 7));
  winner.chosen_by = _chorus_sql_dup_text (stmt, 8);
  winner.chosen_at = sqlite3_column_int64 (stmt, 9);
  winner.origin_post_id = sqlite3_column_int64 (stmt, 10);
  winner.network = _chorus_sql_dup_text (stmt, 11);
  winner.note = _chorus_sql_dup_text (stmt, 12);
  winner.announcement_id = sqlite3_column_int64 (stmt, 13);
  winner.announcement_state = _chorus_sql_dup_text (stmt, 14);
  check_announcement (db, &winner);

  chorus_awards_add_winner (awards, &winner);
  g_free (winner.title);
  g_free (winner.author);
  g_free (winner.image_path);
  g_free (winner.chosen_by);
  g_free (winner.network);
  g_free (winner.note);
  g_free (winner.announcement_state);
  g_free (winner.cannot_announce);
}

static void
add_reward_row (ChorusStore  *store,
                sqlite3      *db,
                sqlite3_stmt *stmt,
                ChorusAwards *awards)
{
  ChorusReward reward = {
    .id = sqlite3_column_int64 (stmt, 0),
    .submission_id = sqlite3_column_int64 (stmt, 1),
    .title = (char *) sqlite3_column_text (stmt, 2),
    .kind = (char *) sqlite3_column_text (stmt, 3),
    .description = (char *) sqlite3_column_text (stmt, 4),
    .amount_cents = sqlite3_column_int64 (stmt, 5),
    .currency = (char *) sqlite3_column_text (stmt, 6),
    .paid = sqlite3_column_int (stmt, 7) != 0,
    .paid_at = sqlite3_column_int64 (stmt, 8),
  };

  chorus_awards_add_reward (awards, &reward);
}

typedef void (*AwardsRowFunc) (ChorusStore  *store,
                               sqlite3      *db,
                               sqlite3_stmt *stmt,
                               ChorusAwards *awards);

static gboolean
read_rows (ChorusStore   *store,
           sqlite3       *db,
           const char    *sql,
           AwardsRowFunc  func,
           ChorusAwards  *awards,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, sql, chorus_awards_get_challenge_id (awards), error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (store, db, stmt, awards);

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "awards");
      return FALSE;
    }
  return TRUE;
}

/* Always returns %FALSE, for "return _chorus_awards_refuse (…)". */
gboolean
_chorus_awards_refuse (GError     **error,
                       int          code,
                       const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, code, message);
  return FALSE;
}

/* Runs a winner's or reward's change as one write in a worker, or, when
 * it was refused before it could run (@change is %NULL), reports
 * @refusal (taken). */
void
_chorus_store_award_change_async (ChorusStore          *self,
                                  ChorusStoreWriteFunc  func,
                                  gpointer              change,
                                  GDestroyNotify        change_free,
                                  GError               *refusal,
                                  gpointer              source_tag,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));

  if (change == NULL)
    g_task_report_error (self, callback, user_data, source_tag, refusal);
  else
    _chorus_store_write_async (self, func, change, change_free, source_tag, cancellable, callback, user_data);
}

/**
 * chorus_store_load_awards:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker, or use chorus_store_load_awards_async().
 *
 * Returns: (transfer full): the challenge's winners, by place, and its
 *   reward ledger, or %NULL with @error set
 */
ChorusAwards *
chorus_store_load_awards (ChorusStore  *self,
                          gint64        challenge_id,
                          GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(ChorusAwards) awards = NULL;
  gboolean read;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  if (!_chorus_sql_exec (connection->db, "BEGIN", error))
    return NULL;

  awards = chorus_awards_new (challenge_id);
  read = read_rows (self, connection->db, WINNERS_SQL, add_winner_row, awards, error) &&
         read_rows (self, connection->db, REWARDS_SQL, add_reward_row, awards, error);
  sqlite3_exec (connection->db, "COMMIT", NULL, NULL, NULL);

  return read ? g_steal_pointer (&awards) : NULL;
}

/* @data points to the challenge's id. */
static gpointer
load_awards (ChorusStore    *store,
             gconstpointer   data,
             GError        **error)
{
  return chorus_store_load_awards (store, *(const gint64 *) data, error);
}

void
chorus_store_load_awards_async (ChorusStore         *self,
                                gint64               challenge_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  _chorus_store_run_async (self, load_awards, &challenge_id, sizeof challenge_id, (GDestroyNotify) chorus_awards_unref,
                           chorus_store_load_awards_async, cancellable, callback, user_data);
}

/**
 * chorus_store_load_awards_finish:
 *
 * Returns: (transfer full): what chorus_store_load_awards() returns
 */
ChorusAwards *
chorus_store_load_awards_finish (ChorusStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _chorus_store_run_finish (self, result, chorus_store_load_awards_async, error);
}
