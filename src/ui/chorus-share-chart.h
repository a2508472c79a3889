/* chorus-share-chart.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-analysis.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SHARE_CHART (chorus_share_chart_get_type ())

G_DECLARE_FINAL_TYPE (ChorusShareChart, chorus_share_chart, CHORUS, SHARE_CHART, GtkWidget)

GtkWidget *chorus_share_chart_new          (void);
void       chorus_share_chart_set_analysis (ChorusShareChart     *self,
                                            ChorusAnalysis       *analysis,
                                            const char * const   *labels);
GPtrArray *chorus_share_chart_dup_bars     (ChorusAnalysis       *analysis,
                                            const char * const   *labels);
gboolean   chorus_share_chart_get_bar_span (ChorusShareChart     *self,
                                            guint                 index,
                                            double               *zero_x,
                                            double               *end_x);

G_END_DECLS
