/* chorus-chart-draw.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chorus-chart-draw.h"
#include "chorus-format.h"

/* The pre-test chart, drawn with cairo for the window and for the PDF
 * report alike: per variant, its name and caption (on two lines where the
 * chart is narrow, then ellipsized), then a bar
 * for its share with the 95 % interval as a whisker; a dashed line marks
 * equal preference, and a light axis gives the scale. Right to left, the
 * bars grow from the right and the texts swap sides. */

#define BAR_HEIGHT   CHORUS_CHART_BAR_HEIGHT
#define TEXT_GAP     CHORUS_CHART_TEXT_GAP
#define WHISKER_CAP   6
/* Between a variant's name and its caption. */
#define LABEL_GAP    16

int
chorus_chart_get_height (guint n_bars)
{
  return (int) n_bars * CHORUS_CHART_ROW_HEIGHT + CHORUS_CHART_AXIS_HEIGHT;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The top of the scale: the highest interval bound, rounded up to the
 * next 10 %, so small shares are not squeezed against the left edge. */
static double
scale_max (ChorusChartBar * const *bars,
           guint                 n_bars,
           double                reference)
{
  double top = MAX (reference, 0.1);

  for (guint i = 0; i < n_bars; i++)
    top = MAX (top, MAX (bars[i]->high, bars[i]->share));

  return MIN (1.0, ceil (top * 10.0 - 1e-9) / 10.0);
}

static double
to_x (double   fraction,
      double   top,
      double   width,
      gboolean rtl)
{
  double x = CLAMP (fraction / top, 0.0, 1.0) * width;

  return rtl ? width - x : x;
}

static void
set_weight (PangoLayout *layout,
            gboolean     bold)
{
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));

  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

/* Draws @layout, laid out, with its text's start or (@at_end) end at @x. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             gboolean     at_end)
{
  PangoRectangle logical;

  /* A right-to-left text (a name in Arabic or Hebrew) sits at the right
   * of its layout's width, so place the text itself, not the layout. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, (at_end ? x - logical.width : x) - logical.x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A variant's name: one line, in bold, ellipsized at @max_width. */
static void
show_label (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            double       x,
            double       y,
            double       max_width,
            gboolean     at_end)
{
  set_weight (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  show_layout (cr, layout, x, y, at_end);
}

/**
 * chorus_chart_layout_caption:
 * @layout: a layout of the context the chart is drawn with
 * @bar: a row of the chart
 * @width: the chart's width
 * @rtl: whether the chart is drawn right to left
 *
 * Lays @layout out as @bar's caption: beside the variant's name, in what
 * room the name leaves but at least half the chart, on a second line where
 * it does not fit on one, and ending in an ellipsis only where two lines
 * are not enough. Its lines hug the chart's end edge.
 *
 * Returns: the width of the caption's slot, which its text never exceeds
 */
double
chorus_chart_layout_caption (PangoLayout          *layout,
                             const ChorusChartBar *bar,
                             double                width,
                             gboolean              rtl)
{
  int label_width;
  double slot;

  set_weight (layout, TRUE);
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_text (layout, bar->label, -1);
  pango_layout_get_pixel_size (layout, &label_width, NULL);
  slot = MAX (1, MAX (width / 2.0, width - label_width - LABEL_GAP));

  set_weight (layout, FALSE);
  pango_layout_set_text (layout, bar->caption, -1);
  pango_layout_set_width (layout, (int) (slot * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Two lines at most: a negative height counts lines. */
  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* Right to left the caption is at the left edge: its lines hug it. */
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  return slot;
}

/**
 * chorus_chart_get_bar_span:
 * @index: which bar
 * @zero_x: (out): where the bar starts, at 0 %
 * @end_x: (out): where it ends, at its share
 *
 * Where chorus_chart_draw() draws the bar @index, the others arguments
 * being the same: right to left, @zero_x is the right edge.
 */
void
chorus_chart_get_bar_span (double                  width,
                           ChorusChartBar * const *bars,
                           guint                   n_bars,
                           double                  reference,
                           gboolean                rtl,
                           guint                   index,
                           double                 *zero_x,
                           double                 *end_x)
{
  double top = scale_max (bars, n_bars, reference);

  g_return_if_fail (index < n_bars);

  *zero_x = to_x (0, top, width, rtl);
  *end_x = to_x (bars[index]->share, top, width, rtl);
}

static void
draw_bar (cairo_t                 *cr,
          const ChorusChartBar    *bar,
          double                   y,
          double                   width,
          double                   top,
          gboolean                 rtl,
          const ChorusChartColors *colors)
{
  double zero = to_x (0, top, width, rtl);
  double end = to_x (bar->share, top, width, rtl);
  double low = to_x (bar->low, top, width, rtl);
  double high = to_x (bar->high, top, width, rtl);
  double middle = y + BAR_HEIGHT / 2.0;

  set_color (cr, &colors->track, 1.0);
  cairo_rectangle (cr, 0, y, width, BAR_HEIGHT);
  cairo_fill (cr);

  set_color (cr, bar->leading ? &colors->accent : &colors->foreground, bar->leading ? 1.0 : 0.45);
  cairo_rectangle (cr, MIN (zero, end), y, fabs (end - zero), BAR_HEIGHT);
  cairo_fill (cr);

  /* The interval: a line with a cap at each end. */
  set_color (cr, &colors->whisker, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, low, middle);
  cairo_line_to (cr, high, middle);
  cairo_move_to (cr, low, middle - WHISKER_CAP);
  cairo_line_to (cr, low, middle + WHISKER_CAP);
  cairo_move_to (cr, high, middle - WHISKER_CAP);
  cairo_line_to (cr, high, middle + WHISKER_CAP);
  cairo_stroke (cr);
}

/* Equal preference, dashed across a bar. */
static void
draw_reference (cairo_t                 *cr,
                double                   x,
                double                   y,
                const ChorusChartColors *colors)
{
  const double dashes[] = { 3.0, 2.0 };

  set_color (cr, &colors->foreground, 0.8);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, floor (x) + 0.5, y - 4);
  cairo_line_to (cr, floor (x) + 0.5, y + BAR_HEIGHT + 4);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_axis (cairo_t                 *cr,
           PangoLayout             *layout,
           double                   y,
           double                   width,
           double                   top,
           gboolean                 rtl,
           const ChorusChartColors *colors)
{
  guint n_ticks = (guint) lround (top * 10.0);
  guint step = n_ticks > 5 ? 2 : 1;

  set_weight (layout, FALSE);
  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);

  for (guint tick = 0; tick <= n_ticks; tick += step)
    {
      double fraction = tick / 10.0;
      double x = to_x (fraction, top, width, rtl);
      g_autofree char *text = chorus_format_percent (fraction);
      int text_width, text_height;

      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      set_color (cr, &colors->foreground, 0.55);
      cairo_move_to (cr, CLAMP (x - text_width / 2.0, 0, width - text_width), y + 4);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * chorus_chart_draw:
 * @reference: the share of equal preference (1 / the number of variants),
 *   or 0 for none (rates)
 *
 * Draws the chart from (0, 0), @width wide and chorus_chart_get_height()
 * high.
 */
void
chorus_chart_draw (cairo_t                 *cr,
                   PangoContext            *context,
                   double                   width,
                   ChorusChartBar * const  *bars,
                   guint                    n_bars,
                   double                   reference,
                   gboolean                 rtl,
                   const ChorusChartColors *colors)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  double top = scale_max (bars, n_bars, reference);
  double bars_bottom = n_bars * CHORUS_CHART_ROW_HEIGHT;
  int text_height = 0;

  cairo_save (cr);

  /* The bars line up: each below the tallest caption. */
  for (guint i = 0; i < n_bars; i++)
    {
      int caption_height;

      chorus_chart_layout_caption (layout, bars[i], width, rtl);
      pango_layout_get_pixel_size (layout, NULL, &caption_height);
      text_height = MAX (text_height, caption_height);
    }

  for (guint i = 0; i < n_bars; i++)
    {
      double y = i * (double) CHORUS_CHART_ROW_HEIGHT;
      int caption_width;

      chorus_chart_layout_caption (layout, bars[i], width, rtl);
      pango_layout_get_pixel_size (layout, &caption_width, NULL);
      set_color (cr, &colors->foreground, 0.75);
      show_layout (cr, layout, rtl ? 0 : width, y, !rtl);

      set_color (cr, &colors->foreground, 1.0);
      show_label (cr, layout, bars[i]->label, rtl ? width : 0, y, width - caption_width - LABEL_GAP, rtl);

      draw_bar (cr, bars[i], y + text_height + TEXT_GAP, width, top, rtl, colors);
      if (reference > 0)
        draw_reference (cr, to_x (reference, top, width, rtl), y + text_height + TEXT_GAP, colors);
    }

  draw_axis (cr, layout, bars_bottom, width, top, rtl, colors);
  cairo_restore (cr);
}
