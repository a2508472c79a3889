/* chorus-feed-charset.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every feed is turned into UTF-8 before libxml2 sees it, so that one
 * place decides the charset, in the order the specs give: a byte order
 * mark, then the charset of the HTTP Content-Type, then the XML
 * declaration. Where those are missing or wrong, valid UTF-8 is taken as
 * UTF-8 and anything else as Windows-1252 (what Latin-1 feeds really
 * use), and as ISO-8859-1 when even that fails, since it maps every byte. */

#include "config.h"

#include <string.h>

#include "chorus-feed-private.h"

typedef struct
{
  const char *bytes;
  gsize       length;
  const char *charset;
} Bom;

/* UTF-32LE before UTF-16LE: they share a prefix. */
static const Bom boms[] = {
  { "\x00\x00\xfe\xff", 4, "UTF-32BE" },
  { "\xff\xfe\x00\x00", 4, "UTF-32LE" },
  { "\xef\xbb\xbf", 3, "UTF-8" },
  { "\xfe\xff", 2, "UTF-16BE" },
  { "\xff\xfe", 2, "UTF-16LE" },
};

typedef struct
{
  const char *name;
  const char *charset;
} Alias;

/* Declared names and what to decode them with. */
static const Alias aliases[] = {
  { "iso-8859-1", "WINDOWS-1252" },
  { "iso8859-1", "WINDOWS-1252" },
  { "latin1", "WINDOWS-1252" },
  { "latin-1", "WINDOWS-1252" },
  { "gb2312", "GB18030" },
  { "gbk", "GB18030" },
  { "x-sjis", "SHIFT_JIS" },
};

static gboolean
is_utf8_name (const char *charset)
{
  static const char * const names[] = { "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (charset, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Text in @charset, as UTF-8. Input that turns invalid part way keeps
 * what came before (and *@complete is FALSE); a charset iconv does not
 * know gives NULL. */
static char *
convert (const char *data,
         gsize       length,
         const char *charset,
         gsize      *out_length,
         gboolean   *complete)
{
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;
  char *result;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      if (g_ascii_strcasecmp (charset, aliases[i].name) == 0)
        charset = aliases[i].charset;
    }

  result = g_convert (data, length, "UTF-8", charset, &bytes_read, out_length, &error);
  *complete = result != NULL;
  if (result != NULL || bytes_read == 0 ||
      !(g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE) ||
        g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT)))
    return result;

  return g_convert (data, bytes_read, "UTF-8", charset, NULL, out_length, NULL);
}

/* UTF-16 and UTF-32 without a BOM, told by where the zero bytes of the
 * leading ASCII character are (XML 1.0, appendix F). */
static const char *
sniff_wide (const guchar *b,
            gsize         length)
{
  if (length < 4)
    return NULL;
  if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0)
    return "UTF-32BE";
  if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
    return "UTF-32LE";
  if (b[0] == 0 && b[1] != 0)
    return "UTF-16BE";
  if (b[0] != 0 && b[1] == 0)
    return "UTF-16LE";

  return NULL;
}

static char *
clean_charset (const char *value,
               gsize       length)
{
  g_autofree char *charset = g_strstrip (g_strndup (value, length));

  g_strdelimit (charset, "\"'", ' ');
  g_strstrip (charset);
  if (*charset == '\0' || strspn (charset, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789-_.:") != strlen (charset))
    return NULL;

  return g_steal_pointer (&charset);
}

/* The charset parameter of a Content-Type, or NULL. */
static char *
header_charset (const char *content_type)
{
  g_auto(GStrv) params = NULL;

  if (content_type == NULL)
    return NULL;

  params = g_strsplit (content_type, ";", -1);
  for (guint i = 1; params[i] != NULL; i++)
    {
      char *eq = strchr (params[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL)
        continue;
      key = g_strstrip (g_strndup (params[i], eq - params[i]));
      if (g_ascii_strcasecmp (key, "charset") == 0)
        return clean_charset (eq + 1, strlen (eq + 1));
    }

  return NULL;
}

/* encoding="…" in the XML declaration, or NULL. */
static char *
declared_charset (const char *data,
                  gsize       length)
{
  const char *end;
  const char *p;
  char quote;

  if (length < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;
  if ((end = g_strstr_len (data, MIN (length, 512), "?>")) == NULL)
    return NULL;
  if ((p = g_strstr_len (data, end - data, "encoding")) == NULL)
    return NULL;

  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '=' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;

  quote = *p++;
  for (const char *q = p; q < end; q++)
    {
      if (*q == quote)
        return clean_charset (p, q - p);
    }

  return NULL;
}

static char *
dup_utf8 (const char *data,
          gsize       length,
          gsize      *out_length)
{
  *out_length = length;
  return g_strndup (data, length);
}

/* Tries @charset; NULL when it does not fit the bytes. */
static char *
try_charset (const char *data,
             gsize       length,
             const char *charset,
             gsize      *out_length)
{
  gboolean complete = FALSE;
  char *result;

  if (charset == NULL)
    return NULL;

  /* A wide charset declared in bytes that are not wide is a mistake. */
  if (g_ascii_strncasecmp (charset, "utf-16", 6) == 0 || g_ascii_strncasecmp (charset, "utf-32", 6) == 0 ||
      g_ascii_strncasecmp (charset, "ucs", 3) == 0)
    return NULL;

  if (is_utf8_name (charset))
    return g_utf8_validate_len (data, length, NULL) ? dup_utf8 (data, length, out_length) : NULL;

  result = convert (data, length, charset, out_length, &complete);
  if (!complete)
    g_clear_pointer (&result, g_free);

  return result;
}

/**
 * _chorus_feed_to_utf8:
 * @data: a feed as fetched
 * @length: its length
 * @content_type: (nullable): the HTTP Content-Type
 * @out_length: (out): the length of the result
 *
 * Returns: (transfer full): the feed in UTF-8, without a BOM
 */
char *
_chorus_feed_to_utf8 (const char *data,
                      gsize       length,
                      const char *content_type,
                      gsize      *out_length)
{
  g_autofree char *from_header = header_charset (content_type);
  g_autofree char *declared = NULL;
  const char *wide;
  gboolean complete;
  char *result;

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    {
      if (length >= boms[i].length && memcmp (data, boms[i].bytes, boms[i].length) == 0)
        {
          data += boms[i].length;
          length -= boms[i].length;
          if (strcmp (boms[i].charset, "UTF-8") == 0)
            {
              result = g_utf8_make_valid (data, length);
              *out_length = strlen (result);
              return result;
            }
          result = convert (data, length, boms[i].charset, out_length, &complete);
          return result ? result : dup_utf8 ("", 0, out_length);
        }
    }

  if ((wide = sniff_wide ((const guchar *) data, length)) != NULL)
    {
      result = convert (data, length, wide, out_length, &complete);
      return result ? result : dup_utf8 ("", 0, out_length);
    }

  declared = declared_charset (data, length);
  if ((result = try_charset (data, length, from_header, out_length)) != NULL ||
      (result = try_charset (data, length, declared, out_length)) != NULL ||
      (result = try_charset (data, length, "UTF-8", out_length)) != NULL ||
      (result = try_charset (data, length, "WINDOWS-1252", out_length)) != NULL)
    return result;

  return convert (data, length, "ISO-8859-1", out_length, &complete);
}
