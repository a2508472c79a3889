/* fuzz-search-query.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person types in the inbox's search box: the query parser, the
 * highlighter over a post's text, and the inbox query built from it, run
 * against a real (empty, in-memory) workspace schema, where SQLite must
 * accept its FTS5 MATCH expression. The same bytes are also read as a
 * saved view's filter, whose query runs too. */

#include "config.h"

#include <sqlite3.h>

#include "chorus-inbox-filter.h"
#include "chorus-inbox-query-private.h"
#include "chorus-search-query.h"
#include "chorus-store-private.h"
#include "fuzz-util.h"

#define POST_TEXT "Café con leche at the Chorus meetup: #coffee, @ana@social.example and “quotes”. 5/5!"

static sqlite3 *
get_db (void)
{
  static sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  if (db != NULL)
    return db;

  g_assert (sqlite3_open (":memory:", &db) == SQLITE_OK);
  if (!_chorus_migrations_apply (db, _chorus_migrations_latest (), &error))
    g_error ("%s", error->message);

  return db;
}

/* Every query of a filter must run: a search is no reason for an error. */
static void
run_query (const ChorusInboxFilter *filter)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  ChorusInboxDriver driver;
  int rc;

  if (!(stmt = _chorus_inbox_query_prepare (get_db (), filter, FALSE, TRUE, &driver, &error)))
    g_error ("The inbox query did not prepare: %s", error->message);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("The inbox query failed: %s", sqlite3_errmsg (get_db ()));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *highlighted = NULL;
  g_autofree char *own = NULL;
  g_autoptr(ChorusSearchQuery) query = NULL;
  g_autoptr(ChorusInboxFilter) filter = NULL;
  g_autoptr(ChorusInboxFilter) saved = NULL;

  fuzz_init ();

  text = fuzz_dup_utf8 (data, size);
  query = chorus_search_query_parse (text);
  chorus_search_query_is_empty (query);
  highlighted = chorus_search_query_highlight (query, POST_TEXT, 40);
  own = chorus_search_query_highlight (query, text, 0);

  filter = chorus_inbox_filter_new ();
  chorus_inbox_filter_set_search (filter, text);
  run_query (filter);

  json = fuzz_dup_string (data, size);
  if ((saved = chorus_inbox_filter_deserialize (json, NULL)))
    run_query (saved);

  return 0;
}
