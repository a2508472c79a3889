/* chorus-designs-pane.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-challenge-editor.h"
#include "chorus-challenge-results.h"
#include "chorus-challenge.h"
#include "chorus-designs-pane.h"
#include "chorus-format.h"
#include "chorus-entry-add-dialog.h"
#include "chorus-jury-window.h"
#include "chorus-kiosk-window.h"
#include "chorus-stack-switcher.h"
#include "chorus-store-jury.h"
#include "chorus-submission-review.h"
#include "chorus-submission-tile.h"
#include "chorus-submission.h"

/* Co-creation challenges on the side, the selected one's entries as a
 * gallery of thumbnails: the entries in the challenge, those waiting for
 * review, or those rejected. Clicking one opens it in the moderation
 * dialog (chorus-submission-review.c). New Challenge and Edit Challenge
 * open the editor (chorus-challenge-editor.c); the challenge it saved is
 * selected once the list is read again. Jury opens the jurors'
 * scorecards (chorus-jury-window.c) once the challenge has a jury and
 * criteria. Its Results view ranks the entries, with winners, rewards
 * and flagged votes (chorus-challenge-results.c). */

struct _ChorusDesignsPane
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  AdwLeaflet    *leaflet;
  GtkListBox    *challenges_list;
  GtkWidget     *content_box;
  GtkLabel      *title_label;
  GtkLabel      *phase_label;
  GtkLabel      *brief_label;
  GtkLabel      *facts_label;
  GtkStack      *entries_stack;
  GtkGridView   *grid_view;
  GtkNoSelection *submissions_selection;
  GtkToggleButton *show_entries;
  GtkToggleButton *show_review;
  GtkToggleButton *show_rejected;
  GtkLabel        *review_label;
  GtkLabel        *rejected_label;
  AdwStatusPage *entries_empty_page;
  ChorusChallengeResults *results;
  GtkFilter     *view_filter;
  GtkFilterListModel *shown;
  gint64         challenge_id;
  ChorusChallenge *challenge;
  gint64         saved_id;      /* to select once listed, or 0 */

  ChorusStore   *store;
  GListStore    *challenges;
  GListStore    *submissions;
  GCancellable  *cancellable;
  GCancellable  *entries_cancellable;
};

G_DEFINE_FINAL_TYPE (ChorusDesignsPane, chorus_designs_pane, GTK_TYPE_WIDGET)

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
format_phase (ChorusChallenge *challenge)
{
  return chorus_format_challenge_phase (now_unix (),
                                        chorus_challenge_get_submissions_open (challenge),
                                        chorus_challenge_get_submissions_close (challenge),
                                        chorus_challenge_get_voting_open (challenge),
                                        chorus_challenge_get_voting_close (challenge));
}

static GtkWidget *
create_challenge_row (gpointer item,
                      gpointer user_data)
{
  ChorusChallenge *challenge = item;
  g_autofree char *phase = format_phase (challenge);
  g_autofree char *subtitle = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (chorus_challenge_get_title (challenge));
  GtkWidget *detail;

  /* Translators: "#SummitTee · Voting until Nov 27". */
  subtitle = g_strdup_printf (_("#%s · %s"), chorus_challenge_get_hashtag (challenge), phase);
  detail = gtk_label_new (subtitle);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);

  return box;
}

static char *
build_facts (ChorusChallenge *challenge)
{
  guint entries = chorus_challenge_get_submission_count (challenge);
  guint votes = chorus_challenge_get_vote_count (challenge);
  g_autofree char *entries_count = chorus_format_count (entries);
  g_autofree char *votes_count = chorus_format_count (votes);
  g_autofree char *entries_text = NULL;
  g_autofree char *votes_text = NULL;
  const char *scale;

  /* Translators: %s is a number formatted for the locale. */
  entries_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s entry", "%s entries", entries),
                                  entries_count);
  /* Translators: %s is a number formatted for the locale. */
  votes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s community vote", "%s community votes", votes),
                                votes_count);

  if (g_strcmp0 (chorus_challenge_get_scale (challenge), "support") == 0)
    scale = _("one vote per supporter");
  else
    scale = _("scored from 0 to 5");

  /* Translators: "24 entries · 312 community votes · scored from 0 to 5". */
  return g_strdup_printf (_("%s · %s · %s"), entries_text, votes_text, scale);
}

/* "pending", "rejected", or NULL for the entries in the challenge (the
 * accepted and those still waiting). */
static const char *
shown_moderation (ChorusDesignsPane *self)
{
  if (gtk_toggle_button_get_active (self->show_review))
    return "pending";
  if (gtk_toggle_button_get_active (self->show_rejected))
    return "rejected";
  return NULL;
}

static gboolean
match_view (gpointer item,
            gpointer user_data)
{
  ChorusDesignsPane *self = user_data;
  const char *wanted = shown_moderation (self);
  const char *moderation = chorus_submission_get_moderation (item);

  return wanted != NULL ? g_strcmp0 (moderation, wanted) == 0 : g_strcmp0 (moderation, "rejected") != 0;
}

static void
update_entries_page (ChorusDesignsPane *self)
{
  const char *wanted = shown_moderation (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    {
      gtk_stack_set_visible_child_name (self->entries_stack, "grid");
      return;
    }

  if (g_strcmp0 (wanted, "pending") == 0)
    {
      adw_status_page_set_title (self->entries_empty_page, _("Nothing to Review"));
      adw_status_page_set_description (self->entries_empty_page,
                                       _("New entries wait here until someone accepts or rejects them."));
    }
  else if (g_strcmp0 (wanted, "rejected") == 0)
    {
      adw_status_page_set_title (self->entries_empty_page, _("No Rejected Entries"));
      adw_status_page_set_description (self->entries_empty_page, NULL);
    }
  else
    {
      adw_status_page_set_title (self->entries_empty_page, _("No Entries Yet"));
      adw_status_page_set_description (self->entries_empty_page,
                                       _("Posts with the challenge’s hashtag and an image become entries, and "
                                         "you can add files by hand."));
    }
  gtk_stack_set_visible_child_name (self->entries_stack, "empty");
}

static void
update_view_labels (ChorusDesignsPane *self)
{
  GListModel *all = G_LIST_MODEL (self->submissions);
  guint pending = 0, rejected = 0;
  g_autofree char *review = NULL;
  g_autofree char *refused = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ChorusSubmission) submission = g_list_model_get_item (all, i);
      const char *moderation = chorus_submission_get_moderation (submission);

      pending += g_strcmp0 (moderation, "pending") == 0;
      rejected += g_strcmp0 (moderation, "rejected") == 0;
    }

  /* Translators: a view of a challenge's entries; %u is how many wait for review. */
  review = pending > 0 ? g_strdup_printf (C_("entries", "To Review (%u)"), pending)
                       : g_strdup (C_("entries", "To Review"));
  /* Translators: a view of a challenge's entries; %u is how many were rejected. */
  refused = rejected > 0 ? g_strdup_printf (C_("entries", "Rejected (%u)"), rejected)
                         : g_strdup (C_("entries", "Rejected"));
  gtk_label_set_label (self->review_label, review);
  gtk_label_set_label (self->rejected_label, refused);
}

static void
on_view_toggled_cb (ChorusDesignsPane *self,
                    GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_filter_changed (self->view_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_entries_page (self);
}

static void
on_submissions_listed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(ChorusDesignsPane) self = user_data;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GError) error = NULL;

  submissions = chorus_store_list_submissions_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (submissions == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_list_store_splice (self->submissions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->submissions)),
                       submissions->pdata, submissions->len);
  update_view_labels (self);
  update_entries_page (self);
}

static void
list_entries (ChorusDesignsPane *self)
{
  g_cancellable_cancel (self->entries_cancellable);
  g_clear_object (&self->entries_cancellable);
  self->entries_cancellable = g_cancellable_new ();

  chorus_store_list_submissions_async (self->store, self->challenge_id, self->entries_cancellable,
                                       on_submissions_listed_cb, g_object_ref (self));
}

static void list_challenges (ChorusDesignsPane *self);

/* A vote excluded from the ranking changes the gallery's counts. */
static void
on_results_changed_cb (ChorusDesignsPane *self)
{
  list_entries (self);
}

static void
on_reviewed_cb (gpointer      user_data,
                const char   *message,
                const GError *error)
{
  ChorusDesignsPane *self = user_data;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error ? error->message : message));
  if (error == NULL && self->store != NULL)
    list_challenges (self);
}

static void
on_grid_view_activate_cb (ChorusDesignsPane *self,
                          guint              position,
                          GtkGridView       *grid_view)
{
  g_autoptr(ChorusSubmission) submission = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (submission != NULL && self->store != NULL)
    chorus_submission_review_present (GTK_WIDGET (self), self->store, submission, on_reviewed_cb, self);
}

static void
on_jury_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChorusDesignsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusJury) jury = chorus_store_load_jury_finish (CHORUS_STORE (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.jury", jury != NULL && chorus_jury_is_ready (jury));
}

static void
show_challenge (ChorusDesignsPane *self,
                ChorusChallenge   *challenge)
{
  g_autofree char *phase = format_phase (challenge);
  g_autofree char *facts = build_facts (challenge);
  const char *brief = chorus_challenge_get_brief (challenge);

  gtk_label_set_label (self->title_label, chorus_challenge_get_title (challenge));
  gtk_label_set_label (self->phase_label, phase);
  gtk_label_set_label (self->brief_label, brief);
  gtk_widget_set_visible (GTK_WIDGET (self->brief_label), brief != NULL && *brief != '\0');
  gtk_label_set_label (self->facts_label, facts);

  g_set_object (&self->challenge, challenge);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.kiosk",
                                 now_unix () >= chorus_challenge_get_voting_open (challenge) &&
                                 now_unix () < chorus_challenge_get_voting_close (challenge));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.add-entry",
                                 now_unix () < chorus_challenge_get_voting_close (challenge));
  if (chorus_challenge_get_id (challenge) != self->challenge_id)
    {
      g_list_store_remove_all (self->submissions);
      gtk_stack_set_visible_child_name (self->entries_stack, "loading");
    }
  self->challenge_id = chorus_challenge_get_id (challenge);
  chorus_challenge_results_set_challenge (self->results, self->store, challenge);
  list_entries (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.jury", FALSE);
  chorus_store_load_jury_async (self->store, self->challenge_id, self->entries_cancellable, on_jury_loaded_cb,
                                g_object_ref (self));
}

static void
on_challenges_list_row_selected_cb (ChorusDesignsPane *self,
                                    GtkListBoxRow     *row,
                                    GtkListBox        *list)
{
  g_autoptr(ChorusChallenge) challenge = NULL;

  if (row == NULL)
    return;

  challenge = g_list_model_get_item (G_LIST_MODEL (self->challenges), gtk_list_box_row_get_index (row));
  show_challenge (self, challenge);
}

static void
on_challenges_list_row_activated_cb (ChorusDesignsPane *self,
                                     GtkListBoxRow     *row,
                                     GtkListBox        *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked_cb (ChorusDesignsPane *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_challenges_listed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ChorusDesignsPane) self = user_data;
  g_autoptr(GPtrArray) challenges = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;
  gint64 wanted;

  challenges = chorus_store_list_challenges_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (challenges == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_list_store_splice (self->challenges, 0, g_list_model_get_n_items (G_LIST_MODEL (self->challenges)),
                       challenges->pdata, challenges->len);
  wanted = self->saved_id != 0 ? self->saved_id : self->challenge_id;
  self->saved_id = 0;

  if (challenges->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "content");
  for (guint i = 0; i < challenges->len; i++)
    if (chorus_challenge_get_id (challenges->pdata[i]) == wanted)
      selected = i;
  chorus_designs_pane_select (self, selected);
}

static void
list_challenges (ChorusDesignsPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  chorus_store_list_challenges_async (self->store, self->cancellable, on_challenges_listed_cb,
                                      g_object_ref (self));
}

static void
kiosk_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChorusDesignsPane *self = CHORUS_DESIGNS_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ChorusKioskWindow *kiosk;

  if (self->challenge == NULL || self->store == NULL)
    return;

  kiosk = chorus_kiosk_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->challenge);
  gtk_window_fullscreen (GTK_WINDOW (kiosk));
  gtk_window_present (GTK_WINDOW (kiosk));
}

static void
on_entry_added_cb (ChorusEntryAddDialog *dialog,
                   gint64                id,
                   gpointer              user_data)
{
  ChorusDesignsPane *self = user_data;

  if (self->store != NULL)
    list_challenges (self);
}

static ChorusEntryAddDialog *
open_entry_dialog (ChorusDesignsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ChorusEntryAddDialog *dialog;

  if (self->challenge == NULL || self->store == NULL ||
      !gtk_widget_is_sensitive (GTK_WIDGET (self)) ||
      now_unix () >= chorus_challenge_get_voting_close (self->challenge))
    return NULL;

  dialog = chorus_entry_add_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->challenge);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_entry_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_entry_dialog (CHORUS_DESIGNS_PANE (widget));
}

/* Image files dropped on the gallery: the first becomes an entry, through
 * the same dialog. */
static gboolean
on_gallery_drop_cb (GtkDropTarget *target,
                    const GValue  *value,
                    double         x,
                    double         y,
                    gpointer       user_data)
{
  ChorusDesignsPane *self = user_data;
  ChorusEntryAddDialog *dialog;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !(files = gdk_file_list_get_files (g_value_get_boxed (value))))
    return FALSE;
  if ((dialog = open_entry_dialog (self)) != NULL)
    chorus_entry_add_dialog_set_file (dialog, files->data);
  g_slist_free (files);
  return dialog != NULL;
}

static void
on_editor_saved_cb (ChorusChallengeEditor *editor,
                    gint64                 id,
                    gpointer               user_data)
{
  ChorusDesignsPane *self = user_data;

  if (self->store == NULL)
    return;
  self->saved_id = id;
  list_challenges (self);
}

static void
open_editor (ChorusDesignsPane *self,
             gint64             challenge_id)
{
  ChorusChallengeEditor *editor;

  if (self->store == NULL)
    return;

  editor = chorus_challenge_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                        challenge_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (CHORUS_DESIGNS_PANE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusDesignsPane *self = CHORUS_DESIGNS_PANE (widget);

  if (self->challenge_id != 0)
    open_editor (self, self->challenge_id);
}

static void
jury_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusDesignsPane *self = CHORUS_DESIGNS_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->challenge != NULL && self->store != NULL)
    gtk_window_present (GTK_WINDOW (chorus_jury_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                            self->store, self->challenge)));
}

static void
chorus_designs_pane_dispose (GObject *object)
{
  ChorusDesignsPane *self = (ChorusDesignsPane *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->entries_cancellable);
  g_clear_object (&self->entries_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_DESIGNS_PANE);

  g_clear_object (&self->challenges);
  g_clear_object (&self->challenge);
  g_clear_object (&self->shown);
  g_clear_object (&self->submissions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (chorus_designs_pane_parent_class)->dispose (object);
}

static void
chorus_designs_pane_class_init (ChorusDesignsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_designs_pane_dispose;

  g_type_ensure (CHORUS_TYPE_SUBMISSION_TILE);
  g_type_ensure (CHORUS_TYPE_CHALLENGE_RESULTS);
  g_type_ensure (CHORUS_TYPE_STACK_SWITCHER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-designs-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, challenges_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, content_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, phase_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, brief_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, grid_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, submissions_selection);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, show_entries);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, show_review);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, show_rejected);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, entries_empty_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusDesignsPane, results);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_challenges_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_challenges_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_changed_cb);

  gtk_widget_class_install_action (widget_class, "designs.kiosk", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "designs.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "designs.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "designs.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "designs.jury", NULL, jury_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_designs_pane_init (ChorusDesignsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->challenges = g_list_store_new (CHORUS_TYPE_CHALLENGE);
  self->submissions = g_list_store_new (CHORUS_TYPE_SUBMISSION);

  gtk_list_box_bind_model (self->challenges_list, G_LIST_MODEL (self->challenges),
                           create_challenge_row, NULL, NULL);
  self->view_filter = GTK_FILTER (gtk_custom_filter_new (match_view, self, NULL));
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->submissions)), self->view_filter);
  gtk_no_selection_set_model (self->submissions_selection, G_LIST_MODEL (self->shown));
  /* With their counts, in some languages, they do not fit a narrow window. */
  chorus_button_shrink_label (GTK_BUTTON (self->show_entries));
  self->review_label = chorus_button_shrink_label (GTK_BUTTON (self->show_review));
  self->rejected_label = chorus_button_shrink_label (GTK_BUTTON (self->show_rejected));
  update_view_labels (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.kiosk", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.add-entry", FALSE);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_gallery_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->entries_stack), GTK_EVENT_CONTROLLER (drop));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.jury", FALSE);
}

void
chorus_designs_pane_set_store (ChorusDesignsPane *self,
                               ChorusStore       *store)
{
  g_return_if_fail (CHORUS_IS_DESIGNS_PANE (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->entries_cancellable);
  g_clear_object (&self->entries_cancellable);
  g_list_store_remove_all (self->submissions);
  g_list_store_remove_all (self->challenges);
  g_clear_object (&self->challenge);
  chorus_challenge_results_set_challenge (self->results, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.kiosk", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.add-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.jury", FALSE);
  g_set_object (&self->store, store);
  self->saved_id = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designs.new", store != NULL);

  if (store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->challenge_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  list_challenges (self);
}

/**
 * chorus_designs_pane_get_challenges:
 *
 * Returns: (transfer none): the #ChorusChallenge list shown on the side
 */
GListModel *
chorus_designs_pane_get_challenges (ChorusDesignsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_DESIGNS_PANE (self), NULL);

  return G_LIST_MODEL (self->challenges);
}

/**
 * chorus_designs_pane_get_submissions:
 *
 * Returns: (transfer none): the entries of the selected challenge that
 *   the gallery shows (those in the challenge, to review, or rejected)
 */
GListModel *
chorus_designs_pane_get_submissions (ChorusDesignsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_DESIGNS_PANE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

void
chorus_designs_pane_select (ChorusDesignsPane *self,
                            guint              position)
{
  GtkListBoxRow *row;

  g_return_if_fail (CHORUS_IS_DESIGNS_PANE (self));

  if ((row = gtk_list_box_get_row_at_index (self->challenges_list, (int) position)))
    gtk_list_box_select_row (self->challenges_list, row);
}

/**
 * chorus_designs_pane_reload:
 *
 * Reads the challenges and the selected one's entries again (after a sync
 * brought new entries or votes), keeping the selection.
 */
void
chorus_designs_pane_reload (ChorusDesignsPane *self)
{
  g_return_if_fail (CHORUS_IS_DESIGNS_PANE (self));

  if (self->store != NULL)
    list_challenges (self);
}
