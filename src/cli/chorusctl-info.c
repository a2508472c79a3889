/* chorusctl-info.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-format.h"
#include "chorus-store-info.h"
#include "chorusctl.h"

/* chorusctl --workspace FILE info: what a workspace is and holds. */

static void
print_count (const char *label,
             gint64      count)
{
  g_autofree char *number = chorus_format_count (count);

  g_print ("%s %s\n", label, number);
}

static int
run_info (const ChorusctlCommand *command,
          const ChorusctlGlobals *globals,
          int                     argc,
          char                  **argv)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  ChorusStoreCounts counts;
  int status;

  if ((status = chorusctl_parse_options (command, NULL, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (globals->workspace == NULL)
    return chorusctl_usage_error (command,
                                  _("Name the workspace with --workspace FILE, before the command."));

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !chorus_store_get_counts (store, &counts, &error))
    return chorusctl_fail (error);

  name = chorus_store_dup_name (store);
  /* Translators: labels of "chorusctl info", each followed by a value. */
  g_print ("%s %s\n", _("Name:"), name);
  g_print ("%s %u\n", _("Schema version:"), chorus_store_get_version (store));
  g_print ("%s %s\n", _("Sample:"), chorus_store_is_sample (store) ? _("yes") : _("no"));
  print_count (_("Posts:"), counts.posts);
  print_count (_("Conversations:"), counts.conversations);
  print_count (_("People:"), counts.people);
  print_count (_("Campaigns:"), counts.campaigns);
  print_count (_("Challenges:"), counts.challenges);
  print_count (_("Submissions:"), counts.submissions);

  return CHORUSCTL_EXIT_OK;
}

const ChorusctlCommand chorusctl_info_command = {
  "info",
  "",
  N_("Show a workspace’s name, schema version and size"),
  TRUE,
  run_info,
};
