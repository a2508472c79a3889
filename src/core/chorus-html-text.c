/* chorus-html-text.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text-level safety shared by the HTML walker and by plain-text sources:
 * characters that could reorder or hide the interface are dropped, links
 * are kept only when they are http, https or mailto, and plain text becomes
 * escaped markup with its web addresses linked. */

#include "config.h"

#include <string.h>

#include "chorus-html.h"
#include "chorus-html-private.h"
#include "chorus-parse-json-private.h"

#define MAX_URL  (8 * 1024)
#define ELLIPSIS "\xe2\x80\xa6"

/* Characters that could reorder or hide the interface (bidi embeddings,
 * overrides and isolates), invisible spacers, and controls that neither
 * Pango nor GMarkup accepts. ZWJ and ZWNJ stay: emoji sequences and several
 * scripts need them, and they cannot reorder anything. */
static gboolean
is_dropped_char (gunichar c)
{
  if (c < 0x20)
    return c != '\t' && c != '\n';
  if (c >= 0x7f && c <= 0x9f)
    return TRUE;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x206f))
    return TRUE;
  if (c == 0x200b || c == 0x2060 || c == 0xfeff || c == 0x180e)
    return TRUE;
  if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
    return TRUE;

  return FALSE;
}

/* C1 controls in real text are Windows-1252 bytes mislabelled as Latin-1
 * ("don\u0092t"); HTML5 maps them the same way for &#146;. */
static const gunichar windows_1252[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* @text must be valid UTF-8. */
void
_chorus_html_append_sanitized (GString    *out,
                               const char *text,
                               gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (next < end && *next == '\n')
            {
              p = next;
              continue;
            }
          c = '\n';
        }
      else if (c == '\f' || c == '\v')
        c = ' ';
      else if (c == 0x2028 || c == 0x2029)
        c = '\n';
      else if (c >= 0x80 && c <= 0x9f && windows_1252[c - 0x80] != 0)
        c = windows_1252[c - 0x80];

      if (c < 0x80 && !is_dropped_char (c))
        g_string_append_c (out, (char) c);
      else if (!is_dropped_char (c))
        g_string_append_unichar (out, c);

      p = next;
    }
}


/* Cuts @length back to a character boundary. */
gsize
_chorus_html_utf8_floor (const char *text,
                         gsize       length)
{
  while (length > 0 && (((guchar) text[length]) & 0xc0) == 0x80)
    length--;

  return length;
}

/**
 * chorus_html_resolve_link:
 * @base_uri: (nullable): the absolute URI relative links resolve against
 * @href: (nullable): a link target as written in a document
 *
 * Resolves @href against @base_uri and keeps it only if the result is an
 * absolute http, https or mailto URI that a person may safely click.
 * `javascript:`, `data:`, `vbscript:`, unresolvable relative and malformed
 * links give %NULL.
 *
 * Returns: (transfer full) (nullable): the absolute link, or %NULL
 */
char *
chorus_html_resolve_link (const char *base_uri,
                          const char *href)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GUri) uri = NULL;
  GString *stripped;
  const char *scheme;
  const char *host;
  const guchar *p;

  if (href == NULL)
    return NULL;

  /* As browsers do: "java\tscript:" is "javascript:". (GLib's relaxed
   * parsing would do this too, but trips over ";" in hosts.) */
  stripped = g_string_new (NULL);
  for (const char *c = href; *c != '\0'; c++)
    {
      if (*c != '\t' && *c != '\n' && *c != '\r')
        g_string_append_c (stripped, *c);
    }
  trimmed = g_strstrip (g_string_free (stripped, FALSE));
  if (*trimmed == '\0' || strlen (trimmed) > MAX_URL)
    return NULL;

  resolved = _chorus_parse_resolve_uri (base_uri, trimmed);
  if (resolved == NULL || strlen (resolved) > MAX_URL)
    return NULL;

  for (p = (const guchar *) resolved; *p != '\0'; p++)
    {
      if (*p <= 0x20 || *p == 0x7f)
        return NULL;
    }

  uri = g_uri_parse (resolved, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return host != NULL && *host != '\0' ? g_steal_pointer (&resolved) : NULL;
  if (g_ascii_strcasecmp (scheme, "mailto") == 0 && *g_uri_get_path (uri) != '\0')
    return g_steal_pointer (&resolved);

  return NULL;
}

/**
 * chorus_html_sanitize_text:
 * @text: plain text from the network
 * @length: its length in bytes, or -1 if it is nul-terminated
 *
 * Makes @text valid UTF-8 and removes what must not reach the interface:
 * bidi embeddings, overrides and isolates, invisible spacers (zero-width
 * space, word joiner, BOM) and control characters other than tab and
 * newline. Carriage returns become newlines.
 *
 * Returns: (transfer full): the cleaned text
 */
char *
chorus_html_sanitize_text (const char *text,
                           gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  valid = g_utf8_make_valid (text != NULL ? text : "", length);
  out = g_string_sized_new (strlen (valid));
  _chorus_html_append_sanitized (out, valid, strlen (valid));

  return g_string_free (out, FALSE);
}

static const char *
find_url_start (const char *start,
                const char *p)
{
  for (; *p != '\0'; p++)
    {
      if ((*p != 'h' && *p != 'H') || (p > start && g_ascii_isalnum (p[-1])))
        continue;
      if (g_ascii_strncasecmp (p, "http://", 7) == 0 && p[7] != '\0')
        return p;
      if (g_ascii_strncasecmp (p, "https://", 8) == 0 && p[8] != '\0')
        return p;
    }

  return NULL;
}

static const char *
find_url_end (const char *p)
{
  const char *end = p;
  int parens = 0;

  while (*end != '\0')
    {
      gunichar c = g_utf8_get_char (end);

      if (g_unichar_isspace (c) || c == '<' || c == '>' || c == '"' || c == '`')
        break;
      end = g_utf8_next_char (end);
    }

  for (const char *q = p; q < end; q++)
    parens += (*q == '(') - (*q == ')');

  /* Sentence punctuation after a link is not part of it. */
  while (end > p)
    {
      char last = end[-1];

      if (last == ')' && parens < 0)
        parens++;
      else if (strchr (".,;:!?'*]}", last) == NULL)
        break;
      end--;
    }

  return end;
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

/**
 * chorus_html_escape_plain:
 * @text: plain text (a Bluesky post, a JSON Feed `content_text`)
 *
 * Turns plain text into safe Pango markup: sanitized as
 * chorus_html_sanitize_text() does, escaped, with http and https URLs
 * made into links. Newlines stay. The text is capped at
 * %CHORUS_HTML_MAX_TEXT bytes.
 *
 * Returns: (transfer full): the markup
 */
char *
chorus_html_escape_plain (const char *text)
{
  g_autofree char *clean = NULL;
  gboolean truncated = FALSE;
  const char *p;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  clean = chorus_html_sanitize_text (text, -1);
  if (strlen (clean) > CHORUS_HTML_MAX_TEXT)
    {
      clean[_chorus_html_utf8_floor (clean, CHORUS_HTML_MAX_TEXT)] = '\0';
      truncated = TRUE;
    }

  out = g_string_sized_new (strlen (clean) + 16);
  p = clean;
  while (*p != '\0')
    {
      const char *url_start = find_url_start (clean, p);
      const char *url_end;
      g_autofree char *url = NULL;
      g_autofree char *link = NULL;

      if (url_start == NULL)
        {
          append_escaped (out, p, -1);
          break;
        }

      append_escaped (out, p, url_start - p);
      url_end = find_url_end (url_start);
      url = g_strndup (url_start, url_end - url_start);
      link = chorus_html_resolve_link (NULL, url);

      if (link != NULL)
        {
          g_autofree char *href = g_markup_escape_text (link, -1);
          g_autofree char *label = g_markup_escape_text (url, -1);

          g_string_append_printf (out, "<a href=\"%s\">%s</a>", href, label);
        }
      else
        append_escaped (out, url, -1);
      p = url_end;
    }

  if (truncated)
    g_string_append (out, ELLIPSIS);

  return g_string_free (out, FALSE);
}
