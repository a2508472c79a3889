/* chorus-discourse-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-discourse-parse.h"
#include "chorus-discourse-sync.h"
#include "chorus-error.h"
#include "chorus-pager.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-discourse.h"
#include "chorus-secrets.h"

/* A Discourse forum, read through the pager: the latest topics (of the
 * watched categories, or of the whole forum) and keyword searches (of the
 * whole forum), each topic with new activity then read from where the
 * last sync stopped.
 *
 * Sign-in: an API key in the "Api-Key" header, with the account in
 * "Api-Username" (a key made for one user needs no username). A source
 * with neither an account nor a key variable reads anonymously, as public
 * forums allow. The key goes only to the forum (the pager sees to that)
 * and never into a message or a log.
 *
 * Walks. A topic list (/latest.json, or /c/<slug>/<id>/l/latest.json for
 * a category, the id found in /categories.json) is sorted by bump, newest
 * first; a search (/search.json?q=<word> order:latest) by post, newest
 * first. Their cursor ("latest", "latest:<slug>", "search:<word>") is a
 * high-water mark: the newest activity (a topic's last_posted_at, a hit's
 * created_at, in Unix seconds) that the walk read. A walk takes one page
 * per pager stream; each page queues a stream per topic with activity at
 * or after the mark (at: a post in the same second may have come after
 * the read), then a stream for the next page, which therefore runs after
 * those topics. The walk ends on the first page with nothing at or after
 * the mark, and that page stores the new mark: only once every topic the
 * walk found is stored, so an interrupted sync walks again (what it reads
 * twice is recognised by its URI) and skips nothing. A first walk reads
 * one page, and a walk at most MAX_WALK_PAGES; both end with a page that
 * is fetched only to store the mark. A forum so busy that more pages were
 * bumped since the last sync loses the older part of the gap, as a first
 * sync does. The mark follows last_posted_at, not bumped_at: a topic
 * bumped without a new post (by a moderator) is not read again, and a
 * whole page of them would end the walk early.
 *
 * Topics. /t/<id>.json gives the first posts (20) and every post id in
 * order (post_stream.stream); the rest come from /t/<id>/posts.json with
 * post_ids[], CHUNK_POSTS at a time. The cursor "topic:<id>" is the id of
 * the last post read, in the topic's order: the next read fetches what
 * comes after it (by position, or by id when that post is gone: ids grow
 * with time), stored chunk by chunk. A topic's first read takes the first
 * chunk and its newest MAX_FIRST_POSTS posts. Search hits the cursor has
 * passed are fetched too, without moving it. A topic is queued once per
 * sync, however many walks find it. Polls come with their posts. */

#define MAX_WALK_PAGES      10     /* pages of one walk per sync */
#define CHUNK_POSTS         20     /* post ids per /t/<id>/posts.json */
#define MAX_FIRST_POSTS     100    /* beyond the first chunk, on a topic's first read */
#define MAX_NEW_POSTS       1000   /* of one topic, per sync */
#define MAX_CATEGORY_DEPTH  3

typedef enum
{
  STREAM_CATEGORIES,
  STREAM_LATEST,
  STREAM_SEARCH,
  STREAM_TOPIC,
} StreamKind;

/* A topic queued this sync. */
typedef struct
{
  gint64    id;
  gboolean  started;       /* its first page was asked for */
  GArray   *wanted;        /* gint64: post ids a search found */
} Topic;

/* What the streams of one sync share; parses run in worker threads. */
typedef struct
{
  char       *base;        /* the forum, without a trailing slash */
  GMutex      lock;
  GPtrArray  *topics;      /* Topic, every one queued */
  GHashTable *by_id;       /* gint64 id → the Topic queued last */
} Forum;

typedef struct
{
  StreamKind  kind;
  Forum      *forum;
  char       *term;        /* LATEST: the category slug, or NULL; SEARCH: the words */
  char       *path;        /* LATEST: the topic list */
  GStrv       slugs;       /* CATEGORIES: the watched ones */
  Topic      *topic;       /* TOPIC: in forum->topics */
  guint       page;        /* walks: the page to fetch */
  guint       walked;      /* walks: pages before it */
  gint64      newest;      /* walks: the newest activity read so far */
  gboolean    mark_only;   /* walks: only store the mark */
} Stream;

static void
topic_free (Topic *topic)
{
  g_array_unref (topic->wanted);
  g_free (topic);
}

static Forum *
forum_new (const char *base)
{
  Forum *forum = g_atomic_rc_box_new0 (Forum);

  forum->base = g_strdup (base);
  g_mutex_init (&forum->lock);
  forum->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  forum->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  return forum;
}

static void
forum_clear (Forum *forum)
{
  g_free (forum->base);
  g_mutex_clear (&forum->lock);
  g_hash_table_unref (forum->by_id);
  g_ptr_array_unref (forum->topics);
}

static void
forum_unref (Forum *forum)
{
  g_atomic_rc_box_release_full (forum, (GDestroyNotify) forum_clear);
}

static void
stream_free (Stream *stream)
{
  forum_unref (stream->forum);
  g_free (stream->term);
  g_free (stream->path);
  g_strfreev (stream->slugs);
  g_free (stream);
}

static gint64
parse_id (const char *text)
{
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* A topic token lists the post ids left to fetch, separated by commas;
 * those marked "+" move the cursor. Returns the next chunk of them. */
static GStrv
split_chunk (const char  *token,
             char       **rest)
{
  g_auto(GStrv) ids = g_strsplit (token, ",", -1);
  guint n = g_strv_length (ids);
  guint take = MIN (n, CHUNK_POSTS);
  GStrv chunk = g_new0 (char *, take + 1);

  for (guint i = 0; i < take; i++)
    chunk[i] = g_strdup (ids[i]);

  if (rest != NULL)
    *rest = take < n ? g_strjoinv (",", ids + take) : NULL;

  return chunk;
}

static void
append_chunk_url (GString    *url,
                  gint64      topic_id,
                  const char *token)
{
  g_auto(GStrv) chunk = split_chunk (token, NULL);

  g_string_append_printf (url, "/t/%" G_GINT64_FORMAT "/posts.json?", topic_id);
  for (guint i = 0; chunk[i] != NULL; i++)
    g_string_append_printf (url, "%spost_ids%%5B%%5D=%" G_GINT64_FORMAT,
                            i > 0 ? "&" : "", parse_id (chunk[i] + (chunk[i][0] == '+')));
}

static char *
stream_url (gpointer    data,
            const char *cursor,
            const char *token)
{
  Stream *stream = data;
  GString *url = g_string_new (stream->forum->base);
  g_autofree char *query = NULL;
  g_autofree char *escaped = NULL;

  switch (stream->kind)
    {
    case STREAM_CATEGORIES:
      g_string_append (url, "/categories.json?include_subcategories=true");
      break;

    case STREAM_LATEST:
      g_string_append (url, stream->path);
      if (stream->page > 0)
        g_string_append_printf (url, "?page=%u", stream->page);
      break;

    case STREAM_SEARCH:
      query = g_strconcat (stream->term, " order:latest", NULL);
      escaped = g_uri_escape_string (query, NULL, FALSE);
      g_string_append_printf (url, "/search.json?q=%s&page=%u", escaped, stream->page);
      break;

    case STREAM_TOPIC:
      if (token != NULL)
        {
          append_chunk_url (url, stream->topic->id, token);
          break;
        }

      /* From now on, a search hit in this topic needs a stream of its own. */
      g_mutex_lock (&stream->forum->lock);
      stream->topic->started = TRUE;
      g_mutex_unlock (&stream->forum->lock);
      g_string_append_printf (url, "/t/%" G_GINT64_FORMAT ".json", stream->topic->id);
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (url, FALSE);
}

/* Chunks after the first are known before the answer is parsed. */
static void
stream_peek (gpointer    data,
             ChorusPage *page)
{
  Stream *stream = data;

  if (stream->kind == STREAM_TOPIC && page->token != NULL)
    g_strfreev (split_chunk (page->token, &page->next_token));
}

static Stream *
stream_new (Forum      *forum,
            StreamKind  kind,
            const char *term)
{
  Stream *stream = g_new0 (Stream, 1);

  stream->kind = kind;
  stream->forum = g_atomic_rc_box_acquire (forum);
  stream->term = g_strdup (term);
  stream->page = kind == STREAM_SEARCH ? 1 : 0;

  return stream;
}

static gboolean parse_categories_page (gpointer     data,
                                       ChorusPage  *page,
                                       GError     **error);
static gboolean parse_walk_page       (gpointer     data,
                                       ChorusPage  *page,
                                       GError     **error);
static gboolean parse_topic_page      (gpointer     data,
                                       ChorusPage  *page,
                                       GError     **error);

static ChorusPagerStream *
wrap_stream (Stream *stream)
{
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  g_autofree char *number = NULL;
  ChorusPagerParseFunc parse = parse_walk_page;
  ChorusPagerStream *pager_stream;

  switch (stream->kind)
    {
    case STREAM_CATEGORIES:
      what = g_strdup (_("the forum’s categories"));
      parse = parse_categories_page;
      break;

    case STREAM_LATEST:
      key = stream->term != NULL ? g_strconcat ("latest:", stream->term, NULL) : g_strdup ("latest");
      /* Translators: %s is a forum category's short name. */
      what = stream->term != NULL ? g_strdup_printf (_("the latest topics in “%s”"), stream->term)
                                  : g_strdup (_("the latest topics"));
      break;

    case STREAM_SEARCH:
      key = g_strconcat ("search:", stream->term, NULL);
      /* Translators: %s is a word or phrase searched for. */
      what = g_strdup_printf (_("search results for “%s”"), stream->term);
      break;

    case STREAM_TOPIC:
      number = g_strdup_printf ("%" G_GINT64_FORMAT, stream->topic->id);
      key = g_strconcat ("topic:", number, NULL);
      /* Translators: %s is the number of a forum topic. */
      what = g_strdup_printf (_("topic %s"), number);
      parse = parse_topic_page;
      break;

    default:
      g_assert_not_reached ();
    }

  pager_stream = chorus_pager_stream_new (key, what, stream_url, stream_peek, parse, stream,
                                          (GDestroyNotify) stream_free);
  /* A topic listed a moment ago may since have been deleted or moved to
   * a category this account cannot read: the forum goes on without it. */
  pager_stream->optional = pager_stream->may_forbid = stream->kind == STREAM_TOPIC;

  return pager_stream;
}

static void
add_stream (ChorusPage *page,
            Stream     *stream)
{
  if (page->more_streams == NULL)
    page->more_streams = chorus_pager_stream_array_new ();
  g_ptr_array_add (page->more_streams, wrap_stream (stream));
}

/* Queues a topic unless it was queued already this sync; @post_id, when
 * not 0, is a search hit to fetch wherever the cursor stands, which a
 * topic already read needs a second stream for. */
static void
queue_topic (Stream     *stream,
             ChorusPage *page,
             gint64      topic_id,
             gint64      post_id)
{
  Forum *forum = stream->forum;
  Topic *topic;

  if (topic_id <= 0)
    return;

  g_mutex_lock (&forum->lock);
  topic = g_hash_table_lookup (forum->by_id, &topic_id);
  if (topic == NULL || (topic->started && post_id > 0))
    {
      Stream *topic_stream = stream_new (forum, STREAM_TOPIC, NULL);

      topic = g_new0 (Topic, 1);
      topic->id = topic_id;
      topic->wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (forum->topics, topic);
      g_hash_table_replace (forum->by_id, &topic->id, topic);
      topic_stream->topic = topic;
      add_stream (page, topic_stream);
    }
  if (post_id > 0 && !topic->started)
    g_array_append_val (topic->wanted, post_id);
  g_mutex_unlock (&forum->lock);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* The index in @order of the first post after the cursor. */
static guint
find_first_new (GArray     *order,
                const char *cursor)
{
  gint64 last = parse_id (cursor);

  if (cursor == NULL)
    return 0;

  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) == last)
      return i + 1;

  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) > last)
      return i;

  return order->len;
}

/* After a topic's first page: what is left to fetch, and where the cursor
 * goes when nothing is. */
static void
plan_topic (Stream     *stream,
            ChorusPage *page,
            GArray     *missing)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) wanted = NULL;
  GString *token = g_string_new (NULL);
  guint limit = page->cursor == NULL ? MAX_FIRST_POSTS : MAX_NEW_POSTS;
  guint loaded;
  guint first_new;
  guint from;

  for (guint i = 0; i < page->posts->len; i++)
    {
      ChorusIncomingPost *post = g_ptr_array_index (page->posts, i);
      gint64 id = parse_id (post->remote_id);

      if (id > 0)
        g_array_append_val (order, id);
    }
  loaded = order->len;
  g_array_append_vals (order, missing->data, missing->len);

  first_new = find_first_new (order, page->cursor);
  from = MAX (first_new, loaded);
  if (order->len - from > limit)
    from = order->len - limit;

  g_mutex_lock (&stream->forum->lock);
  wanted = g_array_copy (stream->topic->wanted);
  g_mutex_unlock (&stream->forum->lock);

  for (guint i = loaded; i < from; i++)
    if (contains_id (wanted, g_array_index (order, gint64, i)))
      g_string_append_printf (token, ",%" G_GINT64_FORMAT, g_array_index (order, gint64, i));
  for (guint i = from; i < order->len; i++)
    g_string_append_printf (token, ",+%" G_GINT64_FORMAT, g_array_index (order, gint64, i));

  if (token->len > 0)
    page->next_token = g_strdup (token->str + 1);
  else if (first_new < order->len)
    page->save_cursor = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (order, gint64, order->len - 1));

  g_string_free (token, TRUE);
}

/* The answer's body, never NULL. */
static const char *
get_body (ChorusPage *page,
          gssize     *length)
{
  gsize size;
  const char *body = g_bytes_get_data (page->response->body, &size);

  *length = (gssize) size;
  return size > 0 ? body : "";
}

static gboolean
parse_topic_page (gpointer     data,
                  ChorusPage  *page,
                  GError     **error)
{
  Stream *stream = data;
  gssize length;
  const char *body = get_body (page, &length);
  g_autoptr(GArray) missing = NULL;
  g_auto(GStrv) chunk = NULL;

  if (page->token == NULL)
    {
      if (!(page->posts = chorus_discourse_parse_topic (body, length, stream->forum->base, &missing, error)))
        return FALSE;

      plan_topic (stream, page, missing);
      return TRUE;
    }

  if (!(page->posts = chorus_discourse_parse_posts (body, length, stream->forum->base, error)))
    return FALSE;

  chunk = split_chunk (page->token, &page->next_token);
  for (guint i = 0; chunk[i] != NULL; i++)
    if (chunk[i][0] == '+')
      {
        g_free (page->save_cursor);
        page->save_cursor = g_strdup (chunk[i] + 1);
      }

  return TRUE;
}

/* A search hit's topic, from its key <base>/t/<topic id>/<post number>. */
static gint64
get_topic_id (ChorusIncomingPost *post)
{
  const char *t = post->uri != NULL ? g_strrstr (post->uri, "/t/") : NULL;

  return t != NULL ? parse_id (t + 3) : 0;
}

/* One page of a walk: queues what is new on it, then the next page, or
 * stores the mark when the walk is over. */
static gboolean
parse_walk_page (gpointer     data,
                 ChorusPage  *page,
                 GError     **error)
{
  Stream *stream = data;
  gssize length;
  const char *body = get_body (page, &length);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 mark = parse_id (page->cursor);
  gint64 newest = stream->newest;
  gboolean more = FALSE;
  guint found = 0;
  int next_page = -1;
  Stream *next;

  if (stream->kind == STREAM_LATEST)
    {
      if (!(topics = chorus_discourse_parse_topic_list (body, length, &next_page, error)))
        return FALSE;
      more = next_page >= 0;
    }
  else if (!(hits = chorus_discourse_parse_search (body, length, stream->forum->base, NULL, &more, error)))
    return FALSE;

  for (guint i = 0; !stream->mark_only && topics != NULL && i < topics->len; i++)
    {
      ChorusDiscourseTopic *topic = g_ptr_array_index (topics, i);

      if (page->cursor != NULL && topic->last_posted_at < mark)
        continue;
      queue_topic (stream, page, topic->id, 0);
      newest = MAX (newest, topic->last_posted_at);
      found++;
    }

  for (guint i = 0; !stream->mark_only && hits != NULL && i < hits->len; i++)
    {
      ChorusIncomingPost *hit = g_ptr_array_index (hits, i);

      if (page->cursor != NULL && hit->created_at < mark)
        continue;
      queue_topic (stream, page, get_topic_id (hit), parse_id (hit->remote_id));
      newest = MAX (newest, hit->created_at);
      found++;
    }

  if (stream->mark_only || found == 0)
    {
      if (newest > 0)
        page->save_cursor = g_strdup_printf ("%" G_GINT64_FORMAT, newest);
      return TRUE;
    }

  next = stream_new (stream->forum, stream->kind, stream->term);
  next->path = g_strdup (stream->path);
  next->walked = stream->walked + 1;
  next->newest = newest;
  next->mark_only = page->cursor == NULL || !more || next->walked >= MAX_WALK_PAGES;
  if (more)
    next->page = stream->kind == STREAM_LATEST ? (guint) next_page : stream->page + 1;
  else
    next->page = stream->page;
  add_stream (page, next);

  return TRUE;
}

static void
find_categories (JsonArray  *categories,
                 GHashTable *ids,
                 guint       depth)
{
  for (guint i = 0; i < _chorus_json_array_length (categories); i++)
    {
      JsonObject *category = _chorus_json_array_object (categories, i);
      const char *slug = _chorus_json_get_string (category, "slug");
      gint64 id = _chorus_json_get_int (category, "id", -1);

      if (slug != NULL && id > 0 && !g_hash_table_contains (ids, slug))
        g_hash_table_insert (ids, g_strdup (slug), g_strdup_printf ("%" G_GINT64_FORMAT, id));
      if (depth < MAX_CATEGORY_DEPTH)
        find_categories (_chorus_json_get_array (category, "subcategory_list"), ids, depth + 1);
    }
}

/* The watched categories' topic lists, by slug and id; a slug the list
 * lacks is asked for by slug alone, which recent forums resolve. */
static gboolean
parse_categories_page (gpointer     data,
                       ChorusPage  *page,
                       GError     **error)
{
  Stream *stream = data;
  gssize length;
  const char *body = get_body (page, &length);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!(root = _chorus_json_load (body, length, error)))
    return FALSE;

  find_categories (_chorus_json_get_array (_chorus_json_get_object (_chorus_json_object (root), "category_list"),
                                           "categories"),
                   ids, 0);

  for (guint i = 0; stream->slugs[i] != NULL; i++)
    {
      Stream *latest = stream_new (stream->forum, STREAM_LATEST, stream->slugs[i]);
      g_autofree char *escaped = g_uri_escape_string (stream->slugs[i], NULL, FALSE);
      const char *id = g_hash_table_lookup (ids, stream->slugs[i]);

      latest->path = id != NULL ? g_strdup_printf ("/c/%s/%s/l/latest.json", escaped, id)
                                : g_strdup_printf ("/c/%s/l/latest.json", escaped);
      add_stream (page, latest);
    }

  return TRUE;
}

/* What a sync needs until the pager runs: the pager's task is then the
 * caller's result, and a task of our own carries only a failure to start. */
typedef struct
{
  ChorusStore         *store;
  ChorusHttp          *http;
  ChorusSource        *source;
  GCancellable        *cancellable;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Start;

static void
start_free (Start *start)
{
  g_clear_object (&start->store);
  g_clear_object (&start->http);
  g_clear_object (&start->source);
  g_clear_object (&start->cancellable);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Start, start_free)

/* Starts the pager on what the source watches; @key is NULL for a source
 * that reads anonymously. */
static void
run_streams (Start      *start,
             const char *key)
{
  g_autoptr(GPtrArray) streams = chorus_pager_stream_array_new ();
  g_auto(GStrv) categories = chorus_source_split_watch_list (chorus_source_get_watch_categories (start->source),
                                                             FALSE);
  g_auto(GStrv) keywords = chorus_source_split_watch_list (chorus_source_get_watch_keywords (start->source), TRUE);
  const char *account = chorus_source_get_account (start->source);
  const char *headers[] = { "Api-Key", key, account != NULL ? "Api-Username" : NULL, account, NULL };
  g_autofree char *base = g_strstrip (g_strdup (chorus_source_get_server_url (start->source)));
  gsize length = strlen (base);
  Forum *forum;
  Stream *stream;

  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';
  forum = forum_new (base);

  if (categories[0] == NULL)
    {
      stream = stream_new (forum, STREAM_LATEST, NULL);
      stream->path = g_strdup ("/latest.json");
    }
  else
    {
      stream = stream_new (forum, STREAM_CATEGORIES, NULL);
      stream->slugs = g_steal_pointer (&categories);
    }
  g_ptr_array_add (streams, wrap_stream (stream));

  for (guint i = 0; keywords[i] != NULL; i++)
    g_ptr_array_add (streams, wrap_stream (stream_new (forum, STREAM_SEARCH, keywords[i])));

  forum_unref (forum);
  if (key != NULL && account != NULL)
    chorus_discourse_run_with_polls_async (start->store, start->http, chorus_source_get_id (start->source), base,
                                           headers, g_steal_pointer (&streams), start->cancellable,
                                           start->callback, start->user_data);
  else
    chorus_pager_run_async (start->store, start->http, chorus_source_get_id (start->source), base,
                            key != NULL ? headers : NULL, g_steal_pointer (&streams), start->cancellable,
                            start->callback, start->user_data);
}

static void
on_key_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Start) start = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  char *key;

  if ((key = chorus_secrets_lookup_finish (result, &error)) != NULL)
    {
      run_streams (start, key);
      chorus_secrets_free (key);
      return;
    }

  task = g_task_new (NULL, start->cancellable, start->callback, start->user_data);
  g_task_set_source_tag (task, chorus_discourse_sync_async);
  if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
    g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, "%s", error->message);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
chorus_discourse_sync_async (ChorusStore         *store,
                             ChorusHttp          *http,
                             ChorusSource        *source,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Start *start;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  start = g_new0 (Start, 1);
  start->store = g_object_ref (store);
  start->http = g_object_ref (http);
  start->source = g_object_ref (source);
  start->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  start->callback = callback;
  start->user_data = user_data;

  /* A source with an account, or a key in the environment, signs in. */
  if (chorus_source_get_account (source) != NULL || chorus_source_get_secret_env (source) != NULL)
    {
      chorus_secrets_lookup_async ("discourse", chorus_source_get_server_url (source),
                                   chorus_source_get_account (source), CHORUS_SECRET_KIND_API_KEY,
                                   chorus_source_get_secret_env (source), cancellable, on_key_cb, start);
      return;
    }

  run_streams (start, NULL);
  start_free (start);
}
