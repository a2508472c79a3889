/* chorus-tag-popover.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_TAG_POPOVER (chorus_tag_popover_get_type ())

G_DECLARE_FINAL_TYPE (ChorusTagPopover, chorus_tag_popover, CHORUS, TAG_POPOVER, GtkPopover)

GtkWidget  *chorus_tag_popover_new         (void);
void        chorus_tag_popover_set_tags    (ChorusTagPopover   *self,
                                            const char * const *names);
GListModel *chorus_tag_popover_get_matches (ChorusTagPopover   *self);

G_END_DECLS
