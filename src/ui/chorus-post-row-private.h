/* chorus-post-row-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-post-row.h"

G_BEGIN_DECLS

/* See chorus-post-row-parts.c. */
const char *_chorus_post_row_media_icon        (const char           *kind);
const char *_chorus_post_row_media_name        (const char           *kind);
GtkWidget  *_chorus_post_row_build_poll_option (const ChorusPostPoll *poll,
                                                guint                 index);

G_END_DECLS
