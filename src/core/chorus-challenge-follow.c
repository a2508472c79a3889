/* chorus-challenge-follow.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-challenge-collect.h"
#include "chorus-challenge-collect-private.h"
#include "chorus-hashtag.h"

/* While a challenge is open, from the start of its submissions to the end
 * of its voting, every Mastodon and Bluesky source follows its hashtag as
 * if the person had added it to the source's hashtags: the sync engine
 * gives the connector chorus_challenge_collect_dup_reading_source ()
 * instead of the source, so Mastodon reads the public hashtag timeline and
 * Bluesky searchPosts for "#tag". Nothing is saved: once the challenge
 * closes, the source follows what it lists again.
 *
 * The copy also carries when each challenge's submissions open
 * (chorus_challenge_collect_get_opens_at ()). A followed hashtag's first
 * sync takes only its newest page, so that an old hashtag does not flood
 * the inbox; a challenge's walks back instead, page by older page, until
 * it reaches posts from before its submissions opened, so that entries
 * posted before the challenge was created in Chorus are collected too.
 * That walk is bounded (CHORUS_CHALLENGE_BACKFILL_PAGES): a hashtag busier
 * than that keeps what the walk read, its older entries are skipped, and
 * later syncs take everything newer as for any hashtag. */

#define WINDOWS_KEY "chorus-challenge-opens-at"

/**
 * chorus_store_dup_challenge_hashtags:
 * @store: a #ChorusStore
 * @now: the time, in Unix seconds
 * @error: a location for a #GError
 *
 * A point lookup on the calling thread's connection, quick enough for the
 * main thread (challenges are few).
 *
 * Returns: (transfer full): the hashtags that the challenges open at @now
 *   (from their submissions' start to their voting's end) have sources
 *   follow, without "#"; %NULL with @error set
 */
GStrv
chorus_store_dup_challenge_hashtags (ChorusStore  *store,
                                     gint64        now,
                                     GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  return _chorus_collect_dup_hashtags (_chorus_store_get_db (store), now, NULL, error);
}

/**
 * chorus_challenge_collect_get_opens_at:
 * @source: a source from chorus_challenge_collect_dup_reading_source ()
 * @hashtag: a hashtag it follows, with or without "#"
 *
 * Returns: when the submissions of the open challenge with @hashtag open,
 *   in Unix seconds (the earliest, when several share it), or 0 when
 *   @hashtag is no open challenge's
 */
gint64
chorus_challenge_collect_get_opens_at (ChorusSource *source,
                                       const char   *hashtag)
{
  GHashTable *windows;
  g_autofree char *key = NULL;
  gint64 *opens_at;

  g_return_val_if_fail (CHORUS_IS_SOURCE (source), 0);
  g_return_val_if_fail (hashtag != NULL, 0);

  if ((windows = g_object_get_data (G_OBJECT (source), WINDOWS_KEY)) == NULL)
    return 0;

  if ((key = chorus_hashtag_normalize (hashtag)) == NULL)
    return 0;
  opens_at = g_hash_table_lookup (windows, key);

  return opens_at != NULL ? *opens_at : 0;
}

static gboolean
follows (GStrv       hashtags,
         const char *tag)
{
  g_autofree char *wanted = chorus_hashtag_normalize (tag);

  for (guint i = 0; hashtags[i] != NULL; i++)
    {
      g_autofree char *followed = chorus_hashtag_normalize (hashtags[i]);

      if (g_strcmp0 (followed, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A copy of @source in which @watch_hashtags replaces its own. */
static ChorusSource *
copy_source (ChorusSource *source,
             const char   *watch_hashtags)
{
  g_autofree GParamSpec **specs = NULL;
  g_autofree const char **names = NULL;
  GValue *values;
  guint n_specs;
  guint n = 0;
  ChorusSource *copy;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_specs);
  names = g_new0 (const char *, n_specs);
  values = g_new0 (GValue, n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      if (!(specs[i]->flags & G_PARAM_WRITABLE))
        continue;

      names[n] = specs[i]->name;
      g_value_init (&values[n], specs[i]->value_type);
      if (g_str_equal (specs[i]->name, "watch-hashtags"))
        g_value_set_string (&values[n], watch_hashtags);
      else
        g_object_get_property (G_OBJECT (source), specs[i]->name, &values[n]);
      n++;
    }

  copy = CHORUS_SOURCE (g_object_new_with_properties (CHORUS_TYPE_SOURCE, n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);

  return copy;
}

/**
 * chorus_challenge_collect_dup_reading_source:
 * @store: the workspace
 * @source: a source about to be synced
 *
 * What the connector reads for @source: @source itself, or, for a
 * Mastodon or Bluesky source while challenges are open, a copy that also
 * follows their hashtags and knows when their submissions open (see the
 * top of this file). Nothing is saved.
 *
 * Returns: (transfer full): the source to read
 */
ChorusSource *
chorus_challenge_collect_dup_reading_source (ChorusStore  *store,
                                             ChorusSource *source)
{
  const char *network = chorus_source_get_network (source);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) followed = NULL;
  g_auto(GStrv) challenges = NULL;
  g_autoptr(GArray) opens_at = NULL;
  g_autoptr(GString) hashtags = NULL;
  g_autoptr(GHashTable) windows = NULL;
  ChorusSource *reading;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_SOURCE (source), NULL);

  if ((g_strcmp0 (network, "mastodon") != 0 && g_strcmp0 (network, "bluesky") != 0) ||
      chorus_source_get_is_sample (source))
    return g_object_ref (source);

  if (!(challenges = _chorus_collect_dup_hashtags (_chorus_store_get_db (store), g_get_real_time () / G_USEC_PER_SEC,
                                                   &opens_at, &error)))
    {
      g_debug ("The challenges' hashtags could not be read: %s", error->message);
      return g_object_ref (source);
    }

  followed = chorus_source_split_watch_list (chorus_source_get_watch_hashtags (source), FALSE);
  hashtags = g_string_new (chorus_source_get_watch_hashtags (source));
  windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; challenges[i] != NULL; i++)
    {
      gint64 start = g_array_index (opens_at, gint64, i);
      char *key;
      gint64 *known;

      /* A hashtag has no separator of the watch list in it. */
      if (strpbrk (challenges[i], " ,\n") != NULL)
        continue;

      if ((key = chorus_hashtag_normalize (challenges[i])) != NULL)
        {
          if ((known = g_hash_table_lookup (windows, key)) != NULL)
            start = MIN (start, *known);
          g_hash_table_replace (windows, key, g_memdup2 (&start, sizeof start));
        }

      if (follows (followed, challenges[i]))
        continue;

      g_string_append_printf (hashtags, "%s%s", hashtags->len > 0 ? "\n" : "", challenges[i]);
      g_strfreev (followed);
      followed = chorus_source_split_watch_list (hashtags->str, FALSE);
    }

  /* Even a hashtag the source follows already walks back on its first
   * sync while it is a challenge's: the copy carries its window. */
  if (g_hash_table_size (windows) == 0 &&
      (g_strcmp0 (hashtags->str, chorus_source_get_watch_hashtags (source)) == 0 ||
       (hashtags->len == 0 && chorus_source_get_watch_hashtags (source) == NULL)))
    return g_object_ref (source);

  reading = copy_source (source, hashtags->str);
  g_object_set_data_full (G_OBJECT (reading), WINDOWS_KEY, g_steal_pointer (&windows),
                          (GDestroyNotify) g_hash_table_unref);

  return reading;
}
