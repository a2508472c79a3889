/* chorus-text.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-html.h"
#include "chorus-text.h"

/* Names and handles come from other people: from networks, CRM files and
 * old workspaces, written before the parsers cleaned them. Shown by
 * Chorus, they must not reorder or hide the interface around them. */

#define FIRST_STRONG_ISOLATE "\xe2\x81\xa8"   /* U+2068 */
#define POP_DIRECTIONAL_ISOLATE "\xe2\x81\xa9" /* U+2069 */

/**
 * chorus_text_safe_name:
 * @name: (nullable): a display name or a handle from outside
 *
 * @name as one line that is safe to show on its own: valid UTF-8, without
 * bidi embeddings, overrides or isolates, invisible spacers (zero-width
 * space, word joiner, BOM) or control characters; line breaks and tabs
 * become spaces, and the ends are trimmed. The zero-width joiner and
 * non-joiner stay: emoji sequences and several scripts need them, and
 * they reorder nothing.
 *
 * Returns: (transfer full) (nullable): the name to show, or %NULL for %NULL
 */
char *
chorus_text_safe_name (const char *name)
{
  char *safe;

  if (name == NULL)
    return NULL;

  safe = chorus_html_sanitize_text (name, -1);
  for (char *p = safe; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';

  return g_strstrip (safe);
}

/**
 * chorus_text_isolate:
 * @text: (nullable): a name or any text from outside, to be placed inside
 *   one of Chorus's own sentences
 *
 * chorus_text_safe_name() of @text, between a first-strong isolate
 * (U+2068) and a pop directional isolate (U+2069): an Arabic or Hebrew
 * name inside an English sentence, or a Latin one inside a Hebrew
 * sentence, keeps its own direction without moving the words, numbers or
 * punctuation around it.
 *
 * Returns: (transfer full): the isolated text; "" isolated for %NULL
 */
char *
chorus_text_isolate (const char *text)
{
  g_autofree char *safe = chorus_text_safe_name (text != NULL ? text : "");

  return g_strconcat (FIRST_STRONG_ISOLATE, safe, POP_DIRECTIONAL_ISOLATE, NULL);
}
