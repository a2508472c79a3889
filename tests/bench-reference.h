/* bench-reference.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The machine's bare ingest pipeline, for bench-sync.c to measure the app
 * against in the same run (see bench-reference.c). */

gsize  bench_reference_walk_statuses (JsonNode   *root);
double bench_reference_pipeline      (const char *first_url,
                                      const char *db_path,
                                      guint      *posts_out);

G_END_DECLS
