/* chorus-rule-editor.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-status.h"
#include "chorus-store-rules.h"
#include "chorus-team-member.h"
#include "chorus-triage-change.h"
#include "chorus-rule-editor-private.h"

/* Adds or edits one triage rule: its name, what a post must match (text,
 * network, language, author segment) and what then happens (a tag, an
 * assignee, a status, a priority). While the conditions change, a dry run
 * says how many conversations they match now, counted by the store off
 * the main thread, a moment after the last keystroke. Saving goes through
 * the store, which says what is missing; "saved" tells the rules page. */

G_DEFINE_FINAL_TYPE (ChorusRuleEditor, chorus_rule_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DRY_RUN_DELAY_MS 300

/* The Network list after "Any Network". */
static const char * const networks[] = { "mastodon", "bluesky", "discourse", "feed" };

/* The Author list after "Anyone", in the order of ChorusInboxSegments. */
static const char * const segment_labels[] = {
  NC_("segment", "Advocate"), NC_("segment", "Detractor"), NC_("segment", "Influencer"),
  NC_("segment", "Employee"), NC_("segment", "VIP"),
};

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           GtkStringList       *choices)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_object_unref (choices);
  return row;
}

static AdwEntryRow *
add_entry (AdwPreferencesGroup *group,
           const char          *title,
           const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

/* The rule the rows describe now. */
static ChorusRule *
build_rule (ChorusRuleEditor *self)
{
  ChorusRule *rule = chorus_rule_copy (self->rule);
  g_autoptr(ChorusInboxFilter) conditions = chorus_inbox_filter_new ();
  g_autofree char *language = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_row))));
  guint network = adw_combo_row_get_selected (self->network_row);
  guint segment = adw_combo_row_get_selected (self->segment_row);
  guint member = adw_combo_row_get_selected (self->assignee_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  const char *one[2] = { NULL, NULL };

  chorus_inbox_filter_set_search (conditions, gtk_editable_get_text (GTK_EDITABLE (self->text_row)));
  if (network > 0 && network <= G_N_ELEMENTS (networks))
    {
      one[0] = networks[network - 1];
      chorus_inbox_filter_set_networks (conditions, one);
    }
  if (language[0] != '\0')
    {
      one[0] = language;
      chorus_inbox_filter_set_languages (conditions, one);
    }
  if (segment > 0 && segment <= G_N_ELEMENTS (segment_labels))
    chorus_inbox_filter_set_segments (conditions, 1 << (segment - 1));

  chorus_rule_set_name (rule, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  chorus_rule_set_conditions (rule, conditions);
  chorus_rule_set_tag_name (rule, gtk_editable_get_text (GTK_EDITABLE (self->tag_row)));
  chorus_rule_set_assignee_id (rule, member > 0 && member <= self->members->len
                                       ? chorus_team_member_get_id (g_ptr_array_index (self->members, member - 1))
                                       : 0);
  chorus_rule_set_status_id (rule, status > 0 && status <= self->statuses->len
                                     ? chorus_status_get_id (g_ptr_array_index (self->statuses, status - 1))
                                     : 0);
  chorus_rule_set_priority (rule, (int) adw_combo_row_get_selected (self->priority_row) - 1);
  return rule;
}

static void
on_count_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChorusRuleEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint count;

  if (!chorus_store_count_rule_matches_finish (CHORUS_STORE (source), result, &count, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_preferences_group_set_description (self->conditions_group, error->message);
      return;
    }

  number = chorus_format_count (count);
  /* Translators: the dry run of a rule; %s is a number such as 1,234 */
  text = g_strdup_printf (ngettext ("Would match %s existing conversation",
                                    "Would match %s existing conversations", count),
                          number);
  adw_preferences_group_set_description (self->conditions_group, text);
}

static gboolean
run_dry_run (gpointer user_data)
{
  ChorusRuleEditor *self = user_data;
  g_autoptr(ChorusRule) rule = build_rule (self);

  self->dry_run_source = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (!chorus_rule_has_conditions (rule))
    {
      adw_preferences_group_set_description (self->conditions_group,
                                             _("Add a condition to see what the rule would match."));
      return G_SOURCE_REMOVE;
    }

  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_description (self->conditions_group, _("Counting matching conversations…"));
  chorus_store_count_rule_matches_async (self->store, rule, self->cancellable, on_count_done_cb,
                                         g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_condition_changed_cb (ChorusRuleEditor *self)
{
  g_clear_handle_id (&self->dry_run_source, g_source_remove);
  self->dry_run_source = g_timeout_add (DRY_RUN_DELAY_MS, run_dry_run, self);
}

static void
on_save_clicked_cb (ChorusRuleEditor *self)
{
  g_autoptr(ChorusRule) rule = build_rule (self);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (chorus_rule_get_id (rule) > 0)
    saved = chorus_store_update_rule (self->store, rule, &error);
  else
    saved = chorus_store_add_rule (self->store, rule, &error) > 0;

  if (!saved)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, rule);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
build_header (ChorusRuleEditor *self,
              gboolean          editing)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (editing ? _("_Save") : _("_Add")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  return header;
}

static GtkStringList *
list_with_first (const char *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  return list;
}

static void
build_conditions (ChorusRuleEditor   *self,
                  AdwPreferencesPage *page)
{
  const ChorusInboxFilter *conditions = chorus_rule_get_conditions (self->rule);
  const char * const *chosen_networks = chorus_inbox_filter_get_networks (conditions);
  const char * const *languages = chorus_inbox_filter_get_languages (conditions);
  ChorusInboxSegments segments = chorus_inbox_filter_get_segments (conditions);
  GtkStringList *network_list = list_with_first (_("Any Network"));
  GtkStringList *segment_list = list_with_first (_("Anyone"));

  self->conditions_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->conditions_group, _("When a New Post Matches"));
  adw_preferences_page_add (page, self->conditions_group);

  self->text_row = add_entry (self->conditions_group, _("Words or “a Phrase”"),
                              chorus_inbox_filter_get_search (conditions));
  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    gtk_string_list_append (network_list, chorus_format_network (networks[i]));
  self->network_row = add_combo (self->conditions_group, _("Network"), network_list);
  for (guint i = 0; chosen_networks[0] != NULL && i < G_N_ELEMENTS (networks); i++)
    if (g_str_equal (chosen_networks[0], networks[i]))
      adw_combo_row_set_selected (self->network_row, i + 1);
  self->language_row = add_entry (self->conditions_group, _("Language Code, Such as “es”"), languages[0]);
  for (guint i = 0; i < G_N_ELEMENTS (segment_labels); i++)
    gtk_string_list_append (segment_list, g_dpgettext2 (NULL, "segment", segment_labels[i]));
  self->segment_row = add_combo (self->conditions_group, _("Author"), segment_list);
  if (segments != 0)
    adw_combo_row_set_selected (self->segment_row, (guint) g_bit_nth_lsf (segments, -1) + 1);

  g_signal_connect_swapped (self->text_row, "changed", G_CALLBACK (on_condition_changed_cb), self);
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (on_condition_changed_cb), self);
  g_signal_connect_swapped (self->network_row, "notify::selected", G_CALLBACK (on_condition_changed_cb), self);
  g_signal_connect_swapped (self->segment_row, "notify::selected", G_CALLBACK (on_condition_changed_cb), self);
}

static void
build_actions (ChorusRuleEditor   *self,
               AdwPreferencesPage *page)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *member_list = list_with_first (_("Nobody"));
  GtkStringList *status_list = list_with_first (_("Leave As Is"));
  GtkStringList *priority_list = list_with_first (_("Leave As Is"));

  adw_preferences_group_set_title (group, _("Then"));
  adw_preferences_page_add (page, group);

  self->tag_row = add_entry (group, _("Add Tag"), chorus_rule_get_tag_name (self->rule));
  for (guint i = 0; i < self->members->len; i++)
    gtk_string_list_append (member_list, chorus_team_member_get_name (g_ptr_array_index (self->members, i)));
  self->assignee_row = add_combo (group, _("Assign To"), member_list);
  for (guint i = 0; i < self->members->len; i++)
    if (chorus_team_member_get_id (g_ptr_array_index (self->members, i)) == chorus_rule_get_assignee_id (self->rule))
      adw_combo_row_set_selected (self->assignee_row, i + 1);

  for (guint i = 0; i < self->statuses->len; i++)
    gtk_string_list_append (status_list, chorus_status_get_name (g_ptr_array_index (self->statuses, i)));
  self->status_row = add_combo (group, _("Set Status"), status_list);
  for (guint i = 0; i < self->statuses->len; i++)
    if (chorus_status_get_id (g_ptr_array_index (self->statuses, i)) == chorus_rule_get_status_id (self->rule))
      adw_combo_row_set_selected (self->status_row, i + 1);

  for (int p = CHORUS_PRIORITY_NONE; p <= CHORUS_PRIORITY_HIGH; p++)
    gtk_string_list_append (priority_list, chorus_triage_priority_label ((ChorusPriority) p));
  self->priority_row = add_combo (group, _("Set Priority"), priority_list);
  adw_combo_row_set_selected (self->priority_row, (guint) (chorus_rule_get_priority (self->rule) + 1));
}

static void
chorus_rule_editor_dispose (GObject *object)
{
  ChorusRuleEditor *self = CHORUS_RULE_EDITOR (object);

  g_clear_handle_id (&self->dry_run_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (chorus_rule_editor_parent_class)->dispose (object);
}

static void
chorus_rule_editor_finalize (GObject *object)
{
  ChorusRuleEditor *self = CHORUS_RULE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->rule);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_rule_editor_parent_class)->finalize (object);
}

static void
chorus_rule_editor_class_init (ChorusRuleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_rule_editor_dispose;
  object_class->finalize = chorus_rule_editor_finalize;

  /**
   * ChorusRuleEditor::saved:
   * @rule: the rule as it was saved
   *
   * The rule was added or changed in the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CHORUS_TYPE_RULE);
}

static void
chorus_rule_editor_init (ChorusRuleEditor *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 680);
}

/**
 * chorus_rule_editor_new:
 * @store: the workspace
 * @rule: (nullable): the rule to edit, or %NULL to add one
 * @members: (element-type ChorusTeamMember): who may be assigned
 * @statuses: (element-type ChorusStatus): the statuses a rule may set
 *
 * Returns: (transfer none): a window to present; GTK owns it until it is
 *   destroyed
 */
ChorusRuleEditor *
chorus_rule_editor_new (ChorusStore *store,
                        ChorusRule  *rule,
                        GPtrArray   *members,
                        GPtrArray   *statuses)
{
  ChorusRuleEditor *self;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *box;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (rule == NULL || CHORUS_IS_RULE (rule), NULL);
  g_return_val_if_fail (members != NULL && statuses != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_RULE_EDITOR,
                       "title", rule != NULL ? _("Edit Rule") : _("Add Rule"),
                       NULL);
  self->store = g_object_ref (store);
  self->rule = rule != NULL ? chorus_rule_copy (rule) : chorus_rule_new ();
  self->members = g_ptr_array_ref (members);
  self->statuses = g_ptr_array_ref (statuses);

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, group);
  self->name_row = add_entry (group, _("Name"), chorus_rule_get_name (self->rule));
  build_conditions (self, page);
  build_actions (self, page);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), build_header (self, rule != NULL));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (page));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  run_dry_run (self);
  return self;
}

/**
 * chorus_rule_editor_get_dry_run:
 * @self: a #ChorusRuleEditor
 *
 * Returns: what the dry run says now, such as "Would match 12 existing
 *   conversations"
 */
const char *
chorus_rule_editor_get_dry_run (ChorusRuleEditor *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE_EDITOR (self), NULL);

  return adw_preferences_group_get_description (self->conditions_group);
}

static const char *
find_member_name (GPtrArray *members,
                  gint64     id)
{
  for (guint i = 0; i < members->len; i++)
    if (chorus_team_member_get_id (g_ptr_array_index (members, i)) == id)
      return chorus_team_member_get_name (g_ptr_array_index (members, i));

  return _("a removed member");
}

static const char *
find_status_name (GPtrArray *statuses,
                  gint64     id)
{
  for (guint i = 0; i < statuses->len; i++)
    if (chorus_status_get_id (g_ptr_array_index (statuses, i)) == id)
      return chorus_status_get_name (g_ptr_array_index (statuses, i));

  return _("a removed status");
}

/* Joins a summary's conditions (or, with @actions, its actions) two at a
 * time with a translated "%1$s %2$s", in which a translator may change the
 * separator or the order. */
static char *
join_items (GPtrArray *items,
            gboolean   actions)
{
  g_autofree char *joined = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      char *next;

      if (joined == NULL)
        next = g_strdup (item);
      else if (actions)
        /* Translators: joins two actions of a rule's summary, such as tag “billing” and assign Ana;
         * the first %s may already hold several. Change the separator or the order as your
         * language needs. */
        next = g_strdup_printf (C_("rule actions", "%1$s, %2$s"), joined, item);
      else
        /* Translators: joins two conditions of a rule's summary, such as “refund” and on Mastodon;
         * the first %s may already hold several. Change the separator or the order as your
         * language needs. */
        next = g_strdup_printf (C_("rule conditions", "%1$s %2$s"), joined, item);

      g_free (joined);
      joined = next;
    }

  return joined != NULL ? g_steal_pointer (&joined) : g_strdup ("");
}

/* Each condition is a whole phrase of its own, so that none depends on
 * another's words; they are listed after "When". */
static char *
summarize_conditions (ChorusRule *rule)
{
  const ChorusInboxFilter *conditions = chorus_rule_get_conditions (rule);
  const char * const *chosen_networks = chorus_inbox_filter_get_networks (conditions);
  const char * const *languages = chorus_inbox_filter_get_languages (conditions);
  const char *text = chorus_inbox_filter_get_search (conditions);
  ChorusInboxSegments segments = chorus_inbox_filter_get_segments (conditions);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (text != NULL && text[0] != '\0')
    /* Translators: a condition in a rule's summary, "When “refund” on Mastodon → …": the post
     * says %s. Each condition stands alone. */
    g_ptr_array_add (items, g_strdup_printf (C_("rule condition", "“%s”"), text));
  if (chosen_networks[0] != NULL)
    /* Translators: a condition in a rule's summary, "When “refund” on Mastodon → …": the post
     * comes from %s, a network such as Mastodon. */
    g_ptr_array_add (items, g_strdup_printf (_("on %s"),
                                             chorus_format_network (chosen_networks[0])));
  if (languages[0] != NULL)
    /* Translators: a condition in a rule's summary, "When “refund” in “es” → …": the post is
     * written in the language whose code is %s, such as “es”. */
    g_ptr_array_add (items, g_strdup_printf (_("in “%s”"), languages[0]));
  if (segments != 0)
    /* Translators: a condition in a rule's summary, "When “refund” from the segment “VIP” → …":
     * the author is in the segment %s, such as Advocate or VIP. The word "segment" is there so
     * that nothing has to agree with the segment's own name. */
    g_ptr_array_add (items, g_strdup_printf (C_("rule condition", "from the segment “%s”"),
                                             g_dpgettext2 (NULL, "segment",
                                                           segment_labels[g_bit_nth_lsf (segments, -1)])));

  return join_items (items, FALSE);
}

/* The priority action, whole, for each priority. */
static const char *
priority_action (ChorusPriority priority)
{
  switch (priority)
    {
    case CHORUS_PRIORITY_LOW:
      /* Translators: an action in a rule's summary, "When … → tag “billing”, set low priority". */
      return C_("rule action", "set low priority");
    case CHORUS_PRIORITY_NORMAL:
      /* Translators: an action in a rule's summary, "When … → tag “billing”, set normal priority". */
      return C_("rule action", "set normal priority");
    case CHORUS_PRIORITY_HIGH:
      /* Translators: an action in a rule's summary, "When … → tag “billing”, set high priority". */
      return C_("rule action", "set high priority");
    case CHORUS_PRIORITY_NONE:
    default:
      /* Translators: an action in a rule's summary, "When … → tag “billing”, clear the priority". */
      return C_("rule action", "clear the priority");
    }
}

/* Each action is a whole instruction of its own, listed after the arrow. */
static char *
summarize_actions (ChorusRule *rule,
                   GPtrArray  *members,
                   GPtrArray  *statuses)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (chorus_rule_get_tag_name (rule) != NULL)
    /* Translators: an action in a rule's summary, "When … → tag “billing”, assign Ana": add the
     * tag %s to the conversation. */
    g_ptr_array_add (items, g_strdup_printf (_("tag “%s”"), chorus_rule_get_tag_name (rule)));
  if (chorus_rule_get_assignee_id (rule) > 0)
    /* Translators: an action in a rule's summary, "When … → tag “billing”, assign Ana": give the
     * conversation to %s, a team member's name (or “a removed member”). */
    g_ptr_array_add (items, g_strdup_printf (_("assign %s"),
                                             find_member_name (members, chorus_rule_get_assignee_id (rule))));
  if (chorus_rule_get_status_id (rule) > 0)
    /* Translators: an action in a rule's summary, "When … → set the status to “Waiting”": %s is a
     * status's name (or “a removed status”). */
    g_ptr_array_add (items, g_strdup_printf (C_("rule action", "set the status to “%s”"),
                                             find_status_name (statuses, chorus_rule_get_status_id (rule))));
  if (chorus_rule_get_priority (rule) != CHORUS_RULE_NO_PRIORITY)
    g_ptr_array_add (items, g_strdup (priority_action ((ChorusPriority) chorus_rule_get_priority (rule))));

  return join_items (items, TRUE);
}

/**
 * chorus_rule_summarize:
 * @rule: a rule
 * @members: (element-type ChorusTeamMember): the team, for names
 * @statuses: (element-type ChorusStatus): the statuses, for names
 *
 * Returns: (transfer full): one line that says what @rule does, such as
 *   "When “refund” on Mastodon → tag “billing”, assign Ana"
 */
char *
chorus_rule_summarize (ChorusRule *rule,
                       GPtrArray  *members,
                       GPtrArray  *statuses)
{
  g_autofree char *when = NULL;
  g_autofree char *then = NULL;

  g_return_val_if_fail (CHORUS_IS_RULE (rule), NULL);

  when = summarize_conditions (rule);
  then = summarize_actions (rule, members, statuses);
  /* Translators: a rule's summary; the first %s is its conditions
   * (“refund” on Mastodon), the second what it does (tag “billing”, assign Ana) */
  return g_strdup_printf (_("When %1$s → %2$s"), when, then);
}
