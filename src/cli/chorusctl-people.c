/* chorusctl-people.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-store-crm.h"
#include "chorusctl-people.h"

/* chorusctl's people, for scripts:
 *
 *   chorusctl --workspace FILE people import-crm FILE.csv --match COLUMN
 *             [--field COLUMN[=NAME]]... [--dry-run]
 *
 * COLUMN is a header of the file (in any case) or a column's number,
 * counting from 1. Without --field every column but the match column is
 * imported, each as the field its header names. The totals go to
 * standard output; --dry-run prints, before them, whom each of the first
 * rows would go to (line, person id or "-", whom) and writes nothing. */

#define DRY_RUN_ROWS 20

/* Applies one --field COLUMN[=NAME]. */
static gboolean
map_field (const ChorusctlCommand *command,
           ChorusCrmMapping       *mapping,
           const char             *spec,
           int                    *status)
{
  g_auto(GStrv) parts = g_strsplit (spec, "=", 2);
  int column = chorus_crm_mapping_find_column (mapping, parts[0]);

  if (column < 0)
    {
      /* Translators: %s is what was given after --field or --match. */
      *status = chorusctl_usage_error (command, _("The file has no column “%s”."), parts[0]);
      return FALSE;
    }

  chorus_crm_mapping_set (mapping, column, CHORUS_CRM_COLUMN_FIELD, parts[1]);
  return TRUE;
}

static ChorusCrmMapping *
build_mapping (const ChorusctlCommand *command,
               ChorusCsvTable         *table,
               const char             *match,
               GStrv                   fields,
               int                    *status)
{
  g_autoptr(ChorusCrmMapping) mapping = chorus_crm_mapping_new (chorus_csv_table_get_header (table));
  g_autoptr(GError) error = NULL;
  guint n = chorus_crm_mapping_get_n_columns (mapping);
  int column = chorus_crm_mapping_find_column (mapping, match);

  if (column < 0)
    {
      *status = chorusctl_usage_error (command, _("The file has no column “%s”."), match);
      return NULL;
    }

  for (guint i = 0; fields == NULL && i < n; i++)
    chorus_crm_mapping_set (mapping, i, CHORUS_CRM_COLUMN_FIELD, NULL);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      if (!map_field (command, mapping, fields[i], status))
        return NULL;
    }
  chorus_crm_mapping_set (mapping, column, CHORUS_CRM_COLUMN_MATCH, NULL);

  if (!chorus_crm_mapping_check (mapping, &error))
    {
      *status = chorusctl_usage_error (command, "%s", error->message);
      return NULL;
    }

  return g_steal_pointer (&mapping);
}

static void
print_totals (const ChorusCrmTotals *totals)
{
  g_autofree char *text = chorus_crm_totals_dup_text (totals);

  g_print ("%s\n", text);
}

static int
dry_run (ChorusStore      *store,
         ChorusCsvTable   *table,
         ChorusCrmMapping *mapping)
{
  g_autoptr(ChorusCrmPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  if (!(preview = chorus_store_preview_crm_import (store, table, mapping, DRY_RUN_ROWS, NULL, &error)))
    return chorusctl_fail (error);

  for (guint i = 0; i < preview->rows->len; i++)
    {
      ChorusCrmPreviewRow *row = g_ptr_array_index (preview->rows, i);
      g_autofree char *whom = chorus_crm_preview_row_dup_match (row);
      g_autofree char *id = row->person_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, row->person_id)
                                                : g_strdup ("-");

      g_strdelimit (whom, "\t\r\n", ' ');
      g_print ("%u\t%s\t%s\n", row->line, id, whom);
    }

  print_totals (&preview->totals);
  return CHORUSCTL_EXIT_OK;
}

static int
import_crm (const ChorusctlCommand *command,
            const ChorusctlGlobals *globals,
            const char             *path,
            const char             *match,
            GStrv                   fields,
            gboolean                preview_only)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ChorusCsvTable) table = NULL;
  g_autoptr(ChorusCrmMapping) mapping = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ChorusCrmTotals totals = { 0, };
  int status = CHORUSCTL_EXIT_OK;

  if (!(table = chorus_csv_table_new_for_file (file, NULL, &error)))
    return chorusctl_fail (error);

  if (!(mapping = build_mapping (command, table, match, fields, &status)))
    return status;

  if (!(store = chorusctl_open_workspace (globals, &error)))
    return chorusctl_fail (error);

  if (preview_only)
    return dry_run (store, table, mapping);

  if (!chorus_store_import_crm (store, table, mapping, &totals, &error))
    return chorusctl_fail (error);

  print_totals (&totals);
  return CHORUSCTL_EXIT_OK;
}

static int
run_people (const ChorusctlCommand *command,
            const ChorusctlGlobals *globals,
            int                     argc,
            char                  **argv)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *match = NULL;
  gboolean preview_only = FALSE;
  const GOptionEntry entries[] = {
    { "match", 0, 0, G_OPTION_ARG_STRING, &match,
      N_("import-crm: the column that finds the people (a handle or profile address)"), N_("COLUMN") },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fields,
      N_("import-crm: a column to import, as the field NAME or as its header; repeat for more (without --field, every other column)"),
      N_("COLUMN[=NAME]") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &preview_only,
      N_("import-crm: show whom the first rows would go to, and write nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &words, NULL, NULL },
    { NULL }
  };
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (words == NULL || g_strv_length (words) != 2 || !g_str_equal (words[0], "import-crm"))
    return chorusctl_usage_error (command, _("Say what to do: import-crm FILE.csv."));

  if (match == NULL)
    return chorusctl_usage_error (command, _("Give the column that finds the people with --match."));

  return import_crm (command, globals, words[1], match, fields, preview_only);
}

const ChorusctlCommand chorusctl_people_command = {
  "people",
  N_("import-crm FILE.csv --match COLUMN"),
  N_("Import people’s CRM fields from a CSV file"),
  TRUE,
  run_people,
};
