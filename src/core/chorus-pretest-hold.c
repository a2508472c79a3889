/* chorus-pretest-hold.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-pretest-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* What waits in the outbox for the campaign's runs follows them. While a
 * run is paused its posts stay queued and the sender passes them by
 * (chorus-store-outbox-send.c). Resumed, the ones still waiting for their
 * time keep their spacing from now on, rather than all going out at once
 * because their times passed meanwhile. Closed, nothing more goes out. */
#define CAMPAIGN_QUEUED \
  " state = 'queued' AND id IN (SELECT rp.outbox_id FROM run_posts rp" \
  " JOIN pretest_runs r ON r.id = rp.run_id WHERE r.campaign_id = ?1 AND rp.outbox_id IS NOT NULL)"

gboolean
_chorus_pretest_follow_state (sqlite3     *db,
                              gint64       campaign_id,
                              const char  *from,
                              const char  *to,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) late = NULL;
  g_autoptr(sqlite3_stmt) shift = NULL;
  g_autoptr(sqlite3_stmt) planned = NULL;
  g_autoptr(sqlite3_stmt) cancel = NULL;
  gint64 delay;

  if (g_str_equal (to, "closed"))
    return (cancel = _chorus_sql_prepare_with_id (db, "UPDATE outbox SET state = 'cancelled' WHERE" CAMPAIGN_QUEUED,
                                                  campaign_id, error)) != NULL &&
           _chorus_sql_step_done (db, cancel, "held pre-test posts", error);

  if (!g_str_equal (from, "paused") || !g_str_equal (to, "running"))
    return TRUE;

  if (!(late = _chorus_sql_prepare_with_id (db, "SELECT max (0, strftime ('%s', 'now') - min (not_before))"
                                            " FROM outbox WHERE not_before IS NOT NULL AND" CAMPAIGN_QUEUED,
                                            campaign_id, error)))
    return FALSE;
  if (sqlite3_step (late) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "held pre-test posts");
      return FALSE;
    }
  delay = sqlite3_column_int64 (late, 0);
  if (delay == 0)
    return TRUE;

  if (!(planned = _chorus_sql_prepare_with_id (db, "UPDATE run_posts SET scheduled_at = scheduled_at + ?2"
                                               " WHERE scheduled_at IS NOT NULL AND outbox_id IN"
                                               " (SELECT id FROM outbox WHERE not_before IS NOT NULL AND"
                                               CAMPAIGN_QUEUED ")", campaign_id, error)) ||
      !(shift = _chorus_sql_prepare_with_id (db, "UPDATE outbox SET not_before = not_before + ?2"
                                             " WHERE not_before IS NOT NULL AND" CAMPAIGN_QUEUED,
                                             campaign_id, error)))
    return FALSE;

  sqlite3_bind_int64 (planned, 2, delay);
  sqlite3_bind_int64 (shift, 2, delay);
  return _chorus_sql_step_done (db, planned, "held pre-test posts", error) &&
         _chorus_sql_step_done (db, shift, "held pre-test posts", error);
}
