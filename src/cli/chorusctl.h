/* chorusctl.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chorus-store.h"

G_BEGIN_DECLS

/* What every command shares: the global options, the exit statuses, and the
 * helpers that keep messages and exit codes the same across commands. */

typedef enum
{
  CHORUSCTL_CONTINUE     = -1,  /* not an exit status: carry on */
  CHORUSCTL_EXIT_OK      = 0,
  CHORUSCTL_EXIT_FAILURE = 1,
  CHORUSCTL_EXIT_USAGE   = 2,
} ChorusctlExit;

typedef struct
{
  const char *workspace;   /* --workspace, or NULL */
} ChorusctlGlobals;

typedef struct _ChorusctlCommand ChorusctlCommand;

struct _ChorusctlCommand
{
  const char *name;
  const char *parameters;  /* N_(): what follows the name in the usage line */
  const char *summary;     /* N_(): one line for the command list */
  gboolean    needs_workspace;
  int       (*run)         (const ChorusctlCommand *command,
                            const ChorusctlGlobals *globals,
                            int                     argc,
                            char                  **argv);
};

/* The command groups, one file each. */
extern const ChorusctlCommand chorusctl_account_command;
extern const ChorusctlCommand chorusctl_add_feed_command;
extern const ChorusctlCommand chorusctl_add_mastodon_tag_command;
extern const ChorusctlCommand chorusctl_export_command;
extern const ChorusctlCommand chorusctl_info_command;
extern const ChorusctlCommand chorusctl_sample_command;
extern const ChorusctlCommand chorusctl_sources_command;
extern const ChorusctlCommand chorusctl_sync_command;

int          chorusctl_parse_options   (const ChorusctlCommand  *command,
                                        const GOptionEntry      *entries,
                                        int                     *argc,
                                        char                  ***argv);
int          chorusctl_usage_error     (const ChorusctlCommand  *command,
                                        const char              *format,
                                        ...) G_GNUC_PRINTF (2, 3);
int          chorusctl_fail            (const GError            *error);
ChorusStore *chorusctl_open_workspace  (const ChorusctlGlobals  *globals,
                                        GError                 **error);
gboolean     chorusctl_parse_id        (const char              *text,
                                        gint64                  *id);

G_END_DECLS
