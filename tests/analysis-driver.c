/* analysis-driver.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints a pre-test's statistics as JSON, for check-analysis-scipy.py:
 *
 *   analysis-driver poll C1 C2 …
 *   analysis-driver rates C1/E1 C2/E2 …
 *
 * Bad input prints its message on stderr and exits with 1. */

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "chorus-analysis.h"

static gboolean
parse_number (const char  *text,
              gint64      *value,
              GError     **error)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, error);
}

static gboolean
parse_variant (const char  *arg,
               gboolean     rates,
               gint64      *count,
               gint64      *exposures,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (!rates)
    return parse_number (arg, count, error);

  parts = g_strsplit (arg, "/", 2);
  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not SUCCESSES/EXPOSURES", arg);
      return FALSE;
    }

  return parse_number (parts[0], count, error) && parse_number (parts[1], exposures, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree gint64 *counts = NULL;
  g_autofree gint64 *exposures = NULL;
  g_autofree char *json = NULL;
  gboolean rates;
  guint n;

  setlocale (LC_ALL, "");

  if (argc < 2 || (strcmp (argv[1], "poll") != 0 && strcmp (argv[1], "rates") != 0))
    {
      g_printerr ("Usage: %s poll C1 C2 … | rates C1/E1 C2/E2 …\n", argv[0]);
      return 1;
    }

  rates = strcmp (argv[1], "rates") == 0;
  n = argc - 2;
  counts = g_new0 (gint64, MAX (n, 1));
  exposures = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (!parse_variant (argv[i + 2], rates, &counts[i], &exposures[i], &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }

  analysis = chorus_analysis_new (counts, rates ? exposures : NULL, n, &error);
  if (analysis == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  node = chorus_analysis_to_json (analysis, NULL);
  json = json_to_string (node, TRUE);
  g_print ("%s\n", json);

  return 0;
}
