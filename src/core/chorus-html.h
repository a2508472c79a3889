/* chorus-html.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Remote HTML (Mastodon statuses, Discourse posts, feed entries) becomes
 * plain text for search and excerpts, and a small, safe subset of Pango
 * markup for display: <b>, <i>, <tt>, <s> and <a href> (http, https and
 * mailto only). Everything else is text, escaped. */

#define CHORUS_HTML_MAX_TEXT (256 * 1024)

gboolean  chorus_html_convert        (const char  *html,
                                      gssize       length,
                                      char       **plain_text,
                                      char       **markup,
                                      GError     **error);
gboolean  chorus_html_convert_full   (const char  *html,
                                      gssize       length,
                                      const char  *base_uri,
                                      char       **plain_text,
                                      char       **markup,
                                      GError     **error);
char     *chorus_html_escape_plain   (const char  *text);
char     *chorus_html_sanitize_text  (const char  *text,
                                      gssize       length);
char     *chorus_html_resolve_link   (const char  *base_uri,
                                      const char  *href);
void      chorus_html_ensure_libxml  (void);

G_END_DECLS
