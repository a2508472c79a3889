/* chorus-person-panel-rows.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-person-panel.h"
#include "chorus-person-panel-private.h"

/* The rows of the person panel (accounts, CRM fields, history) and the
 * decisions behind them that tests check without a display: what a
 * history row says about the reply, and which profile addresses become
 * links. Kept apart from chorus-person-panel.c, which loads and changes. */

static void
on_open_profile_clicked_cb (GtkButton *button,
                            GtkWidget *panel)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "chorus-uri");
  GtkRoot *root = gtk_widget_get_root (panel);

  if (chorus_person_panel_can_open_uri (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* An account: its network, handle and name, and a link to its profile
 * when that is a web address. */
GtkWidget *
_chorus_person_panel_make_identity_row (GtkWidget      *panel,
                                        ChorusIdentity *identity)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (chorus_format_network (identity->network));
  g_autofree char *handle = chorus_format_handle (identity->network, identity->handle, identity->server);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), handle);
  if (g_strcmp0 (identity->display_name, "") != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), identity->display_name);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "chorus-pill");
  gtk_widget_add_css_class (badge, identity->network);
  /* As wide as the widest network's ("Mastodon"), for the handles to line up. */
  gtk_size_group_add_widget (CHORUS_PERSON_PANEL (panel)->network_badges, badge);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  if (chorus_person_panel_can_open_uri (identity->profile_url))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open Profile"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open Profile"), -1);
      g_object_set_data_full (G_OBJECT (button), "chorus-uri", g_strdup (identity->profile_url), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_profile_clicked_cb), panel, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* A CRM field, read-only. */
GtkWidget *
_chorus_person_panel_make_field_row (const char *name,
                                     const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* Short values whole; long ones cut, and whole in the tooltip. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (g_utf8_strlen (value, -1), 24));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_tooltip_text (label, value);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* A conversation of the person's history and how fast it was answered. */
GtkWidget *
_chorus_person_panel_make_history_row (ChorusPersonConversation *conversation)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = chorus_format_date (conversation->started_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *reply = chorus_person_panel_format_reply (conversation->first_reply);
  GtkWidget *label = gtk_label_new (reply);

  /* Translators: under a conversation in a person's history: its network,
   * the date it started and its status, as in "Mastodon · 3 Mar 2026 · Open". */
  subtitle = g_strdup_printf (_("%s · %s · %s"), chorus_format_network (conversation->network), date,
                              conversation->status);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conversation->excerpt);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  if (conversation->first_reply < 0)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/**
 * chorus_person_panel_format_reply:
 * @first_reply: seconds to the brand's first reply, or -1 for none
 *
 * Returns: (transfer full): what a history row says: "replied in 2 h" or
 *   "not answered"
 */
char *
chorus_person_panel_format_reply (gint64 first_reply)
{
  g_autofree char *duration = NULL;

  if (first_reply < 0)
    return g_strdup (_("not answered"));

  duration = chorus_format_duration (first_reply);
  /* Translators: how fast the brand answered a conversation; %s is a
   * duration such as "2 h" or "under a minute". */
  return g_strdup_printf (_("replied in %s"), duration);
}

/**
 * chorus_person_panel_can_open_uri:
 * @uri: (nullable): a profile address from a network
 *
 * Returns: whether the panel links to @uri: only http and https addresses
 *   with a host, never file:, javascript: or other schemes
 */
gboolean
chorus_person_panel_can_open_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || !(parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)))
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
         g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';
}
