/* chorus-wrap-box.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_WRAP_BOX (chorus_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (ChorusWrapBox, chorus_wrap_box, CHORUS, WRAP_BOX, GtkWidget)

GtkWidget *chorus_wrap_box_new    (void);
void       chorus_wrap_box_append (ChorusWrapBox *self,
                                   GtkWidget     *child);

G_END_DECLS
