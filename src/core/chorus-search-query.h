/* chorus-search-query.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a person typed in the inbox's search box, taken apart. The lists
 * are never %NULL (empty when the query has none) and hold no duplicates. */
typedef struct
{
  char       *match;      /* a safe FTS5 MATCH expression, or NULL without free text */
  char      **from;       /* authors: "handle" or "handle@server", without a leading "@" */
  char      **tags;       /* tag names */
  char      **languages;  /* language codes, in lower case */
  /*< private >*/
  GPtrArray  *terms;      /* what chorus_search_query_highlight() looks for */
} ChorusSearchQuery;

ChorusSearchQuery *chorus_search_query_parse     (const char              *text);
void               chorus_search_query_free      (ChorusSearchQuery       *query);
gboolean           chorus_search_query_is_empty  (const ChorusSearchQuery *query);
char              *chorus_search_query_highlight (const ChorusSearchQuery *query,
                                                  const char              *text,
                                                  gsize                    max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusSearchQuery, chorus_search_query_free)

G_END_DECLS
