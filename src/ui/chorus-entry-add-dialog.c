/* chorus-entry-add-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-entry-add-dialog.h"
#include "chorus-image-chooser.h"
#include "chorus-media-import.h"
#include "chorus-store-entry-add.h"
#include "chorus-thumbnailer.h"

/* Adding a design entry by hand: its image (chosen, or dropped on the
 * window), a title, who made it and how to reach them, and their consent
 * to the challenge's terms. The image is imported into the workspace's
 * media folder as soon as it is chosen, so the person sees at once
 * whether Chorus can take it; Add writes the entry in one go. */

#define PREVIEW_SIZE 280

struct _ChorusEntryAddDialog
{
  AdwWindow             parent_instance;

  ChorusStore          *store;
  ChorusChallenge      *challenge;
  ChorusMediaInfo      *image;
  char                 *file_name;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              busy;

  GtkWidget            *add_button;
  GtkPicture           *picture;
  GtkLabel             *image_label;
  GtkEditable          *title_row;
  GtkEditable          *name_row;
  GtkEditable          *email_row;
  GtkCheckButton       *consent;
  GtkLabel             *error_label;
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (ChorusEntryAddDialog, chorus_entry_add_dialog, ADW_TYPE_WINDOW)

enum { ADDED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
show_error (ChorusEntryAddDialog *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update (ChorusEntryAddDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_row)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_row)));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (self->email_row)));

  gtk_widget_set_sensitive (self->add_button, !self->busy && self->image != NULL && *title != '\0' && *name != '\0' &&
                                              strchr (email, '@') != NULL &&
                                              gtk_check_button_get_active (self->consent));
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusEntryAddDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ChorusMediaInfo *info = chorus_media_import_finish (CHORUS_STORE (object), result, &error);
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  g_autofree char *facts = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (info == NULL)
    {
      show_error (self, error->message);
      update (self);
      return;
    }

  g_clear_pointer (&self->image, chorus_media_info_free);
  self->image = info;
  path = chorus_media_dup_path (self->store, info->sha256, info->mime_type);
  chorus_thumbnailer_show (self->picture, path, PREVIEW_SIZE, self->cancellable);
  size = g_format_size (info->size);
  /* Translators: an image's file name, its size ("1.2 MB") and its width and height in pixels. */
  facts = g_strdup_printf (_("%s · %s · %u × %u"), self->file_name, size, info->width, info->height);
  gtk_label_set_label (self->image_label, facts);
  show_error (self, NULL);
  update (self);
}

/**
 * chorus_entry_add_dialog_set_file:
 * @self: the dialog
 * @file: an image file, chosen or dropped
 *
 * Imports @file into the workspace's media folder as the entry's image.
 */
void
chorus_entry_add_dialog_set_file (ChorusEntryAddDialog *self,
                                  GFile                *file)
{
  g_autofree char *base = NULL;

  g_return_if_fail (CHORUS_IS_ENTRY_ADD_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  base = g_file_get_basename (file);
  g_free (self->file_name);
  self->file_name = g_filename_display_name (base != NULL ? base : "");
  if (*gtk_editable_get_text (self->title_row) == '\0')
    {
      /* The file's name without its extension is a fair first title. */
      g_autofree char *title = g_strdup (self->file_name);
      char *dot = strrchr (title, '.');

      if (dot != NULL && dot != title)
        *dot = '\0';
      gtk_editable_set_text (self->title_row, title);
    }

  self->busy = TRUE;
  gtk_label_set_label (self->image_label, _("Reading the image…"));
  update (self);
  chorus_media_import_async (self->store, file, self->cancellable, on_imported_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         user_data)
{
  ChorusEntryAddDialog *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    chorus_entry_add_dialog_set_file (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusEntryAddDialog *self = CHORUS_ENTRY_ADD_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = chorus_image_chooser_new (widget, _("Choose the Entry’s Image"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            gpointer       user_data)
{
  ChorusEntryAddDialog *self = user_data;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !(files = gdk_file_list_get_files (g_value_get_boxed (value))))
    return FALSE;

  chorus_entry_add_dialog_set_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
on_added_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChorusEntryAddDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_add_entry_finish (CHORUS_STORE (object), result, &error);

  self->busy = FALSE;
  if (id == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      update (self);
      return;
    }

  g_signal_emit (self, signals[ADDED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChorusEntryAddDialog *self = CHORUS_ENTRY_ADD_DIALOG (widget);
  ChorusEntryDraft draft = {
    chorus_challenge_get_id (self->challenge), gtk_editable_get_text (self->title_row),
    gtk_editable_get_text (self->name_row), gtk_editable_get_text (self->email_row), self->file_name, self->image,
    gtk_check_button_get_active (self->consent),
  };

  if (self->busy || !gtk_widget_get_sensitive (self->add_button))
    return;
  self->busy = TRUE;
  update (self);
  chorus_store_add_entry_async (self->store, &draft, self->cancellable, on_added_cb, g_object_ref (self));
}

static GtkWidget *
new_entry_row (GtkWidget  *group,
               const char *title,
               GCallback   changed,
               gpointer    self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "changed", changed, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
build (ChorusEntryAddDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *image = adw_preferences_group_new ();
  GtkWidget *entry = adw_preferences_group_new ();
  GtkWidget *terms = adw_preferences_group_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose Image…"));
  GtkWidget *consent_row = adw_action_row_new ();
  GtkWidget *consent = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Entry"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "entry.add");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Add Entry"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (image), _("Image"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (image),
                                         _("A JPEG, PNG, GIF or WebP file of up to 16 MB; you can also drop it here."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "entry.choose");
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (image), choose);
  self->picture = GTK_PICTURE (picture);
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (picture, -1, 220);
  gtk_widget_add_css_class (picture, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (image), picture);
  self->image_label = GTK_LABEL (gtk_label_new (_("No image chosen yet")));
  gtk_widget_add_css_class (GTK_WIDGET (self->image_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->image_label), "caption");
  gtk_label_set_ellipsize (self->image_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->image_label), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (image), GTK_WIDGET (self->image_label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (entry), _("Entry"));
  self->title_row = GTK_EDITABLE (new_entry_row (entry, _("Title"), G_CALLBACK (update), self));
  self->name_row = GTK_EDITABLE (new_entry_row (entry, _("Made by"), G_CALLBACK (update), self));
  self->email_row = GTK_EDITABLE (new_entry_row (entry, _("Their email address"), G_CALLBACK (update), self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (terms), _("Terms"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (consent_row), _("The submitter accepts the challenge’s terms"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (consent_row), _("When they accepted is recorded with the entry."));
  adw_action_row_add_prefix (ADW_ACTION_ROW (consent_row), consent);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (consent_row), consent);
  self->consent = GTK_CHECK_BUTTON (consent);
  g_signal_connect_swapped (consent, "toggled", G_CALLBACK (update), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (terms), consent_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (image));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (entry));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (terms));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drop));
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
chorus_entry_add_dialog_dispose (GObject *object)
{
  ChorusEntryAddDialog *self = CHORUS_ENTRY_ADD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->challenge);
  g_clear_pointer (&self->image, chorus_media_info_free);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (chorus_entry_add_dialog_parent_class)->dispose (object);
}

static void
chorus_entry_add_dialog_class_init (ChorusEntryAddDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_entry_add_dialog_dispose;

  /**
   * ChorusEntryAddDialog::added:
   * @id: the new entry's id
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "entry.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "entry.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_entry_add_dialog_init (ChorusEntryAddDialog *self)
{
  self->cancellable = g_cancellable_new ();
  build (self);
  update (self);
}

ChorusEntryAddDialog *
chorus_entry_add_dialog_new (GtkWindow       *parent,
                             ChorusStore     *store,
                             ChorusChallenge *challenge)
{
  ChorusEntryAddDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (challenge), NULL);

  /* Translators: a window's title; %s is a design challenge's title. */
  title = g_strdup_printf (_("Add an Entry to “%s”"), chorus_challenge_get_title (challenge));
  self = g_object_new (CHORUS_TYPE_ENTRY_ADD_DIALOG, "transient-for", parent, "modal", TRUE, "title", title,
                       "default-width", 520, "default-height", 720, NULL);
  self->store = g_object_ref (store);
  self->challenge = g_object_ref (challenge);
  adw_window_title_set_subtitle (self->window_title, chorus_challenge_get_title (challenge));
  return self;
}

/* For tests: an import or a write is under way. */
gboolean
chorus_entry_add_dialog_is_busy (ChorusEntryAddDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_ENTRY_ADD_DIALOG (self), FALSE);

  return self->busy;
}
