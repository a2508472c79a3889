/* chorus-image-chooser.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-image-chooser.h"

/**
 * chorus_image_chooser_new:
 * @parent: a widget in the window the chooser belongs to
 * @title: the chooser's title, such as "Add Image"
 *
 * A modal file chooser for one image of the kinds the media import takes
 * (chorus-media-import.c): JPEG, PNG, GIF and WebP. The caller shows it
 * and handles "response".
 *
 * Returns: (transfer full): the chooser
 */
GtkFileChooserNative *
chorus_image_chooser_new (GtkWidget  *parent,
                          const char *title)
{
  static const char * const types[] = { "image/jpeg", "image/png", "image/gif", "image/webp" };
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Images (JPEG, PNG, GIF, WebP)"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (filter, types[i]);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}
