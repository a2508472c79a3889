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
 * closes, the source follows what it lists again. As for any hashtag, the
 * first sync of one takes only its newest page. */

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

  return _chorus_collect_dup_hashtags (_chorus_store_get_db (store), now, error);
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
 * follows their hashtags (see the top of this file). Nothing is saved.
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
  g_autoptr(GString) hashtags = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_SOURCE (source), NULL);

  if ((g_strcmp0 (network, "mastodon") != 0 && g_strcmp0 (network, "bluesky") != 0) ||
      chorus_source_get_is_sample (source))
    return g_object_ref (source);

  if (!(challenges = chorus_store_dup_challenge_hashtags (store, g_get_real_time () / G_USEC_PER_SEC, &error)))
    {
      g_debug ("The challenges' hashtags could not be read: %s", error->message);
      return g_object_ref (source);
    }

  followed = chorus_source_split_watch_list (chorus_source_get_watch_hashtags (source), FALSE);
  hashtags = g_string_new (chorus_source_get_watch_hashtags (source));
  for (guint i = 0; challenges[i] != NULL; i++)
    {
      /* A hashtag has no separator of the watch list in it. */
      if (strpbrk (challenges[i], " ,\n") != NULL || follows (followed, challenges[i]))
        continue;

      g_string_append_printf (hashtags, "%s%s", hashtags->len > 0 ? "\n" : "", challenges[i]);
      g_strfreev (followed);
      followed = chorus_source_split_watch_list (hashtags->str, FALSE);
    }

  if (g_strcmp0 (hashtags->str, chorus_source_get_watch_hashtags (source)) == 0 ||
      (hashtags->len == 0 && chorus_source_get_watch_hashtags (source) == NULL))
    return g_object_ref (source);

  return copy_source (source, hashtags->str);
}
