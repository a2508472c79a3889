/* chorus-results-votes.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "chorus-challenge-results-private.h"
#include "chorus-format.h"
#include "chorus-results-format.h"

/* The Results view's Flagged Votes page: every community vote that the
 * integrity rules flagged (chorus-integrity.c), each with who cast it,
 * how, on which entry and when, and each rule's sentence; then the votes
 * the team excluded, with the reason. A vote is excluded, or counted
 * again, from its row, always with a reason (chorus-results-dialogs.c).
 * Below them, when there are any, the entries whose last sync left some
 * votes out (replies whose scores disagree or go beyond their scale, a
 * post deleted), each with the sync's sentence. Those are entries, not
 * votes: the page's title counts only the votes. */

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static char *
describe_vote (ChorusChallengeResults *self,
               const ChorusRankedVote *vote)
{
  const char *kind = chorus_format_vote_kind (vote->kind);
  const char *title = _chorus_results_entry_title (self, vote->submission_id);
  g_autofree char *date = chorus_format_date (vote->cast_at);
  g_autofree char *score = NULL;

  if (isnan (vote->score))
    /* Translators: a community vote: how it was cast ("Like"), the design entry's title, then a date. */
    return g_strdup_printf (_("%s on “%s”, %s"), kind, title, date);

  score = chorus_format_score (vote->score, 0);
  /* Translators: a community vote: how it was cast ("Score in a reply"), its score out of 5, the design
   * entry's title, then a date. */
  return g_strdup_printf (_("%s, %s of 5, on “%s”, %s"), kind, score, title, date);
}

static GtkWidget *
new_flag_line (ChorusRankingFlags flag)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (_chorus_results_flag_icon (flag));
  GtkWidget *label = new_label (chorus_ranking_flag_describe (flag), NULL);

  /* One line: GTK 4.8 measures a wrapping label beside an icon too short. */
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);
  return line;
}

static GtkWidget *
new_vote_row (ChorusChallengeResults *self,
              const ChorusRankedVote *vote)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *detail = describe_vote (self, vote);
  GtkWidget *button;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), new_label (vote->voter != NULL ? vote->voter : "", "heading"));
  gtk_box_append (GTK_BOX (text), new_label (detail, "dim-label"));

  for (guint i = 0; i < CHORUS_RANKING_N_FLAGS; i++)
    if (vote->flags & (1 << i))
      gtk_box_append (GTK_BOX (text), new_flag_line (1 << i));

  if (vote->excluded)
    {
      /* Translators: why the team excluded a vote, in their words. */
      g_autofree char *reason = g_strdup_printf (_("Excluded: %s"),
                                                 vote->exclusion_reason != NULL ? vote->exclusion_reason : "");

      gtk_box_append (GTK_BOX (text), new_label (reason, "error"));
      button = gtk_button_new_with_mnemonic (_("_Include Again…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.include-vote");
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Exclude…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.exclude-vote");
    }
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (vote->id));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
append_votes (ChorusChallengeResults *self,
              gboolean                excluded)
{
  for (guint i = 0; i < chorus_ranking_get_n_votes (self->ranking); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (self->ranking, i);

      if (vote->excluded == excluded && (excluded || vote->flags != 0))
        gtk_list_box_append (self->votes_list, new_vote_row (self, vote));
    }
}

static GtkWidget *
new_notice_row (const ChorusRankedEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title != NULL ? entry->title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->read_notice);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The entries whose last sync left votes out, in rank order; the group
 * shows only when there is one. */
static void
fill_notices (ChorusChallengeResults *self)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notices_list))) != NULL)
    gtk_list_box_remove (self->notices_list, child);

  for (guint i = 0; i < chorus_ranking_get_n_entries (self->ranking); i++)
    {
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (self->ranking, i);

      if (entry->read_notice != NULL)
        {
          gtk_list_box_append (self->notices_list, new_notice_row (entry));
          any = TRUE;
        }
    }
  gtk_widget_set_visible (self->notices_group, any);
}

void
_chorus_results_fill_votes (ChorusChallengeResults *self)
{
  _chorus_results_reset_list (self->votes_list, _("No vote is flagged or excluded."));
  append_votes (self, FALSE);
  append_votes (self, TRUE);
  fill_notices (self);
}
