/* chorus-avatar.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-avatar.h"
#include "chorus-format.h"

/* A person's initials on a round badge of one of the Adwaita avatar
 * colours, as AdwAvatar draws them (same initials, colour and fitted
 * size), for the inbox's rows. AdwAvatar lays its initials out again to
 * fit them whenever its text changes and whenever it joins or leaves a
 * window, and a search moves hundreds of rows between GTK 4.8's list
 * items, out of the window and back: that fitting was half the time a
 * search took to swap its rows in at a million posts. Here a size is
 * fitted once per initials and avatar size, and kept for the process. */

#define N_COLORS 14   /* avatar.color1 … avatar.color14 in the Adwaita stylesheet */

struct _ChorusAvatar
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
  char      *text;
  char      *initials;
  int        size;
  guint      color;
  gboolean   fit_pending;   /* the initials wait for a window to be fitted in */
};

G_DEFINE_FINAL_TYPE (ChorusAvatar, chorus_avatar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIZE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* "size:initials" → the fitted font size, in Pango units. Emptied when the
 * desktop's font changes. */
static GHashTable *fitted_sizes;

static void
forget_fitted_sizes (void)
{
  g_hash_table_remove_all (fitted_sizes);
}

static void
watch_font_settings (GtkSettings *settings)
{
  static gboolean watching;

  if (watching)
    return;

  watching = TRUE;
  g_signal_connect (settings, "notify::gtk-font-name", G_CALLBACK (forget_fitted_sizes), NULL);
  g_signal_connect (settings, "notify::gtk-xft-dpi", G_CALLBACK (forget_fitted_sizes), NULL);
}

static void
apply_font_size (ChorusAvatar *self,
                 int           pango_size)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (pango_size));
  gtk_label_set_attributes (self->label, attributes);
  pango_attr_list_unref (attributes);
}

/* AdwAvatar's rule: the initials as wide as the square inside the circle,
 * less a padding that grows with the size, and never taller. */
static int
measure_font_size (ChorusAvatar *self)
{
  PangoAttrList *none = pango_attr_list_new ();
  double max_size = self->size / 1.4142 - MAX (self->size * 0.4 - 5, 0);
  int width, height;

  gtk_label_set_attributes (self->label, none);
  pango_attr_list_unref (none);
  pango_layout_get_pixel_size (gtk_label_get_layout (self->label), &width, &height);
  if (width <= 0)
    return (int) (max_size * PANGO_SCALE);

  return (int) (CLAMP (height * max_size / width, 0, max_size) * PANGO_SCALE);
}

/* Needs the label in a window, to measure with its style. */
static void
fit_initials (ChorusAvatar *self)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", self->size, self->initials);
  gpointer size;

  if (g_hash_table_lookup_extended (fitted_sizes, key, NULL, &size))
    {
      apply_font_size (self, GPOINTER_TO_INT (size));
      self->fit_pending = FALSE;
      return;
    }

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      self->fit_pending = TRUE;
      return;
    }

  watch_font_settings (gtk_widget_get_settings (GTK_WIDGET (self)));
  size = GINT_TO_POINTER (measure_font_size (self));
  g_hash_table_insert (fitted_sizes, g_steal_pointer (&key), size);
  apply_font_size (self, GPOINTER_TO_INT (size));
  self->fit_pending = FALSE;
}

static void
on_root_cb (ChorusAvatar *self)
{
  if (self->fit_pending && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    fit_initials (self);
}

static void
set_color (ChorusAvatar *self,
           guint         color)
{
  char name[16];

  if (self->color == color)
    return;

  g_snprintf (name, sizeof name, "color%u", self->color);
  gtk_widget_remove_css_class (GTK_WIDGET (self), name);
  self->color = color;
  g_snprintf (name, sizeof name, "color%u", self->color);
  gtk_widget_add_css_class (GTK_WIDGET (self), name);
}

static void
chorus_avatar_dispose (GObject *object)
{
  ChorusAvatar *self = CHORUS_AVATAR (object);

  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;

  G_OBJECT_CLASS (chorus_avatar_parent_class)->dispose (object);
}

static void
chorus_avatar_finalize (GObject *object)
{
  ChorusAvatar *self = CHORUS_AVATAR (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->initials, g_free);

  G_OBJECT_CLASS (chorus_avatar_parent_class)->finalize (object);
}

static void
chorus_avatar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChorusAvatar *self = CHORUS_AVATAR (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_avatar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ChorusAvatar *self = CHORUS_AVATAR (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      self->size = g_value_get_int (value);
      gtk_widget_set_size_request (GTK_WIDGET (self), self->size, self->size);
      break;

    case PROP_TEXT:
      chorus_avatar_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_avatar_class_init (ChorusAvatarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_avatar_dispose;
  object_class->finalize = chorus_avatar_finalize;
  object_class->get_property = chorus_avatar_get_property;
  object_class->set_property = chorus_avatar_set_property;

  properties [PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL,
                      1, G_MAXINT, 40,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "avatar");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The row beside it names the person. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);

  fitted_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
chorus_avatar_init (ChorusAvatar *self)
{
  self->label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  self->initials = g_strdup ("");
  set_color (self, g_str_hash ("") % N_COLORS + 1);

  g_signal_connect (self, "notify::root", G_CALLBACK (on_root_cb), NULL);
}

GtkWidget *
chorus_avatar_new (int size)
{
  g_return_val_if_fail (size > 0, NULL);

  return g_object_new (CHORUS_TYPE_AVATAR, "size", size, NULL);
}

const char *
chorus_avatar_get_text (ChorusAvatar *self)
{
  g_return_val_if_fail (CHORUS_IS_AVATAR (self), NULL);

  return self->text;
}

int
chorus_avatar_get_size (ChorusAvatar *self)
{
  g_return_val_if_fail (CHORUS_IS_AVATAR (self), 0);

  return self->size;
}

/**
 * chorus_avatar_set_text:
 * @text: (nullable): the name the initials and the colour come from
 *
 * Shows @text's initials on the colour AdwAvatar gives the same name, so
 * a person looks the same here as in the thread.
 */
void
chorus_avatar_set_text (ChorusAvatar *self,
                        const char   *text)
{
  g_autofree char *initials = NULL;

  g_return_if_fail (CHORUS_IS_AVATAR (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  set_color (self, g_str_hash (text != NULL ? text : "") % N_COLORS + 1);

  initials = chorus_format_initials (text);
  if (g_strcmp0 (initials, self->initials) != 0)
    {
      g_free (self->initials);
      self->initials = g_steal_pointer (&initials);
      gtk_label_set_label (self->label, self->initials);
      fit_initials (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
