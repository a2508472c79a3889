/* chorus-store-rules-apply.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "chorus-inbox-filter-private.h"
#include "chorus-rule-private.h"
#include "chorus-store-rules-private.h"

/* Triage rules at ingest: the batch reads the enabled rules once, and each
 * new customer post runs them, in their order, against its conversation,
 * inside the batch's own transaction on its worker connection (so with
 * plain SQL, not the triage API, which opens transactions of its own).
 * Every matching rule applies; a later one wins where two set the same
 * field. Bots' posts are left alone. Each rule that changed something
 * leaves an audit entry "rule.apply" with no actor, whose detail names the
 * rule and what it did, so a conversation's history says why it got a
 * tag. A member or status removed since the rule was written is skipped
 * rather than failing the batch; a tag is created when missing. */

/* A row of id, name, enabled, position, conditions, actions; %NULL with
 * @error set when its JSON cannot be read. */
static ChorusRule *
rule_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(ChorusRule) rule = chorus_rule_new ();
  g_autoptr(ChorusInboxFilter) conditions = NULL;

  if (!(conditions = chorus_inbox_filter_deserialize ((const char *) sqlite3_column_text (stmt, 4), error)) ||
      !chorus_rule_deserialize_actions (rule, (const char *) sqlite3_column_text (stmt, 5), error))
    return NULL;

  chorus_rule_set_id (rule, sqlite3_column_int64 (stmt, 0));
  chorus_rule_set_name (rule, (const char *) sqlite3_column_text (stmt, 1));
  chorus_rule_set_enabled (rule, sqlite3_column_int (stmt, 2) != 0);
  chorus_rule_set_position (rule, sqlite3_column_int (stmt, 3));
  chorus_rule_set_conditions (rule, conditions);

  return g_steal_pointer (&rule);
}

/**
 * _chorus_rules_load:
 * @db: a connection
 * @enabled_only: whether to leave out disabled rules
 * @error: a location for a #GError
 *
 * The rules in the order they apply. A rule this version cannot read
 * (one saved by a newer version) is left out, and left alone.
 *
 * Returns: (transfer full) (element-type ChorusRule): the rules, or %NULL
 *   with @error set
 */
GPtrArray *
_chorus_rules_load (sqlite3   *db,
                    gboolean   enabled_only,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT id, name, enabled, position, conditions, actions"
                                    " FROM rules WHERE enabled OR NOT ?1 ORDER BY position, id",
                                    error)))
    return NULL;

  sqlite3_bind_int (stmt, 1, enabled_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      ChorusRule *rule = rule_from_row (stmt, &local_error);

      if (rule == NULL)
        g_debug ("Rule %" G_GINT64_FORMAT " left out: %s", (gint64) sqlite3_column_int64 (stmt, 0),
                 local_error->message);
      else
        g_ptr_array_add (rules, rule);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "rules");
      return NULL;
    }

  return g_steal_pointer (&rules);
}

/* Every statement applying rules runs, prepared once per batch. */
typedef enum
{
  STMT_SEGMENTS,
  STMT_UPSERT_TAG,
  STMT_ADD_TAG,
  STMT_SET_ASSIGNEE,
  STMT_SET_STATUS,
  STMT_SET_PRIORITY,
  STMT_AUDIT,
  N_STATEMENTS
} Statement;

static const char * const statement_sql[N_STATEMENTS] = {
  [STMT_SEGMENTS] =
    "SELECT s.segment FROM identities i"
    " JOIN person_segments s ON s.person_id = i.person_id WHERE i.id = ?1",
  [STMT_UPSERT_TAG] =
    "INSERT INTO tags (name) VALUES (?1)"
    " ON CONFLICT (name) DO UPDATE SET name = name RETURNING id",
  [STMT_ADD_TAG] =
    "INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
  /* A member or status removed since the rule was written is not set. */
  [STMT_SET_ASSIGNEE] =
    "UPDATE conversations SET assignee_id = ?2 WHERE id = ?1 AND assignee_id IS NOT ?2"
    "  AND EXISTS (SELECT 1 FROM team_members WHERE id = ?2)",
  [STMT_SET_STATUS] =
    "UPDATE conversations SET status_id = ?2 WHERE id = ?1 AND status_id IS NOT ?2"
    "  AND EXISTS (SELECT 1 FROM statuses WHERE id = ?2)",
  [STMT_SET_PRIORITY] =
    "UPDATE conversations SET priority = ?2 WHERE id = ?1 AND priority IS NOT ?2",
  [STMT_AUDIT] =
    "INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, detail)"
    " VALUES (strftime ('%s', 'now'), NULL, 'rule.apply', 'conversation', ?1, ?2)",
};

struct _ChorusRulesRun
{
  sqlite3      *db;
  GPtrArray    *rules;            /* the enabled ChorusRules, in order */
  gboolean      wants_segments;   /* some rule has a segment condition */
  sqlite3_stmt *statements[N_STATEMENTS];
};

/**
 * _chorus_rules_run_new:
 * @db: the connection of an ingest batch, in its transaction
 * @error: a location for a #GError
 *
 * Reads the enabled rules and prepares what applying them takes (nothing
 * when there is no rule).
 *
 * Returns: (transfer full): the run, or %NULL with @error set
 */
ChorusRulesRun *
_chorus_rules_run_new (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(ChorusRulesRun) run = g_new0 (ChorusRulesRun, 1);

  run->db = db;
  if (!(run->rules = _chorus_rules_load (db, TRUE, error)))
    return NULL;

  for (guint i = 0; i < run->rules->len; i++)
    {
      ChorusRule *rule = g_ptr_array_index (run->rules, i);

      if (chorus_inbox_filter_get_segments (chorus_rule_get_conditions (rule)) != 0)
        run->wants_segments = TRUE;
    }

  for (guint i = 0; run->rules->len > 0 && i < N_STATEMENTS; i++)
    if (!(run->statements[i] = _chorus_sql_prepare (db, statement_sql[i], error)))
      return NULL;

  return g_steal_pointer (&run);
}

void
_chorus_rules_run_free (ChorusRulesRun *run)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&run->statements[i], sqlite3_finalize);
  g_clear_pointer (&run->rules, g_ptr_array_unref);
  g_free (run);
}

/* Statement @which, reset, with ?1 bound to @id. */
static sqlite3_stmt *
statement (ChorusRulesRun *run,
           Statement       which,
           gint64          id)
{
  sqlite3_stmt *stmt = run->statements[which];

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

/* The segments of the person behind identity @author_id. */
static gboolean
read_segments (ChorusRulesRun       *run,
               gint64                author_id,
               ChorusInboxSegments  *segments,
               GError              **error)
{
  sqlite3_stmt *stmt = statement (run, STMT_SEGMENTS, author_id);
  int rc;

  *segments = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < CHORUS_INBOX_N_SEGMENTS; i++)
        if (g_strcmp0 (key, _chorus_inbox_segment_keys[i]) == 0)
          *segments |= 1 << i;
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, run->db, "segments");
      return FALSE;
    }

  return TRUE;
}

/* Runs statement @which with ?1 the conversation and ?2 @value; *@changed
 * says whether a row changed. */
static gboolean
run_action (ChorusRulesRun  *run,
            Statement        which,
            gint64           conversation_id,
            gint64           value,
            gboolean        *changed,
            GError         **error)
{
  sqlite3_stmt *stmt = statement (run, which, conversation_id);

  sqlite3_bind_int64 (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, run->db, "rule action");
      return FALSE;
    }

  *changed = sqlite3_changes (run->db) > 0;
  return TRUE;
}

/* The tag named @name (created when missing) put on the conversation. */
static gboolean
add_tag (ChorusRulesRun  *run,
         gint64           conversation_id,
         const char      *name,
         gboolean        *changed,
         GError         **error)
{
  sqlite3_stmt *stmt = run->statements[STMT_UPSERT_TAG];
  gint64 tag_id;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, run->db, "rule tag");
      return FALSE;
    }
  tag_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return run_action (run, STMT_ADD_TAG, conversation_id, tag_id, changed, error);
}

static gboolean
write_audit (ChorusRulesRun  *run,
             gint64           conversation_id,
             JsonObject      *detail,
             GError         **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), detail);
  g_autofree char *text = json_to_string (node, FALSE);
  sqlite3_stmt *stmt = statement (run, STMT_AUDIT, conversation_id);

  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, run->db, "rule audit");
      return FALSE;
    }

  return TRUE;
}

/* The actions that set a column of the conversation, with their audit
 * key. */
static const struct
{
  const char *key;
  Statement   statement;
} column_actions[] = {
  { "assignee", STMT_SET_ASSIGNEE },
  { "status", STMT_SET_STATUS },
  { "priority", STMT_SET_PRIORITY },
};

/* Runs the actions of @rule; those that changed something go in the
 * audit detail. */
static gboolean
apply_one (ChorusRulesRun  *run,
           ChorusRule      *rule,
           gint64           conversation_id,
           GError         **error)
{
  g_autoptr(JsonObject) detail = json_object_new ();
  const gint64 values[G_N_ELEMENTS (column_actions)] = {
    chorus_rule_get_assignee_id (rule),
    chorus_rule_get_status_id (rule),
    chorus_rule_get_priority (rule),
  };
  /* What each value is when the rule does not set that column. */
  const gint64 nothing[G_N_ELEMENTS (column_actions)] = { 0, 0, CHORUS_RULE_NO_PRIORITY };
  gboolean changed = FALSE;

  /* The name too, so the history can tell it after the rule is gone. */
  json_object_set_int_member (detail, "rule", chorus_rule_get_id (rule));
  json_object_set_string_member (detail, "name", chorus_rule_get_name (rule));

  if (chorus_rule_get_tag_name (rule) != NULL)
    {
      if (!add_tag (run, conversation_id, chorus_rule_get_tag_name (rule), &changed, error))
        return FALSE;
      if (changed)
        json_object_set_string_member (detail, "tag", chorus_rule_get_tag_name (rule));
    }

  for (guint i = 0; i < G_N_ELEMENTS (column_actions); i++)
    {
      if (values[i] == nothing[i])
        continue;
      if (!run_action (run, column_actions[i].statement, conversation_id, values[i], &changed, error))
        return FALSE;
      if (changed)
        json_object_set_int_member (detail, column_actions[i].key, values[i]);
    }

  if (json_object_get_size (detail) == 2)
    return TRUE;

  return write_audit (run, conversation_id, detail, error);
}

/**
 * _chorus_rules_run_apply:
 * @run: a #ChorusRulesRun
 * @conversation_id: the conversation @post went into
 * @author_id: the identity of its author, or 0 when unknown
 * @post: a new post that is not the brand's own
 * @error: a location for a #GError
 *
 * Applies every enabled rule @post matches, in order.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
_chorus_rules_run_apply (ChorusRulesRun      *run,
                         gint64               conversation_id,
                         gint64               author_id,
                         ChorusIncomingPost  *post,
                         GError             **error)
{
  ChorusInboxSegments segments = 0;
  g_autofree char *folded = NULL;

  if (run->rules->len == 0 || (post->author != NULL && post->author->bot))
    return TRUE;

  /* Segments cost a query per post: read them only for a rule that asks. */
  if (run->wants_segments && author_id > 0 && !read_segments (run, author_id, &segments, error))
    return FALSE;

  /* The post's words, folded once for all the rules. */
  folded = _chorus_rule_fold_text (post->text);
  for (guint i = 0; i < run->rules->len; i++)
    {
      ChorusRule *rule = g_ptr_array_index (run->rules, i);

      if (_chorus_rule_matches_folded (rule, folded, post->network, post->language, segments) &&
          !apply_one (run, rule, conversation_id, error))
        return FALSE;
    }

  return TRUE;
}
