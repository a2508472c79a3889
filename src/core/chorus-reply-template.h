/* chorus-reply-template.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *chorus_reply_template_expand (const char *body,
                                    const char *name,
                                    const char *handle);

G_END_DECLS
