/* chorus-store-merges-suggest.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-profile-links.h"
#include "chorus-store-merges.h"
#include "chorus-store-merges-private.h"
#include "chorus-store-people-private.h"
#include "chorus-store-triage-private.h"

/* Who might be the same person as someone: another person (not merged
 * away, not dismissed for this one, not opted out) who
 *  (a) has the same name (chorus_profile_name_key()) and links to the same
 *      page, or
 *  (b) is linked to: one's profile links to the other's profile, either
 *      way ("Their Mastodon profile links to this Bluesky account").
 * Every lookup is a seek: the person's accounts through identities_person,
 * the accounts a link names through identities_handle (the link's last
 * path part is the handle, and the profile address must then match), and
 * the accounts that carry a link through merge_links, a TEMP table of
 * (link, identity) that each pooled connection keeps. merge_links is
 * filled once, then only with accounts added since (their ids are above
 * the last one read); when ingest changes a profile it bumps a counter and
 * the table is filled again on its next use. Names are compared in memory
 * among the few people a link leads to. */

#define MAX_PER_LINK     200
#define MAX_SUGGESTIONS  10

#define IDENTITY_COLUMNS \
  "id, network, server, handle, display_name, avatar_url, profile_url, account_created_at, links"

static gint generation = 1;

/**
 * _chorus_merge_keys_invalidate:
 *
 * Says that a profile's name or links may have changed, so that every
 * connection's merge_links is filled again before its next use.
 */
void
_chorus_merge_keys_invalidate (void)
{
  g_atomic_int_inc (&generation);
}

static void
suggestion_free (ChorusMergeSuggestion *suggestion)
{
  g_free (suggestion->display_name);
  g_free (suggestion->reason);
  g_clear_pointer (&suggestion->identities, g_ptr_array_unref);
  g_free (suggestion);
}

/**
 * chorus_merge_suggestions_free:
 * @suggestions: (nullable): what chorus_store_suggest_merges() returned
 */
void
chorus_merge_suggestions_free (ChorusMergeSuggestions *suggestions)
{
  if (suggestions == NULL)
    return;

  g_ptr_array_unref (suggestions->suggestions);
  g_free (suggestions);
}

gboolean
_chorus_person_read_opt_outs (sqlite3        *db,
                              gint64          person_id,
                              ChorusOptOuts  *opt_outs,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT coalesce (max (is_bot), 0),"
                                            "  coalesce (max (noindex OR discoverable = 0), 0)"
                                            " FROM identities WHERE person_id = ?1",
                                            person_id, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "opt-outs");
      return FALSE;
    }

  *opt_outs = (sqlite3_column_int (stmt, 0) ? CHORUS_OPT_OUT_BOT : 0) |
              (sqlite3_column_int (stmt, 1) ? CHORUS_OPT_OUT_NOINDEX : 0);
  return TRUE;
}

/* Fills merge_links with the accounts it lacks. */
static gboolean
refresh_links (sqlite3  *db,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) state = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint current = g_atomic_int_get (&generation);
  gint64 from = 0;
  gint64 max_id = 0;
  int rc;

  if (!_chorus_sql_exec (db,
                         "CREATE TEMP TABLE IF NOT EXISTS merge_links ("
                         "  link TEXT NOT NULL, identity_id INTEGER NOT NULL);"
                         "CREATE INDEX IF NOT EXISTS temp.merge_links_link ON merge_links (link);"
                         "CREATE TEMP TABLE IF NOT EXISTS merge_links_state ("
                         "  max_id INTEGER NOT NULL, generation INTEGER NOT NULL);",
                         error) ||
      !(state = _chorus_sql_prepare (db,
                                     "SELECT max_id, generation, (SELECT coalesce (max (id), 0) FROM main.identities)"
                                     " FROM temp.merge_links_state"
                                     " UNION ALL SELECT -1, -1, (SELECT coalesce (max (id), 0) FROM main.identities)",
                                     error)))
    return FALSE;

  if (sqlite3_step (state) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "merge links");
      return FALSE;
    }

  max_id = sqlite3_column_int64 (state, 2);
  if (sqlite3_column_int64 (state, 1) == current)
    from = sqlite3_column_int64 (state, 0);
  if (from == max_id)
    return TRUE;

  if ((from == 0 && !_chorus_sql_exec (db, "DELETE FROM temp.merge_links", error)) ||
      !(read = _chorus_sql_prepare_with_id (db, "SELECT id, links FROM main.identities WHERE id > ?1 AND links <> ''",
                                            from, error)) ||
      !(insert = _chorus_sql_prepare (db, "INSERT INTO temp.merge_links (link, identity_id) VALUES (?1, ?2)", error)))
    return FALSE;

  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      g_auto(GStrv) links = g_strsplit ((const char *) sqlite3_column_text (read, 1), "\n", -1);

      for (guint i = 0; links[i] != NULL; i++)
        {
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, links[i], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 2, sqlite3_column_int64 (read, 0));
          if (!_chorus_sql_step_done (db, insert, "merge links", error))
            return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "merge links");
      return FALSE;
    }

  g_clear_pointer (&insert, sqlite3_finalize);
  if (!_chorus_sql_exec (db, "DELETE FROM temp.merge_links_state", error) ||
      !(insert = _chorus_sql_prepare (db, "INSERT INTO temp.merge_links_state VALUES (?1, ?2)", error)))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, max_id);
  sqlite3_bind_int (insert, 2, current);
  return _chorus_sql_step_done (db, insert, "merge links", error);
}

/* One person's accounts, with what suggestions compare. */
typedef struct
{
  gint64     id;
  char      *display_name;
  GPtrArray *identities;    /* ChorusIdentity */
  GPtrArray *links;         /* char *, one per identity: its links, one per line */
  GPtrArray *names;         /* char *: name keys */
} Someone;

static void
someone_free (Someone *someone)
{
  g_free (someone->display_name);
  g_ptr_array_unref (someone->identities);
  g_ptr_array_unref (someone->links);
  g_ptr_array_unref (someone->names);
  g_free (someone);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Someone, someone_free)

static void
add_name (Someone    *someone,
          const char *name,
          const char *handle)
{
  g_autofree char *key = chorus_profile_name_key (name);
  g_autofree char *handle_key = handle != NULL ? g_utf8_casefold (handle, -1) : NULL;

  /* A name that is only the handle again (what ingest stores when the
   * network gave no name) says nothing. */
  if (key != NULL && g_strcmp0 (key, handle_key) != 0 &&
      !g_ptr_array_find_with_equal_func (someone->names, key, g_str_equal, NULL))
    g_ptr_array_add (someone->names, g_steal_pointer (&key));
}

/* The person, or NULL (without an error) when they were merged away. */
static Someone *
read_someone (sqlite3  *db,
              gint64    person_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) person = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(Someone) someone = NULL;
  int rc;

  if (!(person = _chorus_sql_prepare_with_id (db, "SELECT display_name, merged_into FROM people WHERE id = ?1",
                                              person_id, error)))
    return NULL;

  if ((rc = sqlite3_step (person)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _chorus_set_person_gone (error);
      else
        _chorus_set_sqlite_error (error, db, "person");
      return NULL;
    }
  if (sqlite3_column_type (person, 1) != SQLITE_NULL)
    return NULL;

  someone = g_new0 (Someone, 1);
  someone->id = person_id;
  someone->display_name = _chorus_sql_dup_text (person, 0);
  someone->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_identity_free);
  someone->links = g_ptr_array_new_with_free_func (g_free);
  someone->names = g_ptr_array_new_with_free_func (g_free);

  if (!(stmt = _chorus_sql_prepare_with_id (db,
                                            "SELECT " IDENTITY_COLUMNS " FROM identities"
                                            " WHERE person_id = ?1 ORDER BY id",
                                            person_id, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusIdentity *identity = _chorus_build_identity (stmt);

      g_ptr_array_add (someone->identities, identity);
      g_ptr_array_add (someone->links, _chorus_sql_dup_text (stmt, 8));
      add_name (someone, identity->display_name, identity->handle);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "person");
      return NULL;
    }

  add_name (someone, someone->display_name,
            someone->identities->len > 0 ? ((ChorusIdentity *) g_ptr_array_index (someone->identities, 0))->handle : NULL);
  return g_steal_pointer (&someone);
}

static gboolean
share_a_name (Someone *a,
              Someone *b)
{
  for (guint i = 0; i < a->names->len; i++)
    if (g_ptr_array_find_with_equal_func (b->names, g_ptr_array_index (a->names, i), g_str_equal, NULL))
      return TRUE;

  return FALSE;
}

/* A candidate and why: the first reason found is kept. */
typedef struct
{
  sqlite3    *db;
  Someone    *person;
  GHashTable *reasons;    /* person id → char *reason */
  GHashTable *same_link;  /* person id → char *link, for the name rule */
} Search;

static void
add_reason (GHashTable *table,
            gint64      person_id,
            char       *reason)
{
  if (g_hash_table_contains (table, &person_id))
    {
      g_free (reason);
      return;
    }

  g_hash_table_insert (table, g_memdup2 (&person_id, sizeof person_id), reason);
}

static char *
dup_linked_reason (gboolean    theirs,
                   const char *from_network,
                   const char *to_network)
{
  if (theirs)
    /* Translators: why two people might be the same; the first %s is a
     * network ("Mastodon") of the other person, the second one of the
     * person shown ("Bluesky"). */
    return g_strdup_printf (_("Their %s profile links to this %s account"),
                            chorus_format_network (from_network), chorus_format_network (to_network));

  /* Translators: why two people might be the same; the first %s is a
   * network ("Mastodon") of the person shown, the second one of the other
   * person ("Bluesky"). */
  return g_strdup_printf (_("This %s profile links to their %s account"),
                          chorus_format_network (from_network), chorus_format_network (to_network));
}

/* One lookup of candidates: from the person's account @identity, through
 * @link. */
typedef struct
{
  Search         *search;
  ChorusIdentity *identity;
  const char     *link;
} Lookup;

typedef void (*LookupRowFunc) (Lookup       *lookup,
                               sqlite3_stmt *stmt);

/* Runs @sql with @key as ?1 and the person as ?2, handing each row to @func. */
static gboolean
run_lookup (Lookup         *lookup,
            const char     *sql,
            const char     *key,
            LookupRowFunc   func,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare (lookup->search->db, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, lookup->search->person->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (lookup, stmt);

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, lookup->search->db, "suggestions");
      return FALSE;
    }

  return TRUE;
}

/* An account found by handle counts when its profile is the link. */
static void
add_linked_profile (Lookup       *lookup,
                    sqlite3_stmt *stmt)
{
  g_autofree char *profile = chorus_profile_link_normalize ((const char *) sqlite3_column_text (stmt, 2));

  if (g_strcmp0 (profile, lookup->link) == 0)
    add_reason (lookup->search->reasons, sqlite3_column_int64 (stmt, 0),
                dup_linked_reason (FALSE, lookup->identity->network, (const char *) sqlite3_column_text (stmt, 1)));
}

/* An account that carries the link: to the person's profile when
 * @lookup->identity is set, else to a page the person links to too. */
static void
add_carrier (Lookup       *lookup,
             sqlite3_stmt *stmt)
{
  gint64 other = sqlite3_column_int64 (stmt, 0);

  if (lookup->identity != NULL)
    add_reason (lookup->search->reasons, other,
                dup_linked_reason (TRUE, (const char *) sqlite3_column_text (stmt, 1), lookup->identity->network));
  else
    add_reason (lookup->search->same_link, other, g_strdup (lookup->link));
}

/* The accounts whose profile is @link: found by handle, then compared. */
static gboolean
find_linked_profiles (Search          *search,
                      ChorusIdentity  *from,
                      const char      *link,
                      GError         **error)
{
  g_autofree char *handle = chorus_profile_link_dup_handle (link);
  Lookup lookup = { search, from, link };

  return handle == NULL ||
         run_lookup (&lookup,
                     "SELECT person_id, network, profile_url FROM identities"
                     " WHERE handle = ?1 COLLATE NOCASE AND person_id <> ?2 LIMIT 50",
                     handle, add_linked_profile, error);
}

/* The accounts that carry @link. @to is the person's account at that
 * address, or NULL when @link is one the person links to themselves. */
static gboolean
find_carriers (Search          *search,
               ChorusIdentity  *to,
               const char      *link,
               GError         **error)
{
  Lookup lookup = { search, to, link };

  return run_lookup (&lookup,
                     "SELECT i.person_id, i.network FROM temp.merge_links m"
                     " JOIN main.identities i ON i.id = m.identity_id"
                     " WHERE m.link = ?1 AND i.person_id <> ?2 LIMIT " G_STRINGIFY (MAX_PER_LINK),
                     link, add_carrier, error);
}

static gboolean
find_candidates (Search  *search,
                 GError **error)
{
  Someone *person = search->person;

  for (guint i = 0; i < person->identities->len; i++)
    {
      ChorusIdentity *identity = g_ptr_array_index (person->identities, i);
      g_auto(GStrv) links = g_strsplit (g_ptr_array_index (person->links, i), "\n", -1);
      g_autofree char *profile = chorus_profile_link_normalize (identity->profile_url);

      if (profile != NULL && !find_carriers (search, identity, profile, error))
        return FALSE;

      for (guint j = 0; links[j] != NULL; j++)
        if (*links[j] != '\0' &&
            (!find_linked_profiles (search, identity, links[j], error) ||
             !find_carriers (search, NULL, links[j], error)))
          return FALSE;
    }

  return TRUE;
}

static gboolean
is_dismissed (sqlite3  *db,
              gint64    a,
              gint64    b,
              gboolean *dismissed,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT EXISTS (SELECT 1 FROM merge_dismissals"
                                    "  WHERE person_a = min (?1, ?2) AND person_b = max (?1, ?2))",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "suggestions");
      return FALSE;
    }

  *dismissed = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The suggestion for @other, or NULL (without an error) when they do not
 * qualify: merged away, dismissed, opted out, or only sharing a link
 * under another name. */
static ChorusMergeSuggestion *
check_candidate (Search   *search,
                 gint64    other_id,
                 GError  **error)
{
  g_autoptr(Someone) other = NULL;
  ChorusMergeSuggestion *suggestion;
  ChorusOptOuts opt_outs;
  gboolean dismissed;
  const char *reason = g_hash_table_lookup (search->reasons, &other_id);
  const char *link = g_hash_table_lookup (search->same_link, &other_id);
  GError *local_error = NULL;

  if (!is_dismissed (search->db, search->person->id, other_id, &dismissed, error) ||
      !_chorus_person_read_opt_outs (search->db, other_id, &opt_outs, error))
    return NULL;
  if (dismissed || opt_outs != CHORUS_OPT_OUT_NONE)
    return NULL;

  if (!(other = read_someone (search->db, other_id, &local_error)))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (reason == NULL && !share_a_name (search->person, other))
    return NULL;

  suggestion = g_new0 (ChorusMergeSuggestion, 1);
  suggestion->person_id = other_id;
  suggestion->display_name = g_steal_pointer (&other->display_name);
  suggestion->identities = g_ptr_array_ref (other->identities);
  if (reason != NULL)
    suggestion->reason = g_strdup (reason);
  else
    {
      g_autofree char *label = chorus_profile_link_dup_label (link);

      /* Translators: why two people might be the same; %s is a web
       * address such as "example.org". */
      suggestion->reason = g_strdup_printf (_("Same name and both link to %s"), label);
    }

  return suggestion;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
add_keys (GHashTable *table,
          GHashTable *seen,
          GArray     *ids)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_add (seen, key))
      g_array_append_val (ids, *(gint64 *) key);
}

static gboolean
collect (Search     *search,
         GPtrArray  *suggestions,
         GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  add_keys (search->reasons, seen, ids);
  add_keys (search->same_link, seen, ids);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len && suggestions->len < MAX_SUGGESTIONS; i++)
    {
      GError *local_error = NULL;
      ChorusMergeSuggestion *suggestion = check_candidate (search, g_array_index (ids, gint64, i),
                                                           &local_error);

      if (local_error != NULL && !g_error_matches (local_error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      g_clear_error (&local_error);
      if (suggestion != NULL)
        g_ptr_array_add (suggestions, suggestion);
    }

  return TRUE;
}

static ChorusMergeSuggestions *
suggest (sqlite3  *db,
         gint64    person_id,
         GError  **error)
{
  g_autoptr(ChorusMergeSuggestions) result = g_new0 (ChorusMergeSuggestions, 1);
  g_autoptr(Someone) person = NULL;
  g_autoptr(GHashTable) reasons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) same_link = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GError *local_error = NULL;
  Search search = { db, NULL, reasons, same_link };

  result->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  if (!_chorus_person_read_opt_outs (db, person_id, &result->opt_outs, error))
    return NULL;

  if (!(person = read_someone (db, person_id, &local_error)))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      return g_steal_pointer (&result);
    }

  /* Someone who opted out is not offered to anyone, nor anyone to them. */
  if (result->opt_outs != CHORUS_OPT_OUT_NONE)
    return g_steal_pointer (&result);

  search.person = person;
  if (!refresh_links (db, error) || !find_candidates (&search, error) ||
      !collect (&search, result->suggestions, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* In one snapshot, on a connection of its own (merge_links stays with it). */
static ChorusMergeSuggestions *
suggest_on (ChorusStore  *self,
            gint64        person_id,
            GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  ChorusMergeSuggestions *result;

  if (!_chorus_sql_exec (connection->db, "BEGIN", error))
    return NULL;

  result = suggest (connection->db, person_id, error);
  sqlite3_exec (connection->db, result != NULL ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  return result;
}

/**
 * chorus_store_suggest_merges:
 * @self: a #ChorusStore
 * @person_id: a person of @self
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker, or use
 * chorus_store_suggest_merges_async(). Finds who might be the same person
 * (see the top of this file), at most ten, each with the reason. A person
 * merged into someone else, or who opted out, gets none.
 *
 * Returns: (transfer full): the suggestions and the person's opt-outs, or
 *   %NULL with @error set
 */
ChorusMergeSuggestions *
chorus_store_suggest_merges (ChorusStore  *self,
                             gint64        person_id,
                             GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return suggest_on (self, person_id, error);
}

static void
suggest_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ChorusMergeSuggestions *result = suggest_on (source_object, *(gint64 *) task_data, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) chorus_merge_suggestions_free);
}

void
chorus_store_suggest_merges_async (ChorusStore         *self,
                                   gint64               person_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_suggest_merges_async);
  g_task_set_task_data (task, g_memdup2 (&person_id, sizeof person_id), g_free);
  g_task_run_in_thread (task, suggest_worker);
}

/**
 * chorus_store_suggest_merges_finish:
 * @self: a #ChorusStore
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the suggestions, or %NULL with @error set
 */
ChorusMergeSuggestions *
chorus_store_suggest_merges_finish (ChorusStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chorus_store_suggest_merges_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
