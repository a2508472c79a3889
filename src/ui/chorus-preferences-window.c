/* chorus-preferences-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-accounts-page.h"
#include "chorus-preferences-window.h"
#include "chorus-rules-page.h"
#include "chorus-saved-replies-page.h"
#include "chorus-statuses-page.h"
#include "chorus-team-page.h"

struct _ChorusPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  GtkSwitch            *reopen_switch;
  AdwComboRow          *sync_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ChorusPreferencesWindow, chorus_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the rows in the Style list. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    position = 0;

  return g_variant_new_string (color_schemes[position]);
}

/* The choices of the Sync Automatically list, in minutes; 0 is off. */
static const guint sync_intervals[] = { 0, 5, 15, 30, 60 };

static gboolean
minutes_to_position (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint best = 0;

  /* A value set elsewhere shows as the nearest choice. */
  for (guint i = 1; i < G_N_ELEMENTS (sync_intervals); i++)
    if (ABS ((int) sync_intervals[i] - (int) minutes) < ABS ((int) sync_intervals[best] - (int) minutes))
      best = i;

  g_value_set_uint (value, minutes == 0 ? 0 : MAX (best, 1));
  return TRUE;
}

static GVariant *
position_to_minutes (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_uint32 (sync_intervals[MIN (position, G_N_ELEMENTS (sync_intervals) - 1)]);
}

static void
chorus_preferences_window_dispose (GObject *object)
{
  ChorusPreferencesWindow *self = (ChorusPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chorus_preferences_window_parent_class)->dispose (object);
}

static void
chorus_preferences_window_class_init (ChorusPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, sync_row);
}

static void
chorus_preferences_window_init (ChorusPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusPreferencesWindow *
chorus_preferences_window_new (GSettings *settings)
{
  ChorusPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CHORUS_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_position, position_to_scheme,
                                NULL, NULL);
  g_settings_bind (settings, "reopen-last-workspace", self->reopen_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "sync-interval-minutes", self->sync_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, minutes_to_position, position_to_minutes,
                                NULL, NULL);

  return self;
}

/**
 * chorus_preferences_window_add_accounts:
 * @self: a #ChorusPreferencesWindow
 * @window: the window whose workspace's accounts to show
 *
 * Adds the pages of one workspace: Accounts, Rules, Statuses and Team.
 */
void
chorus_preferences_window_add_accounts (ChorusPreferencesWindow *self,
                                        ChorusWindow            *window)
{
  g_return_if_fail (CHORUS_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (CHORUS_IS_WINDOW (window));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (chorus_accounts_page_new (window)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (chorus_rules_page_new (chorus_window_get_store (window))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (chorus_saved_replies_page_new (chorus_window_get_store (window))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (chorus_statuses_page_new (chorus_window_get_store (window))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (chorus_team_page_new (chorus_window_get_store (window))));
}
