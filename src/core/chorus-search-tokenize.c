/* chorus-search-tokenize.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-search-private.h"

/* Splits text into words the way the posts_fts tokenizer does (unicode61
 * with remove_diacritics 2), so that the search box can tell a term with
 * no word in it from one with words, and highlighting marks what SQLite
 * matched. Checked against SQLite 3.40: letters, numbers and private-use
 * characters make words, and so do the combining diacritics U+0300–U+036F,
 * which are dropped; everything else separates words. Letters are lowered
 * and Latin ones lose their diacritics ("Ångström" is "angstrom"), while
 * other scripts keep theirs, as SQLite's table only covers Latin. */

static gboolean
is_diacritic (gunichar c)
{
  return c >= 0x300 && c < 0x370;
}

static gboolean
is_latin (gunichar c)
{
  return (c >= 0xc0 && c < 0x250) || (c >= 0x1e00 && c < 0x1f00);
}

static gboolean
is_token_char (gunichar c)
{
  static const guint32 word_types =
    1u << G_UNICODE_LOWERCASE_LETTER | 1u << G_UNICODE_MODIFIER_LETTER |
    1u << G_UNICODE_OTHER_LETTER | 1u << G_UNICODE_TITLECASE_LETTER |
    1u << G_UNICODE_UPPERCASE_LETTER | 1u << G_UNICODE_DECIMAL_NUMBER |
    1u << G_UNICODE_LETTER_NUMBER | 1u << G_UNICODE_OTHER_NUMBER |
    1u << G_UNICODE_PRIVATE_USE;
  GUnicodeType type = g_unichar_type (c);

  if (type == G_UNICODE_NON_SPACING_MARK)
    return is_diacritic (c);

  return (word_types >> type) & 1;
}

static void
append_folded (GString  *folded,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gunichar lower;

  if (is_diacritic (c))
    return;

  lower = g_unichar_tolower (c);
  if (is_latin (lower) &&
      g_unichar_fully_decompose (lower, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    lower = decomposed[0];

  g_string_append_unichar (folded, lower);
}

static void
clear_token (gpointer data)
{
  ChorusSearchToken *token = data;

  g_clear_pointer (&token->folded, g_free);
}

/* Returns: (transfer full): a #GArray of #ChorusSearchToken in text order,
 *   for @text, which must be valid UTF-8. */
GArray *
_chorus_search_tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (ChorusSearchToken));
  g_autoptr(GString) folded = g_string_new (NULL);
  const char *p = text;
  const char *start = NULL;

  g_array_set_clear_func (tokens, clear_token);

  for (;;)
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_token_char (c))
        {
          if (start == NULL)
            start = p;
          append_folded (folded, c);
        }
      else if (start != NULL)
        {
          /* A word of lone diacritics folds to nothing, and SQLite drops it. */
          if (folded->len > 0)
            {
              ChorusSearchToken token = {
                .start = start - text,
                .end = p - text,
                .folded = g_strndup (folded->str, folded->len),
              };

              g_array_append_val (tokens, token);
            }
          g_string_truncate (folded, 0);
          start = NULL;
        }

      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }

  return tokens;
}
