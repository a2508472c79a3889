/* chorusctl-sources.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-format.h"
#include "chorus-http.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorusctl.h"

/* chorusctl's sources: add-feed, sources and sync. */

/* Adds a source and prints its id, as both add- commands do. */
static int
add_source (const ChorusctlGlobals *globals,
            const char             *network,
            const char             *url,
            const char             *name,
            const char             *hashtags)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!chorus_http_check_url (url, &error) ||
      !(store = chorusctl_open_workspace (globals, &error)) ||
      !(id = chorus_store_add_source (store, network, url, NULL, name, &error)) ||
      (hashtags != NULL && !chorus_store_set_source_hashtags (store, id, hashtags, &error)))
    return chorusctl_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);

  return CHORUSCTL_EXIT_OK;
}

static int
run_add_feed (const ChorusctlCommand *command,
              const ChorusctlGlobals *globals,
              int                     argc,
              char                  **argv)
{
  g_auto(GStrv) urls = NULL;
  g_autofree char *host = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &urls, NULL, NULL },
    { NULL }
  };
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (urls == NULL || g_strv_length (urls) != 1)
    return chorusctl_usage_error (command, _("Give the feed’s address, and only that."));

  host = chorus_http_dup_host (urls[0]);
  return add_source (globals, "feed", urls[0], host, NULL);
}

static int
run_add_mastodon_tag (const ChorusctlCommand *command,
                      const ChorusctlGlobals *globals,
                      int                     argc,
                      char                  **argv)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *hashtags = NULL;
  g_autofree char *host = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL }
  };
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (words == NULL || g_strv_length (words) < 2)
    return chorusctl_usage_error (command, _("Give the server’s address, then one or more hashtags."));

  hashtags = g_strjoinv (" ", words + 1);
  g_strdelimit (hashtags, "#", ' ');
  g_strstrip (hashtags);
  host = chorus_http_dup_host (words[0]);
  /* Translators: a source's name, such as "#tallpine on mastodon.social". */
  name = g_strdup_printf (_("#%s on %s"), words[1][0] == '#' ? words[1] + 1 : words[1], host);

  return add_source (globals, "mastodon", words[0], name, hashtags);
}

static int
run_sources (const ChorusctlCommand *command,
             const ChorusctlGlobals *globals,
             int                     argc,
             char                  **argv)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = chorusctl_parse_options (command, NULL, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(sources = chorus_store_list_sources (store, &error)))
    return chorusctl_fail (error);

  for (guint i = 0; i < sources->len; i++)
    {
      ChorusSource *source = g_ptr_array_index (sources, i);
      gint64 last = chorus_source_get_last_success (source);
      g_autofree char *when = NULL;
      const char *health;

      if (chorus_source_get_last_error (source) != NULL)
        health = chorus_source_get_last_error (source);
      else if (last > 0)
        health = when = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC, last);
      else
        health = chorus_source_get_is_sample (source) ? _("sample, not synced") : _("not synced yet");

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
               chorus_source_get_id (source),
               chorus_format_network (chorus_source_get_network (source)),
               chorus_source_get_display_name (source),
               chorus_source_get_server_url (source),
               health);
    }

  return CHORUSCTL_EXIT_OK;
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_source_started_cb (ChorusSyncEngine *engine,
                      ChorusSource     *source,
                      gpointer          user_data)
{
  /* Translators: progress on standard error; %s is a source's name. */
  g_printerr (_("Syncing %s…\n"), chorus_source_get_display_name (source));
}

/* A summary line per source on standard output, and a sentence on
 * standard error for each that failed. */
static void
on_source_finished_cb (ChorusSyncEngine *engine,
                       ChorusSource     *source,
                       guint             inserted,
                       guint             updated,
                       const GError     *error,
                       gpointer          user_data)
{
  g_autofree char *new_text = NULL;
  g_autofree char *updated_text = NULL;

  if (error != NULL)
    {
      g_autofree char *line = g_strdup (error->message);

      g_strdelimit (line, "\r\n", ' ');
      /* Translators: %s is a source's name; why it failed goes to standard error. */
      g_print (_("%s: failed\n"), chorus_source_get_display_name (source));
      g_printerr ("chorusctl: %s: %s\n", chorus_source_get_display_name (source), line);
      return;
    }

  new_text = chorus_format_count (inserted);
  updated_text = chorus_format_count (updated);
  /* Translators: a source's name, then how many new posts the sync brought and how many changed, as
   * numbers formatted for the locale. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %s new post, %s updated\n", "%s: %s new posts, %s updated\n", inserted),
           chorus_source_get_display_name (source), new_text, updated_text);
}

static int
run_sync (const ChorusctlCommand *command,
          const ChorusctlGlobals *globals,
          int                     argc,
          char                  **argv)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(ChorusHttp) http = NULL;
  g_autoptr(ChorusSyncEngine) engine = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusSyncSummary summary = { 0, };
  g_autofree char *new_text = NULL;
  g_autofree char *updated_text = NULL;
  gint64 only_source = 0;
  const GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_INT64, &only_source, N_("Sync only this source"), N_("ID") },
    { NULL }
  };
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (argc > 1)
    return chorusctl_usage_error (command, _("“sync” takes no arguments besides its options."));

  if (!(store = chorusctl_open_workspace (globals, &error)))
    return chorusctl_fail (error);

  if (only_source != 0)
    {
      g_autoptr(GPtrArray) sources = chorus_store_list_sources (store, &error);
      gboolean found = FALSE;

      if (sources == NULL)
        return chorusctl_fail (error);
      for (guint i = 0; i < sources->len; i++)
        found |= chorus_source_get_id (g_ptr_array_index (sources, i)) == only_source;
      if (!found)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, only_source);

          /* Translators: %s is a source's number. */
          return chorusctl_usage_error (command, _("This workspace has no source %s."), number);
        }
    }

  http = chorus_http_new ();
  engine = chorus_sync_engine_new (store, http);
  g_signal_connect (engine, "source-started", G_CALLBACK (on_source_started_cb), NULL);
  g_signal_connect (engine, "source-finished", G_CALLBACK (on_source_finished_cb), NULL);

  if (only_source != 0)
    chorus_sync_engine_sync_source_async (engine, only_source, NULL, on_synced_cb, &result);
  else
    chorus_sync_engine_sync_async (engine, NULL, on_synced_cb, &result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (!chorus_sync_engine_sync_finish (engine, result, &summary, &error))
    return chorusctl_fail (error);

  new_text = chorus_format_count (summary.posts_new);
  updated_text = chorus_format_count (summary.posts_updated);
  /* Translators: the summary of "chorusctl sync", each figure after its
   * label (so no plural forms are needed); the two %s are numbers formatted
   * for the locale. */
  g_print (_("Sources synced: %u, failed: %u. New posts: %s, updated: %s.\n"),
           summary.sources_synced, summary.sources_failed, new_text, updated_text);

  return summary.sources_failed > 0 ? CHORUSCTL_EXIT_FAILURE : CHORUSCTL_EXIT_OK;
}

const ChorusctlCommand chorusctl_add_feed_command = {
  "add-feed",
  N_("URL"),
  N_("Add an RSS, Atom or JSON feed as a source; prints its id"),
  TRUE,
  run_add_feed,
};

const ChorusctlCommand chorusctl_add_mastodon_tag_command = {
  "add-mastodon-tag",
  N_("SERVER HASHTAG…"),
  N_("Follow public hashtags on a Mastodon-API server; prints the source’s id"),
  TRUE,
  run_add_mastodon_tag,
};

const ChorusctlCommand chorusctl_sources_command = {
  "sources",
  "",
  N_("List the sources with their health"),
  TRUE,
  run_sources,
};

const ChorusctlCommand chorusctl_sync_command = {
  "sync",
  "",
  N_("Fetch what is new from every source"),
  TRUE,
  run_sync,
};
