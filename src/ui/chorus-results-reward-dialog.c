/* chorus-results-reward-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-results-dialogs-private.h"
#include "chorus-results-format.h"
#include "chorus-store-awards.h"

/* The reward ledger's dialogs: a reward added or edited (for which
 * entry, prize or royalty, what it is, how much in which currency), and
 * a pending one marked paid. The amount is read the way a person types
 * it (chorus_parse_money()); Save stays disabled until the description,
 * the amount and a three-letter currency are there. */

typedef struct
{
  ChorusChallengeResults *self;
  gint64                  reward_id;     /* 0 for a new one */
  GArray                 *entries;       /* submission ids, by the drop-down's positions */
  GtkDropDown            *entry;
  GtkDropDown            *kind;
  GtkEditable            *description;
  GtkEditable            *amount;
  GtkEditable            *currency;
} RewardForm;

static void
reward_form_free (RewardForm *form)
{
  g_object_unref (form->self);
  g_array_unref (form->entries);
  g_free (form);
}

/* Whether the form holds a reward; @draft, when given, gets it. */
static gboolean
read_form (RewardForm        *form,
           ChorusRewardDraft *draft)
{
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (form->description)));
  g_autofree char *currency = g_strstrip (g_ascii_strup (gtk_editable_get_text (form->currency), -1));
  gint64 cents;

  if (*description == '\0' || strlen (currency) != 3 || !g_str_is_ascii (currency) ||
      !chorus_parse_money (gtk_editable_get_text (form->amount), &cents, NULL))
    return FALSE;

  if (draft != NULL)
    {
      draft->submission_id = g_array_index (form->entries, gint64, gtk_drop_down_get_selected (form->entry));
      draft->kind = gtk_drop_down_get_selected (form->kind) == 1 ? "royalty" : "prize";
      draft->description = gtk_editable_get_text (form->description);
      draft->amount_cents = cents;
      draft->currency = gtk_editable_get_text (form->currency);
    }
  return TRUE;
}

static void
on_form_changed_cb (GtkEditable      *editable,
                    AdwMessageDialog *dialog)
{
  RewardForm *form = g_object_get_data (G_OBJECT (dialog), "chorus-form");

  adw_message_dialog_set_response_enabled (dialog, "save", read_form (form, NULL));
}

static void
on_save_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RewardForm       *form)
{
  ChorusChallengeResults *self = form->self;
  ChorusRewardDraft draft;

  if (!read_form (form, &draft))
    return;

  chorus_store_save_reward_async (self->store, chorus_ranking_get_challenge_id (self->ranking), form->reward_id,
                                  &draft, NULL, _chorus_results_on_done_cb,
                                  _chorus_results_done_new (self, g_strdup (_("Reward saved")),
                                                            chorus_store_reward_change_finish, FALSE));
}

static GtkEditable *
add_field (GtkGrid    *grid,
           int         row,
           const char *label,
           GtkWidget  *field)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), field);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, caption, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  return GTK_IS_EDITABLE (field) ? GTK_EDITABLE (field) : NULL;
}

/* The entries a reward can go to: the ranking's, in rank order. */
static GtkDropDown *
new_entry_choice (RewardForm *form,
                  gint64      selected)
{
  ChorusRanking *ranking = form->self->ranking;
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  GtkDropDown *drop_down;
  guint position = 0;

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    {
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (ranking, i);

      if (entry->submission_id == selected)
        position = i;
      g_array_append_val (form->entries, entry->submission_id);
      g_strv_builder_add (titles, entry->title);
    }
  strings = g_strv_builder_end (titles);
  drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) strings));
  gtk_drop_down_set_selected (drop_down, position);
  return drop_down;
}

static GtkWidget *
build_form (RewardForm         *form,
            const ChorusReward *reward,
            gint64              submission_id)
{
  const char *kind_names[] = { chorus_format_reward_kind ("prize"), chorus_format_reward_kind ("royalty"), NULL };
  ChorusAwards *awards = form->self->awards;
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  g_autofree char *amount = reward != NULL ? chorus_format_amount (reward->amount_cents) : NULL;

  gtk_grid_set_row_spacing (grid, 12);
  gtk_grid_set_column_spacing (grid, 12);

  form->entry = new_entry_choice (form, reward != NULL ? reward->submission_id : submission_id);
  add_field (grid, 0, _("_Entry"), GTK_WIDGET (form->entry));
  form->kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kind_names));
  gtk_drop_down_set_selected (form->kind, reward != NULL && g_strcmp0 (reward->kind, "royalty") == 0);
  add_field (grid, 1, _("_Kind"), GTK_WIDGET (form->kind));
  form->description = add_field (grid, 2, _("_Description"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (form->description), _("Such as “€300 and a year of gear”"));
  form->amount = add_field (grid, 3, _("_Amount"), gtk_entry_new ());
  gtk_entry_set_input_purpose (GTK_ENTRY (form->amount), GTK_INPUT_PURPOSE_NUMBER);
  form->currency = add_field (grid, 4, _("C_urrency"), gtk_entry_new ());
  gtk_entry_set_max_length (GTK_ENTRY (form->currency), 3);

  gtk_editable_set_text (form->description, reward != NULL ? reward->description : "");
  gtk_editable_set_text (form->amount, amount != NULL ? amount : "");
  gtk_editable_set_text (form->currency, reward != NULL ? reward->currency
                                         : chorus_awards_get_n_totals (awards) > 0
                                         ? chorus_awards_get_total (awards, 0)->currency : "EUR");
  return GTK_WIDGET (grid);
}

static void
edit_reward (ChorusChallengeResults *self,
             const ChorusReward     *reward,
             gint64                  submission_id)
{
  AdwMessageDialog *dialog;
  RewardForm *form;

  if (self->ranking == NULL || chorus_ranking_get_n_entries (self->ranking) == 0)
    {
      _chorus_results_toast (self, _("A reward goes to an entry, and this challenge has none yet."));
      return;
    }

  dialog = _chorus_results_dialog_new (self, reward != NULL ? _("Edit Reward") : _("Add a Reward"),
                                       _("A prize or a royalty for an entry, pending until it is paid."),
                                       "save", reward != NULL ? _("_Save") : _("_Add"), ADW_RESPONSE_SUGGESTED);
  form = g_new0 (RewardForm, 1);
  form->self = g_object_ref (self);
  form->reward_id = reward != NULL ? reward->id : 0;
  form->entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_object_set_data_full (G_OBJECT (dialog), "chorus-form", form, (GDestroyNotify) reward_form_free);
  adw_message_dialog_set_extra_child (dialog, build_form (form, reward, submission_id));

  g_signal_connect_object (form->description, "changed", G_CALLBACK (on_form_changed_cb), dialog, 0);
  g_signal_connect_object (form->amount, "changed", G_CALLBACK (on_form_changed_cb), dialog, 0);
  g_signal_connect_object (form->currency, "changed", G_CALLBACK (on_form_changed_cb), dialog, 0);
  on_form_changed_cb (form->description, dialog);
  g_signal_connect (dialog, "response::save", G_CALLBACK (on_save_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_paid_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (g_object_get_data (G_OBJECT (dialog), "chorus-results"));
  gint64 reward_id = GPOINTER_TO_SIZE (user_data);

  chorus_store_mark_reward_paid_async (self->store, reward_id, 0, NULL, _chorus_results_on_done_cb,
                                       _chorus_results_done_new (self, g_strdup (_("Reward marked as paid")),
                                                                 chorus_store_reward_change_finish, FALSE));
}

static void
mark_paid (ChorusChallengeResults *self,
           const ChorusReward     *reward)
{
  g_autofree char *money = chorus_format_money (reward->amount_cents, reward->currency);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: a dialog's title; %s is a reward's description. */
  heading = g_strdup_printf (_("Mark “%s” as Paid?"), reward->description);
  /* Translators: the first %s is an amount such as "300.00 EUR", the second a design entry's title. */
  body = g_strdup_printf (_("%s for “%s”. The ledger keeps today as the day it was paid, and the line can no "
                            "longer be edited."), money, reward->title);
  dialog = _chorus_results_dialog_new (self, heading, body, "paid", _("Mark _Paid"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-results", g_object_ref (self), g_object_unref);
  g_signal_connect (dialog, "response::paid", G_CALLBACK (on_paid_response_cb), GSIZE_TO_POINTER (reward->id));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reward_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);
  gint64 id = g_variant_get_int64 (parameter);
  const ChorusReward *reward;

  if (self->awards == NULL || self->store == NULL)
    return;

  if (g_str_equal (action_name, "results.add-reward"))
    {
      const ChorusWinner *first = chorus_awards_get_n_winners (self->awards) > 0
                                  ? chorus_awards_get_winner (self->awards, 0) : NULL;

      edit_reward (self, NULL, id != 0 ? id : first != NULL ? first->submission_id : 0);
    }
  else if ((reward = chorus_awards_find_reward (self->awards, id)) != NULL && !reward->paid)
    {
      if (g_str_equal (action_name, "results.edit-reward"))
        edit_reward (self, reward, reward->submission_id);
      else
        mark_paid (self, reward);
    }
}

void
_chorus_results_class_add_reward_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "results.add-reward", "x", reward_action);
  gtk_widget_class_install_action (widget_class, "results.edit-reward", "x", reward_action);
  gtk_widget_class_install_action (widget_class, "results.mark-paid", "x", reward_action);
}
