/* chorus-hashtag.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-hashtag.h"

/* Whether a post carries a hashtag, the way the networks read one, for
 * the challenge collector: in the text, a "#" (or the full-width "＃")
 * that does not follow a letter or digit, then the tag. Mastodon's tag is
 * the run of letters, digits, marks, "_" and "·" after it; Bluesky's runs
 * to the next space, less trailing punctuation ("#summer-tee!" is
 * "summer-tee"). Either reading may match. In the markup, a link shown as
 * a hashtag ("#…") to a tag page ("…/tags/<tag>" on Mastodon,
 * "…/hashtag/<tag>" for a Bluesky tag facet) counts too, since a facet's
 * tag may differ from its text.
 *
 * Tags compare in Unicode compatibility form (NFKC), case folded, without
 * their "#": "#SummitTee", "summittee" and "ＳｕｍｍｉｔＴｅｅ" are one tag.
 * Accents count ("#café" is not "#cafe"). */

typedef struct
{
  const char *name;        /* just after the sign */
  gsize       word_length; /* Mastodon's reading, in bytes */
  gsize       span_length; /* Bluesky's */
} Tag;

static gboolean
is_sign (gunichar c)
{
  return c == '#' || c == 0xff03;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_' || c == 0x00b7;
}

/* Reads the tag whose sign @sign points at. */
static void
read_tag (const char *sign,
          Tag        *tag)
{
  const char *p = g_utf8_next_char (sign);
  const char *span_end = p;

  tag->name = p;
  while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  tag->word_length = p - tag->name;

  for (p = tag->name; *p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    if (!g_unichar_ispunct (g_utf8_get_char (p)))
      span_end = g_utf8_next_char (p);
  tag->span_length = span_end - tag->name;
}

/* The next hashtag of @text from *@cursor on, which moves past it. */
static gboolean
next_tag (const char  *text,
          const char **cursor,
          Tag         *tag)
{
  const char *p = *cursor;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *before = p > text ? g_utf8_find_prev_char (text, p) : NULL;

      if (!is_sign (g_utf8_get_char (p)) || (before != NULL && is_word_char (g_utf8_get_char (before))))
        continue;

      read_tag (p, tag);
      *cursor = tag->name;
      if (tag->span_length > 0)
        return TRUE;
    }

  *cursor = p;
  return FALSE;
}

static gboolean
name_is (const char *name,
         gsize       length,
         const char *normalized_tag)
{
  g_autofree char *part = NULL;
  g_autofree char *normalized = NULL;

  if (length == 0)
    return FALSE;

  part = g_strndup (name, length);
  normalized = chorus_hashtag_normalize (part);
  return g_strcmp0 (normalized, normalized_tag) == 0;
}

static gboolean
tag_is (const Tag  *tag,
        const char *normalized_tag)
{
  return name_is (tag->name, tag->word_length, normalized_tag) ||
         (tag->span_length != tag->word_length && name_is (tag->name, tag->span_length, normalized_tag));
}

/**
 * chorus_hashtag_normalize:
 * @tag: a hashtag, with or without its "#"
 *
 * Returns: (nullable): @tag in the form tags are compared in, or %NULL
 *   when nothing is left of it
 */
char *
chorus_hashtag_normalize (const char *tag)
{
  g_autofree char *composed = NULL;
  g_autofree char *stripped = NULL;
  const char *p = tag;

  if (tag == NULL || !g_utf8_validate (tag, -1, NULL))
    return NULL;

  while (*p != '\0' && (is_sign (g_utf8_get_char (p)) || g_unichar_isspace (g_utf8_get_char (p))))
    p = g_utf8_next_char (p);

  stripped = g_strstrip (g_strdup (p));
  if (*stripped == '\0' || !(composed = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFKC)))
    return NULL;

  return g_utf8_casefold (composed, -1);
}

/**
 * chorus_hashtag_in_text:
 * @text: a post's plain text
 * @normalized_tag: from chorus_hashtag_normalize()
 *
 * Returns: whether @text carries the hashtag
 */
gboolean
chorus_hashtag_in_text (const char *text,
                        const char *normalized_tag)
{
  const char *cursor = text;
  Tag tag;

  g_return_val_if_fail (normalized_tag != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  while (next_tag (text, &cursor, &tag))
    if (tag_is (&tag, normalized_tag))
      return TRUE;

  return FALSE;
}

/* The tag a link's address names, from its path: "…/tags/<tag>" or
 * "…/hashtag/<tag>", or NULL. */
static char *
dup_linked_tag (const char *href)
{
  static const char * const prefixes[] = { "/tags/", "/hashtag/" };
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED_PATH, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;
  const char *name = NULL;
  const char *found;

  for (guint i = 0; path != NULL && i < G_N_ELEMENTS (prefixes); i++)
    if ((found = g_strrstr (path, prefixes[i])) != NULL)
      name = found + strlen (prefixes[i]);

  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL)
    return NULL;

  return g_uri_unescape_string (name, NULL);
}

/**
 * chorus_hashtag_in_markup:
 * @markup: (nullable): a post's safe markup
 * @normalized_tag: from chorus_hashtag_normalize()
 *
 * Returns: whether @markup links to the hashtag's page
 */
gboolean
chorus_hashtag_in_markup (const char *markup,
                          const char *normalized_tag)
{
  const char *p = markup;

  g_return_val_if_fail (normalized_tag != NULL, FALSE);

  while (p != NULL && (p = strstr (p, "href=\"")) != NULL)
    {
      const char *start = p + strlen ("href=\"");
      const char *end = strchr (start, '"');
      const char *text = end != NULL ? strchr (end, '>') : NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *href = NULL;
      g_autofree char *name = NULL;
      g_autofree char *normalized = NULL;
      g_auto(GStrv) parts = NULL;

      if (end == NULL || text == NULL)
        break;
      p = end;

      /* A tag's link shows the tag: a page of tags linked from words
       * is not the post's hashtag. */
      if (!is_sign (g_utf8_get_char_validated (text + 1, -1)))
        continue;

      /* Markup escapes "&" in addresses; tag paths hold no other entity. */
      escaped = g_strndup (start, end - start);
      parts = g_strsplit (escaped, "&amp;", -1);
      href = g_strjoinv ("&", parts);

      if ((name = dup_linked_tag (href)) != NULL && (normalized = chorus_hashtag_normalize (name)) != NULL &&
          g_str_equal (normalized, normalized_tag))
        return TRUE;
    }

  return FALSE;
}

static gboolean
word_is_tag (const char *word,
             const char *normalized_tag)
{
  Tag tag;

  if (!is_sign (g_utf8_get_char (word)))
    return FALSE;

  read_tag (word, &tag);
  return normalized_tag == NULL ? tag.span_length > 0 : tag_is (&tag, normalized_tag);
}

/**
 * chorus_hashtag_dup_entry_title:
 * @text: a post's plain text
 * @normalized_tag: the challenge's tag, from chorus_hashtag_normalize()
 * @max_chars: the longest title, in characters, "…" included
 *
 * The title of an entry a post makes: its text on one line, without the
 * challenge's hashtag and without the hashtags it ends with, cut to
 * @max_chars.
 *
 * Returns: (nullable): the title, or %NULL when nothing is left
 */
char *
chorus_hashtag_dup_entry_title (const char *text,
                                const char *normalized_tag,
                                guint       max_chars)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  guint n_words = 0;

  g_return_val_if_fail (max_chars >= 2, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  words = g_strsplit_set (text, " \t\r\n\f\v", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !word_is_tag (words[i], normalized_tag))
      words[n_words++] = words[i];
    else
      g_free (words[i]);
  words[n_words] = NULL;

  while (n_words > 0 && word_is_tag (words[n_words - 1], NULL))
    {
      g_free (words[--n_words]);
      words[n_words] = NULL;
    }

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (title, "%s%s", i > 0 ? " " : "", words[i]);

  if (title->len == 0)
    return NULL;

  if (g_utf8_strlen (title->str, -1) > (glong) max_chars)
    {
      g_autofree char *cut = g_utf8_substring (title->str, 0, max_chars - 1);

      g_strchomp (cut);
      return g_strconcat (cut, "…", NULL);
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}
