/* chorus-wrap-box.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-wrap-box.h"
#include "chorus-wrap-layout.h"

/* A container whose children flow like words (ChorusWrapLayout), for
 * widgets built in code; GtkBox's own layout cannot be swapped out. */

struct _ChorusWrapBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (ChorusWrapBox, chorus_wrap_box, GTK_TYPE_WIDGET)

static void
chorus_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chorus_wrap_box_parent_class)->dispose (object);
}

/* It expands as its children do, as a GtkBox does. */
static void
chorus_wrap_box_compute_expand (GtkWidget *widget,
                                gboolean  *hexpand,
                                gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
chorus_wrap_box_class_init (ChorusWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_wrap_box_dispose;
  widget_class->compute_expand = chorus_wrap_box_compute_expand;

  gtk_widget_class_set_layout_manager_type (widget_class, CHORUS_TYPE_WRAP_LAYOUT);
}

static void
chorus_wrap_box_init (ChorusWrapBox *self)
{
}

GtkWidget *
chorus_wrap_box_new (void)
{
  return g_object_new (CHORUS_TYPE_WRAP_BOX, NULL);
}

/**
 * chorus_wrap_box_append:
 * @self: a #ChorusWrapBox
 * @child: a widget without a parent, placed after the others
 */
void
chorus_wrap_box_append (ChorusWrapBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (CHORUS_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child) && gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
