/* chorus-format-number.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-format.h"

/* Numbers as a person reads them, in the locale the program runs in: the
 * C library's printf() follows LC_NUMERIC (which main() sets from the
 * environment) for the decimal separator, and its ' flag adds the digit
 * grouping; the catalog says how a percentage is written. Files for other
 * programs (CSV, JSON, ISO 8601 dates) never come through here: they use
 * g_ascii_formatd() and friends, which ignore the locale (chorus-csv.c). */

/* Spanish, French and German put a space between a number and its "%",
 * and a line must not break there, whichever space the translation typed. */
static char *
keep_percent_sign_attached (char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " %", -1);

  g_free (text);
  return g_strjoinv ("\u00a0%", parts);
}

/**
 * chorus_format_count:
 * @count: a number
 *
 * Returns: (transfer full): @count with the locale's digit grouping
 *   ("1,234,567", "1.234.567")
 */
char *
chorus_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

/**
 * chorus_format_decimal:
 * @value: a number
 * @decimals: how many decimals to show
 *
 * Returns: (transfer full): @value with the locale's decimal separator
 *   and digit grouping ("1,234.5", "1.234,5"), or "—" for NaN
 */
char *
chorus_format_decimal (double value,
                       guint  decimals)
{
  if (isnan (value))
    return g_strdup ("—");

  return g_strdup_printf ("%'.*f", (int) MIN (decimals, 9), value);
}

/**
 * chorus_format_percent:
 * @fraction: a share between 0 and 1
 *
 * Returns: (transfer full): the share as a whole percentage, the locale's
 *   way ("46%", "46 %" with a no-break space)
 */
char *
chorus_format_percent (double fraction)
{
  /* Translators: a percentage; use "%.0f %%" where a space goes before the sign. */
  return keep_percent_sign_attached (g_strdup_printf (C_("percentage", "%.0f%%"), fraction * 100.0));
}

/**
 * chorus_format_share:
 * @fraction: a share or a rate between 0 and 1
 *
 * Returns: (transfer full): the percentage with one decimal, the locale's
 *   way ("55.9%", "55,9 %" with a no-break space)
 */
char *
chorus_format_share (double fraction)
{
  /* Translators: a percentage with one decimal; use "%.1f %%" where a space goes before the sign. */
  return keep_percent_sign_attached (g_strdup_printf (C_("percentage", "%.1f%%"), fraction * 100.0));
}
