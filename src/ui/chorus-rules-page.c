/* chorus-rules-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-rule-editor.h"
#include "chorus-rules-page.h"
#include "chorus-store-rules.h"
#include "chorus-store-team.h"

/* The Rules page of Preferences: the workspace's triage rules in the
 * order they run, each with a one-line summary, a switch, and buttons to
 * edit or delete it, and "Add Rule…". Summaries name members and
 * statuses, so the page first loads the team and the statuses (off the
 * main thread), then lists the rules; the rules table is small, and the
 * store reads it at once. */

struct _ChorusRulesPage
{
  AdwPreferencesPage    parent_instance;

  AdwPreferencesGroup  *group;
  GtkWidget            *add_button;
  GPtrArray            *rows;       /* AdwActionRow, as listed */
  GArray               *order;      /* the ids of the rules listed, in order */

  ChorusStore          *store;
  GPtrArray            *members;    /* NULL until loaded */
  GPtrArray            *statuses;   /* NULL until loaded */
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (ChorusRulesPage, chorus_rules_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (ChorusRulesPage *self);

static void
show_error (ChorusRulesPage *self,
            const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
on_editor_saved_cb (ChorusRulesPage *self)
{
  reload (self);
}

static ChorusRuleEditor *
open_editor (ChorusRulesPage *self,
             ChorusRule      *rule)
{
  ChorusRuleEditor *editor = chorus_rule_editor_new (self->store, rule, self->members, self->statuses);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
on_edit_clicked_cb (GtkButton       *button,
                    ChorusRulesPage *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (button), "chorus-rule"));
}

static void
on_delete_clicked_cb (GtkButton       *button,
                      ChorusRulesPage *self)
{
  ChorusRule *rule = g_object_get_data (G_OBJECT (button), "chorus-rule");
  g_autoptr(GError) error = NULL;

  if (!chorus_store_delete_rule (self->store, chorus_rule_get_id (rule), &error))
    show_error (self, error->message);
  reload (self);
}

/* Swaps the rule with the one above it. */
static void
on_move_up_clicked_cb (GtkButton       *button,
                       ChorusRulesPage *self)
{
  ChorusRule *rule = g_object_get_data (G_OBJECT (button), "chorus-rule");
  g_autoptr(GArray) ids = g_array_copy (self->order);
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == chorus_rule_get_id (rule))
        {
          g_array_index (ids, gint64, i) = g_array_index (ids, gint64, i - 1);
          g_array_index (ids, gint64, i - 1) = chorus_rule_get_id (rule);
          break;
        }
    }

  if (!chorus_store_reorder_rules (self->store, (const gint64 *) ids->data, ids->len, &error))
    show_error (self, error->message);
  reload (self);
}

static void
on_enabled_changed_cb (GtkSwitch       *toggle,
                       GParamSpec      *pspec,
                       ChorusRulesPage *self)
{
  ChorusRule *rule = g_object_get_data (G_OBJECT (toggle), "chorus-rule");
  g_autoptr(GError) error = NULL;

  chorus_rule_set_enabled (rule, gtk_switch_get_active (toggle));
  if (!chorus_store_update_rule (self->store, rule, &error))
    {
      show_error (self, error->message);
      reload (self);
    }
}

static GtkWidget *
add_button (AdwActionRow    *row,
            ChorusRule      *rule,
            const char      *icon_name,
            const char      *tooltip,
            GCallback        callback,
            ChorusRulesPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "chorus-rule", g_object_ref (rule), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (row, button);
  return button;
}

static AdwActionRow *
build_row (ChorusRulesPage *self,
           ChorusRule      *rule,
           gboolean         first)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *summary = chorus_rule_summarize (rule, self->members, self->statuses);
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_rule_get_name (rule));
  adw_action_row_set_subtitle (row, summary);

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), chorus_rule_get_enabled (rule));
  gtk_widget_set_tooltip_text (toggle, _("Run This Rule"));
  g_object_set_data_full (G_OBJECT (toggle), "chorus-rule", g_object_ref (rule), g_object_unref);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_enabled_changed_cb), self);
  adw_action_row_add_suffix (row, toggle);

  if (!first)
    add_button (row, rule, "go-up-symbolic", _("Run Earlier"), G_CALLBACK (on_move_up_clicked_cb), self);
  add_button (row, rule, "document-edit-symbolic", _("Edit Rule"), G_CALLBACK (on_edit_clicked_cb), self);
  add_button (row, rule, "user-trash-symbolic", _("Delete Rule"), G_CALLBACK (on_delete_clicked_cb), self);
  return row;
}

static void
reload (ChorusRulesPage *self)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->order, 0);

  if (!(rules = chorus_store_list_rules (self->store, &error)))
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      ChorusRule *rule = g_ptr_array_index (rules, i);
      AdwActionRow *row = build_row (self, rule, i == 0);
      gint64 id = chorus_rule_get_id (rule);

      adw_preferences_group_add (self->group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
      g_array_append_val (self->order, id);
    }

  adw_preferences_group_set_description (self->group,
                                         rules->len == 0
                                         ? _("No rules yet. A rule tags, assigns or sets the status or priority of a conversation when a new post matches it.")
                                         : _("Each new post from a person, not a bot, runs every matching rule, from the top down."));
}

/* Keeps @list (the team or the statuses) in *@slot; lists the rules once
 * both are there. */
static void
take_list (ChorusRulesPage  *self,
           GPtrArray       **slot,
           GPtrArray        *list,
           GError           *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list == NULL)
    {
      show_error (self, error->message);
      list = g_ptr_array_new_with_free_func (g_object_unref);
    }

  *slot = list;
  if (chorus_rules_page_is_ready (self))
    {
      gtk_widget_set_sensitive (self->add_button, TRUE);
      reload (self);
    }
}

static void
on_members_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ChorusRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *list = chorus_store_list_team_members_finish (CHORUS_STORE (source), result, &error);

  take_list (self, &self->members, list, error);
}

static void
on_statuses_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ChorusRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *list = chorus_store_list_statuses_finish (CHORUS_STORE (source), result, &error);

  take_list (self, &self->statuses, list, error);
}

static void
chorus_rules_page_dispose (GObject *object)
{
  ChorusRulesPage *self = CHORUS_RULES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);

  G_OBJECT_CLASS (chorus_rules_page_parent_class)->dispose (object);
}

static void
chorus_rules_page_finalize (GObject *object)
{
  ChorusRulesPage *self = CHORUS_RULES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_rules_page_parent_class)->finalize (object);
}

static void
chorus_rules_page_class_init (ChorusRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_rules_page_dispose;
  object_class->finalize = chorus_rules_page_finalize;
}

static void
chorus_rules_page_init (ChorusRulesPage *self)
{
  self->rows = g_ptr_array_new ();
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Rules"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-list-symbolic");

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Triage Rules"));
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Rule…"));
  gtk_widget_set_sensitive (self->add_button, FALSE);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (chorus_rules_page_add_rule), self);
  adw_preferences_group_set_header_suffix (self->group, self->add_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->group);
}

/**
 * chorus_rules_page_new:
 * @store: the workspace whose rules to edit
 *
 * Returns: (transfer floating): the page
 */
ChorusRulesPage *
chorus_rules_page_new (ChorusStore *store)
{
  ChorusRulesPage *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_RULES_PAGE, NULL);
  self->store = g_object_ref (store);
  chorus_store_list_team_members_async (store, self->cancellable, on_members_done_cb, g_object_ref (self));
  chorus_store_list_statuses_async (store, self->cancellable, on_statuses_done_cb, g_object_ref (self));
  return self;
}

/**
 * chorus_rules_page_is_ready:
 * @self: a #ChorusRulesPage
 *
 * Returns: whether the team and statuses are loaded and the rules listed
 */
gboolean
chorus_rules_page_is_ready (ChorusRulesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_RULES_PAGE (self), FALSE);

  return self->members != NULL && self->statuses != NULL;
}

/**
 * chorus_rules_page_add_rule:
 * @self: a #ChorusRulesPage, ready
 *
 * Opens the editor for a new rule, as "Add Rule…" does.
 *
 * Returns: (transfer none): the editor
 */
ChorusRuleEditor *
chorus_rules_page_add_rule (ChorusRulesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_RULES_PAGE (self), NULL);
  g_return_val_if_fail (chorus_rules_page_is_ready (self), NULL);

  return open_editor (self, NULL);
}

guint
chorus_rules_page_get_n_rows (ChorusRulesPage *self)
{
  g_return_val_if_fail (CHORUS_IS_RULES_PAGE (self), 0);

  return self->rows->len;
}

/**
 * chorus_rules_page_get_row:
 * @self: a #ChorusRulesPage
 * @index: a position in the list
 *
 * Returns: (transfer none): the row of the rule at @index
 */
AdwActionRow *
chorus_rules_page_get_row (ChorusRulesPage *self,
                           guint            index)
{
  g_return_val_if_fail (CHORUS_IS_RULES_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
