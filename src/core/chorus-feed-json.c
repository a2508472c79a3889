/* chorus-feed-json.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* JSON Feed, versions 1 and 1.1 (https://www.jsonfeed.org/version/1.1/),
 * read into ChorusFeedEntry records. Members of the wrong type are
 * ignored rather than trusted. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-feed-private.h"
#include "chorus-parse-json-private.h"

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Ids should be strings; some feeds write numbers. */
static char *
dup_id (JsonObject *item)
{
  JsonNode *node = json_object_get_member (item, "id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strstrip (g_strdup (json_node_get_string (node)));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.0f", json_node_get_double (node));
    default:
      return NULL;
    }
}

/* JSON Feed titles are plain text, but HTML entities leak in
 * ("Blog &#8211; InfluxData"). */
static char *
dup_title (const char *text)
{
  gboolean has_entity = text != NULL && strchr (text, '&') != NULL && strchr (text, '<') == NULL;

  return _chorus_feed_clean_title (text, has_entity);
}

/* The first named author: "authors" (1.1), then "author" (1). */
static void
read_author (ChorusFeedContext *ctx,
             JsonObject        *object,
             char             **name,
             char             **url)
{
  JsonArray *authors = get_array (object, "authors");
  JsonObject *author = NULL;

  for (guint i = 0; authors != NULL && i < json_array_get_length (authors); i++)
    {
      author = array_object (authors, i);
      if (get_string (author, "name") != NULL)
        break;
      author = NULL;
    }
  if (author == NULL)
    author = get_object (object, "author");
  if (author == NULL)
    return;

  _chorus_feed_take_string (name, _chorus_feed_clean_name (get_string (author, "name")));
  if (*url == NULL)
    *url = _chorus_feed_resolve_web (ctx->base_url, get_string (author, "url"));
}

static void
read_attachments (ChorusFeedContext *ctx,
                  ChorusFeedEntry   *entry,
                  JsonObject        *item)
{
  JsonArray *attachments = get_array (item, "attachments");
  g_autofree char *image = _chorus_feed_resolve_web (ctx->base_url, get_string (item, "image"));

  _chorus_feed_add_media (entry, image, NULL, "image", image, NULL, 0, 0);

  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = array_object (attachments, i);
      g_autofree char *url = _chorus_feed_resolve_web (ctx->base_url, get_string (attachment, "url"));

      _chorus_feed_add_media (entry, url, get_string (attachment, "mime_type"), NULL, NULL,
                              get_string (attachment, "title"), 0, 0);
    }
}

static void
read_item (ChorusFeedContext *ctx,
           JsonObject        *item)
{
  g_autoptr(ChorusFeedEntry) entry = _chorus_feed_entry_new ();
  const char *published = get_string (item, "date_published");
  const char *modified = get_string (item, "date_modified");
  const char *html = get_string (item, "content_html");
  const char *text = get_string (item, "content_text");
  const char *summary = get_string (item, "summary");

  entry->id = dup_id (item);
  entry->link = _chorus_feed_resolve_web (ctx->base_url, get_string (item, "url"));
  if (entry->link == NULL)
    entry->link = _chorus_feed_resolve_web (ctx->base_url, get_string (item, "external_url"));
  entry->title = dup_title (get_string (item, "title"));
  entry->published = chorus_feed_parse_date (published);
  entry->updated = chorus_feed_parse_date (modified);
  entry->date_text = g_strdup (published ? published : modified);
  entry->language = g_strdup (get_string (item, "language"));
  read_author (ctx, item, &entry->author_name, &entry->author_url);

  if (html != NULL)
    _chorus_feed_body_set (&entry->full, g_strdup (html), TRUE, ctx->base_url, NULL);
  if (text != NULL)
    _chorus_feed_body_set (&entry->full, g_strdup (text), FALSE, ctx->base_url, NULL);
  if (summary != NULL)
    _chorus_feed_body_set (&entry->summary, g_strdup (summary), FALSE, ctx->base_url, NULL);

  read_attachments (ctx, entry, item);
  _chorus_feed_add_entry (ctx, entry);
}

static gboolean
is_json_feed (JsonObject *root)
{
  const char *version = get_string (root, "version");

  return version != NULL &&
         (g_str_has_prefix (version, "https://jsonfeed.org/version/") ||
          g_str_has_prefix (version, "http://jsonfeed.org/version/"));
}

ChorusFeedStatus
_chorus_feed_parse_json (ChorusFeedContext *ctx,
                         const char        *data,
                         gsize              length,
                         GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *mended = NULL;
  g_autofree char *valid = NULL;
  ChorusFeed *feed = ctx->feed;
  JsonObject *root;
  JsonArray *items;
  JsonNode *node;

  /* Checked before json-glib reads the text: it recurses once per level
   * of nesting, leaks what it read from some invalid texts, and misreads
   * half a surrogate pair (mended). */
  switch (_chorus_json_scan_shape (data, length, &mended))
    {
    case CHORUS_JSON_SHAPE_TOO_DEEP:
      return CHORUS_FEED_STATUS_NOT_A_FEED;
    case CHORUS_JSON_SHAPE_SEVERAL_VALUES:
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The feed is not valid JSON: it goes on after its end."));
      return CHORUS_FEED_STATUS_BAD_JSON;
    case CHORUS_JSON_SHAPE_BROKEN_ESCAPE:
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The feed is not valid JSON: a character in it is broken."));
      return CHORUS_FEED_STATUS_BAD_JSON;
    case CHORUS_JSON_SHAPE_OK:
    default:
      break;
    }

  valid = g_utf8_make_valid (mended ? mended : data, length);
  if (!json_parser_load_from_data (parser, valid, -1, error))
    return CHORUS_FEED_STATUS_BAD_JSON;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !is_json_feed (json_node_get_object (node)))
    return CHORUS_FEED_STATUS_NOT_A_FEED;
  root = json_node_get_object (node);

  if (feed->feed_url == NULL)
    {
      feed->feed_url = _chorus_feed_resolve_web (NULL, get_string (root, "feed_url"));
      ctx->base_url = g_strdup (feed->feed_url);
    }
  feed->title = dup_title (get_string (root, "title"));
  feed->site_url = _chorus_feed_resolve_web (ctx->base_url, get_string (root, "home_page_url"));
  ctx->language = g_strdup (get_string (root, "language"));
  read_author (ctx, root, &ctx->author_name, &ctx->author_url);

  items = get_array (root, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = array_object (items, i);

      if (item != NULL)
        read_item (ctx, item);
    }

  return CHORUS_FEED_STATUS_OK;
}
