/* chorus-feed-parser.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The entry point of the feed reader. The bytes become UTF-8
 * (chorus-feed-charset.c); JSON goes to chorus-feed-json.c; XML has its
 * stray HTML entities repaired, is parsed by libxml2 and read by
 * chorus-feed-xml.c; chorus-feed-entry.c makes the posts.
 *
 * XML is parsed with XML_PARSE_NONET and without XML_PARSE_NOENT or
 * XML_PARSE_DTDLOAD: no external entity or DTD is ever fetched, entities
 * are never substituted by the parser, and the text readers expand an
 * internal entity only one level deep, so an entity bomb costs nothing. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "chorus-error.h"
#include "chorus-feed-private.h"
#include "chorus-html.h"

#define MAX_FEED_SIZE (32 * 1024 * 1024)

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                     XML_PARSE_RECOVER | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC)

/* Preparing the bytes */

static gboolean
has_prefix_len (const char *data,
                gsize       length,
                const char *prefix,
                gboolean    ignore_case)
{
  gsize prefix_length = strlen (prefix);

  if (length < prefix_length)
    return FALSE;

  if (ignore_case)
    return g_ascii_strncasecmp (data, prefix, prefix_length) == 0;

  return memcmp (data, prefix, prefix_length) == 0;
}

static gsize
skip_past (const char *data,
           gsize       length,
           gsize       from,
           const char *end_mark)
{
  const char *found = g_strstr_len (data + from, length - from, end_mark);

  return found ? (gsize) (found - data) + strlen (end_mark) : length;
}

/* Whether a DOCTYPE comes before the root element. */
static gboolean
prolog_has_doctype (const char *data,
                    gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      if (g_ascii_isspace (data[i]))
        i++;
      else if (has_prefix_len (data + i, length - i, "<?", FALSE))
        i = skip_past (data, length, i + 2, "?>");
      else if (has_prefix_len (data + i, length - i, "<!--", FALSE))
        i = skip_past (data, length, i + 4, "-->");
      else
        return has_prefix_len (data + i, length - i, "<!DOCTYPE", TRUE);
    }

  return FALSE;
}

/* Feeds without a DTD still use HTML entities (&nbsp;, &hellip;) and bare
 * ampersands; libxml2 would drop them. Outside CDATA and comments, this
 * turns known HTML entities into character references and escapes every
 * other stray "&". Returns NULL when nothing needed fixing. */
static GString *
fix_entities (const char *data,
              gsize       length)
{
  GString *out = NULL;
  gsize copied = 0;
  gsize i = 0;

  while (i < length)
    {
      gsize name_end;
      g_autofree char *name = NULL;
      const htmlEntityDesc *entity;

      if (has_prefix_len (data + i, length - i, "<![CDATA[", FALSE))
        {
          i = skip_past (data, length, i + 9, "]]>");
          continue;
        }
      if (has_prefix_len (data + i, length - i, "<!--", FALSE))
        {
          i = skip_past (data, length, i + 4, "-->");
          continue;
        }
      if (data[i] != '&' || (i + 1 < length && data[i + 1] == '#'))
        {
          i++;
          continue;
        }

      for (name_end = i + 1; name_end < length && name_end - i <= 32; name_end++)
        {
          if (!g_ascii_isalnum (data[name_end]))
            break;
        }

      if (out == NULL)
        out = g_string_sized_new (length + 64);
      g_string_append_len (out, data + copied, i - copied);

      if (name_end > i + 1 && name_end < length && data[name_end] == ';')
        {
          name = g_strndup (data + i + 1, name_end - i - 1);
          entity = htmlEntityLookup ((const xmlChar *) name);
          if (g_strv_contains ((const char * const[]) { "amp", "lt", "gt", "quot", "apos", NULL }, name))
            g_string_append_printf (out, "&%s;", name);
          else if (entity != NULL)
            g_string_append_printf (out, "&#%u;", entity->value);
          else
            g_string_append_printf (out, "&amp;%s;", name);
          i = copied = name_end + 1;
        }
      else
        {
          g_string_append (out, "&amp;");
          i = copied = i + 1;
        }
    }

  if (out != NULL)
    g_string_append_len (out, data + copied, length - copied);

  return out;
}

static xmlDoc *
read_xml (const char *data,
          gsize       length)
{
  g_autoptr(GString) fixed = NULL;

  if (!prolog_has_doctype (data, length))
    fixed = fix_entities (data, length);
  if (fixed != NULL)
    {
      data = fixed->str;
      length = fixed->len;
    }

  /* The bytes are UTF-8 by now, whatever the declaration says. */
  return xmlReadMemory (data, MIN (length, G_MAXINT), NULL, "UTF-8", XML_OPTIONS);
}

static ChorusFeedStatus
parse_data (ChorusFeedContext *ctx,
            const char        *data,
            gsize              length,
            const char        *content_type,
            GError           **error)
{
  g_autofree char *utf8 = _chorus_feed_to_utf8 (data, length, content_type, &length);
  ChorusFeedStatus status;
  xmlDoc *doc;

  if (utf8 == NULL)
    return CHORUS_FEED_STATUS_EMPTY;

  data = utf8;
  while (length > 0 && g_ascii_isspace (*data))
    {
      data++;
      length--;
    }

  if (length == 0)
    return CHORUS_FEED_STATUS_EMPTY;

  if (*data == '{' || *data == '[')
    return _chorus_feed_parse_json (ctx, data, length, error);

  if (has_prefix_len (data, length, "<!DOCTYPE html", TRUE) || has_prefix_len (data, length, "<html", TRUE))
    return CHORUS_FEED_STATUS_WEB_PAGE;

  chorus_html_ensure_libxml ();
  if ((doc = read_xml (data, length)) == NULL)
    return CHORUS_FEED_STATUS_NOT_A_FEED;

  status = _chorus_feed_parse_xml (ctx, doc);
  xmlFreeDoc (doc);

  return status;
}

/* Public API */

/**
 * chorus_feed_parse_full:
 * @data: the feed document as fetched
 * @length: its length in bytes
 * @feed_url: (nullable): the absolute URL it was fetched from; relative
 *   links and xml:base resolve against it
 * @content_type: (nullable): the HTTP Content-Type header; its charset,
 *   if any, overrides the document's own declaration
 * @error: return location for a %CHORUS_ERROR_PARSE error
 *
 * Like chorus_feed_parse(), honouring the charset of the HTTP response.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with @error set
 */
ChorusFeed *
chorus_feed_parse_full (const char *data,
                        gsize       length,
                        const char *feed_url,
                        const char *content_type,
                        GError    **error)
{
  g_autoptr(ChorusFeed) feed = NULL;
  g_autoptr(GError) json_error = NULL;
  ChorusFeedContext ctx = { 0 };
  ChorusFeedStatus status;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > MAX_FEED_SIZE)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   /* Translators: %d is a size in megabytes. */
                   _("The feed is too large to read (more than %d MB)."), MAX_FEED_SIZE / (1024 * 1024));
      return NULL;
    }

  feed = g_new0 (ChorusFeed, 1);
  feed->posts = chorus_incoming_post_array_new ();
  feed->feed_url = _chorus_feed_resolve_web (NULL, feed_url);
  ctx.feed = feed;
  ctx.base_url = g_strdup (feed->feed_url);

  status = parse_data (&ctx, data != NULL ? data : "", length, content_type, &json_error);

  g_free (ctx.base_url);
  g_free (ctx.author_name);
  g_free (ctx.author_url);
  g_free (ctx.language);
  g_free (ctx.host);

  switch (status)
    {
    case CHORUS_FEED_STATUS_OK:
      return g_steal_pointer (&feed);

    case CHORUS_FEED_STATUS_EMPTY:
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, _("The feed is empty."));
      break;

    case CHORUS_FEED_STATUS_WEB_PAGE:
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("This address leads to a web page, not to a feed."));
      break;

    case CHORUS_FEED_STATUS_BAD_JSON:
      /* Already one of our sentences, or json-glib's words to quote */
      if (json_error != NULL && json_error->domain == CHORUS_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&json_error));
          break;
        }
      /* Translators: %s is the parser's own description of the error, often in English. */
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, _("The feed is not valid JSON: %s"),
                   json_error ? json_error->message : "");
      break;

    case CHORUS_FEED_STATUS_NOT_A_FEED:
    default:
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("This document is not an RSS, Atom or JSON feed."));
      break;
    }

  return NULL;
}

/**
 * chorus_feed_parse:
 * @data: the feed document as fetched
 * @length: its length in bytes
 * @feed_url: (nullable): the absolute URL it was fetched from; relative
 *   links and xml:base resolve against it
 * @error: return location for a %CHORUS_ERROR_PARSE error
 *
 * Reads an RSS 0.9x/2.0, RSS 1.0 (RDF), Atom or JSON Feed (1 and 1.1)
 * document into posts with network "feed", tolerating the usual
 * real-world breakage (undeclared entities, bad encodings, unclosed tags).
 *
 * Each post's uri is the entry's id or guid when it is URI-like, else its
 * link, else "feed:<feed URL>#<hash of id, title and date>". Its author is
 * the entry's (or the feed's) author name, else the feed title, on the
 * feed's host. Text and markup come from the fullest content available,
 * sanitized by chorus_html_convert(). An entry without a date takes the
 * feed's own (pubDate, lastBuildDate, Atom updated); when the feed has
 * none either, created_at is 0 and the caller decides (the time it was
 * first seen, say).
 *
 * Documents that are not feeds (web pages, other XML, empty files) fail
 * with %CHORUS_ERROR_PARSE and a message for people.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with @error set
 */
ChorusFeed *
chorus_feed_parse (const char *data,
                   gsize       length,
                   const char *feed_url,
                   GError    **error)
{
  return chorus_feed_parse_full (data, length, feed_url, NULL, error);
}

/**
 * chorus_feed_free:
 * @feed: (nullable): a feed
 *
 * Frees @feed and its posts.
 */
void
chorus_feed_free (ChorusFeed *feed)
{
  if (feed == NULL)
    return;

  g_free (feed->title);
  g_free (feed->site_url);
  g_free (feed->feed_url);
  g_clear_pointer (&feed->posts, g_ptr_array_unref);
  g_free (feed);
}
