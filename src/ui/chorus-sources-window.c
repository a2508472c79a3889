/* chorus-sources-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-sources-window.h"
#include "chorus-store-sources.h"

/* The workspace's sources and their health: when each last synced, and
 * what went wrong last time, in the words the sync engine recorded. */

struct _ChorusSourcesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *sources_group;

  ChorusStore          *store;
};

G_DEFINE_FINAL_TYPE (ChorusSourcesWindow, chorus_sources_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
describe_health (ChorusSource *source)
{
  gint64 last = chorus_source_get_last_success (source);
  g_autofree char *when = NULL;

  if (chorus_source_get_last_error (source) != NULL)
    return g_strdup (chorus_source_get_last_error (source));

  if (chorus_source_get_is_sample (source))
    return g_strdup (_("Part of the sample community; not synced"));

  if (last <= 0)
    return g_strdup (_("Not synced yet"));

  when = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC, last);
  /* Translators: %s is a time such as "5 min ago" or "Yesterday". */
  return g_strdup_printf (_("Synced %s"), when);
}

static GtkWidget *
create_row (ChorusSource *source)
{
  g_autofree char *health = describe_health (source);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *network = gtk_label_new (chorus_format_network (chorus_source_get_network (source)));

  /* Names come from the network: never markup. */
  title = g_markup_escape_text (chorus_source_get_display_name (source), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), health);
  gtk_widget_set_tooltip_text (row, chorus_source_get_server_url (source));

  gtk_widget_set_valign (network, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (network, "chorus-pill");
  gtk_widget_add_css_class (network, chorus_source_get_network (source));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), network);

  if (chorus_source_get_last_error (source) != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Last sync failed"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

static void
add_message_row (ChorusSourcesWindow *self,
                 const char          *title,
                 const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->sources_group, row);
}

static void
populate (ChorusSourcesWindow *self)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  if (!(sources = chorus_store_list_sources (self->store, &error)))
    {
      add_message_row (self, _("The sources could not be read"), error->message);
      return;
    }

  for (guint i = 0; i < sources->len; i++)
    adw_preferences_group_add (self->sources_group, create_row (g_ptr_array_index (sources, i)));

  if (sources->len == 0)
    add_message_row (self, _("No sources yet"),
                     _("Add a blog’s or review site’s feed to bring what it publishes into the inbox."));
}

static void
chorus_sources_window_dispose (GObject *object)
{
  ChorusSourcesWindow *self = (ChorusSourcesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_SOURCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (chorus_sources_window_parent_class)->dispose (object);
}

static void
chorus_sources_window_class_init (ChorusSourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_sources_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusSourcesWindow, sources_group);
}

static void
chorus_sources_window_init (ChorusSourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusSourcesWindow *
chorus_sources_window_new (GtkWindow   *parent,
                           ChorusStore *store)
{
  ChorusSourcesWindow *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_SOURCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  populate (self);

  return self;
}
