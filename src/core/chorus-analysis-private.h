/* chorus-analysis-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-analysis.h"

G_BEGIN_DECLS

/* What chorus-analysis.c computes and chorus-analysis-guide.c (the
 * planner and the time guard) reads. */
struct _ChorusAnalysis
{
  gatomicrefcount         ref_count;
  ChorusAnalysisDesign    design;
  guint                   n_variants;
  guint                   n_pairs;
  guint                   df;
  guint                   best;
  gint64                  total;
  double                  chi_square;
  double                  p_value;
  gboolean                enough_data;
  ChorusAnalysisWarnings  warnings;
  gint64                  time_spread;    /* seconds; 0 until check_times () knows */
  ChorusAnalysisVariant  *variants;
  ChorusAnalysisPair     *pairs;
};

G_END_DECLS
