/* chorus-store-sample.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-store-private.h"
#include "chorus-store-sample-private.h"

/* Filling a fresh workspace as fast as SQLite allows: the file is a
 * temporary one that nobody else sees and that is thrown away on failure,
 * so it runs without a journal or fsync, in few large transactions, with
 * one reused statement per table. The triggers that keep full-text search
 * and the row counters up to date are dropped for the load, and what they
 * maintain is rebuilt in one pass at the end. */

#define CACHE_KIB 131072

typedef struct
{
  const char *table;
  const char *columns;
  const char *conflict;
} TableInfo;

static const TableInfo tables[CHORUS_SAMPLE_N_TABLES] = {
  [CHORUS_SAMPLE_META] =
    { "workspace_meta", "key, value", " ON CONFLICT (key) DO UPDATE SET value = excluded.value" },
  [CHORUS_SAMPLE_TEAM_MEMBER] =
    { "team_members", "id, name, email, role, is_me, created_at" },
  [CHORUS_SAMPLE_SOURCE] =
    { "sources", "id, network, server_url, account, display_name, watch_mentions, watch_hashtags,"
      " watch_keywords, is_sample, last_success_at, created_at" },
  [CHORUS_SAMPLE_SOURCE_CURSOR] =
    { "source_cursors", "source_id, stream, cursor, updated_at" },
  [CHORUS_SAMPLE_PERSON] =
    { "people", "id, display_name, notes, created_at" },
  [CHORUS_SAMPLE_PERSON_SEGMENT] =
    { "person_segments", "person_id, segment" },
  [CHORUS_SAMPLE_PERSON_FIELD] =
    { "person_fields", "person_id, name, value" },
  [CHORUS_SAMPLE_IDENTITY] =
    { "identities", "id, person_id, network, server, handle, display_name, avatar_url, profile_url,"
      " account_created_at" },
  [CHORUS_SAMPLE_CONVERSATION] =
    { "conversations", "id, source_id, network, root_uri, subject, started_at, last_activity_at,"
      " post_count, status_id, assignee_id, priority, sentiment,"
      " sentiment_override, has_question, unread, language" },
  [CHORUS_SAMPLE_POST] =
    { "posts", "id, source_id, conversation_id, remote_id, uri, url, author_id, created_at,"
      " edited_at, language, text, html, reply_to_uri, is_own, like_count, repost_count,"
      " reply_count, fetched_at" },
  [CHORUS_SAMPLE_POST_MEDIA] =
    { "post_media", "id, post_id, kind, url, preview_url, alt_text, width, height, sha256" },
  [CHORUS_SAMPLE_POLL] =
    { "polls", "id, post_id, remote_id, expires_at, multiple, voters_count, refreshed_at" },
  [CHORUS_SAMPLE_POLL_OPTION] =
    { "poll_options", "poll_id, position, title, votes" },
  [CHORUS_SAMPLE_TAG] =
    { "tags", "id, name, color" },
  [CHORUS_SAMPLE_CONVERSATION_TAG] =
    { "conversation_tags", "conversation_id, tag_id" },
  [CHORUS_SAMPLE_NOTE] =
    { "notes", "id, conversation_id, person_id, author_id, body, created_at" },
  [CHORUS_SAMPLE_OUTBOX] =
    { "outbox", "id, source_id, kind, target_post_id, body, idempotency_key, state, attempts,"
      " remote_uri, created_by, created_at, sent_at" },
  [CHORUS_SAMPLE_AUDIT] =
    { "audit_log", "id, at, actor_id, action, subject_type, subject_id, detail" },
  [CHORUS_SAMPLE_CAMPAIGN] =
    { "campaigns", "id, name, goal, hypothesis, primary_metric, owner_id, state, created_at,"
      " updated_at" },
  [CHORUS_SAMPLE_VARIANT] =
    { "variants", "id, campaign_id, position, label, body, image_sha256, image_alt, link_url, image_type" },
  [CHORUS_SAMPLE_RUN] =
    { "pretest_runs", "id, campaign_id, instrument, source_id, state, started_at, ends_at,"
      " closed_at, schedule, provenance, last_refreshed_at" },
  [CHORUS_SAMPLE_RUN_POST] =
    { "run_posts", "run_id, variant_id, source_id, outbox_id, post_id, position, scheduled_at" },
  [CHORUS_SAMPLE_OBSERVATION] =
    { "observations", "id, run_id, variant_id, observed_at, metric, value, provenance" },
  [CHORUS_SAMPLE_DECISION] =
    { "decisions", "id, campaign_id, variant_id, decided_by, decided_at, rationale" },
  [CHORUS_SAMPLE_CHALLENGE] =
    { "challenges", "id, title, brief, hashtag, submissions_open_at, submissions_close_at,"
      " voting_open_at, voting_close_at, terms, prizes, eligibility, scale,"
      " community_weight, created_at" },
  [CHORUS_SAMPLE_JURY_MEMBER] =
    { "jury_members", "challenge_id, member_id" },
  [CHORUS_SAMPLE_JURY_CRITERION] =
    { "jury_criteria", "id, challenge_id, name, weight, position" },
  [CHORUS_SAMPLE_SUBMISSION] =
    { "submissions", "id, challenge_id, title, author_id, origin_post_id, origin_file, image_sha256,"
      " image_type, width, height, consent_at, moderation, moderation_reason,"
      " submitted_at" },
  [CHORUS_SAMPLE_VOTE] =
    { "votes", "id, submission_id, voter_id, kiosk_token, kind, score, cast_at, origin_post_id,"
      " excluded, exclusion_reason" },
  [CHORUS_SAMPLE_JURY_SCORE] =
    { "jury_scores", "submission_id, juror_id, criterion_id, score, scored_at" },
  [CHORUS_SAMPLE_WINNER] =
    { "winners", "challenge_id, place, submission_id, chosen_by, chosen_at" },
  [CHORUS_SAMPLE_REWARD] =
    { "rewards", "id, challenge_id, submission_id, kind, description, amount_cents, currency,"
      " state, paid_at" },
  [CHORUS_SAMPLE_SAVED_REPLY] =
    { "saved_replies", "id, name, body, position, created_at" },
};

/* The triggers of migration 4 that this writer knows how to replace with a
 * bulk rebuild. Any other trigger stays in place and runs during the load. */
static const char * const bulk_triggers[] = {
  "posts_fts_insert",
  "posts_fts_delete",
  "posts_fts_update",
  "posts_count_insert",
  "posts_count_delete",
  "conversations_count_insert",
  "conversations_count_delete",
};

struct _ChorusSampleWriter
{
  ChorusStore  *store;
  sqlite3      *db;
  sqlite3_stmt *statements[CHORUS_SAMPLE_N_TABLES];
  GPtrArray    *saved_triggers;     /* CREATE TRIGGER statements to run again */
  GError       *error;              /* the first failure, if any */
};

static sqlite3_stmt *
prepare_insert (ChorusSampleWriter *self,
                ChorusSampleTable   table)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(GStrv) columns = NULL;

  columns = g_strsplit (tables[table].columns, ",", -1);
  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (", tables[table].table,
                          tables[table].columns);

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);

  g_string_append_printf (sql, ")%s", tables[table].conflict ? tables[table].conflict : "");

  return _chorus_sql_prepare (self->db, sql->str, &self->error);
}

static gboolean
save_and_drop_triggers (ChorusSampleWriter  *self,
                        GError             **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *drop = NULL;

      if (!(stmt = _chorus_sql_prepare (self->db,
                                        "SELECT sql FROM sqlite_master"
                                        " WHERE type = 'trigger' AND name = ?1",
                                        error)))
        return FALSE;

      sqlite3_bind_text (stmt, 1, bulk_triggers[i], -1, SQLITE_STATIC);

      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;

      g_ptr_array_add (self->saved_triggers,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      drop = g_strdup_printf ("DROP TRIGGER %s", bulk_triggers[i]);

      if (!_chorus_sql_exec (self->db, drop, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _chorus_sample_writer_new:
 * @store: a freshly created, empty workspace that nothing else uses
 * @error: a location for a #GError
 *
 * Switches @store to bulk loading and opens the first transaction.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
ChorusSampleWriter *
_chorus_sample_writer_new (ChorusStore  *store,
                           GError      **error)
{
  g_autoptr(ChorusSampleWriter) self = g_new0 (ChorusSampleWriter, 1);
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = -%d", CACHE_KIB);

  self->store = g_object_ref (store);
  self->db = _chorus_store_get_db (store);
  self->saved_triggers = g_ptr_array_new_with_free_func (g_free);

  if (!_chorus_sql_exec (self->db,
                         "PRAGMA journal_mode = OFF;"
                         "PRAGMA synchronous = OFF;"
                         "PRAGMA temp_store = MEMORY;",
                         error) ||
      !_chorus_sql_exec (self->db, cache, error) ||
      !_chorus_sql_exec (self->db, "BEGIN", error) ||
      !save_and_drop_triggers (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
bind_value (sqlite3_stmt            *stmt,
            int                      position,
            const ChorusSampleValue *value)
{
  switch (value->type)
    {
    case CHORUS_SAMPLE_VALUE_INT:
      sqlite3_bind_int64 (stmt, position, value->v.i);
      break;

    case CHORUS_SAMPLE_VALUE_REAL:
      sqlite3_bind_double (stmt, position, value->v.d);
      break;

    case CHORUS_SAMPLE_VALUE_TEXT:
      if (value->v.s != NULL)
        sqlite3_bind_text (stmt, position, value->v.s, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, position);
      break;

    case CHORUS_SAMPLE_VALUE_NULL:
    default:
      sqlite3_bind_null (stmt, position);
      break;
    }
}

/**
 * _chorus_sample_writer_insert:
 *
 * Inserts one row. After the first failure the writer ignores further rows
 * and keeps the error for _chorus_sample_writer_check().
 */
void
_chorus_sample_writer_insert (ChorusSampleWriter      *self,
                              ChorusSampleTable        table,
                              const ChorusSampleValue *values,
                              guint                    n_values)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (table < CHORUS_SAMPLE_N_TABLES);

  if (self->error != NULL)
    return;

  if (self->statements[table] == NULL &&
      !(self->statements[table] = prepare_insert (self, table)))
    return;

  stmt = self->statements[table];
  g_return_if_fail ((int) n_values == sqlite3_bind_parameter_count (stmt));

  for (guint i = 0; i < n_values; i++)
    bind_value (stmt, (int) i + 1, &values[i]);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autofree char *context = g_strdup_printf ("sample %s", tables[table].table);

      _chorus_set_sqlite_error (&self->error, self->db, context);
    }

  sqlite3_reset (stmt);
  /* The text was bound without a copy: drop the pointers now. */
  sqlite3_clear_bindings (stmt);
}

/* Ends the current transaction and starts the next one, so that no single
 * transaction grows without bound. */
void
_chorus_sample_writer_commit (ChorusSampleWriter *self)
{
  if (self->error != NULL)
    return;

  if (!_chorus_sql_exec (self->db, "COMMIT", &self->error))
    return;

  _chorus_sql_exec (self->db, "BEGIN", &self->error);
}

gboolean
_chorus_sample_writer_check (ChorusSampleWriter  *self,
                             GError             **error)
{
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
rebuild_derived (ChorusSampleWriter  *self,
                 GError             **error)
{
  if (!_chorus_sql_exec (self->db,
                         "INSERT INTO posts_fts (posts_fts) VALUES ('rebuild');"
                         "UPDATE counters SET value = (SELECT count(*) FROM posts)"
                         " WHERE name = 'posts';"
                         "UPDATE counters SET value = (SELECT count(*) FROM conversations)"
                         " WHERE name = 'conversations';",
                         error))
    return FALSE;

  for (guint i = 0; i < self->saved_triggers->len; i++)
    {
      if (!_chorus_sql_exec (self->db, g_ptr_array_index (self->saved_triggers, i), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _chorus_sample_writer_finish:
 *
 * Rebuilds the full-text index and the counters, restores the triggers,
 * commits, and puts the workspace back into the journal mode the app uses.
 *
 * Returns: %TRUE if every row and the final steps succeeded
 */
gboolean
_chorus_sample_writer_finish (ChorusSampleWriter  *self,
                              GError             **error)
{
  if (!_chorus_sample_writer_check (self, error))
    return FALSE;

  for (guint i = 0; i < CHORUS_SAMPLE_N_TABLES; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);

  if (!rebuild_derived (self, error) ||
      !_chorus_sql_exec (self->db, "COMMIT", error) ||
      !_chorus_sql_exec (self->db,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;",
                         error))
    return FALSE;

  return TRUE;
}

void
_chorus_sample_writer_free (ChorusSampleWriter *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < CHORUS_SAMPLE_N_TABLES; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);

  /* Without a journal there is nothing to roll back to: a writer that did
   * not finish leaves a file that the caller deletes. */
  g_clear_pointer (&self->saved_triggers, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->store);
  g_free (self);
}
