/* chorus-parse-json.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-html.h"
#include "chorus-parse-json-private.h"

/* Everything a server sends is untrusted. json-glib's parser and its node
 * destructor both recurse once per nesting level, so 100,000 nested
 * arrays overflow the stack: the depth is bounded before json-glib sees
 * the text. Strings can hold invalid UTF-8 (a "\ud800" escape decodes to
 * it), so every string kept is made valid; URLs must be http(s). */

/* The code unit of a "\uXXXX" escape at @at, or -1. */
static int
escaped_unit (const char *data,
              gsize       size,
              gsize       at)
{
  int unit = 0;

  if (at + 6 > size || data[at] != '\\' || data[at + 1] != 'u')
    return -1;

  for (gsize i = at + 2; i < at + 6; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }

  return unit;
}

/* Looks at the text's structure before json-glib does: how deep it nests,
 * whether it holds more than one value at the top ("[][]", "5{…}"), and
 * whether a string holds a broken escape ("\u12", "\s"). json-glib 1.6
 * reports the last two as errors but leaks what it had read, so such text
 * is refused here.
 *
 * Half of a surrogate pair without its other half ("\ud83d", "\ude0f",
 * "\ud83d\u0041") is no character, yet real servers send one now and
 * then; json-glib takes whatever follows such a half as the other one,
 * swallowing a closing quote or an escape, which changes what the rest of
 * the text means. With @mended, a copy is made where each lone half reads
 * "\ufffd" (the replacement character, an escape of the same length),
 * and the text is fine; without, the text is refused as broken.
 *
 * @mended: (out) (optional) (transfer full) (nullable): set to the mended
 *   copy, NUL-terminated, or to %NULL when nothing needed mending */
ChorusJsonShape
_chorus_json_scan_shape (const char  *data,
                         gsize        size,
                         char       **mended)
{
  gboolean in_string = FALSE;
  gboolean in_scalar = FALSE;
  guint depth = 0;
  guint values = 0;
  gsize start = size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;  /* a byte-order mark */

  for (gsize i = start; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          int unit, next;

          if (c == '"')
            in_string = FALSE;
          if (c != '\\')
            continue;

          if (i + 1 < size && data[i + 1] != 'u')
            {
              if (strchr ("\"\\/bfnrt", data[i + 1]) == NULL || data[i + 1] == '\0')
                return CHORUS_JSON_SHAPE_BROKEN_ESCAPE;
              i++;
              continue;
            }

          if ((unit = escaped_unit (data, size, i)) < 0)
            return CHORUS_JSON_SHAPE_BROKEN_ESCAPE;
          next = escaped_unit (data, size, i + 6);
          if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)
            {
              i += 11;  /* a whole pair */
              continue;
            }
          if (unit >= 0xd800 && unit <= 0xdfff)
            {
              if (mended == NULL)
                return CHORUS_JSON_SHAPE_BROKEN_ESCAPE;
              if (*mended == NULL)
                {
                  *mended = g_malloc (size + 1);
                  memcpy (*mended, data, size);
                  (*mended)[size] = '\0';
                }
              memcpy (*mended + i, "\\ufffd", 6);
            }
          i += 5;  /* one character */
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          in_scalar = FALSE;
          continue;
        }

      /* A number, true, false or null ends where a space or a sign does. */
      if (in_scalar && strchr ("\"[]{},:", c) != NULL)
        in_scalar = FALSE;

      if (depth == 0 && !in_scalar)
        {
          if (++values > 1)
            return CHORUS_JSON_SHAPE_SEVERAL_VALUES;
          in_scalar = c != '"' && c != '[' && c != '{';
        }

      if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > CHORUS_PARSE_MAX_DEPTH)
        return CHORUS_JSON_SHAPE_TOO_DEEP;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return CHORUS_JSON_SHAPE_OK;
}

/* Returns: (transfer full): the root node, never NULL without @error set */
JsonNode *
_chorus_json_load (const char  *data,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mended = NULL;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);
  switch (_chorus_json_scan_shape (data, length, &mended))
    {
    case CHORUS_JSON_SHAPE_TOO_DEEP:
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The server’s reply is nested too deeply to read."));
      return NULL;
    case CHORUS_JSON_SHAPE_SEVERAL_VALUES:
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The server’s reply is not valid JSON: it goes on after its end."));
      return NULL;
    case CHORUS_JSON_SHAPE_BROKEN_ESCAPE:
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The server’s reply is not valid JSON: a character in it is broken."));
      return NULL;
    case CHORUS_JSON_SHAPE_OK:
    default:
      break;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, mended ? mended : data, length, &local_error))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   /* Translators: %s is the parser's own description of the error, often in English. */
                   _("The server’s reply is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, _("The server’s reply is empty."));

  return root;
}

JsonObject *
_chorus_json_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
_chorus_json_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonNode *
_chorus_json_get_member (JsonObject *object,
                         const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

JsonObject *
_chorus_json_get_object (JsonObject *object,
                         const char *name)
{
  return _chorus_json_object (_chorus_json_get_member (object, name));
}

JsonArray *
_chorus_json_get_array (JsonObject *object,
                        const char *name)
{
  JsonNode *node = _chorus_json_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
_chorus_json_get_string (JsonObject *object,
                         const char *name)
{
  return _chorus_json_string (_chorus_json_get_member (object, name));
}

gboolean
_chorus_json_get_bool (JsonObject *object,
                       const char *name)
{
  JsonNode *node = _chorus_json_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* Numbers arrive as integers, doubles (1e400 is infinity) or strings;
 * whatever is unusable gives @fallback. */
gint64
_chorus_json_get_int (JsonObject *object,
                      const char *name,
                      gint64      fallback)
{
  JsonNode *node = _chorus_json_get_member (object, name);
  gint64 value;
  double d;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      d = json_node_get_double (node);
      return isfinite (d) && d > -9.2e18 && d < 9.2e18 ? (gint64) d : fallback;
    case G_TYPE_STRING:
      if (g_ascii_string_to_signed (json_node_get_string (node), 10, G_MININT64, G_MAXINT64, &value, NULL))
        return value;
      return fallback;
    default:
      return fallback;
    }
}

/* json-glib wraps integers too big for 64 bits around, so a count that
 * comes out negative is garbage and reads as zero. */
gint64
_chorus_json_get_count (JsonObject *object,
                        const char *name)
{
  return MAX (_chorus_json_get_int (object, name, 0), 0);
}

/* Ids are strings in Mastodon and numbers elsewhere. */
char *
_chorus_json_dup_id (JsonObject *object,
                     const char *name)
{
  const char *text = _chorus_json_get_string (object, name);
  gint64 number;

  if (text != NULL)
    return *text != '\0' && strlen (text) <= 256 && g_utf8_validate (text, -1, NULL) ? g_strdup (text) : NULL;

  number = _chorus_json_get_int (object, name, -1);
  return number >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, number) : NULL;
}

JsonObject *
_chorus_json_array_object (JsonArray *array,
                           guint      index)
{
  return _chorus_json_object (json_array_get_element (array, index));
}

guint
_chorus_json_array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

/* A valid UTF-8 copy of at most @max bytes, cut at a character boundary. */
char *
_chorus_parse_dup_text (const char *text,
                        gsize       max)
{
  const char *end;
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
  if (strlen (copy) > max)
    {
      g_utf8_validate (copy, max, &end);
      copy[end - copy] = '\0';
    }

  return copy;
}

/* Text a person reads (names, titles, alt text): also without the bidi
 * overrides, invisible spacers and control characters that could spoof
 * or break the interface. */
char *
_chorus_parse_dup_clean (const char *text,
                         gsize       max)
{
  g_autofree char *clipped = _chorus_parse_dup_text (text, max);

  return clipped != NULL ? chorus_html_sanitize_text (clipped, -1) : NULL;
}

/* Clean text, or NULL when there is none. */
char *
_chorus_parse_dup_nonempty (const char *text)
{
  char *clean = text != NULL && *text != '\0' ? _chorus_parse_dup_clean (text, CHORUS_PARSE_MAX_TEXT) : NULL;

  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  return clean;
}

char *
_chorus_parse_dup_url (const char *url)
{
  const char *scheme;

  if (url == NULL || strlen (url) > CHORUS_PARSE_MAX_URL || !g_utf8_validate (url, -1, NULL))
    return NULL;

  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    return NULL;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return NULL;

  return g_strdup (url);
}

char *
_chorus_parse_dup_host (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || *host == '\0' || !g_utf8_validate (host, -1, NULL))
    return NULL;

  return g_ascii_strdown (host, -1);
}

/**
 * _chorus_parse_resolve_uri:
 * @base: (nullable): an absolute URI that @ref is relative to
 * @ref: a URI reference from outside, relative or absolute
 *
 * g_uri_resolve_relative() (with %G_URI_FLAGS_ENCODED) for references
 * from outside. A reference that resolves to no host and a path starting
 * with "//" ("http:/.//x", "x:a/..//b") has no string form: GLib writes a
 * critical and gives nothing. Such a reference names no web page and no
 * address, so it is simply not a link here.
 *
 * Returns: (transfer full) (nullable): the absolute URI, or %NULL
 */
char *
_chorus_parse_resolve_uri (const char *base,
                           const char *ref)
{
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GUri) uri = NULL;

  if (base != NULL && !(base_uri = g_uri_parse (base, G_URI_FLAGS_ENCODED, NULL)))
    return NULL;
  if (!(uri = g_uri_parse_relative (base_uri, ref, G_URI_FLAGS_ENCODED, NULL)))
    return NULL;
  if (g_uri_get_host (uri) == NULL && g_str_has_prefix (g_uri_get_path (uri), "//"))
    return NULL;

  return g_uri_to_string (uri);
}

/* Whether @text is 1 to @max ASCII letters, digits and @extra_chars. */
gboolean
_chorus_parse_is_identifier (const char *text,
                             const char *extra_chars,
                             gsize       max)
{
  if (text == NULL || *text == '\0' || strlen (text) > max)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr (extra_chars, *p) == NULL)
      return FALSE;

  return TRUE;
}

/* A decentralized identifier, as the AT Protocol uses them. */
gboolean
_chorus_parse_is_did (const char *text)
{
  return text != NULL && g_str_has_prefix (text, "did:") &&
         _chorus_parse_is_identifier (text, ":._%-", 2048);
}

/* A BCP 47 tag: letters, digits and hyphens, at most 35 of them. */
char *
_chorus_parse_dup_language (const char *tag)
{
  return _chorus_parse_is_identifier (tag, "-", 35) ? g_strdup (tag) : NULL;
}

/* Tokens and keys go into HTTP headers: printable ASCII only. */
char *
_chorus_parse_dup_secret (const char *value)
{
  if (value == NULL || *value == '\0' || strlen (value) > 8192)
    return NULL;

  for (const char *p = value; *p != '\0'; p++)
    if (*p <= ' ' || *p > '~')
      return NULL;

  return g_strdup (value);
}

/* Secrets are wiped before their memory goes back to the allocator. */
void
_chorus_parse_wipe_free (char *secret)
{
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

/* RFC 3339 with or without fractions; a time without a zone (invalid,
 * but sent) is read as UTC. Returns 0 for anything else. */
gint64
_chorus_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || strlen (text) > 64)
    return 0;

  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (text, utc);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

int
_chorus_parse_size (gint64 value)
{
  return (int) CLAMP (value, 0, G_MAXINT);
}
