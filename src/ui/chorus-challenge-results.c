/* chorus-challenge-results.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-challenge-export.h"
#include "chorus-challenge-results-private.h"
#include "chorus-format.h"
#include "chorus-jury.h"
#include "chorus-ranked-item.h"
#include "chorus-results-format.h"
#include "chorus-stack-switcher.h"
#include "chorus-store-awards.h"
#include "chorus-store-ranking.h"
#include "chorus-thumbnailer.h"

/* The Results view of a design challenge: its ranking as a table, its
 * winners and reward ledger, and the votes that deserve a look, each a
 * page of its own, with what the numbers rest on above them. It reads
 * the ranking and then the awards in workers, once it is shown (the
 * Gallery view is shown more often), and again after each change made
 * from it, which it also tells its "changed" signal about, for the
 * gallery's counts. */

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChorusChallengeResults, chorus_challenge_results, GTK_TYPE_WIDGET)

/* Shows the image at @path (or nothing) in @picture, a row's thumbnail;
 * a load still under way for the row's previous entry is dropped. */
void
_chorus_results_show_thumbnail (GtkPicture *picture,
                                const char *path)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (picture), "chorus-thumbnail");

  g_cancellable_cancel (cancellable);
  gtk_picture_set_paintable (picture, NULL);
  if (path == NULL)
    return;

  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (picture), "chorus-thumbnail", cancellable, g_object_unref);
  chorus_thumbnailer_show (picture, path,
                           CHORUS_RESULTS_THUMBNAIL_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (picture)),
                           cancellable);
}

/* Empties @list, which shows @placeholder while it stays empty. */
void
_chorus_results_reset_list (GtkListBox *list,
                            const char *placeholder)
{
  GtkWidget *label = gtk_label_new (placeholder);
  GtkWidget *child;

  gtk_list_box_set_placeholder (list, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

void
_chorus_results_toast (ChorusChallengeResults *self,
                       const char             *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL && message != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Returns: the entry's title as ranked, or "" */
const char *
_chorus_results_entry_title (ChorusChallengeResults *self,
                             gint64                  submission_id)
{
  const ChorusRankedEntry *entry = self->ranking != NULL ? chorus_ranking_find_entry (self->ranking, submission_id)
                                                         : NULL;

  return entry != NULL && entry->title != NULL ? entry->title : "";
}

/* Counts the votes the page lists; the entries whose last sync left
 * votes out, listed below them, are not votes and do not count here. */
static void
update_flagged_title (ChorusChallengeResults *self)
{
  guint flagged = 0;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < chorus_ranking_get_n_votes (self->ranking); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (self->ranking, i);

      flagged += vote->flags != 0 || vote->excluded;
    }

  count = chorus_format_count (flagged);
  /* Translators: a page of a challenge's results; %s is how many votes it lists, formatted for the locale. */
  title = flagged > 0 ? g_strdup_printf (_("Flagged Votes (%s)"), count) : g_strdup (_("Flagged Votes"));
  gtk_stack_page_set_title (self->votes_page, title);
}

static void
show_results (ChorusChallengeResults *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *facts = chorus_format_ranking_basis (self->ranking);
  g_autofree char *agreement = chorus_jury_describe_agreement (chorus_ranking_get_agreement (self->ranking));
  gboolean support = g_strcmp0 (chorus_ranking_get_scale (self->ranking), "support") == 0;

  for (guint i = 0; i < chorus_ranking_get_n_entries (self->ranking); i++)
    g_ptr_array_add (items, chorus_ranked_item_new (self->ranking, i, self->awards));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  gtk_column_view_column_set_title (self->mean_column, support ? _("Support") : _("Mean"));
  _chorus_results_show_columns (self);
  _chorus_results_fit_titles (self);
  gtk_label_set_label (self->facts_label, facts);
  gtk_label_set_label (self->agreement_label, agreement);
  update_flagged_title (self);
  _chorus_results_fill_awards (self);
  _chorus_results_fill_votes (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-images",
                                 chorus_awards_get_n_winners (self->awards) > 0);
  gtk_stack_set_visible_child_name (self->state_stack,
                                    chorus_ranking_get_n_entries (self->ranking) > 0 ? "content" : "empty");
}

static gboolean
take_error (ChorusChallengeResults *self,
            GError                 *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error != NULL;

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->state_stack, "error");
  return TRUE;
}

static void
on_awards_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ChorusChallengeResults) self = user_data;
  g_autoptr(ChorusAwards) awards = NULL;
  g_autoptr(GError) error = NULL;

  awards = chorus_store_load_awards_finish (CHORUS_STORE (object), result, &error);
  if (take_error (self, error))
    return;

  g_clear_pointer (&self->awards, chorus_awards_unref);
  self->awards = g_steal_pointer (&awards);
  show_results (self);
}

static void
on_ranked_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusChallengeResults) self = user_data;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;

  ranking = chorus_store_rank_challenge_finish (CHORUS_STORE (object), result, &error);
  if (take_error (self, error))
    return;

  g_clear_pointer (&self->ranking, chorus_ranking_unref);
  self->ranking = g_steal_pointer (&ranking);
  chorus_store_load_awards_async (self->store, chorus_ranking_get_challenge_id (self->ranking), self->cancellable,
                                  on_awards_loaded_cb, g_object_ref (self));
}

static void
load (ChorusChallengeResults *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->dirty = FALSE;
  if (self->store == NULL || self->challenge == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  chorus_store_rank_challenge_async (self->store, chorus_challenge_get_id (self->challenge), self->cancellable,
                                     on_ranked_cb, g_object_ref (self));
}

/* After a change made from the view: says what came of it, and reads
 * the results again when it was made. */
void
_chorus_results_changed (ChorusChallengeResults *self,
                         const char             *message,
                         const GError           *error)
{
  _chorus_results_toast (self, error != NULL ? error->message : message);
  if (error != NULL)
    return;

  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);
  ChorusChallengeExportKind kind = CHORUS_CHALLENGE_EXPORT_IMAGES;

  if (self->ranking == NULL || self->awards == NULL)
    return;

  if (g_str_equal (action_name, "results.export-csv"))
    kind = CHORUS_CHALLENGE_EXPORT_CSV;
  else if (g_str_equal (action_name, "results.export-pdf"))
    kind = CHORUS_CHALLENGE_EXPORT_PDF;
  chorus_challenge_export (widget, kind, self->challenge, self->ranking, self->awards);
}

static void
chorus_challenge_results_map (GtkWidget *widget)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);

  GTK_WIDGET_CLASS (chorus_challenge_results_parent_class)->map (widget);

  if (self->dirty)
    load (self);
}

static void
chorus_challenge_results_dispose (GObject *object)
{
  ChorusChallengeResults *self = (ChorusChallengeResults *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->fit_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CHALLENGE_RESULTS);

  g_clear_object (&self->mean_column);
  g_clear_object (&self->bayesian_column);
  g_clear_object (&self->store);
  g_clear_object (&self->challenge);
  g_clear_pointer (&self->ranking, chorus_ranking_unref);
  g_clear_pointer (&self->awards, chorus_awards_unref);

  G_OBJECT_CLASS (chorus_challenge_results_parent_class)->dispose (object);
}

static void
chorus_challenge_results_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);

  gtk_widget_measure (GTK_WIDGET (self->state_stack), orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

/* As a GtkBinLayout would, but knowing the width first: the ranking's
 * columns fit it. */
static void
chorus_challenge_results_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);

  _chorus_results_fit_columns (self, width);
  gtk_widget_allocate (GTK_WIDGET (self->state_stack), width, height, baseline, NULL);
}

static void
chorus_challenge_results_class_init (ChorusChallengeResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_challenge_results_dispose;
  widget_class->map = chorus_challenge_results_map;
  widget_class->measure = chorus_challenge_results_measure;
  widget_class->size_allocate = chorus_challenge_results_size_allocate;

  /**
   * ChorusChallengeResults::changed:
   *
   * A change made from the view (a vote excluded, a winner chosen…)
   * was written.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (CHORUS_TYPE_RANKED_ITEM);
  g_type_ensure (CHORUS_TYPE_STACK_SWITCHER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-challenge-results.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, pages);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, votes_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, agreement_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, ranking_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, items);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, winners_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, rewards_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, totals_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, votes_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, notices_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeResults, notices_list);

  gtk_widget_class_install_action (widget_class, "results.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "results.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "results.export-images", NULL, export_action);
  _chorus_results_class_add_actions (widget_class);
}

static void
chorus_challenge_results_init (ChorusChallengeResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _chorus_results_build_ranking (self);
}

/**
 * chorus_challenge_results_set_challenge:
 * @store: (nullable): the workspace
 * @challenge: (nullable): the challenge to show
 *
 * Shows @challenge's results, read again (now if the view is shown, else
 * once it is): the same challenge may have changed elsewhere.
 */
void
chorus_challenge_results_set_challenge (ChorusChallengeResults *self,
                                        ChorusStore            *store,
                                        ChorusChallenge        *challenge)
{
  gboolean other;

  g_return_if_fail (CHORUS_IS_CHALLENGE_RESULTS (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));
  g_return_if_fail (!challenge || CHORUS_IS_CHALLENGE (challenge));

  other = store != self->store || challenge == NULL || self->challenge == NULL ||
          chorus_challenge_get_id (challenge) != chorus_challenge_get_id (self->challenge);
  g_set_object (&self->store, store);
  g_set_object (&self->challenge, challenge);

  if (other)
    {
      g_cancellable_cancel (self->cancellable);
      g_list_store_remove_all (self->items);
      g_clear_pointer (&self->ranking, chorus_ranking_unref);
      g_clear_pointer (&self->awards, chorus_awards_unref);
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
    }

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/* Returns: (transfer none) (nullable): the ranking shown, or %NULL while it is read */
ChorusRanking *
chorus_challenge_results_get_ranking (ChorusChallengeResults *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE_RESULTS (self), NULL);

  return self->ranking;
}

/* Returns: (transfer none) (nullable): the winners and ledger shown */
ChorusAwards *
chorus_challenge_results_get_awards (ChorusChallengeResults *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE_RESULTS (self), NULL);

  return self->awards;
}

/* Returns: (transfer none): the table's rows, #ChorusRankedItem in rank order */
GListModel *
chorus_challenge_results_get_items (ChorusChallengeResults *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE_RESULTS (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* Shows "ranking", "awards" or "votes". */
void
chorus_challenge_results_show_page (ChorusChallengeResults *self,
                                    const char             *name)
{
  g_return_if_fail (CHORUS_IS_CHALLENGE_RESULTS (self));

  gtk_stack_set_visible_child_name (self->pages, name);
}
