/* fake-discourse-polls.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "chorus-test-util.h"
#include "fake-discourse-private.h"

/* The fake forum's writes and polls: posts made through the API (in a
 * topic, or opening one) with the poll block of their raw read, the
 * topics an account created, a poll's votes and public voters, and what
 * tests change about the latest post. */

static char *
option_id (guint i)
{
  return g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) &i, sizeof i);
}

void
_fake_discourse_add_poll (JsonBuilder *b,
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
      post->number = topic_id >= FIRST_FORUM_TOPIC ? _fake_discourse_count_posts (self, topic_id) + 1 : 2;
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

gboolean
_fake_discourse_create_post (FakeDiscourse     *self,
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

void
_fake_discourse_serve_created_topics (FakeDiscourse     *self,
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
      g_autofree char *created = _fake_discourse_stamp (post->created_at);

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
  _fake_discourse_reply_builder (message, b);
}

void
_fake_discourse_serve_voters (FakeDiscourse     *self,
                              SoupServerMessage *message,
                              GHashTable        *query)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *wanted = query != NULL ? g_hash_table_lookup (query, "option_id") : NULL;
  const char *post_id = query != NULL ? g_hash_table_lookup (query, "post_id") : NULL;
  Post *post = _fake_discourse_find_post (self, g_ascii_strtoll (post_id != NULL ? post_id : "0", NULL, 10));
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
  _fake_discourse_reply_builder (message, b);
}

char *
fake_discourse_dup_last_create (FakeDiscourse *self)
{
  return g_strdup (self->last_create);
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
  Post *post = _fake_discourse_latest (self);

  for (guint i = 0; i < n && i < post->n_options; i++)
    post->votes[i] = votes[i];
}

void
fake_discourse_add_voter (FakeDiscourse *self,
                          guint          option,
                          const char    *username)
{
  Post *post = _fake_discourse_latest (self);

  g_assert_cmpuint (option, <, post->n_options);
  g_ptr_array_add (post->voters[option], g_strdup (username));
  post->votes[option] = post->voters[option]->len;
}

void
fake_discourse_set_results (FakeDiscourse *self,
                            const char    *results)
{
  Post *post = _fake_discourse_latest (self);

  g_free (post->results);
  post->results = g_strdup (results);
}

void
fake_discourse_close_poll (FakeDiscourse *self)
{
  _fake_discourse_latest (self)->closed = TRUE;
}

void
fake_discourse_delete_post (FakeDiscourse *self)
{
  _fake_discourse_latest (self)->deleted = TRUE;
}

void
fake_discourse_refuse_public (FakeDiscourse *self,
                              gboolean       refuse)
{
  self->refuse_public = refuse;
}

void
fake_discourse_remove_voter (FakeDiscourse *self,
                             guint          option,
                             const char    *username)
{
  Post *post = _fake_discourse_latest (self);
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
