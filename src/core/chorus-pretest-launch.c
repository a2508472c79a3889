/* chorus-pretest-launch.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-pretest-launch-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* The parts of a poll's launch that do not depend on the network: the
 * account and the campaign may start it, the variants are its options,
 * and the run, its rows, its outbox item and its audit entry are written
 * the same way. */

gboolean
_chorus_pretest_fail (GError     **error,
                      gint         code,
                      const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, code, message);
  return FALSE;
}

static void
option_clear (ChorusPretestOption *option)
{
  g_free (option->body);
  g_free (option->label);
}

/**
 * _chorus_pretest_load_options:
 *
 * Returns: (transfer full): the campaign's variants as #ChorusPretestOption, in order
 */
GArray *
_chorus_pretest_load_options (sqlite3  *db,
                              gint64    campaign_id,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) options = g_array_new (FALSE, TRUE, sizeof (ChorusPretestOption));
  int rc;

  g_array_set_clear_func (options, (GDestroyNotify) option_clear);
  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT id, body, label, image_sha256 IS NOT NULL"
                                            " FROM variants WHERE campaign_id = ?1 ORDER BY position",
                                            campaign_id, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusPretestOption option = { sqlite3_column_int64 (stmt, 0), NULL, NULL, sqlite3_column_int (stmt, 3) != 0 };

      option.body = g_strstrip (g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      option.label = _chorus_sql_dup_text (stmt, 2);
      g_array_append_val (options, option);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "poll options");
      return NULL;
    }

  return g_steal_pointer (&options);
}

/* A poll shows only text, so a campaign whose variants have images is
 * refused: the votes would be about something other than the variants
 * as they are, and they would be read together with the campaign's
 * other runs. The person is told which variants, and what to do. */
static gboolean
check_text_only (GArray  *options,
                 GError **error)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  guint n_images = 0;

  for (guint i = 0; i < options->len; i++)
    {
      ChorusPretestOption *option = &g_array_index (options, ChorusPretestOption, i);

      if (!option->has_image)
        continue;
      g_string_append_printf (labels, "%s%s", n_images > 0 ? ", " : "", option->label);
      n_images++;
    }

  if (n_images == 0)
    return TRUE;

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: %s is a variant's label ("B"), or a list of them ("B, C"). */
                            "Variant %s has an image, and a poll shows only text: its votes would not be about "
                            "the variants as they are. Put them to the community as variant posts, or remove the "
                            "image to poll on the texts alone.",
                            "Variants %s have images, and a poll shows only text: its votes would not be about "
                            "the variants as they are. Put them to the community as variant posts, or remove the "
                            "images to poll on the texts alone.",
                            n_images),
               labels->str);
  return FALSE;
}

/* A poll needs two variants to choose between, as text. */
gboolean
_chorus_pretest_check_options (GArray  *options,
                               GError **error)
{
  if (options->len < 2)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %u is how many variants the campaign has (0 or 1). */
                                "A poll needs at least two variants to choose between, and this campaign has %u.",
                                "A poll needs at least two variants to choose between, and this campaign has %u.",
                                options->len),
                   options->len);
      return FALSE;
    }

  return check_text_only (options, error);
}

/**
 * _chorus_pretest_insert_run:
 * @duration: seconds the poll stays open, or 0 when it has no end
 *
 * Returns: the new running run's id, or 0 with @error set
 */
gint64
_chorus_pretest_insert_run (sqlite3     *db,
                            gint64       campaign_id,
                            const char  *instrument,
                            gint64       source_id,
                            const char  *question,
                            gint64       duration,
                            gint64       now,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO pretest_runs (campaign_id, instrument, source_id, state,"
                                    "  started_at, ends_at, question, expires_in)"
                                    " VALUES (?1, ?2, ?3, 'running', ?4, ?5, ?6, ?7)", error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, instrument, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, source_id);
  sqlite3_bind_int64 (stmt, 4, now);
  if (duration > 0)
    {
      sqlite3_bind_int64 (stmt, 5, now + duration);
      sqlite3_bind_int64 (stmt, 7, duration);
    }
  sqlite3_bind_text (stmt, 6, question, -1, SQLITE_STATIC);

  return _chorus_sql_step_done (db, stmt, "poll run", error) ? sqlite3_last_insert_rowid (db) : 0;
}

/**
 * _chorus_pretest_insert_item:
 * @body: the item's text, as the outbox shows it
 * @payload: what the network needs, and the run's id
 *
 * Queues the poll as an outbox item of kind "poll".
 *
 * Returns: the item's id, or 0 with @error set
 */
gint64
_chorus_pretest_insert_item (sqlite3     *db,
                             gint64       source_id,
                             const char  *body,
                             JsonObject  *payload,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), payload);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autofree char *key = g_uuid_string_random ();

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO outbox (source_id, kind, body, payload, idempotency_key,"
                                    "  created_by, created_at)"
                                    " VALUES (?1, 'poll', ?2, ?3, ?4,"
                                    "  (SELECT id FROM team_members WHERE is_me ORDER BY id LIMIT 1), ?5)",
                                    error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);

  return _chorus_sql_step_done (db, stmt, "poll item", error) ? sqlite3_last_insert_rowid (db) : 0;
}

/* One run_posts row per variant: its position is its option's index. */
gboolean
_chorus_pretest_insert_run_posts (sqlite3  *db,
                                  gint64    run_id,
                                  gint64    source_id,
                                  gint64    outbox_id,
                                  GArray   *options,
                                  gint64    now,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "INSERT INTO run_posts (run_id, variant_id, source_id, outbox_id,"
                                    "  position, scheduled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;

  for (guint i = 0; i < options->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, run_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (options, ChorusPretestOption, i).id);
      sqlite3_bind_int64 (stmt, 3, source_id);
      sqlite3_bind_int64 (stmt, 4, outbox_id);
      sqlite3_bind_int (stmt, 5, (int) i);
      sqlite3_bind_int64 (stmt, 6, now);
      if (!_chorus_sql_step_done (db, stmt, "run posts", error))
        return FALSE;
    }

  return TRUE;
}

/* A draft campaign starts running, and the audit log says who launched what. */
gboolean
_chorus_pretest_finish_launch (sqlite3     *db,
                               gint64       campaign_id,
                               const char  *name,
                               const char  *instrument,
                               gint64       run_id,
                               GError     **error)
{
  JsonObject *detail = json_object_new ();

  json_object_set_string_member (detail, "name", name);
  json_object_set_int_member (detail, "run", run_id);
  json_object_set_string_member (detail, "instrument", instrument);

  if (!_chorus_sql_run_with_id (db, "UPDATE campaigns SET state = 'running', updated_at = strftime ('%s', 'now')"
                                " WHERE id = ?1 AND state = 'draft'", campaign_id, error))
    {
      json_object_unref (detail);
      return FALSE;
    }

  return _chorus_audit_insert (db, "campaign-launch", "campaign", campaign_id,
                               _chorus_json_node_take_object (detail), error) > 0;
}
