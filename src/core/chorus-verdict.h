/* chorus-verdict.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-analysis.h"

G_BEGIN_DECLS

/* The analysis of a pre-test in plain, translated words, the same in the
 * app, its reports and chorusctl. */

/* The difference the planner sizes a test for: 5 points of share or rate. */
#define CHORUS_VERDICT_PLAN_DIFFERENCE 0.05

char      *chorus_verdict_dup_headline  (const ChorusAnalysis *analysis,
                                         const char * const   *labels);
char      *chorus_verdict_dup_test      (const ChorusAnalysis *analysis);
GPtrArray *chorus_verdict_dup_warnings  (const ChorusAnalysis *analysis);
char      *chorus_verdict_dup_plan      (const ChorusAnalysis *analysis);
char      *chorus_verdict_format_share  (double                fraction);
char      *chorus_verdict_format_p      (double                p_value);

G_END_DECLS
