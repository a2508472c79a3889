/* chorus-html-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  _chorus_html_append_sanitized (GString    *out,
                                     const char *text,
                                     gsize       length);
gsize _chorus_html_utf8_floor       (const char *text,
                                     gsize       length);

G_END_DECLS
