/* chorus-image-chooser.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *chorus_image_chooser_new (GtkWidget  *parent,
                                                const char *title);

G_END_DECLS
