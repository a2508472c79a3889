/* fake-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "chorus-test-util.h"
#include "fake-discourse-private.h"

/* The fake forum's server, its topics and the members' posts in them:
 * what a sync reads. Posting and polls are in fake-discourse-polls.c. */

#define LIST_PAGE   30           /* topics per page of /latest.json, as Discourse has */
#define TOPIC_CHUNK 20           /* posts in /t/<id>.json, as Discourse has */

static void
post_free (Post *post)
{
  g_free (post->title);
  g_free (post->username);
  g_free (post->raw);
  g_free (post->results);
  for (guint i = 0; i < post->n_options; i++)
    {
      g_free (post->options[i]);
      g_ptr_array_unref (post->voters[i]);
    }
  g_free (post);
}

Post *
_fake_discourse_latest (FakeDiscourse *self)
{
  g_assert_cmpuint (self->posts->len, >, 0);
  return g_ptr_array_index (self->posts, self->posts->len - 1);
}

guint
_fake_discourse_count_posts (FakeDiscourse *self,
                             gint64         topic_id)
{
  guint n = 0;

  for (guint i = 0; i < self->posts->len; i++)
    n += ((Post *) g_ptr_array_index (self->posts, i))->topic_id == topic_id;
  return n;
}

Post *
_fake_discourse_find_post (FakeDiscourse *self,
                           gint64         id)
{
  for (guint i = 0; i < self->posts->len; i++)
    if (((Post *) g_ptr_array_index (self->posts, i))->id == id)
      return g_ptr_array_index (self->posts, i);
  return NULL;
}

/* Answers */

char *
_fake_discourse_stamp (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
}

static void
add_post (FakeDiscourse *self,
          JsonBuilder   *b,
          Post          *post)
{
  g_autofree char *created = _fake_discourse_stamp (post->created_at);
  g_autofree char *cooked = post->username != NULL ? g_markup_printf_escaped ("<p>%s</p>", post->raw) : NULL;
  const char *username = post->username != NULL ? post->username : self->username;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, post->id);
  json_builder_set_member_name (b, "username");
  json_builder_add_string_value (b, username);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, username);
  json_builder_set_member_name (b, "avatar_template");
  json_builder_add_string_value (b, "/letter_avatar_proxy/v4/letter/b/{size}.png");
  json_builder_set_member_name (b, "created_at");
  json_builder_add_string_value (b, created);
  json_builder_set_member_name (b, "cooked");
  json_builder_add_string_value (b, cooked != NULL ? cooked : "<p>A poll</p>");
  json_builder_set_member_name (b, "raw");
  json_builder_add_string_value (b, post->raw);
  json_builder_set_member_name (b, "post_number");
  json_builder_add_int_value (b, post->number);
  json_builder_set_member_name (b, "post_type");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "topic_id");
  json_builder_add_int_value (b, post->topic_id);
  json_builder_set_member_name (b, "topic_slug");
  json_builder_add_string_value (b, "spring-tagline");
  json_builder_set_member_name (b, "reply_to_post_number");
  json_builder_add_null_value (b);
  json_builder_set_member_name (b, "yours");
  json_builder_add_boolean_value (b, post->username == NULL);
  json_builder_set_member_name (b, "deleted_at");
  if (post->deleted)
    json_builder_add_string_value (b, created);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "actions_summary");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  if (post->n_options > 0)
    _fake_discourse_add_poll (b, post);
  json_builder_end_object (b);
}

void
_fake_discourse_reply_builder (SoupServerMessage *message,
                               JsonBuilder       *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *json = json_to_string (root, FALSE);

  chorus_test_reply_json (message, 200, json);
}

/* Requests */

static void
serve_post (FakeDiscourse     *self,
            SoupServerMessage *message,
            Post              *post)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (post == NULL || (post->deleted && post->number > 1))
    {
      chorus_test_reply_json (message, 404, "{\"errors\":[\"The requested URL or resource could not be found.\"]}");
      return;
    }
  add_post (self, b, post);
  _fake_discourse_reply_builder (message, b);
}

static void
serve_topic (FakeDiscourse     *self,
             SoupServerMessage *message,
             gint64             topic_id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, topic_id);
  json_builder_set_member_name (b, "post_stream");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "posts");
  json_builder_begin_array (b);
  for (guint i = 0, n = 0; i < self->posts->len && n < TOPIC_CHUNK; i++)
    if (((Post *) g_ptr_array_index (self->posts, i))->topic_id == topic_id)
      {
        add_post (self, b, g_ptr_array_index (self->posts, i));
        n++;
      }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "stream");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->posts->len; i++)
    if (((Post *) g_ptr_array_index (self->posts, i))->topic_id == topic_id)
      json_builder_add_int_value (b, ((Post *) g_ptr_array_index (self->posts, i))->id);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  _fake_discourse_reply_builder (message, b);
}

/* /t/<id>/posts.json?post_ids[]=…, read from the raw query (the decoded
 * one keeps one value per name). */
static void
serve_posts (FakeDiscourse     *self,
             SoupServerMessage *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *query = g_uri_get_query (soup_server_message_get_uri (message));
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "post_stream");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "posts");
  json_builder_begin_array (b);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      Post *post = g_str_has_prefix (pairs[i], "post_ids%5B%5D=")
                     ? _fake_discourse_find_post (self, g_ascii_strtoll (pairs[i] + strlen ("post_ids%5B%5D="), NULL, 10))
                     : NULL;

      if (post != NULL)
        add_post (self, b, post);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  _fake_discourse_reply_builder (message, b);
}

/* A topic summary of /latest.json, from the topic's latest post (a
 * members' topic is titled after its id). */
static void
add_topic_summary (JsonBuilder *b,
                   Post        *last)
{
  g_autofree char *last_posted = _fake_discourse_stamp (last->created_at);
  g_autofree char *json = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",\"title\":\"Topic %" G_GINT64_FORMAT "\","
                                           "\"slug\":\"topic-%" G_GINT64_FORMAT "\",\"posts_count\":%u,"
                                           "\"last_posted_at\":\"%s\"}", last->topic_id, last->topic_id,
                                           last->topic_id, last->number, last_posted);

  json_builder_add_value (b, json_from_string (json, NULL));
}

/* The members' topics, the latest active first, LIST_PAGE a page: posts
 * are made in time order, so a topic's last post is its latest. */
static void
serve_latest (FakeDiscourse     *self,
              SoupServerMessage *message,
              GHashTable        *query)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) latest_posts = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *page_text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  guint page = page_text != NULL ? (guint) g_ascii_strtoull (page_text, NULL, 10) : 0;

  for (guint i = self->posts->len; i > 0; i--)
    {
      Post *post = g_ptr_array_index (self->posts, i - 1);

      if (post->username != NULL && g_hash_table_add (seen, &post->topic_id))
        g_ptr_array_add (latest_posts, post);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "topic_list");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "topics");
  json_builder_begin_array (b);
  for (guint i = page * LIST_PAGE; i < MIN (latest_posts->len, (page + 1) * LIST_PAGE); i++)
    add_topic_summary (b, g_ptr_array_index (latest_posts, i));
  json_builder_end_array (b);
  if ((page + 1) * LIST_PAGE < latest_posts->len)
    {
      g_autofree char *more = g_strdup_printf ("/latest.json?page=%u", page + 1);

      json_builder_set_member_name (b, "more_topics_url");
      json_builder_add_string_value (b, more);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  _fake_discourse_reply_builder (message, b);
}

/* The fault waiting for @path, taken. */
static FakeDiscourseFault
take_fault (FakeDiscourse *self,
            const char    *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    if (g_str_has_prefix (path, g_ptr_array_index (self->fault_prefixes, i)))
      {
        FakeDiscourseFault fault = g_array_index (self->faults, FakeDiscourseFault, i);

        g_array_remove_index (self->faults, i);
        g_ptr_array_remove_index (self->fault_prefixes, i);
        return fault;
      }
  return FAKE_DISCOURSE_FAULT_NONE;
}

static gboolean
serve_fault (SoupServerMessage  *message,
             FakeDiscourseFault  fault)
{
  switch (fault)
    {
    case FAKE_DISCOURSE_FAULT_SERVER_ERROR:
      chorus_test_reply_json (message, 500, "{\"errors\":[\"Internal Server Error\"]}");
      return TRUE;
    case FAKE_DISCOURSE_FAULT_RATE_LIMIT:
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0");
      chorus_test_reply_json (message, 429, "{\"errors\":[\"Slow down\"],\"error_type\":\"rate_limit\"}");
      return TRUE;
    case FAKE_DISCOURSE_FAULT_MALFORMED:
      chorus_test_reply_json (message, 200, "{\"id\":500,\"polls\":[{\"name\":\"poll\",\"options\":[");
      return TRUE;
    case FAKE_DISCOURSE_FAULT_DROP:
      chorus_test_reply_dropped (message, "{\"id\":500,\"polls\":[{\"name\":\"poll\",\"type\":\"regular\","
                                          "\"status\":\"open\",\"options\":[],\"voters\":0}]}");
      return TRUE;
    case FAKE_DISCOURSE_FAULT_LOSE_ANSWER:
    case FAKE_DISCOURSE_FAULT_NONE:
    default:
      return FALSE;
    }
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  FakeDiscourse *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *method = soup_server_message_get_method (message);
  FakeDiscourseFault fault;
  gint64 id;

  if (self->request_func != NULL)
    self->request_func (method, path, self->request_data);
  if (g_str_has_prefix (path, "/posts/"))
    self->stats.post_reads++;
  fault = take_fault (self, path);
  if (serve_fault (message, fault))
    return;

  if (g_strcmp0 (soup_message_headers_get_one (headers, "Api-Key"), self->key) != 0 ||
      g_strcmp0 (soup_message_headers_get_one (headers, "Api-Username"), self->username) != 0)
    chorus_test_reply_json (message, 403, "{\"errors\":[\"You are not permitted to view the requested resource.\"]}");
  else if (g_str_equal (method, "POST") && g_str_equal (path, "/posts.json"))
    {
      if (_fake_discourse_create_post (self, message))
        {
          if (fault == FAKE_DISCOURSE_FAULT_LOSE_ANSWER)
            chorus_test_reply_json (message, 502, "<html>Bad Gateway</html>");
          else
            serve_post (self, message, _fake_discourse_latest (self));
        }
    }
  else if (g_str_equal (path, "/latest.json"))
    serve_latest (self, message, query);
  else if (g_str_equal (path, "/polls/voters.json"))
    _fake_discourse_serve_voters (self, message, query);
  else if (g_str_has_prefix (path, "/topics/created-by/"))
    _fake_discourse_serve_created_topics (self, message);
  else if (sscanf (path, "/posts/%" G_GINT64_FORMAT ".json", &id) == 1)
    serve_post (self, message, _fake_discourse_find_post (self, id));
  else if (g_str_has_prefix (path, "/t/") && g_str_has_suffix (path, "/posts.json"))
    serve_posts (self, message);
  else if (sscanf (path, "/t/%" G_GINT64_FORMAT ".json", &id) == 1)
    serve_topic (self, message, id);
  else
    chorus_test_reply_json (message, 404, "{\"errors\":[\"Not found\"]}");
}

/* Public API */

FakeDiscourse *
fake_discourse_start (const char *key,
                      const char *username)
{
  FakeDiscourse *self = g_new0 (FakeDiscourse, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;

  self->key = g_strdup (key);
  self->username = g_strdup (username);
  self->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) post_free);
  self->forum_clock = g_get_real_time () / G_USEC_PER_SEC - 30 * 24 * 60 * 60;
  self->fault_prefixes = g_ptr_array_new_with_free_func (g_free);
  self->faults = g_array_new (FALSE, FALSE, sizeof (FakeDiscourseFault));
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  self->url = g_strndup (url, strlen (url) - (g_str_has_suffix (url, "/") ? 1 : 0));
  return self;
}

void
fake_discourse_stop (FakeDiscourse *self)
{
  soup_server_disconnect (self->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (self->server);
  g_ptr_array_unref (self->posts);
  g_ptr_array_unref (self->fault_prefixes);
  g_array_unref (self->faults);
  g_free (self->url);
  g_free (self->key);
  g_free (self->username);
  g_free (self->last_create);
  g_free (self);
}

const char *
fake_discourse_get_url (FakeDiscourse *self)
{
  return self->url;
}

FakeDiscourseStats
fake_discourse_get_stats (FakeDiscourse *self)
{
  return self->stats;
}

void
fake_discourse_set_request_func (FakeDiscourse            *self,
                                 FakeDiscourseRequestFunc  func,
                                 gpointer                  user_data)
{
  self->request_func = func;
  self->request_data = user_data;
}

/* A post of a member's in a topic of the members', a minute after the
 * one before. */
static void
add_member_post (FakeDiscourse *self,
                 gint64         topic_id)
{
  Post *post = g_new0 (Post, 1);

  post->number = _fake_discourse_count_posts (self, topic_id) + 1;
  post->id = 500 + self->posts->len;
  post->topic_id = topic_id;
  post->username = g_strdup_printf ("member%u", (guint) (topic_id + post->number) % 7);
  post->raw = g_strdup_printf ("Post %u of topic %" G_GINT64_FORMAT " about the tall pine tent.", post->number,
                               topic_id);
  post->created_at = self->forum_clock += 60;
  g_ptr_array_add (self->posts, post);
}

/* A new topic of the members', with @replies after its first post;
 * /latest.json lists these topics only. Returns its id. */
gint64
fake_discourse_add_topic (FakeDiscourse *self,
                          guint          replies)
{
  gint64 topic_id = FIRST_FORUM_TOPIC + self->forum_topics++;

  for (guint i = 0; i <= replies; i++)
    add_member_post (self, topic_id);
  return topic_id;
}

void
fake_discourse_add_replies (FakeDiscourse *self,
                            gint64         topic_id,
                            guint          replies)
{
  for (guint i = 0; i < replies; i++)
    add_member_post (self, topic_id);
}

/* The id of post @number of topic @topic_id, or 0. */
gint64
fake_discourse_get_post_id (FakeDiscourse *self,
                            gint64         topic_id,
                            guint          number)
{
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = g_ptr_array_index (self->posts, i);

      if (post->topic_id == topic_id && post->number == number)
        return post->id;
    }
  return 0;
}

void
fake_discourse_add_fault (FakeDiscourse      *self,
                          const char         *prefix,
                          FakeDiscourseFault  fault)
{
  g_ptr_array_add (self->fault_prefixes, g_strdup (prefix));
  g_array_append_val (self->faults, fault);
}

