/* chorus-bluesky-parse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-parse.h"
#include "chorus-error.h"
#include "chorus-html.h"
#include "chorus-parse-json-private.h"
#include "chorus-profile-links.h"

/* AT Protocol (Bluesky AppView) responses become ChorusIncomingPost
 * records. A post's at:// uri is its key. Its cid, which a reply's strong
 * reference needs beside the uri, is kept as remote_id. The JSON is
 * untrusted: see chorus-parse-json.c for how every value is checked. */

#define MAX_FACETS        1024
#define MAX_THREAD_DEPTH  200
#define WEB_BASE          "https://bsky.app"

/* "handle.invalid" marks a handle that failed verification: the DID then
 * stands in, so that such authors are not all one person. */
static const char *
author_name (JsonObject *author)
{
  const char *handle = _chorus_json_get_string (author, "handle");
  const char *did = _chorus_json_get_string (author, "did");

  if (_chorus_parse_is_identifier (handle, ".-", 253) && g_ascii_strcasecmp (handle, "handle.invalid") != 0)
    return handle;

  return _chorus_parse_is_did (did) ? did : NULL;
}

/* at://<did>/app.bsky.feed.post/<rkey> */
static char *
dup_web_url (const char *at_uri,
             const char *actor)
{
  const char *rkey = at_uri != NULL ? strrchr (at_uri, '/') : NULL;

  if (actor == NULL || !g_str_has_prefix (at_uri, "at://") ||
      strstr (at_uri, "/app.bsky.feed.post/") == NULL ||
      !_chorus_parse_is_identifier (rkey + 1, ".-_:~", 512))
    return NULL;

  return g_strdup_printf (WEB_BASE "/profile/%s/post/%s", actor, rkey + 1);
}

static ChorusIncomingAuthor *
parse_author (JsonObject *object)
{
  ChorusIncomingAuthor *author;
  const char *name = author_name (object);

  if (name == NULL)
    return NULL;

  author = chorus_incoming_author_new ();
  author->handle = _chorus_parse_is_did (name) ? g_strdup (name) : g_ascii_strdown (name, -1);
  author->server = g_strdup ("");
  author->display_name = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "displayName"));
  if (author->display_name == NULL)
    author->display_name = g_strdup (author->handle);
  author->avatar_url = _chorus_parse_dup_url (_chorus_json_get_string (object, "avatar"));
  author->profile_url = g_strdup_printf (WEB_BASE "/profile/%s", author->handle);
  author->created_at = _chorus_parse_time (_chorus_json_get_string (object, "createdAt"));
  chorus_profile_read_bluesky (author, object);

  return author;
}

/* Rich text. Facets index UTF-8 bytes of the text; each is checked to lie
 * inside it, on character boundaries, without overlapping the one
 * before, so a hostile facet can neither cut a character in two nor make
 * Pango markup that does not nest. */

typedef struct
{
  gsize  start;
  gsize  end;
  char  *href;
} Facet;

static void
clear_facet (gpointer data)
{
  g_free (((Facet *) data)->href);
}

static int
compare_facets (gconstpointer a,
                gconstpointer b)
{
  const Facet *fa = a;
  const Facet *fb = b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;

  return fa->end < fb->end ? -1 : fa->end > fb->end;
}

static char *
dup_feature_href (JsonObject *feature)
{
  const char *type = _chorus_json_get_string (feature, "$type");
  const char *value;
  g_autofree char *escaped = NULL;

  if (g_strcmp0 (type, "app.bsky.richtext.facet#link") == 0)
    return _chorus_parse_dup_url (_chorus_json_get_string (feature, "uri"));

  if (g_strcmp0 (type, "app.bsky.richtext.facet#mention") == 0)
    {
      value = _chorus_json_get_string (feature, "did");
      return _chorus_parse_is_did (value) ? g_strdup_printf (WEB_BASE "/profile/%s", value) : NULL;
    }

  if (g_strcmp0 (type, "app.bsky.richtext.facet#tag") == 0)
    {
      value = _chorus_json_get_string (feature, "tag");
      if (value == NULL || *value == '\0' || strlen (value) > 640 || !g_utf8_validate (value, -1, NULL))
        return NULL;
      escaped = g_uri_escape_string (value, NULL, FALSE);
      return g_strdup_printf (WEB_BASE "/hashtag/%s", escaped);
    }

  return NULL;
}

static gboolean
is_boundary (const char *text,
             gsize       length,
             gint64      offset)
{
  return offset >= 0 && (gsize) offset <= length &&
         ((gsize) offset == length || ((guchar) text[offset] & 0xc0) != 0x80);
}

static GArray *
collect_facets (const char *text,
                gsize       length,
                JsonArray  *facets)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Facet));
  guint n = MIN (_chorus_json_array_length (facets), MAX_FACETS);

  g_array_set_clear_func (found, clear_facet);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *facet = _chorus_json_array_object (facets, i);
      JsonObject *index = _chorus_json_get_object (facet, "index");
      JsonArray *features = _chorus_json_get_array (facet, "features");
      gint64 start = _chorus_json_get_int (index, "byteStart", -1);
      gint64 end = _chorus_json_get_int (index, "byteEnd", -1);
      guint n_features = _chorus_json_array_length (features);
      Facet item = { 0, 0, NULL };

      if (start >= end || !is_boundary (text, length, start) || !is_boundary (text, length, end))
        continue;

      for (guint j = 0; j < n_features && item.href == NULL; j++)
        item.href = dup_feature_href (_chorus_json_array_object (features, j));

      if (item.href == NULL)
        continue;

      item.start = start;
      item.end = end;
      g_array_append_val (found, item);
    }

  g_array_sort (found, compare_facets);
  return found;
}

static void
append_plain (GString    *markup,
              const char *text,
              gsize       length)
{
  g_autofree char *part = g_strndup (text, length);
  g_autofree char *escaped = chorus_html_escape_plain (part);

  g_string_append (markup, escaped != NULL ? escaped : "");
}

/**
 * chorus_bluesky_facets_to_markup:
 * @text: a post record's text
 * @facets: (nullable): the record's facets
 *
 * Turns a post's text into Pango markup: link facets (http and https
 * only) become links, mentions link to the profile and tags to the
 * hashtag page on bsky.app. Facets that fall outside the text, split a
 * character or overlap an earlier one are ignored.
 *
 * Returns: (transfer full): the markup
 */
char *
chorus_bluesky_facets_to_markup (const char *text,
                                 JsonArray  *facets)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GArray) found = NULL;
  gsize length;
  gsize done = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* Offsets only mean something in the text as sent. */
  length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, length);

      return chorus_html_escape_plain (valid);
    }

  found = collect_facets (text, length, facets);
  for (guint i = 0; i < found->len; i++)
    {
      Facet *facet = &g_array_index (found, Facet, i);
      g_autofree char *clean = NULL;
      g_autofree char *label = NULL;
      g_autofree char *href = NULL;

      if (facet->start < done)
        continue;

      append_plain (markup, text + done, facet->start - done);
      clean = chorus_html_sanitize_text (text + facet->start, facet->end - facet->start);
      label = g_markup_escape_text (clean, -1);
      href = g_markup_escape_text (facet->href, -1);
      g_string_append_printf (markup, "<a href=\"%s\">%s</a>", href, label);
      done = facet->end;
    }

  append_plain (markup, text + done, length - done);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Posts */

static ChorusIncomingMedia *
new_media (const char *kind,
           const char *url,
           const char *preview_url,
           const char *alt_text,
           JsonObject *aspect_ratio)
{
  ChorusIncomingMedia *media;
  g_autofree char *valid_url = _chorus_parse_dup_url (url);

  if (valid_url == NULL)
    return NULL;

  media = chorus_incoming_media_new ();
  media->kind = g_strdup (kind);
  media->url = g_steal_pointer (&valid_url);
  media->preview_url = _chorus_parse_dup_url (preview_url);
  media->alt_text = _chorus_parse_dup_nonempty (alt_text);
  media->width = _chorus_parse_size (_chorus_json_get_int (aspect_ratio, "width", 0));
  media->height = _chorus_parse_size (_chorus_json_get_int (aspect_ratio, "height", 0));

  return media;
}

static void
add_media (GPtrArray           *media,
           ChorusIncomingMedia *item)
{
  if (item != NULL)
    g_ptr_array_add (media, item);
}

/* Hydrated embeds (#view) carry CDN URLs. A raw record embed (in a
 * notification) carries blob references instead, so only its link card
 * is usable. */
static void
add_embed (ChorusIncomingPost *post,
           JsonObject         *embed,
           gboolean            may_nest)
{
  const char *type = _chorus_json_get_string (embed, "$type");
  JsonObject *external = _chorus_json_get_object (embed, "external");
  JsonArray *images = _chorus_json_get_array (embed, "images");

  if (g_strcmp0 (type, "app.bsky.embed.images#view") == 0)
    {
      for (guint i = 0; i < _chorus_json_array_length (images); i++)
        {
          JsonObject *image = _chorus_json_array_object (images, i);

          add_media (post->media, new_media ("image", _chorus_json_get_string (image, "fullsize"),
                                             _chorus_json_get_string (image, "thumb"),
                                             _chorus_json_get_string (image, "alt"),
                                             _chorus_json_get_object (image, "aspectRatio")));
        }
    }
  else if (g_strcmp0 (type, "app.bsky.embed.video#view") == 0)
    {
      add_media (post->media, new_media ("video", _chorus_json_get_string (embed, "playlist"),
                                         _chorus_json_get_string (embed, "thumbnail"),
                                         _chorus_json_get_string (embed, "alt"),
                                         _chorus_json_get_object (embed, "aspectRatio")));
    }
  else if (g_strcmp0 (type, "app.bsky.embed.external#view") == 0 ||
           g_strcmp0 (type, "app.bsky.embed.external") == 0)
    {
      add_media (post->media, new_media ("link", _chorus_json_get_string (external, "uri"),
                                         _chorus_json_get_string (external, "thumb"),
                                         _chorus_json_get_string (external, "title"),
                                         NULL));
    }
  else if (may_nest && (g_strcmp0 (type, "app.bsky.embed.recordWithMedia#view") == 0 ||
                        g_strcmp0 (type, "app.bsky.embed.recordWithMedia") == 0))
    {
      add_embed (post, _chorus_json_get_object (embed, "media"), FALSE);
    }
}

static char *
dup_at_uri (const char *uri)
{
  if (uri == NULL || !g_str_has_prefix (uri, "at://") || strlen (uri) > CHORUS_PARSE_MAX_URL ||
      !g_utf8_validate (uri, -1, NULL))
    return NULL;

  return g_strdup (uri);
}

static char *
dup_first_language (JsonArray *langs)
{
  if (_chorus_json_array_length (langs) == 0)
    return NULL;

  return _chorus_parse_dup_language (_chorus_json_string (json_array_get_element (langs, 0)));
}

static char *
dup_ref_uri (JsonObject *reply,
             const char *which)
{
  return dup_at_uri (_chorus_json_get_string (_chorus_json_get_object (reply, which), "uri"));
}

/* What a post view and a notification share: the record and its author.
 * The record's own time is what the author sees; the time the AppView
 * indexed it stands in when the record's is missing or unreadable. */
static ChorusIncomingPost *
parse_post_record (JsonObject *item,
                   JsonObject *record)
{
  g_autoptr(ChorusIncomingPost) post = NULL;
  g_autofree char *uri = dup_at_uri (_chorus_json_get_string (item, "uri"));
  const char *text = _chorus_json_get_string (record, "text");
  JsonObject *reply = _chorus_json_get_object (record, "reply");
  g_autofree char *valid_text = NULL;
  gint64 created_at;

  if (uri == NULL || record == NULL)
    return NULL;

  created_at = _chorus_parse_time (_chorus_json_get_string (record, "createdAt"));
  if (created_at <= 0)
    created_at = _chorus_parse_time (_chorus_json_get_string (item, "indexedAt"));
  if (created_at <= 0)
    return NULL;

  post = chorus_incoming_post_new ("bluesky");
  post->author = parse_author (_chorus_json_get_object (item, "author"));
  if (post->author == NULL)
    return NULL;

  post->uri = g_steal_pointer (&uri);
  post->remote_id = _chorus_json_dup_id (item, "cid");
  post->url = dup_web_url (post->uri, post->author->handle);
  post->created_at = created_at;
  post->language = dup_first_language (_chorus_json_get_array (record, "langs"));
  /* Facets index the text as sent; only then is it cleaned. */
  valid_text = _chorus_parse_dup_text (text != NULL ? text : "", CHORUS_PARSE_MAX_TEXT);
  post->markup = chorus_bluesky_facets_to_markup (valid_text, _chorus_json_get_array (record, "facets"));
  post->text = chorus_html_sanitize_text (valid_text, -1);

  post->reply_to_uri = dup_ref_uri (reply, "parent");
  post->root_uri = dup_ref_uri (reply, "root");
  if (post->reply_to_uri == NULL)
    {
      g_free (post->root_uri);
      post->root_uri = g_strdup (post->uri);
    }

  return g_steal_pointer (&post);
}

static ChorusIncomingPost *
parse_post_view (JsonObject *view)
{
  ChorusIncomingPost *post = parse_post_record (view, _chorus_json_get_object (view, "record"));

  if (post == NULL)
    return NULL;

  post->like_count = _chorus_json_get_count (view, "likeCount");
  post->repost_count = _chorus_json_get_count (view, "repostCount");
  post->reply_count = _chorus_json_get_count (view, "replyCount");
  add_embed (post, _chorus_json_get_object (view, "embed"), TRUE);

  return post;
}

/* A response's posts, each once. */

typedef struct
{
  GPtrArray  *posts;
  GHashTable *uris;
} Batch;

static void
batch_init (Batch *batch)
{
  batch->posts = chorus_incoming_post_array_new ();
  batch->uris = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
batch_add (Batch              *batch,
           ChorusIncomingPost *post)
{
  if (post == NULL)
    return;

  if (g_hash_table_contains (batch->uris, post->uri))
    {
      chorus_incoming_post_free (post);
      return;
    }

  g_hash_table_add (batch->uris, post->uri);
  g_ptr_array_add (batch->posts, post);
}

static GPtrArray *
batch_finish (Batch *batch)
{
  g_clear_pointer (&batch->uris, g_hash_table_unref);
  return g_steal_pointer (&batch->posts);
}

static char *
dup_cursor (JsonObject *response)
{
  const char *cursor = _chorus_json_get_string (response, "cursor");

  if (cursor == NULL || *cursor == '\0' || strlen (cursor) > 1024 || !g_utf8_validate (cursor, -1, NULL))
    return NULL;

  return g_strdup (cursor);
}

static void
set_cursor (char       **cursor,
            JsonObject  *response)
{
  if (cursor != NULL)
    *cursor = dup_cursor (response);
}

static void
set_shape_error (GError **error)
{
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
               _("The Bluesky server’s reply is not what Chorus asked for."));
}

/**
 * chorus_bluesky_post_from_view:
 * @post_view: an app.bsky.feed.defs#postView
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the post, or %NULL when the view
 *   has no at:// uri, author, record or date
 */
ChorusIncomingPost *
chorus_bluesky_post_from_view (JsonNode  *post_view,
                               GError   **error)
{
  ChorusIncomingPost *post;

  g_return_val_if_fail (post_view != NULL, NULL);

  post = parse_post_view (_chorus_json_object (post_view));
  if (post == NULL)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                 _("The Bluesky post has no address, author or date."));

  return post;
}

/**
 * chorus_bluesky_parse_posts:
 * @data: the body of app.bsky.feed.searchPosts, getPosts or getQuotes
 *   (`posts[]`), or of getTimeline or getAuthorFeed (`feed[].post`)
 * @length: the length of @data, or -1 when it is nul-terminated
 * @cursor: (out) (optional) (nullable): the cursor for the next page, or
 *   %NULL on the last page
 * @error: a location for a #GError
 *
 * Unusable entries are skipped; a post reposted several times counts once.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts
 */
GPtrArray *
chorus_bluesky_parse_posts (const char  *data,
                            gssize       length,
                            char       **cursor,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *response;
  JsonArray *posts;
  JsonArray *feed;
  Batch batch;

  g_return_val_if_fail (data != NULL, NULL);

  if (cursor != NULL)
    *cursor = NULL;

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  response = _chorus_json_object (root);
  posts = _chorus_json_get_array (response, "posts");
  feed = _chorus_json_get_array (response, "feed");
  if (posts == NULL && feed == NULL)
    {
      set_shape_error (error);
      return NULL;
    }

  batch_init (&batch);
  for (guint i = 0; i < _chorus_json_array_length (posts); i++)
    batch_add (&batch, parse_post_view (_chorus_json_array_object (posts, i)));
  for (guint i = 0; i < _chorus_json_array_length (feed); i++)
    {
      JsonObject *item = _chorus_json_array_object (feed, i);

      batch_add (&batch, parse_post_view (_chorus_json_get_object (item, "post")));
    }

  set_cursor (cursor, response);
  return batch_finish (&batch);
}

/**
 * chorus_bluesky_parse_notifications:
 * @data: the body of app.bsky.notification.listNotifications
 * @length: the length of @data, or -1 when it is nul-terminated
 * @cursor: (out) (optional) (nullable): the cursor for the next page
 * @error: a location for a #GError
 *
 * Mentions, replies and quotes give their post; likes, reposts, follows
 * and anything newer are ignored. A notification carries the raw record,
 * so counts are 0 and only link cards come through as media.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts
 */
GPtrArray *
chorus_bluesky_parse_notifications (const char  *data,
                                    gssize       length,
                                    char       **cursor,
                                    GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *notifications;
  Batch batch;

  g_return_val_if_fail (data != NULL, NULL);

  if (cursor != NULL)
    *cursor = NULL;

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  notifications = _chorus_json_get_array (_chorus_json_object (root), "notifications");
  if (notifications == NULL)
    {
      set_shape_error (error);
      return NULL;
    }

  batch_init (&batch);
  for (guint i = 0; i < json_array_get_length (notifications); i++)
    {
      JsonObject *item = _chorus_json_array_object (notifications, i);
      const char *reason = _chorus_json_get_string (item, "reason");
      JsonObject *record = _chorus_json_get_object (item, "record");
      const char *type = _chorus_json_get_string (record, "$type");
      ChorusIncomingPost *post;

      if (g_strcmp0 (reason, "mention") != 0 && g_strcmp0 (reason, "reply") != 0 &&
          g_strcmp0 (reason, "quote") != 0)
        continue;
      if (type != NULL && g_strcmp0 (type, "app.bsky.feed.post") != 0)
        continue;

      post = parse_post_record (item, record);
      if (post != NULL)
        add_embed (post, _chorus_json_get_object (record, "embed"), TRUE);
      batch_add (&batch, post);
    }

  set_cursor (cursor, _chorus_json_object (root));
  return batch_finish (&batch);
}

/* Threads: #threadViewPost{post, parent?, replies?[]} nests both ways;
 * #notFoundPost and #blockedPost hold no post and end a branch. */

static JsonObject *
thread_post (JsonObject *node)
{
  const char *type = _chorus_json_get_string (node, "$type");

  if (type != NULL && g_strcmp0 (type, "app.bsky.feed.defs#threadViewPost") != 0)
    return NULL;

  return _chorus_json_get_object (node, "post");
}

static void
add_replies (Batch      *batch,
             JsonObject *node,
             guint       depth)
{
  JsonArray *replies = _chorus_json_get_array (node, "replies");

  if (depth >= MAX_THREAD_DEPTH)
    return;

  for (guint i = 0; i < _chorus_json_array_length (replies); i++)
    {
      JsonObject *reply = _chorus_json_array_object (replies, i);
      JsonObject *view = thread_post (reply);

      if (view == NULL)
        continue;

      batch_add (batch, parse_post_view (view));
      add_replies (batch, reply, depth + 1);
    }
}

/**
 * chorus_bluesky_parse_thread:
 * @data: the body of app.bsky.feed.getPostThread
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Posts that were deleted or are blocked are left out, and so are the
 * branches below them. A thread whose own post is gone is empty.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts,
 *   the topmost parent first, then the post, then its replies depth-first
 */
GPtrArray *
chorus_bluesky_parse_thread (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  JsonObject *thread;
  JsonObject *view;
  Batch batch;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  thread = _chorus_json_get_object (_chorus_json_object (root), "thread");
  if (thread == NULL)
    {
      set_shape_error (error);
      return NULL;
    }

  batch_init (&batch);
  view = thread_post (thread);
  if (view == NULL)
    return batch_finish (&batch);

  for (JsonObject *node = _chorus_json_get_object (thread, "parent");
       thread_post (node) != NULL && parents->len < MAX_THREAD_DEPTH;
       node = _chorus_json_get_object (node, "parent"))
    g_ptr_array_add (parents, thread_post (node));

  for (guint i = parents->len; i > 0; i--)
    batch_add (&batch, parse_post_view (g_ptr_array_index (parents, i - 1)));

  batch_add (&batch, parse_post_view (view));
  add_replies (&batch, thread, 0);

  return batch_finish (&batch);
}

/**
 * chorus_bluesky_author_from_profile:
 * @profile: (nullable): a profile view, as a post's author or a like's
 *   actor is given
 *
 * Returns: (transfer full) (nullable): the person, or %NULL when
 *   @profile names no one
 */
ChorusIncomingAuthor *
chorus_bluesky_author_from_profile (JsonObject *profile)
{
  return profile != NULL ? parse_author (profile) : NULL;
}
