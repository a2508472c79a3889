/* chorus-variant-image.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-image-chooser.h"
#include "chorus-image-format.h"
#include "chorus-outbox.h"
#include "chorus-thumbnailer.h"
#include "chorus-variant-image.h"

/* A variant's optional image in the campaign editor: "Add Image…" picks
 * a file, which the media import checks and keeps in the workspace (in a
 * worker; a refusal is shown in its words); then a thumbnail, the alt
 * text, which an image needs, and "Remove Image". Once the campaign has
 * run, the image stays: only its alt text can change. */

#define THUMBNAIL_SIZE 240

struct _ChorusVariantImage
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkWidget            *add_button;
  GtkWidget            *busy_box;
  GtkWidget            *image_box;
  GtkPicture           *picture;
  GtkLabel             *details_label;
  GtkEditable          *alt_entry;
  GtkWidget            *alt_hint;
  GtkWidget            *remove_button;
  GtkLabel             *error_label;

  ChorusStore          *store;
  char                 *sha256;
  char                 *mime_type;
  gboolean              frozen;
  gboolean              busy;
  gboolean              needs_alt_text;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* the import and the thumbnail of the current image */
};

G_DEFINE_FINAL_TYPE (ChorusVariantImage, chorus_variant_image, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_NEEDS_ALT_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_view (ChorusVariantImage *self)
{
  g_autofree char *alt = chorus_variant_image_dup_alt_text (self);
  gboolean needs_alt_text = self->sha256 != NULL && *alt == '\0';

  gtk_widget_set_visible (self->add_button, self->sha256 == NULL && !self->busy && !self->frozen);
  gtk_widget_set_visible (self->busy_box, self->busy);
  gtk_widget_set_visible (self->image_box, self->sha256 != NULL);
  gtk_widget_set_visible (self->remove_button, !self->frozen);
  gtk_widget_set_visible (self->alt_hint, needs_alt_text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), *gtk_label_get_label (self->error_label) != '\0');
  gtk_picture_set_alternative_text (self->picture, *alt != '\0' ? alt : NULL);

  if (self->needs_alt_text != needs_alt_text)
    {
      self->needs_alt_text = needs_alt_text;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ALT_TEXT]);
    }
}

static void
set_busy (ChorusVariantImage *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (ChorusVariantImage *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
}

/* "PNG · 1,200 × 800 · 240.1 kB", and what Bluesky would refuse. */
static char *
dup_details (const ChorusMediaInfo *info)
{
  const ChorusImageFormat *format = chorus_image_format_for_type (info->mime_type);
  g_autofree char *name = g_ascii_strup (format != NULL ? format->extension : "", -1);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *limit = NULL;
  /* Translators: an image's format ("PNG"), its width and height in pixels, and its size ("240.1 kB"). */
  g_autofree char *details = g_strdup_printf (_("%s · %u × %u · %s"), g_str_equal (name, "JPG") ? "JPEG" : name,
                                              info->width, info->height, size);

  if (info->size <= CHORUS_OUTBOX_BLUESKY_IMAGE_BYTES)
    return g_steal_pointer (&details);

  limit = g_format_size (CHORUS_OUTBOX_BLUESKY_IMAGE_BYTES);
  /* Translators: the first %s is an image's details, the second Bluesky's limit ("1.0 MB"). */
  return g_strdup_printf (_("%s. Bluesky takes images up to %s: this one can go to Mastodon only."), details, limit);
}

/* Shows @sha256 (or nothing), dropping what was under way for the last one. */
static void
show_image (ChorusVariantImage    *self,
            const char            *sha256,
            const char            *mime_type,
            const ChorusMediaInfo *info)
{
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->sha256);
  g_free (self->mime_type);
  self->sha256 = g_strdup (sha256);
  self->mime_type = g_strdup (mime_type);

  gtk_picture_set_paintable (self->picture, NULL);
  if (info != NULL)
    {
      g_autofree char *details = dup_details (info);

      gtk_label_set_label (self->details_label, details);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), info != NULL);

  if (sha256 != NULL && (path = chorus_media_dup_path (self->store, sha256, mime_type)) != NULL)
    chorus_thumbnailer_show (self->picture, path, THUMBNAIL_SIZE, self->cancellable);
  update_view (self);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusVariantImage) self = user_data;
  g_autoptr(ChorusMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = chorus_media_import_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (info == NULL)
    {
      show_error (self, error->message);
      update_view (self);
      return;
    }

  show_image (self, info->sha256, info->mime_type, info);
  gtk_widget_grab_focus (GTK_WIDGET (self->alt_entry));
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         user_data)
{
  ChorusVariantImage *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);

  if (file != NULL)
    chorus_variant_image_add_file (self, file);
}

static void
on_add_clicked_cb (ChorusVariantImage *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = chorus_image_chooser_new (GTK_WIDGET (self), _("Add Image"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_clicked_cb (ChorusVariantImage *self)
{
  chorus_variant_image_remove (self);
}

static void
on_alt_changed_cb (ChorusVariantImage *self)
{
  update_view (self);
}

static void
chorus_variant_image_dispose (GObject *object)
{
  ChorusVariantImage *self = CHORUS_VARIANT_IMAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_VARIANT_IMAGE);

  G_OBJECT_CLASS (chorus_variant_image_parent_class)->dispose (object);
}

static void
chorus_variant_image_finalize (GObject *object)
{
  ChorusVariantImage *self = CHORUS_VARIANT_IMAGE (object);

  g_free (self->sha256);
  g_free (self->mime_type);

  G_OBJECT_CLASS (chorus_variant_image_parent_class)->finalize (object);
}

static void
chorus_variant_image_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChorusVariantImage *self = CHORUS_VARIANT_IMAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_NEEDS_ALT_TEXT:
      g_value_set_boolean (value, self->needs_alt_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_variant_image_class_init (ChorusVariantImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_variant_image_dispose;
  object_class->finalize = chorus_variant_image_finalize;
  object_class->get_property = chorus_variant_image_get_property;

  /* An image is being checked and added: saving waits for it. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* An image is set, and its alt text is empty. */
  properties [PROP_NEEDS_ALT_TEXT] =
    g_param_spec_boolean ("needs-alt-text", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/chorusapp/Chorus/ui/chorus-variant-image.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, box);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, add_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, image_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, picture);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, details_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, alt_entry);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, alt_hint);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusVariantImage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_alt_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_variant_image_init (ChorusVariantImage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_view (self);
}

/**
 * chorus_variant_image_new:
 * @store: the workspace whose media folder keeps the image
 */
GtkWidget *
chorus_variant_image_new (ChorusStore *store)
{
  ChorusVariantImage *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_VARIANT_IMAGE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

/* The image a variant has already, as the store gave it. */
void
chorus_variant_image_set_image (ChorusVariantImage *self,
                                const char         *sha256,
                                const char         *mime_type,
                                const char         *alt_text)
{
  g_return_if_fail (CHORUS_IS_VARIANT_IMAGE (self));

  gtk_editable_set_text (self->alt_entry, alt_text != NULL ? alt_text : "");
  show_image (self, sha256, mime_type, NULL);
}

/**
 * chorus_variant_image_add_file:
 * @self: a #ChorusVariantImage
 * @file: the image a person chose
 *
 * Adds @file to the workspace's media folder, in a worker, and shows it;
 * or says why it was refused. What "Add Image…" does once a file is
 * chosen.
 */
void
chorus_variant_image_add_file (ChorusVariantImage *self,
                               GFile              *file)
{
  g_return_if_fail (CHORUS_IS_VARIANT_IMAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->frozen);

  show_error (self, NULL);
  set_busy (self, TRUE);
  update_view (self);
  chorus_media_import_async (self->store, file, self->cancellable, on_imported_cb, g_object_ref (self));
}

/* The variant goes without an image; the file stays in the media folder
 * (another variant, or an earlier run, may show it). */
void
chorus_variant_image_remove (ChorusVariantImage *self)
{
  g_return_if_fail (CHORUS_IS_VARIANT_IMAGE (self));
  g_return_if_fail (!self->frozen);

  set_busy (self, FALSE);
  show_error (self, NULL);
  gtk_editable_set_text (self->alt_entry, "");
  show_image (self, NULL, NULL, NULL);
}

/* The image's SHA-256, or NULL without one. */
const char *
chorus_variant_image_get_sha256 (ChorusVariantImage *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_IMAGE (self), NULL);

  return self->sha256;
}

const char *
chorus_variant_image_get_mime_type (ChorusVariantImage *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_IMAGE (self), NULL);

  return self->mime_type;
}

/* The alt text as typed, trimmed. */
char *
chorus_variant_image_dup_alt_text (ChorusVariantImage *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_IMAGE (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (self->alt_entry)));
}

gboolean
chorus_variant_image_get_needs_alt_text (ChorusVariantImage *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_IMAGE (self), FALSE);

  return self->needs_alt_text;
}

gboolean
chorus_variant_image_get_busy (ChorusVariantImage *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_IMAGE (self), FALSE);

  return self->busy;
}

/* Why the last file was refused, or "". */
const char *
chorus_variant_image_get_error (ChorusVariantImage *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_IMAGE (self), NULL);

  return gtk_label_get_label (self->error_label);
}

/* Once the campaign has run, the image stays as it was shown. */
void
chorus_variant_image_set_frozen (ChorusVariantImage *self,
                                 gboolean            frozen)
{
  g_return_if_fail (CHORUS_IS_VARIANT_IMAGE (self));

  self->frozen = frozen;
  update_view (self);
}
