/* chorus-campaign-results.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-campaign-results.h"
#include "chorus-error.h"

/* A count above this is a typing mistake, not a result. */
#define MAX_COUNT G_GINT64_CONSTANT (1000000000000)
/* How many bad rows an error lists before it says how many more there are. */
#define MAX_LISTED 10

enum { COLUMN_VARIANT, COLUMN_COUNT, COLUMN_EXPOSURES, COLUMN_CHANNEL, N_COLUMNS };

static const char * const column_names[N_COLUMNS] = { "variant", "count", "exposures", "channel" };

G_DEFINE_BOXED_TYPE (ChorusCampaignResults, chorus_campaign_results,
                     chorus_campaign_results_copy, chorus_campaign_results_free)

static void
clear_row (ChorusResultRow *row)
{
  g_free (row->channel);
}

ChorusCampaignResults *
chorus_campaign_results_new (const char *provenance)
{
  ChorusCampaignResults *self = g_new0 (ChorusCampaignResults, 1);

  self->rows = g_array_new (FALSE, TRUE, sizeof (ChorusResultRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);
  self->provenance = g_strdup (provenance);

  return self;
}

ChorusCampaignResults *
chorus_campaign_results_copy (const ChorusCampaignResults *self)
{
  ChorusCampaignResults *copy = chorus_campaign_results_new (self->provenance);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const ChorusResultRow *row = &g_array_index (self->rows, ChorusResultRow, i);

      chorus_campaign_results_add (copy, row->variant, row->count, row->exposures, row->channel);
    }

  return copy;
}

void
chorus_campaign_results_free (ChorusCampaignResults *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rows);
  g_free (self->provenance);
  g_free (self);
}

void
chorus_campaign_results_add (ChorusCampaignResults *self,
                             guint                  variant,
                             gint64                 count,
                             gint64                 exposures,
                             const char            *channel)
{
  ChorusResultRow row = { variant, count, exposures, NULL };

  if (channel != NULL && *channel != '\0')
    row.channel = g_strdup (channel);
  g_array_append_val (self->rows, row);
}

/* Why one row cannot be used, or %NULL. */
static char *
check_row (const ChorusResultRow *row,
           guint                  n_variants,
           gboolean               with_exposures)
{
  if (row->variant < 1 || row->variant > n_variants)
    /* Translators: %u is a number given as a variant's position; the campaign has fewer. */
    return g_strdup_printf (_("there is no variant %u"), row->variant);
  if (row->count < 0 || row->count > MAX_COUNT)
    return g_strdup (_("the count is not a number of people"));
  if (with_exposures != (row->exposures >= 0))
    return g_strdup (with_exposures ? _("the exposures are missing (other rows have them)")
                                    : _("this row has exposures and the others do not"));
  if (row->exposures > MAX_COUNT)
    return g_strdup (_("the exposures are not a number of people"));
  if (row->exposures >= 0 && row->count > row->exposures)
    /* Translators: the counts of a pre-test result row: the count, then the exposures. */
    return g_strdup_printf (_("the count (%lld) is larger than the exposures (%lld)"),
                            (long long) row->count, (long long) row->exposures);
  return NULL;
}

static void
append_problem (GString    *problems,
                guint      *n_bad,
                guint       line,
                const char *reason)
{
  if (++(*n_bad) > MAX_LISTED)
    return;

  g_string_append_c (problems, '\n');
  if (line > 0)
    /* Translators: one bad row of a file: %u is its line number, %s what is wrong with it. */
    g_string_append_printf (problems, _("Line %u: %s"), line, reason);
  else
    g_string_append (problems, reason);
}

static void
set_problems_error (GError  **error,
                    GString  *problems,
                    guint     n_bad)
{
  g_autoptr(GString) message = g_string_new (NULL);

  /* Translators: the first line of an error that lists the bad rows of a file. */
  g_string_append_printf (message, ngettext ("%u row cannot be used, so nothing was added:",
                                             "%u rows cannot be used, so nothing was added:", n_bad), n_bad);
  g_string_append (message, problems->str);
  if (n_bad > MAX_LISTED)
    {
      g_string_append_c (message, '\n');
      /* Translators: ends a list of bad rows that was cut short. */
      g_string_append_printf (message, ngettext ("…and %u more.", "…and %u more.", n_bad - MAX_LISTED),
                              n_bad - MAX_LISTED);
    }

  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, message->str);
}

/**
 * chorus_campaign_results_check:
 *
 * Results are usable when every row names one of the @n_variants, counts
 * are whole numbers of people, and either every row has exposures (no fewer
 * than its count) or none does.
 */
gboolean
chorus_campaign_results_check (const ChorusCampaignResults *self,
                               guint                        n_variants,
                               GError                     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean with_exposures;
  guint n_bad = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->rows->len == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, _("There are no results to add."));
      return FALSE;
    }

  with_exposures = g_array_index (self->rows, ChorusResultRow, 0).exposures >= 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *reason = check_row (&g_array_index (self->rows, ChorusResultRow, i), n_variants,
                                           with_exposures);

      if (reason != NULL)
        {
          /* Translators: one bad result: %u is the variant's position, %s what is wrong. */
          g_autofree char *text = g_strdup_printf (_("Variant %u: %s"),
                                                   g_array_index (self->rows, ChorusResultRow, i).variant, reason);

          append_problem (problems, &n_bad, 0, text);
        }
    }

  if (n_bad > 0)
    set_problems_error (error, problems, n_bad);
  return n_bad == 0;
}

static gboolean
parse_number (const char *text,
              gint64     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 parsed;

  if (*copy == '\0' || !g_ascii_string_to_unsigned (copy, 10, 0, MAX_COUNT, &parsed, NULL))
    return FALSE;

  *value = (gint64) parsed;
  return TRUE;
}

/* Finds the columns by their header; a file whose first line is data
 * (it starts with a number) has them in the documented order. */
static gboolean
map_columns (ChorusCsvTable  *table,
             int              columns[N_COLUMNS],
             gboolean        *headerless,
             GError         **error)
{
  const char * const *header = chorus_csv_table_get_header (table);
  guint n = chorus_csv_table_get_n_columns (table);
  gint64 ignored;

  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  *headerless = n > 0 && parse_number (header[0], &ignored);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_utf8_strdown (header[i], -1);

      g_strstrip (name);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (*headerless ? i == c && (c != COLUMN_EXPOSURES || n > 2)
                          : g_str_equal (name, column_names[c]))
            columns[c] = (int) i;
        }
    }

  /* Without a header, a third column of words is the channel. */
  if (*headerless && n == 3 && !parse_number (header[2], &ignored))
    {
      columns[COLUMN_CHANNEL] = 2;
      columns[COLUMN_EXPOSURES] = -1;
    }

  if (columns[COLUMN_VARIANT] < 0 || columns[COLUMN_COUNT] < 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The file needs the columns “variant” and “count” (and may have “exposures” and “channel”)."));
      return FALSE;
    }

  return TRUE;
}

static char *
read_row (const char * const *fields,
          const int           columns[N_COLUMNS],
          guint               n_variants,
          gboolean            with_exposures,
          ChorusResultRow    *row)
{
  gint64 variant;

  if (!parse_number (fields[columns[COLUMN_VARIANT]], &variant) || variant < 1 || variant > G_MAXUINT)
    /* Translators: %s is what a file gave as a variant's position. */
    return g_strdup_printf (_("“%s” is not a variant’s position (1 to %u)"), fields[columns[COLUMN_VARIANT]],
                            n_variants);
  row->variant = (guint) variant;
  if (!parse_number (fields[columns[COLUMN_COUNT]], &row->count))
    /* Translators: %s is what a file gave as a count. */
    return g_strdup_printf (_("“%s” is not a count"), fields[columns[COLUMN_COUNT]]);
  row->exposures = -1;
  if (columns[COLUMN_EXPOSURES] >= 0 && !parse_number (fields[columns[COLUMN_EXPOSURES]], &row->exposures))
    /* Translators: %s is what a file gave as a number of exposures. */
    return g_strdup_printf (_("“%s” is not a number of exposures"), fields[columns[COLUMN_EXPOSURES]]);
  if (columns[COLUMN_CHANNEL] >= 0)
    row->channel = g_strstrip (g_strdup (fields[columns[COLUMN_CHANNEL]]));

  return check_row (row, n_variants, with_exposures);
}

/**
 * chorus_campaign_results_from_csv:
 *
 * Reads every row, and refuses the whole file when any row is bad, listing
 * those rows by line. An empty “exposures” cell is an error, not a zero.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
ChorusCampaignResults *
chorus_campaign_results_from_csv (ChorusCsvTable  *table,
                                  guint            n_variants,
                                  GError         **error)
{
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new (chorus_csv_table_get_name (table));
  g_autoptr(GString) problems = g_string_new (NULL);
  int columns[N_COLUMNS];
  gboolean headerless;
  gboolean with_exposures;
  guint n_bad = 0;

  g_return_val_if_fail (table != NULL, NULL);

  if (!map_columns (table, columns, &headerless, error))
    return NULL;
  with_exposures = columns[COLUMN_EXPOSURES] >= 0;

  for (guint i = headerless ? 0 : 1; i <= chorus_csv_table_get_n_rows (table); i++)
    {
      const char * const *fields;
      guint line;
      ChorusResultRow row = { 0, };
      g_autofree char *reason = NULL;

      if (i == 0)
        {
          fields = chorus_csv_table_get_header (table);
          line = 1;
        }
      else
        {
          const ChorusCsvRow *csv_row = chorus_csv_table_get_row (table, i - 1);

          fields = (const char * const *) csv_row->fields;
          line = csv_row->line;
        }

      if ((reason = read_row (fields, columns, n_variants, with_exposures, &row)) != NULL)
        append_problem (problems, &n_bad, line, reason);
      else
        g_array_append_val (results->rows, row);
      if (reason != NULL)
        g_free (row.channel);
    }

  if (n_bad > 0)
    {
      set_problems_error (error, problems, n_bad);
      return NULL;
    }
  if (results->rows->len == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, _("The file has no results in it."));
      return NULL;
    }

  return g_steal_pointer (&results);
}
