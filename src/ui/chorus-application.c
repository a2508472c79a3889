/* chorus-application.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-application.h"
#include "chorus-preferences-window.h"
#include "chorus-window.h"

struct _ChorusApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ChorusApplication, chorus_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (ChorusApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
on_settings_color_scheme_changed_cb (ChorusApplication *self,
                                     const char        *key,
                                     GSettings         *settings)
{
  apply_color_scheme (self);
}

/* A window that shows the welcome page can take a workspace; otherwise a
 * new window opens, so that two workspaces can sit side by side. */
static ChorusWindow *
find_empty_window (ChorusApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (CHORUS_IS_WINDOW (l->data) && chorus_window_get_store (l->data) == NULL)
        return l->data;
    }

  return NULL;
}

static void
chorus_application_activate (GApplication *app)
{
  ChorusApplication *self = CHORUS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (chorus_window_new (self));
  gtk_window_present (window);

  last = g_settings_get_string (self->settings, "last-workspace");

  if (last[0] != '\0' && g_settings_get_boolean (self->settings, "reopen-last-workspace"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      chorus_window_open_workspace (CHORUS_WINDOW (window), file, CHORUS_WINDOW_OPEN_QUIETLY);
    }
}

static void
chorus_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  ChorusApplication *self = CHORUS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      ChorusWindow *window = find_empty_window (self);

      if (window == NULL)
        window = chorus_window_new (self);

      gtk_window_present (GTK_WINDOW (window));
      chorus_window_open_workspace (window, files[i], CHORUS_WINDOW_OPEN_DEFAULT);
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ChorusApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ChorusPreferencesWindow *preferences = chorus_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  if (CHORUS_IS_WINDOW (parent) && chorus_window_get_store (CHORUS_WINDOW (parent)) != NULL)
    chorus_preferences_window_add_accounts (preferences, CHORUS_WINDOW (parent));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* A notification's default action: the inbox of the workspace it is about. */
static void
show_conversations_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  ChorusApplication *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      ChorusStore *store;

      if (!CHORUS_IS_WINDOW (l->data) || !(store = chorus_window_get_store (l->data)) ||
          g_strcmp0 (chorus_store_get_path (store), path) != 0)
        continue;

      chorus_window_set_visible_pane (l->data, "conversations");
      gtk_window_present (l->data);
      return;
    }

  g_application_activate (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ChorusApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Chorus authors", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Chorus"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Chorus authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Listen to, pre-test with and co-create with your brand community."),
                         "website", "https://github.com/chorusapp/chorus",
                         "issue-url", "https://github.com/chorusapp/chorus/issues",
                         "developers", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Chorus authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ChorusApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "show-conversations", show_conversations_action, "s" },
  { "about", about_action },
  { "quit", quit_action },
};

static void
chorus_application_startup (GApplication *app)
{
  ChorusApplication *self = CHORUS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *sync_accels[] = { "<Control>r", "F5", NULL };
  static const char *pane_accels[][2] = {
    { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL },
  };

  G_APPLICATION_CLASS (chorus_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-workspace", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-workspace", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sync", sync_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-pane('conversations')", pane_accels[0]);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-pane('pretests')", pane_accels[1]);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-pane('designs')", pane_accels[2]);

  apply_color_scheme (self);
}

static void
chorus_application_dispose (GObject *object)
{
  ChorusApplication *self = (ChorusApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chorus_application_parent_class)->dispose (object);
}

static void
chorus_application_class_init (ChorusApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = chorus_application_dispose;

  app_class->activate = chorus_application_activate;
  app_class->open = chorus_application_open;
  app_class->startup = chorus_application_startup;
}

static void
chorus_application_init (ChorusApplication *self)
{
  self->settings = g_settings_new (APP_ID);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_settings_color_scheme_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

ChorusApplication *
chorus_application_new (void)
{
  return g_object_new (CHORUS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
chorus_application_get_settings (ChorusApplication *self)
{
  g_return_val_if_fail (CHORUS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * chorus_application_dup_data_dir:
 *
 * Returns: (transfer full): where Chorus keeps its default and sample
 *   workspaces, under the user data dir
 */
char *
chorus_application_dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "chorus", NULL);
}
