/* chorus-search-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-search-query.h"

G_BEGIN_DECLS

/* One word of a text as the posts_fts tokenizer (unicode61
 * remove_diacritics 2) sees it. */
typedef struct
{
  gsize  start;   /* byte offsets in the text */
  gsize  end;
  char  *folded;  /* lower case, without the diacritics of Latin letters */
} ChorusSearchToken;

/* One free-text term of a query: a word or a phrase. */
typedef struct
{
  char     **tokens;  /* folded */
  gboolean   prefix;  /* the last token only has to start a word */
} ChorusSearchTerm;

GArray *_chorus_search_tokenize (const char *text);

G_END_DECLS
