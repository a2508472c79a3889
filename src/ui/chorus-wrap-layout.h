/* chorus-wrap-layout.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_WRAP_LAYOUT (chorus_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (ChorusWrapLayout, chorus_wrap_layout, CHORUS, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *chorus_wrap_layout_new              (void);
guint             chorus_wrap_layout_get_spacing      (ChorusWrapLayout *self);
void              chorus_wrap_layout_set_spacing      (ChorusWrapLayout *self,
                                                       guint             spacing);
guint             chorus_wrap_layout_get_line_spacing (ChorusWrapLayout *self);
void              chorus_wrap_layout_set_line_spacing (ChorusWrapLayout *self,
                                                       guint             line_spacing);

G_END_DECLS
