/* chorus-store-campaigns.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-campaign.h"
#include "chorus-error.h"
#include "chorus-store-private.h"

/* A variant's count on the campaign's primary metric is, for each run, the
 * latest observation of that run: observations are snapshots, not
 * increments. */
#define VARIANTS_SQL \
  "SELECT v.id, v.label, v.body," \
  "       (SELECT coalesce (sum (o.value), 0) FROM observations o" \
  "        WHERE o.variant_id = v.id AND o.metric = ?2" \
  "          AND o.observed_at = (SELECT max (o2.observed_at) FROM observations o2" \
  "                               WHERE o2.run_id = o.run_id AND o2.variant_id = v.id" \
  "                                 AND o2.metric = ?2))" \
  " FROM variants v WHERE v.campaign_id = ?1 ORDER BY v.position"

#define CAMPAIGNS_SQL \
  "SELECT c.id, c.name, c.goal, c.state, c.primary_metric," \
  "       (SELECT r.instrument FROM pretest_runs r WHERE r.campaign_id = c.id" \
  "        ORDER BY r.started_at DESC LIMIT 1)," \
  "       (SELECT max (r.last_refreshed_at) FROM pretest_runs r WHERE r.campaign_id = c.id)" \
  " FROM campaigns c" \
  " ORDER BY CASE c.state WHEN 'running' THEN 0 WHEN 'paused' THEN 1 WHEN 'draft' THEN 2" \
  "                       WHEN 'closed' THEN 3 ELSE 4 END, c.updated_at DESC, c.id DESC"

static gboolean
load_variants (sqlite3         *db,
               ChorusCampaign  *campaign,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, VARIANTS_SQL, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, chorus_campaign_get_id (campaign));
  sqlite3_bind_text (stmt, 2, chorus_campaign_get_metric (campaign), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ChorusVariant) variant =
        g_object_new (CHORUS_TYPE_VARIANT,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "label", (const char *) sqlite3_column_text (stmt, 1),
                      "body", (const char *) sqlite3_column_text (stmt, 2),
                      "votes", sqlite3_column_int64 (stmt, 3),
                      NULL);

      chorus_campaign_add_variant (campaign, variant);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "variants");
      return FALSE;
    }

  return TRUE;
}

static void
list_campaigns_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  sqlite3 *db = connection->db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, CAMPAIGNS_SQL, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusCampaign *campaign =
        g_object_new (CHORUS_TYPE_CAMPAIGN,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "name", (const char *) sqlite3_column_text (stmt, 1),
                      "goal", (const char *) sqlite3_column_text (stmt, 2),
                      "state", (const char *) sqlite3_column_text (stmt, 3),
                      "metric", (const char *) sqlite3_column_text (stmt, 4),
                      "instrument", (const char *) sqlite3_column_text (stmt, 5),
                      "last-refreshed", sqlite3_column_int64 (stmt, 6),
                      NULL);

      g_ptr_array_add (campaigns, campaign);

      if (!load_variants (db, campaign, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (&error, db, "campaigns");
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&campaigns), (GDestroyNotify) g_ptr_array_unref);
}

void
chorus_store_list_campaigns_async (ChorusStore         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_list_campaigns_async);
  g_task_run_in_thread (task, list_campaigns_worker);
}

/**
 * chorus_store_list_campaigns_finish:
 *
 * Returns: (transfer full) (element-type ChorusCampaign): the campaigns,
 *   active ones first, each with its variants and current counts
 */
GPtrArray *
chorus_store_list_campaigns_finish (ChorusStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
