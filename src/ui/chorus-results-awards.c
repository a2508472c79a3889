/* chorus-results-awards.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-challenge-results-private.h"
#include "chorus-format.h"
#include "chorus-results-format.h"

/* The Results view's Winners and Rewards page: each winner with its
 * place, who chose it and why, and its announcement (sent, waiting, or
 * the button to write it, which says why when there is no post to
 * answer); then the reward ledger, a line per reward with its amount and
 * whether it was paid, and the totals per currency. */

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
new_button (const char *label,
            const char *icon_name,
            const char *action,
            gint64      target)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label) : gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (action != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (target));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (icon_name != NULL)
    gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
new_pill (const char *text,
          const char *style)
{
  GtkWidget *pill = gtk_label_new (text);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "chorus-pill");
  gtk_widget_add_css_class (pill, style);
  return pill;
}

static char *
describe_choice (const ChorusWinner *winner)
{
  g_autofree char *date = chorus_format_date (winner->chosen_at);
  g_autofree char *chosen = NULL;

  if (winner->chosen_by != NULL)
    /* Translators: who chose a challenge's winner, and when: a team member's name, then a date. */
    chosen = g_strdup_printf (_("Chosen by %s on %s"), winner->chosen_by, date);
  else
    /* Translators: when a challenge's winner was chosen; %s is a date. */
    chosen = g_strdup_printf (_("Chosen on %s"), date);

  if (winner->note == NULL)
    return g_steal_pointer (&chosen);
  /* Translators: under a challenge's winner: who chose it and when, then why, in their words. */
  return g_strdup_printf (_("%s: “%s”"), chosen, winner->note);
}

/* The announcement's state, or what to do about it. */
static GtkWidget *
new_announcement (const ChorusWinner *winner)
{
  GtkWidget *button;

  if (g_strcmp0 (winner->announcement_state, "sent") == 0)
    return new_pill (_("Announced"), "running");
  if (g_strcmp0 (winner->announcement_state, "queued") == 0 ||
      g_strcmp0 (winner->announcement_state, "sending") == 0)
    return new_pill (_("Announcement waiting to be sent"), "paused");
  if (g_strcmp0 (winner->announcement_state, "failed") == 0)
    return new_pill (_("Announcement not sent: retry it from the conversation"), "paused");

  if (winner->cannot_announce == NULL)
    return new_button (_("A_nnounce…"), NULL, "results.announce", winner->submission_id);

  button = new_button (_("A_nnounce…"), NULL, NULL, 0);
  gtk_widget_set_sensitive (button, FALSE);
  gtk_widget_set_tooltip_text (button, winner->cannot_announce);
  return button;
}

/* @places gives every place the same width, so the titles line up. */
static GtkWidget *
new_winner_row (const ChorusWinner *winner,
                GtkSizeGroup       *places)
{
  g_autofree char *place = chorus_format_place (winner->place);
  g_autofree char *choice = describe_choice (winner);
  g_autofree char *subtitle = NULL;
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *pill = new_pill (place, "chorus-place");
  GtkWidget *remove;
  GtkWidget *row;

  /* Translators: under a challenge's winner: the author's handle, then who chose it and when. */
  subtitle = g_strdup_printf (_("%s · %s"), winner->author != NULL ? winner->author : _("Added by hand"), choice);
  row = new_row (winner->title, subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_size_group_add_widget (places, pill);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), pill);
  gtk_widget_set_size_request (picture, CHORUS_RESULTS_THUMBNAIL_SIZE, CHORUS_RESULTS_THUMBNAIL_SIZE);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (picture, "chorus-thumbnail");
  gtk_widget_add_css_class (picture, "small");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);
  _chorus_results_show_thumbnail (GTK_PICTURE (picture), winner->image_path);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_announcement (winner));
  remove = new_button (NULL, "user-trash-symbolic", "results.remove-winner", winner->submission_id);
  gtk_widget_set_tooltip_text (remove, _("Remove from Winners…"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static char *
describe_reward (const ChorusReward *reward)
{
  const char *kind = chorus_format_reward_kind (reward->kind);
  g_autofree char *date = NULL;

  if (!reward->paid)
    /* Translators: a line of a challenge's reward ledger: "Prize" or "Royalty", then a design entry's title. */
    return g_strdup_printf (_("%s for “%s”, pending"), kind, reward->title);

  date = chorus_format_date (reward->paid_at);
  /* Translators: a line of a challenge's reward ledger: "Prize" or "Royalty", a design entry's title, then
   * the date it was paid. */
  return g_strdup_printf (_("%s for “%s”, paid on %s"), kind, reward->title, date);
}

static GtkWidget *
new_reward_row (const ChorusReward *reward)
{
  g_autofree char *subtitle = describe_reward (reward);
  g_autofree char *money = chorus_format_money (reward->amount_cents, reward->currency);
  GtkWidget *row = new_row (reward->description, subtitle);
  GtkWidget *amount = gtk_label_new (money);
  GtkWidget *edit;

  gtk_widget_add_css_class (amount, "numeric");
  if (!reward->paid)
    gtk_widget_add_css_class (amount, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  if (reward->paid)
    return row;

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_button (_("Mark _Paid…"), NULL, "results.mark-paid", reward->id));
  edit = new_button (NULL, "document-edit-symbolic", "results.edit-reward", reward->id);
  gtk_widget_set_tooltip_text (edit, _("Edit Reward…"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static char *
build_totals (ChorusAwards *awards)
{
  g_autoptr(GString) totals = g_string_new (NULL);

  for (guint i = 0; i < chorus_awards_get_n_totals (awards); i++)
    {
      const ChorusRewardTotal *total = chorus_awards_get_total (awards, i);
      g_autofree char *paid = chorus_format_money (total->paid_cents, total->currency);
      g_autofree char *pending = chorus_format_money (total->pending_cents, total->currency);

      if (totals->len > 0)
        g_string_append_c (totals, '\n');
      /* Translators: the totals of a challenge's reward ledger in one currency; each %s is an amount such
       * as "300.00 EUR". */
      g_string_append_printf (totals, _("Paid %s, pending %s"), paid, pending);
    }
  return g_string_free (g_steal_pointer (&totals), FALSE);
}

void
_chorus_results_fill_awards (ChorusChallengeResults *self)
{
  ChorusAwards *awards = self->awards;
  g_autofree char *totals = build_totals (awards);
  g_autoptr(GtkSizeGroup) places = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  _chorus_results_reset_list (self->winners_list, _("No winners yet: choose them from the ranking’s menus."));
  for (guint i = 0; i < chorus_awards_get_n_winners (awards); i++)
    gtk_list_box_append (self->winners_list, new_winner_row (chorus_awards_get_winner (awards, i), places));

  _chorus_results_reset_list (self->rewards_list, _("No rewards in the ledger yet."));
  for (guint i = 0; i < chorus_awards_get_n_rewards (awards); i++)
    gtk_list_box_append (self->rewards_list, new_reward_row (chorus_awards_get_reward (awards, i)));

  gtk_label_set_label (self->totals_label, totals);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), *totals != '\0');
}
