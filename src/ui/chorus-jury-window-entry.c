/* chorus-jury-window-entry.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-jury-score-row.h"
#include "chorus-jury-window-private.h"
#include "chorus-text.h"
#include "chorus-thumbnailer.h"

/* The jury window's entry page: the image, the title, the author and the
 * community's votes unless in blind mode, where the juror is ("Entry 3 of
 * 15 · 2 of 3 criteria scored"), and one row per criterion, whose scores
 * go to the window's queue of writes (chorus-jury-window.c). Once the
 * challenge has winners, the rows only show the scores, under a line
 * that says since when they are locked. */

#define IMAGE_SIZE 720

/* Returns: (transfer full): how many of the criteria the juror scored
 * the entry on, as a phrase */
char *
_chorus_jury_window_dup_scored (ChorusJuryWindow *self,
                                ChorusSubmission *entry)
{
  guint n = chorus_jury_get_n_criteria (self->jury);
  guint scored = chorus_scorecard_count_scored (self->card, chorus_submission_get_id (entry));

  /* Translators: how far a juror got with one entry: "2 of 3 criteria scored". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u criterion scored", "%u of %u criteria scored", n),
                          scored, n);
}

static void
update_progress (ChorusJuryWindow *self)
{
  ChorusSubmission *entry = g_ptr_array_index (self->entries, self->position);
  g_autofree char *where = NULL;
  g_autofree char *scored = _chorus_jury_window_dup_scored (self, entry);
  g_autofree char *progress = NULL;

  /* Translators: where a juror is in their scorecard: "Entry 3 of 15". */
  where = g_strdup_printf (_("Entry %u of %u"), self->position + 1, self->entries->len);
  /* Translators: "Entry 3 of 15 · 2 of 3 criteria scored". */
  progress = g_strdup_printf (_("%s · %s"), where, scored);
  gtk_label_set_label (self->progress_label, progress);
}

static char *
dup_author (ChorusSubmission *entry)
{
  g_autofree char *name = chorus_text_safe_name (chorus_submission_get_author_name (entry));
  g_autofree char *handle = chorus_text_safe_name (chorus_submission_get_author_handle (entry));
  g_autofree char *isolated_name = chorus_text_isolate (name);
  g_autofree char *isolated_handle = chorus_text_isolate (handle);

  if (name != NULL && *name != '\0' && handle != NULL && *handle != '\0')
    /* Translators: under a design entry's title; the first %s is its author's name, the second their handle. */
    return g_strdup_printf (_("By %s · %s"), isolated_name, isolated_handle);
  if ((name != NULL && *name != '\0') || (handle != NULL && *handle != '\0'))
    /* Translators: under a design entry's title; %s is its author's name or handle. */
    return g_strdup_printf (_("By %s"), name != NULL && *name != '\0' ? isolated_name : isolated_handle);
  return g_strdup (_("Added by hand"));
}

/* Returns: (transfer full) (nullable): the community's votes on the
 * entry in words, or %NULL before the ranking is read */
static char *
dup_community (ChorusJuryWindow *self,
               ChorusSubmission *entry)
{
  const ChorusRankedEntry *ranked;
  g_autofree char *count = NULL;

  if (self->ranking == NULL ||
      !(ranked = chorus_ranking_find_entry (self->ranking, chorus_submission_get_id (entry))))
    return NULL;

  if (g_strcmp0 (chorus_ranking_get_scale (self->ranking), "support") == 0)
    {
      count = chorus_format_count (ranked->supporters);
      /* Translators: %s is a number formatted for the locale. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Community: %s supporter", "Community: %s supporters",
                                           ranked->supporters), count);
    }

  count = chorus_format_count (ranked->votes_counted);
  if (ranked->n_scores == 0 || isnan (ranked->mean_score))
    /* Translators: %s is a number formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Community: %s vote", "Community: %s votes",
                                         ranked->votes_counted), count);
  /* Translators: the first %s is a number of votes, %.1f their mean score on a scale of 0 to 5. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Community: %s vote, mean score %.1f of 5",
                                       "Community: %s votes, mean score %.1f of 5", ranked->votes_counted),
                          count, ranked->mean_score);
}

/* The author and the community's votes, or nothing at all in blind mode:
 * the labels are emptied, not only hidden. */
void
_chorus_jury_window_update_details (ChorusJuryWindow *self)
{
  ChorusSubmission *entry;
  g_autofree char *author = NULL;
  g_autofree char *community = NULL;

  if (self->entries->len == 0 || self->card == NULL)
    return;

  entry = g_ptr_array_index (self->entries, self->position);
  if (!self->blind)
    {
      author = dup_author (entry);
      community = dup_community (self, entry);
    }

  gtk_label_set_label (self->author_label, author != NULL ? author : "");
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), author != NULL);
  gtk_label_set_label (self->community_label, community != NULL ? community : "");
  gtk_widget_set_visible (GTK_WIDGET (self->community_label), community != NULL);
}

static void
on_picture_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GdkTexture) texture = chorus_thumbnailer_load_finish (result, NULL);

  if (texture != NULL && !self->gone)
    gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
on_row_score_changed_cb (ChorusJuryScoreRow *row,
                         ChorusJuryWindow   *self)
{
  gint64 submission_id = chorus_submission_get_id (g_ptr_array_index (self->entries, self->position));
  double score = chorus_jury_score_row_get_score (row);

  chorus_scorecard_set_score (self->card, submission_id, chorus_jury_score_row_get_criterion_id (row), score);
  _chorus_jury_window_show_error (self, NULL);
  update_progress (self);
  _chorus_jury_window_queue_score (self, submission_id, chorus_jury_score_row_get_criterion_id (row), score);
}

static void
fill_criteria (ChorusJuryWindow *self,
               ChorusSubmission *entry)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list))))
    gtk_list_box_remove (self->criteria_list, child);

  for (guint i = 0; i < chorus_jury_get_n_criteria (self->jury); i++)
    {
      const ChorusCriterion *criterion = chorus_jury_get_criterion (self->jury, i);
      GtkWidget *row = chorus_jury_score_row_new (criterion, chorus_jury_get_share (self->jury, i),
                                                  chorus_scorecard_get_score (self->card,
                                                                              chorus_submission_get_id (entry),
                                                                              criterion->id));

      g_signal_connect (row, "score-changed", G_CALLBACK (on_row_score_changed_cb), self);
      chorus_jury_score_row_set_locked (CHORUS_JURY_SCORE_ROW (row), chorus_scorecard_is_locked (self->card));
      gtk_list_box_append (self->criteria_list, row);
    }
}

/* Says why the rows show scores without a way to change them. */
static void
update_lock (ChorusJuryWindow *self)
{
  gint64 locked_at = chorus_scorecard_get_locked_at (self->card);
  g_autofree char *reason = locked_at != 0 ? chorus_scorecard_dup_lock_reason (locked_at) : NULL;

  gtk_label_set_label (self->lock_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lock_label), reason != NULL);
}

void
_chorus_jury_window_show_entry (ChorusJuryWindow *self,
                                guint             position)
{
  ChorusSubmission *entry;

  g_return_if_fail (position < self->entries->len);

  self->position = position;
  entry = g_ptr_array_index (self->entries, position);
  gtk_label_set_label (self->entry_title, chorus_submission_get_title (entry));
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chorus_submission_get_title (entry), -1);
  chorus_thumbnailer_load_async (chorus_submission_get_image_path (entry), IMAGE_SIZE, self->cancellable,
                                 on_picture_loaded_cb, g_object_ref (self));

  fill_criteria (self, entry);
  update_lock (self);
  update_progress (self);
  _chorus_jury_window_update_details (self);
  _chorus_jury_window_show_error (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jury.previous", position > 0);
  gtk_button_set_label (self->next_button, position + 1 < self->entries->len ? _("_Next") : _("_Finish"));
  _chorus_jury_window_show_page (self, "score");
}
