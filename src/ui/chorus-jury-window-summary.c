/* chorus-jury-window-summary.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-jury-window-private.h"
#include "chorus-store-jury.h"

/* The summary of a juror's card: every entry in the juror's order with
 * their weighted score (the one the ranking counts for them) and whether
 * a criterion is still unscored, whether the card was submitted as it
 * stands, how far the jurors agree (Krippendorff's alpha, put in words by
 * chorus_jury_describe_agreement()), and Submit Scorecard, which only a
 * complete card whose scores are all written can press. */

static GtkWidget *
create_entry_row (ChorusJuryWindow *self,
                  ChorusSubmission *entry)
{
  gint64 id = chorus_submission_get_id (entry);
  double weighted = chorus_scorecard_get_weighted_score (self->card, id);
  gboolean complete = chorus_scorecard_count_scored (self->card, id) == chorus_jury_get_n_criteria (self->jury);
  g_autofree char *subtitle = complete ? g_strdup (_("Every criterion scored"))
                                       : _chorus_jury_window_dup_scored (self, entry);
  g_autofree char *score = chorus_format_decimal (weighted, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (score);
  GtkWidget *icon = gtk_image_new_from_icon_name (complete ? "object-select-symbolic" : "go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_submission_get_title (entry));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  /* Translators: the accessible name of a juror's weighted score of an entry. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your score"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_add_css_class (icon, complete ? "success" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
fill_entries (ChorusJuryWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))))
    gtk_list_box_remove (self->entries_list, child);

  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->entries_list, create_entry_row (self, self->entries->pdata[i]));
}

static char *
dup_status (ChorusJuryWindow *self)
{
  gint64 at = chorus_scorecard_get_submitted_at (self->card);
  g_autofree char *when = NULL;

  if (at == 0)
    return g_strdup (_("Not submitted yet"));

  when = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC, at);
  if (chorus_scorecard_is_submitted (self->card))
    /* Translators: the state of a jury scorecard; %s is when, such as “14:05” or “Yesterday”. */
    return g_strdup_printf (_("Submitted · %s"), when);
  /* Translators: the state of a jury scorecard; %s is when it was submitted, such as “Yesterday”. */
  return g_strdup_printf (_("Changed since it was submitted · %s"), when);
}

void
_chorus_jury_window_update_summary (ChorusJuryWindow *self)
{
  const ChorusJuror *juror;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *blocker = NULL;
  gboolean saving = chorus_jury_window_is_saving (self);

  if (self->card == NULL)
    return;

  juror = chorus_jury_find_juror (self->jury, chorus_scorecard_get_juror_id (self->card));
  /* Translators: the title of a juror's summary page; %s is the juror's name. */
  title = g_strdup_printf (_("Scorecard of %s"), juror != NULL ? juror->name : "");
  gtk_label_set_label (self->summary_title, title);
  status = dup_status (self);
  gtk_label_set_label (self->summary_status, status);
  fill_entries (self);

  blocker = chorus_scorecard_dup_blocker (self->card);
  if (saving)
    gtk_label_set_label (self->submit_hint, _("Saving your scores…"));
  else if (chorus_scorecard_is_locked (self->card))
    gtk_label_set_label (self->submit_hint, blocker);
  else if (chorus_scorecard_is_submitted (self->card))
    gtk_label_set_label (self->submit_hint, _("The team has these scores. Change any of them to submit the card "
                                              "again."));
  else if (blocker != NULL)
    gtk_label_set_label (self->submit_hint, blocker);
  else
    gtk_label_set_label (self->submit_hint, _("Submitting tells the team your scores are final. You can still "
                                              "change them and submit again."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jury.submit", blocker == NULL && !saving);
}

void
_chorus_jury_window_show_agreement (ChorusJuryWindow *self)
{
  g_autofree char *words = NULL;
  g_autofree char *jurors = NULL;
  g_autofree char *thresholds = NULL;
  g_autofree char *caption = NULL;
  guint scored;

  if (self->ranking == NULL)
    {
      gtk_label_set_label (self->agreement_label, _("Working out the agreement…"));
      return;
    }

  words = chorus_jury_describe_agreement (chorus_ranking_get_agreement (self->ranking));
  gtk_label_set_label (self->agreement_label, words);

  scored = chorus_ranking_get_n_jurors (self->ranking);
  /* Translators: the first %u is how many jurors scored any entry, the second how many the jury has. */
  jurors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u juror of %u has scored entries so far.",
                                         "%u jurors of %u have scored entries so far.", scored),
                            scored, chorus_jury_get_n_jurors (self->jury));
  /* Translators: how Krippendorff's alpha reads; both %.3f are thresholds, 0.800 and 0.667. */
  thresholds = g_strdup_printf (_("Krippendorff’s alpha compares the jurors’ scores of the entries two or more of "
                                  "them scored: from %.3f the scores can be relied on, from %.3f they allow "
                                  "tentative conclusions, and below that the jurors disagree."),
                                CHORUS_JURY_ALPHA_RELIABLE, CHORUS_JURY_ALPHA_TENTATIVE);
  caption = g_strconcat (jurors, "\n", thresholds, NULL);
  gtk_label_set_label (self->thresholds_label, caption);
}

void
_chorus_jury_window_show_summary (ChorusJuryWindow *self)
{
  if (self->card == NULL)
    return;

  _chorus_jury_window_show_error (self, NULL);
  _chorus_jury_window_update_summary (self);
  _chorus_jury_window_show_agreement (self);
  _chorus_jury_window_show_page (self, "summary");
  /* Scores set since the last reading change the agreement. */
  _chorus_jury_window_refresh_ranking (self);
}

static void
on_submitted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (chorus_store_submit_scorecard_finish (CHORUS_STORE (object), result, &error) == 0)
    {
      if (!self->gone)
        {
          _chorus_jury_window_show_error (self, error->message);
          _chorus_jury_window_update_summary (self);
        }
      return;
    }

  if (self->gone)
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Scorecard submitted")));
  _chorus_jury_window_reload_card (self);
}

void
_chorus_jury_window_submit (ChorusJuryWindow *self)
{
  if (self->card == NULL || chorus_jury_window_is_saving (self))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jury.submit", FALSE);
  chorus_store_submit_scorecard_async (self->store, chorus_challenge_get_id (self->challenge),
                                       chorus_scorecard_get_juror_id (self->card), NULL, on_submitted_cb,
                                       g_object_ref (self));
}

void
_chorus_jury_window_on_entry_activated (ChorusJuryWindow *self,
                                        GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->entries->len)
    _chorus_jury_window_show_entry (self, (guint) index);
}
