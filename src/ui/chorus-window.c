/* chorus-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-conversations-pane.h"
#include "chorus-designs-pane.h"
#include "chorus-pretests-pane.h"
#include "chorus-window-private.h"

G_DEFINE_FINAL_TYPE (ChorusWindow, chorus_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  ChorusWindow          *window;
  char                  *path;
  ChorusWindowOpenFlags  flags;
  char                  *previous_page;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->window);
  g_free (request->path);
  g_free (request->previous_page);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
update_titles (ChorusWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Chorus"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  name = chorus_store_dup_name (self->store);
  /* Translators: the window title; %s is the workspace's name. */
  title = g_strdup_printf (_("%s — Chorus"), name);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
}

static void
update_workspace_chrome (ChorusWindow *self)
{
  gboolean has_store = self->store != NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_store);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-pane", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-crm", has_store);
  _chorus_window_update_sync (self);
}

static void
set_store (ChorusWindow *self,
           ChorusStore  *store)
{
  if (!g_set_object (&self->store, store))
    return;

  chorus_conversations_pane_set_store (CHORUS_CONVERSATIONS_PANE (self->conversations_pane), store);
  chorus_pretests_pane_set_store (CHORUS_PRETESTS_PANE (self->pretests_pane), store);
  chorus_designs_pane_set_store (CHORUS_DESIGNS_PANE (self->designs_pane), store);

  update_titles (self);
  _chorus_window_store_changed (self);
  _chorus_window_outbox_store_changed (self);
  update_workspace_chrome (self);
  gtk_stack_set_visible_child_name (self->main_stack, store ? "workspace" : "welcome");

  if (store != NULL)
    g_settings_set_string (self->settings, "last-workspace", chorus_store_get_path (store));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
_chorus_window_show_error (ChorusWindow *self,
                           const char   *heading,
                           const GError *error,
                           gboolean      quietly)
{
  AdwMessageDialog *dialog;

  if (quietly)
    {
      /* Translators: a short error in a toast: a heading such as “Could Not Open Workspace”, then why,
       * a sentence of its own. */
      g_autofree char *text = g_strdup_printf (C_("error toast", "%s: %s"), heading, error->message);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_chorus_window_show_loading (ChorusWindow *self,
                             const char   *title)
{
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
}

void
_chorus_window_cancel_pending (ChorusWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
on_store_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  ChorusWindow *self = request->window;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = chorus_store_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->loading_spinner);

  if (store == NULL)
    {
      gboolean quietly = (request->flags & CHORUS_WINDOW_OPEN_QUIETLY) != 0;

      gtk_stack_set_visible_child_name (self->main_stack, request->previous_page);
      update_workspace_chrome (self);
      _chorus_window_show_error (self, _("Could Not Open Workspace"), error, quietly);
      return;
    }

  set_store (self, store);
}

static gboolean
on_close_request_cb (ChorusWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  return GDK_EVENT_PROPAGATE;
}

static void
on_switcher_title_visible_cb (ChorusWindow *self)
{
  gboolean reveal = self->store != NULL &&
                    adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  chorus_window_set_visible_pane (CHORUS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
chorus_window_dispose (GObject *object)
{
  ChorusWindow *self = (ChorusWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  _chorus_window_dispose_sync (self);
  _chorus_window_dispose_outbox (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_WINDOW);

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  g_clear_object (&self->http);
  g_clear_pointer (&self->pending_source, g_strfreev);
  g_clear_pointer (&self->pending_account, chorus_account_draft_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chorus_window_parent_class)->dispose (object);
}

static void
chorus_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChorusWindow *self = CHORUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_window_class_init (ChorusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_window_dispose;
  object_class->get_property = chorus_window_get_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHORUS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHORUS_TYPE_CONVERSATIONS_PANE);
  g_type_ensure (CHORUS_TYPE_PRETESTS_PANE);
  g_type_ensure (CHORUS_TYPE_DESIGNS_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, sync_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, conversations_pane);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, pretests_pane);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, designs_pane);

  gtk_widget_class_install_action (widget_class, "win.show-pane", "s", show_pane_action);
  _chorus_window_class_add_actions (widget_class);
  _chorus_window_class_add_sync_actions (widget_class);
  _chorus_window_class_add_account_actions (widget_class);
}

static void
chorus_window_init (ChorusWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->http = chorus_http_new ();
  _chorus_window_init_sync (self);
  _chorus_window_init_outbox (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  update_workspace_chrome (self);

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_switcher_title_visible_cb), self, G_CONNECT_SWAPPED);
}

ChorusWindow *
chorus_window_new (ChorusApplication *application)
{
  return g_object_new (CHORUS_TYPE_WINDOW, "application", application, NULL);
}

ChorusStore *
chorus_window_get_store (ChorusWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * chorus_window_open_workspace:
 * @self: a #ChorusWindow
 * @file: the workspace file
 * @flags: how to open it and report failures
 *
 * Opens (and upgrades) the workspace off the main thread. While it opens
 * the window shows a spinner; a failure brings back what was shown before
 * and says why, and leaves the file untouched.
 */
void
chorus_window_open_workspace (ChorusWindow          *self,
                              GFile                 *file,
                              ChorusWindowOpenFlags  flags)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  OpenRequest *request;

  g_return_if_fail (CHORUS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!(path = g_file_get_path (file)))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only workspaces on this computer can be opened."));

      _chorus_window_show_error (self, _("Could Not Open Workspace"), error,
                                 (flags & CHORUS_WINDOW_OPEN_QUIETLY) != 0);
      return;
    }

  _chorus_window_cancel_pending (self);

  request = g_new0 (OpenRequest, 1);
  request->window = g_object_ref (self);
  request->path = g_strdup (path);
  request->flags = flags;
  request->previous_page = g_strdup (self->store ? "workspace" : "welcome");

  name = g_filename_display_basename (path);
  /* Translators: %s is a workspace's file name. */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  _chorus_window_show_loading (self, title);

  chorus_store_open_async (path,
                           (flags & CHORUS_WINDOW_OPEN_CREATE) ? CHORUS_STORE_OPEN_CREATE
                                                               : CHORUS_STORE_OPEN_EXISTING,
                           self->cancellable, on_store_opened_cb, request);
}

const char *
chorus_window_get_visible_pane (ChorusWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
chorus_window_set_visible_pane (ChorusWindow *self,
                                const char   *name)
{
  g_return_if_fail (CHORUS_IS_WINDOW (self));

  if (self->store != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}
