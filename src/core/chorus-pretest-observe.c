/* chorus-pretest-observe.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-pretest-observe-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* A poll's counts as observations. Option i is the variant whose
 * run_posts position is i. Observations are snapshots: one per variant,
 * written only when a count moved since the latest, each later than the
 * one before; the run always learns when it was last read. */

static gboolean
latest_votes (sqlite3  *db,
              gint64    run_id,
              gint64    variant_id,
              gint64   *value,
              gint64   *observed_at,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT value, observed_at FROM observations"
                                            " WHERE run_id = ?1 AND variant_id = ?2 AND metric = 'votes'"
                                            " ORDER BY observed_at DESC, id DESC LIMIT 1", run_id, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, variant_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      *observed_at = MAX (*observed_at, sqlite3_column_int64 (stmt, 1));
      return TRUE;
    }

  *value = -1;
  if (rc == SQLITE_DONE)
    return TRUE;

  _chorus_set_sqlite_error (error, db, "latest votes");
  return FALSE;
}

/* The run's variants with their counts in @poll, by option index;
 * @moved says whether any count moved, @hidden whether some are not shown. */
static gboolean
compare_counts (sqlite3             *db,
                gint64               run_id,
                ChorusIncomingPoll  *poll,
                GArray              *variants,
                GArray              *counts,
                gboolean            *moved,
                gboolean            *hidden,
                gint64              *latest_at,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT variant_id, position FROM run_posts WHERE run_id = ?1"
                                            " ORDER BY position", run_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 variant = sqlite3_column_int64 (stmt, 0);
      gint64 position = sqlite3_column_int64 (stmt, 1);
      ChorusIncomingPollOption *option = position >= 0 && position < poll->options->len
                                         ? g_ptr_array_index (poll->options, position) : NULL;
      gint64 votes = option != NULL ? option->votes : -1;
      gint64 before;

      if (votes < 0)
        {
          *hidden = TRUE;
          continue;
        }

      if (!latest_votes (db, run_id, variant, &before, latest_at, error))
        return FALSE;
      *moved |= before != votes;
      g_array_append_val (variants, variant);
      g_array_append_val (counts, votes);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "run variants");
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_snapshot (sqlite3     *db,
                 gint64       run_id,
                 const char  *url,
                 GArray      *variants,
                 GArray      *counts,
                 gint64       at,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO observations (run_id, variant_id, observed_at, metric,"
                                    "  value, provenance) VALUES (?1, ?2, ?3, 'votes', ?4, ?5)", error)))
    return FALSE;

  for (guint i = 0; i < variants->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, run_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (variants, gint64, i));
      sqlite3_bind_int64 (stmt, 3, at);
      sqlite3_bind_int64 (stmt, 4, g_array_index (counts, gint64, i));
      sqlite3_bind_text (stmt, 5, url, -1, SQLITE_STATIC);
      if (!_chorus_sql_step_done (db, stmt, "observation", error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _chorus_pretest_write_votes:
 * @url: where the counts were read, kept as each observation's provenance
 * @poll: the poll as read; options with votes < 0 are hidden
 * @hidden: (out): set when some counts are hidden, and nothing was written
 *
 * Writes a snapshot of @poll's counts when one moved and none is hidden.
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_pretest_write_votes (sqlite3             *db,
                             gint64               run_id,
                             const char          *url,
                             ChorusIncomingPoll  *poll,
                             gboolean            *hidden,
                             GError             **error)
{
  g_autoptr(GArray) variants = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 latest_at = 0;
  gboolean moved = FALSE;

  *hidden = FALSE;
  if (!compare_counts (db, run_id, poll, variants, counts, &moved, hidden, &latest_at, error))
    return FALSE;

  /* Snapshots keep their order even when two reads fall in one second. */
  return !moved || *hidden || insert_snapshot (db, run_id, url, variants, counts, MAX (now, latest_at + 1), error);
}

/**
 * _chorus_pretest_update_run:
 * @close: the poll has ended: the run closes
 * @gone: the poll was deleted: @notice becomes the closed run's provenance too
 * @notice: (nullable): what the read could not give, for a person
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_pretest_update_run (sqlite3     *db,
                            gint64       run_id,
                            gboolean     close,
                            gboolean     gone,
                            const char  *notice,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "UPDATE pretest_runs SET last_refreshed_at = ?2, notice = ?3,"
                                            "  state = CASE WHEN ?4 THEN 'closed' ELSE state END,"
                                            "  closed_at = CASE WHEN ?4 THEN ?2 ELSE closed_at END,"
                                            "  provenance = CASE WHEN ?4 AND ?5 THEN ?3 ELSE provenance END"
                                            " WHERE id = ?1", run_id, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (notice != NULL)
    sqlite3_bind_text (stmt, 3, notice, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, close);
  sqlite3_bind_int (stmt, 5, gone);

  return _chorus_sql_step_done (db, stmt, "poll run", error);
}
