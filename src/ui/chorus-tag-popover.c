/* chorus-tag-popover.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-tag-popover.h"

/* "Add Tag…": a search entry over the workspace's tags. Typing narrows the
 * list to the tags whose name holds the text (GtkEntryCompletion is
 * deprecated from GTK 4.10); clicking one, or Enter on what was typed,
 * emits "tag-chosen" and closes the popover. A name no tag has yet is
 * fine: the store makes the tag on first use. */

struct _ChorusTagPopover
{
  GtkPopover          parent_instance;

  GtkSearchEntry     *entry;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkFilterListModel *matches;
  GtkStringList      *names;
  GtkStringFilter    *filter;
  GtkLabel           *hint_label;
};

G_DEFINE_FINAL_TYPE (ChorusTagPopover, chorus_tag_popover, GTK_TYPE_POPOVER)

enum {
  TAG_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_hint (ChorusTagPopover *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *hint = NULL;

  if (*text == '\0')
    hint = g_strdup (_("Type to find a tag, or to name a new one"));
  else
    /* Translators: a hint under the tag search entry; %s is what was typed. */
    hint = g_strdup_printf (_("Press Enter to add “%s”"), text);

  gtk_label_set_label (self->hint_label, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->scrolled_window),
                          g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0);
}

static void
choose (ChorusTagPopover *self,
        const char       *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (*trimmed == '\0')
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TAG_CHOSEN], 0, trimmed);
}

static void
on_show_cb (ChorusTagPopover *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  update_hint (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_entry_changed_cb (ChorusTagPopover *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  gtk_string_filter_set_search (self->filter, *text != '\0' ? text : NULL);
  update_hint (self);
}

static void
on_entry_activate_cb (ChorusTagPopover *self)
{
  choose (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_list_view_activate_cb (ChorusTagPopover *self,
                          guint             position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  if (item != NULL)
    choose (self, gtk_string_object_get_string (item));
}

static void
on_matches_changed_cb (ChorusTagPopover *self)
{
  update_hint (self);
}

static void
chorus_tag_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_TAG_POPOVER);

  G_OBJECT_CLASS (chorus_tag_popover_parent_class)->dispose (object);
}

static void
chorus_tag_popover_class_init (ChorusTagPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_tag_popover_dispose;

  /**
   * ChorusTagPopover::tag-chosen:
   * @self: the popover
   * @name: the tag's name, trimmed: an existing tag's, or a new one
   */
  signals [TAG_CHOSEN] =
    g_signal_new ("tag-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, list_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, matches);
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, names);
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, filter);
  gtk_widget_class_bind_template_child (widget_class, ChorusTagPopover, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_matches_changed_cb);
}

static void
chorus_tag_popover_init (ChorusTagPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_hint (self);
}

/**
 * chorus_tag_popover_new:
 *
 * Returns: (transfer floating): a popover offering no tags yet
 */
GtkWidget *
chorus_tag_popover_new (void)
{
  return g_object_new (CHORUS_TYPE_TAG_POPOVER, NULL);
}

/**
 * chorus_tag_popover_set_tags:
 * @self: a #ChorusTagPopover
 * @names: (array zero-terminated=1): the tags to offer, in order
 *
 * Sets the tags the list offers; what was typed stays and still filters.
 */
void
chorus_tag_popover_set_tags (ChorusTagPopover   *self,
                             const char * const *names)
{
  g_return_if_fail (CHORUS_IS_TAG_POPOVER (self));

  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)), names);
}

/**
 * chorus_tag_popover_get_matches:
 * @self: a #ChorusTagPopover
 *
 * Returns: (transfer none): the tags the list shows for what was typed, as
 *   #GtkStringObject items
 */
GListModel *
chorus_tag_popover_get_matches (ChorusTagPopover *self)
{
  g_return_val_if_fail (CHORUS_IS_TAG_POPOVER (self), NULL);

  return G_LIST_MODEL (self->matches);
}
