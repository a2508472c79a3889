/* chorus-post-row.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-media-cache.h"
#include "chorus-post.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_POST_ROW (chorus_post_row_get_type ())

/* Deeper replies are shown at this depth, with every post still there. */
#define CHORUS_POST_ROW_MAX_INDENT 6

G_DECLARE_FINAL_TYPE (ChorusPostRow, chorus_post_row, CHORUS, POST_ROW, GtkWidget)

GtkWidget        *chorus_post_row_new             (void);
ChorusPost       *chorus_post_row_get_post        (ChorusPostRow    *self);
void              chorus_post_row_set_post        (ChorusPostRow    *self,
                                                   ChorusPost       *post);
ChorusMediaCache *chorus_post_row_get_media_cache (ChorusPostRow    *self);
void              chorus_post_row_set_media_cache (ChorusPostRow    *self,
                                                   ChorusMediaCache *media_cache);
guint             chorus_post_row_get_indent      (ChorusPostRow    *self);
void              chorus_post_row_set_acted       (ChorusPostRow    *self,
                                                   gboolean          can_act,
                                                   gboolean          liked,
                                                   gboolean          reposted);

G_END_DECLS
