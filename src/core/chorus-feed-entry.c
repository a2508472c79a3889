/* chorus-feed-entry.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The part of the feed reader that is the same for every format: the
 * helpers the XML and JSON readers fill a ChorusFeedEntry with, and the
 * rules that turn the entry into a ChorusIncomingPost (identity, author,
 * dates, choice and sanitizing of the content). */

#include "config.h"

#include <string.h>

#include "chorus-feed-private.h"
#include "chorus-html.h"
#include "chorus-parse-json-private.h"

#define MAX_NAME  256
#define MAX_TITLE 1024

/* Entries */

ChorusFeedEntry *
_chorus_feed_entry_new (void)
{
  ChorusFeedEntry *entry = g_new0 (ChorusFeedEntry, 1);

  entry->media = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_media_free);

  return entry;
}

static void
body_clear (ChorusFeedBody *body)
{
  g_clear_pointer (&body->text, g_free);
  g_clear_pointer (&body->base, g_free);
  g_clear_pointer (&body->language, g_free);
}

void
_chorus_feed_entry_free (ChorusFeedEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->link);
  g_free (entry->title);
  g_free (entry->date_text);
  g_free (entry->author_name);
  g_free (entry->author_url);
  body_clear (&entry->full);
  body_clear (&entry->summary);
  body_clear (&entry->media_text);
  g_free (entry->language);
  g_free (entry->reply_to);
  g_free (entry->thumbnail);
  g_clear_pointer (&entry->media, g_ptr_array_unref);
  g_free (entry);
}

/* Sets *@field to @value (taking it) unless it already holds something;
 * empty values never count. */
void
_chorus_feed_take_string (char **field,
                          char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

void
_chorus_feed_body_set (ChorusFeedBody *body,
                       char           *text,
                       gboolean        is_html,
                       const char     *base,
                       const char     *language)
{
  if (body->text != NULL || text == NULL || *g_strstrip (text) == '\0')
    {
      g_free (text);
      return;
    }

  body->text = text;
  body->is_html = is_html;
  body->base = g_strdup (base);
  body->language = g_strdup (language);
}

/* Helpers for the format readers */

char *
_chorus_feed_resolve (const char *base,
                      const char *ref)
{
  g_autofree char *trimmed = NULL;

  if (ref == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (ref));
  if (*trimmed == '\0' && base == NULL)
    return NULL;

  return _chorus_parse_resolve_uri (base, trimmed);
}

/* An absolute http or https URL, or NULL. */
char *
_chorus_feed_resolve_web (const char *base,
                          const char *ref)
{
  g_autofree char *link = NULL;

  if (ref == NULL)
    return NULL;

  if (*ref == '\0' || g_ascii_isspace (*ref))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (ref));

      link = chorus_html_resolve_link (base, *trimmed != '\0' ? trimmed : base);
    }
  else
    {
      link = chorus_html_resolve_link (base, ref);
    }

  if (link == NULL || g_str_has_prefix (link, "mailto:"))
    return NULL;

  return g_steal_pointer (&link);
}

static char *
collapse_whitespace (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *p);
      space = FALSE;
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One line of plain text, or NULL when nothing is left. */
char *
_chorus_feed_clean_title (const char *text,
                          gboolean    is_html)
{
  g_autofree char *plain = NULL;

  if (text == NULL)
    return NULL;

  if (is_html)
    chorus_html_convert (text, -1, &plain, NULL, NULL);
  else
    plain = chorus_html_sanitize_text (text, -1);

  if (g_utf8_strlen (plain, -1) > MAX_TITLE)
    *g_utf8_offset_to_pointer (plain, MAX_TITLE) = '\0';

  return collapse_whitespace (plain);
}

/* RSS authors are often "jo@example.com (Jo Doe)" or "Jo Doe <jo@…>". */
char *
_chorus_feed_clean_name (const char *text)
{
  g_autofree char *name = _chorus_feed_clean_title (text, FALSE);
  char *open;

  if (name == NULL)
    return NULL;

  if (g_str_has_suffix (name, ")") && (open = strrchr (name, '(')) != NULL && open > name)
    {
      g_autofree char *inner = g_strndup (open + 1, strlen (open + 1) - 1);
      g_autofree char *outer = g_strndup (name, open - name);

      /* Keep the part that is not an address. */
      g_free (name);
      if (strchr (outer, '@') != NULL && strchr (inner, '@') == NULL)
        name = collapse_whitespace (inner);
      else
        name = collapse_whitespace (outer);
    }
  else if (g_str_has_suffix (name, ">") && (open = strchr (name, '<')) != NULL && open > name)
    {
      *open = '\0';
      g_strchomp (name);
    }

  if (name == NULL || *name == '\0')
    return NULL;

  if (g_utf8_strlen (name, -1) > MAX_NAME)
    *g_utf8_offset_to_pointer (name, MAX_NAME) = '\0';

  return g_steal_pointer (&name);
}

/* A BCP 47 tag, or NULL: "en_US" becomes "en-US"; junk is dropped. */
char *
_chorus_feed_clean_language (const char *text)
{
  g_autofree char *tag = NULL;

  if (text == NULL)
    return NULL;

  tag = g_strstrip (g_strdup (text));
  g_strdelimit (tag, "_", '-');
  if (*tag == '\0' || strlen (tag) > 35 || !g_ascii_isalpha (*tag))
    return NULL;

  for (const char *p = tag; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return NULL;
    }

  return g_steal_pointer (&tag);
}

/* A stable id worth using as the post's key: it has a scheme (http:,
 * urn:, tag:…) and no spaces. */
gboolean
_chorus_feed_is_uri_like (const char *id)
{
  const char *scheme;

  if (id == NULL || strlen (id) > 2048)
    return FALSE;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      if (*p <= 0x20 || *p == 0x7f)
        return FALSE;
    }

  scheme = g_uri_peek_scheme (id);

  return scheme != NULL && id[strlen (scheme) + 1] != '\0';
}

/* From the MIME type or Media RSS medium, else from the file name. */
static const char *
media_kind (const char *mime_type,
            const char *medium,
            const char *url)
{
  static const char * const kinds[] = { "image", "video", "audio" };
  static const char * const extensions[] = {
    " jpg jpeg png gif webp avif svg ", " mp4 m4v webm mov ", " mp3 m4a ogg oga opus wav flac ",
  };
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  const char *dot = uri ? strrchr (g_uri_get_path (uri), '.') : NULL;
  g_autofree char *extension = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize length = strlen (kinds[i]);

      if (g_strcmp0 (medium, kinds[i]) == 0)
        return kinds[i];
      if (mime_type != NULL && g_ascii_strncasecmp (mime_type, kinds[i], length) == 0 &&
          mime_type[length] == '/')
        return kinds[i];
    }

  if (mime_type != NULL && g_ascii_strcasecmp (mime_type, "application/x-shockwave-flash") == 0)
    return "video";

  if (mime_type == NULL && medium == NULL && dot != NULL && strlen (dot) <= 6)
    {
      extension = g_strdup_printf (" %s ", dot + 1);
      for (char *p = extension; *p != '\0'; p++)
        *p = g_ascii_tolower (*p);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          if (strstr (extensions[i], extension) != NULL)
            return kinds[i];
        }
    }

  return "link";
}

/* @url and @preview_url must already be absolute http(s) URLs. */
void
_chorus_feed_add_media (ChorusFeedEntry *entry,
                        const char      *url,
                        const char      *mime_type,
                        const char      *medium,
                        const char      *preview_url,
                        const char      *alt_text,
                        int              width,
                        int              height)
{
  ChorusIncomingMedia *media;

  if (url == NULL || entry->media->len >= CHORUS_FEED_MAX_MEDIA)
    return;

  for (guint i = 0; i < entry->media->len; i++)
    {
      ChorusIncomingMedia *other = g_ptr_array_index (entry->media, i);

      if (g_strcmp0 (other->url, url) == 0)
        return;
    }

  media = chorus_incoming_media_new ();
  media->kind = g_strdup (media_kind (mime_type, medium, url));
  media->url = g_strdup (url);
  media->preview_url = g_strdup (preview_url);
  media->alt_text = _chorus_feed_clean_title (alt_text, FALSE);
  media->width = CLAMP (width, 0, 100000);
  media->height = CLAMP (height, 0, 100000);
  g_ptr_array_add (entry->media, media);
}

/* Entry → post */

/* When an entry has neither a usable id nor a link, its key is
 * "feed:<feed URL>#<hash>", the hash (SHA-256, 32 hex digits) taken over
 * the raw id, title and date as written, plus the text when the entry has
 * neither title nor date. The same entry read again gets the same key. */
static char *
derive_uri (ChorusFeedContext *ctx,
            ChorusFeedEntry   *entry,
            const char        *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *feed = ctx->feed->feed_url ? ctx->feed->feed_url : ctx->feed->site_url;
  const char *parts[] = { entry->id, entry->title, entry->date_text };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (checksum, (const guchar *) (parts[i] ? parts[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  if (entry->title == NULL && entry->date_text == NULL && text != NULL)
    g_checksum_update (checksum, (const guchar *) text, MIN (strlen (text), 4096));

  return g_strdup_printf ("feed:%s#%.32s", feed ? feed : "", g_checksum_get_string (checksum));
}

static void
convert_body (ChorusFeedBody *body,
              char          **text,
              char          **markup)
{
  if (body->is_html)
    {
      chorus_html_convert_full (body->text, -1, body->base, text, markup, NULL);
      return;
    }

  *text = chorus_html_sanitize_text (body->text, -1);
  g_strstrip (*text);
  *markup = chorus_html_escape_plain (*text);
}

static void
set_content (ChorusIncomingPost *post,
             ChorusFeedEntry    *entry)
{
  ChorusFeedBody *bodies[] = { &entry->full, &entry->summary, &entry->media_text };

  for (guint i = 0; i < G_N_ELEMENTS (bodies) && post->text == NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      if (bodies[i]->text == NULL)
        continue;

      convert_body (bodies[i], &text, &markup);
      if (*text == '\0')
        continue;

      post->text = g_steal_pointer (&text);
      post->markup = g_steal_pointer (&markup);
      post->language = _chorus_feed_clean_language (bodies[i]->language);
    }

  if (post->text == NULL)
    post->text = g_strdup ("");
}

static const char *
feed_host (ChorusFeedContext *ctx)
{
  const char *urls[] = { ctx->feed->feed_url, ctx->feed->site_url };

  for (guint i = 0; i < G_N_ELEMENTS (urls) && ctx->host == NULL; i++)
    {
      g_autoptr(GUri) uri = NULL;

      if (urls[i] != NULL)
        uri = g_uri_parse (urls[i], G_URI_FLAGS_ENCODED, NULL);
      if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
        ctx->host = g_ascii_strdown (g_uri_get_host (uri), -1);
    }

  return ctx->host;
}

static ChorusIncomingAuthor *
make_author (ChorusFeedContext *ctx,
             ChorusFeedEntry   *entry)
{
  ChorusIncomingAuthor *author = chorus_incoming_author_new ();
  const char *name = entry->author_name;
  const char *url = entry->author_url;

  if (name == NULL)
    {
      name = ctx->author_name;
      url = url ? url : ctx->author_url;
    }
  if (name == NULL)
    name = ctx->feed->title;
  if (name == NULL)
    name = feed_host (ctx);

  author->handle = g_strdup (name ? name : "feed");
  author->display_name = g_strdup (name ? name : "feed");
  author->server = g_strdup (feed_host (ctx) ? feed_host (ctx) : "");
  author->profile_url = g_strdup (url ? url : ctx->feed->site_url);

  return author;
}

/* Applies the rules every format shares and appends the post. */
void
_chorus_feed_add_entry (ChorusFeedContext *ctx,
                        ChorusFeedEntry   *entry)
{
  g_autoptr(ChorusIncomingPost) post = NULL;

  if (ctx->feed->posts->len >= CHORUS_FEED_MAX_POSTS)
    return;

  post = chorus_incoming_post_new ("feed");
  set_content (post, entry);

  if (_chorus_feed_is_uri_like (entry->id))
    post->uri = g_strdup (entry->id);
  else if (entry->link != NULL)
    post->uri = g_strdup (entry->link);
  else
    post->uri = derive_uri (ctx, entry, post->text);

  post->remote_id = g_strdup (entry->id ? entry->id : post->uri);
  post->url = g_strdup (entry->link);
  post->title = g_strdup (entry->title);
  post->author = make_author (ctx, entry);
  post->created_at = entry->published ? entry->published : entry->updated;
  if (post->created_at == 0)
    post->created_at = ctx->date;
  if (entry->published != 0 && entry->updated > entry->published)
    post->edited_at = entry->updated;

  /* An explicit language (dc:language, JSON "language") beats the xml:lang
   * in scope at the content, which beats the channel's. */
  if (entry->language != NULL)
    {
      g_autofree char *language = _chorus_feed_clean_language (entry->language);

      if (language != NULL)
        {
          g_free (post->language);
          post->language = g_steal_pointer (&language);
        }
    }
  _chorus_feed_take_string (&post->language, _chorus_feed_clean_language (ctx->language));

  post->reply_to_uri = g_strdup (entry->reply_to);
  post->reply_count = MAX (entry->reply_count, 0);

  if (entry->thumbnail != NULL)
    {
      ChorusIncomingMedia *first = entry->media->len ? g_ptr_array_index (entry->media, 0) : NULL;

      if (first == NULL)
        _chorus_feed_add_media (entry, entry->thumbnail, NULL, "image", entry->thumbnail, NULL, 0, 0);
      else if (first->preview_url == NULL)
        first->preview_url = g_strdup (entry->thumbnail);
    }
  g_ptr_array_extend_and_steal (post->media, g_steal_pointer (&entry->media));
  entry->media = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_incoming_media_free);

  g_ptr_array_add (ctx->feed->posts, g_steal_pointer (&post));
}
