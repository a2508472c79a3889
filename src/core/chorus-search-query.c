/* chorus-search-query.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-search-private.h"

/* The inbox's search box, parsed without SQL: free text becomes an FTS5
 * MATCH expression in which every term is a double-quoted string, so that
 * nothing a person types (column filters like "text:", NEAR(, ^, AND, OR,
 * NOT, stray quotes or stars) reaches FTS5 as syntax; it is all searched as
 * words. `word*` keeps its prefix search as `"word" *`, "a phrase" stays a
 * phrase (an unbalanced quote runs to the end), and terms are ANDed.
 * from:, tag: and lang: are collected apart, for the store to turn into
 * conditions it binds. */

typedef enum
{
  QUALIFIER_FROM,
  QUALIFIER_TAG,
  QUALIFIER_LANG,
  N_QUALIFIERS
} Qualifier;

static const char * const qualifier_prefixes[N_QUALIFIERS] = {
  [QUALIFIER_FROM] = "from:",
  [QUALIFIER_TAG] = "tag:",
  [QUALIFIER_LANG] = "lang:",
};

typedef struct
{
  GString   *match;
  GPtrArray *lists[N_QUALIFIERS];
  GPtrArray *terms;
} Parser;

static void
term_free (ChorusSearchTerm *term)
{
  g_strfreev (term->tokens);
  g_free (term);
}

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* A bare word runs to the next space or quote. */
static const char *
word_end (const char *p)
{
  while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Reads the text between a quote at *p and the next one, or the end. */
static char *
read_quoted (const char **p)
{
  const char *start = *p + 1;
  const char *end = strchr (start, '"');
  char *inside;

  if (end == NULL)
    end = start + strlen (start);

  inside = g_strndup (start, end - start);
  *p = *end == '"' ? end + 1 : end;
  return inside;
}

static void
add_text (Parser     *parser,
          const char *text,
          gboolean    prefix)
{
  g_autoptr(GArray) tokens = _chorus_search_tokenize (text);
  g_autoptr(GStrvBuilder) folded = NULL;
  ChorusSearchTerm *term;

  /* FTS5 matches nothing for a string without words, which would empty the
   * whole AND: a lone "*" or "?" searches for nothing instead. */
  if (tokens->len == 0)
    return;

  if (parser->match->len > 0)
    g_string_append (parser->match, " AND ");
  g_string_append_c (parser->match, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (parser->match, '"');
      g_string_append_c (parser->match, *c);
    }
  g_string_append (parser->match, prefix ? "\" *" : "\"");

  folded = g_strv_builder_new ();
  for (guint i = 0; i < tokens->len; i++)
    g_strv_builder_add (folded, g_array_index (tokens, ChorusSearchToken, i).folded);

  term = g_new0 (ChorusSearchTerm, 1);
  term->tokens = g_strv_builder_end (folded);
  term->prefix = prefix;
  g_ptr_array_add (parser->terms, term);
}

static gboolean
is_language_code (const char *code)
{
  gsize length = strlen (code);

  if (length == 0 || length > 35 || !g_ascii_isalpha (code[0]))
    return FALSE;

  for (const char *c = code; *c != '\0'; c++)
    {
      if (!g_ascii_isalnum (*c) && *c != '-')
        return FALSE;
    }

  return TRUE;
}

/* "@alice", "alice", "@alice@example.social" or "alice@example.social"; as
 * SQLite's NOCASE does, only ASCII letters are folded. */
static char *
normalize_author (const char *value)
{
  g_autofree char *lower = g_ascii_strdown (value[0] == '@' ? value + 1 : value, -1);
  char *at = strchr (lower, '@');

  if (lower[0] == '\0' || lower[0] == '@')
    return NULL;
  if (at != NULL && (at[1] == '\0' || strchr (at + 1, '@') != NULL))
    return NULL;

  return g_steal_pointer (&lower);
}

static void
add_qualified (Parser     *parser,
               Qualifier   qualifier,
               const char *raw)
{
  g_autofree char *stripped = g_strstrip (g_strdup (raw));
  g_autofree char *value = NULL;
  GPtrArray *list = parser->lists[qualifier];

  switch (qualifier)
    {
    case QUALIFIER_FROM:
      value = normalize_author (stripped);
      break;

    case QUALIFIER_TAG:
      if (stripped[0] != '\0')
        value = g_ascii_strdown (stripped, -1);
      break;

    case QUALIFIER_LANG:
      if (is_language_code (stripped))
        value = g_ascii_strdown (stripped, -1);
      break;

    case N_QUALIFIERS:
    default:
      g_assert_not_reached ();
    }

  /* Half typed ("from:") or not a value: it narrows nothing. */
  if (value == NULL)
    return;

  for (guint i = 0; i < list->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (list, i), value))
        return;
    }

  g_ptr_array_add (list, g_steal_pointer (&value));
}

static gboolean
match_qualifier (const char **p,
                 Qualifier   *qualifier)
{
  for (guint i = 0; i < N_QUALIFIERS; i++)
    {
      gsize length = strlen (qualifier_prefixes[i]);

      if (g_ascii_strncasecmp (*p, qualifier_prefixes[i], length) == 0)
        {
          *p += length;
          *qualifier = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* A quoted text, or a bare word. */
static char *
read_value (const char **p)
{
  const char *end;
  char *value;

  if (**p == '"')
    return read_quoted (p);

  end = word_end (*p);
  value = g_strndup (*p, end - *p);
  *p = end;
  return value;
}

static const char *
parse_chunk (Parser     *parser,
             const char *p)
{
  g_autofree char *value = NULL;
  Qualifier qualifier;
  gboolean prefix = FALSE;

  if (match_qualifier (&p, &qualifier))
    {
      value = read_value (&p);
      add_qualified (parser, qualifier, value);
      return p;
    }

  value = read_value (&p);

  /* A star right after a word or a closing quote asks for a prefix. */
  while (*p == '*')
    {
      prefix = TRUE;
      p++;
    }
  while (value[0] != '\0' && value[strlen (value) - 1] == '*')
    {
      prefix = TRUE;
      value[strlen (value) - 1] = '\0';
    }

  add_text (parser, value, prefix);
  return p;
}

static char **
end_list (GPtrArray *list)
{
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/**
 * chorus_search_query_parse:
 * @text: (nullable): what was typed in the search box
 *
 * Never fails: whatever the text holds is searched for as words. Invalid
 * UTF-8 is repaired first.
 *
 * Returns: (transfer full): the query; see chorus_search_query_is_empty()
 */
ChorusSearchQuery *
chorus_search_query_parse (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  ChorusSearchQuery *query = g_new0 (ChorusSearchQuery, 1);
  Parser parser = { 0 };
  const char *p = valid;

  parser.match = g_string_new (NULL);
  parser.terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  for (guint i = 0; i < N_QUALIFIERS; i++)
    parser.lists[i] = g_ptr_array_new_with_free_func (g_free);

  while (*(p = skip_space (p)) != '\0')
    p = parse_chunk (&parser, p);

  if (parser.match->len > 0)
    query->match = g_string_free (parser.match, FALSE);
  else
    g_string_free (parser.match, TRUE);
  query->from = end_list (parser.lists[QUALIFIER_FROM]);
  query->tags = end_list (parser.lists[QUALIFIER_TAG]);
  query->languages = end_list (parser.lists[QUALIFIER_LANG]);
  query->terms = parser.terms;

  return query;
}

void
chorus_search_query_free (ChorusSearchQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->match);
  g_strfreev (query->from);
  g_strfreev (query->tags);
  g_strfreev (query->languages);
  g_clear_pointer (&query->terms, g_ptr_array_unref);
  g_free (query);
}

/**
 * chorus_search_query_is_empty:
 * @query: a #ChorusSearchQuery
 *
 * Returns: %TRUE if @query narrows nothing: the text was empty, blank, or
 *   held no word and no complete from:, tag: or lang:
 */
gboolean
chorus_search_query_is_empty (const ChorusSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);

  return query->match == NULL && query->from[0] == NULL &&
         query->tags[0] == NULL && query->languages[0] == NULL;
}
