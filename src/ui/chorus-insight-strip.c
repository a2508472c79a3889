/* chorus-insight-strip.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-insight-strip.h"

/* Above the inbox, the state of the current view at a glance: how many
 * conversations are open, the median time to the brand's first reply,
 * and a small chart of the last days: bars for what customers posted
 * each day and a line for the mood of the conversations active that day
 * (positive minus negative, over all). Drawn with cairo in the theme's
 * colours, so it reads in dark mode; each day's figures are in a tooltip
 * and the chart's accessible description. */

#define CHART_HEIGHT 44
#define BAR_GAP      3

struct _ChorusInsightStrip
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *open_value;
  GtkLabel       *reply_value;
  GtkLabel       *reply_caption;
  GtkWidget      *chart;

  ChorusInsights *insights;
};

G_DEFINE_FINAL_TYPE (ChorusInsightStrip, chorus_insight_strip, GTK_TYPE_WIDGET)

static ChorusInsights *
copy_insights (const ChorusInsights *insights)
{
  ChorusInsights *copy = g_memdup2 (insights, sizeof *insights);

  copy->volume = g_memdup2 (insights->volume, insights->n_days * sizeof (guint));
  copy->positive = g_memdup2 (insights->positive, insights->n_days * sizeof (guint));
  copy->neutral = g_memdup2 (insights->neutral, insights->n_days * sizeof (guint));
  copy->negative = g_memdup2 (insights->negative, insights->n_days * sizeof (guint));

  return copy;
}

/* The mood of a day from -1 (all negative) to 1 (all positive), or NAN
 * when no conversation was active. */
static double
day_mood (const ChorusInsights *insights,
          guint                 day)
{
  guint total = insights->positive[day] + insights->neutral[day] + insights->negative[day];

  if (total == 0)
    return NAN;

  return ((double) insights->positive[day] - (double) insights->negative[day]) / total;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Where @day's slot starts, from the chart's left edge. Right to left,
 * time reads from the right: the newest day is on the left. */
static double
day_slot_start (GtkWidget *chart,
                guint      n_days,
                guint      day,
                double     slot)
{
  guint position = gtk_widget_get_direction (chart) == GTK_TEXT_DIR_RTL ? n_days - 1 - day : day;

  return position * slot;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ChorusInsightStrip *self = user_data;
  const ChorusInsights *insights = self->insights;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA foreground;
  GdkRGBA mood_color;
  guint max_volume = 1;
  double slot;
  gboolean drawing = FALSE;

  if (insights == NULL || insights->n_days == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* libadwaita's green 4 / 2 and red 4 / 2, readable on each background. */
  gdk_rgba_parse (&mood_color, dark ? "#8ff0a4" : "#26a269");

  for (guint day = 0; day < insights->n_days; day++)
    max_volume = MAX (max_volume, insights->volume[day]);

  slot = (double) width / insights->n_days;

  for (guint day = 0; day < insights->n_days; day++)
    {
      double bar = (height - 2) * insights->volume[day] / (double) max_volume;
      double start = day_slot_start (GTK_WIDGET (area), insights->n_days, day, slot);

      set_source (cr, &foreground, day == insights->n_days - 1 ? 0.45 : 0.22);
      cairo_rectangle (cr, start + BAR_GAP / 2.0, height - bar, MAX (slot - BAR_GAP, 1), bar);
      cairo_fill (cr);
    }

  /* The zero line of the mood, then the mood itself. */
  set_source (cr, &foreground, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, height / 2.0 + 0.5);
  cairo_line_to (cr, width, height / 2.0 + 0.5);
  cairo_stroke (cr);

  set_source (cr, &mood_color, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint day = 0; day < insights->n_days; day++)
    {
      double mood = day_mood (insights, day);
      double x = day_slot_start (GTK_WIDGET (area), insights->n_days, day, slot) + slot / 2;
      double y = height / 2.0 - mood * (height / 2.0 - 3);

      if (isnan (mood))
        {
          drawing = FALSE;
          continue;
        }

      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);
}

static char *
describe_day (const ChorusInsights *insights,
              guint                 day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (insights->first_day + (gint64) day * 24 * 60 * 60);
  g_autofree char *when = g_date_time_format (date, C_("insight day", "%a %e %b"));
  g_autofree char *volume = chorus_format_count (insights->volume[day]);
  g_autofree char *positive = chorus_format_count (insights->positive[day]);
  g_autofree char *neutral = chorus_format_count (insights->neutral[day]);
  g_autofree char *negative = chorus_format_count (insights->negative[day]);

  /* Translators: a day of the insight chart: the date, customer posts,
   * then conversations by sentiment; each number is formatted for the locale,
   * and the plural follows the number of posts. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s post; %s positive, %s neutral, %s negative",
                                       "%s: %s posts; %s positive, %s neutral, %s negative",
                                       (gulong) insights->volume[day]),
                          when, volume, positive, neutral, negative);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  ChorusInsightStrip *self = user_data;
  g_autofree char *text = NULL;
  guint day;

  if (self->insights == NULL || self->insights->n_days == 0)
    return FALSE;

  day = (guint) CLAMP (x * (int) self->insights->n_days / MAX (gtk_widget_get_width (widget), 1),
                       0, (int) self->insights->n_days - 1);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    day = self->insights->n_days - 1 - day;

  text = describe_day (self->insights, day);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
new_figure (GtkLabel   **value,
            GtkLabel   **caption_out,
            const char  *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value_label = gtk_label_new (NULL);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (value_label, "title-4");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 14);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);

  *value = GTK_LABEL (value_label);
  if (caption_out != NULL)
    *caption_out = GTK_LABEL (caption_label);

  return box;
}

static void
update (ChorusInsightStrip *self)
{
  const ChorusInsights *insights = self->insights;
  g_autofree char *open = NULL;
  g_autofree char *reply = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  gtk_widget_set_visible (self->box, insights != NULL);
  if (insights == NULL)
    return;

  open = chorus_format_count (insights->open_count);
  gtk_label_set_label (self->open_value, open);

  reply = insights->median_first_reply >= 0 ? chorus_format_duration (insights->median_first_reply)
                                            : g_strdup (C_("no reply time", "—"));
  gtk_label_set_label (self->reply_value, reply);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reply_value),
                               insights->median_first_reply >= 0
                               ? NULL : _("No conversation of these days has a reply from you yet"));

  for (guint day = 0; day < insights->n_days; day++)
    {
      g_autofree char *line = describe_day (insights, day);

      g_string_append_printf (description, "%s%s", day > 0 ? "\n" : "", line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_draw (self->chart);
}

static void
chorus_insight_strip_dispose (GObject *object)
{
  ChorusInsightStrip *self = (ChorusInsightStrip *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->insights, chorus_insights_free);

  G_OBJECT_CLASS (chorus_insight_strip_parent_class)->dispose (object);
}

static void
chorus_insight_strip_class_init (ChorusInsightStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_insight_strip_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorusinsightstrip");
}

static void
chorus_insight_strip_init (ChorusInsightStrip *self)
{
  GtkWidget *chart_box;
  GtkWidget *chart_caption;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Translators: under a number, "53 open": how many conversations are not done yet. */
  gtk_box_append (GTK_BOX (self->box), new_figure (&self->open_value, NULL, C_("conversations", "open")));
  gtk_box_append (GTK_BOX (self->box), new_figure (&self->reply_value, &self->reply_caption,
                                                   _("median first reply")));

  chart_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (chart_box, TRUE);
  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), CHART_HEIGHT - 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_widget_set_has_tooltip (self->chart, TRUE);
  g_signal_connect (self->chart, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Posts and mood per day"), -1);
  chart_caption = gtk_label_new (_("posts and mood, last 14 days"));
  gtk_label_set_xalign (GTK_LABEL (chart_caption), 0);
  /* Wrapped, never cut: a longer translation takes a second line. */
  gtk_label_set_wrap (GTK_LABEL (chart_caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (chart_caption), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (chart_caption, "caption");
  gtk_widget_add_css_class (chart_caption, "dim-label");
  gtk_box_append (GTK_BOX (chart_box), self->chart);
  gtk_box_append (GTK_BOX (chart_box), chart_caption);
  gtk_box_append (GTK_BOX (self->box), chart_box);

  update (self);
}

GtkWidget *
chorus_insight_strip_new (void)
{
  return g_object_new (CHORUS_TYPE_INSIGHT_STRIP, NULL);
}

/**
 * chorus_insight_strip_set_insights:
 * @insights: (nullable): the figures to show (copied), or %NULL to hide them
 */
void
chorus_insight_strip_set_insights (ChorusInsightStrip   *self,
                                   const ChorusInsights *insights)
{
  g_return_if_fail (CHORUS_IS_INSIGHT_STRIP (self));

  g_clear_pointer (&self->insights, chorus_insights_free);
  if (insights != NULL)
    self->insights = copy_insights (insights);
  update (self);
}

const ChorusInsights *
chorus_insight_strip_get_insights (ChorusInsightStrip *self)
{
  g_return_val_if_fail (CHORUS_IS_INSIGHT_STRIP (self), NULL);

  return self->insights;
}

/**
 * chorus_insight_strip_get_day_x:
 * @day: a day of the insights, 0 the oldest
 *
 * Where the chart draws @day's bar, for tests of the layout (right to
 * left, the newest day is on the left).
 *
 * Returns: the middle of the bar, in the strip's coordinates, or -1 when
 *   no chart is shown
 */
double
chorus_insight_strip_get_day_x (ChorusInsightStrip *self,
                                guint               day)
{
  graphene_point_t point;
  double slot;

  g_return_val_if_fail (CHORUS_IS_INSIGHT_STRIP (self), -1);

  if (self->insights == NULL || day >= self->insights->n_days || !gtk_widget_get_mapped (self->chart))
    return -1;

  slot = (double) gtk_widget_get_width (self->chart) / self->insights->n_days;
  point = GRAPHENE_POINT_INIT (day_slot_start (self->chart, self->insights->n_days, day, slot) + slot / 2, 0);
  if (!gtk_widget_compute_point (self->chart, GTK_WIDGET (self), &point, &point))
    return -1;

  return point.x;
}
