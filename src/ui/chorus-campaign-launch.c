/* chorus-campaign-launch.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-campaign-launch.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-store-sources.h"

/* Put to the Community: the window that puts a campaign's variants in
 * front of the community with one of the instruments, each on its own
 * page: a Mastodon poll whose options are the variants. What the store
 * refuses (a variant too long for a poll option, a duration the server
 * does not allow) is said at the top and the window stays open, so the
 * person can change what was wrong. */

enum
{
  INSTRUMENT_MASTODON_POLL,
  N_INSTRUMENTS,
};

static const gint64 durations[] = { 24 * 3600, 3 * 24 * 3600, 7 * 24 * 3600 };

struct _ChorusCampaignLaunch
{
  AdwWindow       parent_instance;

  ChorusStore    *store;
  ChorusCampaign *campaign;
  GCancellable   *cancellable;

  GtkWidget      *publish_button;
  GtkWidget      *error_label;
  AdwComboRow    *instrument;
  GtkStack       *pages;

  /* Mastodon poll */
  AdwComboRow    *poll_account;
  GtkStringList  *poll_accounts;
  GArray         *poll_source_ids;
  GtkWidget      *poll_question;
  AdwComboRow    *poll_duration;
  GtkWidget      *poll_status;
};

G_DEFINE_FINAL_TYPE (ChorusCampaignLaunch, chorus_campaign_launch, ADW_TYPE_WINDOW)

enum { LAUNCHED, N_SIGNALS };

static guint signals[N_SIGNALS];

static guint
selected_instrument (ChorusCampaignLaunch *self)
{
  guint selected = adw_combo_row_get_selected (self->instrument);

  return selected < N_INSTRUMENTS ? selected : INSTRUMENT_MASTODON_POLL;
}

static void
update_publish (ChorusCampaignLaunch *self)
{
  gboolean ready = FALSE;

  switch (selected_instrument (self))
    {
    case INSTRUMENT_MASTODON_POLL:
    default:
      ready = self->poll_source_ids->len > 0 &&
              *gtk_editable_get_text (GTK_EDITABLE (self->poll_question)) != '\0';
      break;
    }

  gtk_widget_set_sensitive (self->publish_button, ready);
}

static void
show_error (ChorusCampaignLaunch *self,
            const char           *message)
{
  gtk_label_set_label (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
on_launched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusCampaignLaunch) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 run_id = chorus_store_launch_mastodon_poll_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), TRUE);
  update_publish (self);
  if (run_id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[LAUNCHED], 0, run_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_publish_clicked_cb (ChorusCampaignLaunch *self)
{
  guint account = adw_combo_row_get_selected (self->poll_account);
  guint duration = adw_combo_row_get_selected (self->poll_duration);

  if (account >= self->poll_source_ids->len)
    return;

  show_error (self, NULL);
  gtk_widget_set_sensitive (self->publish_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), FALSE);
  chorus_store_launch_mastodon_poll_async (self->store, chorus_campaign_get_id (self->campaign),
                                           g_array_index (self->poll_source_ids, gint64, account),
                                           gtk_editable_get_text (GTK_EDITABLE (self->poll_question)),
                                           durations[MIN (duration, G_N_ELEMENTS (durations) - 1)],
                                           self->cancellable, on_launched_cb, g_object_ref (self));
}

/* ---- The sources each instrument can use ---- */

static gboolean
can_post (ChorusSource *source)
{
  return chorus_source_get_enabled (source) && !chorus_source_get_is_sample (source) &&
         chorus_source_get_account (source) != NULL;
}

static void
on_sources_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ChorusCampaignLaunch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = chorus_store_list_sources_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (sources == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      ChorusSource *source = g_ptr_array_index (sources, i);
      gint64 id = chorus_source_get_id (source);

      if (!can_post (source))
        continue;

      if (g_strcmp0 (chorus_source_get_network (source), "mastodon") == 0)
        {
          gtk_string_list_append (self->poll_accounts, chorus_source_get_display_name (source));
          g_array_append_val (self->poll_source_ids, id);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->poll_account), self->poll_source_ids->len > 0);
  gtk_widget_set_visible (self->poll_status, self->poll_source_ids->len == 0);
  update_publish (self);
}

/* ---- Building ---- */

static GtkWidget *
new_status (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static AdwComboRow *
new_combo_row (const char         *title,
               const char * const *choices)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  return row;
}

static GtkWidget *
build_mastodon_page (ChorusCampaignLaunch *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *lengths[] = { _("1 day"), _("3 days"), _("7 days"), NULL };

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One post whose poll options are the variants. Chorus checks them "
                                           "against the server’s poll limits and reads the votes at every sync."));

  self->poll_accounts = gtk_string_list_new (NULL);
  self->poll_account = new_combo_row (_("Account"), NULL);
  adw_combo_row_set_model (self->poll_account, G_LIST_MODEL (self->poll_accounts));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->poll_account));

  self->poll_question = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->poll_question), _("Question"));
  gtk_editable_set_text (GTK_EDITABLE (self->poll_question), _("Which one do you prefer?"));
  g_signal_connect_swapped (self->poll_question, "changed", G_CALLBACK (update_publish), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->poll_question);

  self->poll_duration = new_combo_row (_("Open for"), lengths);
  adw_combo_row_set_selected (self->poll_duration, 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->poll_duration));

  self->poll_status = new_status (_("Connect a Mastodon account first (Preferences, Accounts): the poll is posted "
                                    "from it."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->poll_status);
  return group;
}

static void
on_instrument_changed_cb (ChorusCampaignLaunch *self)
{
  static const char * const pages[] = { "mastodon-poll" };

  gtk_stack_set_visible_child_name (self->pages, pages[selected_instrument (self)]);
  show_error (self, NULL);
  update_publish (self);
}

static GtkWidget *
build_header (ChorusCampaignLaunch *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->publish_button = gtk_button_new_with_mnemonic (_("_Publish"));
  gtk_widget_add_css_class (self->publish_button, "suggested-action");
  gtk_widget_set_sensitive (self->publish_button, FALSE);
  g_signal_connect_swapped (self->publish_button, "clicked", G_CALLBACK (on_publish_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->publish_button);
  return header;
}

static void
chorus_campaign_launch_dispose (GObject *object)
{
  ChorusCampaignLaunch *self = CHORUS_CAMPAIGN_LAUNCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->campaign);
  g_clear_object (&self->poll_accounts);
  g_clear_pointer (&self->poll_source_ids, g_array_unref);

  G_OBJECT_CLASS (chorus_campaign_launch_parent_class)->dispose (object);
}

static void
chorus_campaign_launch_class_init (ChorusCampaignLaunchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_campaign_launch_dispose;

  /**
   * ChorusCampaignLaunch::launched:
   * @run_id: the new run
   *
   * The run is written and its first post waits in the outbox.
   */
  signals[LAUNCHED] = g_signal_new ("launched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_campaign_launch_init (ChorusCampaignLaunch *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *how = adw_preferences_group_new ();
  GtkWidget *error_group = adw_preferences_group_new ();
  const char *instruments[] = { _("Mastodon poll"), NULL };

  self->cancellable = g_cancellable_new ();
  self->poll_source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_set_title (GTK_WINDOW (self), _("Put to the Community"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 600);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (outer), build_header (self));

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (error_group), self->error_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (error_group));

  self->instrument = new_combo_row (_("Instrument"), instruments);
  g_signal_connect_swapped (self->instrument, "notify::selected", G_CALLBACK (on_instrument_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (how), GTK_WIDGET (self->instrument));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (how));

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->pages, FALSE);
  gtk_stack_add_named (self->pages, build_mastodon_page (self), "mastodon-poll");
  {
    GtkWidget *holder = adw_preferences_group_new ();

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (holder), GTK_WIDGET (self->pages));
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (holder));
  }

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (outer), page);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

/**
 * chorus_campaign_launch_new:
 *
 * Returns: (transfer floating): the window, to present; it lists the
 *   accounts each instrument can use as it opens
 */
ChorusCampaignLaunch *
chorus_campaign_launch_new (GtkWindow      *parent,
                            ChorusStore    *store,
                            ChorusCampaign *campaign)
{
  ChorusCampaignLaunch *self = g_object_new (CHORUS_TYPE_CAMPAIGN_LAUNCH, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->campaign = g_object_ref (campaign);
  chorus_store_list_sources_async (store, self->cancellable, on_sources_listed_cb, g_object_ref (self));
  return self;
}
