/* chorus-challenge-editor.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chorus-challenge-draft.h"
#include "chorus-challenge-editor.h"
#include "chorus-date-row.h"
#include "chorus-format.h"
#include "chorus-store-challenge-write.h"
#include "chorus-store-team.h"

/* A co-creation challenge, new or as the workspace holds it: brief and
 * hashtag, the four dates, terms, prizes and eligibility, the voting scale
 * and how the ranking weighs the community against the jury, the jury
 * (one check per team member) and its scoring criteria. The team and the
 * challenge are read in workers before the form can be used. Saving hands
 * the draft to the store, which checks it; what it refuses is shown in a
 * band above the form, and the window stays open. */

typedef struct
{
  GtkWidget *check;
  gint64     member_id;
} Juror;

typedef struct
{
  GtkWidget *row;
  GtkWidget *weight;
  gint64     id;         /* the stored criterion, or 0 */
} Criterion;

struct _ChorusChallengeEditor
{
  AdwWindow             parent_instance;

  ChorusStore          *store;
  gint64                challenge_id;
  GCancellable         *cancellable;
  GArray               *jurors;        /* of Juror */
  GPtrArray            *criteria;      /* of Criterion */
  gboolean              ready;

  GtkWidget            *spinner;
  GtkRevealer          *band_revealer;
  GtkLabel             *band_label;
  GtkWidget            *page;
  GtkEditable          *title_row;
  GtkEditable          *hashtag_row;
  GtkTextView          *brief_view;
  ChorusDateRow        *submissions_open_row;
  ChorusDateRow        *submissions_close_row;
  ChorusDateRow        *voting_open_row;
  ChorusDateRow        *voting_close_row;
  GtkTextView          *terms_view;
  GtkTextView          *prizes_view;
  GtkTextView          *eligibility_view;
  AdwComboRow          *scale_row;
  GtkRange             *weight_scale;
  GtkLabel             *weight_label;
  AdwPreferencesGroup  *jury_group;
  AdwPreferencesGroup  *criteria_group;
};

G_DEFINE_FINAL_TYPE (ChorusChallengeEditor, chorus_challenge_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* The scales in the order the combo row lists them. */
static const char * const scales[] = { "score5", "support" };

static void
show_error (ChorusChallengeEditor *self,
            const char            *message)
{
  if (message != NULL)
    gtk_label_set_label (self->band_label, message);
  gtk_revealer_set_reveal_child (self->band_revealer, message != NULL);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
update_actions (ChorusChallengeEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->ready && !gtk_widget_get_visible (self->spinner));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-criterion",
                                 self->ready && self->criteria->len < CHORUS_CHALLENGE_MAX_CRITERIA);
}

static void
on_weight_scale_value_changed_cb (ChorusChallengeEditor *self,
                                  GtkRange              *scale)
{
  g_autofree char *text = chorus_format_weighting (gtk_range_get_value (scale) / 100.0);

  gtk_label_set_label (self->weight_label, text);
}

/* ---- The jury: one check per team member ---- */

static void
add_juror_row (ChorusChallengeEditor *self,
               ChorusTeamMember      *member)
{
  GtkWidget *row = adw_action_row_new ();
  Juror juror = { gtk_check_button_new (), chorus_team_member_get_id (member) };
  const char *email = chorus_team_member_get_email (member);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_team_member_get_name (member));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (email != NULL && *email != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email);
  gtk_widget_set_valign (juror.check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (juror.check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chorus_team_member_get_name (member), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), juror.check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), juror.check);
  adw_preferences_group_add (self->jury_group, row);
  g_array_append_val (self->jurors, juror);
}

static void
fill_jury (ChorusChallengeEditor *self,
           GPtrArray             *members)
{
  GtkWidget *row;

  for (guint i = 0; i < members->len; i++)
    add_juror_row (self, g_ptr_array_index (members, i));
  if (members->len > 0)
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No Team Members Yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add the people who judge entries in Preferences, on the "
                                                       "Team page; the community can decide alone until then."));
  adw_preferences_group_add (self->jury_group, row);
}

/* ---- Scoring criteria: a name, a weight and a remove button each ---- */

static void
on_remove_criterion_clicked_cb (GtkButton *button,
                                gpointer   user_data)
{
  ChorusChallengeEditor *self = user_data;

  for (guint i = 0; i < self->criteria->len; i++)
    {
      Criterion *criterion = g_ptr_array_index (self->criteria, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), criterion->row))
        {
          adw_preferences_group_remove (self->criteria_group, criterion->row);
          g_ptr_array_remove_index (self->criteria, i);
          break;
        }
    }
  update_actions (self);
}

static Criterion *
add_criterion_row (ChorusChallengeEditor *self,
                   const char            *name,
                   double                 weight,
                   gint64                 id)
{
  Criterion *criterion = g_new0 (Criterion, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  criterion->id = id;
  criterion->row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criterion->row), C_("challenge field", "Criterion"));
  gtk_editable_set_text (GTK_EDITABLE (criterion->row), name);

  criterion->weight = gtk_spin_button_new_with_range (0, 100, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (criterion->weight), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (criterion->weight), weight);
  gtk_widget_set_valign (criterion->weight, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (criterion->weight, _("Weight"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (criterion->weight), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (criterion->row), criterion->weight);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Criterion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Criterion"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_criterion_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (criterion->row), remove);

  adw_preferences_group_add (self->criteria_group, criterion->row);
  g_ptr_array_add (self->criteria, criterion);
  update_actions (self);
  return criterion;
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChorusChallengeEditor *self = CHORUS_CHALLENGE_EDITOR (widget);

  gtk_widget_grab_focus (add_criterion_row (self, "", 1, 0)->row);
}

/* ---- The draft, in and out of the form ---- */

static void
show_draft (ChorusChallengeEditor *self,
            ChorusChallengeDraft  *draft)
{
  gtk_editable_set_text (self->title_row, draft->title);
  gtk_editable_set_text (self->hashtag_row, draft->hashtag);
  set_text (self->brief_view, draft->brief);
  chorus_date_row_set_time (self->submissions_open_row, draft->submissions_open);
  chorus_date_row_set_time (self->submissions_close_row, draft->submissions_close);
  chorus_date_row_set_time (self->voting_open_row, draft->voting_open);
  chorus_date_row_set_time (self->voting_close_row, draft->voting_close);
  set_text (self->terms_view, draft->terms);
  set_text (self->prizes_view, draft->prizes);
  set_text (self->eligibility_view, draft->eligibility);
  adw_combo_row_set_selected (self->scale_row, g_strcmp0 (draft->scale, scales[1]) == 0 ? 1 : 0);
  gtk_range_set_value (self->weight_scale, round (draft->community_weight * 100.0));
  on_weight_scale_value_changed_cb (self, self->weight_scale);

  for (guint i = 0; i < self->jurors->len; i++)
    {
      Juror *juror = &g_array_index (self->jurors, Juror, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (juror->check),
                                   chorus_challenge_draft_has_juror (draft, juror->member_id));
    }
  for (guint i = 0; i < draft->criteria->len; i++)
    {
      ChorusCriterionDraft *criterion = g_ptr_array_index (draft->criteria, i);

      add_criterion_row (self, criterion->name, criterion->weight, criterion->id);
    }

  self->ready = TRUE;
  gtk_widget_set_sensitive (self->page, TRUE);
  gtk_widget_set_visible (self->spinner, FALSE);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static ChorusChallengeDraft *
build_draft (ChorusChallengeEditor *self)
{
  ChorusChallengeDraft *draft = chorus_challenge_draft_new (gtk_editable_get_text (self->title_row));
  guint scale = adw_combo_row_get_selected (self->scale_row);

  chorus_challenge_draft_set_text (&draft->hashtag, gtk_editable_get_text (self->hashtag_row));
  g_free (draft->brief);
  draft->brief = dup_text (self->brief_view);
  g_free (draft->terms);
  draft->terms = dup_text (self->terms_view);
  g_free (draft->prizes);
  draft->prizes = dup_text (self->prizes_view);
  g_free (draft->eligibility);
  draft->eligibility = dup_text (self->eligibility_view);
  draft->submissions_open = chorus_date_row_get_time (self->submissions_open_row);
  draft->submissions_close = chorus_date_row_get_time (self->submissions_close_row);
  draft->voting_open = chorus_date_row_get_time (self->voting_open_row);
  draft->voting_close = chorus_date_row_get_time (self->voting_close_row);
  chorus_challenge_draft_set_text (&draft->scale, scales[MIN (scale, G_N_ELEMENTS (scales) - 1)]);
  draft->community_weight = round (gtk_range_get_value (self->weight_scale)) / 100.0;

  for (guint i = 0; i < self->jurors->len; i++)
    {
      Juror *juror = &g_array_index (self->jurors, Juror, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (juror->check)))
        chorus_challenge_draft_add_juror (draft, juror->member_id);
    }
  for (guint i = 0; i < self->criteria->len; i++)
    {
      Criterion *criterion = g_ptr_array_index (self->criteria, i);

      chorus_challenge_draft_add_criterion (draft, gtk_editable_get_text (GTK_EDITABLE (criterion->row)),
                                            gtk_spin_button_get_value (GTK_SPIN_BUTTON (criterion->weight)))->id =
        criterion->id;
    }

  return draft;
}

/* ---- Reading the team and the challenge ---- */

/* A read that failed leaves the form closed, with the reason above it. */
static void
report_load_error (ChorusChallengeEditor *self,
                   GError                *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_visible (self->spinner, FALSE);
  show_error (self, error->message);
}

static void
on_draft_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ChorusChallengeEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusChallengeDraft) draft = chorus_store_load_challenge_draft_finish (CHORUS_STORE (object), result,
                                                                                    &error);

  if (draft == NULL)
    report_load_error (self, error);
  else
    show_draft (self, draft);
}

static void
on_members_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ChorusChallengeEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = chorus_store_list_team_members_finish (CHORUS_STORE (object), result, &error);
  g_autoptr(ChorusChallengeDraft) draft = NULL;
  g_autoptr(GDateTime) today = NULL;

  if (members == NULL)
    {
      report_load_error (self, error);
      return;
    }

  fill_jury (self, members);
  if (self->challenge_id != 0)
    {
      chorus_store_load_challenge_draft_async (self->store, self->challenge_id, self->cancellable,
                                               on_draft_loaded_cb, g_object_ref (self));
      return;
    }

  draft = chorus_challenge_draft_new (NULL);
  today = g_date_time_new_now_local ();
  chorus_challenge_draft_set_default_dates (draft, today);
  show_draft (self, draft);
}

/* ---- Saving ---- */

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChorusChallengeEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_change_challenge_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_visible (self->spinner, FALSE);
  update_actions (self);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusChallengeEditor *self = CHORUS_CHALLENGE_EDITOR (widget);
  g_autoptr(ChorusChallengeDraft) draft = NULL;

  if (!self->ready || gtk_widget_get_visible (self->spinner))
    return;

  draft = build_draft (self);
  gtk_widget_set_visible (self->spinner, TRUE);
  update_actions (self);
  if (self->challenge_id == 0)
    chorus_store_create_challenge_async (self->store, draft, self->cancellable, on_saved_cb, g_object_ref (self));
  else
    chorus_store_edit_challenge_async (self->store, self->challenge_id, draft, self->cancellable, on_saved_cb,
                                       g_object_ref (self));
}

static void
chorus_challenge_editor_dispose (GObject *object)
{
  ChorusChallengeEditor *self = CHORUS_CHALLENGE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CHALLENGE_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->jurors, g_array_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_challenge_editor_parent_class)->dispose (object);
}

static void
chorus_challenge_editor_class_init (ChorusChallengeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_challenge_editor_dispose;

  /**
   * ChorusChallengeEditor::saved:
   * @id: the challenge's id
   *
   * The challenge was stored; the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CHORUS_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-challenge-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, band_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, band_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, page);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, hashtag_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, brief_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, submissions_open_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, submissions_close_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, voting_open_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, voting_close_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, terms_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, prizes_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, eligibility_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, weight_scale);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, weight_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, jury_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusChallengeEditor, criteria_group);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_scale_value_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_challenge_editor_init (ChorusChallengeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->jurors = g_array_new (FALSE, FALSE, sizeof (Juror));
  self->criteria = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_visible (self->spinner, TRUE);
  on_weight_scale_value_changed_cb (self, self->weight_scale);
  update_actions (self);
}

/**
 * chorus_challenge_editor_new:
 * @parent: the window it is modal for
 * @challenge_id: the challenge to edit, or 0 for a new one
 *
 * The form opens closed, and opens once the team (and the challenge) are
 * read.
 */
ChorusChallengeEditor *
chorus_challenge_editor_new (GtkWindow   *parent,
                             ChorusStore *store,
                             gint64       challenge_id)
{
  ChorusChallengeEditor *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_CHALLENGE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->challenge_id = challenge_id;
  gtk_window_set_title (GTK_WINDOW (self), challenge_id != 0 ? _("Edit Challenge") : _("New Challenge"));
  chorus_store_list_team_members_async (store, self->cancellable, on_members_listed_cb, g_object_ref (self));

  return self;
}

/* Whether the form is filled in and can be saved. */
gboolean
chorus_challenge_editor_is_ready (ChorusChallengeEditor *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE_EDITOR (self), FALSE);

  return self->ready;
}
