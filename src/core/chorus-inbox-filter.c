/* chorus-inbox-filter.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-inbox-filter.h"
#include "chorus-search-query.h"

/* What the inbox shows: a search and the triage filters, as a plain value
 * that the list model compares, the store turns into SQL and saved views
 * keep as JSON (chorus-inbox-filter-json.c). Within one filter the values
 * are alternatives (networks "mastodon" and "bluesky" mean either); the
 * filters combine with AND. Setters normalize (lists sorted without
 * duplicates, language codes in lower case, all three sentiments meaning
 * any), so that filters that list the same conversations compare equal and
 * serialize to the same text. */

struct _ChorusInboxFilter
{
  char                  *search;        /* NULL for none */
  char                 **networks;      /* never NULL; sorted, unique */
  GArray                *source_ids;    /* gint64, sorted, unique */
  GArray                *status_ids;
  GArray                *tag_ids;
  ChorusInboxAssignee    assignee;
  gint64                 assignee_id;   /* 0 unless assignee is MEMBER */
  ChorusInboxSentiments  sentiments;    /* 0 for any */
  char                 **languages;     /* never NULL; lower case, sorted, unique */
  gint64                 since;         /* 0 for no bound */
  gint64                 until;
  gboolean               unread_only;
  gboolean               question_only;
  ChorusInboxSegments    segments;      /* 0 for any */
};

G_DEFINE_BOXED_TYPE (ChorusInboxFilter, chorus_inbox_filter, chorus_inbox_filter_copy, chorus_inbox_filter_free)

static GArray *
new_id_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (gint64));
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
set_ids (GArray       *array,
         const gint64 *ids,
         gsize         n_ids)
{
  guint kept = 0;

  g_array_set_size (array, 0);
  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  g_array_sort (array, compare_int64);

  for (guint i = 0; i < array->len; i++)
    {
      if (kept == 0 || g_array_index (array, gint64, kept - 1) != g_array_index (array, gint64, i))
        g_array_index (array, gint64, kept++) = g_array_index (array, gint64, i);
    }
  g_array_set_size (array, kept);
}

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A sorted copy of @strings without empty strings and duplicates. */
static char **
normalize_strv (const char * const *strings,
                gboolean            lower)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *unique = g_ptr_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      if (strings[i][0] != '\0')
        g_ptr_array_add (sorted, lower ? g_ascii_strdown (strings[i], -1) : g_strdup (strings[i]));
    }
  g_ptr_array_sort (sorted, compare_strings);

  for (guint i = 0; i < sorted->len; i++)
    {
      if (unique->len == 0 || strcmp (g_ptr_array_index (unique, unique->len - 1),
                                       g_ptr_array_index (sorted, i)) != 0)
        g_ptr_array_add (unique, g_strdup (g_ptr_array_index (sorted, i)));
    }
  g_ptr_array_add (unique, NULL);

  return (char **) g_ptr_array_free (unique, FALSE);
}

/**
 * chorus_inbox_filter_new:
 *
 * Returns: (transfer full): a filter that lets every conversation through
 */
ChorusInboxFilter *
chorus_inbox_filter_new (void)
{
  ChorusInboxFilter *self = g_new0 (ChorusInboxFilter, 1);

  self->networks = g_new0 (char *, 1);
  self->languages = g_new0 (char *, 1);
  self->source_ids = new_id_array ();
  self->status_ids = new_id_array ();
  self->tag_ids = new_id_array ();

  return self;
}

ChorusInboxFilter *
chorus_inbox_filter_copy (const ChorusInboxFilter *self)
{
  ChorusInboxFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (ChorusInboxFilter, 1);
  *copy = *self;
  copy->search = g_strdup (self->search);
  copy->networks = g_strdupv (self->networks);
  copy->languages = g_strdupv (self->languages);
  copy->source_ids = g_array_copy (self->source_ids);
  copy->status_ids = g_array_copy (self->status_ids);
  copy->tag_ids = g_array_copy (self->tag_ids);

  return copy;
}

void
chorus_inbox_filter_free (ChorusInboxFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->search);
  g_strfreev (self->networks);
  g_strfreev (self->languages);
  g_array_unref (self->source_ids);
  g_array_unref (self->status_ids);
  g_array_unref (self->tag_ids);
  g_free (self);
}

/**
 * chorus_inbox_filter_equal:
 * @a: (nullable): a filter, %NULL meaning one that lets everything through
 * @b: (nullable): another
 *
 * Returns: %TRUE if @a and @b hold the same search and filters
 */
gboolean
chorus_inbox_filter_equal (const ChorusInboxFilter *a,
                           const ChorusInboxFilter *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || chorus_inbox_filter_is_empty (a)) &&
           (b == NULL || chorus_inbox_filter_is_empty (b));

  return g_strcmp0 (a->search, b->search) == 0 &&
         g_strv_equal ((const char * const *) a->networks, (const char * const *) b->networks) &&
         ids_equal (a->source_ids, b->source_ids) &&
         ids_equal (a->status_ids, b->status_ids) &&
         ids_equal (a->tag_ids, b->tag_ids) &&
         a->assignee == b->assignee &&
         a->assignee_id == b->assignee_id &&
         a->sentiments == b->sentiments &&
         g_strv_equal ((const char * const *) a->languages, (const char * const *) b->languages) &&
         a->since == b->since &&
         a->until == b->until &&
         a->unread_only == b->unread_only &&
         a->question_only == b->question_only &&
         a->segments == b->segments;
}

/**
 * chorus_inbox_filter_is_empty:
 * @self: a #ChorusInboxFilter
 *
 * Returns: %TRUE if @self lets every conversation through: no filter is set
 *   and the search is blank or holds nothing to search for
 */
gboolean
chorus_inbox_filter_is_empty (const ChorusInboxFilter *self)
{
  g_autoptr(ChorusSearchQuery) query = NULL;

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->networks[0] != NULL || self->source_ids->len > 0 || self->status_ids->len > 0 ||
      self->tag_ids->len > 0 || self->assignee != CHORUS_INBOX_ASSIGNEE_ANY ||
      self->sentiments != 0 || self->languages[0] != NULL || self->since != 0 ||
      self->until != 0 || self->unread_only || self->question_only || self->segments != 0)
    return FALSE;

  query = chorus_search_query_parse (self->search);
  return chorus_search_query_is_empty (query);
}

/**
 * chorus_inbox_filter_get_search:
 *
 * Returns: (nullable): the text of the search box, as set
 */
const char *
chorus_inbox_filter_get_search (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->search;
}

/**
 * chorus_inbox_filter_set_search:
 * @search: (nullable): what was typed in the search box, parsed by
 *   chorus_search_query_parse() when the conversations are listed
 */
void
chorus_inbox_filter_set_search (ChorusInboxFilter *self,
                                const char        *search)
{
  g_return_if_fail (self != NULL);

  g_free (self->search);
  self->search = search != NULL && search[0] != '\0' ? g_strdup (search) : NULL;
}

/**
 * chorus_inbox_filter_get_networks:
 *
 * Returns: (transfer none): the network keys ("mastodon", "bluesky",
 *   "discourse", "feed") let through; empty for any
 */
const char * const *
chorus_inbox_filter_get_networks (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->networks;
}

void
chorus_inbox_filter_set_networks (ChorusInboxFilter  *self,
                                  const char * const *networks)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->networks);
  self->networks = normalize_strv (networks, FALSE);
}

/**
 * chorus_inbox_filter_get_source_ids:
 * @n_ids: (out): where to store how many there are
 *
 * Returns: (transfer none) (array length=n_ids): the sources let through,
 *   in increasing order; none for any
 */
const gint64 *
chorus_inbox_filter_get_source_ids (const ChorusInboxFilter *self,
                                    gsize                   *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->source_ids->len;
  return (const gint64 *) self->source_ids->data;
}

void
chorus_inbox_filter_set_source_ids (ChorusInboxFilter *self,
                                    const gint64      *ids,
                                    gsize              n_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  set_ids (self->source_ids, ids, n_ids);
}

/**
 * chorus_inbox_filter_get_status_ids:
 * @n_ids: (out): where to store how many there are
 *
 * Returns: (transfer none) (array length=n_ids): the statuses let through;
 *   none for any
 */
const gint64 *
chorus_inbox_filter_get_status_ids (const ChorusInboxFilter *self,
                                    gsize                   *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->status_ids->len;
  return (const gint64 *) self->status_ids->data;
}

void
chorus_inbox_filter_set_status_ids (ChorusInboxFilter *self,
                                    const gint64      *ids,
                                    gsize              n_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  set_ids (self->status_ids, ids, n_ids);
}

/**
 * chorus_inbox_filter_get_assignee:
 * @member_id: (out) (optional): the team member, for
 *   %CHORUS_INBOX_ASSIGNEE_MEMBER; 0 otherwise
 */
ChorusInboxAssignee
chorus_inbox_filter_get_assignee (const ChorusInboxFilter *self,
                                  gint64                  *member_id)
{
  g_return_val_if_fail (self != NULL, CHORUS_INBOX_ASSIGNEE_ANY);

  if (member_id != NULL)
    *member_id = self->assignee_id;
  return self->assignee;
}

/**
 * chorus_inbox_filter_set_assignee:
 * @member_id: the team member for %CHORUS_INBOX_ASSIGNEE_MEMBER; ignored
 *   otherwise
 */
void
chorus_inbox_filter_set_assignee (ChorusInboxFilter   *self,
                                  ChorusInboxAssignee  assignee,
                                  gint64               member_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (assignee <= CHORUS_INBOX_ASSIGNEE_MEMBER);

  self->assignee = assignee;
  self->assignee_id = assignee == CHORUS_INBOX_ASSIGNEE_MEMBER ? member_id : 0;
}

/**
 * chorus_inbox_filter_get_tag_ids:
 * @n_ids: (out): where to store how many there are
 *
 * Returns: (transfer none) (array length=n_ids): conversations with any of
 *   these tags are let through; none for any
 */
const gint64 *
chorus_inbox_filter_get_tag_ids (const ChorusInboxFilter *self,
                                 gsize                   *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->tag_ids->len;
  return (const gint64 *) self->tag_ids->data;
}

void
chorus_inbox_filter_set_tag_ids (ChorusInboxFilter *self,
                                 const gint64      *ids,
                                 gsize              n_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ids != NULL || n_ids == 0);

  set_ids (self->tag_ids, ids, n_ids);
}

ChorusInboxSentiments
chorus_inbox_filter_get_sentiments (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sentiments;
}

/**
 * chorus_inbox_filter_set_sentiments:
 * @sentiments: the effective sentiments let through; 0 (or all three) for any
 */
void
chorus_inbox_filter_set_sentiments (ChorusInboxFilter     *self,
                                    ChorusInboxSentiments  sentiments)
{
  g_return_if_fail (self != NULL);

  sentiments &= CHORUS_INBOX_SENTIMENT_ALL;
  self->sentiments = sentiments == CHORUS_INBOX_SENTIMENT_ALL ? 0 : sentiments;
}

/**
 * chorus_inbox_filter_get_languages:
 *
 * Returns: (transfer none): the conversation languages let through, as
 *   lower-case codes ("en", "pt-br"); empty for any
 */
const char * const *
chorus_inbox_filter_get_languages (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->languages;
}

/**
 * chorus_inbox_filter_set_languages:
 * @languages: (nullable): language codes; "pt" also lets "pt-BR" through
 */
void
chorus_inbox_filter_set_languages (ChorusInboxFilter  *self,
                                   const char * const *languages)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->languages);
  self->languages = normalize_strv (languages, TRUE);
}

/**
 * chorus_inbox_filter_get_date_range:
 * @since: (out) (optional): the earliest last activity let through, in
 *   Unix seconds; 0 for no bound
 * @until: (out) (optional): the last activity must be before it; 0 for no
 *   bound
 */
void
chorus_inbox_filter_get_date_range (const ChorusInboxFilter *self,
                                    gint64                  *since,
                                    gint64                  *until)
{
  g_return_if_fail (self != NULL);

  if (since != NULL)
    *since = self->since;
  if (until != NULL)
    *until = self->until;
}

/**
 * chorus_inbox_filter_set_date_range:
 * @since: conversations whose last activity is at or after it, in Unix
 *   seconds; 0 for no bound
 * @until: and before it; 0 for no bound
 */
void
chorus_inbox_filter_set_date_range (ChorusInboxFilter *self,
                                    gint64             since,
                                    gint64             until)
{
  g_return_if_fail (self != NULL);

  self->since = since;
  self->until = until;
}

gboolean
chorus_inbox_filter_get_unread_only (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->unread_only;
}

void
chorus_inbox_filter_set_unread_only (ChorusInboxFilter *self,
                                     gboolean           unread_only)
{
  g_return_if_fail (self != NULL);

  self->unread_only = !!unread_only;
}

gboolean
chorus_inbox_filter_get_question_only (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->question_only;
}

/**
 * chorus_inbox_filter_set_question_only:
 * @question_only: whether to let through only conversations that ask a
 *   question
 */
void
chorus_inbox_filter_set_question_only (ChorusInboxFilter *self,
                                       gboolean           question_only)
{
  g_return_if_fail (self != NULL);

  self->question_only = !!question_only;
}

ChorusInboxSegments
chorus_inbox_filter_get_segments (const ChorusInboxFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->segments;
}

/**
 * chorus_inbox_filter_set_segments:
 * @segments: let through conversations started by a person in any of these
 *   segments; 0 for any conversation
 */
void
chorus_inbox_filter_set_segments (ChorusInboxFilter   *self,
                                  ChorusInboxSegments  segments)
{
  g_return_if_fail (self != NULL);

  self->segments = segments & CHORUS_INBOX_SEGMENT_ALL;
}
