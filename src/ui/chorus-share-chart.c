/* chorus-share-chart.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-chart-draw.h"
#include "chorus-format.h"
#include "chorus-share-chart.h"
#include "chorus-verdict.h"

/* The variants' shares with their 95 % intervals and their chance to be
 * best, in the theme's colours (so it reads in dark mode). Screen readers
 * get the same figures as one description. */

struct _ChorusShareChart
{
  GtkWidget  parent_instance;

  GPtrArray *bars;       /* of ChorusChartBar */
  double     reference;
};

G_DEFINE_FINAL_TYPE (ChorusShareChart, chorus_share_chart, GTK_TYPE_WIDGET)

static void
bar_free (ChorusChartBar *bar)
{
  g_free ((char *) bar->label);
  g_free (bar->caption);
  g_free (bar);
}

/**
 * chorus_share_chart_dup_bars:
 * @labels: (array zero-terminated=1): the variants' names
 *
 * Returns: (transfer full) (element-type ChorusChartBar): what the chart
 *   draws for @analysis, for the window and the PDF report
 */
GPtrArray *
chorus_share_chart_dup_bars (ChorusAnalysis     *analysis,
                             const char * const *labels)
{
  GPtrArray *bars = g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  guint best = chorus_analysis_get_best (analysis);
  gboolean enough = chorus_analysis_has_enough_data (analysis);

  for (guint i = 0; i < chorus_analysis_get_n_variants (analysis); i++)
    {
      const ChorusAnalysisVariant *variant = chorus_analysis_get_variant (analysis, i);
      ChorusChartBar *bar = g_new0 (ChorusChartBar, 1);
      g_autofree char *share = chorus_verdict_format_share (variant->share);
      g_autofree char *chance = chorus_format_percent (variant->chance_to_beat_all);

      bar->label = g_strdup (labels[i]);
      bar->share = variant->share;
      bar->low = variant->wilson_low;
      bar->high = variant->wilson_high;
      bar->leading = enough && variant->index == best;
      /* Translators: a variant's figures on the chart: its share such as "40.2%", then its chance to be
       * the best variant such as "72%". */
      bar->caption = g_strdup_printf (_("%s · %s chance to be best"), share, chance);
      g_ptr_array_add (bars, bar);
    }

  return bars;
}

static void
update_description (ChorusShareChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      ChorusChartBar *bar = g_ptr_array_index (self->bars, i);
      g_autofree char *low = chorus_verdict_format_share (bar->low);
      g_autofree char *high = chorus_verdict_format_share (bar->high);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: read by screen readers for one bar of the chart: a variant's name, its figures,
       * and the two ends of its 95% interval. */
      g_string_append_printf (text, _("%s: %s, 95%% interval %s to %s"), bar->label, bar->caption, low, high);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

static void
chorus_share_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ChorusShareChart *self = CHORUS_SHARE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 240;
  else
    *minimum = *natural = self->bars->len > 0 ? chorus_chart_get_height (self->bars->len) : 0;
}

static void
chorus_share_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ChorusShareChart *self = CHORUS_SHARE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  ChorusChartColors colors;
  cairo_t *cr;

  if (self->bars->len == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colors.foreground);
  gdk_rgba_parse (&colors.accent, dark ? "#78aeed" : "#1c71d8");
  colors.track = colors.foreground;
  colors.track.alpha = dark ? 0.12 : 0.08;
  colors.whisker = colors.foreground;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  chorus_chart_draw (cr, gtk_widget_get_pango_context (widget), width,
                     (ChorusChartBar * const *) self->bars->pdata, self->bars->len, self->reference,
                     gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL, &colors);
  cairo_destroy (cr);
}

static void
chorus_share_chart_finalize (GObject *object)
{
  ChorusShareChart *self = CHORUS_SHARE_CHART (object);

  g_ptr_array_unref (self->bars);

  G_OBJECT_CLASS (chorus_share_chart_parent_class)->finalize (object);
}

static void
chorus_share_chart_class_init (ChorusShareChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = chorus_share_chart_finalize;
  widget_class->measure = chorus_share_chart_measure;
  widget_class->snapshot = chorus_share_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chorus-share-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chorus_share_chart_init (ChorusShareChart *self)
{
  self->bars = g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
chorus_share_chart_new (void)
{
  return g_object_new (CHORUS_TYPE_SHARE_CHART, NULL);
}

/**
 * chorus_share_chart_set_analysis:
 * @analysis: (nullable): what to draw, or %NULL for nothing
 * @labels: (array zero-terminated=1) (nullable): the variants' names
 */
void
chorus_share_chart_set_analysis (ChorusShareChart   *self,
                                 ChorusAnalysis     *analysis,
                                 const char * const *labels)
{
  g_return_if_fail (CHORUS_IS_SHARE_CHART (self));

  g_ptr_array_unref (self->bars);
  self->bars = analysis != NULL ? chorus_share_chart_dup_bars (analysis, labels)
                                : g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  self->reference = analysis != NULL && chorus_analysis_get_design (analysis) == CHORUS_ANALYSIS_POLL
                    ? 1.0 / chorus_analysis_get_n_variants (analysis) : 0.0;

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * chorus_share_chart_get_bar_span:
 * @index: a variant's position on the chart
 * @zero_x: (out): where its bar starts, at 0 %, in the chart's coordinates
 * @end_x: (out): where its bar ends, at its share
 *
 * Where the chart draws a bar, for tests of the layout: right to left,
 * bars grow from the right edge.
 *
 * Returns: %FALSE when the chart has no such bar
 */
gboolean
chorus_share_chart_get_bar_span (ChorusShareChart *self,
                                 guint             index,
                                 double           *zero_x,
                                 double           *end_x)
{
  g_return_val_if_fail (CHORUS_IS_SHARE_CHART (self), FALSE);

  if (index >= self->bars->len)
    return FALSE;

  chorus_chart_get_bar_span (gtk_widget_get_width (GTK_WIDGET (self)),
                             (ChorusChartBar * const *) self->bars->pdata, self->bars->len, self->reference,
                             gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL, index, zero_x, end_x);
  return TRUE;
}
