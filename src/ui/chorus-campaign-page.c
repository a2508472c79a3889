/* chorus-campaign-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-campaign-dialogs.h"
#include "chorus-campaign-editor.h"
#include "chorus-campaign-launch.h"
#include "chorus-campaign-page-private.h"
#include "chorus-campaign-report.h"
#include "chorus-format.h"
#include "chorus-stack-switcher.h"
#include "chorus-store-campaigns.h"
#include "chorus-variant-replies.h"

/* One campaign whole: its brief and variants, the result with the
 * statistics in plain words, its runs, and what a team does with it
 * (put it to the community, add results, pause, close, archive, decide,
 * export). Every change goes through the store in a worker and the page
 * reads the campaign again when it is done. */

struct _ChorusCampaignPage
{
  GtkWidget       parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *state_label;
  GtkWidget      *launch_button;
  GtkStack       *stack;
  GtkBox         *content_box;
  AdwStatusPage  *error_page;

  ChorusStore    *store;
  ChorusCampaign *campaign;
  ChorusAnalysis *analysis;
  gint64          campaign_id;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (ChorusCampaignPage, chorus_campaign_page, GTK_TYPE_WIDGET)

enum { CLOSED, CHANGED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
toast (ChorusCampaignPage *self,
       const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
clear_content (ChorusCampaignPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
}

static void
update_actions (ChorusCampaignPage *self)
{
  const char *state = self->campaign != NULL ? chorus_campaign_get_state (self->campaign) : NULL;
  gboolean loaded = state != NULL;
  gboolean live = g_strcmp0 (state, "running") == 0 || g_strcmp0 (state, "paused") == 0;
  gboolean archived = g_strcmp0 (state, "archived") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.edit", loaded && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.results", loaded && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.launch",
                                 loaded && (g_strcmp0 (state, "draft") == 0 || live));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.decide", self->analysis != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.export-pdf", self->analysis != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.export-csv", self->analysis != NULL);
  /* The menu shows only the moves the store allows from this state. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.pause", g_strcmp0 (state, "running") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.resume",
                                 g_strcmp0 (state, "paused") == 0 || g_strcmp0 (state, "closed") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.close",
                                 live || g_strcmp0 (state, "draft") == 0 || archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.archive", g_strcmp0 (state, "closed") == 0);
  gtk_widget_set_visible (self->launch_button, loaded && !archived && g_strcmp0 (state, "closed") != 0);
}

static void
populate (ChorusCampaignPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *state = chorus_campaign_get_state (self->campaign);
  GtkWidget *label = GTK_WIDGET (self->state_label);
  GtkWidget *replies;

  g_clear_pointer (&self->analysis, chorus_analysis_unref);
  self->analysis = chorus_campaign_analyse (self->campaign, &error);

  gtk_label_set_label (self->title_label, chorus_campaign_get_name (self->campaign));
  gtk_label_set_label (self->state_label, chorus_format_campaign_state (state));
  gtk_widget_set_css_classes (label, (const char *[]) { "chorus-pill", state, NULL });

  clear_content (self);
  _chorus_campaign_page_add_details (self->content_box, self->campaign);
  _chorus_campaign_page_add_variants (self->content_box, self->campaign);
  _chorus_campaign_page_add_result (self->content_box, self->campaign, self->analysis, error);
  replies = chorus_variant_replies_new (self->store, self->campaign);
  if (replies != NULL)
    gtk_box_append (self->content_box, replies);
  _chorus_campaign_page_add_runs (self->content_box, self->campaign);

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "campaign");
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusCampaignPage) self = user_data;
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = chorus_store_load_campaign_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->campaign);
  if (campaign == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      return;
    }

  self->campaign = g_steal_pointer (&campaign);
  populate (self);
}

void
chorus_campaign_page_reload (ChorusCampaignPage *self)
{
  g_return_if_fail (CHORUS_IS_CAMPAIGN_PAGE (self));

  if (self->store == NULL || self->campaign_id == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->campaign == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  chorus_store_load_campaign_async (self->store, self->campaign_id, self->cancellable, on_loaded_cb,
                                    g_object_ref (self));
}

/* After any change: the page reads the campaign again, and the list
 * behind it learns that it changed. */
static void
on_changed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusCampaignPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (chorus_store_change_campaign_finish (CHORUS_STORE (object), result, &error) == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  chorus_campaign_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
state_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (widget);

  const char *state = g_str_equal (action_name, "campaign.pause") ? "paused"
                      : g_str_equal (action_name, "campaign.resume") ? "running"
                      : g_str_equal (action_name, "campaign.archive") ? "archived" : "closed";

  chorus_store_set_campaign_state_async (self->store, self->campaign_id, state, self->cancellable,
                                         on_changed_cb, g_object_ref (self));
}

static void
on_edited_cb (ChorusCampaignEditor *editor,
              gint64                id,
              gpointer              user_data)
{
  ChorusCampaignPage *self = user_data;

  chorus_campaign_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (widget);
  ChorusCampaignEditor *editor = chorus_campaign_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                             self->store, self->campaign);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_edited_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_dialog_done_cb (gpointer  user_data)
{
  ChorusCampaignPage *self = user_data;

  chorus_campaign_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
results_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (widget);

  chorus_campaign_results_dialog_present (widget, self->store, self->campaign, on_dialog_done_cb, self);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (widget);

  chorus_campaign_decision_dialog_present (widget, self->store, self->campaign, self->analysis,
                                           on_dialog_done_cb, self);
}

/* A launched run's first post is in the outbox: out it goes. */
static void
on_launched_cb (ChorusCampaignLaunch *launch,
                gint64                run_id,
                gpointer              user_data)
{
  ChorusCampaignPage *self = user_data;

  on_dialog_done_cb (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.send-outbox", NULL);
}

static void
launch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (widget);
  ChorusCampaignLaunch *launch;

  if (self->campaign == NULL)
    return;

  launch = chorus_campaign_launch_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->campaign);
  g_signal_connect_object (launch, "launched", G_CALLBACK (on_launched_cb), self, 0);
  gtk_window_present (GTK_WINDOW (launch));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (widget);

  chorus_campaign_report_export (widget, self->campaign, self->analysis,
                                 g_str_equal (action_name, "campaign.export-pdf")
                                 ? CHORUS_CAMPAIGN_REPORT_PDF : CHORUS_CAMPAIGN_REPORT_CSV);
}

static void
chorus_campaign_page_dispose (GObject *object)
{
  ChorusCampaignPage *self = CHORUS_CAMPAIGN_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CAMPAIGN_PAGE);
  /* The template's outer box is not bound, so it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);
  g_clear_pointer (&self->analysis, chorus_analysis_unref);

  G_OBJECT_CLASS (chorus_campaign_page_parent_class)->dispose (object);
}

static void
chorus_campaign_page_class_init (ChorusCampaignPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_campaign_page_dispose;

  /**
   * ChorusCampaignPage::closed:
   *
   * The person went back to the list of campaigns.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ChorusCampaignPage::changed:
   *
   * The campaign changed (edited, results added, decided…), so the list
   * should read it again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-campaign-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignPage, launch_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignPage, error_page);

  gtk_widget_class_install_action (widget_class, "campaign.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "campaign.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "campaign.results", NULL, results_action);
  gtk_widget_class_install_action (widget_class, "campaign.decide", NULL, decide_action);
  gtk_widget_class_install_action (widget_class, "campaign.launch", NULL, launch_action);
  gtk_widget_class_install_action (widget_class, "campaign.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "campaign.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "campaign.pause", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "campaign.resume", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "campaign.close", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "campaign.archive", NULL, state_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "campaign.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "campaign.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_campaign_page_init (ChorusCampaignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* In a narrow window, or a long translation, it wraps beside the title. */
  chorus_button_shrink_label (GTK_BUTTON (self->launch_button));
  update_actions (self);
}

void
chorus_campaign_page_set_store (ChorusCampaignPage *self,
                                ChorusStore        *store)
{
  g_return_if_fail (CHORUS_IS_CAMPAIGN_PAGE (self));

  g_set_object (&self->store, store);
  self->campaign_id = 0;
  g_clear_object (&self->campaign);
}

void
chorus_campaign_page_show (ChorusCampaignPage *self,
                           gint64              campaign_id)
{
  g_return_if_fail (CHORUS_IS_CAMPAIGN_PAGE (self));

  if (campaign_id != self->campaign_id)
    g_clear_object (&self->campaign);
  self->campaign_id = campaign_id;
  chorus_campaign_page_reload (self);
}

/* Nullable: until the campaign is read. */
ChorusCampaign *
chorus_campaign_page_get_campaign (ChorusCampaignPage *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN_PAGE (self), NULL);

  return self->campaign;
}
