/* chorus-jury-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "chorus-jury-window-private.h"
#include "chorus-store-jury.h"
#include "chorus-store-ranking.h"

/* A juror's scorecard, one accepted entry at a time: the image large,
 * its title, and one row per criterion. The window first asks who is
 * scoring (the team member marked as "me" when they are on the jury).
 * Each juror sees the entries in an order of their own, the same each
 * time, so that no entry gains from always coming first or last.
 *
 * Blind mode, on by default, keeps the author's name and handle and the
 * community's votes off the screen; switched off, they show under the
 * title. Either way the scores are the juror's alone.
 *
 * Every score is written as it is set, one at a time and in the order
 * set (two writes in flight could commit out of order), so closing the
 * window loses nothing; the writes left go on after it closed. The
 * entry page is in chorus-jury-window-entry.c, the summary page in
 * chorus-jury-window-summary.c. */

typedef struct
{
  gint64 submission_id;
  gint64 juror_id;
  gint64 criterion_id;
  double score;           /* NaN clears */
} PendingScore;

enum {
  PROP_0,
  PROP_BLIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ChorusJuryWindow, chorus_jury_window, ADW_TYPE_WINDOW)

void
_chorus_jury_window_show_page (ChorusJuryWindow *self,
                               const char       *name)
{
  gboolean scoring = g_str_equal (name, "score") || g_str_equal (name, "summary");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->juror_button,
                          scoring && self->jury != NULL && chorus_jury_get_n_jurors (self->jury) > 1);
}

static void
show_status (ChorusJuryWindow *self,
             const char       *title,
             const char       *description)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
_chorus_jury_window_show_error (ChorusJuryWindow *self,
                                const char       *message)
{
  gtk_label_set_label (self->entry_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_error), message != NULL);
  gtk_label_set_label (self->summary_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_error), message != NULL);
}

static void write_next (ChorusJuryWindow *self);

static void
on_score_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!chorus_store_jury_score_finish (CHORUS_STORE (object), result, &error) && !self->gone)
    {
      /* The card in memory is ahead of the workspace now: read it again. */
      _chorus_jury_window_show_error (self, error->message);
      _chorus_jury_window_reload_card (self);
    }

  write_next (self);
}

static void
write_next (ChorusJuryWindow *self)
{
  PendingScore score;

  self->writing = self->pending->len > 0;
  if (!self->writing)
    {
      /* Submit waits for the last write. */
      if (!self->gone && g_str_equal (chorus_jury_window_get_page (self), "summary"))
        _chorus_jury_window_update_summary (self);
      return;
    }

  score = g_array_index (self->pending, PendingScore, 0);
  g_array_remove_index (self->pending, 0);
  if (isnan (score.score))
    chorus_store_clear_jury_score_async (self->store, score.submission_id, score.juror_id, score.criterion_id, NULL,
                                         on_score_written_cb, g_object_ref (self));
  else
    chorus_store_set_jury_score_async (self->store, score.submission_id, score.juror_id, score.criterion_id,
                                       score.score, NULL, on_score_written_cb, g_object_ref (self));
}

/* Queues the write, replacing a write of the same score that has not
 * started: only the last value set matters. */
void
_chorus_jury_window_queue_score (ChorusJuryWindow *self,
                                 gint64            submission_id,
                                 gint64            criterion_id,
                                 double            score)
{
  PendingScore added = { submission_id, chorus_scorecard_get_juror_id (self->card), criterion_id, score };

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingScore *queued = &g_array_index (self->pending, PendingScore, i);

      if (queued->submission_id == added.submission_id && queued->juror_id == added.juror_id &&
          queued->criterion_id == added.criterion_id)
        {
          queued->score = score;
          return;
        }
    }

  g_array_append_val (self->pending, added);
  if (!self->writing)
    write_next (self);
}

static void
on_ranking_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusRanking) ranking = chorus_store_rank_challenge_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->gone)
    return;
  /* Without a ranking the window still scores; it says why where the
   * agreement would be. */
  if (ranking == NULL)
    {
      gtk_label_set_label (self->agreement_label, error->message);
      return;
    }

  g_clear_pointer (&self->ranking, chorus_ranking_unref);
  self->ranking = g_steal_pointer (&ranking);
  _chorus_jury_window_update_details (self);
  _chorus_jury_window_show_agreement (self);
}

void
_chorus_jury_window_refresh_ranking (ChorusJuryWindow *self)
{
  g_cancellable_cancel (self->ranking_cancellable);
  g_clear_object (&self->ranking_cancellable);
  self->ranking_cancellable = g_cancellable_new ();
  chorus_store_rank_challenge_async (self->store, chorus_challenge_get_id (self->challenge),
                                     self->ranking_cancellable, on_ranking_cb, g_object_ref (self));
}

/* This juror's order: the card's entries shuffled by a seed of the
 * challenge and the juror, the same at each visit. */
static void
order_entries (ChorusJuryWindow *self)
{
  guint32 seed = (guint32) (chorus_challenge_get_id (self->challenge) * 7919 +
                            chorus_scorecard_get_juror_id (self->card));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; i < chorus_scorecard_get_n_entries (self->card); i++)
    for (guint j = 0; j < self->submissions->len; j++)
      if (chorus_submission_get_id (self->submissions->pdata[j]) == chorus_scorecard_get_entry (self->card, i))
        g_ptr_array_add (self->entries, g_object_ref (self->submissions->pdata[j]));

  for (guint i = self->entries->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer swap = self->entries->pdata[i - 1];

      self->entries->pdata[i - 1] = self->entries->pdata[j];
      self->entries->pdata[j] = swap;
    }
}

/* The first entry still to score, or the summary once there is none. */
static void
open_card (ChorusJuryWindow *self)
{
  const ChorusJuror *juror = chorus_jury_find_juror (self->jury, chorus_scorecard_get_juror_id (self->card));
  g_autofree char *subtitle = NULL;

  order_entries (self);
  if (self->entries->len == 0)
    {
      show_status (self, _("Nothing to Score Yet"), _("The jury scores the entries accepted into the challenge."));
      return;
    }

  /* Translators: the jury window's subtitle: a challenge's title, then the juror's name. */
  subtitle = g_strdup_printf (_("%s · %s"), chorus_jury_get_title (self->jury), juror != NULL ? juror->name : "");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  _chorus_jury_window_refresh_ranking (self);

  /* A locked card has nothing left to score: its summary says why. */
  if (chorus_scorecard_is_locked (self->card))
    {
      _chorus_jury_window_show_summary (self);
      return;
    }

  for (guint i = 0; i < self->entries->len; i++)
    if (chorus_scorecard_count_scored (self->card, chorus_submission_get_id (self->entries->pdata[i])) <
        chorus_jury_get_n_criteria (self->jury))
      {
        _chorus_jury_window_show_entry (self, i);
        return;
      }
  _chorus_jury_window_show_summary (self);
}

static void
on_card_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusScorecard) card = chorus_store_load_scorecard_finish (CHORUS_STORE (object), result, &error);
  gboolean reload = self->card != NULL && card != NULL &&
                    chorus_scorecard_get_juror_id (self->card) == chorus_scorecard_get_juror_id (card);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->gone)
    return;
  if (card == NULL)
    {
      show_status (self, _("The Scorecard Could Not Be Read"), error->message);
      return;
    }

  /* Scores set since the read started are still on their way. */
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingScore *queued = &g_array_index (self->pending, PendingScore, i);

      if (queued->juror_id == chorus_scorecard_get_juror_id (card))
        chorus_scorecard_set_score (card, queued->submission_id, queued->criterion_id, queued->score);
    }

  g_clear_pointer (&self->card, chorus_scorecard_unref);
  self->card = g_steal_pointer (&card);
  if (!reload)
    open_card (self);
  else if (g_str_equal (chorus_jury_window_get_page (self), "score"))
    {
      /* Keeps the error shown: it says why the scores moved back. */
      g_autofree char *message = g_strdup (gtk_label_get_label (self->entry_error));

      _chorus_jury_window_show_entry (self, MIN (self->position, self->entries->len - 1));
      _chorus_jury_window_show_error (self, *message != '\0' ? message : NULL);
    }
  else
    _chorus_jury_window_update_summary (self);
}

static void
load_card (ChorusJuryWindow *self,
           gint64            juror_id)
{
  chorus_store_load_scorecard_async (self->store, chorus_challenge_get_id (self->challenge), juror_id,
                                     self->cancellable, on_card_loaded_cb, g_object_ref (self));
}

void
_chorus_jury_window_reload_card (ChorusJuryWindow *self)
{
  if (self->card != NULL)
    load_card (self, chorus_scorecard_get_juror_id (self->card));
}

static void
fill_jurors (ChorusJuryWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int me = chorus_jury_find_me (self->jury);

  for (guint i = 0; i < chorus_jury_get_n_jurors (self->jury); i++)
    {
      const ChorusJuror *juror = chorus_jury_get_juror (self->jury, i);
      /* Translators: a juror in the list of who is scoring, when it is the person at this computer. */
      g_autofree char *name = juror->is_me ? g_strdup_printf (_("%s (you)"), juror->name) : g_strdup (juror->name);

      gtk_string_list_append (names, name);
    }

  adw_combo_row_set_model (self->juror_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->juror_row, me >= 0 ? (guint) me : 0);
}

/* Once both the jury and the entries are read. */
static void
show_jurors (ChorusJuryWindow *self)
{
  guint accepted = 0;

  if (self->jury == NULL || self->submissions == NULL)
    return;

  for (guint i = 0; i < self->submissions->len; i++)
    accepted += g_strcmp0 (chorus_submission_get_moderation (self->submissions->pdata[i]), "accepted") == 0;

  if (!chorus_jury_is_ready (self->jury))
    show_status (self, _("No Jury Yet"), _("Add jury members and criteria to the challenge before scoring."));
  else if (accepted == 0)
    show_status (self, _("Nothing to Score Yet"), _("The jury scores the entries accepted into the challenge."));
  else
    {
      fill_jurors (self);
      _chorus_jury_window_show_page (self, "juror");
    }
}

static void
on_jury_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusJury) jury = chorus_store_load_jury_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->gone)
    return;
  if (jury == NULL)
    {
      show_status (self, _("The Jury Could Not Be Read"), error->message);
      return;
    }

  self->jury = g_steal_pointer (&jury);
  show_jurors (self);
}

static void
on_submissions_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChorusJuryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) submissions = chorus_store_list_submissions_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->gone)
    return;
  if (submissions == NULL)
    {
      show_status (self, _("The Entries Could Not Be Read"), error->message);
      return;
    }

  self->submissions = g_steal_pointer (&submissions);
  show_jurors (self);
}

static void
jury_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusJuryWindow *self = CHORUS_JURY_WINDOW (widget);
  gboolean scoring = g_str_equal (chorus_jury_window_get_page (self), "score");

  if (self->jury == NULL)
    return;

  if (g_str_equal (action_name, "jury.start"))
    {
      guint selected = adw_combo_row_get_selected (self->juror_row);

      if (selected < chorus_jury_get_n_jurors (self->jury))
        {
          _chorus_jury_window_show_page (self, "loading");
          g_clear_pointer (&self->card, chorus_scorecard_unref);
          load_card (self, chorus_jury_get_juror (self->jury, selected)->member_id);
        }
    }
  else if (g_str_equal (action_name, "jury.next") && scoring && self->position + 1 < self->entries->len)
    _chorus_jury_window_show_entry (self, self->position + 1);
  else if ((g_str_equal (action_name, "jury.next") && scoring) || g_str_equal (action_name, "jury.summary"))
    _chorus_jury_window_show_summary (self);
  else if (g_str_equal (action_name, "jury.previous") && scoring && self->position > 0)
    _chorus_jury_window_show_entry (self, self->position - 1);
  else if (g_str_equal (action_name, "jury.change-juror"))
    _chorus_jury_window_show_page (self, "juror");
  else if (g_str_equal (action_name, "jury.submit"))
    _chorus_jury_window_submit (self);
}

static void
chorus_jury_window_dispose (GObject *object)
{
  ChorusJuryWindow *self = CHORUS_JURY_WINDOW (object);

  self->gone = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->ranking_cancellable);
  g_clear_object (&self->ranking_cancellable);
  g_clear_object (&self->challenge);
  g_clear_pointer (&self->jury, chorus_jury_unref);
  g_clear_pointer (&self->card, chorus_scorecard_unref);
  g_clear_pointer (&self->ranking, chorus_ranking_unref);
  g_clear_pointer (&self->submissions, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_jury_window_parent_class)->dispose (object);
}

static void
chorus_jury_window_finalize (GObject *object)
{
  ChorusJuryWindow *self = CHORUS_JURY_WINDOW (object);

  /* Kept to the end: the writes still queued need it. */
  g_clear_object (&self->store);
  g_array_unref (self->pending);

  G_OBJECT_CLASS (chorus_jury_window_parent_class)->finalize (object);
}

static void
chorus_jury_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusJuryWindow *self = CHORUS_JURY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_jury_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusJuryWindow *self = CHORUS_JURY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      chorus_jury_window_set_blind (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_jury_window_class_init (ChorusJuryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_jury_window_dispose;
  object_class->finalize = chorus_jury_window_finalize;
  object_class->get_property = chorus_jury_window_get_property;
  object_class->set_property = chorus_jury_window_set_property;

  /**
   * ChorusJuryWindow:blind:
   *
   * Whether the author and the community's votes stay hidden.
   */
  properties[PROP_BLIND] = g_param_spec_boolean ("blind", NULL, NULL, TRUE,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-jury-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, juror_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, blind_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, juror_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, entry_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, author_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, community_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, lock_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, entry_error);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, summary_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, summary_status);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, entries_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, agreement_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, thresholds_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, submit_hint);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, summary_error);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryWindow, submit_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_entries_list_row_activated_cb",
                                                G_CALLBACK (_chorus_jury_window_on_entry_activated));

  gtk_widget_class_install_action (widget_class, "jury.start", NULL, jury_action);
  gtk_widget_class_install_action (widget_class, "jury.previous", NULL, jury_action);
  gtk_widget_class_install_action (widget_class, "jury.next", NULL, jury_action);
  gtk_widget_class_install_action (widget_class, "jury.summary", NULL, jury_action);
  gtk_widget_class_install_action (widget_class, "jury.change-juror", NULL, jury_action);
  gtk_widget_class_install_action (widget_class, "jury.submit", NULL, jury_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "jury.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "jury.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_jury_window_init (ChorusJuryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->blind = TRUE;
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingScore));
  self->cancellable = g_cancellable_new ();
  g_object_bind_property (self, "blind", self->blind_switch, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/**
 * chorus_jury_window_new:
 * @parent: the main window
 * @store: the workspace
 * @challenge: the challenge its jury scores
 *
 * Returns: (transfer none): the window, to present
 */
ChorusJuryWindow *
chorus_jury_window_new (GtkWindow       *parent,
                        ChorusStore     *store,
                        ChorusChallenge *challenge)
{
  ChorusJuryWindow *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (challenge), NULL);

  self = g_object_new (CHORUS_TYPE_JURY_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->challenge = g_object_ref (challenge);
  adw_window_title_set_subtitle (self->window_title, chorus_challenge_get_title (challenge));

  chorus_store_load_jury_async (store, chorus_challenge_get_id (challenge), self->cancellable, on_jury_loaded_cb,
                                g_object_ref (self));
  chorus_store_list_submissions_async (store, chorus_challenge_get_id (challenge), self->cancellable,
                                       on_submissions_cb, g_object_ref (self));
  return self;
}

/* "loading", "error", "juror", "score" or "summary". */
const char *
chorus_jury_window_get_page (ChorusJuryWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_JURY_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) (nullable): the entry being scored */
ChorusSubmission *
chorus_jury_window_get_entry (ChorusJuryWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_JURY_WINDOW (self), NULL);

  if (self->position >= self->entries->len)
    return NULL;
  return g_ptr_array_index (self->entries, self->position);
}

gboolean
chorus_jury_window_get_blind (ChorusJuryWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_JURY_WINDOW (self), TRUE);

  return self->blind;
}

void
chorus_jury_window_set_blind (ChorusJuryWindow *self,
                              gboolean          blind)
{
  g_return_if_fail (CHORUS_IS_JURY_WINDOW (self));

  blind = !!blind;
  if (self->blind == blind)
    return;

  self->blind = blind;
  _chorus_jury_window_update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLIND]);
}

/* Returns: whether scores set are still being written */
gboolean
chorus_jury_window_is_saving (ChorusJuryWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_JURY_WINDOW (self), FALSE);

  return self->writing || self->pending->len > 0;
}
