/* chorus-stats-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numeric primitives behind ChorusAnalysis (see chorus-stats.c). Each
 * returns NaN for arguments outside its domain. */

/* log Γ(a) via lgamma(), and the densities of Gamma(a, 1) and Beta(a, b),
 * computed without the cancellation of lgamma() for large shapes. */
double _chorus_stats_log_gamma       (double        a);
double _chorus_stats_gamma_pdf       (double        a,
                                      double        x);
double _chorus_stats_beta_pdf        (double        a,
                                      double        b,
                                      double        x);

/* Regularized incomplete gamma P(a, x) and Q(a, x) = 1 − P(a, x). The
 * smaller of the two is computed directly, so both keep full relative
 * precision; _chorus_stats_gamma_pq() returns both at once. */
double _chorus_stats_gamma_p         (double        a,
                                      double        x);
double _chorus_stats_gamma_q         (double        a,
                                      double        x);
void   _chorus_stats_gamma_pq        (double        a,
                                      double        x,
                                      double       *p,
                                      double       *q);

/* Regularized incomplete beta I_x(a, b), and both it and 1 − I_x(a, b). */
double _chorus_stats_beta_inc        (double        a,
                                      double        b,
                                      double        x);
void   _chorus_stats_beta_inc_pq     (double        a,
                                      double        b,
                                      double        x,
                                      double       *p,
                                      double       *q);

/* P(χ²_df > x). */
double _chorus_stats_chi2_sf         (double        x,
                                      double        df);

/* Standard normal Φ(x) and Φ⁻¹(p). */
double _chorus_stats_normal_cdf      (double        x);
double _chorus_stats_normal_quantile (double        p);

/* The Wilson score interval of successes out of trials at the given z;
 * [0, 1] when there are no trials. */
void   _chorus_stats_wilson          (gint64        successes,
                                      gint64        trials,
                                      double        z,
                                      double       *low,
                                      double       *high);

/* Holm's step-down adjustment of n p-values into adjusted (may be the
 * same array). NaN p-values are left out of the family and stay NaN. */
void   _chorus_stats_holm            (const double *p_values,
                                      double       *adjusted,
                                      guint         n);

typedef double (*ChorusStatsFunc) (double   x,
                                   gpointer user_data);

/* ∫ func over [points[0], points[n_points − 1]], by adaptive
 * Gauss–Kronrod 7-15 started on the pieces between the sorted points
 * (n_points ≥ 2). Refines until the estimated error is at most
 * max (abs_tolerance, rel_tolerance · |result|); error may be NULL.
 * Like any quadrature it can miss a peak much narrower than the piece it
 * lies in, so give points around such peaks. */
double _chorus_stats_integrate       (ChorusStatsFunc func,
                                      gpointer        user_data,
                                      const double   *points,
                                      guint           n_points,
                                      double          abs_tolerance,
                                      double          rel_tolerance,
                                      double         *error);

G_END_DECLS
