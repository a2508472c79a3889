/* chorus-search-highlight.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-search-private.h"

/* Search results show where a post matched: an excerpt of its text centred
 * on the first match, with every word, prefix and phrase the query looks
 * for in bold. Matching folds case and Latin diacritics as posts_fts does.
 * Post text comes from the network, so it is repaired (invalid UTF-8,
 * control characters) and escaped piece by piece: whatever it holds, the
 * result is valid Pango markup whose only tags are our <b>s. */

typedef struct
{
  gsize start;  /* bytes */
  gsize end;
} Range;

/* Invalid UTF-8 repaired, and control and non-characters (which markup
 * cannot hold, and which would break an excerpt's line) made spaces. */
static char *
sanitize (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CONTROL || c == 0xfffe || c == 0xffff)
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

static gboolean
term_matches_at (const ChorusSearchTerm *term,
                 GArray                 *tokens,
                 guint                   first)
{
  guint n = g_strv_length (term->tokens);

  if (first + n > tokens->len)
    return FALSE;

  for (guint j = 0; j < n; j++)
    {
      const char *word = g_array_index (tokens, ChorusSearchToken, first + j).folded;

      if ((j + 1 == n && term->prefix) ? !g_str_has_prefix (word, term->tokens[j])
                                       : !g_str_equal (word, term->tokens[j]))
        return FALSE;
    }

  return TRUE;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a;
  const Range *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

/* The byte ranges to make bold, sorted, overlaps merged. */
static GArray *
find_matches (const ChorusSearchQuery *query,
              GArray                  *tokens)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Range));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Range));

  for (guint t = 0; query->terms != NULL && t < query->terms->len; t++)
    {
      const ChorusSearchTerm *term = g_ptr_array_index (query->terms, t);
      guint n = g_strv_length (term->tokens);

      for (guint i = 0; i < tokens->len; i++)
        {
          if (term_matches_at (term, tokens, i))
            {
              Range range = { g_array_index (tokens, ChorusSearchToken, i).start,
                              g_array_index (tokens, ChorusSearchToken, i + n - 1).end };

              g_array_append_val (found, range);
            }
        }
    }

  g_array_sort (found, compare_ranges);

  for (guint i = 0; i < found->len; i++)
    {
      Range range = g_array_index (found, Range, i);
      Range *last = merged->len > 0 ? &g_array_index (merged, Range, merged->len - 1) : NULL;

      if (last != NULL && range.start <= last->end)
        last->end = MAX (last->end, range.end);
      else
        g_array_append_val (merged, range);
    }

  return merged;
}

static gboolean
is_space_at (const char *text,
             gsize       offset)
{
  return g_unichar_isspace (g_utf8_get_char (text + offset));
}

static gboolean
is_space_before (const char *text,
                 gsize       offset)
{
  return g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + offset)));
}

static gsize
byte_at (const char *text,
         glong       chars)
{
  return g_utf8_offset_to_pointer (text, chars) - text;
}

/* Moves a cut that falls inside a word forward to the next space, but not
 * past @limit (where the first match starts). */
static gsize
snap_start (const char *text,
            gsize       start,
            gsize       limit)
{
  gsize p = start;

  if (start == 0 || is_space_before (text, start) || is_space_at (text, start))
    return start;

  while (p < limit && !is_space_at (text, p))
    p = g_utf8_next_char (text + p) - text;

  return p;
}

/* Moves a cut that falls inside a word back to the space before it, but not
 * before @limit (where the first match ends, a word's end too). */
static gsize
snap_end (const char *text,
          gsize       end,
          gsize       length,
          gsize       limit)
{
  gsize p = end;

  if (end >= length || is_space_before (text, end) || is_space_at (text, end))
    return end;

  while (p > limit && !is_space_before (text, p))
    p = g_utf8_prev_char (text + p) - text;

  return p > 0 ? p : end;
}

static gboolean
has_text (const char *text,
          gsize       start,
          gsize       end)
{
  for (gsize p = start; p < end; p = g_utf8_next_char (text + p) - text)
    {
      if (!is_space_at (text, p))
        return TRUE;
    }

  return FALSE;
}

/* The part of @text to show: at most @max_chars characters around the
 * first match, cut between words where it can be. */
static void
pick_window (const char *text,
             GArray     *matches,
             gsize       max_chars,
             gsize      *start,
             gsize      *end)
{
  gsize length = strlen (text);
  glong total = g_utf8_strlen (text, -1);
  Range first = { 0, 0 };
  glong first_start, first_chars, from, to;

  *start = 0;
  *end = length;
  if (max_chars == 0 || (gsize) total <= max_chars)
    return;

  if (matches->len > 0)
    first = g_array_index (matches, Range, 0);
  first_start = g_utf8_pointer_to_offset (text, text + first.start);
  first_chars = g_utf8_pointer_to_offset (text + first.start, text + first.end);

  if ((gsize) first_chars >= max_chars)
    from = first_start;
  else
    from = MAX (0, first_start - (glong) (max_chars - first_chars) / 2);
  to = MIN (total, from + (glong) max_chars);
  from = MAX (0, to - (glong) max_chars);

  *start = snap_start (text, byte_at (text, from), MAX (first.start, byte_at (text, from)));
  *end = snap_end (text, byte_at (text, to), length, MIN (first.end, byte_at (text, to)));
}

static void
append_escaped (GString    *markup,
                const char *text,
                gsize       start,
                gsize       end)
{
  g_autofree char *escaped = NULL;

  if (end <= start)
    return;

  escaped = g_markup_escape_text (text + start, end - start);
  g_string_append (markup, escaped);
}

static char *
build_markup (const char *text,
              GArray     *matches,
              gsize       start,
              gsize       end)
{
  GString *markup = g_string_new (NULL);
  gsize length = strlen (text);
  gsize visible_start = start;
  gsize visible_end = end;
  gsize position;

  /* Spaces at the cut would sit between the text and its "…". */
  while (visible_start < visible_end && is_space_at (text, visible_start))
    visible_start = g_utf8_next_char (text + visible_start) - text;
  while (visible_end > visible_start && is_space_before (text, visible_end))
    visible_end = g_utf8_prev_char (text + visible_end) - text;

  if (start > 0 && has_text (text, 0, start))
    g_string_append (markup, "…");

  position = visible_start;
  for (guint i = 0; i < matches->len; i++)
    {
      Range range = g_array_index (matches, Range, i);
      gsize from = MAX (range.start, visible_start);
      gsize to = MIN (range.end, visible_end);

      if (from >= to)
        continue;

      append_escaped (markup, text, position, from);
      g_string_append (markup, "<b>");
      append_escaped (markup, text, from, to);
      g_string_append (markup, "</b>");
      position = to;
    }
  append_escaped (markup, text, position, visible_end);

  if (end < length && has_text (text, end, length))
    g_string_append (markup, "…");

  return g_string_free (markup, FALSE);
}

/**
 * chorus_search_query_highlight:
 * @query: a #ChorusSearchQuery
 * @text: (nullable): the text of a post that matched it
 * @max_chars: how many characters of @text to show at most, not counting
 *   the "…" that mark a cut; 0 shows all of it
 *
 * Returns: (transfer full): Pango markup of an excerpt of @text centred on
 *   the first match, with the matches in <b>, cut between words where it
 *   can be, with "…" where it was cut
 */
char *
chorus_search_query_highlight (const ChorusSearchQuery *query,
                               const char              *text,
                               gsize                    max_chars)
{
  g_autofree char *clean = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) matches = NULL;
  gsize start, end;

  g_return_val_if_fail (query != NULL, NULL);

  clean = sanitize (text != NULL ? text : "");
  tokens = _chorus_search_tokenize (clean);
  matches = find_matches (query, tokens);
  pick_window (clean, matches, max_chars, &start, &end);

  return build_markup (clean, matches, start, end);
}
