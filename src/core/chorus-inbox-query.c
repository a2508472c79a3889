/* chorus-inbox-query.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-inbox-filter-private.h"
#include "chorus-inbox-query-private.h"
#include "chorus-search-query.h"
#include "chorus-store-private.h"

/* Turns an inbox filter into one SQL query. The text is put together only
 * from the fixed fragments below and numbered parameters; every value a
 * person chose is bound, never pasted. Each query walks an index in the
 * order the inbox shows, so the first rows come at once however many
 * match, and join order and indexes are pinned (CROSS JOIN, INDEXED BY) so
 * that no planner guess can turn a walk into a sort of a million rows
 * (checked on a 1,000,000-post workspace, see tests/bench-inbox.c):
 *
 * - Without free text or from:, a walk of conversations_inbox, newest
 *   activity first. It holds every triage column, so the filters are
 *   checked in the index; segments look up a small set built once, and
 *   tags a set built once for a whole list, or each conversation's own
 *   tags for a first page (see add_tag_condition()).
 * - With free text, a walk of posts_fts by rowid, newest first: post keys
 *   follow time, so this is the order of the newest matching post, and no
 *   hit is sorted. posts_inbox gives each hit's conversation and author.
 *   A conversation comes once per matching post; the caller keeps the
 *   first. Conversation filters join the conversation by its key, through
 *   "+p.conversation_id": else SQLite carries a condition on c.id (tags)
 *   over to posts_inbox and seeks it once per hit and per listed id.
 * - With from: and no text, the posts of those authors and their
 *   conversations from posts_author alone, newest first: the identities
 *   are looked up first, and each one's posts are walked in key order, the
 *   walks merged (UNION ALL ... ORDER BY) rather than every post of a
 *   brand's account (80,000) sorted before the first row: 84 ms -> 0.2 ms
 *   for the first page of its open conversations. */

/* More identities than this (one handle on many servers) are read in one
 * walk and sorted. */
#define MAX_AUTHOR_WALKS 32

typedef struct
{
  gboolean  is_text;
  gint64    number;
  char     *text;
} Value;

typedef struct
{
  GString  *where;        /* " AND …" fragments over c, the conversation */
  GString  *post_where;   /* the same over the post p of a search */
  GArray   *values;       /* Value; ?N binds values[N - 1] */
  gboolean  first_page;   /* the rows wanted are a first page */
} Query;

static void
clear_value (gpointer data)
{
  Value *value = data;

  g_clear_pointer (&value->text, g_free);
}

static void
query_clear (Query *query)
{
  g_string_free (query->where, TRUE);
  g_string_free (query->post_where, TRUE);
  g_array_unref (query->values);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static void
query_init (Query *query)
{
  query->where = g_string_new (NULL);
  query->post_where = g_string_new (NULL);
  query->values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_array_set_clear_func (query->values, clear_value);
}

/* Appends a placeholder for @number to @sql. */
static void
bind_int (Query   *query,
          GString *sql,
          gint64   number)
{
  Value value = { FALSE, number, NULL };

  g_array_append_val (query->values, value);
  g_string_append_printf (sql, "?%u", query->values->len);
}

/* Returns the number of the parameter, for fragments that use it twice. */
static guint
bind_text (Query      *query,
           GString    *sql,
           const char *text)
{
  Value value = { TRUE, 0, g_strdup (text) };

  g_array_append_val (query->values, value);
  g_string_append_printf (sql, "?%u", query->values->len);
  return query->values->len;
}

static void
add_int_list (Query        *query,
              const char   *column,
              const gint64 *numbers,
              gsize         n_numbers)
{
  if (n_numbers == 0)
    return;

  g_string_append_printf (query->where, " AND %s IN (", column);
  for (gsize i = 0; i < n_numbers; i++)
    {
      if (i > 0)
        g_string_append (query->where, ", ");
      bind_int (query, query->where, numbers[i]);
    }
  g_string_append_c (query->where, ')');
}

static void
add_text_list (Query              *query,
               GString            *sql,
               const char         *column,
               const char * const *texts)
{
  if (texts == NULL || texts[0] == NULL)
    return;

  g_string_append_printf (sql, " AND %s IN (", column);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      bind_text (query, sql, texts[i]);
    }
  g_string_append_c (sql, ')');
}

/* "pt" lets "pt" and "pt-BR" through; @codes are in lower case. */
static void
add_languages (Query              *query,
               const char * const *codes)
{
  if (codes == NULL || codes[0] == NULL)
    return;

  g_string_append (query->where, " AND (");
  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint n;

      if (i > 0)
        g_string_append (query->where, " OR ");
      g_string_append (query->where, "lower (c.language) = ");
      n = bind_text (query, query->where, codes[i]);
      g_string_append_printf (query->where,
                              " OR lower (substr (c.language, 1, length (?%u) + 1)) = ?%u || '-'", n, n);
    }
  g_string_append_c (query->where, ')');
}

static void
add_flag_keys (Query              *query,
               GString            *sql,
               const char         *column,
               guint               flags,
               const char * const *keys,
               guint               n_keys)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  for (guint i = 0; i < n_keys; i++)
    {
      if (flags & (1u << i))
        g_ptr_array_add (chosen, (gpointer) keys[i]);
    }
  g_ptr_array_add (chosen, NULL);

  add_text_list (query, sql, column, (const char * const *) chosen->pdata);
}

static void
add_sentiments (Query                 *query,
                ChorusInboxSentiments  sentiments)
{
  static const gint64 values[CHORUS_INBOX_N_SENTIMENTS] = { -1, 0, 1 };
  gint64 chosen[CHORUS_INBOX_N_SENTIMENTS];
  gsize n = 0;

  for (guint i = 0; i < CHORUS_INBOX_N_SENTIMENTS; i++)
    {
      if (sentiments & (1u << i))
        chosen[n++] = values[i];
    }

  add_int_list (query, "coalesce (c.sentiment_override, c.sentiment, 0)", chosen, n);
}

static void
add_assignee (Query                   *query,
              const ChorusInboxFilter *filter)
{
  gint64 member_id;

  switch (chorus_inbox_filter_get_assignee (filter, &member_id))
    {
    case CHORUS_INBOX_ASSIGNEE_ANY:
      break;

    case CHORUS_INBOX_ASSIGNEE_MINE:
      /* Without a member marked as me, the subquery is NULL: nothing matches. */
      g_string_append (query->where,
                       " AND c.assignee_id = (SELECT id FROM team_members WHERE is_me <> 0"
                       "                      ORDER BY id LIMIT 1)");
      break;

    case CHORUS_INBOX_ASSIGNEE_UNASSIGNED:
      g_string_append (query->where, " AND c.assignee_id IS NULL");
      break;

    case CHORUS_INBOX_ASSIGNEE_MEMBER:
    default:
      g_string_append (query->where, " AND c.assignee_id = ");
      bind_int (query, query->where, member_id);
      break;
    }
}

/* The person who wrote a conversation's first post is its author, as the
 * inbox row shows; the identities of a segment are a small set. */
static void
add_segments (Query               *query,
              ChorusInboxSegments  segments)
{
  if (segments == 0)
    return;

  g_string_append (query->where,
                   " AND (SELECT t.author_id FROM posts t INDEXED BY posts_thread"
                   "      WHERE t.conversation_id = c.id ORDER BY t.id LIMIT 1)"
                   "     IN (SELECT i.id FROM person_segments s"
                   "         JOIN identities i ON i.person_id = s.person_id"
                   "         WHERE 1");
  add_flag_keys (query, query->where, "s.segment", segments,
                 _chorus_inbox_segment_keys, CHORUS_INBOX_N_SEGMENTS);
  g_string_append_c (query->where, ')');
}

/* A first page probes each conversation the walk meets for its tags,
 * and stops after a few hundred; a whole list gathers the conversations
 * of a tag once, which costs less than probing every one it walks (tag
 * "defect", 40,000 conversations: the first 25 in 0.3 ms rather than 7,
 * all of them in 90 ms rather than 240). */
static void
add_tag_condition (Query      *query,
                   const char *tag_ids)
{
  if (query->first_page)
    g_string_append_printf (query->where,
                            " AND EXISTS (SELECT 1 FROM conversation_tags t"
                            "             WHERE t.conversation_id = c.id AND t.tag_id IN (%s))", tag_ids);
  else
    g_string_append_printf (query->where,
                            " AND c.id IN (SELECT t.conversation_id FROM conversation_tags t"
                            "              WHERE t.tag_id IN (%s))", tag_ids);
}

static void
add_tags (Query                   *query,
          const ChorusInboxFilter *filter,
          const char * const      *names)
{
  gsize n_ids;
  const gint64 *ids = chorus_inbox_filter_get_tag_ids (filter, &n_ids);

  /* Any of the chosen tags… */
  if (n_ids > 0)
    {
      g_autoptr(GString) chosen = g_string_new (NULL);

      for (gsize i = 0; i < n_ids; i++)
        {
          if (i > 0)
            g_string_append (chosen, ", ");
          bind_int (query, chosen, ids[i]);
        }
      add_tag_condition (query, chosen->str);
    }

  /* …and every tag: of the search (tags.name ignores case). */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GString) named = g_string_new ("SELECT g.id FROM tags g WHERE g.name = ");

      bind_text (query, named, names[i]);
      add_tag_condition (query, named->str);
    }
}

static void
add_conversation_filters (Query                   *query,
                          const ChorusInboxFilter *filter,
                          const ChorusSearchQuery *search,
                          gboolean                 unread_only)
{
  gsize n_ids;
  const gint64 *ids;
  gint64 since, until;

  add_text_list (query, query->where, "c.network", chorus_inbox_filter_get_networks (filter));
  ids = chorus_inbox_filter_get_source_ids (filter, &n_ids);
  add_int_list (query, "c.source_id", ids, n_ids);
  ids = chorus_inbox_filter_get_status_ids (filter, &n_ids);
  add_int_list (query, "c.status_id", ids, n_ids);
  add_assignee (query, filter);
  add_sentiments (query, chorus_inbox_filter_get_sentiments (filter));
  add_languages (query, chorus_inbox_filter_get_languages (filter));
  add_languages (query, (const char * const *) search->languages);

  chorus_inbox_filter_get_date_range (filter, &since, &until);
  if (since != 0)
    {
      g_string_append (query->where, " AND c.last_activity_at >= ");
      bind_int (query, query->where, since);
    }
  if (until != 0)
    {
      g_string_append (query->where, " AND c.last_activity_at < ");
      bind_int (query, query->where, until);
    }

  if (unread_only || chorus_inbox_filter_get_unread_only (filter))
    g_string_append (query->where, " AND c.unread <> 0");
  if (chorus_inbox_filter_get_question_only (filter))
    g_string_append (query->where, " AND c.has_question <> 0");

  add_tags (query, filter, (const char * const *) search->tags);
  add_segments (query, chorus_inbox_filter_get_segments (filter));
}

/* The identities from: names: "handle" on any server, or "handle@server",
 * as a condition over identities. */
static void
add_identities (Query               *query,
                GString             *sql,
                const char * const  *authors)
{
  for (guint i = 0; authors[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (authors[i], "@", 2);

      g_string_append (sql, i > 0 ? " OR (handle = " : "(handle = ");
      bind_text (query, sql, parts[0]);
      g_string_append (sql, " COLLATE NOCASE");
      if (parts[1] != NULL)
        {
          g_string_append (sql, " AND server = ");
          bind_text (query, sql, parts[1]);
          g_string_append (sql, " COLLATE NOCASE");
        }
      g_string_append_c (sql, ')');
    }
}

static gboolean
bind_values (sqlite3       *db,
             sqlite3_stmt  *stmt,
             GArray        *values,
             GError       **error)
{
  for (guint i = 0; i < values->len; i++)
    {
      const Value *value = &g_array_index (values, Value, i);
      int rc = value->is_text ? sqlite3_bind_text (stmt, i + 1, value->text, -1, SQLITE_TRANSIENT)
                              : sqlite3_bind_int64 (stmt, i + 1, value->number);

      if (rc != SQLITE_OK)
        {
          _chorus_set_sqlite_error (error, db, "bind");
          return FALSE;
        }
    }

  return TRUE;
}

/* Returns: (transfer full): the ids of the identities @authors name, or
 * %NULL with @error set */
static GArray *
find_authors (sqlite3             *db,
              const char * const  *authors,
              GError             **error)
{
  g_auto(Query) lookup = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *sql = g_string_new ("SELECT id FROM identities WHERE ");
  int rc;

  query_init (&lookup);
  add_identities (&lookup, sql, authors);
  g_string_append (sql, " ORDER BY id");
  stmt = _chorus_sql_prepare (db, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL || !bind_values (db, stmt, lookup.values, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (ids, (gint64) { sqlite3_column_int64 (stmt, 0) });
  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "authors");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* One walk of posts_author: the posts of the authors @condition keeps,
 * with their conversations when conversation filters need them. */
static void
append_author_walk (GString    *sql,
                    Query      *query,
                    const char *condition)
{
  g_string_append (sql, "SELECT a.conversation_id, a.id FROM posts a INDEXED BY posts_author");
  if (query->where->len > 0)
    g_string_append (sql, " CROSS JOIN conversations c ON c.id = +a.conversation_id");
  g_string_append_printf (sql, " WHERE %s", condition);
  g_string_append (sql, query->where->str);
}

/* Each identity's posts come newest first from its own walk of the index,
 * and SQLite merges the walks in order: nothing is sorted. */
static void
append_authors (GString *sql,
                Query   *query,
                GArray  *author_ids)
{
  /* No such identity: a walk that finds nothing, and still takes the
   * values the conversation filters bound. */
  if (author_ids->len == 0)
    {
      append_author_walk (sql, query, "a.author_id = NULL");
      return;
    }

  if (author_ids->len > MAX_AUTHOR_WALKS)
    {
      GString *in = g_string_new ("a.author_id IN (");

      for (guint i = 0; i < author_ids->len; i++)
        {
          if (i > 0)
            g_string_append (in, ", ");
          bind_int (query, in, g_array_index (author_ids, gint64, i));
        }
      g_string_append_c (in, ')');
      append_author_walk (sql, query, in->str);
      g_string_free (in, TRUE);
      g_string_append (sql, " ORDER BY a.id DESC");
      return;
    }

  for (guint i = 0; i < author_ids->len; i++)
    {
      g_autoptr(GString) condition = g_string_new ("a.author_id = ");

      bind_int (query, condition, g_array_index (author_ids, gint64, i));
      if (i > 0)
        g_string_append (sql, " UNION ALL ");
      append_author_walk (sql, query, condition->str);
    }
  g_string_append (sql, " ORDER BY 2 DESC");
}

static char *
build_sql (Query                   *query,
           const ChorusSearchQuery *search,
           ChorusInboxDriver        driver,
           GArray                  *author_ids)
{
  GString *sql = g_string_new (NULL);
  gboolean join_conversation = query->where->len > 0;

  switch (driver)
    {
    case CHORUS_INBOX_DRIVER_CONVERSATIONS:
      g_string_append (sql, "SELECT c.id FROM conversations c INDEXED BY conversations_inbox WHERE 1");
      g_string_append (sql, query->where->str);
      g_string_append (sql, " ORDER BY c.last_activity_at DESC, c.id DESC");
      break;

    case CHORUS_INBOX_DRIVER_SEARCH:
      g_string_append (sql,
                       "SELECT p.conversation_id FROM posts_fts f"
                       " CROSS JOIN posts p INDEXED BY posts_inbox ON p.id = f.rowid");
      if (join_conversation)
        g_string_append (sql, " CROSS JOIN conversations c ON c.id = +p.conversation_id");
      g_string_append (sql, " WHERE posts_fts MATCH ");
      bind_text (query, sql, search->match);
      g_string_append (sql, query->post_where->str);
      g_string_append (sql, query->where->str);
      g_string_append (sql, " ORDER BY f.rowid DESC");
      break;

    case CHORUS_INBOX_DRIVER_AUTHORS:
    default:
      append_authors (sql, query, author_ids);
      break;
    }

  return g_string_free (sql, FALSE);
}

/* Returns: (transfer full): the query of @filter, or %NULL with @error
 * set; from: alone needs its identities looked up in @db first. */
static char *
build (sqlite3                  *db,
       const ChorusInboxFilter  *filter,
       gboolean                  unread_only,
       gboolean                  first_page,
       Query                    *query,
       ChorusInboxDriver        *driver,
       GError                  **error)
{
  g_autoptr(ChorusInboxFilter) everything = NULL;
  g_autoptr(ChorusSearchQuery) search = NULL;
  g_autoptr(GArray) author_ids = NULL;
  const char * const *from;

  if (filter == NULL)
    filter = everything = chorus_inbox_filter_new ();

  search = chorus_search_query_parse (chorus_inbox_filter_get_search (filter));
  from = (const char * const *) search->from;
  query_init (query);
  query->first_page = first_page;
  add_conversation_filters (query, filter, search, unread_only);

  if (search->match != NULL)
    {
      *driver = CHORUS_INBOX_DRIVER_SEARCH;
      if (from[0] != NULL)
        {
          g_string_append (query->post_where, " AND p.author_id IN (SELECT id FROM identities WHERE ");
          add_identities (query, query->post_where, from);
          g_string_append_c (query->post_where, ')');
        }
    }
  else if (from[0] != NULL)
    {
      *driver = CHORUS_INBOX_DRIVER_AUTHORS;
      if (!(author_ids = find_authors (db, from, error)))
        return NULL;
    }
  else
    *driver = CHORUS_INBOX_DRIVER_CONVERSATIONS;

  return build_sql (query, search, *driver, author_ids);
}

/**
 * _chorus_inbox_query_prepare:
 * @db: a connection to the workspace
 * @filter: (nullable): what to list; %NULL for every conversation
 * @unread_only: also keep only unread conversations, as for a badge
 * @first_page: only the first rows will be read: the same rows in the
 *   same order, by a plan that finds the first ones sooner
 * @driver: (out): what the rows walk
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a statement whose rows hold conversation ids
 *   in the order the inbox shows them, repeated for the post drivers
 */
sqlite3_stmt *
_chorus_inbox_query_prepare (sqlite3                  *db,
                             const ChorusInboxFilter  *filter,
                             gboolean                  unread_only,
                             gboolean                  first_page,
                             ChorusInboxDriver        *driver,
                             GError                  **error)
{
  g_auto(Query) query = { 0 };
  g_autofree char *sql = build (db, filter, unread_only, first_page, &query, driver, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sql == NULL ||
      !(stmt = _chorus_sql_prepare (db, sql, error)) ||
      !bind_values (db, stmt, query.values, error))
    return NULL;

  return g_steal_pointer (&stmt);
}

/**
 * _chorus_inbox_query_explain:
 *
 * Returns: (transfer full): the lines of EXPLAIN QUERY PLAN for the query
 *   of @filter, each on a line of its own, for tests to check that it walks
 *   indexes and sorts nothing big
 */
char *
_chorus_inbox_query_explain (sqlite3                  *db,
                             const ChorusInboxFilter  *filter,
                             gboolean                  first_page,
                             GError                  **error)
{
  g_auto(Query) query = { 0 };
  ChorusInboxDriver driver;
  g_autofree char *sql = build (db, filter, FALSE, first_page, &query, &driver, error);
  g_autofree char *explain = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *plan;
  int rc;

  if (sql == NULL)
    return NULL;

  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  plan = g_string_new (NULL);
  if (!(stmt = _chorus_sql_prepare (db, explain, error)) ||
      !bind_values (db, stmt, query.values, error))
    return (char *) g_string_free (plan, TRUE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "explain");
      return (char *) g_string_free (plan, TRUE);
    }

  return g_string_free (plan, FALSE);
}
