/* chorus-discourse-parse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-discourse-parse.h"
#include "chorus-discourse-parse-private.h"
#include "chorus-error.h"
#include "chorus-html.h"
#include "chorus-parse-json-private.h"

/* Discourse forum responses become ChorusIncomingPost records. A topic is
 * a flat thread: its root is post 1, and a post answers the post named by
 * reply_to_post_number, else the topic. A post's uri, its key, is
 * <base>/t/<topic id>/<post number>, which renaming a topic does not change;
 * its url adds the slug, as the forum's own links do. The JSON is untrusted: see
 * chorus-parse-json.c for how every value is checked. */

#define MAX_HTML_BYTES    (1024 * 1024)
#define AVATAR_SIZE       96

typedef struct
{
  char *base;                     /* no trailing slash */
  char *host;
} Forum;

/* What posts need from their topic when they do not say it themselves.
 * The id comes first: compare_ids() sorts these records by it. */
typedef struct
{
  gint64      id;
  const char *slug;
  const char *title;
} TopicInfo;

static gboolean
forum_init (Forum       *forum,
            const char  *base_url,
            GError     **error)
{
  gsize length;

  forum->base = _chorus_parse_dup_url (base_url);
  forum->host = _chorus_parse_dup_host (forum->base);
  if (forum->host == NULL)
    {
      g_clear_pointer (&forum->base, g_free);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   _("The forum address must be an http or https URL."));
      return FALSE;
    }

  length = strlen (forum->base);
  while (length > 0 && forum->base[length - 1] == '/')
    forum->base[--length] = '\0';

  return TRUE;
}

static void
forum_clear (Forum *forum)
{
  g_clear_pointer (&forum->base, g_free);
  g_clear_pointer (&forum->host, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Forum, forum_clear)

void
_chorus_discourse_set_shape_error (GError **error)
{
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
               _("The forum’s reply is not what Chorus asked for."));
}

static char *
dup_post_key (Forum  *forum,
              gint64  topic_id,
              gint64  post_number)
{
  return g_strdup_printf ("%s/t/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          forum->base, topic_id, post_number);
}

/* Slugs are usually ASCII, but a forum may keep titles' other letters. */
static char *
dup_post_uri (Forum      *forum,
              const char *slug,
              gint64      topic_id,
              gint64      post_number)
{
  g_autofree char *escaped = NULL;

  if (slug == NULL || *slug == '\0' || strlen (slug) > 1024 || !g_utf8_validate (slug, -1, NULL))
    return dup_post_key (forum, topic_id, post_number);

  escaped = g_uri_escape_string (slug, NULL, FALSE);
  return g_strdup_printf ("%s/t/%s/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          forum->base, escaped, topic_id, post_number);
}

/**
 * chorus_discourse_avatar_url:
 * @base_url: the forum's address
 * @avatar_template: (nullable): a user's `avatar_template`, which may be
 *   relative or start with `//`
 * @size: the size in pixels to ask for
 *
 * Returns: (transfer full) (nullable): the avatar's http(s) URL
 */
char *
chorus_discourse_avatar_url (const char *base_url,
                             const char *avatar_template,
                             int         size)
{
  g_autofree char *size_text = g_strdup_printf ("%d", CLAMP (size, 1, 1000));
  g_auto(GStrv) parts = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *absolute = NULL;

  if (avatar_template == NULL || *avatar_template == '\0' || strlen (avatar_template) > CHORUS_PARSE_MAX_URL)
    return NULL;

  parts = g_strsplit (avatar_template, "{size}", -1);
  expanded = g_strjoinv (size_text, parts);

  if (g_str_has_prefix (expanded, "//"))
    absolute = g_strconcat ("https:", expanded, NULL);
  else if (expanded[0] == '/' && base_url != NULL)
    absolute = g_strconcat (base_url, expanded, NULL);
  else
    absolute = g_strdup (expanded);

  return _chorus_parse_dup_url (absolute);
}

static ChorusIncomingAuthor *
parse_author (JsonObject *object,
              Forum      *forum)
{
  ChorusIncomingAuthor *author;
  const char *username = _chorus_json_get_string (object, "username");
  g_autofree char *escaped = NULL;

  if (username == NULL || *username == '\0' || strlen (username) > 256 ||
      !g_utf8_validate (username, -1, NULL))
    return NULL;

  author = chorus_incoming_author_new ();
  author->handle = g_strdup (username);
  author->server = g_strdup (forum->host);
  author->display_name = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "name"));
  if (author->display_name == NULL)
    author->display_name = g_strdup (username);
  author->avatar_url = chorus_discourse_avatar_url (forum->base,
                                                    _chorus_json_get_string (object, "avatar_template"),
                                                    AVATAR_SIZE);
  escaped = g_uri_escape_string (username, NULL, FALSE);
  author->profile_url = g_strdup_printf ("%s/u/%s", forum->base, escaped);

  return author;
}

static void
set_content (ChorusIncomingPost *post,
             Forum              *forum,
             const char         *html)
{
  g_autofree char *clipped = _chorus_parse_dup_text (html != NULL ? html : "", MAX_HTML_BYTES);
  g_autoptr(GError) error = NULL;

  if (!chorus_html_convert_full (clipped, -1, forum->base, &post->text, &post->markup, &error))
    {
      g_debug ("A forum post’s HTML could not be converted: %s", error->message);
      g_clear_pointer (&post->text, g_free);
      g_clear_pointer (&post->markup, g_free);
    }

  if (post->text == NULL)
    post->text = g_strdup ("");
}

/* Likes are the actions_summary entry with id 2. */
static gint64
get_like_count (JsonObject *post)
{
  JsonArray *actions = _chorus_json_get_array (post, "actions_summary");

  for (guint i = 0; i < _chorus_json_array_length (actions); i++)
    {
      JsonObject *action = _chorus_json_array_object (actions, i);

      if (_chorus_json_get_int (action, "id", -1) == 2)
        return _chorus_json_get_count (action, "count");
    }

  return _chorus_json_get_count (post, "like_count");
}

static gint64
get_edited_at (JsonObject *object,
               gint64      created_at)
{
  gint64 updated_at = _chorus_parse_time (_chorus_json_get_string (object, "updated_at"));
  gint64 version = _chorus_json_get_int (object, "version", -1);

  if (version > 1 || (version < 0 && updated_at > created_at))
    return updated_at;

  return 0;
}

/* Small actions ("closed this topic") and deleted posts are not posts. */
static gboolean
is_content (JsonObject *object)
{
  JsonNode *deleted_at = _chorus_json_get_member (object, "deleted_at");

  return _chorus_json_get_int (object, "post_type", 1) != 3 &&
         (deleted_at == NULL || JSON_NODE_HOLDS_NULL (deleted_at)) &&
         !_chorus_json_get_bool (object, "user_deleted");
}

static ChorusIncomingPost *
parse_post (JsonObject      *object,
            Forum           *forum,
            const TopicInfo *topic)
{
  g_autoptr(ChorusIncomingPost) post = NULL;
  gint64 topic_id = _chorus_json_get_int (object, "topic_id", topic != NULL ? topic->id : -1);
  gint64 number = _chorus_json_get_int (object, "post_number", -1);
  gint64 reply_to = _chorus_json_get_int (object, "reply_to_post_number", -1);
  const char *slug = _chorus_json_get_string (object, "topic_slug");
  const char *title = _chorus_json_get_string (object, "topic_title");
  const char *cooked = _chorus_json_get_string (object, "cooked");
  JsonArray *polls = _chorus_json_get_array (object, "polls");
  gint64 created_at = _chorus_parse_time (_chorus_json_get_string (object, "created_at"));

  if (topic_id <= 0 || number <= 0 || created_at <= 0 || !is_content (object))
    return NULL;

  if (slug == NULL && topic != NULL && topic->id == topic_id)
    slug = topic->slug;
  if (title == NULL && topic != NULL && topic->id == topic_id)
    title = topic->title;

  post = chorus_incoming_post_new ("discourse");
  post->author = parse_author (object, forum);
  if (post->author == NULL)
    return NULL;

  post->uri = dup_post_key (forum, topic_id, number);
  post->url = dup_post_uri (forum, slug, topic_id, number);
  post->remote_id = _chorus_json_dup_id (object, "id");
  post->created_at = created_at;
  post->edited_at = get_edited_at (object, created_at);
  post->title = _chorus_parse_dup_nonempty (title);
  set_content (post, forum, cooked != NULL ? cooked : _chorus_json_get_string (object, "blurb"));

  post->root_uri = dup_post_key (forum, topic_id, 1);
  if (reply_to <= 0 || reply_to >= number)
    reply_to = 1;
  if (number > 1)
    post->reply_to_uri = dup_post_key (forum, topic_id, reply_to);

  post->like_count = get_like_count (object);
  post->reply_count = _chorus_json_get_count (object, "reply_count");
  if (_chorus_json_array_length (polls) > 0)
    post->poll = _chorus_discourse_parse_poll_object (_chorus_json_array_object (polls, 0));

  return g_steal_pointer (&post);
}

static void
add_posts (GPtrArray       *posts,
           JsonArray       *array,
           Forum           *forum,
           const TopicInfo *topic)
{
  for (guint i = 0; i < _chorus_json_array_length (array); i++)
    {
      ChorusIncomingPost *post = parse_post (_chorus_json_array_object (array, i), forum, topic);

      if (post != NULL)
        g_ptr_array_add (posts, post);
    }
}

static void
read_topic_info (TopicInfo  *info,
                 JsonObject *topic)
{
  info->id = _chorus_json_get_int (topic, "id", -1);
  info->slug = _chorus_json_get_string (topic, "slug");
  info->title = _chorus_json_get_string (topic, "title");
}

static ChorusDiscourseTopic *
parse_topic_summary (JsonObject *object)
{
  ChorusDiscourseTopic *topic;
  gint64 id = _chorus_json_get_int (object, "id", -1);
  const char *slug = _chorus_json_get_string (object, "slug");
  const char *title = _chorus_json_get_string (object, "title");

  if (id <= 0)
    return NULL;

  topic = g_new0 (ChorusDiscourseTopic, 1);
  topic->id = id;
  topic->title = _chorus_parse_dup_clean (title != NULL ? title : "", CHORUS_PARSE_MAX_TEXT);
  topic->slug = _chorus_parse_is_identifier (slug, "-_", 1024) ? g_strdup (slug) : NULL;
  topic->posts_count = _chorus_json_get_count (object, "posts_count");
  topic->last_posted_at = _chorus_parse_time (_chorus_json_get_string (object, "last_posted_at"));
  if (topic->last_posted_at == 0)
    topic->last_posted_at = _chorus_parse_time (_chorus_json_get_string (object, "created_at"));
  topic->category_id = _chorus_json_get_count (object, "category_id");

  return topic;
}

static GPtrArray *
topic_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_discourse_topic_free);
}

static void
add_topics (GPtrArray *topics,
            JsonArray *array)
{
  for (guint i = 0; i < _chorus_json_array_length (array); i++)
    {
      ChorusDiscourseTopic *topic = parse_topic_summary (_chorus_json_array_object (array, i));

      if (topic != NULL)
        g_ptr_array_add (topics, topic);
    }
}

/* more_topics_url looks like "/latest.json?page=1". */
static int
parse_next_page (const char *more_topics_url)
{
  const char *query = more_topics_url != NULL ? strchr (more_topics_url, '?') : NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *value;
  guint64 page;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return -1;

  params = g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
  value = params != NULL ? g_hash_table_lookup (params, "page") : NULL;
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &page, NULL))
    return -1;

  return (int) page;
}

/**
 * chorus_discourse_parse_topic_list:
 * @data: the body of /latest.json, /top.json, /c/{slug}/{id}.json or
 *   another topic list
 * @length: the length of @data, or -1 when it is nul-terminated
 * @next_page: (out) (optional): the `page` to ask for next, or -1 on
 *   the last page
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusDiscourseTopic): the topics
 */
GPtrArray *
chorus_discourse_parse_topic_list (const char  *data,
                                   gssize       length,
                                   int         *next_page,
                                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *list;
  GPtrArray *topics;

  g_return_val_if_fail (data != NULL, NULL);

  if (next_page != NULL)
    *next_page = -1;

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  list = _chorus_json_get_object (_chorus_json_object (root), "topic_list");
  if (list == NULL)
    {
      _chorus_discourse_set_shape_error (error);
      return NULL;
    }

  topics = topic_array_new ();
  add_topics (topics, _chorus_json_get_array (list, "topics"));
  if (next_page != NULL)
    *next_page = parse_next_page (_chorus_json_get_string (list, "more_topics_url"));

  return topics;
}

/* Compares gint64 ids, and TopicInfo records by the id they start with. */
static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

static gpointer
find_sorted (GArray        *array,
             const gint64  *id,
             gsize          element_size)
{
  return array->len > 0 ? bsearch (id, array->data, array->len, element_size, compare_ids) : NULL;
}

/* post_stream.stream lists every post id of the topic, posts[] only the
 * first chunk. */
static GArray *
find_missing_ids (JsonArray *posts,
                  JsonArray *stream)
{
  g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *missing = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < _chorus_json_array_length (posts); i++)
    {
      gint64 id = _chorus_json_get_int (_chorus_json_array_object (posts, i), "id", -1);

      g_array_append_val (loaded, id);
    }
  g_array_sort (loaded, compare_ids);

  for (guint i = 0; i < _chorus_json_array_length (stream); i++)
    {
      JsonNode *node = json_array_get_element (stream, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        continue;

      id = json_node_get_int (node);
      if (id > 0 && find_sorted (loaded, &id, sizeof (gint64)) == NULL)
        g_array_append_val (missing, id);
    }

  return missing;
}

/**
 * chorus_discourse_parse_topic:
 * @data: the body of /t/{id}.json
 * @length: the length of @data, or -1 when it is nul-terminated
 * @base_url: the forum's address, such as `https://forum.example`
 * @missing_post_ids: (out) (optional) (element-type gint64): the ids in
 *   the topic's `post_stream.stream` that this response left out, to be
 *   fetched from /t/{id}/posts.json in chunks
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts,
 *   each titled with the topic's title
 */
GPtrArray *
chorus_discourse_parse_topic (const char  *data,
                              gssize       length,
                              const char  *base_url,
                              GArray     **missing_post_ids,
                              GError     **error)
{
  g_auto(Forum) forum = { NULL, NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *stream_object;
  JsonArray *posts;
  TopicInfo topic;
  GPtrArray *result;

  g_return_val_if_fail (data != NULL, NULL);

  if (missing_post_ids != NULL)
    *missing_post_ids = NULL;

  if (!forum_init (&forum, base_url, error) || !(root = _chorus_json_load (data, length, error)))
    return NULL;

  stream_object = _chorus_json_get_object (_chorus_json_object (root), "post_stream");
  posts = _chorus_json_get_array (stream_object, "posts");
  if (posts == NULL)
    {
      _chorus_discourse_set_shape_error (error);
      return NULL;
    }

  read_topic_info (&topic, _chorus_json_object (root));
  result = chorus_incoming_post_array_new ();
  add_posts (result, posts, &forum, &topic);

  if (missing_post_ids != NULL)
    *missing_post_ids = find_missing_ids (posts, _chorus_json_get_array (stream_object, "stream"));

  return result;
}

/**
 * chorus_discourse_parse_posts:
 * @data: the body of /t/{id}/posts.json (`post_stream.posts`), of
 *   /posts.json (`latest_posts`, paged with `before=`) or of
 *   /posts/{id}.json (one post)
 * @length: the length of @data, or -1 when it is nul-terminated
 * @base_url: the forum's address
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts
 */
GPtrArray *
chorus_discourse_parse_posts (const char  *data,
                              gssize       length,
                              const char  *base_url,
                              GError     **error)
{
  g_auto(Forum) forum = { NULL, NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *posts;
  TopicInfo topic;
  GPtrArray *result;

  g_return_val_if_fail (data != NULL, NULL);

  if (!forum_init (&forum, base_url, error) || !(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  posts = _chorus_json_get_array (_chorus_json_get_object (object, "post_stream"), "posts");
  if (posts == NULL)
    posts = _chorus_json_get_array (object, "latest_posts");

  if (posts == NULL && _chorus_json_get_member (object, "post_number") == NULL)
    {
      _chorus_discourse_set_shape_error (error);
      return NULL;
    }

  /* /t/{id}/posts.json names its topic at the top. */
  read_topic_info (&topic, object);
  result = chorus_incoming_post_array_new ();
  if (posts != NULL)
    {
      add_posts (result, posts, &forum, &topic);
    }
  else
    {
      ChorusIncomingPost *post = parse_post (object, &forum, NULL);

      if (post != NULL)
        g_ptr_array_add (result, post);
    }

  return result;
}

/* Search results before 2014 were a bare array of typed groups whose
 * topics carry a url ("/t/<slug>/<id>") instead of a slug. */
static void
add_legacy_topics (GPtrArray *topics,
                   JsonArray *groups)
{
  for (guint i = 0; i < _chorus_json_array_length (groups); i++)
    {
      JsonObject *group = _chorus_json_array_object (groups, i);
      JsonArray *results = _chorus_json_get_array (group, "results");

      if (g_strcmp0 (_chorus_json_get_string (group, "type"), "topic") != 0)
        continue;

      for (guint j = 0; j < _chorus_json_array_length (results); j++)
        {
          JsonObject *result = _chorus_json_array_object (results, j);
          ChorusDiscourseTopic *topic = parse_topic_summary (result);
          const char *url = _chorus_json_get_string (result, "url");
          g_auto(GStrv) parts = NULL;

          if (topic == NULL)
            continue;

          parts = url != NULL && g_str_has_prefix (url, "/t/") ? g_strsplit (url + 3, "/", 2) : NULL;
          if (topic->slug == NULL && parts != NULL && _chorus_parse_is_identifier (parts[0], "-_", 1024))
            topic->slug = g_strdup (parts[0]);

          g_ptr_array_add (topics, topic);
        }
    }
}

/**
 * chorus_discourse_parse_search:
 * @data: the body of /search.json
 * @length: the length of @data, or -1 when it is nul-terminated
 * @base_url: the forum's address
 * @topics: (out) (optional) (element-type ChorusDiscourseTopic): the
 *   topics found
 * @more_results: (out) (optional): whether the next `page` has more
 * @error: a location for a #GError
 *
 * Search results carry an excerpt (`blurb`) rather than the whole post,
 * and no reply target: a post after the first is taken to answer the
 * topic until the topic itself is read.
 *
 * Returns: (transfer full) (element-type ChorusIncomingPost): the posts
 */
GPtrArray *
chorus_discourse_parse_search (const char  *data,
                               gssize       length,
                               const char  *base_url,
                               GPtrArray  **topics,
                               gboolean    *more_results,
                               GError     **error)
{
  g_auto(Forum) forum = { NULL, NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) found_topics = topic_array_new ();
  g_autoptr(GArray) infos = NULL;
  JsonObject *object;
  JsonArray *posts;
  JsonArray *topic_array;
  GPtrArray *result;

  g_return_val_if_fail (data != NULL, NULL);

  if (topics != NULL)
    *topics = NULL;
  if (more_results != NULL)
    *more_results = FALSE;

  if (!forum_init (&forum, base_url, error) || !(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  if (object == NULL ? !JSON_NODE_HOLDS_ARRAY (root) :
      _chorus_json_get_array (object, "posts") == NULL && _chorus_json_get_array (object, "topics") == NULL)
    {
      _chorus_discourse_set_shape_error (error);
      return NULL;
    }

  result = chorus_incoming_post_array_new ();
  if (object == NULL)
    add_legacy_topics (found_topics, json_node_get_array (root));

  posts = _chorus_json_get_array (object, "posts");
  topic_array = _chorus_json_get_array (object, "topics");
  add_topics (found_topics, topic_array);

  /* Posts name their topic by id only. */
  infos = g_array_new (FALSE, FALSE, sizeof (TopicInfo));
  for (guint i = 0; i < _chorus_json_array_length (topic_array); i++)
    {
      TopicInfo info;

      read_topic_info (&info, _chorus_json_array_object (topic_array, i));
      g_array_append_val (infos, info);
    }
  g_array_sort (infos, compare_ids);

  for (guint i = 0; i < _chorus_json_array_length (posts); i++)
    {
      JsonObject *post_object = _chorus_json_array_object (posts, i);
      gint64 topic_id = _chorus_json_get_int (post_object, "topic_id", -1);
      const TopicInfo *topic = find_sorted (infos, &topic_id, sizeof (TopicInfo));
      ChorusIncomingPost *post = parse_post (post_object, &forum, topic);

      if (post != NULL)
        g_ptr_array_add (result, post);
    }

  if (more_results != NULL)
    *more_results = _chorus_json_get_bool (_chorus_json_get_object (object, "grouped_search_result"),
                                           "more_full_page_results");
  if (topics != NULL)
    *topics = g_steal_pointer (&found_topics);

  return result;
}

/**
 * chorus_discourse_author_from_user:
 * @base_url: the forum
 * @user: (nullable): a user, as a post's author or a poll's voter is given
 *
 * Returns: (transfer full) (nullable): the person, or %NULL when @user
 *   names no one (or @base_url is not a forum's address)
 */
ChorusIncomingAuthor *
chorus_discourse_author_from_user (const char *base_url,
                                   JsonObject *user)
{
  g_auto(Forum) forum = { NULL, NULL };

  if (user == NULL || !forum_init (&forum, base_url, NULL))
    return NULL;

  return parse_author (user, &forum);
}

/**
 * chorus_discourse_topic_free:
 * @topic: (nullable): a topic from chorus_discourse_parse_topic_list()
 */
void
chorus_discourse_topic_free (ChorusDiscourseTopic *topic)
{
  if (topic == NULL)
    return;

  g_free (topic->title);
  g_free (topic->slug);
  g_free (topic);
}
