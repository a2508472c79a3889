/* chorusctl.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "chorusctl.h"
#include "chorusctl-campaign.h"
#include "chorusctl-challenge.h"
#include "chorusctl-outbox.h"
#include "chorusctl-people.h"

/* chorusctl: the Chorus core without a window.
 *
 *   chorusctl [--workspace FILE] COMMAND [OPTIONS]
 *
 * Global options come before the command; each command parses its own.
 * Exit status: 0 on success, 1 on failure (one sentence on stderr), 2 on
 * bad usage (with a hint on stderr). */

static const ChorusctlCommand help_command;

static const ChorusctlCommand * const commands[] = {
  &chorusctl_account_command,
  &chorusctl_add_feed_command,
  &chorusctl_add_mastodon_tag_command,
  &chorusctl_campaign_command,
  &chorusctl_challenge_command,
  &chorusctl_export_command,
  &chorusctl_info_command,
  &chorusctl_outbox_command,
  &chorusctl_people_command,
  &chorusctl_reply_command,
  &chorusctl_sample_command,
  &chorusctl_sources_command,
  &chorusctl_sync_command,
  &help_command,
};

static const ChorusctlCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i]->name, name) == 0)
        return commands[i];
    }

  return NULL;
}

static void
print_one_line (const char *prefix,
                const char *message)
{
  g_autofree char *line = g_strdup (message);

  /* Whatever the message, it stays one line on stderr. */
  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("%s%s\n", prefix, g_strstrip (line));
}

int
chorusctl_usage_error (const ChorusctlCommand *command,
                       const char             *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_one_line ("chorusctl: ", message);
  if (command != NULL)
    /* Translators: %s is a chorusctl command, such as “sync”; the quoted text is a command to type, not
     * translated. */
    g_printerr (_("Try “chorusctl %s --help” for more information.\n"), command->name);
  else
    g_printerr (_("Try “chorusctl --help” for more information.\n"));

  return CHORUSCTL_EXIT_USAGE;
}

int
chorusctl_fail (const GError *error)
{
  print_one_line ("chorusctl: ", error->message);
  return CHORUSCTL_EXIT_FAILURE;
}

/**
 * chorusctl_parse_options:
 * @command: the command whose options these are
 * @entries: its options, %NULL-terminated
 * @argc: (inout): the arguments, starting with the command's name
 * @argv: (inout): the arguments
 *
 * Parses a command's options; --help prints its usage.
 *
 * Returns: %CHORUSCTL_CONTINUE to go on, or the status to exit with
 */
int
chorusctl_parse_options (const ChorusctlCommand   *command,
                         const GOptionEntry       *entries,
                         int                      *argc,
                         char                   ***argv)
{
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = NULL;

  /* The usage line reads "chorusctl [--workspace FILE] COMMAND [OPTION…] …". */
  if (command->needs_workspace)
    /* Translators: the start of a usage line; FILE is the option's argument, %s a command. */
    prgname = g_strdup_printf (_("chorusctl --workspace FILE %s"), command->name);
  else
    prgname = g_strdup_printf ("chorusctl %s", command->name);
  g_set_prgname (prgname);
  /* gettext ("") would return the catalog's header. */
  context = g_option_context_new (*command->parameters != '\0' ? _(command->parameters) : NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return chorusctl_usage_error (command, "%s", error->message);

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      return CHORUSCTL_EXIT_OK;
    }

  if (*argc > 1)
    /* Translators: %s is a command-line argument that was not expected. */
    return chorusctl_usage_error (command, _("Unexpected argument “%s”."), (*argv)[1]);

  return CHORUSCTL_CONTINUE;
}

/**
 * chorusctl_open_workspace:
 * @globals: the global options
 * @error: a location for a #GError
 *
 * Opens the workspace named by --workspace, creating it if the file does
 * not exist yet. The caller has checked that --workspace was given.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ChorusStore *
chorusctl_open_workspace (const ChorusctlGlobals  *globals,
                          GError                 **error)
{
  const char *path = globals->workspace;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      /* SQLite would only say "unable to open database file". */
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *display = g_filename_display_name (dir);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s is a folder's name. */
                       _("The workspace cannot be created: the folder “%s” does not exist."),
                       display);
          return NULL;
        }
    }

  return chorus_store_open (path, CHORUS_STORE_OPEN_CREATE, error);
}

static char *
build_command_list (void)
{
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i]->name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s", width, commands[i]->name, _(commands[i]->summary));

  return g_string_free (text, FALSE);
}

static GOptionContext *
new_global_context (char     **workspace,
                    gboolean  *help,
                    gboolean  *version)
{
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, workspace,
      N_("The workspace to work on; created if it does not exist"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show this help"), NULL },
    { NULL }
  };
  g_autofree char *description = build_command_list ();
  GOptionContext *context = g_option_context_new (_("COMMAND [OPTION…]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with Chorus workspaces from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_set_help_enabled (context, FALSE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static int
print_general_help (void)
{
  g_autofree char *workspace = NULL;
  gboolean help = FALSE;
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *text = NULL;

  g_set_prgname ("chorusctl");
  context = new_global_context (&workspace, &help, &version);
  text = g_option_context_get_help (context, TRUE, NULL);
  g_print ("%s", text);

  return CHORUSCTL_EXIT_OK;
}

static int
run_help (const ChorusctlCommand *command,
          const ChorusctlGlobals *globals,
          int                     argc,
          char                  **argv)
{
  const ChorusctlCommand *topic;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return print_general_help ();

  if (argc > 2)
    /* Translators: %s is a command-line argument that was not expected. */
    return chorusctl_usage_error (command, _("Unexpected argument “%s”."), argv[2]);

  if (!(topic = find_command (argv[1])))
    /* Translators: %s is what was typed as a chorusctl command. */
    return chorusctl_usage_error (NULL, _("Unknown command “%s”."), argv[1]);

  help_argv[0] = argv[1];
  return topic->run (topic, globals, 2, help_argv);
}

static const ChorusctlCommand help_command = {
  "help", N_("COMMAND"), N_("Show how to use a command"), FALSE, run_help,
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *workspace = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  ChorusctlGlobals globals = { NULL };
  const ChorusctlCommand *command;
  gboolean help = FALSE;
  gboolean version = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("chorusctl");

  context = new_global_context (&workspace, &help, &version);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return chorusctl_usage_error (NULL, "%s", error->message);

  if (help)
    return print_general_help ();

  if (version)
    {
      g_print ("chorusctl %s\n", PACKAGE_VERSION);
      return CHORUSCTL_EXIT_OK;
    }

  if (argc < 2)
    return chorusctl_usage_error (NULL, _("No command given."));

  if (!(command = find_command (argv[1])))
    /* Translators: %s is what was typed as a chorusctl command. */
    return chorusctl_usage_error (NULL, _("Unknown command “%s”."), argv[1]);

  globals.workspace = workspace;
  return command->run (command, &globals, argc - 1, argv + 1);
}

/* A row's id as a script gives it: a positive decimal number. */
gboolean
chorusctl_parse_id (const char *text,
                    gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}
