/* chorus-window-actions.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "chorus-crm-import-dialog.h"
#include "chorus-sample.h"
#include "chorus-window-private.h"

/* The window's workspace actions: new, open, and the sample community. */

#define SAMPLE_FILE_NAME "Sample.chorus"

static char *
dup_sample_path (void)
{
  g_autofree char *dir = chorus_application_dup_data_dir ();

  return g_build_filename (dir, SAMPLE_FILE_NAME, NULL);
}

typedef void (*ChooserDone) (ChorusWindow *self,
                             GFile        *file);

static void
add_workspace_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (workspaces, _("Chorus Workspaces"));
  gtk_file_filter_add_mime_type (workspaces, "application/x-chorus-workspace");
  gtk_file_filter_add_suffix (workspaces, "chorus");
  gtk_file_chooser_add_filter (chooser, workspaces);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, workspaces);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ChorusWindow    *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (chooser), "chorus-done");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      done (self, file);
    }

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
run_chooser (ChorusWindow         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             ChooserDone           done)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_workspace_filters (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "chorus-done", done);

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      /* New workspaces live in the user data dir unless the person picks
       * another folder. */
      g_autofree char *dir = chorus_application_dup_data_dir ();
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      if (g_mkdir_with_parents (dir, 0700) == 0)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

      /* Translators: the suggested file name of a new workspace; keep ".chorus". */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Community.chorus"));
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_chosen (ChorusWindow *self,
             GFile        *file)
{
  chorus_window_open_workspace (self, file, CHORUS_WINDOW_OPEN_DEFAULT);
}

static void
on_replaced_file_trashed_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(ChorusWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_trash_finish (G_FILE (object), result, &error))
    {
      g_autofree char *name = g_file_get_basename (G_FILE (object));
      g_autoptr(GError) friendly = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      friendly = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                              /* Translators: %s is a workspace file's name. */
                              _("“%s” already exists and could not be moved to the trash. Choose another name."),
                              name);
      _chorus_window_show_error (self, _("Could Not Create Workspace"), friendly, FALSE);
      return;
    }

  chorus_window_open_workspace (self, G_FILE (object), CHORUS_WINDOW_OPEN_CREATE);
}

/* The chooser already asked before replacing a file; the old one goes to
 * the trash rather than away, so nothing is lost by a slip. */
static void
create_chosen (ChorusWindow *self,
               GFile        *file)
{
  if (g_file_query_exists (file, NULL))
    {
      _chorus_window_cancel_pending (self);
      g_file_trash_async (file, G_PRIORITY_DEFAULT, self->cancellable,
                          on_replaced_file_trashed_cb, g_object_ref (self));
      return;
    }

  chorus_window_open_workspace (self, file, CHORUS_WINDOW_OPEN_CREATE);
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (CHORUS_WINDOW (widget), _("New Workspace"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Create"), create_chosen);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  run_chooser (CHORUS_WINDOW (widget), _("Open Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), open_chosen);
}

static void
on_sample_generated_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ChorusWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (!chorus_sample_generate_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      gtk_spinner_stop (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->main_stack, self->store ? "workspace" : "welcome");
      _chorus_window_show_error (self, _("Could Not Create the Sample Community"), error, FALSE);
      return;
    }

  path = dup_sample_path ();
  file = g_file_new_for_path (path);
  chorus_window_open_workspace (self, file, CHORUS_WINDOW_OPEN_DEFAULT);
}

/* The sample lives in the user data dir and is generated once; opening it
 * again keeps whatever a person did in it. */
static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  g_autofree char *dir = chorus_application_dup_data_dir ();
  g_autofree char *path = dup_sample_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      chorus_window_open_workspace (self, file, CHORUS_WINDOW_OPEN_DEFAULT);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, g_io_error_from_errno (errno),
                                             /* Translators: the first %s is a folder's name, the second the
                                              * reason, from the system. */
                                             _("The folder “%s” could not be created: %s"),
                                             dir, g_strerror (errno));

      _chorus_window_show_error (self, _("Could Not Create the Sample Community"), error, FALSE);
      return;
    }

  _chorus_window_cancel_pending (self);
  _chorus_window_show_loading (self, _("Creating the Sample Community…"));

  chorus_sample_generate_async (path, CHORUS_SAMPLE_DEFAULT_POSTS, 1, NULL, self->cancellable,
                                on_sample_generated_cb, g_object_ref (self));
}

/* A CSV file of CRM fields, into the open workspace. */
static void
import_crm_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  if (self->store != NULL)
    chorus_crm_import_dialog_choose (GTK_WINDOW (self), self->store, self->toast_overlay);
}

/* What a pane just queued (a pre-test's poll), out now rather than after
 * the next sync. */
static void
send_outbox_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _chorus_window_flush_outbox (CHORUS_WINDOW (widget));
}

void
_chorus_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.import-crm", NULL, import_crm_action);
  gtk_widget_class_install_action (widget_class, "win.send-outbox", NULL, send_outbox_action);
}
