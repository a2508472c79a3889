/* chorusctl-challenge.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-challenge.h"
#include "chorus-ranking-export.h"
#include "chorus-store-ranking.h"
#include "chorusctl-challenge.h"

/* chorusctl's design challenges, for scripts (an exact interface):
 *
 *   chorusctl --workspace FILE challenge list
 *   chorusctl --workspace FILE challenge export ID [--format csv|json]
 *
 * "list" prints one line per challenge, the latest voting deadline first:
 * id, state (upcoming, submissions, review, voting or closed, by the
 * dates), the four dates (entries open and close, voting opens and
 * closes; ISO 8601 in UTC), the number of entries not rejected, the
 * hashtag and the title, separated by tabs.
 *
 * "export" prints the challenge's ranking as CSV (the default) or JSON,
 * with the fields chorus-ranking-export.c lists, in rank order. PNG
 * entries not hashed yet are hashed on the way, for the near_duplicate
 * flag: the only thing it writes to the workspace. */

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  return date != NULL ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* Writes @text to standard output as it is: UTF-8 whatever the locale,
 * which g_print() would convert (to "?" in the C locale). */
static int
write_out (const char *text,
           gsize       length)
{
  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, g_io_error_from_errno (errno),
                                             /* Translators: %s says why, from the system. */
                                             _("Cannot write to standard output: %s"), g_strerror (errno));

      return chorusctl_fail (error);
    }
  return CHORUSCTL_EXIT_OK;
}

static int
list (const ChorusctlGlobals *globals)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GPtrArray) challenges = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(challenges = chorus_store_list_challenges (store, &error)))
    return chorusctl_fail (error);

  for (guint i = 0; i < challenges->len; i++)
    {
      ChorusChallenge *challenge = g_ptr_array_index (challenges, i);
      g_autofree char *title = g_strdup (chorus_challenge_get_title (challenge));
      g_autofree char *hashtag = g_strdup (chorus_challenge_get_hashtag (challenge));
      g_autofree char *entries_open = format_date (chorus_challenge_get_submissions_open (challenge));
      g_autofree char *entries_close = format_date (chorus_challenge_get_submissions_close (challenge));
      g_autofree char *voting_open = format_date (chorus_challenge_get_voting_open (challenge));
      g_autofree char *voting_close = format_date (chorus_challenge_get_voting_close (challenge));

      g_strdelimit (title, "\t\r\n", ' ');
      g_strdelimit (hashtag, "\t\r\n", ' ');
      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%u\t%s\t%s\n",
                              chorus_challenge_get_id (challenge), chorus_challenge_get_state (challenge, now),
                              entries_open, entries_close, voting_open, voting_close,
                              chorus_challenge_get_submission_count (challenge), hashtag, title);
    }

  return write_out (out->str, out->len);
}

static int
export (const ChorusctlCommand *command,
        const ChorusctlGlobals *globals,
        const char             *id_text,
        const char             *format)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = g_strcmp0 (format, "json") == 0;
  gint64 id;

  if (!chorusctl_parse_id (id_text, &id))
    /* Translators: %s is what was given as a challenge's id. */
    return chorusctl_usage_error (command, _("“%s” is not a challenge’s id."), id_text);
  if (format != NULL && !json && !g_str_equal (format, "csv"))
    return chorusctl_usage_error (command, _("The format is csv or json."));

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(ranking = chorus_store_rank_challenge (store, id, &error)))
    return chorusctl_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = chorus_ranking_to_json (ranking);
      g_autofree char *text = json_to_string (node, TRUE);
      g_autofree char *line = g_strconcat (text, "\n", NULL);

      return write_out (line, strlen (line));
    }
  else
    {
      g_autofree char *csv = chorus_ranking_dup_csv (ranking);

      return write_out (csv, strlen (csv));
    }
}

static int
run_challenge (const ChorusctlCommand *command,
               const ChorusctlGlobals *globals,
               int                     argc,
               char                  **argv)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("export: csv (the default) or json"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL }
  };
  const char *action;
  guint n;
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  n = words != NULL ? g_strv_length (words) : 0;
  action = n > 0 ? words[0] : "";
  if (n == 1 && g_str_equal (action, "list"))
    return list (globals);
  if (n == 2 && g_str_equal (action, "export"))
    return export (command, globals, words[1], format);

  return chorusctl_usage_error (command, _("Say what to do: list, or export ID."));
}

const ChorusctlCommand chorusctl_challenge_command = {
  "challenge",
  N_("list|export ID"),
  N_("List design challenges and export their rankings"),
  TRUE,
  run_challenge,
};
