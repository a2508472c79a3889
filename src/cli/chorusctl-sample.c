/* chorusctl-sample.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-format.h"
#include "chorus-sample.h"
#include "chorus-store-info.h"
#include "chorusctl.h"

/* chorusctl sample --output FILE [--posts N] [--seed S] [--date YYYY-MM-DD]:
 * writes the sample workspace. It refuses to replace a file that is not a
 * sample workspace unless told to with --force. */

#define MAX_POSTS 20000000

typedef struct
{
  char     *output;
  char     *posts;
  char     *seed;
  char     *date;
  gboolean  force;
} SampleOptions;

static void
sample_options_clear (SampleOptions *options)
{
  g_free (options->output);
  g_free (options->posts);
  g_free (options->seed);
  g_free (options->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SampleOptions, sample_options_clear)

/* Noon UTC of a YYYY-MM-DD date, or NULL if @text is not one. */
static GDateTime *
parse_date (const char *text)
{
  guint64 year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return NULL;
    }

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1970 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_date_time_new_utc ((int) year, (int) month, (int) day, 12, 0, 0);
}

/* A file that is there and is not a sample workspace may be someone's work. */
static gboolean
may_replace (const char  *path,
             GError     **error)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autofree char *display = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if ((store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, NULL)) &&
      chorus_store_is_sample (store))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* Translators: %s is a file's name; --force is a command-line option, not translated. */
               _("“%s” exists and is not a sample workspace; add --force to replace it."), display);
  return FALSE;
}

static void
print_summary (const char *path,
               double      seconds)
{
  g_autoptr(ChorusStore) store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, NULL);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *posts = NULL;
  g_autofree char *conversations = NULL;
  g_autofree char *entries = NULL;
  ChorusStoreCounts counts = { 0 };

  if (store != NULL)
    chorus_store_get_counts (store, &counts, NULL);

  posts = chorus_format_count (counts.posts);
  conversations = chorus_format_count (counts.conversations);
  entries = chorus_format_count (counts.submissions);

  /* Translators: the summary of "chorusctl sample": the file, three counts
   * and the time it took in seconds. */
  g_print (_("Wrote “%s”: %s posts in %s conversations, %s design entries (%.1f s).\n"),
           display, posts, conversations, entries, seconds);
}

static int
run_sample (const ChorusctlCommand *command,
            const ChorusctlGlobals *globals,
            int                     argc,
            char                  **argv)
{
  g_auto(SampleOptions) options = { NULL };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Where to write the workspace (required)"), N_("FILE") },
    { "posts", 'n', 0, G_OPTION_ARG_STRING, &options.posts,
      N_("How many posts (default: 2000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &options.seed,
      N_("The same seed gives the same workspace (default: 1)"), N_("S") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &options.date,
      N_("The day the activity leads up to, at 12:00 UTC (default: now)"), N_("YYYY-MM-DD") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &options.force,
      N_("Replace the output even if it is not a sample workspace"), NULL },
    { NULL }
  };
  g_autoptr(GDateTime) anchor = NULL;
  g_autoptr(GError) error = NULL;
  guint64 posts = CHORUS_SAMPLE_DEFAULT_POSTS;
  guint64 seed = 1;
  gint64 started;
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (options.output == NULL || *options.output == '\0')
    return chorusctl_usage_error (command, _("Name the file to write with --output FILE."));

  if (options.posts != NULL &&
      !g_ascii_string_to_unsigned (options.posts, 10, 0, MAX_POSTS, &posts, NULL))
    return chorusctl_usage_error (command,
                                  /* Translators: %u is the largest number of posts, %s what was given. */
                                  _("--posts needs a whole number from 0 to %u, not “%s”."),
                                  MAX_POSTS, options.posts);

  if (options.seed != NULL &&
      !g_ascii_string_to_unsigned (options.seed, 10, 0, G_MAXUINT64, &seed, NULL))
    /* Translators: %s is what was given for the --seed option. */
    return chorusctl_usage_error (command, _("--seed needs a whole number of 0 or more, not “%s”."),
                                  options.seed);

  if (options.date != NULL && !(anchor = parse_date (options.date)))
    /* Translators: %s is what was given for the --date option; keep the example date as it is. */
    return chorusctl_usage_error (command, _("--date needs a date like 2026-03-14, not “%s”."),
                                  options.date);

  if (!options.force && !may_replace (options.output, &error))
    return chorusctl_fail (error);

  started = g_get_monotonic_time ();
  if (!chorus_sample_generate (options.output, (guint) posts, seed, anchor, NULL, &error))
    return chorusctl_fail (error);

  print_summary (options.output, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return CHORUSCTL_EXIT_OK;
}

const ChorusctlCommand chorusctl_sample_command = {
  "sample",
  N_("--output FILE"),
  N_("Write the sample workspace “Tallpine Community”"),
  FALSE,
  run_sample,
};
