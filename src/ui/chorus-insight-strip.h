/* chorus-insight-strip.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-store-insights.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_INSIGHT_STRIP (chorus_insight_strip_get_type ())

G_DECLARE_FINAL_TYPE (ChorusInsightStrip, chorus_insight_strip, CHORUS, INSIGHT_STRIP, GtkWidget)

GtkWidget            *chorus_insight_strip_new          (void);
void                  chorus_insight_strip_set_insights (ChorusInsightStrip   *self,
                                                         const ChorusInsights *insights);
const ChorusInsights *chorus_insight_strip_get_insights (ChorusInsightStrip   *self);
double                chorus_insight_strip_get_day_x    (ChorusInsightStrip   *self,
                                                         guint                 day);

G_END_DECLS
