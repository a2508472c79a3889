/* fuzz-csv.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A CSV file as the importers read it: the reader row by row, the whole
 * table, then what the CRM import makes of its header and of each cell of
 * its match column, and what the manual campaign results import makes of
 * its rows. */

#include "config.h"

#include "chorus-campaign-results.h"
#include "chorus-crm-import.h"
#include "chorus-csv.h"
#include "fuzz-util.h"

#define N_VARIANTS 4

static void
read_rows (GBytes *bytes)
{
  g_autoptr(ChorusCsvReader) reader = NULL;
  ChorusCsvStatus status;

  if (!(reader = chorus_csv_reader_new (bytes, NULL)))
    return;

  g_assert (chorus_csv_reader_get_n_columns (reader) == g_strv_length ((GStrv) chorus_csv_reader_get_header (reader)));
  do
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0;

      status = chorus_csv_reader_next (reader, &fields, &line, &error);
      if (status == CHORUS_CSV_ROW)
        g_assert (g_strv_length (fields) == chorus_csv_reader_get_n_columns (reader));
      else if (status == CHORUS_CSV_BAD_ROW)
        g_assert (error != NULL);
    }
  while (status != CHORUS_CSV_END);
}

static void
import_people (ChorusCsvTable *table)
{
  g_autoptr(ChorusCrmMapping) mapping = chorus_crm_mapping_guess (chorus_csv_table_get_header (table));
  g_autofree char *json = NULL;
  int match;

  chorus_crm_mapping_check (mapping, NULL);
  json = chorus_crm_mapping_to_json (mapping);
  match = chorus_crm_mapping_get_match_column (mapping);

  for (guint i = 0; match >= 0 && i < chorus_csv_table_get_n_rows (table); i++)
    {
      const ChorusCsvRow *row = chorus_csv_table_get_row (table, i);
      g_autofree char *url = NULL;
      ChorusCrmKey key = { 0 };

      chorus_crm_key_parse (&key, row->fields[match]);
      chorus_crm_key_clear (&key);
      url = chorus_crm_normalize_url (row->fields[match]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ChorusCampaignResults) results = NULL;
  g_autoptr(ChorusCsvTable) table = NULL;

  fuzz_init ();

  read_rows (bytes);

  if (!(table = chorus_csv_table_new_from_bytes (bytes, NULL)))
    return 0;

  import_people (table);
  if ((results = chorus_campaign_results_from_csv (table, N_VARIANTS, NULL)))
    chorus_campaign_results_check (results, N_VARIANTS, NULL);

  return 0;
}
