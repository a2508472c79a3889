/* chorus-jury-score-row.c
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

/* One criterion of the jury's scorecard: its name, its share of the
 * entry's score, and a spin button from 0 to 10 in half points (a typed
 * score may have one decimal). A spin button always holds a number, so
 * "no score yet" is the step below 0, shown as an empty field: pressing +
 * from there gives 0, and − from 0 (or Clear, or emptying the field)
 * takes the score away. A locked row (winners chosen) shows the score
 * as a label instead, with nothing to press. Typed
 * scores take either decimal separator, since GtkSpinButton reads only
 * the C locale's. */

#define NO_SCORE (-0.5)

struct _ChorusJuryScoreRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *spin;
  GtkButton     *clear_button;
  GtkLabel      *score_label;
  gint64         criterion_id;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (ChorusJuryScoreRow, chorus_jury_score_row, ADW_TYPE_ACTION_ROW)

enum {
  SCORE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
on_spin_input_cb (GtkSpinButton      *spin,
                  double             *value,
                  ChorusJuryScoreRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  char *end = NULL;

  if (*text == '\0')
    {
      *value = NO_SCORE;
      return TRUE;
    }

  g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    return GTK_INPUT_ERROR;

  *value = CLAMP (*value, 0, CHORUS_JURY_SCORE_MAX);
  return TRUE;
}

static gboolean
on_spin_output_cb (GtkSpinButton      *spin,
                   ChorusJuryScoreRow *self)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = value < 0 ? g_strdup ("") : g_strdup_printf ("%.1f", value);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
update_clear_button (ChorusJuryScoreRow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), gtk_spin_button_get_value (self->spin) >= 0);
}

static void
on_spin_value_changed_cb (ChorusJuryScoreRow *self)
{
  update_clear_button (self);
  if (!self->updating)
    g_signal_emit (self, signals[SCORE_CHANGED], 0);
}

static void
on_clear_button_clicked_cb (ChorusJuryScoreRow *self)
{
  gtk_spin_button_set_value (self->spin, NO_SCORE);
}

static void
chorus_jury_score_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_JURY_SCORE_ROW);

  G_OBJECT_CLASS (chorus_jury_score_row_parent_class)->dispose (object);
}

static void
chorus_jury_score_row_class_init (ChorusJuryScoreRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_jury_score_row_dispose;

  /**
   * ChorusJuryScoreRow::score-changed:
   *
   * The juror set or cleared the score (not emitted by
   * chorus_jury_score_row_set_score()).
   */
  signals[SCORE_CHANGED] = g_signal_new ("score-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-jury-score-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryScoreRow, spin);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryScoreRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusJuryScoreRow, score_label);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
}

static void
chorus_jury_score_row_init (ChorusJuryScoreRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * chorus_jury_score_row_new:
 * @criterion: what the row scores
 * @share: the criterion's share of the entry's score, 0 to 1
 * @score: the score so far, or NaN
 */
GtkWidget *
chorus_jury_score_row_new (const ChorusCriterion *criterion,
                           double                 share,
                           double                 score)
{
  ChorusJuryScoreRow *self = g_object_new (CHORUS_TYPE_JURY_SCORE_ROW, "title", criterion->name, NULL);
  g_autofree char *percent = chorus_format_percent (share);
  g_autofree char *subtitle = NULL;

  /* Translators: under a jury criterion; %s is its share such as “40%”. */
  subtitle = g_strdup_printf (_("%s of the entry’s score"), percent);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, criterion->name, -1);
  self->criterion_id = criterion->id;
  chorus_jury_score_row_set_score (self, score);

  return GTK_WIDGET (self);
}

gint64
chorus_jury_score_row_get_criterion_id (ChorusJuryScoreRow *self)
{
  g_return_val_if_fail (CHORUS_IS_JURY_SCORE_ROW (self), 0);

  return self->criterion_id;
}

/* Returns: the score, 0 to 10 with one decimal, or NaN when there is none */
double
chorus_jury_score_row_get_score (ChorusJuryScoreRow *self)
{
  double value;

  g_return_val_if_fail (CHORUS_IS_JURY_SCORE_ROW (self), NAN);

  value = gtk_spin_button_get_value (self->spin);
  return value < 0 ? NAN : round (value * 10) / 10;
}

/* Shows @score (NaN for none) without emitting ::score-changed. */
void
chorus_jury_score_row_set_score (ChorusJuryScoreRow *self,
                                 double              score)
{
  g_return_if_fail (CHORUS_IS_JURY_SCORE_ROW (self));

  self->updating = TRUE;
  gtk_spin_button_set_value (self->spin, isnan (score) ? NO_SCORE : score);
  /* Shown even when the value stayed (a new row starts at NO_SCORE). */
  on_spin_output_cb (self->spin, self);
  update_clear_button (self);
  self->updating = FALSE;
}

/* Shows the score as a label, without the spin button and Clear, when
 * @locked: the jury's scores no longer change. */
void
chorus_jury_score_row_set_locked (ChorusJuryScoreRow *self,
                                  gboolean            locked)
{
  double score;
  g_autofree char *text = NULL;

  g_return_if_fail (CHORUS_IS_JURY_SCORE_ROW (self));

  score = chorus_jury_score_row_get_score (self);
  /* An em dash for a criterion nobody scored. */
  text = isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.1f", score);
  gtk_label_set_label (self->score_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), locked);
  gtk_widget_set_visible (GTK_WIDGET (self->spin), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), !locked);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), locked ? NULL : GTK_WIDGET (self->spin));
}

gboolean
chorus_jury_score_row_is_locked (ChorusJuryScoreRow *self)
{
  g_return_val_if_fail (CHORUS_IS_JURY_SCORE_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->score_label));
}
