/* bench-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"

static int
by_value (gconstpointer a,
          gconstpointer b)
{
  double difference = *(const double *) a - *(const double *) b;

  return (difference > 0) - (difference < 0);
}

/* Sorts @values (of double) and returns the smallest one that at least
 * @fraction of them do not exceed (the nearest rank). */
double
bench_percentile (GArray *values,
                  double  fraction)
{
  double wanted = fraction * values->len;
  guint count = (guint) wanted;

  if (values->len == 0)
    return 0;
  if (count < wanted)
    count++;
  g_array_sort (values, by_value);

  return g_array_index (values, double, count > 0 ? MIN (count, values->len) - 1 : 0);
}

/* A line of /proc/self/status, such as VmRSS, in MiB, or -1. */
double
bench_status_mib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || !(line = strstr (status, key)))
    return -1;

  return g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
}

static gboolean
on_spun_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the default main context for @ms milliseconds. */
void
bench_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spun_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
