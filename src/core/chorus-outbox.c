/* chorus-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-outbox-private.h"

/* The outbox's text rules, and its queue calls for the main thread.
 *
 * Lengths are counted as each network counts them, so that the composer
 * and the queue refuse what the network would: Mastodon counts grapheme
 * clusters once every link counts as 23 characters and every mention as
 * its user name alone (its StatusLengthValidator); Bluesky counts grapheme
 * clusters (and at most 3,000 bytes); Discourse counts characters.
 *
 * Bluesky records are keyed by TIDs: microseconds since 1970 and a random
 * clock id, written in a sortable base 32. The outbox picks one when a
 * reply is queued, so that sending it again after a crash can only ever
 * meet the same record. Facets mark links, mentions and hashtags in a
 * Bluesky post by UTF-8 byte offsets. */

#define MASTODON_URL_LENGTH 23
#define MAX_TAG_CHARS       64

/* Grapheme clusters, close to UAX #29's extended ones: marks, emoji
 * modifiers, tags and variation selectors extend a cluster, ZWJ joins the
 * symbol after it, regional indicators pair into flags, CR LF is one, and
 * Hangul jamo vowels and finals join what they follow. */

static gboolean
is_extender (gunichar c)
{
  return g_unichar_ismark (c) ||
         c == 0x200C || c == 0x200D ||               /* ZWNJ, ZWJ */
         (c >= 0x1F3FB && c <= 0x1F3FF) ||             /* skin tones */
         (c >= 0xE0020 && c <= 0xE007F) ||             /* tags */
         (c >= 0xFE00 && c <= 0xFE0F);                 /* variation selectors */
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xD7B0 && c <= 0xD7FF);
}

static gboolean
is_jamo_vowel_or_final (gunichar c)
{
  return (c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FF);
}

/* Whether @c starts a new cluster after @previous; @pending_ri says that
 * @previous is a regional indicator still waiting for its pair. */
static gboolean
breaks_before (gunichar  previous,
               gunichar  c,
               gboolean *pending_ri)
{
  gboolean joins;

  if (previous == '\r' && c == '\n')
    joins = TRUE;
  else if (is_extender (c))
    joins = TRUE;
  else if (previous == 0x200D)
    joins = g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL;
  else if (is_regional_indicator (c) && *pending_ri)
    {
      *pending_ri = FALSE;
      return FALSE;
    }
  else
    joins = is_jamo_vowel_or_final (c) && is_hangul (previous);

  if (!joins)
    *pending_ri = is_regional_indicator (c);

  return !joins;
}

guint
_chorus_outbox_count_graphemes (const char *text)
{
  gunichar previous = 0;
  gboolean pending_ri = FALSE;
  guint count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (count == 0 || breaks_before (previous, c, &pending_ri))
        {
          count++;
          if (count == 1)
            pending_ri = is_regional_indicator (c);
        }
      previous = c;
    }

  return count;
}

/* What Mastodon counts: each link as 23 characters, each mention as its
 * user name (the "@user" of "@user@server"). */
static char *
dup_mastodon_countable (const char *text)
{
  static GRegex *entities;
  g_autoptr(GMatchInfo) match = NULL;
  GString *countable = g_string_new (NULL);
  int last = 0;

  if (g_once_init_enter (&entities))
    g_once_init_leave (&entities,
                               g_regex_new ("https?://[^\\s<>\"]*[^\\s<>\".,;:!?'\")\\]]"
                                            "|(?<![=/\\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)"
                                            "(?:@[\\w.-]+\\w+)?",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (entities, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start;
      int end;
      int user_end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (countable, text + last, start - last);
      if (text[start] == '@' && g_match_info_fetch_pos (match, 1, NULL, &user_end))
        g_string_append_len (countable, text + start, user_end - start);
      else
        for (guint i = 0; i < MASTODON_URL_LENGTH; i++)
          g_string_append_c (countable, 'x');
      last = end;
    }
  g_string_append (countable, text + last);

  return g_string_free (countable, FALSE);
}

/**
 * chorus_outbox_count_length:
 * @network: "mastodon", "bluesky" or "discourse"
 * @text: what a reply says
 *
 * Counts @text as @network counts a post's length, for a composer's
 * counter and for the queue's limit.
 *
 * Returns: the length of @text as @network sees it
 */
guint
chorus_outbox_count_length (const char *network,
                            const char *text)
{
  g_autofree char *countable = NULL;

  g_return_val_if_fail (network != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  if (g_str_equal (network, "mastodon"))
    {
      countable = dup_mastodon_countable (text);
      return _chorus_outbox_count_graphemes (countable);
    }

  if (g_str_equal (network, "bluesky"))
    return _chorus_outbox_count_graphemes (text);

  return (guint) g_utf8_strlen (text, -1);
}

/* A TID for the time @unix_us: 53 bits of microseconds, 10 of a random
 * clock id, in 13 characters of "234567abcdefghijklmnopqrstuvwxyz". */
char *
_chorus_outbox_new_tid (gint64 unix_us)
{
  static const char alphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
  guint64 micros = (guint64) MAX (unix_us, 0) & ((G_GUINT64_CONSTANT (1) << 53) - 1);
  guint64 value = (micros << 10) | (guint64) g_random_int_range (0, 1024);
  char tid[14];

  for (int i = 12; i >= 0; i--)
    {
      tid[i] = alphabet[value & 31];
      value >>= 5;
    }
  tid[13] = '\0';

  return g_strdup (tid);
}

/* Facets */

static void
clear_facet (gpointer data)
{
  g_free (((ChorusOutboxFacet *) data)->value);
}

/* Sentence punctuation after a link or a tag is not part of it; nor is a
 * closing parenthesis the link did not open. */
static int
trim_end (const char *text,
          int         start,
          int         end)
{
  while (end > start && strchr (".,;:!?'\"", text[end - 1]) != NULL)
    end--;

  if (end > start && text[end - 1] == ')' && memchr (text + start, '(', end - start) == NULL)
    end--;

  return end;
}

static void
add_facet (GArray                *facets,
           ChorusOutboxFacetKind  kind,
           const char            *text,
           int                    start,
           int                    end,
           int                    value_offset)
{
  ChorusOutboxFacet facet = { kind, (gsize) start, (gsize) end, NULL };

  facet.value = g_strndup (text + start + value_offset, end - start - value_offset);
  g_array_append_val (facets, facet);
}

static void
find_links (GArray     *facets,
            const char *text)
{
  static GRegex *links;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&links))
    g_once_init_leave (&links, g_regex_new ("(?<![^\\s(])https?://\\S+", G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (links, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start;
      int end;
      g_autoptr(GUri) uri = NULL;
      g_autofree char *address = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      end = trim_end (text, start, end);
      address = g_strndup (text + start, end - start);
      if ((uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL)) != NULL && g_uri_get_host (uri) != NULL)
        add_facet (facets, CHORUS_OUTBOX_FACET_LINK, text, start, end, 0);
    }
}

/* Handles are domain names: labels of letters, digits and hyphens, at
 * least two, the last not all digits. */
static void
find_mentions (GArray     *facets,
               const char *text)
{
  static GRegex *mentions;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&mentions))
    g_once_init_leave (&mentions,
                               g_regex_new ("(?<![^\\s(])@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
                                            "[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)(?![\\w.-]*\\w)",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (mentions, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start;
      int end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      add_facet (facets, CHORUS_OUTBOX_FACET_MENTION, text, start, end, 1);
    }
}

static gboolean
is_all_digits (const char *text,
               int         length)
{
  for (int i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static void
find_tags (GArray     *facets,
           const char *text)
{
  static GRegex *tags;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&tags))
    g_once_init_leave (&tags, g_regex_new ("(?<!\\S)[#＃][^\\s#＃]+", G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (tags, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start;
      int end;
      int hash;

      g_match_info_fetch_pos (match, 0, &start, &end);
      hash = (int) (g_utf8_next_char (text + start) - (text + start));
      end = trim_end (text, start + hash, end);
      if (end - start > hash && !is_all_digits (text + start + hash, end - start - hash) &&
          g_utf8_strlen (text + start + hash, end - start - hash) <= MAX_TAG_CHARS)
        add_facet (facets, CHORUS_OUTBOX_FACET_TAG, text, start, end, hash);
    }
}

/**
 * _chorus_outbox_find_facets:
 * @text: what a Bluesky post says
 *
 * Returns: (transfer full) (element-type ChorusOutboxFacet): its links,
 *   mentions and hashtags, with their UTF-8 byte ranges
 */
GArray *
_chorus_outbox_find_facets (const char *text)
{
  GArray *facets = g_array_new (FALSE, FALSE, sizeof (ChorusOutboxFacet));

  g_array_set_clear_func (facets, clear_facet);
  find_links (facets, text);
  find_mentions (facets, text);
  find_tags (facets, text);

  return facets;
}

/* The queue's changes, in a worker */

typedef struct
{
  ChorusOutboxChange  change;
  gint64              id;       /* the target post, or the item */
  char               *body;
} Change;

static void
change_free (Change *change)
{
  g_free (change->body);
  g_free (change);
}

static gint64
apply_change (ChorusStore  *store,
              Change       *change,
              GError      **error)
{
  switch (change->change)
    {
    case CHORUS_OUTBOX_QUEUE_REPLY:
      return chorus_store_queue_reply (store, change->id, change->body, error);
    case CHORUS_OUTBOX_QUEUE_LIKE:
      return chorus_store_queue_like (store, change->id, error);
    case CHORUS_OUTBOX_QUEUE_REPOST:
      return chorus_store_queue_repost (store, change->id, error);
    case CHORUS_OUTBOX_RETRY:
      return chorus_store_retry_outbox_item (store, change->id, error) ? change->id : 0;
    case CHORUS_OUTBOX_EDIT:
      return chorus_store_edit_outbox_item (store, change->id, change->body, error) ? change->id : 0;
    case CHORUS_OUTBOX_CANCEL:
      return chorus_store_cancel_outbox_item (store, change->id, error) ? change->id : 0;
    default:
      g_assert_not_reached ();
    }
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  ChorusOutboxItem *item;
  gint64 id;

  if ((id = apply_change (source_object, task_data, &error)) > 0 &&
      (item = chorus_store_load_outbox_item (source_object, id, &error)))
    g_task_return_pointer (task, item, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * chorus_store_change_outbox_async:
 * @self: a #ChorusStore
 * @change: what to do
 * @id: the post to reply to, like or repost, or the item to retry, edit
 *   or cancel
 * @body: (nullable): the reply's text, or its new text
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the item as the change left it
 * @user_data: data for @callback
 *
 * Runs chorus_store_queue_reply() and its kin in a worker, for the main
 * thread.
 */
void
chorus_store_change_outbox_async (ChorusStore         *self,
                                  ChorusOutboxChange   change,
                                  gint64               id,
                                  const char          *body,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Change *data;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (body != NULL || (change != CHORUS_OUTBOX_QUEUE_REPLY && change != CHORUS_OUTBOX_EDIT));

  data = g_new0 (Change, 1);
  data->change = change;
  data->id = id;
  data->body = g_strdup (body);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_change_outbox_async);
  g_task_set_task_data (task, data, (GDestroyNotify) change_free);
  g_task_run_in_thread (task, change_thread);
}

/**
 * chorus_store_change_outbox_finish:
 * @self: a #ChorusStore
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the item as the change left it, or %NULL
 *   with @error set, as the blocking call sets it
 */
ChorusOutboxItem *
chorus_store_change_outbox_finish (ChorusStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
