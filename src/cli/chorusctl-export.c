/* chorusctl-export.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

/* From gio-unix-2.0, whose include folder libsecret-1 already brings. */
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-store-export.h"
#include "chorusctl.h"

/* chorusctl --workspace FILE export posts [--format jsonl|csv] [--output FILE]:
 * every post, oldest first, to stdout or to a file. A file is written
 * beside its final name and renamed over it only once it is whole, so a
 * failure never leaves half an export under that name. */

/* Printed after the options in "export --help". */
static const char export_notes[] =
  N_("Formats:\n"
     "  jsonl  One JSON object per post and line (the default).\n"
     "  csv    A header row, then one row per post, in UTF-8. Cells are quoted as\n"
     "         RFC 4180 says and rows end in CRLF. Empty cells stand for null. The\n"
     "         media and poll columns hold the same compact JSON as in jsonl.\n"
     "         A cell that starts with =, +, -, @, a tab or a carriage return gets\n"
     "         a leading apostrophe (') so that spreadsheets show it as text\n"
     "         instead of running it as a formula.\n"
     "\n"
     "Posts come oldest first; times are ISO 8601 in UTC, such as\n"
     "2026-11-22T10:04:05Z. An author handle is user@server on Mastodon and\n"
     "the handle as it is elsewhere. With --output, the file is replaced only\n"
     "once the whole export has been written.");

typedef struct
{
  char  *format;
  char  *output;
  char **subjects;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_free (options->format);
  g_free (options->output);
  g_strfreev (options->subjects);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

static gboolean
parse_format (const char         *name,
              ChorusExportFormat *format)
{
  if (name == NULL || g_str_equal (name, "jsonl"))
    *format = CHORUS_EXPORT_FORMAT_JSONL;
  else if (g_str_equal (name, "csv"))
    *format = CHORUS_EXPORT_FORMAT_CSV;
  else
    return FALSE;

  return TRUE;
}

/* Whether the two paths name one file that exists. */
static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf stat_a, stat_b;

  return g_stat (a, &stat_a) == 0 && g_stat (b, &stat_b) == 0 &&
         stat_a.st_dev == stat_b.st_dev && stat_a.st_ino == stat_b.st_ino;
}

static void
set_file_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: a file name, then why it could not be written. */
               _("Cannot write “%s”: %s."), display, g_strerror (saved_errno));
}

/* Writes into a new file beside @path, then renames it to @path. */
static gboolean
export_to_file (ChorusStore         *store,
                ChorusExportFormat   format,
                const char          *path,
                GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *temp_name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, temp_name, NULL);
  g_autoptr(GOutputStream) out = NULL;
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a file's name, the second the folder it would go in. */
                   _("Cannot write “%s”: the folder “%s” does not exist."), display, dir_display);
      return FALSE;
    }

  /* 0666 and the umask: the permissions any new file gets. */
  if ((fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    {
      set_file_error (error, errno, path);
      return FALSE;
    }

  out = g_unix_output_stream_new (fd, TRUE);

  /* The data is on disk before the rename makes it the file. */
  if (!chorus_store_export_posts (store, format, out, NULL, NULL, error))
    /* Translators: %s is a file's name; the reason follows, a sentence of its own. */
    g_prefix_error (error, _("Cannot write “%s”: "), display);
  else if (fsync (fd) != 0)
    set_file_error (error, errno, path);
  else if (!g_output_stream_close (out, NULL, error))
    /* Translators: %s is a file's name; the reason follows, a sentence of its own. */
    g_prefix_error (error, _("Cannot write “%s”: "), display);
  else if (g_rename (temp, path) != 0)
    set_file_error (error, errno, path);
  else
    return TRUE;

  g_unlink (temp);
  return FALSE;
}

static gboolean
export_to_stdout (ChorusStore         *store,
                  ChorusExportFormat   format,
                  GError             **error)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (!chorus_store_export_posts (store, format, out, NULL, NULL, error))
    {
      g_prefix_error (error, _("Cannot write the posts to standard output: "));
      return FALSE;
    }

  return TRUE;
}

/* Exporting must not leave a new empty workspace behind a typo. */
static ChorusStore *
open_existing_workspace (const ChorusctlGlobals  *globals,
                         GError                 **error)
{
  g_autofree char *display = NULL;

  if (g_file_test (globals->workspace, G_FILE_TEST_EXISTS))
    return chorusctl_open_workspace (globals, error);

  display = g_filename_display_name (globals->workspace);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: %s is a workspace file's name. */
               _("The workspace “%s” does not exist."), display);
  return NULL;
}

/* Checks what is left after the options; returns the usage error's status
 * or %CHORUSCTL_CONTINUE. */
static int
check_arguments (const ChorusctlCommand *command,
                 const ChorusctlGlobals *globals,
                 ExportOptions          *options,
                 ChorusExportFormat     *format)
{
  if (globals->workspace == NULL)
    return chorusctl_usage_error (command,
                                  _("Name the workspace with --workspace FILE, before the command."));

  if (options->subjects == NULL || options->subjects[0] == NULL)
    return chorusctl_usage_error (command, _("Say what to export: “posts”."));

  if (!g_str_equal (options->subjects[0], "posts"))
    /* Translators: %s is what was asked to export; “posts” is a command-line word, not translated. */
    return chorusctl_usage_error (command, _("Cannot export “%s”: only “posts” can be exported."),
                                  options->subjects[0]);

  if (options->subjects[1] != NULL)
    /* Translators: %s is a command-line argument that was not expected. */
    return chorusctl_usage_error (command, _("Unexpected argument “%s”."), options->subjects[1]);

  if (!parse_format (options->format, format))
    /* Translators: %s is the format given; jsonl and csv are command-line words, not translated. */
    return chorusctl_usage_error (command, _("Unknown format “%s”: use jsonl or csv."),
                                  options->format);

  if (options->output != NULL && *options->output == '\0')
    return chorusctl_usage_error (command, _("Name the file to write with --output FILE."));

  if (options->output != NULL && is_same_file (options->output, globals->workspace))
    return chorusctl_usage_error (command, _("The export cannot replace the workspace itself."));

  return CHORUSCTL_CONTINUE;
}

static int
run_export (const ChorusctlCommand *command,
            const ChorusctlGlobals *globals,
            int                     argc,
            char                  **argv)
{
  g_auto(ExportOptions) options = { NULL };
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("jsonl or csv (default: jsonl)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Where to write (default: standard output)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.subjects, NULL, NULL },
    { NULL }
  };
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ChorusExportFormat format = CHORUS_EXPORT_FORMAT_JSONL;
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    {
      /* Only --help ends well here. */
      if (status == CHORUSCTL_EXIT_OK)
        g_print ("%s\n", _(export_notes));
      return status;
    }

  if ((status = check_arguments (command, globals, &options, &format)) != CHORUSCTL_CONTINUE)
    return status;

  if (!(store = open_existing_workspace (globals, &error)))
    return chorusctl_fail (error);

  if (options.output != NULL ? !export_to_file (store, format, options.output, &error)
                             : !export_to_stdout (store, format, &error))
    return chorusctl_fail (error);

  return CHORUSCTL_EXIT_OK;
}

const ChorusctlCommand chorusctl_export_command = {
  "export",
  "posts",        /* a word to type as it is, so not translated */
  N_("Write every post as JSON Lines or CSV"),
  TRUE,
  run_export,
};
