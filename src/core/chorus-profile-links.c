/* chorus-profile-links.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-parse-json-private.h"
#include "chorus-profile-links.h"

/* A Mastodon profile carries links in two places: its fields ("Web",
 * "Bluesky": a value of HTML with an <a href>), which the author fills to
 * say where else they are, and its bio. A field that mentions another
 * account is a link too (people list their other accounts there), but a
 * mention in the bio usually names someone else, so the bio's mentions are
 * left out; hashtags never count. The profile's opt-outs are read here
 * too: discoverable and indexable are absent or null on many servers,
 * which is kept as "unknown" (-1) rather than taken for a yes or a no. */

#define MAX_LINKS       32
#define MAX_LINK_BYTES  2048
#define MAX_HTML_BYTES  (64 * 1024)

/**
 * chorus_profile_link_normalize:
 * @url: (nullable): an address as a profile carries it
 *
 * Returns: (transfer full) (nullable): the link in its normal form, or
 *   %NULL when @url is not an http or https address
 */
char *
chorus_profile_link_normalize (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  const char *scheme;
  const char *path;
  const char *query;
  gsize path_len;
  GString *link;
  int port;

  if (url == NULL || strlen (url) > MAX_LINK_BYTES ||
      !(uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL)))
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  link = g_string_new ("https://");
  g_string_append (link, host);
  port = g_uri_get_port (uri);
  if (port > 0 && port != 80 && port != 443)
    g_string_append_printf (link, ":%d", port);

  path = g_uri_get_path (uri);
  path_len = strlen (path);
  while (path_len > 0 && path[path_len - 1] == '/')
    path_len--;
  g_string_append_len (link, path, path_len);

  query = g_uri_get_query (uri);
  if (query != NULL && *query != '\0')
    g_string_append_printf (link, "?%s", query);

  return g_string_free (link, FALSE);
}

/**
 * chorus_profile_link_dup_label:
 * @link: a normalised link
 *
 * Returns: (transfer full): the link as a sentence names it:
 *   "example.org/ana" for "https://www.example.org/ana"
 */
char *
chorus_profile_link_dup_label (const char *link)
{
  if (g_str_has_prefix (link, "https://"))
    link += strlen ("https://");
  if (g_str_has_prefix (link, "www."))
    link += strlen ("www.");

  return g_strdup (link);
}

/**
 * chorus_profile_link_dup_handle:
 * @link: a normalised link
 *
 * The last part of the link's path, without a leading "@": the handle of
 * the account when @link is a profile ("ana" for
 * "https://mastodon.social/@ana", "ana.bsky.social" for
 * "https://bsky.app/profile/ana.bsky.social").
 *
 * Returns: (transfer full) (nullable): the handle, or %NULL
 */
char *
chorus_profile_link_dup_handle (const char *link)
{
  const char *path = g_str_has_prefix (link, "https://") ? strchr (link + strlen ("https://"), '/') : NULL;
  const char *last;
  const char *end;

  if (path == NULL)
    return NULL;

  last = strrchr (path, '/') + 1;
  if (*last == '@')
    last++;
  end = strchr (last, '?');
  if (end == NULL)
    end = last + strlen (last);

  return end > last ? g_strndup (last, end - last) : NULL;
}

/* The value of attribute @name in the tag text from @tag to @end, with
 * "&amp;" read as "&", or NULL. */
static char *
dup_attribute (const char *tag,
               const char *end,
               const char *name)
{
  gsize name_len = strlen (name);

  for (const char *p = tag; p + name_len + 1 < end; p++)
    {
      const char *value;
      const char *value_end;
      g_autofree char *raw = NULL;
      g_auto(GStrv) parts = NULL;
      char quote;

      if (!g_ascii_isspace (p[0]) || g_ascii_strncasecmp (p + 1, name, name_len) != 0 ||
          p[1 + name_len] != '=')
        continue;

      value = p + 2 + name_len;
      quote = (*value == '"' || *value == '\'') ? *value++ : '\0';
      for (value_end = value;
           value_end < end && (quote ? *value_end != quote : !g_ascii_isspace (*value_end));
           value_end++)
        ;

      raw = g_strndup (value, value_end - value);
      parts = g_strsplit (raw, "&amp;", -1);
      return g_strjoinv ("&", parts);
    }

  return NULL;
}

static gboolean
has_word (const char *list,
          const char *word)
{
  g_auto(GStrv) words = list != NULL ? g_strsplit_set (list, " \t\n", -1) : NULL;

  return words != NULL && g_strv_contains ((const char * const *) words, word);
}

static void
add_link (GPtrArray  *links,
          const char *href)
{
  g_autofree char *link = chorus_profile_link_normalize (href);

  if (link != NULL && links->len < MAX_LINKS &&
      !g_ptr_array_find_with_equal_func (links, link, g_str_equal, NULL))
    g_ptr_array_add (links, g_steal_pointer (&link));
}

/**
 * chorus_profile_links_add_html:
 * @links: (element-type utf8): where to add the links, each once
 * @html: (nullable): a bio or a field's value
 * @skip_mentions: whether links to other accounts (Mastodon marks them
 *   with the class "mention") are left out
 *
 * Adds the address of every link in @html. Hashtags are always left out.
 */
void
chorus_profile_links_add_html (GPtrArray  *links,
                               const char *html,
                               gboolean    skip_mentions)
{
  const char *p = html;

  if (html == NULL || strlen (html) > MAX_HTML_BYTES)
    return;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *end = strchr (p, '>');
      g_autofree char *href = NULL;
      g_autofree char *class = NULL;
      g_autofree char *rel = NULL;

      if (end == NULL)
        return;

      if (g_ascii_strncasecmp (p, "<a", 2) == 0 && g_ascii_isspace (p[2]))
        {
          href = dup_attribute (p + 2, end, "href");
          class = dup_attribute (p + 2, end, "class");
          rel = dup_attribute (p + 2, end, "rel");
          if (href != NULL && !has_word (rel, "tag") && !has_word (class, "hashtag") &&
              !(skip_mentions && has_word (class, "mention")))
            add_link (links, href);
        }
      p = end + 1;
    }
}

/**
 * chorus_profile_links_join:
 * @links: (element-type utf8): links
 *
 * Returns: (transfer full) (nullable): the links one per line, as
 *   identities.links keeps them, or %NULL when there are none
 */
char *
chorus_profile_links_join (GPtrArray *links)
{
  GString *joined;

  if (links == NULL || links->len == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < links->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, g_ptr_array_index (links, i));
    }

  return g_string_free (joined, FALSE);
}

/**
 * chorus_profile_links_contain:
 * @links: (nullable): links one per line
 * @link: a normalised link
 *
 * Returns: whether one line of @links is @link
 */
gboolean
chorus_profile_links_contain (const char *links,
                              const char *link)
{
  gsize len = strlen (link);

  for (const char *p = links; p != NULL && (p = strstr (p, link)) != NULL; p += len)
    if ((p == links || p[-1] == '\n') && (p[len] == '\0' || p[len] == '\n'))
      return TRUE;

  return FALSE;
}

/* Drops Mastodon's custom emoji (":blobcat:") from a name. */
static char *
dup_without_shortcodes (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      const char *q = p + 1;

      if (*p == ':')
        {
          while (g_ascii_isalnum (*q) || *q == '_')
            q++;
          if (*q == ':' && q > p + 1)
            {
              p = q;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * chorus_profile_name_key:
 * @name: (nullable): a display name
 *
 * What two names that are the same for a person compare by: without
 * accents, custom emoji, case or extra spaces.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for a name too
 *   short to say anything, or one that is only a handle ("@ana",
 *   "ana.bsky.social")
 */
char *
chorus_profile_name_key (const char *name)
{
  g_autofree char *plain = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean letters = FALSE;
  gboolean space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  plain = dup_without_shortcodes (name);
  decomposed = g_utf8_normalize (plain, -1, G_NORMALIZE_NFD);
  key = g_string_new (NULL);
  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      letters |= g_unichar_isalpha (c);
      g_string_append_unichar (key, c);
    }

  folded = g_utf8_casefold (key->str, -1);
  g_string_free (key, TRUE);

  if (!letters || g_utf8_strlen (folded, -1) < 2 || folded[0] == '@' ||
      (strchr (folded, ' ') == NULL && strpbrk (folded, ".@") != NULL))
    return NULL;

  return g_steal_pointer (&folded);
}

/* 1 or 0 for a boolean member, -1 when it is absent, null or not one. */
static int
get_tristate (JsonObject *object,
              const char *name)
{
  JsonNode *node = _chorus_json_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return -1;

  return json_node_get_boolean (node) ? 1 : 0;
}

/**
 * chorus_profile_read_mastodon:
 * @author: the author being parsed
 * @account: a Mastodon account
 *
 * Reads the account's opt-outs and the links of its fields and bio.
 */
void
chorus_profile_read_mastodon (ChorusIncomingAuthor *author,
                              JsonObject           *account)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  JsonArray *fields = _chorus_json_get_array (account, "fields");

  author->discoverable = get_tristate (account, "discoverable");
  author->indexable = get_tristate (account, "indexable");
  author->noindex = _chorus_json_get_bool (account, "noindex");

  for (guint i = 0; i < _chorus_json_array_length (fields); i++)
    chorus_profile_links_add_html (links, _chorus_json_get_string (_chorus_json_array_object (fields, i), "value"),
                                   FALSE);
  chorus_profile_links_add_html (links, _chorus_json_get_string (account, "note"), TRUE);

  g_free (author->links);
  author->links = chorus_profile_links_join (links);
}

/**
 * chorus_profile_read_bluesky:
 * @author: the author being parsed
 * @profile: a Bluesky profile view (a post's author)
 *
 * An author who labelled their own profile "!no-unauthenticated" asked
 * not to be shown to people who are not logged in: that counts as
 * noindex. A label negated since ("neg") does not.
 */
void
chorus_profile_read_bluesky (ChorusIncomingAuthor *author,
                             JsonObject           *profile)
{
  JsonArray *labels = _chorus_json_get_array (profile, "labels");

  for (guint i = 0; i < _chorus_json_array_length (labels); i++)
    {
      JsonObject *label = _chorus_json_array_object (labels, i);

      if (g_strcmp0 (_chorus_json_get_string (label, "val"), "!no-unauthenticated") == 0 &&
          !_chorus_json_get_bool (label, "neg"))
        author->noindex = TRUE;
    }
}
