/* chorus-store-campaign-write.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-pretest-private.h"
#include "chorus-store-campaigns.h"
#include "chorus-store-triage-private.h"

/* Creating and editing campaigns, moving them through their states, adding
 * manual results and recording the decision: each one transaction with one
 * audit entry whose detail names the campaign. */

typedef struct
{
  gint64                 id;
  gint64                 variant_id;
  char                  *text;       /* a state or a rationale */
  ChorusCampaignDraft   *draft;
  ChorusCampaignResults *results;
} Change;

static void
change_free (Change *change)
{
  g_free (change->text);
  g_clear_pointer (&change->draft, chorus_campaign_draft_free);
  g_clear_pointer (&change->results, chorus_campaign_results_free);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static Change *
change_new (gint64      id,
            const char *text)
{
  Change *change = g_new0 (Change, 1);

  change->id = id;
  change->text = g_strdup (text);
  return change;
}

static gboolean
audit (sqlite3     *db,
       const char  *action,
       gint64       id,
       const char  *name,
       JsonObject  *extra,
       GError     **error)
{
  JsonObject *detail = extra != NULL ? extra : json_object_new ();

  json_object_set_string_member (detail, "name", name);
  return _chorus_audit_insert (db, action, "campaign", id, _chorus_json_node_take_object (detail), error) != 0;
}

/* The campaign's name and state, or %NULL with @error set when it is gone. */
static char *
dup_campaign (sqlite3  *db,
              gint64    id,
              char    **state,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT name, state FROM campaigns WHERE id = ?1", id, error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That campaign no longer exists."));
      return NULL;
    }

  if (state != NULL)
    *state = _chorus_sql_dup_text (stmt, 1);
  return _chorus_sql_dup_text (stmt, 0);
}

static gboolean
check_owner (sqlite3  *db,
             gint64    owner_id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (owner_id == 0)
    return TRUE;
  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM team_members WHERE id = ?1", owner_id, error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That team member no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_variants (sqlite3              *db,
                 gint64                campaign_id,
                 ChorusCampaignDraft  *draft,
                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO variants (campaign_id, position, label, body, image_sha256,"
                                    "                      image_alt, link_url, image_type)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error)))
    return FALSE;

  for (guint i = 0; i < draft->variants->len; i++)
    {
      ChorusVariantDraft *variant = g_ptr_array_index (draft->variants, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, variant->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, variant->body, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, variant->image_sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, variant->image_alt, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, variant->link_url, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, variant->image_type, -1, SQLITE_STATIC);
      if (!_chorus_sql_step_done (db, stmt, "variant", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
bind_campaign (sqlite3_stmt         *stmt,
               ChorusCampaignDraft  *draft)
{
  sqlite3_bind_text (stmt, 2, draft->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, draft->goal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, draft->hypothesis, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, draft->metric, -1, SQLITE_STATIC);
  if (draft->owner_id != 0)
    sqlite3_bind_int64 (stmt, 6, draft->owner_id);
  return TRUE;
}

static gint64
write_create (sqlite3   *db,
              gpointer   data,
              GArray    *changed,
              GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!chorus_campaign_draft_validate (change->draft, error) || !check_owner (db, change->draft->owner_id, error) ||
      !(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO campaigns (name, goal, hypothesis, primary_metric, owner_id,"
                                    "                       created_at, updated_at)"
                                    " VALUES (?2, ?3, ?4, ?5, ?6, strftime ('%s', 'now'), strftime ('%s', 'now'))",
                                    error)))
    return 0;

  bind_campaign (stmt, change->draft);
  if (!_chorus_sql_step_done (db, stmt, "campaign", error))
    return 0;

  id = sqlite3_last_insert_rowid (db);
  if (!insert_variants (db, id, change->draft, error) || !audit (db, "campaign-create", id, change->draft->name, NULL, error))
    return 0;
  return id;
}

/* Whether anything was published or counted for the campaign: its variants
 * are then what the community saw, and stay as they are. */
static gboolean
has_runs (sqlite3  *db,
          gint64    id,
          gboolean *result,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM pretest_runs WHERE campaign_id = ?1 LIMIT 1", id, error)))
    return FALSE;
  *result = sqlite3_step (stmt) == SQLITE_ROW;
  return TRUE;
}

static gboolean
same_variants (sqlite3              *db,
               gint64                id,
               ChorusCampaignDraft  *draft,
               gboolean             *same,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT body, coalesce (image_sha256, ''), coalesce (link_url, '')"
                                            " FROM variants WHERE campaign_id = ?1 ORDER BY position",
                                            id, error)))
    return FALSE;

  *same = TRUE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ChorusVariantDraft *variant = n < draft->variants->len ? g_ptr_array_index (draft->variants, n) : NULL;

      if (variant == NULL || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), variant->body) != 0 ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), variant->image_sha256 ? variant->image_sha256 : "") != 0 ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), variant->link_url ? variant->link_url : "") != 0)
        *same = FALSE;
      n++;
    }
  if (n != draft->variants->len)
    *same = FALSE;
  return TRUE;
}

/* Names and alt text, for variants that stay as they are. Posts of
 * theirs still waiting in the outbox (or failed, for Retry) take the new
 * alt text; those sent or being sent keep theirs. */
static gboolean
update_labels (sqlite3              *db,
               gint64                id,
               ChorusCampaignDraft  *draft,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) labels = NULL;
  g_autoptr(sqlite3_stmt) posts = NULL;

  if (!(labels = _chorus_sql_prepare_with_id (db,
                                              "UPDATE variants SET label = ?3, image_alt = ?4"
                                              " WHERE campaign_id = ?1 AND position = ?2",
                                              id, error)) ||
      !(posts = _chorus_sql_prepare_with_id (db,
                                             "UPDATE outbox SET payload = json_set (payload, '$.image.alt', ?3)"
                                             " WHERE state IN ('queued', 'failed')"
                                             "   AND json_extract (payload, '$.image') IS NOT NULL"
                                             "   AND id IN (SELECT p.outbox_id FROM run_posts p"
                                             "              JOIN variants v ON v.id = p.variant_id"
                                             "              WHERE v.campaign_id = ?1 AND v.position = ?2)",
                                             id, error)))
    return FALSE;

  for (guint i = 0; i < draft->variants->len; i++)
    {
      ChorusVariantDraft *variant = g_ptr_array_index (draft->variants, i);

      sqlite3_reset (labels);
      sqlite3_bind_int (labels, 2, (int) i + 1);
      sqlite3_bind_text (labels, 3, variant->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (labels, 4, variant->image_alt, -1, SQLITE_STATIC);
      if (!_chorus_sql_step_done (db, labels, "variant", error))
        return FALSE;

      if (variant->image_alt == NULL)
        continue;
      sqlite3_reset (posts);
      sqlite3_bind_int (posts, 2, (int) i + 1);
      sqlite3_bind_text (posts, 3, variant->image_alt, -1, SQLITE_STATIC);
      if (!_chorus_sql_step_done (db, posts, "variant posts", error))
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_name = NULL;
  gboolean ran = FALSE;
  gboolean same = FALSE;

  if (!chorus_campaign_draft_validate (change->draft, error) || !(old_name = dup_campaign (db, change->id, NULL, error)) ||
      !check_owner (db, change->draft->owner_id, error) || !has_runs (db, change->id, &ran, error) ||
      !same_variants (db, change->id, change->draft, &same, error))
    return 0;

  if (ran && !same)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("This campaign has already been put to the community, so its variants stay as they "
                             "were shown. Names, alt text and the campaign’s details can still change."));
      return 0;
    }

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "UPDATE campaigns SET name = ?2, goal = ?3, hypothesis = ?4,"
                                            "  primary_metric = ?5, owner_id = ?6, updated_at = strftime ('%s', 'now')"
                                            " WHERE id = ?1",
                                            change->id, error)))
    return 0;
  bind_campaign (stmt, change->draft);
  if (!_chorus_sql_step_done (db, stmt, "campaign", error))
    return 0;

  if (!same)
    {
      if (!_chorus_sql_run_with_id (db, "DELETE FROM variants WHERE campaign_id = ?1", change->id, error) ||
          !insert_variants (db, change->id, change->draft, error))
        return 0;
    }
  else if (!update_labels (db, change->id, change->draft, error))
    return 0;

  return audit (db, "campaign-edit", change->id, change->draft->name, NULL, error) ? change->id : 0;
}

static gboolean
state_allowed (const char *from,
               const char *to)
{
  static const struct { const char *from; const char *to; } moves[] = {
    { "running", "paused" }, { "paused", "running" }, { "draft", "closed" },
    { "running", "closed" }, { "paused", "closed" }, { "closed", "archived" },
    { "archived", "closed" }, { "closed", "running" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if (g_str_equal (moves[i].from, from) && g_str_equal (moves[i].to, to))
        return TRUE;
    }
  return FALSE;
}

/* The campaign's runs follow it, except the ones already closed when it
 * is paused or resumed. */
static gint64
write_state (sqlite3   *db,
             gpointer   data,
             GArray    *changed,
             GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *state = NULL;
  g_autofree char *name = NULL;
  JsonObject *detail;

  if (!(name = dup_campaign (db, change->id, &state, error)))
    return 0;
  if (!state_allowed (state, change->text))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("The campaign cannot go to that state from the one it is in."));
      return 0;
    }

  if (!_chorus_sql_set_text (db, "UPDATE campaigns SET state = ?2, updated_at = strftime ('%s', 'now') WHERE id = ?1",
                             change->id, change->text, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db,
                                            "UPDATE pretest_runs SET state = ?2,"
                                            "  closed_at = CASE WHEN ?2 = 'closed' AND closed_at IS NULL"
                                            "              THEN strftime ('%s', 'now') ELSE closed_at END"
                                            " WHERE campaign_id = ?1 AND state = ?3"
                                            "   AND NOT (?2 = 'running' AND closed_at IS NOT NULL)",
                                            change->id, error)))
    return 0;

  sqlite3_bind_text (stmt, 2, change->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "pre-test runs", error) ||
      !_chorus_pretest_follow_state (db, change->id, state, change->text, error))
    return 0;

  detail = json_object_new ();
  json_object_set_string_member (detail, "before", state);
  json_object_set_string_member (detail, "after", change->text);
  return audit (db, "campaign-state", change->id, name, detail, error) ? change->id : 0;
}

static gint64
count_variants (sqlite3  *db,
                gint64    id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT count (*) FROM variants WHERE campaign_id = ?1", id, error)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
insert_observations (sqlite3                     *db,
                     gint64                       run_id,
                     gint64                       campaign_id,
                     const ChorusCampaignResults *results,
                     GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  /* One snapshot: every row of the file at the same time, even when
   * writing them crosses a second. */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO observations (run_id, variant_id, observed_at, metric, value, provenance)"
                                    " SELECT ?1, v.id, ?7,"
                                    "        coalesce (?4, (SELECT primary_metric FROM campaigns WHERE id = ?2)), ?5, ?6"
                                    " FROM variants v"
                                    " WHERE v.campaign_id = ?2 AND v.position = ?3",
                                    error)))
    return FALSE;

  for (guint i = 0; i < results->rows->len; i++)
    {
      const ChorusResultRow *row = &g_array_index (results->rows, ChorusResultRow, i);

      for (guint m = 0; m < (row->exposures >= 0 ? 2 : 1); m++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, run_id);
          sqlite3_bind_int64 (stmt, 2, campaign_id);
          sqlite3_bind_int (stmt, 3, (int) row->variant);
          if (m == 0)
            sqlite3_bind_null (stmt, 4);
          else
            sqlite3_bind_text (stmt, 4, "reach", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 5, m == 0 ? row->count : row->exposures);
          sqlite3_bind_text (stmt, 6, row->channel, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 7, now);
          if (!_chorus_sql_step_done (db, stmt, "observation", error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A manual run, closed from the start, holding one snapshot: several rows
 * for one variant (one per channel) add up. */
static gint64
write_results (sqlite3   *db,
               gpointer   data,
               GArray    *changed,
               GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *state = NULL;
  gint64 n_variants;
  gint64 run_id;
  JsonObject *detail;

  if (!(name = dup_campaign (db, change->id, &state, error)) || (n_variants = count_variants (db, change->id, error)) < 0 ||
      !chorus_campaign_results_check (change->results, (guint) n_variants, error))
    return 0;

  if (g_str_equal (state, "archived"))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("This campaign is archived: take it out of the archive to add results."));
      return 0;
    }

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "INSERT INTO pretest_runs (campaign_id, instrument, state, started_at,"
                                            "                          closed_at, provenance, last_refreshed_at)"
                                            " VALUES (?1, 'manual', 'closed', strftime ('%s', 'now'),"
                                            "         strftime ('%s', 'now'), ?2, strftime ('%s', 'now'))",
                                            change->id, error)))
    return 0;
  sqlite3_bind_text (stmt, 2, change->results->provenance, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "pre-test run", error))
    return 0;
  run_id = sqlite3_last_insert_rowid (db);

  if (!_chorus_sql_run_with_id (db,
                                "UPDATE campaigns SET state = CASE state WHEN 'draft' THEN 'running' ELSE state END,"
                                "  updated_at = strftime ('%s', 'now') WHERE id = ?1",
                                change->id, error) ||
      !insert_observations (db, run_id, change->id, change->results, error))
    return 0;

  detail = json_object_new ();
  json_object_set_int_member (detail, "run", run_id);
  json_object_set_int_member (detail, "rows", change->results->rows->len);
  if (change->results->provenance != NULL)
    json_object_set_string_member (detail, "from", change->results->provenance);
  return audit (db, "campaign-results", change->id, name, detail, error) ? run_id : 0;
}

static gint64
write_decision (sqlite3   *db,
                gpointer   data,
                GArray    *changed,
                GError   **error)
{
  Change *change = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  JsonObject *detail;

  if (change->text == NULL || *g_strstrip (change->text) == '\0')
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Say why: a decision is kept with its reasons."));
      return 0;
    }
  if (!(name = dup_campaign (db, change->id, NULL, error)) ||
      !(stmt = _chorus_sql_prepare_with_id (db, "SELECT label FROM variants WHERE campaign_id = ?1 AND id = ?2",
                                            change->id, error)))
    return 0;
  sqlite3_bind_int64 (stmt, 2, change->variant_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That variant is not part of this campaign."));
      return 0;
    }
  label = _chorus_sql_dup_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "INSERT INTO decisions (campaign_id, variant_id, decided_by, decided_at, rationale)"
                                            " VALUES (?1, ?2, (SELECT id FROM team_members WHERE is_me ORDER BY id LIMIT 1),"
                                            "         strftime ('%s', 'now'), ?3)",
                                            change->id, error)))
    return 0;
  sqlite3_bind_int64 (stmt, 2, change->variant_id);
  sqlite3_bind_text (stmt, 3, change->text, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "decision", error))
    return 0;

  detail = json_object_new ();
  json_object_set_int_member (detail, "variant", change->variant_id);
  json_object_set_string_member (detail, "variant_label", label);
  json_object_set_string_member (detail, "rationale", change->text);
  return audit (db, "campaign-decision", change->id, name, detail, error) ? sqlite3_last_insert_rowid (db) : 0;
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

static void
run_async (ChorusStore          *self,
           ChorusStoreWriteFunc  func,
           Change               *change,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data)
{
  _chorus_store_write_async (self, func, change, (GDestroyNotify) change_free,
                             chorus_store_change_campaign_finish, cancellable, callback, user_data);
}

static Change *
draft_change (gint64                     id,
              const ChorusCampaignDraft *draft)
{
  Change *change = change_new (id, NULL);

  change->draft = chorus_campaign_draft_copy (draft);
  return change;
}

static Change *
results_change (gint64                       id,
                const ChorusCampaignResults *results)
{
  Change *change = change_new (id, NULL);

  change->results = chorus_campaign_results_copy (results);
  return change;
}

static Change *
decision_change (gint64      id,
                 gint64      variant_id,
                 const char *rationale)
{
  Change *change = change_new (id, rationale);

  change->variant_id = variant_id;
  return change;
}

/**
 * chorus_store_create_campaign:
 * @draft: the campaign; validated (and trimmed) here
 *
 * Blocking. Returns: the new campaign's id, or 0 with @error set
 */
gint64
chorus_store_create_campaign (ChorusStore          *self,
                              ChorusCampaignDraft  *draft,
                              GError              **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run (self, write_create, draft_change (0, draft), error);
}

/**
 * chorus_store_edit_campaign:
 *
 * Blocking. Once a run exists the variants' text, image and link stay as
 * the community saw them; names and alt text may still change.
 */
gboolean
chorus_store_edit_campaign (ChorusStore          *self,
                            gint64                id,
                            ChorusCampaignDraft  *draft,
                            GError              **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return run (self, write_edit, draft_change (id, draft), error) != 0;
}

/**
 * chorus_store_set_campaign_state:
 * @state: "running" (resume), "paused", "closed" or "archived"
 *
 * Blocking.
 */
gboolean
chorus_store_set_campaign_state (ChorusStore  *self,
                                 gint64        id,
                                 const char   *state,
                                 GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return run (self, write_state, change_new (id, state), error) != 0;
}

/**
 * chorus_store_add_campaign_results:
 *
 * Blocking. Returns: the id of the manual run that holds them, or 0 with
 *   @error set
 */
gint64
chorus_store_add_campaign_results (ChorusStore                  *self,
                                   gint64                        id,
                                   const ChorusCampaignResults  *results,
                                   GError                      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run (self, write_results, results_change (id, results), error);
}

/**
 * chorus_store_record_campaign_decision:
 *
 * Blocking. Records who (the member marked as “me”) chose @variant_id,
 * when and why. Returns: the decision's id, or 0 with @error set
 */
gint64
chorus_store_record_campaign_decision (ChorusStore  *self,
                                       gint64        id,
                                       gint64        variant_id,
                                       const char   *rationale,
                                       GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  return run (self, write_decision, decision_change (id, variant_id, rationale), error);
}

void
chorus_store_create_campaign_async (ChorusStore               *self,
                                    const ChorusCampaignDraft *draft,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  run_async (self, write_create, draft_change (0, draft), cancellable, callback, user_data);
}

void
chorus_store_edit_campaign_async (ChorusStore               *self,
                                  gint64                     id,
                                  const ChorusCampaignDraft *draft,
                                  GCancellable              *cancellable,
                                  GAsyncReadyCallback        callback,
                                  gpointer                   user_data)
{
  run_async (self, write_edit, draft_change (id, draft), cancellable, callback, user_data);
}

void
chorus_store_set_campaign_state_async (ChorusStore         *self,
                                       gint64               id,
                                       const char          *state,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  run_async (self, write_state, change_new (id, state), cancellable, callback, user_data);
}

void
chorus_store_add_campaign_results_async (ChorusStore                 *self,
                                         gint64                       id,
                                         const ChorusCampaignResults *results,
                                         GCancellable                *cancellable,
                                         GAsyncReadyCallback          callback,
                                         gpointer                     user_data)
{
  run_async (self, write_results, results_change (id, results), cancellable, callback, user_data);
}

void
chorus_store_record_campaign_decision_async (ChorusStore         *self,
                                             gint64               id,
                                             gint64               variant_id,
                                             const char          *rationale,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  run_async (self, write_decision, decision_change (id, variant_id, rationale), cancellable, callback, user_data);
}

/**
 * chorus_store_change_campaign_finish:
 *
 * Returns: what the blocking call returns (the campaign's, run's or
 *   decision's id), or 0 with @error set
 */
gint64
chorus_store_change_campaign_finish (ChorusStore   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _chorus_store_write_finish (self, result, error);
}
