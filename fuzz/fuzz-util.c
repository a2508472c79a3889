/* fuzz-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every fuzz target shares: a criticals-are-crashes setup, and the
 * input as the strings the code under test takes. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "chorus-incoming.h"
#include "fuzz-util.h"

/* Debug and info messages would only slow the run down. A fatal one ends
 * the run with abort(), which libFuzzer catches and keeps the input of
 * (GLib's own way out, a breakpoint trap, it does not). */
static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/**
 * fuzz_init:
 *
 * Sets up the process once; each target calls it first on every input.
 * A warning or a critical is a finding as much as a crash is: input from
 * outside must never reach a g_return_if_fail(), so both abort.
 */
void
fuzz_init (void)
{
  static gboolean done = FALSE;

  if (done)
    return;
  done = TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (quiet_writer, NULL, NULL);
}

/**
 * fuzz_dup_string:
 * @data: the input
 * @size: its length
 *
 * Returns: (transfer full): the input as a nul-terminated string (cut at a
 *   nul byte inside it, as a C string would be)
 */
char *
fuzz_dup_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/**
 * fuzz_dup_utf8:
 * @data: the input
 * @size: its length
 *
 * For the code that only ever sees text that was UTF-8 already (what a
 * person types, a post's text once a parser has read it).
 *
 * Returns: (transfer full): the input as valid UTF-8, without nul bytes
 */
char *
fuzz_dup_utf8 (const uint8_t *data,
               size_t         size)
{
  g_autofree char *text = fuzz_dup_string (data, size);

  return g_utf8_make_valid (text, -1);
}

/**
 * fuzz_check_markup:
 * @markup: (nullable): what a parser gave as Pango markup
 *
 * Aborts unless @markup is what the parsers promise: valid UTF-8 that
 * Pango's markup reader (GMarkup inside one element) accepts.
 */
void
fuzz_check_markup (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;

  if (markup == NULL)
    return;

  g_assert (g_utf8_validate (markup, -1, NULL));
  document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, document, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("Markup that Pango would refuse (%s): %s", error->message, markup);
}

/**
 * fuzz_check_posts:
 * @posts: (nullable) (element-type ChorusIncomingPost): what a parser read
 *
 * Aborts unless each post is what every connector promises the store: a
 * network and a URI, and text and markup it can show.
 */
void
fuzz_check_posts (GPtrArray *posts)
{
  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (posts, i);

      g_assert (post->network != NULL && post->uri != NULL);
      g_assert (post->text == NULL || g_utf8_validate (post->text, -1, NULL));
      fuzz_check_markup (post->markup);
    }
}

/**
 * fuzz_check_and_free_posts:
 * @posts: (nullable) (transfer full) (element-type ChorusIncomingPost):
 *   what a parser read
 *
 * fuzz_check_posts(), then frees @posts: for a target that reads the same
 * bytes with several parsers, one after the other.
 */
void
fuzz_check_and_free_posts (GPtrArray *posts)
{
  fuzz_check_posts (posts);
  g_clear_pointer (&posts, g_ptr_array_unref);
}
