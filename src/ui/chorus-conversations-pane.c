/* chorus-conversations-pane.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-conversation-list.h"
#include "chorus-conversation-row.h"
#include "chorus-conversations-pane.h"
#include "chorus-format.h"

/* The inbox: every conversation of the workspace, newest activity first. */

struct _ChorusConversationsPane
{
  GtkWidget               parent_instance;

  GtkStack               *stack;
  GtkListView            *list_view;
  GtkSingleSelection     *selection;
  GtkLabel               *count_label;

  ChorusConversationList *conversations;
};

G_DEFINE_FINAL_TYPE (ChorusConversationsPane, chorus_conversations_pane, GTK_TYPE_WIDGET)

static void
update_page (ChorusConversationsPane *self)
{
  guint n_items = 0;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (self->conversations == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->conversations));

  if (n_items == 0)
    {
      gtk_stack_set_visible_child_name (self->stack,
                                        chorus_conversation_list_get_loading (self->conversations)
                                        ? "loading" : "empty");
      return;
    }

  count = chorus_format_count (n_items);
  /* Translators: %s is a number, formatted for the locale. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation", "%s conversations", n_items),
                          count);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
chorus_conversations_pane_dispose (GObject *object)
{
  ChorusConversationsPane *self = (ChorusConversationsPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CONVERSATIONS_PANE);
  g_clear_object (&self->conversations);

  G_OBJECT_CLASS (chorus_conversations_pane_parent_class)->dispose (object);
}

static void
chorus_conversations_pane_class_init (ChorusConversationsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_conversations_pane_dispose;

  g_type_ensure (CHORUS_TYPE_CONVERSATION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-conversations-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, count_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_conversations_pane_init (ChorusConversationsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_page (self);
}

void
chorus_conversations_pane_set_store (ChorusConversationsPane *self,
                                     ChorusStore             *store)
{
  g_return_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (self->conversations != NULL)
    g_signal_handlers_disconnect_by_func (self->conversations, update_page, self);

  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->conversations);

  if (store != NULL)
    {
      self->conversations = chorus_conversation_list_new (store);
      /* The list may outlive the pane while it loads. */
      g_signal_connect_object (self->conversations, "notify::loading", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->conversations, "notify::n-items", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->conversations));
    }

  update_page (self);
}

/**
 * chorus_conversations_pane_get_model:
 *
 * Returns: (transfer none) (nullable): the conversations shown
 */
GListModel *
chorus_conversations_pane_get_model (ChorusConversationsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self), NULL);

  return G_LIST_MODEL (self->conversations);
}

/**
 * chorus_conversations_pane_reload:
 *
 * Lists the conversations again, after a sync brought new ones.
 */
void
chorus_conversations_pane_reload (ChorusConversationsPane *self)
{
  g_return_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self));

  if (self->conversations != NULL)
    chorus_conversation_list_reload (self->conversations);
}
