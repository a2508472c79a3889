/* chorus-feed-xml.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom (1.0 and 0.3) trees, read into
 * ChorusFeedEntry records. Elements are matched by namespace and local
 * name; a few common prefixes (content:, dc:, media:…) are also recognised
 * when a feed forgets to declare them. Relative URLs resolve against the
 * nearest xml:base, then the feed URL. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "chorus-feed-private.h"


/* Media */

static void
read_media_content (ChorusXmlReader *r,
                    ChorusFeedEntry *entry,
                    xmlNode         *node,
                    const char      *group_thumbnail,
                    const char      *group_alt)
{
  g_autofree char *url_prop = _chorus_xml_dup_prop (node, "url");
  g_autofree char *url = _chorus_xml_dup_link (r, node, url_prop);
  g_autofree char *type = _chorus_xml_dup_prop (node, "type");
  g_autofree char *medium = _chorus_xml_dup_prop (node, "medium");
  g_autofree char *width = _chorus_xml_dup_prop (node, "width");
  g_autofree char *height = _chorus_xml_dup_prop (node, "height");
  g_autofree char *thumbnail = NULL;
  g_autofree char *alt = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_chorus_xml_is (child, CHORUS_NS_MEDIA, "thumbnail") && thumbnail == NULL)
        {
          g_autofree char *thumb_url = _chorus_xml_dup_prop (child, "url");

          thumbnail = _chorus_xml_dup_link (r, child, thumb_url);
        }
      else if (_chorus_xml_is (child, CHORUS_NS_MEDIA, "description") ||
               _chorus_xml_is (child, CHORUS_NS_MEDIA, "title"))
        _chorus_feed_take_string (&alt, _chorus_xml_dup_trimmed (child));
    }

  _chorus_feed_add_media (entry, url, type, medium, thumbnail ? thumbnail : group_thumbnail,
                          alt ? alt : group_alt,
                          width ? atoi (width) : 0, height ? atoi (height) : 0);
}

/* Video feeds (YouTube…) keep the text in media:description. */
static void
read_media_description (ChorusXmlReader *r,
                        ChorusFeedEntry *entry,
                        xmlNode         *node)
{
  g_autofree char *type = _chorus_xml_dup_prop (node, "type");
  ChorusXmlKind kind = g_strcmp0 (type, "html") == 0 ? CHORUS_KIND_HTML : CHORUS_KIND_TEXT;

  _chorus_xml_set_body (r, &entry->media_text, node, kind);
}

static void
read_media_group (ChorusXmlReader *r,
                  ChorusFeedEntry *entry,
                  xmlNode         *group)
{
  g_autofree char *thumbnail = NULL;
  g_autofree char *alt = NULL;

  for (xmlNode *child = group->children; child != NULL; child = child->next)
    {
      if (_chorus_xml_is (child, CHORUS_NS_MEDIA, "thumbnail") && thumbnail == NULL)
        {
          g_autofree char *url = _chorus_xml_dup_prop (child, "url");

          thumbnail = _chorus_xml_dup_link (r, child, url);
        }
      else if (_chorus_xml_is (child, CHORUS_NS_MEDIA, "description") ||
               _chorus_xml_is (child, CHORUS_NS_MEDIA, "title"))
        _chorus_feed_take_string (&alt, _chorus_xml_dup_trimmed (child));

      if (_chorus_xml_is (child, CHORUS_NS_MEDIA, "description"))
        read_media_description (r, entry, child);
    }

  for (xmlNode *child = group->children; child != NULL; child = child->next)
    {
      if (_chorus_xml_is (child, CHORUS_NS_MEDIA, "content"))
        read_media_content (r, entry, child, thumbnail, alt);
    }

  if (thumbnail != NULL && entry->thumbnail == NULL)
    entry->thumbnail = g_steal_pointer (&thumbnail);
}

static void
read_media (ChorusXmlReader *r,
            ChorusFeedEntry *entry,
            xmlNode         *node)
{
  if (strcmp (_chorus_xml_local_name (node), "content") == 0)
    read_media_content (r, entry, node, NULL, NULL);
  else if (strcmp (_chorus_xml_local_name (node), "group") == 0)
    read_media_group (r, entry, node);
  else if (strcmp (_chorus_xml_local_name (node), "description") == 0)
    read_media_description (r, entry, node);
  else if (strcmp (_chorus_xml_local_name (node), "thumbnail") == 0 && entry->thumbnail == NULL)
    {
      g_autofree char *url = _chorus_xml_dup_prop (node, "url");

      entry->thumbnail = _chorus_xml_dup_link (r, node, url);
    }
}

static void
read_enclosure (ChorusXmlReader *r,
                ChorusFeedEntry *entry,
                xmlNode         *node,
                const char      *url_attribute)
{
  g_autofree char *url_prop = _chorus_xml_dup_prop (node, url_attribute);
  g_autofree char *url = _chorus_xml_dup_link (r, node, url_prop);
  g_autofree char *type = _chorus_xml_dup_prop (node, "type");

  _chorus_feed_add_media (entry, url, type, NULL, NULL, NULL, 0, 0);
}

/* Atom */

static void
read_atom_person (ChorusXmlReader *r,
                  xmlNode         *node,
                  char           **name,
                  char           **url)
{
  g_autofree char *found_name = NULL;
  g_autofree char *found_url = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_chorus_xml_is_atom (r, child, "name"))
        _chorus_feed_take_string (&found_name, _chorus_xml_dup_name (child));
      else if (_chorus_xml_is_atom (r, child, "uri") || _chorus_xml_is_atom (r, child, "url"))
        {
          g_autofree char *text = _chorus_xml_dup_trimmed (child);

          _chorus_feed_take_string (&found_url, _chorus_xml_dup_link (r, child, text));
        }
    }

  /* An author whose only detail is a text node: <author>Jo</author> */
  if (found_name == NULL && !_chorus_xml_has_elements (node))
    found_name = _chorus_xml_dup_name (node);

  if (found_name != NULL && *name == NULL)
    {
      *name = g_steal_pointer (&found_name);
      g_free (*url);
      *url = g_steal_pointer (&found_url);
    }
}

/* Returns the rel of an Atom link, "alternate" when it has none. */
static char *
dup_rel (xmlNode *node)
{
  char *rel = _chorus_xml_dup_prop (node, "rel");

  if (rel == NULL || *rel == '\0')
    {
      g_free (rel);
      return g_strdup ("alternate");
    }

  return rel;
}

static void
read_atom_link (ChorusXmlReader *r,
                ChorusFeedEntry *entry,
                xmlNode         *node,
                gboolean        *link_is_html)
{
  g_autofree char *rel = dup_rel (node);
  g_autofree char *href = _chorus_xml_dup_prop (node, "href");
  g_autofree char *type = _chorus_xml_dup_prop (node, "type");

  if (g_ascii_strcasecmp (rel, "enclosure") == 0)
    {
      read_enclosure (r, entry, node, "href");
      return;
    }

  if (g_ascii_strcasecmp (rel, "alternate") != 0 &&
      g_ascii_strcasecmp (rel, "http://www.iana.org/assignments/relation/alternate") != 0)
    return;

  /* Several alternates: the HTML one wins. */
  if (entry->link == NULL || (!*link_is_html && g_strcmp0 (type, "text/html") == 0))
    {
      char *link = _chorus_xml_dup_link (r, node, href);

      if (link != NULL)
        {
          g_free (entry->link);
          entry->link = link;
          *link_is_html = g_strcmp0 (type, "text/html") == 0;
        }
    }
}

static void
read_date (xmlNode *node,
           gint64  *date,
           char   **date_text)
{
  g_autofree char *text = _chorus_xml_dup_trimmed (node);
  gint64 value = chorus_feed_parse_date (text);

  if (value == 0 || *date != 0)
    return;

  *date = value;
  if (date_text != NULL && *date_text == NULL)
    *date_text = g_steal_pointer (&text);
}

/* Elements from other vocabularies that RSS and Atom entries share. */
static void
read_common (ChorusXmlReader *r,
             ChorusFeedEntry *entry,
             xmlNode         *child)
{
  const char *name = _chorus_xml_local_name (child);

  switch (_chorus_xml_ns (child))
    {
    case CHORUS_NS_CONTENT:
      if (strcmp (name, "encoded") == 0)
        _chorus_xml_set_body (r, &entry->full, child, CHORUS_KIND_HTML);
      break;

    case CHORUS_NS_DC:
      if (strcmp (name, "creator") == 0)
        _chorus_feed_take_string (&entry->author_name, _chorus_xml_dup_name (child));
      else if (strcmp (name, "date") == 0 || strcmp (name, "issued") == 0 ||
               strcmp (name, "created") == 0)
        read_date (child, &entry->published, &entry->date_text);
      else if (strcmp (name, "modified") == 0)
        read_date (child, &entry->updated, NULL);
      else if (strcmp (name, "language") == 0)
        _chorus_feed_take_string (&entry->language, _chorus_xml_dup_trimmed (child));
      else if (strcmp (name, "title") == 0)
        _chorus_feed_take_string (&entry->title,
                                  _chorus_xml_dup_title (child, _chorus_xml_rss_kind (child)));
      else if (strcmp (name, "description") == 0)
        _chorus_xml_set_body (r, &entry->summary, child, CHORUS_KIND_HTML);
      break;

    case CHORUS_NS_MEDIA:
      read_media (r, entry, child);
      break;

    case CHORUS_NS_SLASH:
      if (strcmp (name, "comments") == 0)
        {
          g_autofree char *count = _chorus_xml_dup_trimmed (child);

          entry->reply_count = count ? g_ascii_strtoll (count, NULL, 10) : 0;
        }
      break;

    case CHORUS_NS_THR:
      if (strcmp (name, "in-reply-to") == 0 && entry->reply_to == NULL)
        {
          g_autofree char *ref = _chorus_xml_dup_prop (child, "ref");

          if (_chorus_feed_is_uri_like (ref))
            entry->reply_to = g_steal_pointer (&ref);
        }
      else if (strcmp (name, "total") == 0)
        {
          g_autofree char *count = _chorus_xml_dup_trimmed (child);

          entry->reply_count = count ? g_ascii_strtoll (count, NULL, 10) : 0;
        }
      break;

    case CHORUS_NS_OTHER:
    case CHORUS_NS_PLAIN:
    case CHORUS_NS_ATOM:
    case CHORUS_NS_RDF:
    case CHORUS_NS_XHTML:
    default:
      break;
    }
}

/* Without a body to carry it, the xml:lang in scope goes on the entry. */
static void
finish_entry (ChorusXmlReader *r,
              ChorusFeedEntry *entry,
              xmlNode         *node)
{
  if (entry->full.text == NULL && entry->summary.text == NULL && entry->media_text.text == NULL)
    _chorus_feed_take_string (&entry->language, _chorus_xml_dup_lang (node));

  _chorus_feed_add_entry (r->ctx, entry);
}

static void
read_atom_id (ChorusXmlReader *r,
              ChorusFeedEntry *entry,
              xmlNode         *node)
{
  g_autofree char *id = _chorus_xml_dup_trimmed (node);

  if (id == NULL || entry->id != NULL)
    return;

  /* Atom ids are IRIs compared as strings; a relative one is a feed bug
   * that resolving against xml:base repairs. */
  if (!_chorus_feed_is_uri_like (id))
    {
      g_autofree char *base = _chorus_xml_dup_base (r, node);
      g_autofree char *resolved = _chorus_feed_resolve (base, id);

      if (_chorus_feed_is_uri_like (resolved))
        {
          g_free (id);
          id = g_steal_pointer (&resolved);
        }
    }

  entry->id = g_steal_pointer (&id);
}

static void
read_atom_entry (ChorusXmlReader *r,
                 xmlNode         *node)
{
  g_autoptr(ChorusFeedEntry) entry = _chorus_feed_entry_new ();
  gboolean link_is_html = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_chorus_xml_is_atom (r, child, "id"))
        read_atom_id (r, entry, child);
      else if (_chorus_xml_is_atom (r, child, "title"))
        _chorus_feed_take_string (&entry->title,
                                  _chorus_xml_dup_title (child, _chorus_xml_atom_kind (child)));
      else if (_chorus_xml_is_atom (r, child, "link"))
        read_atom_link (r, entry, child, &link_is_html);
      else if (_chorus_xml_is_atom (r, child, "published") ||
               _chorus_xml_is_atom (r, child, "issued") ||
               _chorus_xml_is_atom (r, child, "created"))
        read_date (child, &entry->published, &entry->date_text);
      else if (_chorus_xml_is_atom (r, child, "updated") ||
               _chorus_xml_is_atom (r, child, "modified"))
        read_date (child, &entry->updated, NULL);
      else if (_chorus_xml_is_atom (r, child, "author"))
        read_atom_person (r, child, &entry->author_name, &entry->author_url);
      else if (_chorus_xml_is_atom (r, child, "content"))
        _chorus_xml_set_body (r, &entry->full, child, _chorus_xml_atom_kind (child));
      else if (_chorus_xml_is_atom (r, child, "summary"))
        _chorus_xml_set_body (r, &entry->summary, child, _chorus_xml_atom_kind (child));
      else if (_chorus_xml_is_atom (r, child, "source"))
        {
          for (xmlNode *s = child->children; s != NULL; s = s->next)
            {
              if (_chorus_xml_is_atom (r, s, "author"))
                read_atom_person (r, s, &entry->author_name, &entry->author_url);
            }
        }
      else
        read_common (r, entry, child);
    }

  if (entry->date_text == NULL && entry->updated != 0)
    entry->date_text = g_strdup_printf ("%" G_GINT64_FORMAT, entry->updated);
  finish_entry (r, entry, node);
}

/* Without a URL from the caller, the feed's own self link is the base
 * for everything else. */
static void
read_self_link (ChorusXmlReader *r,
                xmlNode         *node)
{
  ChorusFeedContext *ctx = r->ctx;

  for (xmlNode *child = node->children; child != NULL && ctx->feed->feed_url == NULL; child = child->next)
    {
      g_autofree char *rel = NULL;
      g_autofree char *href = NULL;

      if (!_chorus_xml_is_atom (r, child, "link"))
        continue;

      rel = dup_rel (child);
      href = _chorus_xml_dup_prop (child, "href");
      if (g_ascii_strcasecmp (rel, "self") == 0 &&
          (ctx->feed->feed_url = _chorus_xml_dup_link (r, child, href)) != NULL)
        {
          g_free (ctx->base_url);
          ctx->base_url = g_strdup (ctx->feed->feed_url);
        }
    }
}

/* Feed-level details: title, site, author, language, date. */
static void
read_feed_meta (ChorusXmlReader *r,
                xmlNode         *node)
{
  ChorusFeed *feed = r->ctx->feed;

  read_self_link (r, node);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (r->atom && _chorus_xml_is_atom (r, child, "title"))
        _chorus_feed_take_string (&feed->title,
                                  _chorus_xml_dup_title (child, _chorus_xml_atom_kind (child)));
      else if ((!r->atom && _chorus_xml_is (child, CHORUS_NS_PLAIN, "title")) ||
               _chorus_xml_is (child, CHORUS_NS_DC, "title"))
        _chorus_feed_take_string (&feed->title,
                                  _chorus_xml_dup_title (child, _chorus_xml_rss_kind (child)));
      else if (!r->atom && _chorus_xml_is (child, CHORUS_NS_PLAIN, "link"))
        {
          g_autofree char *text = _chorus_xml_dup_trimmed (child);

          _chorus_feed_take_string (&feed->site_url, _chorus_xml_dup_link (r, child, text));
        }
      else if (_chorus_xml_is_atom (r, child, "link"))
        {
          g_autofree char *rel = dup_rel (child);
          g_autofree char *href = _chorus_xml_dup_prop (child, "href");

          if (g_ascii_strcasecmp (rel, "alternate") == 0)
            _chorus_feed_take_string (&feed->site_url, _chorus_xml_dup_link (r, child, href));
        }
      else if (_chorus_xml_is_atom (r, child, "author"))
        read_atom_person (r, child, &r->ctx->author_name, &r->ctx->author_url);
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "managingEditor") ||
               _chorus_xml_is (child, CHORUS_NS_DC, "creator"))
        _chorus_feed_take_string (&r->ctx->author_name, _chorus_xml_dup_name (child));
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "language") ||
               _chorus_xml_is (child, CHORUS_NS_DC, "language"))
        _chorus_feed_take_string (&r->ctx->language, _chorus_xml_dup_trimmed (child));
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "pubDate") ||
               _chorus_xml_is (child, CHORUS_NS_PLAIN, "lastBuildDate") ||
               _chorus_xml_is (child, CHORUS_NS_DC, "date") ||
               _chorus_xml_is_atom (r, child, "updated") ||
               _chorus_xml_is_atom (r, child, "modified"))
        read_date (child, &r->ctx->date, NULL);
    }

  _chorus_feed_take_string (&r->ctx->language, _chorus_xml_dup_lang (node));
}

static void
read_atom_feed (ChorusXmlReader *r,
                xmlNode         *root)
{
  read_feed_meta (r, root);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      /* Some generators write RSS's <item> in Atom. */
      if (_chorus_xml_is_atom (r, child, "entry") || _chorus_xml_is_atom (r, child, "item"))
        read_atom_entry (r, child);
    }
}

/* RSS */

static void
read_rss_item (ChorusXmlReader *r,
               xmlNode         *node)
{
  g_autoptr(ChorusFeedEntry) entry = _chorus_feed_entry_new ();
  g_autofree char *guid = NULL;
  g_autofree char *permalink = NULL;
  g_autofree char *pub_date = NULL;
  gboolean link_is_html = FALSE;
  xmlChar *about = xmlGetNsProp (node, (const xmlChar *) "about", (const xmlChar *) CHORUS_RDF_NS);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "title"))
        _chorus_feed_take_string (&entry->title,
                                  _chorus_xml_dup_title (child, _chorus_xml_rss_kind (child)));
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "link"))
        {
          g_autofree char *text = _chorus_xml_dup_trimmed (child);

          _chorus_feed_take_string (&entry->link, _chorus_xml_dup_link (r, child, text));
        }
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "guid") && guid == NULL)
        {
          /* An empty <guid> counts as none, so a later one is read too:
           * its isPermaLink goes with it and replaces the first one's. */
          guid = _chorus_xml_dup_trimmed (child);
          g_free (permalink);
          permalink = _chorus_xml_dup_prop (child, "isPermaLink");
        }
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "description"))
        _chorus_xml_set_body (r, &entry->summary, child, CHORUS_KIND_HTML);
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "author"))
        _chorus_feed_take_string (&entry->author_name, _chorus_xml_dup_name (child));
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "pubDate") && pub_date == NULL)
        pub_date = _chorus_xml_dup_trimmed (child);
      else if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "enclosure"))
        read_enclosure (r, entry, child, "url");
      else if (_chorus_xml_is (child, CHORUS_NS_ATOM, "link"))
        read_atom_link (r, entry, child, &link_is_html);
      else if (_chorus_xml_is (child, CHORUS_NS_ATOM, "published"))
        read_date (child, &entry->published, &entry->date_text);
      else if (_chorus_xml_is (child, CHORUS_NS_ATOM, "updated"))
        read_date (child, &entry->updated, NULL);
      else if (_chorus_xml_is (child, CHORUS_NS_ATOM, "author"))
        read_atom_person (r, child, &entry->author_name, &entry->author_url);
      else if (_chorus_xml_is (child, CHORUS_NS_ATOM, "content"))
        _chorus_xml_set_body (r, &entry->full, child, _chorus_xml_atom_kind (child));
      else if (_chorus_xml_is (child, CHORUS_NS_ATOM, "summary"))
        _chorus_xml_set_body (r, &entry->summary, child, _chorus_xml_atom_kind (child));
      else
        read_common (r, entry, child);
    }

  /* pubDate wins over dc:date and atom:published. */
  if (chorus_feed_parse_date (pub_date) != 0)
    {
      entry->published = chorus_feed_parse_date (pub_date);
      g_free (entry->date_text);
      entry->date_text = g_steal_pointer (&pub_date);
    }
  _chorus_feed_take_string (&entry->date_text, g_steal_pointer (&pub_date));

  entry->id = g_steal_pointer (&guid);
  if (entry->id == NULL && about != NULL)
    entry->id = _chorus_xml_dup_link (r, node, (const char *) about);
  xmlFree (about);

  /* A guid is the item's URL unless isPermaLink="false". */
  if (entry->link == NULL && entry->id != NULL &&
      g_ascii_strcasecmp (permalink ? permalink : "", "false") != 0)
    {
      const char *scheme = g_uri_peek_scheme (entry->id);

      if (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0)
        entry->link = _chorus_xml_dup_link (r, node, entry->id);
    }

  finish_entry (r, entry, node);
}

static xmlNode *
find_child (xmlNode    *node,
            ChorusXmlNs ns,
            const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_chorus_xml_is (child, ns, name))
        return child;
    }

  return NULL;
}

/* RSS 0.9x/2.0 keep items in <channel>; RSS 1.0 beside it. Both places
 * are read for both, as broken feeds mix them. */
static void
read_rss (ChorusXmlReader *r,
          xmlNode         *root)
{
  xmlNode *channel = find_child (root, CHORUS_NS_PLAIN, "channel");

  if (channel == NULL)
    channel = root;

  read_feed_meta (r, channel);

  for (xmlNode *child = channel->children; child != NULL; child = child->next)
    {
      if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "item"))
        read_rss_item (r, child);
    }

  for (xmlNode *child = root->children; channel != root && child != NULL; child = child->next)
    {
      if (_chorus_xml_is (child, CHORUS_NS_PLAIN, "item"))
        read_rss_item (r, child);
    }
}

ChorusFeedStatus
_chorus_feed_parse_xml (ChorusFeedContext *ctx,
                        xmlDoc            *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  ChorusXmlReader reader = { ctx, FALSE };
  const char *name;
  ChorusXmlNs ns;

  if (root == NULL)
    return CHORUS_FEED_STATUS_EMPTY;

  name = _chorus_xml_local_name (root);
  ns = _chorus_xml_ns (root);

  if ((ns == CHORUS_NS_PLAIN &&
       (g_ascii_strcasecmp (name, "rss") == 0 || strcmp (name, "channel") == 0)) ||
      ((ns == CHORUS_NS_RDF || ns == CHORUS_NS_PLAIN) && strcmp (name, "RDF") == 0))
    {
      read_rss (&reader, root);
      return CHORUS_FEED_STATUS_OK;
    }

  if ((ns == CHORUS_NS_ATOM || ns == CHORUS_NS_PLAIN) && strcmp (name, "feed") == 0)
    {
      reader.atom = TRUE;
      read_atom_feed (&reader, root);
      return CHORUS_FEED_STATUS_OK;
    }

  if (ns == CHORUS_NS_ATOM && strcmp (name, "entry") == 0)
    {
      reader.atom = TRUE;
      read_atom_entry (&reader, root);
      return CHORUS_FEED_STATUS_OK;
    }

  if (ns == CHORUS_NS_XHTML || g_ascii_strcasecmp (name, "html") == 0 ||
      g_ascii_strcasecmp (name, "head") == 0 || g_ascii_strcasecmp (name, "body") == 0)
    return CHORUS_FEED_STATUS_WEB_PAGE;

  return CHORUS_FEED_STATUS_NOT_A_FEED;
}
