/* chorus-person-panel-merges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-person-panel.h"
#include "chorus-person-panel-private.h"
#include "chorus-store-merges.h"
#include "chorus-text.h"

/* The person panel's "Might Be the Same Person" section and its opt-out
 * caption, read in a worker by chorus_store_suggest_merges_async(). Each
 * suggestion says why, shows the other person's accounts, and offers
 * Merge (the person shown is kept; the toast can undo it) and Not the
 * Same (never suggested again). After a merge the store announces that
 * any conversation may have changed, and the panel reads the person
 * again. */

typedef struct
{
  ChorusPersonPanel *self;
  GtkWidget         *row;
  gint64             other_id;
  char              *message;
} Action;

static void
action_free (Action *action)
{
  g_object_unref (action->self);
  g_object_unref (action->row);
  g_free (action->message);
  g_free (action);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Action, action_free)

static void
show_opt_outs (ChorusPersonPanel *self,
               ChorusOptOuts      opt_outs)
{
  GString *text = g_string_new (NULL);

  if (opt_outs & CHORUS_OPT_OUT_NOINDEX)
    g_string_append (text, _("Asked not to be indexed or suggested"));
  if (opt_outs & CHORUS_OPT_OUT_BOT)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", _("Automated account"));

  gtk_label_set_label (self->opt_out_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->opt_out_label), text->len > 0);
  g_string_free (text, TRUE);
}

static GtkWidget *
make_identity_line (ChorusIdentity *identity)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = gtk_label_new (chorus_format_network (identity->network));
  g_autofree char *handle = chorus_format_handle (identity->network, identity->handle, identity->server);
  GtkWidget *label = gtk_label_new (handle);

  gtk_widget_add_css_class (badge, "chorus-pill");
  gtk_widget_add_css_class (badge, identity->network);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
finish_action (Action  *action,
               gint64   audit_id,
               GError  *error)
{
  ChorusPersonPanel *self = action->self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (audit_id == 0 && error != NULL)
    {
      gtk_widget_set_sensitive (action->row, TRUE);
      g_signal_emit_by_name (self, "failed", error);
      return;
    }

  g_signal_emit_by_name (self, "changed", audit_id, action->message);
}

static void
on_merged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Action) action = user_data;
  g_autoptr(GError) error = NULL;
  gint64 audit_id = chorus_store_merge_people_finish (CHORUS_STORE (object), result, &error);

  finish_action (action, audit_id, error);
}

static void
on_dismissed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Action) action = user_data;
  g_autoptr(GError) error = NULL;
  gboolean dismissed = chorus_store_dismiss_merge_finish (CHORUS_STORE (object), result, &error);

  if (dismissed && action->self->suggestions_list != NULL)
    _chorus_person_panel_load_suggestions (action->self);
  finish_action (action, 0, dismissed ? NULL : error);
}

/* Starts the choice @button stands for: the row waits for it to finish. */
static Action *
start_action (ChorusPersonPanel  *self,
              GtkWidget          *button,
              const char        **name)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  Action *action;

  if (self->store == NULL || self->person == NULL)
    return NULL;

  action = g_new0 (Action, 1);
  action->self = g_object_ref (self);
  action->row = g_object_ref (row);
  action->other_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "chorus-person-id"));
  *name = g_object_get_data (G_OBJECT (row), "chorus-name");
  gtk_widget_set_sensitive (row, FALSE);

  return action;
}

static void
on_merge_clicked_cb (GtkButton         *button,
                     ChorusPersonPanel *self)
{
  const char *name = NULL;
  Action *action = start_action (self, GTK_WIDGET (button), &name);
  g_autofree char *merged = NULL;
  g_autofree char *kept = NULL;

  if (action == NULL)
    return;

  merged = chorus_text_isolate (name);
  kept = chorus_text_isolate (chorus_person_get_display_name (self->person));
  /* Translators: a toast after merging two people; the first %s is the
   * name of the person merged, the second of the person kept. */
  action->message = g_strdup_printf (_("Merged %s into %s"), merged, kept);
  chorus_store_merge_people_async (self->store, chorus_person_get_id (self->person), action->other_id,
                                   self->cancellable, on_merged_cb, action);
}

static void
on_dismiss_clicked_cb (GtkButton         *button,
                       ChorusPersonPanel *self)
{
  const char *name = NULL;
  Action *action = start_action (self, GTK_WIDGET (button), &name);
  g_autofree char *dismissed = NULL;

  if (action == NULL)
    return;

  dismissed = chorus_text_isolate (name);
  /* Translators: a toast; %s is the name of a person suggested as the
   * same as the one shown. */
  action->message = g_strdup_printf (_("%s will not be suggested again"), dismissed);
  chorus_store_dismiss_merge_async (self->store, chorus_person_get_id (self->person), action->other_id,
                                    self->cancellable, on_dismissed_cb, action);
}

static GtkWidget *
make_button (ChorusPersonPanel *self,
             const char        *label,
             GCallback          callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* A suggestion: who, why, their accounts, and the two choices. */
static GtkWidget *
make_suggestion_row (ChorusPersonPanel     *self,
                     ChorusMergeSuggestion *suggestion)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_label_new (suggestion->display_name);
  GtkWidget *reason = gtk_label_new (suggestion->reason);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dismiss = make_button (self, _("_Not the Same"), G_CALLBACK (on_dismiss_clicked_cb));
  GtkWidget *merge = make_button (self, _("_Merge"), G_CALLBACK (on_merge_clicked_cb));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "chorus-person-id", GSIZE_TO_POINTER ((gsize) suggestion->person_id));
  g_object_set_data_full (G_OBJECT (row), "chorus-name", g_strdup (suggestion->display_name), g_free);
  g_object_set_data (G_OBJECT (row), "chorus-merge-button", merge);
  g_object_set_data (G_OBJECT (row), "chorus-dismiss-button", dismiss);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_box_append (GTK_BOX (box), reason);

  for (guint i = 0; i < suggestion->identities->len; i++)
    gtk_box_append (GTK_BOX (box), make_identity_line (g_ptr_array_index (suggestion->identities, i)));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (buttons), merge);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
on_suggestions_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChorusPersonPanel) self = user_data;
  g_autoptr(ChorusMergeSuggestions) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  suggestions = chorus_store_suggest_merges_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->suggestions_list == NULL)
    return;

  _chorus_person_panel_set_loads (self, self->loads - 1);
  _chorus_person_panel_clear_suggestions (self);
  if (suggestions == NULL)
    {
      /* The person whose load failed says why. */
      if (!g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        g_signal_emit_by_name (self, "failed", error);
      return;
    }

  show_opt_outs (self, suggestions->opt_outs);
  for (guint i = 0; i < suggestions->suggestions->len; i++)
    gtk_list_box_append (self->suggestions_list,
                         make_suggestion_row (self, g_ptr_array_index (suggestions->suggestions, i)));
  self->suggestion_rows = suggestions->suggestions->len;
  gtk_widget_set_visible (self->suggestions_box, self->suggestion_rows > 0);
}

void
_chorus_person_panel_clear_suggestions (ChorusPersonPanel *self)
{
  _chorus_person_panel_clear_list (self->suggestions_list);
  self->suggestion_rows = 0;
  gtk_widget_set_visible (self->suggestions_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->opt_out_label), FALSE);
}

/* Counts as one of the panel's loads, cancelled with them. */
void
_chorus_person_panel_load_suggestions (ChorusPersonPanel *self)
{
  if (self->store == NULL || self->person_id <= 0 || self->load_cancellable == NULL)
    return;

  _chorus_person_panel_set_loads (self, self->loads + 1);
  chorus_store_suggest_merges_async (self->store, self->person_id, self->load_cancellable,
                                     on_suggestions_cb, g_object_ref (self));
}

/**
 * chorus_person_panel_get_n_suggestions:
 * @self: a #ChorusPersonPanel
 *
 * Returns: how many people the panel suggests might be the same
 */
guint
chorus_person_panel_get_n_suggestions (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), 0);

  return self->suggestion_rows;
}

/**
 * chorus_person_panel_get_suggestion_button:
 * @self: a #ChorusPersonPanel
 * @index: a suggestion
 * @merge: %TRUE for its Merge button, %FALSE for Not the Same
 *
 * Returns: (transfer none): the button
 */
GtkButton *
chorus_person_panel_get_suggestion_button (ChorusPersonPanel *self,
                                           guint              index,
                                           gboolean           merge)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), NULL);
  g_return_val_if_fail (index < self->suggestion_rows, NULL);

  row = gtk_list_box_get_row_at_index (self->suggestions_list, (int) index);
  return g_object_get_data (G_OBJECT (row), merge ? "chorus-merge-button" : "chorus-dismiss-button");
}

/**
 * chorus_person_panel_get_opt_out_text:
 * @self: a #ChorusPersonPanel
 *
 * Returns: what the caption under the accounts says (empty when hidden)
 */
const char *
chorus_person_panel_get_opt_out_text (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->opt_out_label))
           ? gtk_label_get_label (self->opt_out_label) : "";
}
