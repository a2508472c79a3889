/* chorus-chart-draw.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* One variant on the pre-test chart. */
typedef struct
{
  const char *label;
  double      share;      /* share of votes, or rate, 0 to 1 */
  double      low;        /* 95 % interval */
  double      high;
  char       *caption;    /* what the row says at its end, e.g. "40.2% · 72% chance to be best" */
  gboolean    leading;    /* drawn in the accent colour */
} ChorusChartBar;

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA accent;
  GdkRGBA track;
  GdkRGBA whisker;
} ChorusChartColors;

/* A row holds two lines of caption, the gap and the bar. */
#define CHORUS_CHART_ROW_HEIGHT 58
#define CHORUS_CHART_AXIS_HEIGHT 22
#define CHORUS_CHART_BAR_HEIGHT 12
#define CHORUS_CHART_TEXT_GAP 4

int    chorus_chart_get_height     (guint                 n_bars);
double chorus_chart_layout_caption (PangoLayout          *layout,
                                    const ChorusChartBar *bar,
                                    double                width,
                                    gboolean              rtl);
void chorus_chart_draw       (cairo_t                 *cr,
                              PangoContext            *context,
                              double                   width,
                              ChorusChartBar * const  *bars,
                              guint                    n_bars,
                              double                   reference,
                              gboolean                 rtl,
                              const ChorusChartColors *colors);
void chorus_chart_get_bar_span (double                   width,
                                ChorusChartBar * const  *bars,
                                guint                    n_bars,
                                double                   reference,
                                gboolean                 rtl,
                                guint                    index,
                                double                  *zero_x,
                                double                  *end_x);

G_END_DECLS
