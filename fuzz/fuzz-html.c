/* fuzz-html.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The HTML sanitizer: a post's HTML to plain text and Pango markup, with
 * links resolved against a base, and the other ways text from outside
 * becomes markup. */

#include "config.h"

#include "chorus-html.h"
#include "fuzz-util.h"

#define BASE_URI "https://social.example.org/@someone/1"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *bare_plain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *sanitized = NULL;
  g_autofree char *link = NULL;

  fuzz_init ();

  if (chorus_html_convert_full ((const char *) data, size, BASE_URI, &plain, &markup, NULL))
    {
      g_assert (g_utf8_validate (plain, -1, NULL));
      fuzz_check_markup (markup);
    }
  chorus_html_convert ((const char *) data, size, &bare_plain, NULL, NULL);

  text = fuzz_dup_utf8 (data, size);
  escaped = chorus_html_escape_plain (text);
  sanitized = chorus_html_sanitize_text ((const char *) data, size);
  link = chorus_html_resolve_link (BASE_URI, text);
  fuzz_check_markup (escaped);
  g_assert (sanitized == NULL || g_utf8_validate (sanitized, -1, NULL));

  return 0;
}
