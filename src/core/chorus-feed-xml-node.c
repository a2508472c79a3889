/* chorus-feed-xml-node.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading single XML nodes for the feed reader: which vocabulary an
 * element belongs to, its text (entities expanded one level at most), its
 * base URI and language, and the typed text of Atom and RSS bodies. */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/xmlsave.h>

#include "chorus-feed-private.h"

#define MAX_ENTITY_TEXT  1024
#define MAX_ENTITY_TOTAL (64 * 1024)

typedef struct
{
  const char  *name;            /* a namespace URI or an undeclared prefix */
  ChorusXmlNs  ns;
} NsName;

static const NsName namespace_uris[] = {
  { "http://www.w3.org/2005/Atom", CHORUS_NS_ATOM },
  { "http://purl.org/atom/ns#", CHORUS_NS_ATOM },
  { "http://purl.org/rss/1.0/", CHORUS_NS_PLAIN },
  { "http://my.netscape.com/rdf/simple/0.9/", CHORUS_NS_PLAIN },
  { "http://backend.userland.com/rss2", CHORUS_NS_PLAIN },
  { "http://blogs.law.harvard.edu/tech/rss", CHORUS_NS_PLAIN },
  { "http://purl.org/rss/1.0/modules/content/", CHORUS_NS_CONTENT },
  { "http://purl.org/dc/elements/1.1/", CHORUS_NS_DC },
  { "http://purl.org/dc/terms/", CHORUS_NS_DC },
  { "http://search.yahoo.com/mrss/", CHORUS_NS_MEDIA },
  { CHORUS_RDF_NS, CHORUS_NS_RDF },
  { "http://purl.org/syndication/thread/1.0", CHORUS_NS_THR },
  { "http://purl.org/rss/1.0/modules/slash/", CHORUS_NS_SLASH },
  { "http://www.w3.org/1999/xhtml", CHORUS_NS_XHTML },
};

static const NsName undeclared_prefixes[] = {
  { "content", CHORUS_NS_CONTENT }, { "dc", CHORUS_NS_DC },
  { "dcterms", CHORUS_NS_DC }, { "media", CHORUS_NS_MEDIA },
  { "atom", CHORUS_NS_ATOM }, { "rdf", CHORUS_NS_RDF },
  { "thr", CHORUS_NS_THR }, { "slash", CHORUS_NS_SLASH },
};

/* Names and namespaces */

static gboolean
same_namespace (const char *a,
                const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);

  while (la > 0 && (a[la - 1] == '/' || a[la - 1] == '#'))
    la--;
  while (lb > 0 && (b[lb - 1] == '/' || b[lb - 1] == '#'))
    lb--;

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

const char *
_chorus_xml_local_name (xmlNode *node)
{
  const char *name = (const char *) node->name;
  const char *colon;

  if (node->ns == NULL && (colon = strchr (name, ':')) != NULL)
    return colon + 1;

  return name;
}

ChorusXmlNs
_chorus_xml_ns (xmlNode *node)
{
  const char *name = (const char *) node->name;
  const char *colon;

  if (node->ns != NULL && node->ns->href != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (namespace_uris); i++)
        {
          if (same_namespace ((const char *) node->ns->href, namespace_uris[i].name))
            return namespace_uris[i].ns;
        }

      /* Userland's RSS namespaces came in several versions. */
      if (g_str_has_prefix ((const char *) node->ns->href, "http://backend.userland.com/rss"))
        return CHORUS_NS_PLAIN;

      return CHORUS_NS_OTHER;
    }

  if ((colon = strchr (name, ':')) == NULL)
    return CHORUS_NS_PLAIN;

  for (guint i = 0; i < G_N_ELEMENTS (undeclared_prefixes); i++)
    {
      if (strncmp (name, undeclared_prefixes[i].name, colon - name) == 0 &&
          undeclared_prefixes[i].name[colon - name] == '\0')
        return undeclared_prefixes[i].ns;
    }

  return CHORUS_NS_OTHER;
}

gboolean
_chorus_xml_is (xmlNode    *node,
                ChorusXmlNs ns,
                const char *name)
{
  return node->type == XML_ELEMENT_NODE && _chorus_xml_ns (node) == ns &&
         strcmp (_chorus_xml_local_name (node), name) == 0;
}

gboolean
_chorus_xml_is_atom (ChorusXmlReader *r,
                     xmlNode         *node,
                     const char      *name)
{
  return _chorus_xml_is (node, CHORUS_NS_ATOM, name) ||
         (r->atom && _chorus_xml_is (node, CHORUS_NS_PLAIN, name));
}

char *
_chorus_xml_dup_prop (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);

  return copy;
}

/* Text */

/* Entities are never substituted by the parser. A reference to an
 * internal entity gives its replacement text if that is short and has no
 * further references (so nothing can nest), up to MAX_ENTITY_TOTAL per
 * text (so nothing can multiply); an HTML entity name gives its character;
 * anything else stays as written. */
static void
append_entity (GString *out,
               xmlNode *node,
               gsize   *expanded)
{
  xmlEntity *entity = xmlGetDocEntity (node->doc, node->name);
  const htmlEntityDesc *html;

  if (entity != NULL && entity->content != NULL)
    {
      const char *content = (const char *) entity->content;
      gsize length = strlen (content);

      if (entity->etype == XML_INTERNAL_GENERAL_ENTITY && length <= MAX_ENTITY_TEXT &&
          *expanded + length <= MAX_ENTITY_TOTAL && strpbrk (content, "&<%") == NULL)
        {
          g_string_append (out, content);
          *expanded += length;
        }
      return;
    }

  if ((html = htmlEntityLookup (node->name)) != NULL)
    g_string_append_unichar (out, html->value);
  else
    g_string_append_printf (out, "&%s;", (const char *) node->name);
}

/* All text inside @node, without recursion. */
char *
_chorus_xml_dup_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);
  xmlNode *child = node->children;
  gsize expanded = 0;

  while (child != NULL)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ENTITY_REF_NODE)
        append_entity (out, child, &expanded);
      else if (child->type == XML_ELEMENT_NODE && child->children != NULL)
        {
          child = child->children;
          continue;
        }

      while (child->next == NULL && child->parent != node && child->parent != NULL)
        child = child->parent;
      child = child->next;
    }

  return g_string_free (out, FALSE);
}

char *
_chorus_xml_dup_trimmed (xmlNode *node)
{
  char *text = g_strstrip (_chorus_xml_dup_text (node));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

char *
_chorus_xml_dup_name (xmlNode *node)
{
  g_autofree char *text = _chorus_xml_dup_trimmed (node);

  return _chorus_feed_clean_name (text);
}

gboolean
_chorus_xml_has_elements (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        return TRUE;
    }

  return FALSE;
}

/* The children of @node written out as markup: inline (X)HTML that a
 * feed did not escape. Entity references stay references. */
static char *
dup_inner_xml (xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *result;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    xmlNodeDump (buffer, node->doc, child, 0, 0);

  result = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);

  return result;
}

/* The base URI in effect at @node: xml:base attributes from the root
 * down, starting from the feed URL. */
char *
_chorus_xml_dup_base (ChorusXmlReader *r,
                      xmlNode         *node)
{
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func (g_free);
  char *base = g_strdup (r->ctx->base_url);

  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      xmlChar *value = xmlGetNsProp (n, (const xmlChar *) "base", XML_XML_NAMESPACE);

      if (value != NULL)
        g_ptr_array_add (bases, g_strdup ((const char *) value));
      xmlFree (value);
    }

  for (guint i = bases->len; i > 0; i--)
    {
      char *next = _chorus_feed_resolve (base, g_ptr_array_index (bases, i - 1));

      if (next != NULL)
        {
          g_free (base);
          base = next;
        }
    }

  return base;
}

char *
_chorus_xml_dup_link (ChorusXmlReader *r,
                      xmlNode         *node,
                      const char      *ref)
{
  g_autofree char *base = NULL;

  if (ref == NULL)
    return NULL;

  base = _chorus_xml_dup_base (r, node);
  return _chorus_feed_resolve_web (base, ref);
}

char *
_chorus_xml_dup_lang (xmlNode *node)
{
  xmlChar *lang = xmlNodeGetLang (node);
  char *copy = g_strdup ((const char *) lang);

  xmlFree (lang);
  return copy;
}

/* Typed text (Atom text constructs, RSS bodies) */

ChorusXmlKind
_chorus_xml_atom_kind (xmlNode *node)
{
  g_autofree char *type = _chorus_xml_dup_prop (node, "type");
  g_autofree char *src = _chorus_xml_dup_prop (node, "src");

  if (src != NULL)
    return CHORUS_KIND_SKIP;             /* out-of-line content */
  if (type == NULL || g_ascii_strcasecmp (type, "text") == 0)
    return CHORUS_KIND_TEXT;
  if (g_ascii_strcasecmp (type, "html") == 0 || g_ascii_strcasecmp (type, "text/html") == 0)
    return CHORUS_KIND_HTML;
  if (g_ascii_strcasecmp (type, "xhtml") == 0 ||
      g_ascii_strcasecmp (type, "application/xhtml+xml") == 0)
    return CHORUS_KIND_XHTML;
  if (g_ascii_strncasecmp (type, "text/", 5) == 0)
    return CHORUS_KIND_TEXT;

  return CHORUS_KIND_SKIP;
}

/* The text of a typed element, and whether it is HTML. */
static char *
dup_typed (xmlNode      *node,
           ChorusXmlKind kind,
           gboolean     *is_html)
{
  g_autofree char *mode = _chorus_xml_dup_prop (node, "mode");

  *is_html = kind != CHORUS_KIND_TEXT;
  if (kind == CHORUS_KIND_SKIP)
    return NULL;

  if (mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0)
    {
      g_autofree char *encoded = _chorus_xml_dup_text (node);
      gsize length = 0;
      g_autofree guchar *decoded = g_base64_decode (encoded, &length);

      return g_utf8_make_valid ((const char *) decoded, length);
    }

  /* Unescaped markup inside a text or html element is HTML all the same. */
  if (kind == CHORUS_KIND_XHTML || _chorus_xml_has_elements (node))
    {
      *is_html = TRUE;
      return dup_inner_xml (node);
    }

  return _chorus_xml_dup_text (node);
}

void
_chorus_xml_set_body (ChorusXmlReader *r,
                      ChorusFeedBody  *body,
                      xmlNode         *node,
                      ChorusXmlKind    kind)
{
  g_autofree char *base = NULL;
  g_autofree char *lang = NULL;
  gboolean is_html;
  char *text;

  if (body->text != NULL || (text = dup_typed (node, kind, &is_html)) == NULL)
    return;

  base = _chorus_xml_dup_base (r, node);
  lang = _chorus_xml_dup_lang (node);
  _chorus_feed_body_set (body, text, is_html, base, lang);
}

char *
_chorus_xml_dup_title (xmlNode      *node,
                       ChorusXmlKind kind)
{
  g_autofree char *text = NULL;
  gboolean is_html;

  /* A title in a binary type is no title to show. */
  if ((text = dup_typed (node, kind, &is_html)) == NULL)
    return NULL;

  return _chorus_feed_clean_title (text, is_html);
}

/* RSS titles are HTML in practice ("AT&amp;amp;T", CDATA with tags). */
ChorusXmlKind
_chorus_xml_rss_kind (xmlNode *node)
{
  g_autofree char *text = _chorus_xml_dup_text (node);

  if (strpbrk (text, "<&") != NULL || _chorus_xml_has_elements (node))
    return CHORUS_KIND_HTML;

  return CHORUS_KIND_TEXT;
}
