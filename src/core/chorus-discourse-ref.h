/* chorus-discourse-ref.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a person may paste to name a forum's topic or category. */
typedef enum
{
  CHORUS_DISCOURSE_REF_TOPIC,     /* https://forum.example/t/slug/123[/4], /t/123, 123 */
  CHORUS_DISCOURSE_REF_CATEGORY,  /* https://forum.example/c/parent/slug/5, /c/slug/5, 5 */
} ChorusDiscourseRef;

gboolean chorus_discourse_parse_ref (const char          *text,
                                     ChorusDiscourseRef   kind,
                                     const char          *forum_url,
                                     gint64              *id,
                                     GError             **error);

G_END_DECLS
