/* bench-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks that print figures share. */

double bench_percentile (GArray     *values,
                         double      fraction);
double bench_status_mib (const char *field);
void   bench_spin       (guint       ms);

G_END_DECLS
