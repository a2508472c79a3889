/* chorus-hashtag.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *chorus_hashtag_normalize       (const char *tag);
gboolean  chorus_hashtag_in_text         (const char *text,
                                          const char *normalized_tag);
gboolean  chorus_hashtag_in_markup       (const char *markup,
                                          const char *normalized_tag);
char     *chorus_hashtag_dup_entry_title (const char *text,
                                          const char *normalized_tag,
                                          guint       max_chars);

G_END_DECLS
