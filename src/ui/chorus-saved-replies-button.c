/* chorus-saved-replies-button.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-preferences-window.h"
#include "chorus-saved-replies-button.h"
#include "chorus-saved-replies-page.h"
#include "chorus-store-saved-replies.h"

/* The reply composer's "Saved Replies" menu: the workspace's saved
 * replies, read again each time the menu opens (Preferences may have
 * changed them), each with the start of its text. Choosing one emits
 * "chosen"; the composer fills in its variables. The menu ends with
 * "Manage Saved Replies…", which opens Preferences on their page; with
 * none saved yet, it says so and offers to create one. */

struct _ChorusSavedRepliesButton
{
  GtkWidget      parent_instance;

  GtkMenuButton *menu_button;
  GtkPopover    *popover;
  GtkWidget     *scrolled_window;
  GtkListBox    *list;
  GtkWidget     *empty_box;
  GtkLabel      *empty_label;
  GtkWidget     *separator;
  GtkWidget     *manage_button;

  ChorusStore   *store;
  GListStore    *replies;     /* ChorusSavedReply, in their order */
  GCancellable  *cancellable;
  char          *empty_text;  /* the empty state's description, as translated */
};

G_DEFINE_FINAL_TYPE (ChorusSavedRepliesButton, chorus_saved_replies_button, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_state (ChorusSavedRepliesButton *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->replies)) > 0;

  gtk_widget_set_visible (self->scrolled_window, any);
  gtk_widget_set_visible (self->separator, any);
  gtk_widget_set_visible (self->manage_button, any);
  gtk_widget_set_visible (self->empty_box, !any);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ChorusSavedReply *reply = item;
  const char *body = chorus_saved_reply_get_body (reply);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (chorus_saved_reply_get_name (reply));
  GtkWidget *preview = gtk_label_new (NULL);
  g_autofree char *line = g_strdup (body);
  GtkWidget *row = gtk_list_box_row_new ();

  /* The start of the text, on one line. */
  g_strdelimit (line, "\r\n\t", ' ');
  gtk_label_set_label (GTK_LABEL (preview), line);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (preview), 0);
  gtk_label_set_ellipsize (GTK_LABEL (preview), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (preview), TRUE);
  gtk_widget_add_css_class (preview, "dim-label");
  gtk_widget_add_css_class (preview, "caption");
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), preview);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chorus_saved_reply_get_name (reply),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body,
                                  -1);
  return row;
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusSavedRepliesButton) self = user_data;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;

  replies = chorus_store_list_saved_replies_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (replies == NULL)
    {
      g_list_store_remove_all (self->replies);
      gtk_label_set_label (self->empty_label, error->message);
    }
  else
    {
      gtk_label_set_label (self->empty_label, self->empty_text);
      g_list_store_splice (self->replies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->replies)),
                           replies->pdata, replies->len);
    }
  update_state (self);
}

static void
on_popover_visible_cb (GtkPopover               *popover,
                       GParamSpec               *pspec,
                       ChorusSavedRepliesButton *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (popover)))
    chorus_saved_replies_button_reload (self);
}

static void
on_row_activated_cb (GtkListBox               *list,
                     GtkListBoxRow            *row,
                     ChorusSavedRepliesButton *self)
{
  g_autoptr(ChorusSavedReply) reply = NULL;

  reply = g_list_model_get_item (G_LIST_MODEL (self->replies), gtk_list_box_row_get_index (row));
  if (reply == NULL)
    return;

  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CHOSEN], 0, reply);
}

/* The Preferences window "app.preferences" just opened over this one. */
static ChorusPreferencesWindow *
find_preferences (ChorusSavedRepliesButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ChorusPreferencesWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    {
      if (CHORUS_IS_PREFERENCES_WINDOW (l->data) &&
          gtk_window_get_transient_for (l->data) == (GtkWindow *) root)
        found = l->data;
    }

  return found;
}

/* Opens Preferences on the page of saved replies, and there the dialog
 * of a new one when @add. */
static void
open_preferences (ChorusSavedRepliesButton *self,
                  gboolean                  add)
{
  ChorusPreferencesWindow *preferences;
  AdwPreferencesPage *page;

  gtk_popover_popdown (self->popover);
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL) ||
      !(preferences = find_preferences (self)))
    return;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "saved-replies");
  page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences));
  if (add && CHORUS_IS_SAVED_REPLIES_PAGE (page))
    chorus_saved_replies_page_add (CHORUS_SAVED_REPLIES_PAGE (page));
}

static void
on_manage_clicked_cb (GtkButton                *button,
                      ChorusSavedRepliesButton *self)
{
  open_preferences (self, FALSE);
}

static void
on_create_clicked_cb (GtkButton                *button,
                      ChorusSavedRepliesButton *self)
{
  open_preferences (self, TRUE);
}

static void
chorus_saved_replies_button_dispose (GObject *object)
{
  ChorusSavedRepliesButton *self = (ChorusSavedRepliesButton *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_SAVED_REPLIES_BUTTON);
  g_clear_object (&self->store);
  g_clear_object (&self->replies);
  g_clear_pointer (&self->empty_text, g_free);

  G_OBJECT_CLASS (chorus_saved_replies_button_parent_class)->dispose (object);
}

static void
chorus_saved_replies_button_class_init (ChorusSavedRepliesButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_saved_replies_button_dispose;

  /**
   * ChorusSavedRepliesButton::chosen:
   * @self: the button
   * @reply: the saved reply picked, its variables not filled in
   */
  signals [CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CHORUS_TYPE_SAVED_REPLY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-saved-replies-button.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, popover);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, list);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, empty_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, separator);
  gtk_widget_class_bind_template_child (widget_class, ChorusSavedRepliesButton, manage_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_manage_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_saved_replies_button_init (ChorusSavedRepliesButton *self)
{
  GtkWidget *manage_label;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->replies = g_list_store_new (CHORUS_TYPE_SAVED_REPLY);
  self->empty_text = g_strdup (gtk_label_get_label (self->empty_label));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->replies), create_row, NULL, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), FALSE);
  /* Read as a menu item: at the left, in the weight of the rows above. */
  if (GTK_IS_LABEL (manage_label = gtk_button_get_child (GTK_BUTTON (self->manage_button))))
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
      gtk_label_set_attributes (GTK_LABEL (manage_label), attributes);
      gtk_label_set_xalign (GTK_LABEL (manage_label), 0);
    }
  update_state (self);
}

GtkWidget *
chorus_saved_replies_button_new (void)
{
  return g_object_new (CHORUS_TYPE_SAVED_REPLIES_BUTTON, NULL);
}

/**
 * chorus_saved_replies_button_set_store:
 * @self: a #ChorusSavedRepliesButton
 * @store: (nullable): the workspace whose saved replies to offer
 */
void
chorus_saved_replies_button_set_store (ChorusSavedRepliesButton *self,
                                       ChorusStore              *store)
{
  g_return_if_fail (CHORUS_IS_SAVED_REPLIES_BUTTON (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_list_store_remove_all (self->replies);
  update_state (self);
  chorus_saved_replies_button_reload (self);
}

/**
 * chorus_saved_replies_button_reload:
 * @self: a #ChorusSavedRepliesButton
 *
 * Reads the saved replies again, in a worker; opening the menu does.
 */
void
chorus_saved_replies_button_reload (ChorusSavedRepliesButton *self)
{
  g_return_if_fail (CHORUS_IS_SAVED_REPLIES_BUTTON (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), self->store != NULL);
  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  chorus_store_list_saved_replies_async (self->store, self->cancellable, on_listed_cb, g_object_ref (self));
}

/* Returns: whether the saved replies are being read */
gboolean
chorus_saved_replies_button_get_loading (ChorusSavedRepliesButton *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_BUTTON (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * chorus_saved_replies_button_get_replies:
 *
 * Returns: (transfer none): the #ChorusSavedReply items the menu lists
 */
GListModel *
chorus_saved_replies_button_get_replies (ChorusSavedRepliesButton *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_BUTTON (self), NULL);

  return G_LIST_MODEL (self->replies);
}

/**
 * chorus_saved_replies_button_get_popover:
 *
 * Returns: (transfer none): the menu
 */
GtkPopover *
chorus_saved_replies_button_get_popover (ChorusSavedRepliesButton *self)
{
  g_return_val_if_fail (CHORUS_IS_SAVED_REPLIES_BUTTON (self), NULL);

  return self->popover;
}
