/* chorus-text.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *chorus_text_safe_name (const char *name);
char *chorus_text_isolate   (const char *text);

G_END_DECLS
