/* chorus-store-campaigns.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-campaign-private.h"
#include "chorus-error.h"
#include "chorus-media-import.h"
#include "chorus-store-campaigns.h"
#include "chorus-store-private.h"

/* Reading campaigns. A variant's count on a metric is, for each run that
 * is not archived, that run's latest observation (observations are
 * snapshots, not increments; rows taken at one time, one per channel, add
 * up), summed over the runs. Exposures are the "reach" observations: a
 * variant has them when any counted run has them. The metric
 * "engagements" is the sum of likes, reposts and replies (variant posts). */

#define LATEST_CTE \
  "WITH latest (run_id, variant_id, metric, value) AS (" \
  "  SELECT o.run_id, o.variant_id, o.metric, sum (o.value)" \
  "  FROM observations o JOIN pretest_runs r ON r.id = o.run_id" \
  "  WHERE r.campaign_id = ?1 AND r.state != 'archived'" \
  "    AND o.observed_at = (SELECT max (o2.observed_at) FROM observations o2" \
  "                         WHERE o2.run_id = o.run_id AND o2.variant_id = o.variant_id" \
  "                           AND o2.metric = o.metric)" \
  "  GROUP BY o.run_id, o.variant_id, o.metric)"

#define SUM_OF(metric) \
  "coalesce ((SELECT sum (l.value) FROM latest l WHERE l.variant_id = v.id AND l.metric = " metric "), 0)"

#define IS_METRIC(m) \
  "(" m " = ?2 OR (?2 = 'engagements' AND " m " IN ('likes', 'reposts', 'replies')))"

/* When a variant's posts went out and were last read, for the time guard. */
#define TIMES_OF(column) \
  "coalesce ((SELECT " column " FROM run_posts rp JOIN pretest_runs r ON r.id = rp.run_id" \
  "           WHERE rp.variant_id = v.id AND r.state != 'archived'), 0)"

#define VARIANTS_SQL \
  LATEST_CTE \
  " SELECT v.id, v.label, v.body, v.position, v.image_sha256, v.image_alt, v.link_url," \
  "        coalesce ((SELECT sum (l.value) FROM latest l WHERE l.variant_id = v.id AND " IS_METRIC ("l.metric") \
  "), 0)," \
  "        CASE WHEN EXISTS (SELECT 1 FROM latest WHERE metric = 'reach')" \
  "             THEN " SUM_OF ("'reach'") " ELSE -1 END," \
  "        " SUM_OF ("'likes'") ", " SUM_OF ("'reposts'") ", " SUM_OF ("'replies'") "," \
  "        " TIMES_OF ("min (rp.posted_at)") ", " TIMES_OF ("max (coalesce (r.closed_at, r.last_refreshed_at))") "," \
  "        v.image_type" \
  " FROM variants v WHERE v.campaign_id = ?1 ORDER BY v.position"

/* Runs that counted the metric without exposures while others had them. */
#define MIXED_SQL \
  LATEST_CTE \
  " SELECT EXISTS (SELECT 1 FROM latest WHERE metric = 'reach')" \
  "    AND EXISTS (SELECT 1 FROM latest l WHERE " IS_METRIC ("l.metric") " AND NOT EXISTS" \
  "                (SELECT 1 FROM latest x WHERE x.run_id = l.run_id AND x.metric = 'reach'))"

#define CAMPAIGN_COLUMNS \
  "SELECT c.id, c.name, c.goal, c.state, c.primary_metric," \
  "       (SELECT r.instrument FROM pretest_runs r WHERE r.campaign_id = c.id" \
  "        ORDER BY r.started_at DESC, r.id DESC LIMIT 1)," \
  "       (SELECT max (r.last_refreshed_at) FROM pretest_runs r WHERE r.campaign_id = c.id)," \
  "       c.hypothesis, c.owner_id, m.name, c.created_at" \
  " FROM campaigns c LEFT JOIN team_members m ON m.id = c.owner_id"

#define CAMPAIGNS_SQL \
  CAMPAIGN_COLUMNS \
  " ORDER BY CASE c.state WHEN 'running' THEN 0 WHEN 'paused' THEN 1 WHEN 'draft' THEN 2" \
  "                       WHEN 'closed' THEN 3 ELSE 4 END, c.updated_at DESC, c.id DESC"

#define CAMPAIGN_SQL CAMPAIGN_COLUMNS " WHERE c.id = ?1"

/* The least advanced outbox state of what a run publishes, the error of
 * a failed item, and what its latest refresh could not read (the run's
 * own notice, or its first post's). */
#define RUNS_SQL \
  "SELECT r.id, r.instrument, r.source_id, s.display_name, r.state, r.started_at, r.ends_at," \
  "       r.closed_at, r.provenance, r.last_refreshed_at," \
  "       (SELECT o.state FROM run_posts p JOIN outbox o ON o.id = p.outbox_id WHERE p.run_id = r.id" \
  "        ORDER BY CASE o.state WHEN 'failed' THEN 0 WHEN 'queued' THEN 1 WHEN 'sending' THEN 2" \
  "                 WHEN 'cancelled' THEN 3 ELSE 4 END LIMIT 1)," \
  "       (SELECT o.last_error FROM run_posts p JOIN outbox o ON o.id = p.outbox_id" \
  "        WHERE p.run_id = r.id AND o.state = 'failed' LIMIT 1)," \
  "       coalesce (r.notice, (SELECT p.notice FROM run_posts p WHERE p.run_id = r.id" \
  "                            AND p.notice IS NOT NULL ORDER BY p.position LIMIT 1))" \
  " FROM pretest_runs r LEFT JOIN sources s ON s.id = r.source_id" \
  " WHERE r.campaign_id = ?1 ORDER BY coalesce (r.started_at, 0) DESC, r.id DESC"

#define DECISION_SQL \
  "SELECT d.variant_id, m.name, d.decided_at, d.rationale" \
  " FROM decisions d LEFT JOIN team_members m ON m.id = d.decided_by" \
  " WHERE d.campaign_id = ?1 ORDER BY d.decided_at DESC, d.id DESC LIMIT 1"

static gboolean
load_variants (ChorusStore     *store,
               sqlite3         *db,
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
                      "votes", sqlite3_column_int64 (stmt, 7),
                      NULL);
      ChorusVariantDetails details = {
        .position = (guint) sqlite3_column_int (stmt, 3),
        .image_sha256 = _chorus_sql_dup_text (stmt, 4),
        .image_alt = _chorus_sql_dup_text (stmt, 5),
        .link_url = _chorus_sql_dup_text (stmt, 6),
        .exposures = sqlite3_column_int64 (stmt, 8),
        .likes = sqlite3_column_int64 (stmt, 9),
        .reposts = sqlite3_column_int64 (stmt, 10),
        .replies = sqlite3_column_int64 (stmt, 11),
        .first_posted_at = sqlite3_column_int64 (stmt, 12),
        .observed_until = sqlite3_column_int64 (stmt, 13),
        .image_type = _chorus_sql_dup_text (stmt, 14),
      };

      details.image_path = chorus_media_dup_path (store, details.image_sha256, details.image_type);

      _chorus_variant_take_details (variant, &details);
      chorus_campaign_add_variant (campaign, variant);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "variants");
      return FALSE;
    }

  return TRUE;
}

static ChorusCampaign *
build_campaign (sqlite3_stmt *stmt)
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
  ChorusCampaignDetails details = {
    .hypothesis = _chorus_sql_dup_text (stmt, 7),
    .owner_id = sqlite3_column_int64 (stmt, 8),
    .owner_name = _chorus_sql_dup_text (stmt, 9),
    .created_at = sqlite3_column_int64 (stmt, 10),
  };

  _chorus_campaign_take_details (campaign, &details);
  return campaign;
}

static GPtrArray *
list_campaigns (ChorusStore  *store,
                sqlite3      *db,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, CAMPAIGNS_SQL, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusCampaign *campaign = build_campaign (stmt);

      g_ptr_array_add (campaigns, campaign);
      if (!load_variants (store, db, campaign, error))
        return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "campaigns");
      return NULL;
    }

  return g_steal_pointer (&campaigns);
}

static gboolean
load_runs (sqlite3         *db,
           ChorusCampaign  *campaign,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (db, RUNS_SQL, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chorus_campaign_get_id (campaign));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusPretestRunFields fields = {
        .id = sqlite3_column_int64 (stmt, 0),
        .source_id = sqlite3_column_int64 (stmt, 2),
        .source_name = _chorus_sql_dup_text (stmt, 3),
        .state = _chorus_sql_dup_text (stmt, 4),
        .started_at = sqlite3_column_int64 (stmt, 5),
        .ends_at = sqlite3_column_int64 (stmt, 6),
        .closed_at = sqlite3_column_int64 (stmt, 7),
        .provenance = _chorus_sql_dup_text (stmt, 8),
        .last_refreshed_at = sqlite3_column_int64 (stmt, 9),
        .send_state = _chorus_sql_dup_text (stmt, 10),
        .send_error = _chorus_sql_dup_text (stmt, 11),
        .notice = _chorus_sql_dup_text (stmt, 12),
      };
      g_autoptr(ChorusPretestRun) run = NULL;

      chorus_instrument_from_string ((const char *) sqlite3_column_text (stmt, 1), &fields.instrument);
      run = _chorus_pretest_run_new (&fields);
      _chorus_campaign_add_run (campaign, run);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "pre-test runs");
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_decision (sqlite3                *db,
               ChorusCampaign         *campaign,
               ChorusCampaignDetails  *details,
               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) mixed = NULL;

  if (!(stmt = _chorus_sql_prepare (db, DECISION_SQL, error)) || !(mixed = _chorus_sql_prepare (db, MIXED_SQL, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, chorus_campaign_get_id (campaign));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      details->decision_variant_id = sqlite3_column_int64 (stmt, 0);
      details->decided_by = _chorus_sql_dup_text (stmt, 1);
      details->decided_at = sqlite3_column_int64 (stmt, 2);
      details->rationale = _chorus_sql_dup_text (stmt, 3);
    }

  sqlite3_bind_int64 (mixed, 1, chorus_campaign_get_id (campaign));
  sqlite3_bind_text (mixed, 2, chorus_campaign_get_metric (campaign), -1, SQLITE_TRANSIENT);
  details->mixed_design = sqlite3_step (mixed) == SQLITE_ROW && sqlite3_column_int (mixed, 0) != 0;
  return TRUE;
}

static ChorusCampaign *
load_campaign (ChorusStore  *store,
               sqlite3      *db,
               gint64        id,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  ChorusCampaignDetails details = { 0, };

  if (!(stmt = _chorus_sql_prepare (db, CAMPAIGN_SQL, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That campaign no longer exists."));
      return NULL;
    }

  campaign = build_campaign (stmt);
  details.hypothesis = g_strdup (chorus_campaign_get_hypothesis (campaign));
  details.owner_id = chorus_campaign_get_owner_id (campaign);
  details.owner_name = g_strdup (chorus_campaign_get_owner_name (campaign));
  details.created_at = chorus_campaign_get_created_at (campaign);

  if (!load_variants (store, db, campaign, error) || !load_runs (db, campaign, error) ||
      !load_decision (db, campaign, &details, error))
    {
      g_free (details.hypothesis);
      g_free (details.owner_name);
      g_free (details.decided_by);
      g_free (details.rationale);
      return NULL;
    }

  _chorus_campaign_take_details (campaign, &details);
  return g_steal_pointer (&campaign);
}

/**
 * chorus_store_list_campaigns:
 *
 * Blocking: call it from a worker, or use chorus_store_list_campaigns_async().
 *
 * Returns: (transfer full) (element-type ChorusCampaign): the campaigns,
 *   active ones first, each with its variants and current counts
 */
GPtrArray *
chorus_store_list_campaigns (ChorusStore  *self,
                             GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  return list_campaigns (self, connection->db, error);
}

/**
 * chorus_store_load_campaign:
 *
 * Blocking. Reads one campaign whole: variants with their counts and
 * exposures, runs with their publishing state, and the latest decision.
 *
 * Returns: (transfer full): the campaign, or %NULL with @error set
 */
ChorusCampaign *
chorus_store_load_campaign (ChorusStore  *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  return load_campaign (self, connection->db, id, error);
}

static void
list_campaigns_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *campaigns = chorus_store_list_campaigns (source_object, &error);

  if (campaigns == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, campaigns, (GDestroyNotify) g_ptr_array_unref);
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
 * Returns: (transfer full) (element-type ChorusCampaign): what
 *   chorus_store_list_campaigns() returns
 */
GPtrArray *
chorus_store_list_campaigns_finish (ChorusStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_campaign_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  ChorusCampaign *campaign = chorus_store_load_campaign (source_object, *(gint64 *) task_data, &error);

  if (campaign == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, campaign, g_object_unref);
}

void
chorus_store_load_campaign_async (ChorusStore         *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_load_campaign_async);
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_run_in_thread (task, load_campaign_worker);
}

ChorusCampaign *
chorus_store_load_campaign_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
