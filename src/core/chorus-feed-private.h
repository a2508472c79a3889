/* chorus-feed-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "chorus-feed-parser.h"

G_BEGIN_DECLS

/* What the parts of the feed reader share. The format readers
 * (chorus-feed-xml.c, chorus-feed-json.c) fill a ChorusFeedEntry per item,
 * raw but with URLs already absolute, and _chorus_feed_add_entry()
 * (chorus-feed-entry.c) applies the rules that are the same for every
 * format: identity, author, dates, choice and sanitizing of the content. */

#define CHORUS_FEED_MAX_POSTS 10000
#define CHORUS_FEED_MAX_MEDIA 32

typedef enum
{
  CHORUS_FEED_STATUS_OK,
  CHORUS_FEED_STATUS_EMPTY,
  CHORUS_FEED_STATUS_WEB_PAGE,
  CHORUS_FEED_STATUS_NOT_A_FEED,
  CHORUS_FEED_STATUS_BAD_JSON,
} ChorusFeedStatus;

typedef struct
{
  char     *text;               /* HTML or plain text as found */
  gboolean  is_html;
  char     *base;               /* what relative links in it resolve against */
  char     *language;           /* xml:lang in scope, or NULL */
} ChorusFeedBody;

typedef struct
{
  char           *id;           /* guid, Atom id, rdf:about, JSON id, as written */
  char           *link;         /* absolute http(s) */
  char           *title;        /* plain text */
  gint64          published;
  gint64          updated;
  char           *date_text;    /* the date as written, for derived ids */
  char           *author_name;
  char           *author_url;   /* absolute http(s) */
  ChorusFeedBody  full;         /* content:encoded, content, content_html/_text */
  ChorusFeedBody  summary;      /* description, summary */
  ChorusFeedBody  media_text;   /* media:description, the last resort */
  char           *language;
  char           *reply_to;
  gint64          reply_count;
  char           *thumbnail;    /* media:thumbnail outside any media:content */
  GPtrArray      *media;        /* ChorusIncomingMedia */
} ChorusFeedEntry;

typedef struct
{
  ChorusFeed *feed;
  char       *base_url;         /* the feed URL, for relative links */
  char       *author_name;      /* feed-level author */
  char       *author_url;
  char       *language;         /* feed-level language */
  char       *host;             /* author server, from the feed or site URL */
  gint64      date;             /* the feed's own date, for undated entries */
} ChorusFeedContext;

ChorusFeedEntry  *_chorus_feed_entry_new        (void);
void              _chorus_feed_entry_free       (ChorusFeedEntry   *entry);
void              _chorus_feed_body_set         (ChorusFeedBody    *body,
                                                 char              *text,
                                                 gboolean           is_html,
                                                 const char        *base,
                                                 const char        *language);
void              _chorus_feed_add_entry        (ChorusFeedContext *ctx,
                                                 ChorusFeedEntry   *entry);
void              _chorus_feed_add_media        (ChorusFeedEntry   *entry,
                                                 const char        *url,
                                                 const char        *mime_type,
                                                 const char        *medium,
                                                 const char        *preview_url,
                                                 const char        *alt_text,
                                                 int                width,
                                                 int                height);
char             *_chorus_feed_resolve          (const char        *base,
                                                 const char        *ref);
char             *_chorus_feed_resolve_web      (const char        *base,
                                                 const char        *ref);
char             *_chorus_feed_clean_title      (const char        *text,
                                                 gboolean           is_html);
char             *_chorus_feed_clean_name       (const char        *text);
char             *_chorus_feed_clean_language   (const char        *text);
gboolean          _chorus_feed_is_uri_like      (const char        *id);
void              _chorus_feed_take_string      (char             **field,
                                                 char              *value);

char             *_chorus_feed_to_utf8          (const char        *data,
                                                 gsize              length,
                                                 const char        *content_type,
                                                 gsize             *out_length);
ChorusFeedStatus  _chorus_feed_parse_xml        (ChorusFeedContext *ctx,
                                                 xmlDoc            *doc);
ChorusFeedStatus  _chorus_feed_parse_json       (ChorusFeedContext *ctx,
                                                 const char        *data,
                                                 gsize              length,
                                                 GError           **error);

/* chorus-feed-xml-node.c: single XML nodes */

#define CHORUS_RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

typedef enum
{
  CHORUS_NS_OTHER,
  CHORUS_NS_PLAIN,         /* no namespace, or RSS's own */
  CHORUS_NS_ATOM,
  CHORUS_NS_CONTENT,
  CHORUS_NS_DC,
  CHORUS_NS_MEDIA,
  CHORUS_NS_RDF,
  CHORUS_NS_THR,
  CHORUS_NS_SLASH,
  CHORUS_NS_XHTML,
} ChorusXmlNs;

typedef enum
{
  CHORUS_KIND_TEXT,
  CHORUS_KIND_HTML,
  CHORUS_KIND_XHTML,
  CHORUS_KIND_SKIP,
} ChorusXmlKind;

typedef struct
{
  ChorusFeedContext *ctx;
  gboolean           atom;      /* un-namespaced elements are Atom's */
} ChorusXmlReader;

ChorusXmlNs        _chorus_xml_ns                    (xmlNode             *node);
const char         *_chorus_xml_local_name            (xmlNode             *node);
gboolean            _chorus_xml_is                    (xmlNode             *node,
                                                            ChorusXmlNs         ns,
                                                            const char          *name);
gboolean            _chorus_xml_is_atom               (ChorusXmlReader *r,
                                                            xmlNode             *node,
                                                            const char          *name);
char               *_chorus_xml_dup_prop              (xmlNode             *node,
                                                            const char          *name);
char               *_chorus_xml_dup_text              (xmlNode             *node);
char               *_chorus_xml_dup_trimmed      (xmlNode             *node);
char               *_chorus_xml_dup_name              (xmlNode             *node);
gboolean            _chorus_xml_has_elements  (xmlNode             *node);
char               *_chorus_xml_dup_base              (ChorusXmlReader *r,
                                                            xmlNode             *node);
char               *_chorus_xml_dup_link              (ChorusXmlReader *r,
                                                            xmlNode             *node,
                                                            const char          *ref);
char               *_chorus_xml_dup_lang              (xmlNode             *node);
ChorusXmlKind  _chorus_xml_atom_kind             (xmlNode             *node);
ChorusXmlKind  _chorus_xml_rss_kind              (xmlNode             *node);
void                _chorus_xml_set_body              (ChorusXmlReader *r,
                                                            ChorusFeedBody      *body,
                                                            xmlNode             *node,
                                                            ChorusXmlKind   kind);
char               *_chorus_xml_dup_title             (xmlNode             *node,
                                                            ChorusXmlKind   kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusFeedEntry, _chorus_feed_entry_free)

G_END_DECLS
