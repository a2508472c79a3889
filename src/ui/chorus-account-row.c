/* chorus-account-row.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-account-row.h"
#include "chorus-format.h"
#include "chorus-http.h"
#include "chorus-sync-engine.h"

/* One source in the list of accounts: its name and health (what went
 * wrong last, in the words the sync engine recorded), and, expanded, the
 * account and what it watches. Its buttons and
 * menu activate the "accounts." actions of the page it is on, with the
 * source's id as target. */

struct _ChorusAccountRow
{
  AdwExpanderRow  parent_instance;

  GtkImage       *network_icon;
  GtkImage       *warning_icon;
  GtkButton      *sign_in_button;
  GtkLabel       *network_label;
  GtkMenuButton  *menu_button;
  AdwActionRow   *account_row;
  AdwActionRow   *watching_row;

  ChorusSource   *source;
};

G_DEFINE_FINAL_TYPE (ChorusAccountRow, chorus_account_row, ADW_TYPE_EXPANDER_ROW)

static gboolean
signs_in (ChorusSource *source)
{
  return g_strcmp0 (chorus_source_get_network (source), "feed") != 0 &&
         chorus_source_get_account (source) != NULL;
}

/**
 * chorus_account_describe_health:
 * @source: a source
 * @now: the time, in seconds since the epoch
 *
 * Returns: (transfer full): one line on how the source is doing
 */
char *
chorus_account_describe_health (ChorusSource *source,
                                gint64        now)
{
  gint64 last = chorus_source_get_last_success (source);
  g_autofree char *when = NULL;

  if (chorus_source_get_is_sample (source))
    return g_strdup (_("Part of the sample community; not synced"));

  if (chorus_source_get_needs_reauth (source))
    return g_strdup (_("Needs sign-in again"));

  if (chorus_source_get_last_error (source) != NULL)
    return g_strdup (chorus_source_get_last_error (source));

  if (!chorus_sync_engine_can_sync (chorus_source_get_network (source)))
    return g_strdup (_("This version of Chorus cannot sync it yet"));

  if (last <= 0)
    return g_strdup (_("Not synced yet"));

  when = chorus_format_relative_time (now, last);
  /* Translators: %s is a time such as "Just now", "5 min ago" or "Yesterday". */
  return g_strdup_printf (_("Last synced: %s"), when);
}

typedef enum
{
  WATCH_HASHTAG,
  WATCH_KEYWORD,
  WATCH_CATEGORY,
} WatchKind;

static void
add_items (GStrvBuilder *builder,
           const char   *list,
           WatchKind     kind)
{
  g_auto(GStrv) items = chorus_source_split_watch_list (list, kind == WATCH_KEYWORD);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = NULL;

      if (kind == WATCH_HASHTAG)
        item = g_strconcat ("#", items[i], NULL);
      else if (kind == WATCH_KEYWORD)
        /* Translators: a keyword a source searches for, in quotes. */
        item = g_strdup_printf (_("“%s”"), items[i]);
      else
        /* Translators: a forum category a source reads, by its short name. */
        item = g_strdup_printf (_("category %s"), items[i]);

      g_strv_builder_add (builder, item);
    }
}

/**
 * chorus_account_describe_watching:
 * @source: a source
 *
 * Returns: (transfer full): what the source watches, in one line
 */
char *
chorus_account_describe_watching (ChorusSource *source)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  const char *network = chorus_source_get_network (source);

  if (g_strcmp0 (network, "feed") == 0)
    return g_strdup (_("Every new entry"));

  if (chorus_source_get_watch_mentions (source) && chorus_source_get_account (source) != NULL)
    g_strv_builder_add (builder, _("Mentions"));
  add_items (builder, chorus_source_get_watch_hashtags (source), WATCH_HASHTAG);
  add_items (builder, chorus_source_get_watch_keywords (source), WATCH_KEYWORD);
  add_items (builder, chorus_source_get_watch_categories (source), WATCH_CATEGORY);
  items = g_strv_builder_end (builder);

  if (items[0] == NULL)
    return g_strdup (g_strcmp0 (network, "discourse") == 0 ? _("Every category") : _("Nothing yet"));

  /* Translators: the separator between the things a source watches. */
  return g_strjoinv (_(", "), items);
}

static char *
describe_account (ChorusSource *source)
{
  g_autofree char *host = chorus_http_dup_host (chorus_source_get_server_url (source));
  const char *network = chorus_source_get_network (source);
  const char *account = chorus_source_get_account (source);

  if (g_strcmp0 (network, "feed") == 0 || account == NULL)
    return g_strdup (chorus_source_get_server_url (source));

  if (g_strcmp0 (network, "mastodon") == 0)
    return chorus_format_handle (network, account, host);

  /* Translators: an account on a server, such as "@brand on forum.example.com". */
  return g_strdup_printf (_("@%s on %s"), account, host);
}

static const char *
get_network_icon_name (const char *network)
{
  if (g_strcmp0 (network, "mastodon") == 0)
    return "network-workgroup-symbolic";
  if (g_strcmp0 (network, "bluesky") == 0)
    return "weather-few-clouds-symbolic";
  if (g_strcmp0 (network, "discourse") == 0)
    return "system-users-symbolic";

  return "application-rss+xml-symbolic";
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static GMenuModel *
build_menu (ChorusSource *source)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  gint64 id = chorus_source_get_id (source);

  append_item (menu, _("_Edit…"), "accounts.edit", id);
  if (chorus_sync_engine_can_sync (chorus_source_get_network (source)))
    append_item (menu, _("_Sync Now"), "accounts.sync", id);
  if (signs_in (source))
    append_item (menu, _("Sign _In Again…"), "accounts.sign-in", id);
  append_item (removal, _("_Remove…"), "accounts.remove", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));

  return G_MENU_MODEL (menu);
}

static void
show_source (ChorusAccountRow *self)
{
  ChorusSource *source = self->source;
  const char *network = chorus_source_get_network (source);
  const char *last_error = chorus_source_get_last_error (source);
  gboolean sample = chorus_source_get_is_sample (source);
  g_autofree char *health = chorus_account_describe_health (source, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *account = describe_account (source);
  g_autofree char *watching = chorus_account_describe_watching (source);
  g_autoptr(GMenuModel) menu = NULL;

  /* Names and errors come from the network: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), chorus_source_get_display_name (source));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), health);

  gtk_image_set_from_icon_name (self->network_icon, get_network_icon_name (network));
  gtk_widget_add_css_class (GTK_WIDGET (self->network_icon), network);
  gtk_label_set_label (self->network_label, chorus_format_network (network));
  gtk_widget_add_css_class (GTK_WIDGET (self->network_label), network);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                 g_strcmp0 (network, "feed") == 0 ? _("Address") : _("Account"));
  adw_action_row_set_subtitle (self->account_row, account);
  adw_action_row_set_subtitle (self->watching_row, watching);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->network_icon), chorus_format_network (network));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->network_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chorus_format_network (network),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), last_error != NULL && !sample);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icon), last_error);

  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button),
                          chorus_source_get_needs_reauth (source) && signs_in (source) && !sample);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->sign_in_button),
                                          g_variant_new_int64 (chorus_source_get_id (source)));

  /* The sample's sources are made up: nothing to do with them. */
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !sample);
  if (!sample)
    {
      menu = build_menu (source);
      gtk_menu_button_set_menu_model (self->menu_button, menu);
    }
}

static void
chorus_account_row_dispose (GObject *object)
{
  ChorusAccountRow *self = (ChorusAccountRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ACCOUNT_ROW);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (chorus_account_row_parent_class)->dispose (object);
}

static void
chorus_account_row_class_init (ChorusAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_account_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, network_icon);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, network_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, account_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountRow, watching_row);
}

static void
chorus_account_row_init (ChorusAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusAccountRow *
chorus_account_row_new (ChorusSource *source)
{
  ChorusAccountRow *self;

  g_return_val_if_fail (CHORUS_IS_SOURCE (source), NULL);

  self = g_object_new (CHORUS_TYPE_ACCOUNT_ROW, NULL);
  self->source = g_object_ref (source);
  show_source (self);

  return self;
}

ChorusSource *
chorus_account_row_get_source (ChorusAccountRow *self)
{
  g_return_val_if_fail (CHORUS_IS_ACCOUNT_ROW (self), NULL);

  return self->source;
}

/**
 * chorus_account_row_get_needs_sign_in:
 * @self: a #ChorusAccountRow
 *
 * Returns: whether the row offers to sign in again, because the source's
 *   last sync was refused
 */
gboolean
chorus_account_row_get_needs_sign_in (ChorusAccountRow *self)
{
  g_return_val_if_fail (CHORUS_IS_ACCOUNT_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->sign_in_button));
}
