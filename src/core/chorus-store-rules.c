/* chorus-store-rules.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-conversation.h"
#include "chorus-error.h"
#include "chorus-search-query.h"
#include "chorus-store-inbox.h"
#include "chorus-store-rules.h"
#include "chorus-store-rules-private.h"
#include "chorus-store-triage-private.h"

/* Triage rules, as Preferences edits them: "when a new customer post
 * matches, then tag, assign, set the status or the priority". The table
 * holds a handful of rows, so editing blocks on the store's own
 * connection, which the main thread may use for short work. The dry run,
 * how many conversations a rule's conditions match now, is the inbox's
 * own count (FTS5 for the text), off the main thread. Ingest applies the
 * rules (chorus-store-rules-apply.c). */

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* A rule's text holds only words and phrases: ingest matches those
 * alone, so a from:, tag: or lang: would count in the dry run and never
 * apply. */
static gboolean
check_text (ChorusRule  *rule,
            GError     **error)
{
  const char *text = chorus_inbox_filter_get_search (chorus_rule_get_conditions (rule));
  g_autoptr(ChorusSearchQuery) query = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  query = chorus_search_query_parse (text);
  if (query->match == NULL || query->from[0] != NULL || query->tags[0] != NULL ||
      query->languages[0] != NULL)
    return set_invalid (error, _("The text of a rule can only hold words and phrases."));

  return TRUE;
}

/* The rule's name, trimmed, once the rule can be saved. */
static char *
check_rule (ChorusRule  *rule,
            GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (chorus_rule_get_name (rule)));

  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    set_invalid (error, _("A rule needs a name."));
  else if (!chorus_rule_has_conditions (rule))
    set_invalid (error, _("A rule needs at least one condition."));
  else if (!chorus_rule_has_actions (rule))
    set_invalid (error, _("A rule needs at least one action."));
  else if (chorus_rule_get_priority (rule) > CHORUS_PRIORITY_HIGH)
    set_invalid (error, _("This priority does not exist."));
  else if (check_text (rule, error))
    return g_steal_pointer (&name);

  return NULL;
}

/* Binds name ?1, enabled ?2, conditions ?3 and actions ?4. */
static void
bind_rule (sqlite3_stmt *stmt,
           ChorusRule   *rule,
           const char   *name)
{
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, chorus_rule_get_enabled (rule));
  sqlite3_bind_text (stmt, 3, chorus_inbox_filter_serialize (chorus_rule_get_conditions (rule)), -1, g_free);
  sqlite3_bind_text (stmt, 4, chorus_rule_serialize_actions (rule), -1, g_free);
}

static gboolean
change_one (sqlite3       *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "rule");
      return FALSE;
    }

  if (sqlite3_changes (db) == 1)
    return TRUE;

  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("The rule no longer exists."));
  return FALSE;
}

/**
 * chorus_store_list_rules:
 * @self: a #ChorusStore
 * @error: a location for a #GError
 *
 * Every rule, enabled or not, in the order they apply. A rule this
 * version cannot read (one saved by a newer version) is left out, and
 * left alone. Blocking, on the store's connection, but cheap: a small
 * table.
 *
 * Returns: (transfer full) (element-type ChorusRule): the rules, or %NULL
 *   with @error set
 */
GPtrArray *
chorus_store_list_rules (ChorusStore  *self,
                         GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return _chorus_rules_load (_chorus_store_get_db (self), FALSE, error);
}

/**
 * chorus_store_add_rule:
 * @self: a #ChorusStore
 * @rule: the rule to add; it needs a name, a condition and an action
 * @error: a location for a #GError
 *
 * Adds @rule after the others and sets its id and position. Blocking,
 * but cheap: see chorus_store_list_rules().
 *
 * Returns: the id of the new rule, or 0 with @error set
 *   (%CHORUS_ERROR_INVALID_ARGUMENT when @rule cannot be saved)
 */
gint64
chorus_store_add_rule (ChorusStore  *self,
                       ChorusRule   *rule,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (CHORUS_IS_RULE (rule), 0);

  if (!(name = check_rule (rule, error)))
    return 0;

  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db,
                                    "INSERT INTO rules (name, enabled, conditions, actions, position,"
                                    "  created_at)"
                                    " VALUES (?1, ?2, ?3, ?4, (SELECT coalesce (max (position) + 1, 0)"
                                    "                          FROM rules), strftime ('%s', 'now'))"
                                    " RETURNING id, position",
                                    error)))
    return 0;

  bind_rule (stmt, rule, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "rule");
      return 0;
    }

  chorus_rule_set_id (rule, sqlite3_column_int64 (stmt, 0));
  chorus_rule_set_position (rule, sqlite3_column_int (stmt, 1));
  return chorus_rule_get_id (rule);
}

/**
 * chorus_store_update_rule:
 * @self: a #ChorusStore
 * @rule: a rule read from the store, changed
 * @error: a location for a #GError
 *
 * Saves the name, the enabled switch, the conditions and the actions of
 * @rule (not its position: see chorus_store_reorder_rules()). Blocking,
 * but cheap: see chorus_store_list_rules().
 *
 * Returns: %TRUE, or %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when
 *   the rule is gone)
 */
gboolean
chorus_store_update_rule (ChorusStore  *self,
                          ChorusRule   *rule,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_RULE (rule), FALSE);

  if (!(name = check_rule (rule, error)))
    return FALSE;

  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db,
                                    "UPDATE rules SET name = ?1, enabled = ?2, conditions = ?3,"
                                    "  actions = ?4 WHERE id = ?5",
                                    error)))
    return FALSE;

  bind_rule (stmt, rule, name);
  sqlite3_bind_int64 (stmt, 5, chorus_rule_get_id (rule));
  return change_one (db, stmt, error);
}

/**
 * chorus_store_delete_rule:
 * @self: a #ChorusStore
 * @id: the rule
 * @error: a location for a #GError
 *
 * Blocking, but cheap: see chorus_store_list_rules(). What the rule did
 * stays done, and its audit entries stay.
 *
 * Returns: %TRUE, or %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when
 *   the rule was gone already)
 */
gboolean
chorus_store_delete_rule (ChorusStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  db = _chorus_store_get_db (self);
  stmt = _chorus_sql_prepare_with_id (db, "DELETE FROM rules WHERE id = ?1", id, error);
  return stmt != NULL && change_one (db, stmt, error);
}

/* @ids as a JSON array, for json_each (). */
static char *
ids_to_json (const gint64 *ids,
             gsize         n_ids)
{
  GString *json = g_string_new ("[");

  for (gsize i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/**
 * chorus_store_reorder_rules:
 * @self: a #ChorusStore
 * @ids: (array length=n_ids): rules in the order they should apply
 * @n_ids: how many there are
 * @error: a location for a #GError
 *
 * Puts the rules @ids names first, in that order; the others follow in
 * the order they had. All or nothing: if a rule is gone
 * (%CHORUS_ERROR_NOT_FOUND), nothing moves. Blocking, but cheap: see
 * chorus_store_list_rules().
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
chorus_store_reorder_rules (ChorusStore   *self,
                            const gint64  *ids,
                            gsize          n_ids,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  /* One statement, so nothing moves unless every id is there: a listed
   * rule takes the place of its first mention, the others keep their
   * order after all of those. */
  json = ids_to_json (ids, n_ids);
  db = _chorus_store_get_db (self);
  if (!(stmt = _chorus_sql_prepare (db,
                                    "UPDATE rules SET position = coalesce ("
                                    "  (SELECT min (j.key) FROM json_each (?1) j WHERE j.value = rules.id),"
                                    "  ?2 + position)"
                                    " WHERE NOT EXISTS (SELECT 1 FROM json_each (?1) j"
                                    "                   WHERE j.value NOT IN (SELECT id FROM rules))",
                                    error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) n_ids);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "rules");
      return FALSE;
    }

  if (n_ids > 0 && sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("The rule no longer exists."));
      return FALSE;
    }

  return TRUE;
}

static void
on_count_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (!chorus_store_count_conversations_finish (CHORUS_STORE (source), result, &count, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, count);
}

/**
 * chorus_store_count_rule_matches_async:
 * @self: a #ChorusStore
 * @rule: a rule, saved or not
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the count is known
 * @user_data: data for @callback
 *
 * The dry run of a rule: counts the conversations its conditions match
 * now, with the inbox's query (FTS5 for the text, in any post of the
 * conversation; segments of the person who started it), in a worker.
 */
void
chorus_store_count_rule_matches_async (ChorusStore         *self,
                                       ChorusRule          *rule,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (CHORUS_IS_RULE (rule));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_count_rule_matches_async);
  chorus_store_count_conversations_async (self, chorus_rule_get_conditions (rule), FALSE, cancellable,
                                          on_count_done_cb, task);
}

/**
 * chorus_store_count_rule_matches_finish:
 * @self: a #ChorusStore
 * @result: the #GAsyncResult
 * @count: (out): how many conversations match
 * @error: a location for a #GError
 *
 * Returns: %TRUE with @count set, or %FALSE with @error set
 */
gboolean
chorus_store_count_rule_matches_finish (ChorusStore   *self,
                                        GAsyncResult  *result,
                                        guint         *count,
                                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *count = (guint) value;
  return TRUE;
}
