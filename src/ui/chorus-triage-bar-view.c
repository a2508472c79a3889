/* chorus-triage-bar-view.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-tag.h"
#include "chorus-team-member.h"
#include "chorus-triage-bar-private.h"
#include "chorus-triage-change.h"

/* What the triage bar shows of its selection: each dropdown's items and
 * the selected one ("Mixed Statuses"… first when the conversations differ), the
 * sentiment button, a chip per tag (outlined when only some conversations
 * have it), the tags "Add Tag…" offers, and which actions are enabled.
 * Everything is read from the bar's conversations and lists; nothing here
 * writes to the store. */

typedef gint64 (*ValueFunc) (ChorusConversation *conversation);

static gint64
get_status (ChorusConversation *conversation)
{
  return chorus_conversation_get_status_id (conversation);
}

static gint64
get_assignee (ChorusConversation *conversation)
{
  return chorus_conversation_get_assignee_id (conversation);
}

static gint64
get_priority (ChorusConversation *conversation)
{
  return chorus_conversation_get_priority (conversation);
}

static gint64
get_sentiment (ChorusConversation *conversation)
{
  return chorus_conversation_get_sentiment (conversation);
}

/* The sentiment the team set, or NONE where it is automatic. */
static gint64
get_override (ChorusConversation *conversation)
{
  if (!chorus_conversation_get_sentiment_overridden (conversation))
    return CHORUS_SENTIMENT_NONE;

  return chorus_conversation_get_sentiment (conversation);
}

/* Whether the conversations, at least one, all have the same value. */
static gboolean
common_value (ChorusTriageBar *self,
              ValueFunc        get,
              gint64          *value)
{
  if (self->conversations->len == 0)
    return FALSE;

  *value = get (g_ptr_array_index (self->conversations, 0));
  for (guint i = 1; i < self->conversations->len; i++)
    if (get (g_ptr_array_index (self->conversations, i)) != *value)
      return FALSE;

  return TRUE;
}


gboolean
_chorus_triage_bar_all_have_status (ChorusTriageBar *self,
                                    gint64           status_id)
{
  gint64 common;

  return common_value (self, get_status, &common) && common == status_id;
}

static void
add_item (GPtrArray  *labels,
          GArray     *values,
          const char *label,
          gint64      value)
{
  g_ptr_array_add (labels, g_strdup (label));
  g_array_append_val (values, value);
}

/* Gives the dropdown these items, unless it has them already (so that an
 * open list is not rebuilt under the pointer), and selects @selected. */
static void
choice_update (Choice    *choice,
               GPtrArray *labels,
               GArray    *values,
               gint64     selected)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (choice->names));
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean same = n_items == labels->len;

  for (guint i = 0; same && i < n_items; i++)
    same = g_array_index (choice->values, gint64, i) == g_array_index (values, gint64, i) &&
           g_strcmp0 (gtk_string_list_get_string (choice->names, i), g_ptr_array_index (labels, i)) == 0;

  if (!same)
    {
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (choice->names, 0, n_items, (const char * const *) labels->pdata);
      g_array_set_size (choice->values, 0);
      g_array_append_vals (choice->values, values->data, values->len);
    }

  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, gint64, i) == selected)
      position = i;

  gtk_drop_down_set_selected (choice->drop_down, position);
}

/* The items of a dropdown start with @mixed when the selection's values
 * differ; @value is then MIXED, which selects it. */
static void
start_items (ChorusTriageBar *self,
             ValueFunc        get,
             const char      *mixed,
             GPtrArray       *labels,
             GArray          *values,
             gint64          *value)
{
  if (common_value (self, get, value) || self->conversations->len == 0)
    return;

  *value = MIXED;
  add_item (labels, values, mixed, MIXED);
}

static void
refresh_status (ChorusTriageBar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 value = MIXED;

  /* Translators: what the status dropdown shows for conversations of different statuses. */
  start_items (self, get_status, _("Mixed Statuses"), labels, values, &value);
  for (guint i = 0; i < self->statuses->len; i++)
    {
      ChorusStatus *status = g_ptr_array_index (self->statuses, i);

      add_item (labels, values, chorus_status_get_name (status), chorus_status_get_id (status));
    }

  choice_update (&self->status, labels, values, value);
}

static void
refresh_assignee (ChorusTriageBar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 value = MIXED;

  /* Translators: what the assignee dropdown shows for conversations assigned to different people. */
  start_items (self, get_assignee, _("Mixed Assignees"), labels, values, &value);
  add_item (labels, values, _("Unassigned"), 0);
  for (guint i = 0; i < self->members->len; i++)
    {
      ChorusTeamMember *member = g_ptr_array_index (self->members, i);
      const char *name = chorus_team_member_get_name (member);
      g_autofree char *label = NULL;

      if (chorus_team_member_get_is_me (member))
        /* Translators: the person using Chorus, in the list of team members; %s is their name. */
        label = g_strdup_printf (_("%s (me)"), name);

      add_item (labels, values, label ? label : name, chorus_team_member_get_id (member));
    }

  choice_update (&self->assignee, labels, values, value);
}

static void
refresh_priority (ChorusTriageBar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 value = MIXED;

  /* Translators: what the priority dropdown shows for conversations of different priorities. */
  start_items (self, get_priority, _("Mixed Priorities"), labels, values, &value);
  for (ChorusPriority p = CHORUS_PRIORITY_NONE; p <= CHORUS_PRIORITY_HIGH; p++)
    add_item (labels, values, chorus_triage_priority_label (p), p);

  choice_update (&self->priority, labels, values, value);
}

static void
refresh_sentiment (ChorusTriageBar *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sentiment");
  gint64 sentiment = CHORUS_SENTIMENT_NONE;
  gint64 override = CHORUS_SENTIMENT_NONE;
  gboolean mixed = !common_value (self, get_sentiment, &sentiment) && self->conversations->len > 0;
  gboolean same_override = common_value (self, get_override, &override);
  /* Translators: what the sentiment button shows for conversations of different sentiments. */
  const char *label = mixed ? C_("sentiment", "Mixed") : chorus_triage_sentiment_name (sentiment);
  g_autofree char *spoken = NULL;

  gtk_image_set_from_icon_name (self->sentiment_icon, chorus_triage_sentiment_icon (mixed ? CHORUS_SENTIMENT_NONE
                                                                                          : sentiment));
  gtk_label_set_label (self->sentiment_label, label);

  gtk_widget_remove_css_class (GTK_WIDGET (self->sentiment_button), "positive");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sentiment_button), "negative");
  if (!mixed && sentiment == CHORUS_SENTIMENT_POSITIVE)
    gtk_widget_add_css_class (GTK_WIDGET (self->sentiment_button), "positive");
  if (!mixed && sentiment == CHORUS_SENTIMENT_NEGATIVE)
    gtk_widget_add_css_class (GTK_WIDGET (self->sentiment_button), "negative");

  /* No radio item is checked when some were set by hand and some not. */
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (same_override ? chorus_triage_sentiment_key (override) : ""));

  if (!same_override)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->sentiment_button), _("Sentiment"));
  else if (override == CHORUS_SENTIMENT_NONE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->sentiment_button), _("Sentiment, found automatically"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->sentiment_button), _("Sentiment, set by the team"));

  /* Translators: what a screen reader says for the sentiment button; %s is “Positive”, “Mixed”… */
  spoken = g_strdup_printf (_("Sentiment: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sentiment_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static GtkWidget *
make_chip (ChorusTriageBar *self,
           const char      *name,
           guint            count)
{
  guint total = self->conversations->len;
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: a button on a tag chip; %s is the tag's name. */
  g_autofree char *remove = g_strdup_printf (_("Remove Tag “%s”"), name);
  g_autofree char *partial = NULL;

  gtk_widget_add_css_class (chip, "chorus-tag-chip");
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_tooltip_text (label, name);

  if (count < total)
    {
      gtk_widget_add_css_class (chip, "partial");
      /* Translators: the tooltip of a tag that only some of the selected conversations have. */
      partial = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: on %u of %u conversation",
                                              "%s: on %u of %u conversations", total),
                                 name, count, total);
      gtk_widget_set_tooltip_text (label, partial);
    }

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data_full (G_OBJECT (button), "chorus-tag", g_strdup (name), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (_chorus_triage_bar_remove_tag), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);

  return chip;
}

void
_chorus_triage_bar_clear_chips (ChorusTriageBar *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  g_ptr_array_set_size (self->chips, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Chips for the tags of any selected conversation, and in "Add Tag…" the
 * workspace's tags that not all of them have yet. */
static void
refresh_tags (ChorusTriageBar *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) offered = g_ptr_array_new ();
  g_autoptr(GString) key = g_string_new (NULL);
  guint total = self->conversations->len;

  for (guint i = 0; i < total; i++)
    {
      const char * const *tags = chorus_conversation_get_tags (g_ptr_array_index (self->conversations, i));

      for (guint j = 0; tags != NULL && tags[j] != NULL; j++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tags[j]));

          if (count == 0)
            g_ptr_array_add (names, (gpointer) tags[j]);
          g_hash_table_insert (counts, (gpointer) tags[j], GUINT_TO_POINTER (count + 1));
        }
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (key, "%s\x1f%u\x1e", (const char *) g_ptr_array_index (names, i),
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (names, i))));
  g_string_append_printf (key, "%u", total);

  if (g_strcmp0 (key->str, self->chips_key) != 0)
    {
      _chorus_triage_bar_clear_chips (self);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          GtkWidget *chip = make_chip (self, name, GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)));

          gtk_widget_insert_before (chip, GTK_WIDGET (self), GTK_WIDGET (self->add_tag_button));
          g_ptr_array_add (self->chips, chip);
        }
      g_free (self->chips_key);
      self->chips_key = g_string_free (g_steal_pointer (&key), FALSE);
    }

  for (guint i = 0; i < self->tags->len; i++)
    {
      const char *name = chorus_tag_get_name (g_ptr_array_index (self->tags, i));

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) < total)
        g_ptr_array_add (offered, (gpointer) name);
    }
  g_ptr_array_add (offered, NULL);
  chorus_tag_popover_set_tags (self->tag_popover, (const char * const *) offered->pdata);
}

ChorusStatus *
_chorus_triage_bar_first_closed_status (ChorusTriageBar *self)
{
  for (guint i = 0; i < self->statuses->len; i++)
    if (chorus_status_get_closed (g_ptr_array_index (self->statuses, i)))
      return g_ptr_array_index (self->statuses, i);

  return NULL;
}

static void
enable_action (ChorusTriageBar *self,
               const char      *name,
               gboolean         enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
refresh_actions (ChorusTriageBar *self)
{
  guint n = self->conversations->len;
  gboolean any_read = FALSE;

  for (guint i = 0; i < n; i++)
    any_read |= !chorus_conversation_get_unread (g_ptr_array_index (self->conversations, i));

  enable_action (self, "done", n > 0 && _chorus_triage_bar_first_closed_status (self) != NULL);
  enable_action (self, "assign", n > 0);
  enable_action (self, "tag", n > 0);
  enable_action (self, "unread", any_read);
  enable_action (self, "sentiment", n > 0);
}

/* Shows the state of the selection as the bar last read it. */
void
_chorus_triage_bar_refresh (ChorusTriageBar *self)
{
  /* A change that was under way when the bar went away has nothing to show. */
  if (self->actions == NULL)
    return;

  self->updating = TRUE;
  refresh_status (self);
  refresh_assignee (self);
  refresh_priority (self);
  refresh_sentiment (self);
  refresh_tags (self);
  refresh_actions (self);
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->conversations->len > 0);
}
