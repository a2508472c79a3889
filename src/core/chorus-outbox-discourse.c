/* chorus-outbox-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-discourse-parse.h"
#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-parse-json-private.h"

/* Writing to a Discourse forum: a reply (POST /posts.json in the topic,
 * answering the target's post number) or a like (POST /post_actions,
 * type 2). Discourse has no idempotency key, so an item that may already
 * be on the forum is looked for before it is sent again: a reply among
 * the topic's posts (by this account, no older than the item, with a text
 * the item carried), read back from the newest a page at a time until a
 * page reaches posts older than the item, a like in the post's own
 * actions. A
 * pre-test's poll (chorus-pretest-discourse.c) is a post whose raw holds
 * the poll, in a topic, or opening a new one: a new topic that may
 * already exist is looked for among the topics the account created, by
 * its title, and then in the topic as a reply is. */

#define LIKE_ACTION       2
#define TAIL_POSTS        20   /* ids asked for at once, as Discourse pages a topic */
#define LOOK_BACK_PAGES   25   /* so at most 500 posts since the item */
#define STATUS_UNPROCESSABLE 422

typedef struct
{
  ChorusOutboxChannel *channel;     /* the caller's, kept until the task returns */
  ChorusOutboxJob     *job;
  GPtrArray           *candidates;  /* JsonNode, the topic's posts read so far */
  gint64               topic_id;    /* the topic to look in */
  JsonNode            *topic;       /* /t/<id>.json, for its stream of post ids */
  guint                next;        /* the stream's posts before this one are not read yet */
  guint                pages;       /* /t/<id>/posts.json read */
} Send;

static void
send_free (Send *send)
{
  g_clear_pointer (&send->candidates, g_ptr_array_unref);
  g_clear_pointer (&send->topic, json_node_unref);
  g_free (send);
}

/* The forum's answer for one post, as the brand's own post. */
static ChorusOutboxResult *
sent_post (Send     *send,
           JsonNode *post_node)
{
  g_autofree char *json = json_to_string (post_node, FALSE);
  g_autoptr(GPtrArray) posts = chorus_discourse_parse_posts (json, -1, send->channel->origin, NULL);
  ChorusIncomingPost *post;

  if (posts == NULL || posts->len == 0)
    return _chorus_outbox_result_sent (NULL, NULL);

  post = g_ptr_array_steal_index (posts, 0);
  return _chorus_outbox_result_sent (post->uri, post);
}

/* A refused poll; a forum without public polls is told apart, since the
 * person can launch again without public voters. */
static ChorusOutboxResult *
refuse_poll (Send               *send,
             ChorusHttpResponse *response)
{
  ChorusOutboxResult *refusal = _chorus_outbox_channel_refusal (send->channel, send->job, response);
  g_autofree char *folded = NULL;

  if (refusal->error == NULL || !_chorus_json_get_bool (send->job->payload, "public"))
    return refusal;

  folded = g_utf8_casefold (refusal->error->message, -1);
  if (strstr (folded, "public") == NULL)
    return refusal;

  g_clear_error (&refusal->error);
  refusal->error = g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                /* Translators: %s is a forum's host. */
                                _("%s does not allow polls that show who voted: launch the poll again without "
                                  "public voters."), send->channel->network_name);
  return refusal;
}

static void
on_posted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean poll = send->job->kind == CHORUS_OUTBOX_KIND_POLL;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job,
                                               poll ? STATUS_UNPROCESSABLE : 0)))
    return;

  if (response->status == STATUS_UNPROCESSABLE)
    _chorus_outbox_send_return (task, refuse_poll (send, response));
  else if ((send->job->kind == CHORUS_OUTBOX_KIND_REPLY || poll) && (root = _chorus_outbox_response_json (response)))
    _chorus_outbox_send_return (task, sent_post (send, root));
  else
    _chorus_outbox_send_return (task, _chorus_outbox_result_sent (NULL, NULL));
}

static void
post_item (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  ChorusOutboxJob *job = send->job;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  gint64 number = _chorus_outbox_job_get_int (job, "post_number");

  json_builder_begin_object (builder);
  if (job->kind == CHORUS_OUTBOX_KIND_LIKE)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, g_ascii_strtoll (_chorus_outbox_job_get_string (job, "target_remote_id"),
                                                            NULL, 10));
      json_builder_set_member_name (builder, "post_action_type_id");
      json_builder_add_int_value (builder, LIKE_ACTION);
    }
  else if (job->kind == CHORUS_OUTBOX_KIND_POLL && _chorus_outbox_job_get_int (job, "topic_id") <= 0)
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, _chorus_outbox_job_get_string (job, "title"));
      if (_chorus_outbox_job_get_int (job, "category_id") > 0)
        {
          json_builder_set_member_name (builder, "category");
          json_builder_add_int_value (builder, _chorus_outbox_job_get_int (job, "category_id"));
        }
      json_builder_set_member_name (builder, "raw");
      json_builder_add_string_value (builder, job->body);
    }
  else
    {
      json_builder_set_member_name (builder, "topic_id");
      json_builder_add_int_value (builder, _chorus_outbox_job_get_int (job, "topic_id"));
      json_builder_set_member_name (builder, "raw");
      json_builder_add_string_value (builder, job->body);
      /* Post 1 is the topic itself: a reply to it is a reply to the topic. */
      if (number > 1)
        {
          json_builder_set_member_name (builder, "reply_to_post_number");
          json_builder_add_int_value (builder, number);
        }
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _chorus_outbox_channel_post_async (send->channel, job->kind == CHORUS_OUTBOX_KIND_LIKE ? "/post_actions"
                                                                                          : "/posts.json",
                                     body, NULL, g_task_get_cancellable (task), on_posted_cb, task);
}

/* Looking before sending again */

static gboolean
same_text (const char *raw,
           JsonArray  *bodies)
{
  g_autofree char *stripped = g_strstrip (g_strdup (raw));

  for (guint i = 0; i < _chorus_json_array_length (bodies); i++)
    {
      g_autofree char *body = g_strstrip (g_strdup (_chorus_json_string (json_array_get_element (bodies, i))));

      if (g_strcmp0 (stripped, body) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A post of the topic that is this item, sent before. */
static gboolean
is_this_reply (Send       *send,
               JsonObject *post)
{
  const char *account = chorus_source_get_account (send->channel->source);
  const char *username = _chorus_json_get_string (post, "username");
  const char *raw = _chorus_json_get_string (post, "raw");
  gint64 created_at = _chorus_parse_time (_chorus_json_get_string (post, "created_at"));
  gboolean mine = _chorus_json_get_bool (post, "yours") ||
                  (account != NULL && username != NULL && g_ascii_strcasecmp (account, username) == 0);

  return mine && raw != NULL && created_at >= send->job->created_at - CHORUS_OUTBOX_CLOCK_SKEW_SECONDS &&
         same_text (raw, _chorus_json_get_array (send->job->payload, "sent_bodies"));
}

static void
add_candidates (Send       *send,
                JsonObject *answer)
{
  JsonArray *posts = _chorus_json_get_array (_chorus_json_get_object (answer, "post_stream"), "posts");

  for (guint i = 0; i < _chorus_json_array_length (posts); i++)
    g_ptr_array_add (send->candidates, json_node_copy (json_array_get_element (posts, i)));
}

/* Returns the item as sent when a post read so far is it. */
static gboolean
return_if_found (GTask *task)
{
  Send *send = g_task_get_task_data (task);

  for (guint i = 0; i < send->candidates->len; i++)
    {
      JsonNode *node = g_ptr_array_index (send->candidates, i);

      if (is_this_reply (send, _chorus_json_object (node)))
        {
          _chorus_outbox_send_return (task, sent_post (send, node));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_loaded (Send   *send,
           gint64  id)
{
  for (guint i = 0; i < send->candidates->len; i++)
    if (_chorus_json_get_int (_chorus_json_object (g_ptr_array_index (send->candidates, i)), "id", -1) == id)
      return TRUE;

  return FALSE;
}

/* A page that holds a post older than the item (and the clocks' leeway)
 * reached back past it: the posts before are older still. */
static gboolean
predates_item (Send       *send,
               JsonObject *answer)
{
  JsonArray *posts = _chorus_json_get_array (_chorus_json_get_object (answer, "post_stream"), "posts");

  for (guint i = 0; i < _chorus_json_array_length (posts); i++)
    {
      const char *created = _chorus_json_get_string (_chorus_json_array_object (posts, i), "created_at");

      if (created != NULL && _chorus_parse_time (created) < send->job->created_at - CHORUS_OUTBOX_CLOCK_SKEW_SECONDS)
        return TRUE;
    }

  return FALSE;
}

/* So many posts came since the item that it may be further back than
 * Chorus reads: sending it again could post it twice. */
static ChorusOutboxResult *
unsure_result (Send *send)
{
  GError *error = g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                               /* Translators: %s is a forum's host. */
                               _("Could not tell whether this reply already reached %s: too many posts came after "
                                 "it. Look for it in the topic before writing it again."),
                               send->channel->network_name);

  return _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED, error);
}

static void read_back (GTask *task);

/* Every post id of the topic, oldest first. */
static JsonArray *
topic_stream (Send *send)
{
  return _chorus_json_get_array (_chorus_json_get_object (_chorus_json_object (send->topic), "post_stream"),
                                 "stream");
}

static void
on_tail_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  root = _chorus_outbox_response_json (response);
  add_candidates (send, _chorus_json_object (root));
  if (return_if_found (task))
    return;

  if (predates_item (send, _chorus_json_object (root)))
    post_item (task);
  else
    read_back (task);
}

/* The next TAIL_POSTS posts of the stream not read yet, newest first,
 * from /t/<id>/posts.json. */
static void
read_back (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  JsonArray *stream = topic_stream (send);
  g_autoptr(GString) path = g_string_new (NULL);
  guint asked = 0;

  if (send->pages == LOOK_BACK_PAGES)
    {
      _chorus_outbox_send_return (task, unsure_result (send));
      return;
    }

  g_string_printf (path, "/t/%" G_GINT64_FORMAT "/posts.json?include_raw=true", send->topic_id);
  while (send->next > 0 && asked < TAIL_POSTS)
    {
      JsonNode *element = json_array_get_element (stream, --send->next);
      gint64 id = json_node_get_value_type (element) == G_TYPE_INT64 ? json_node_get_int (element) : -1;

      if (id > 0 && !is_loaded (send, id))
        {
          g_string_append_printf (path, "&post_ids%%5B%%5D=%" G_GINT64_FORMAT, id);
          asked++;
        }
    }

  /* The whole topic is read, and the item is not in it. */
  if (asked == 0)
    {
      post_item (task);
      return;
    }

  send->pages++;
  _chorus_outbox_channel_get_async (send->channel, path->str, g_task_get_cancellable (task), on_tail_read_cb, task);
}

/* /t/<id>.json holds the topic's first posts and every post id: the
 * others come from /t/<id>/posts.json, the newest first. */
static void
on_topic_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  send->topic = _chorus_outbox_response_json (response);
  add_candidates (send, _chorus_json_object (send->topic));
  if (return_if_found (task))
    return;

  send->next = _chorus_json_array_length (topic_stream (send));
  read_back (task);
}

/* A like shows in the post's actions as "acted". */
static void
on_liked_post_read_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *actions;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  root = _chorus_outbox_response_json (response);
  actions = _chorus_json_get_array (_chorus_json_object (root), "actions_summary");
  for (guint i = 0; i < _chorus_json_array_length (actions); i++)
    {
      JsonObject *action = _chorus_json_array_object (actions, i);

      if (_chorus_json_get_int (action, "id", 0) == LIKE_ACTION && _chorus_json_get_bool (action, "acted"))
        {
          _chorus_outbox_send_return (task, _chorus_outbox_result_sent (NULL, NULL));
          return;
        }
    }

  post_item (task);
}

static void
read_topic (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/t/%" G_GINT64_FORMAT ".json?include_raw=true", send->topic_id);

  _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_topic_read_cb, task);
}

/* A poll that opened a new topic: the account's topic of that title,
 * created since the item was. */
static void
on_created_topics_read_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = g_strstrip (g_strdup (_chorus_outbox_job_get_string (send->job, "title")));
  JsonArray *topics;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  root = _chorus_outbox_response_json (response);
  topics = _chorus_json_get_array (_chorus_json_get_object (_chorus_json_object (root), "topic_list"), "topics");
  for (guint i = 0; i < _chorus_json_array_length (topics); i++)
    {
      JsonObject *topic = _chorus_json_array_object (topics, i);
      g_autofree char *other = g_strstrip (g_strdup (_chorus_json_get_string (topic, "title")));
      gint64 created_at = _chorus_parse_time (_chorus_json_get_string (topic, "created_at"));

      if (g_strcmp0 (title, other) == 0 &&
          created_at >= send->job->created_at - CHORUS_OUTBOX_CLOCK_SKEW_SECONDS &&
          (send->topic_id = _chorus_json_get_int (topic, "id", 0)) > 0)
        {
          read_topic (task);
          return;
        }
    }

  post_item (task);
}

static void
look_for_poll (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  const char *account = chorus_source_get_account (send->channel->source);
  g_autofree char *escaped = g_uri_escape_string (account != NULL ? account : "", NULL, FALSE);
  g_autofree char *path = NULL;

  if (send->topic_id > 0)
    {
      read_topic (task);
      return;
    }

  path = g_strconcat ("/topics/created-by/", escaped, ".json", NULL);
  _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_created_topics_read_cb,
                                    task);
}

/**
 * _chorus_outbox_discourse_send_async:
 * @channel: the source, with its key; it must outlive the call
 * @job: a claimed reply, like or poll; it must outlive the call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the outcome; finish with _chorus_outbox_send_finish()
 * @user_data: data for @callback
 */
void
_chorus_outbox_discourse_send_async (ChorusOutboxChannel *channel,
                                     ChorusOutboxJob     *job,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Send *send = g_new0 (Send, 1);
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;

  send->channel = channel;
  send->job = job;
  send->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  send->topic_id = _chorus_outbox_job_get_int (job, "topic_id");
  g_task_set_source_tag (task, _chorus_outbox_discourse_send_async);
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);
  g_task_set_check_cancellable (task, FALSE);

  if (!_chorus_outbox_job_may_have_gone (job))
    post_item (task);
  else if (job->kind == CHORUS_OUTBOX_KIND_POLL)
    look_for_poll (task);
  else if (job->kind == CHORUS_OUTBOX_KIND_LIKE)
    {
      escaped = g_uri_escape_string (_chorus_outbox_job_get_string (job, "target_remote_id"), NULL, FALSE);
      path = g_strconcat ("/posts/", escaped, ".json", NULL);
      _chorus_outbox_channel_get_async (channel, path, cancellable, on_liked_post_read_cb, task);
    }
  else
    read_topic (task);
}
