/* fake-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "chorus-test-util.h"
#include "fake-discourse.h"

#define MAX_OPTIONS 20
#define FIRST_FORUM_TOPIC 5000   /* the members' topics, fake_discourse_add_topic () */
#define LIST_PAGE   30           /* topics per page of /latest.json, as Discourse has */
#define TOPIC_CHUNK 20           /* posts in /t/<id>.json, as Discourse has */

typedef struct
{
  gint64     id;
  gint64     topic_id;
  guint      number;
  char      *username;     /* a member's; NULL for the account's own */
  char      *title;
  char      *raw;
  gint64     created_at;
  gboolean   public;
  gboolean   closed;
  gboolean   deleted;
  char      *results;
  guint      n_options;
  char      *options[MAX_OPTIONS];
  gint64     votes[MAX_OPTIONS];
  GPtrArray *voters[MAX_OPTIONS];
} Post;

struct _FakeDiscourse
{
  SoupServer         *server;
  char               *url;            /* without the trailing slash */
  char               *key;
  char               *username;
  GPtrArray          *posts;          /* Post */
  GPtrArray          *fault_prefixes;
  GArray             *faults;         /* FakeDiscourseFault */
  FakeDiscourseStats  stats;
  gboolean            refuse_public;
  char               *last_create;
  FakeDiscourseRequestFunc request_func;
  gpointer            request_data;
  guint               forum_topics;
  gint64              forum_clock;    /* when the members' latest post was made */
};

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

static Post *
latest (FakeDiscourse *self)
{
  g_assert_cmpuint (self->posts->len, >, 0);
  return g_ptr_array_index (self->posts, self->posts->len - 1);
}

static guint
count_posts (FakeDiscourse *self,
             gint64         topic_id)
{
  guint n = 0;

  for (guint i = 0; i < self->posts->len; i++)
    n += ((Post *) g_ptr_array_index (self->posts, i))->topic_id == topic_id;
  return n;
}

static Post *
find_post (FakeDiscourse *self,
           gint64         id)
{
  for (guint i = 0; i < self->posts->len; i++)
    if (((Post *) g_ptr_array_index (self->posts, i))->id == id)
      return g_ptr_array_index (self->posts, i);
  return NULL;
}

/* Answers */

static char *
stamp (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
}

static char *
option_id (guint i)
{
  return g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) &i, sizeof i);
}

static void
add_poll (JsonBuilder *b,
          Post        *post)
{
  gboolean hidden = g_strcmp0 (post->results, "on_close") == 0 && !post->closed;
  gint64 voters = 0;

  json_builder_set_member_name (b, "polls");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "poll");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "regular");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, post->closed ? "closed" : "open");
  json_builder_set_member_name (b, "public");
  json_builder_add_boolean_value (b, post->public);
  json_builder_set_member_name (b, "results");
  json_builder_add_string_value (b, post->results);
  json_builder_set_member_name (b, "options");
  json_builder_begin_array (b);
  for (guint i = 0; i < post->n_options; i++)
    {
      g_autofree char *id = option_id (i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "html");
      json_builder_add_string_value (b, post->options[i]);
      if (!hidden)
        {
          json_builder_set_member_name (b, "votes");
          json_builder_add_int_value (b, post->votes[i]);
        }
      json_builder_end_object (b);
      voters += post->votes[i];
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "voters");
  json_builder_add_int_value (b, voters);
  json_builder_set_member_name (b, "chart_type");
  json_builder_add_string_value (b, "bar");
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static void
add_post (FakeDiscourse *self,
          JsonBuilder   *b,
          Post          *post)
{
  g_autofree char *created = stamp (post->created_at);
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
    add_poll (b, post);
  json_builder_end_object (b);
}

static void
reply_builder (SoupServerMessage *message,
               JsonBuilder       *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *json = json_to_string (root, FALSE);

  chorus_test_reply_json (message, 200, json);
}

/* Requests */

static void
parse_poll (Post       *post,
            const char *raw)
{
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);
  gboolean inside = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "[poll "))
        {
          inside = TRUE;
          post->public = strstr (lines[i], "public=true") != NULL;
          post->results = g_strdup (strstr (lines[i], "results=on_close") ? "on_close" : "always");
        }
      else if (g_str_has_prefix (lines[i], "[/poll]"))
        inside = FALSE;
      else if (inside && g_str_has_prefix (lines[i], "* ") && post->n_options < MAX_OPTIONS)
        {
          post->voters[post->n_options] = g_ptr_array_new_with_free_func (g_free);
          post->options[post->n_options++] = g_strdup (lines[i] + 2);
        }
    }
}

/* A post with @raw: the next of @topic_id, or the first of a topic named
 * @title when @topic_id is 0. */
static Post *
add_new_post (FakeDiscourse *self,
              const char    *raw,
              gint64         topic_id,
              const char    *title)
{
  Post *post = g_new0 (Post, 1);

  post->id = 500 + self->posts->len;
  post->raw = g_strdup (raw);
  post->created_at = g_get_real_time () / G_USEC_PER_SEC;
  if (topic_id != 0)
    {
      post->topic_id = topic_id;
      post->number = topic_id >= FIRST_FORUM_TOPIC ? count_posts (self, topic_id) + 1 : 2;
    }
  else
    {
      post->topic_id = 900 + self->posts->len;
      post->number = 1;
      post->title = g_strdup (title);
    }
  parse_poll (post, post->raw);
  g_ptr_array_add (self->posts, post);
  self->stats.posts_made++;
  return post;
}

static gboolean
create_post (FakeDiscourse     *self,
             SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *input;

  self->stats.creates++;
  g_assert_true (json_parser_load_from_data (parser, body->data, (gssize) body->length, NULL));
  input = json_node_get_object (json_parser_get_root (parser));
  g_free (self->last_create);
  self->last_create = g_strndup (body->data, body->length);

  if (self->refuse_public && strstr (json_object_get_string_member (input, "raw"), "public=true") != NULL)
    {
      chorus_test_reply_json (message, 422, "{\"action\":\"create_post\",\"errors\":"
                                            "[\"This site does not allow public polls.\"]}");
      return FALSE;
    }

  add_new_post (self, json_object_get_string_member (input, "raw"),
                json_object_has_member (input, "topic_id") ? json_object_get_int_member (input, "topic_id") : 0,
                json_object_get_string_member_with_default (input, "title", NULL));
  return TRUE;
}

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
  reply_builder (message, b);
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
  reply_builder (message, b);
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
                     ? find_post (self, g_ascii_strtoll (pairs[i] + strlen ("post_ids%5B%5D="), NULL, 10)) : NULL;

      if (post != NULL)
        add_post (self, b, post);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  reply_builder (message, b);
}

/* A topic summary of /latest.json, from the topic's latest post (a
 * members' topic is titled after its id). */
static void
add_topic_summary (JsonBuilder *b,
                   Post        *last)
{
  g_autofree char *last_posted = stamp (last->created_at);
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
  reply_builder (message, b);
}

static void
serve_created_topics (FakeDiscourse     *self,
                      SoupServerMessage *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "topic_list");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "topics");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = g_ptr_array_index (self->posts, i);
      g_autofree char *created = stamp (post->created_at);

      if (post->title == NULL)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, post->topic_id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, post->title);
      json_builder_set_member_name (b, "created_at");
      json_builder_add_string_value (b, created);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  reply_builder (message, b);
}

static void
serve_voters (FakeDiscourse     *self,
              SoupServerMessage *message,
              GHashTable        *query)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *wanted = query != NULL ? g_hash_table_lookup (query, "option_id") : NULL;
  Post *post = find_post (self, g_ascii_strtoll (query != NULL ? g_hash_table_lookup (query, "post_id") : "0",
                                                 NULL, 10));
  guint page = MAX (1, (guint) g_ascii_strtoull (g_hash_table_lookup (query, "page") ?: "1", NULL, 10));
  guint limit = MAX (1, (guint) g_ascii_strtoull (g_hash_table_lookup (query, "limit") ?: "25", NULL, 10));

  self->stats.voter_reads++;
  g_assert_nonnull (post);
  g_assert_cmpstr (g_hash_table_lookup (query, "poll_name"), ==, "poll");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "voters");
  json_builder_begin_object (b);
  for (guint i = 0; i < post->n_options; i++)
    {
      g_autofree char *id = option_id (i);

      if (wanted != NULL && !g_str_equal (wanted, id))
        continue;
      json_builder_set_member_name (b, id);
      json_builder_begin_array (b);
      for (guint j = (page - 1) * limit; j < post->voters[i]->len && j < page * limit; j++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, 1000 + j);
          json_builder_set_member_name (b, "username");
          json_builder_add_string_value (b, g_ptr_array_index (post->voters[i], j));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  reply_builder (message, b);
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
      if (create_post (self, message))
        {
          if (fault == FAKE_DISCOURSE_FAULT_LOSE_ANSWER)
            chorus_test_reply_json (message, 502, "<html>Bad Gateway</html>");
          else
            serve_post (self, message, latest (self));
        }
    }
  else if (g_str_equal (path, "/latest.json"))
    serve_latest (self, message, query);
  else if (g_str_equal (path, "/polls/voters.json"))
    serve_voters (self, message, query);
  else if (g_str_has_prefix (path, "/topics/created-by/"))
    serve_created_topics (self, message);
  else if (sscanf (path, "/posts/%" G_GINT64_FORMAT ".json", &id) == 1)
    serve_post (self, message, find_post (self, id));
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

char *
fake_discourse_dup_last_create (FakeDiscourse *self)
{
  return g_strdup (self->last_create);
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

  post->number = count_posts (self, topic_id) + 1;
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

/* How many posts the forum holds whose raw is @raw. */
guint
fake_discourse_count_raw (FakeDiscourse *self,
                          const char    *raw)
{
  guint n = 0;

  for (guint i = 0; i < self->posts->len; i++)
    n += g_strcmp0 (((Post *) g_ptr_array_index (self->posts, i))->raw, raw) == 0;

  return n;
}

void
fake_discourse_set_votes (FakeDiscourse *self,
                          const gint64  *votes,
                          guint          n)
{
  Post *post = latest (self);

  for (guint i = 0; i < n && i < post->n_options; i++)
    post->votes[i] = votes[i];
}

void
fake_discourse_add_voter (FakeDiscourse *self,
                          guint          option,
                          const char    *username)
{
  Post *post = latest (self);

  g_assert_cmpuint (option, <, post->n_options);
  g_ptr_array_add (post->voters[option], g_strdup (username));
  post->votes[option] = post->voters[option]->len;
}

void
fake_discourse_set_results (FakeDiscourse *self,
                            const char    *results)
{
  Post *post = latest (self);

  g_free (post->results);
  post->results = g_strdup (results);
}

void
fake_discourse_close_poll (FakeDiscourse *self)
{
  latest (self)->closed = TRUE;
}

void
fake_discourse_delete_post (FakeDiscourse *self)
{
  latest (self)->deleted = TRUE;
}

void
fake_discourse_refuse_public (FakeDiscourse *self,
                              gboolean       refuse)
{
  self->refuse_public = refuse;
}

void
fake_discourse_add_fault (FakeDiscourse      *self,
                          const char         *prefix,
                          FakeDiscourseFault  fault)
{
  g_ptr_array_add (self->fault_prefixes, g_strdup (prefix));
  g_array_append_val (self->faults, fault);
}

void
fake_discourse_remove_voter (FakeDiscourse *self,
                             guint          option,
                             const char    *username)
{
  Post *post = latest (self);
  guint index;

  g_assert_cmpuint (option, <, post->n_options);
  g_assert_true (g_ptr_array_find_with_equal_func (post->voters[option], username, g_str_equal, &index));
  g_ptr_array_remove_index (post->voters[option], index);
  post->votes[option] = post->voters[option]->len;
}

/* A topic named @title opened with @raw, as a member of the forum would
 * (not through the API); returns the post's id. */
gint64
fake_discourse_open_topic (FakeDiscourse *self,
                           const char    *title,
                           const char    *raw)
{
  return add_new_post (self, raw, 0, title)->id;
}
