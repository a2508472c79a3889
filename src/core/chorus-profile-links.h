/* chorus-profile-links.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* The links an author's profile carries, and the names and addresses
 * merge suggestions compare (see chorus-store-merges.c). A link is kept
 * normalised: https, lower-case host without a default port, no trailing
 * slash and no fragment, so that "http://Example.org/" and
 * "https://example.org" are the same link. */

char     *chorus_profile_link_normalize    (const char            *url);
char     *chorus_profile_link_dup_label    (const char            *link);
char     *chorus_profile_link_dup_handle   (const char            *link);
void      chorus_profile_links_add_html    (GPtrArray             *links,
                                            const char            *html,
                                            gboolean               skip_mentions);
char     *chorus_profile_links_join        (GPtrArray             *links);
gboolean  chorus_profile_links_contain     (const char            *links,
                                            const char            *link);
char     *chorus_profile_name_key          (const char            *name);
void      chorus_profile_read_mastodon     (ChorusIncomingAuthor  *author,
                                            JsonObject            *account);
void      chorus_profile_read_bluesky      (ChorusIncomingAuthor  *author,
                                            JsonObject            *profile);

G_END_DECLS
