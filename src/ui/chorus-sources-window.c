/* chorus-sources-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-accounts-page.h"
#include "chorus-sources-window.h"

/* The Accounts and Feeds window: the accounts page of a workspace on its
 * own, where a sync's "Details" lead. Preferences shows the same page. */

struct _ChorusSourcesWindow
{
  AdwPreferencesWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (ChorusSourcesWindow, chorus_sources_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
chorus_sources_window_class_init (ChorusSourcesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-sources-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_sources_window_init (ChorusSourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusSourcesWindow *
chorus_sources_window_new (ChorusWindow *window)
{
  ChorusSourcesWindow *self;

  g_return_val_if_fail (CHORUS_IS_WINDOW (window), NULL);

  self = g_object_new (CHORUS_TYPE_SOURCES_WINDOW,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (chorus_accounts_page_new (window)));

  return self;
}
