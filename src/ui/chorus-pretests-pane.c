/* chorus-pretests-pane.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-campaign-card.h"
#include "chorus-campaign-editor.h"
#include "chorus-campaign-page.h"
#include "chorus-campaign.h"
#include "chorus-pretests-pane.h"

/* Campaigns with their variants and where each one stands. */

struct _ChorusPretestsPane
{
  GtkWidget      parent_instance;

  GtkStack     *pages;
  GtkStack     *stack;
  GtkListBox   *campaigns_list;
  ChorusCampaignPage *campaign_page;

  ChorusStore  *store;
  AdwStatusPage *error_page;

  GListStore   *campaigns;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ChorusPretestsPane, chorus_pretests_pane, GTK_TYPE_WIDGET)

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  return GTK_WIDGET (chorus_campaign_card_new (CHORUS_CAMPAIGN (item)));
}

static void
on_campaigns_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ChorusPretestsPane) self = user_data;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  campaigns = chorus_store_list_campaigns_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (campaigns == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_list_store_splice (self->campaigns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)),
                       campaigns->pdata, campaigns->len);
  gtk_stack_set_visible_child_name (self->stack, campaigns->len > 0 ? "list" : "empty");
}

static void
list_campaigns (ChorusPretestsPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  chorus_store_list_campaigns_async (self->store, self->cancellable, on_campaigns_listed_cb,
                                     g_object_ref (self));
}

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     gpointer       user_data)
{
  ChorusPretestsPane *self = user_data;
  ChorusCampaign *campaign = chorus_campaign_card_get_campaign (CHORUS_CAMPAIGN_CARD (row));

  chorus_campaign_page_show (self->campaign_page, chorus_campaign_get_id (campaign));
  gtk_stack_set_visible_child_name (self->pages, "campaign");
}

static void
on_page_closed_cb (ChorusPretestsPane *self)
{
  gtk_stack_set_visible_child_name (self->pages, "campaigns");
}

static void
on_page_changed_cb (ChorusPretestsPane *self)
{
  if (self->store != NULL)
    list_campaigns (self);
}

static void
on_created_cb (ChorusCampaignEditor *editor,
               gint64                id,
               gpointer              user_data)
{
  ChorusPretestsPane *self = user_data;

  list_campaigns (self);
  chorus_campaign_page_show (self->campaign_page, id);
  gtk_stack_set_visible_child_name (self->pages, "campaign");
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChorusPretestsPane *self = CHORUS_PRETESTS_PANE (widget);
  ChorusCampaignEditor *editor;

  if (self->store == NULL)
    return;

  editor = chorus_campaign_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/**
 * chorus_pretests_pane_reload:
 *
 * Reads the campaigns again, and the open one, after a sync brought new
 * results.
 */
void
chorus_pretests_pane_reload (ChorusPretestsPane *self)
{
  g_return_if_fail (CHORUS_IS_PRETESTS_PANE (self));

  if (self->store == NULL)
    return;
  list_campaigns (self);
  chorus_campaign_page_reload (self->campaign_page);
}

static void
chorus_pretests_pane_dispose (GObject *object)
{
  ChorusPretestsPane *self = (ChorusPretestsPane *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_PRETESTS_PANE);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (chorus_pretests_pane_parent_class)->dispose (object);
}

static void
chorus_pretests_pane_class_init (ChorusPretestsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_pretests_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-pretests-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusPretestsPane, pages);
  gtk_widget_class_bind_template_child (widget_class, ChorusPretestsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusPretestsPane, campaign_page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);
  gtk_widget_class_install_action (widget_class, "pretests.new", NULL, new_action);
  gtk_widget_class_bind_template_child (widget_class, ChorusPretestsPane, campaigns_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusPretestsPane, error_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_pretests_pane_init (ChorusPretestsPane *self)
{
  g_type_ensure (CHORUS_TYPE_CAMPAIGN_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->campaigns_list, "row-activated", G_CALLBACK (on_row_activated_cb), self);

  self->campaigns = g_list_store_new (CHORUS_TYPE_CAMPAIGN);
  gtk_list_box_bind_model (self->campaigns_list, G_LIST_MODEL (self->campaigns),
                           create_card, NULL, NULL);
}

void
chorus_pretests_pane_set_store (ChorusPretestsPane *self,
                                ChorusStore        *store)
{
  g_return_if_fail (CHORUS_IS_PRETESTS_PANE (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->campaigns);
  g_set_object (&self->store, store);
  chorus_campaign_page_set_store (self->campaign_page, store);
  gtk_stack_set_visible_child_name (self->pages, "campaigns");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pretests.new", store != NULL);

  if (store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  list_campaigns (self);
}

/**
 * chorus_pretests_pane_get_campaigns:
 *
 * Returns: (transfer none): the #ChorusCampaign list shown
 */
GListModel *
chorus_pretests_pane_get_campaigns (ChorusPretestsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_PRETESTS_PANE (self), NULL);

  return G_LIST_MODEL (self->campaigns);
}
