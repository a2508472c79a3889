/* chorus-stack-switcher.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_STACK_SWITCHER (chorus_stack_switcher_get_type ())

G_DECLARE_FINAL_TYPE (ChorusStackSwitcher, chorus_stack_switcher, CHORUS, STACK_SWITCHER, GtkWidget)

GtkWidget *chorus_stack_switcher_new       (GtkStack            *stack);
GtkStack  *chorus_stack_switcher_get_stack (ChorusStackSwitcher *self);
void       chorus_stack_switcher_set_stack (ChorusStackSwitcher *self,
                                            GtkStack            *stack);
GtkLabel  *chorus_button_shrink_label      (GtkButton           *button);

G_END_DECLS
