/* chorus-inbox-sidebar.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-inbox-sidebar.h"
#include "chorus-saved-view.h"
#include "chorus-status.h"
#include "chorus-store-inbox.h"
#include "chorus-store-team.h"

/* The views beside the inbox: the built-in ones a team works from (open
 * conversations, mine, unassigned, unread, questions, negative, done, all)
 * and the views people saved, each with how many of its conversations are
 * unread. Selecting one sets the base filter the pane adds its search and
 * quick filters to. Counting runs in the store's workers; a count that
 * comes back after the workspace changed is dropped. */

typedef enum
{
  VIEW_OPEN,
  VIEW_MINE,
  VIEW_UNASSIGNED,
  VIEW_UNREAD,
  VIEW_QUESTIONS,
  VIEW_NEGATIVE,
  VIEW_DONE,
  VIEW_ALL,
  N_BUILTIN_VIEWS,
  VIEW_SAVED = N_BUILTIN_VIEWS,
} ViewKind;

static const struct
{
  const char *icon;
  const char *title;
} builtin_views[N_BUILTIN_VIEWS] = {
  [VIEW_OPEN]       = { "chorus-conversations-symbolic", N_("Inbox") },
  [VIEW_MINE]       = { "avatar-default-symbolic",      N_("Assigned to Me") },
  [VIEW_UNASSIGNED] = { "system-users-symbolic",        N_("Unassigned") },
  [VIEW_UNREAD]     = { "mail-unread-symbolic",         N_("Unread") },
  [VIEW_QUESTIONS]  = { "dialog-question-symbolic",     N_("Questions") },
  [VIEW_NEGATIVE]   = { "face-sad-symbolic",            N_("Negative") },
  [VIEW_DONE]       = { "object-select-symbolic",       N_("Done") },
  [VIEW_ALL]        = { "view-list-symbolic",           N_("All Conversations") },
};

typedef struct
{
  ViewKind           kind;
  gint64             saved_id;
  char              *title;
  ChorusInboxFilter *filter;
  GtkLabel          *count_label;   /* owned by the row */
} View;

struct _ChorusInboxSidebar
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkListBox   *list;

  ChorusStore  *store;
  GCancellable *cancellable;      /* cancelled when the workspace or the views change */
  GArray       *open_ids;         /* statuses that are not closed */
  GArray       *closed_ids;
  View         *selected;
  gint64        pending_saved_id; /* to select once the rows exist */
};

G_DEFINE_FINAL_TYPE (ChorusInboxSidebar, chorus_inbox_sidebar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
view_free (View *view)
{
  g_free (view->title);
  chorus_inbox_filter_free (view->filter);
  g_free (view);
}

static View *
row_get_view (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "chorus-view") : NULL;
}

static ChorusInboxFilter *
new_builtin_filter (ChorusInboxSidebar *self,
                    ViewKind            kind)
{
  ChorusInboxFilter *filter = chorus_inbox_filter_new ();
  GArray *open = self->open_ids;

  switch (kind)
    {
    case VIEW_OPEN:
      chorus_inbox_filter_set_status_ids (filter, (gint64 *) open->data, open->len);
      break;

    case VIEW_MINE:
      chorus_inbox_filter_set_status_ids (filter, (gint64 *) open->data, open->len);
      chorus_inbox_filter_set_assignee (filter, CHORUS_INBOX_ASSIGNEE_MINE, 0);
      break;

    case VIEW_UNASSIGNED:
      chorus_inbox_filter_set_status_ids (filter, (gint64 *) open->data, open->len);
      chorus_inbox_filter_set_assignee (filter, CHORUS_INBOX_ASSIGNEE_UNASSIGNED, 0);
      break;

    case VIEW_UNREAD:
      chorus_inbox_filter_set_unread_only (filter, TRUE);
      break;

    case VIEW_QUESTIONS:
      chorus_inbox_filter_set_status_ids (filter, (gint64 *) open->data, open->len);
      chorus_inbox_filter_set_question_only (filter, TRUE);
      break;

    case VIEW_NEGATIVE:
      chorus_inbox_filter_set_status_ids (filter, (gint64 *) open->data, open->len);
      chorus_inbox_filter_set_sentiments (filter, CHORUS_INBOX_SENTIMENT_NEGATIVE);
      break;

    case VIEW_DONE:
      chorus_inbox_filter_set_status_ids (filter, (gint64 *) self->closed_ids->data, self->closed_ids->len);
      break;

    case VIEW_ALL:
    case VIEW_SAVED:
    default:
      break;
    }

  return filter;
}

static void
on_counted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkLabel) label = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint count = 0;

  if (!chorus_store_count_conversations_finish (CHORUS_STORE (object), result, &count, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count a view's unread conversations: %s", error->message);
      return;
    }

  text = chorus_format_count (count);
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), count > 0);
}

static void
count_views (ChorusInboxSidebar *self)
{
  GtkListBoxRow *row;

  /* By index: the "Saved Views" header is a child of the list too. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      View *view = row_get_view (row);

      /* Done and All would count every unread conversation ever read in;
       * their badge says nothing a team acts on. */
      if (view == NULL || view->kind == VIEW_DONE || view->kind == VIEW_ALL)
        continue;
      chorus_store_count_conversations_async (self->store, view->filter, TRUE, self->cancellable,
                                              on_counted_cb, g_object_ref (view->count_label));
    }
}

static GtkWidget *
new_row (View       *view,
         const char *icon)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (view->title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (count, "chorus-view-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_visible (count, FALSE);
  gtk_box_append (GTK_BOX (box), count);

  view->count_label = GTK_LABEL (count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, view->title);
  g_object_set_data_full (G_OBJECT (row), "chorus-view", view, (GDestroyNotify) view_free);

  return row;
}

static void
clear_rows (ChorusInboxSidebar *self)
{
  GtkWidget *child;

  self->selected = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
select_row (ChorusInboxSidebar *self,
            ViewKind            kind,
            gint64              saved_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      View *view = row_get_view (row);

      if (view != NULL && view->kind == kind && view->saved_id == saved_id)
        {
          gtk_list_box_select_row (self->list, row);
          return;
        }
    }
}

static void
build_rows (ChorusInboxSidebar *self)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  ViewKind kind = self->selected != NULL ? self->selected->kind : VIEW_OPEN;
  gint64 saved_id = self->selected != NULL ? self->selected->saved_id : 0;

  g_signal_handlers_block_matched (self->list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  clear_rows (self);

  for (guint i = 0; i < N_BUILTIN_VIEWS; i++)
    {
      View *view = g_new0 (View, 1);

      view->kind = i;
      view->title = g_strdup (_(builtin_views[i].title));
      view->filter = new_builtin_filter (self, i);
      gtk_list_box_append (self->list, new_row (view, builtin_views[i].icon));
    }

  if (!(saved = chorus_store_list_saved_views (self->store, &error)))
    g_warning ("Cannot list the saved views: %s", error->message);

  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      ChorusSavedView *saved_view = g_ptr_array_index (saved, i);
      View *view = g_new0 (View, 1);

      view->kind = VIEW_SAVED;
      view->saved_id = chorus_saved_view_get_id (saved_view);
      view->title = g_strdup (chorus_saved_view_get_name (saved_view));
      view->filter = chorus_inbox_filter_copy (chorus_saved_view_get_filter (saved_view));
      gtk_list_box_append (self->list, new_row (view, "edit-find-symbolic"));
    }

  g_signal_handlers_unblock_matched (self->list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  if (self->pending_saved_id != 0)
    {
      kind = VIEW_SAVED;
      saved_id = self->pending_saved_id;
      self->pending_saved_id = 0;
    }
  select_row (self, kind, saved_id);
  if (self->selected == NULL)
    select_row (self, VIEW_OPEN, 0);

  count_views (self);
}

static void
on_statuses_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusInboxSidebar) self = user_data;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  if (!(statuses = chorus_store_list_statuses_finish (CHORUS_STORE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the statuses: %s", error->message);
      return;
    }

  if (CHORUS_STORE (object) != self->store)
    return;

  g_array_set_size (self->open_ids, 0);
  g_array_set_size (self->closed_ids, 0);
  for (guint i = 0; i < statuses->len; i++)
    {
      ChorusStatus *status = g_ptr_array_index (statuses, i);
      gint64 id = chorus_status_get_id (status);

      g_array_append_val (chorus_status_get_closed (status) ? self->closed_ids : self->open_ids, id);
    }

  build_rows (self);
}

static void
on_row_selected_cb (GtkListBox         *list,
                    GtkListBoxRow      *row,
                    ChorusInboxSidebar *self)
{
  View *view = row_get_view (row);

  if (view == NULL || view == self->selected)
    return;

  self->selected = view;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  View *view = row_get_view (row);
  View *previous = row_get_view (before);
  GtkWidget *header;

  if (view->kind != VIEW_SAVED || (previous != NULL && previous->kind == VIEW_SAVED))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (_("Saved Views"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "chorus-sidebar-heading");
  gtk_list_box_row_set_header (row, header);
}

static void
delete_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChorusInboxSidebar *self = CHORUS_INBOX_SIDEBAR (widget);
  g_autoptr(GError) error = NULL;
  gboolean was_selected;

  was_selected = self->selected != NULL && self->selected->saved_id == g_variant_get_int64 (parameter);
  if (!chorus_store_delete_saved_view (self->store, g_variant_get_int64 (parameter), &error))
    {
      g_warning ("Cannot delete a saved view: %s", error->message);
      return;
    }

  if (was_selected)
    self->selected = NULL;
  chorus_inbox_sidebar_refresh (self);
  if (was_selected)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_secondary_click_cb (GtkGestureClick    *gesture,
                       int                 n_press,
                       double              x,
                       double              y,
                       ChorusInboxSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int) y);
  View *view = row_get_view (row);
  g_autoptr(GMenu) menu = NULL;
  g_autofree char *action = NULL;
  GtkWidget *popover;
  graphene_point_t point;

  if (view == NULL || view->kind != VIEW_SAVED)
    return;

  menu = g_menu_new ();
  action = g_strdup_printf ("sidebar.delete-view(int64 %" G_GINT64_FORMAT ")", view->saved_id);
  g_menu_append (menu, _("_Delete View"), action);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (row));
  if (gtk_widget_compute_point (GTK_WIDGET (self->list), GTK_WIDGET (row), &GRAPHENE_POINT_INIT (x, y), &point))
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { point.x, point.y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
chorus_inbox_sidebar_dispose (GObject *object)
{
  ChorusInboxSidebar *self = (ChorusInboxSidebar *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->open_ids, g_array_unref);
  g_clear_pointer (&self->closed_ids, g_array_unref);

  G_OBJECT_CLASS (chorus_inbox_sidebar_parent_class)->dispose (object);
}

static void
chorus_inbox_sidebar_class_init (ChorusInboxSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_inbox_sidebar_dispose;

  /**
   * ChorusInboxSidebar::changed:
   *
   * Another view was chosen, or the chosen one changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "sidebar.delete-view", "x", delete_view_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorusinboxsidebar");
}

static void
chorus_inbox_sidebar_init (ChorusInboxSidebar *self)
{
  GtkGesture *gesture;

  self->open_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->closed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Views"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected_cb), self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (gesture));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
chorus_inbox_sidebar_new (void)
{
  return g_object_new (CHORUS_TYPE_INBOX_SIDEBAR, NULL);
}

void
chorus_inbox_sidebar_set_store (ChorusInboxSidebar *self,
                                ChorusStore        *store)
{
  g_return_if_fail (CHORUS_IS_INBOX_SIDEBAR (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  /* Statuses decide what Open and Done hold; "me" what Assigned to Me does. */
  if (store != NULL)
    g_signal_connect_object (store, "team-changed", G_CALLBACK (chorus_inbox_sidebar_refresh), self,
                             G_CONNECT_SWAPPED);
  self->selected = NULL;
  chorus_inbox_sidebar_refresh (self);
}

/**
 * chorus_inbox_sidebar_refresh:
 *
 * Reads the statuses and saved views again and recounts unread
 * conversations, keeping the chosen view when it still exists.
 */
void
chorus_inbox_sidebar_refresh (ChorusInboxSidebar *self)
{
  g_return_if_fail (CHORUS_IS_INBOX_SIDEBAR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      clear_rows (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  chorus_store_list_statuses_async (self->store, self->cancellable, on_statuses_cb, g_object_ref (self));
}

/**
 * chorus_inbox_sidebar_get_filter:
 *
 * Returns: (transfer none) (nullable): the chosen view's filter, or %NULL
 *   before the views are listed
 */
const ChorusInboxFilter *
chorus_inbox_sidebar_get_filter (ChorusInboxSidebar *self)
{
  g_return_val_if_fail (CHORUS_IS_INBOX_SIDEBAR (self), NULL);

  return self->selected != NULL ? self->selected->filter : NULL;
}

const char *
chorus_inbox_sidebar_get_title (ChorusInboxSidebar *self)
{
  g_return_val_if_fail (CHORUS_IS_INBOX_SIDEBAR (self), NULL);

  return self->selected != NULL ? self->selected->title : _(builtin_views[VIEW_OPEN].title);
}

/**
 * chorus_inbox_sidebar_get_saved_view:
 *
 * Returns: the id of the chosen saved view, or 0 for a built-in one
 */
gint64
chorus_inbox_sidebar_get_saved_view (ChorusInboxSidebar *self)
{
  g_return_val_if_fail (CHORUS_IS_INBOX_SIDEBAR (self), 0);

  return self->selected != NULL ? self->selected->saved_id : 0;
}

/**
 * chorus_inbox_sidebar_select_saved_view:
 *
 * Lists the views again and chooses the saved view @id (just saved).
 */
void
chorus_inbox_sidebar_select_saved_view (ChorusInboxSidebar *self,
                                        gint64              id)
{
  g_return_if_fail (CHORUS_IS_INBOX_SIDEBAR (self));

  self->pending_saved_id = id;
  chorus_inbox_sidebar_refresh (self);
}
