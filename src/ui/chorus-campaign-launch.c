/* chorus-campaign-launch.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-campaign-launch.h"
#include "chorus-discourse-ref.h"
#include "chorus-format.h"
#include "chorus-pretest-discourse.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-sources.h"

/* Put to the Community: the window that puts a campaign's variants in
 * front of the community with one of the instruments, each on its own
 * page: a Mastodon poll whose options are the variants, the same on a
 * Discourse forum, or each variant posted from the chosen accounts in a
 * random order. What the store
 * refuses (a variant too long for a poll option, a duration the server
 * does not allow) is said at the top and the window stays open, so the
 * person can change what was wrong. */

enum
{
  INSTRUMENT_MASTODON_POLL,
  INSTRUMENT_DISCOURSE_POLL,
  INSTRUMENT_VARIANT_POSTS,
  N_INSTRUMENTS,
};

static const char * const page_names[] = { "mastodon-poll", "discourse-poll", "variant-posts" };

static const gint64 durations[] = { 24 * 3600, 3 * 24 * 3600, 7 * 24 * 3600, 0 };
static const gint64 spacings[] = { 30 * 60, 60 * 60, 3 * 3600, 24 * 3600 };

enum { PLACE_NEW_TOPIC, PLACE_TOPIC };

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

  /* Discourse poll */
  AdwComboRow    *forum;
  GtkStringList  *forums;
  GPtrArray      *forum_sources;     /* of ChorusSource */
  AdwComboRow    *forum_place;
  GtkWidget      *forum_title;
  GtkWidget      *forum_category;
  GtkWidget      *forum_topic;
  GtkWidget      *forum_question;
  AdwComboRow    *forum_duration;
  GtkWidget      *forum_public;
  GtkWidget      *forum_rows;
  GtkWidget      *forum_status;

  /* Variant posts */
  GtkWidget      *posts_accounts;    /* AdwPreferencesGroup */
  GPtrArray      *posts_checks;      /* of GtkCheckButton, "source-id" data */
  AdwComboRow    *posts_spacing;
  GtkWidget      *posts_status;
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

static gboolean
has_text (GtkWidget *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  return *text != '\0';
}

static guint
count_checked (ChorusCampaignLaunch *self)
{
  guint n = 0;

  for (guint i = 0; i < self->posts_checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->posts_checks, i));
  return n;
}

static void
update_publish (ChorusCampaignLaunch *self)
{
  gboolean ready = FALSE;

  switch (selected_instrument (self))
    {
    case INSTRUMENT_DISCOURSE_POLL:
      ready = self->forum_sources->len > 0 && has_text (self->forum_question) &&
              (adw_combo_row_get_selected (self->forum_place) == PLACE_TOPIC ? has_text (self->forum_topic)
                                                                             : has_text (self->forum_title));
      break;
    case INSTRUMENT_VARIANT_POSTS:
      ready = count_checked (self) > 0;
      break;
    case INSTRUMENT_MASTODON_POLL:
    default:
      ready = self->poll_source_ids->len > 0 && has_text (self->poll_question);
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
  gint64 run_id;

  switch (selected_instrument (self))
    {
    case INSTRUMENT_DISCOURSE_POLL:
      run_id = chorus_store_launch_discourse_poll_finish (CHORUS_STORE (object), result, &error);
      break;
    case INSTRUMENT_VARIANT_POSTS:
      run_id = chorus_store_launch_variant_posts_finish (CHORUS_STORE (object), result, &error);
      break;
    case INSTRUMENT_MASTODON_POLL:
    default:
      run_id = chorus_store_launch_mastodon_poll_finish (CHORUS_STORE (object), result, &error);
      break;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->instrument), TRUE);
  update_publish (self);
  if (run_id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[LAUNCHED], 0, run_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
publish_mastodon_poll (ChorusCampaignLaunch *self)
{
  guint account = adw_combo_row_get_selected (self->poll_account);
  guint duration = adw_combo_row_get_selected (self->poll_duration);

  if (account >= self->poll_source_ids->len)
    return FALSE;

  chorus_store_launch_mastodon_poll_async (self->store, chorus_campaign_get_id (self->campaign),
                                           g_array_index (self->poll_source_ids, gint64, account),
                                           gtk_editable_get_text (GTK_EDITABLE (self->poll_question)),
                                           durations[MIN (duration, G_N_ELEMENTS (durations) - 2)],
                                           self->cancellable, on_launched_cb, g_object_ref (self));
  return TRUE;
}

static gboolean
publish_discourse_poll (ChorusCampaignLaunch *self)
{
  guint forum = adw_combo_row_get_selected (self->forum);
  guint duration = adw_combo_row_get_selected (self->forum_duration);
  ChorusDiscoursePollPlace place = { 0, };
  g_autoptr(GError) error = NULL;
  ChorusSource *source;

  if (forum >= self->forum_sources->len)
    return FALSE;

  source = g_ptr_array_index (self->forum_sources, forum);
  if (adw_combo_row_get_selected (self->forum_place) == PLACE_TOPIC)
    {
      if (!chorus_discourse_parse_ref (gtk_editable_get_text (GTK_EDITABLE (self->forum_topic)),
                                       CHORUS_DISCOURSE_REF_TOPIC, chorus_source_get_server_url (source),
                                       &place.topic_id, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
    }
  else
    {
      place.title = gtk_editable_get_text (GTK_EDITABLE (self->forum_title));
      if (has_text (self->forum_category) &&
          !chorus_discourse_parse_ref (gtk_editable_get_text (GTK_EDITABLE (self->forum_category)),
                                       CHORUS_DISCOURSE_REF_CATEGORY, chorus_source_get_server_url (source),
                                       &place.category_id, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
    }

  chorus_store_launch_discourse_poll_async (self->store, chorus_campaign_get_id (self->campaign),
                                            chorus_source_get_id (source), &place,
                                            gtk_editable_get_text (GTK_EDITABLE (self->forum_question)),
                                            durations[MIN (duration, G_N_ELEMENTS (durations) - 1)],
                                            gtk_switch_get_active (GTK_SWITCH (self->forum_public)),
                                            self->cancellable, on_launched_cb, g_object_ref (self));
  return TRUE;
}

static gboolean
publish_variant_posts (ChorusCampaignLaunch *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint spacing = adw_combo_row_get_selected (self->posts_spacing);
  guint64 seed = ((guint64) g_random_int () << 32) | g_random_int ();

  for (guint i = 0; i < self->posts_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->posts_checks, i);
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "source-id"));

      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return FALSE;

  chorus_store_launch_variant_posts_async (self->store, chorus_campaign_get_id (self->campaign),
                                           (const gint64 *) (gpointer) ids->data, ids->len,
                                           spacings[MIN (spacing, G_N_ELEMENTS (spacings) - 1)], seed,
                                           self->cancellable, on_launched_cb, g_object_ref (self));
  return TRUE;
}

static void
on_publish_clicked_cb (ChorusCampaignLaunch *self)
{
  gboolean started;

  show_error (self, NULL);
  switch (selected_instrument (self))
    {
    case INSTRUMENT_DISCOURSE_POLL:
      started = publish_discourse_poll (self);
      break;
    case INSTRUMENT_VARIANT_POSTS:
      started = publish_variant_posts (self);
      break;
    case INSTRUMENT_MASTODON_POLL:
    default:
      started = publish_mastodon_poll (self);
      break;
    }

  if (!started)
    return;

  gtk_widget_set_sensitive (self->publish_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pages), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->instrument), FALSE);
}

/* ---- The sources each instrument can use ---- */

static gboolean
can_post (ChorusSource *source)
{
  return chorus_source_get_enabled (source) && !chorus_source_get_is_sample (source) &&
         chorus_source_get_account (source) != NULL;
}

/* An account to post from, with its network beside it. */
static void
add_account_row (ChorusCampaignLaunch *self,
                 ChorusSource         *source)
{
  const char *network = chorus_source_get_network (source);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *pill = gtk_label_new (chorus_format_network (network));

  /* Names come from the workspace and the network: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_source_get_display_name (source));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), chorus_source_get_account (source));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "chorus-pill");
  gtk_widget_add_css_class (pill, network);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "source-id", GSIZE_TO_POINTER ((gsize) chorus_source_get_id (source)));
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_publish), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->posts_accounts), row);
  g_ptr_array_add (self->posts_checks, check);
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

      if (g_strcmp0 (chorus_source_get_network (source), "discourse") == 0)
        {
          gtk_string_list_append (self->forums, chorus_source_get_display_name (source));
          g_ptr_array_add (self->forum_sources, g_object_ref (source));
        }

      if (g_strcmp0 (chorus_source_get_network (source), "mastodon") == 0 ||
          g_strcmp0 (chorus_source_get_network (source), "bluesky") == 0)
        add_account_row (self, source);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->poll_account), self->poll_source_ids->len > 0);
  gtk_widget_set_visible (self->poll_status, self->poll_source_ids->len == 0);
  gtk_widget_set_visible (self->forum_rows, self->forum_sources->len > 0);
  gtk_widget_set_visible (self->forum_status, self->forum_sources->len == 0);
  gtk_widget_set_visible (self->posts_accounts, self->posts_checks->len > 0);
  gtk_widget_set_visible (self->posts_status, self->posts_checks->len == 0);
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

static GtkWidget *
new_entry_row (ChorusCampaignLaunch *self,
               const char           *title,
               const char           *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update_publish), self);
  return row;
}

static void
on_place_changed_cb (ChorusCampaignLaunch *self)
{
  gboolean in_topic = adw_combo_row_get_selected (self->forum_place) == PLACE_TOPIC;

  gtk_widget_set_visible (self->forum_topic, in_topic);
  gtk_widget_set_visible (self->forum_title, !in_topic);
  gtk_widget_set_visible (self->forum_category, !in_topic);
  update_publish (self);
}

static GtkWidget *
build_discourse_page (ChorusCampaignLaunch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *public_row = adw_action_row_new ();
  const char *places[] = { _("A new topic"), _("An existing topic"), NULL };
  const char *lengths[] = { _("1 day"), _("3 days"), _("7 days"), _("Until closed on the forum"), NULL };

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A post on the forum with a poll whose options are the variants. "
                                           "Chorus reads the votes at every sync of the forum."));
  self->forum_rows = group;

  self->forums = gtk_string_list_new (NULL);
  self->forum = new_combo_row (_("Forum"), NULL);
  adw_combo_row_set_model (self->forum, G_LIST_MODEL (self->forums));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->forum));

  self->forum_place = new_combo_row (_("Post in"), places);
  g_signal_connect_swapped (self->forum_place, "notify::selected", G_CALLBACK (on_place_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->forum_place));
  self->forum_title = new_entry_row (self, _("Topic title"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->forum_title);
  self->forum_category = new_entry_row (self, _("Category link or number (optional)"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->forum_category);
  self->forum_topic = new_entry_row (self, _("Topic link or number"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->forum_topic);

  self->forum_question = new_entry_row (self, _("Question"), _("Which one do you prefer?"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->forum_question);
  self->forum_duration = new_combo_row (_("Open for"), lengths);
  adw_combo_row_set_selected (self->forum_duration, 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->forum_duration));

  self->forum_public = gtk_switch_new ();
  gtk_widget_set_valign (self->forum_public, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (public_row), _("Show Who Voted"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (public_row),
                               _("Members see each other’s votes, and Chorus keeps who voted for what. "
                                 "Some forums do not allow it."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (public_row), self->forum_public);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (public_row), self->forum_public);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), public_row);
  gtk_box_append (GTK_BOX (box), group);

  self->forum_status = new_status (_("Connect a Discourse account first (Preferences, Accounts): the poll is "
                                     "posted from it."));
  gtk_box_append (GTK_BOX (box), self->forum_status);
  on_place_changed_cb (self);
  return box;
}

static GtkWidget *
build_posts_page (ChorusCampaignLaunch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *timing = adw_preferences_group_new ();
  const char *gaps[] = { _("30 minutes"), _("1 hour"), _("3 hours"), _("1 day"), NULL };

  self->posts_accounts = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->posts_accounts), _("Post From"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->posts_accounts),
                                         _("Each account posts every variant as its own post, in a random "
                                           "order of its own. Likes, reposts and replies are compared out of "
                                           "the followers each post reached."));
  gtk_box_append (GTK_BOX (box), self->posts_accounts);

  self->posts_spacing = new_combo_row (_("Time between posts"), gaps);
  adw_combo_row_set_selected (self->posts_spacing, 1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (timing),
                                         _("The first post goes out now. The order and times are kept with the "
                                           "run, and posts far apart in time are pointed out in the result."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (timing), GTK_WIDGET (self->posts_spacing));
  gtk_box_append (GTK_BOX (box), timing);

  self->posts_status = new_status (_("Connect a Mastodon or Bluesky account first (Preferences, Accounts): the "
                                     "variants are posted from it."));
  gtk_box_append (GTK_BOX (box), self->posts_status);
  return box;
}

static void
on_instrument_changed_cb (ChorusCampaignLaunch *self)
{
  gtk_stack_set_visible_child_name (self->pages, page_names[selected_instrument (self)]);
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
  g_clear_object (&self->forums);
  g_clear_pointer (&self->forum_sources, g_ptr_array_unref);
  g_clear_pointer (&self->posts_checks, g_ptr_array_unref);

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
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *how = adw_preferences_group_new ();
  const char *instruments[] = { _("Mastodon poll"), _("Discourse poll"), _("Variant posts"), NULL };

  self->cancellable = g_cancellable_new ();
  self->poll_source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->forum_sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->posts_checks = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Put to the Community"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (outer), build_header (self));

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  self->instrument = new_combo_row (_("Instrument"), instruments);
  g_signal_connect_swapped (self->instrument, "notify::selected", G_CALLBACK (on_instrument_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (how), GTK_WIDGET (self->instrument));
  gtk_box_append (GTK_BOX (content), how);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->pages, FALSE);
  gtk_stack_set_hhomogeneous (self->pages, FALSE);
  gtk_stack_add_named (self->pages, build_mastodon_page (self), page_names[INSTRUMENT_MASTODON_POLL]);
  gtk_stack_add_named (self->pages, build_discourse_page (self), page_names[INSTRUMENT_DISCOURSE_POLL]);
  gtk_stack_add_named (self->pages, build_posts_page (self), page_names[INSTRUMENT_VARIANT_POSTS]);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->pages));

  /* Long descriptions wrap at the clamp instead of widening the window. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), scrolled);
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
  gtk_editable_set_text (GTK_EDITABLE (self->forum_title), chorus_campaign_get_name (campaign));
  chorus_store_list_sources_async (store, self->cancellable, on_sources_listed_cb, g_object_ref (self));
  return self;
}
