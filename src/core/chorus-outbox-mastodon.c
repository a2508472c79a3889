/* chorus-outbox-mastodon.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "chorus-error.h"
#include "chorus-image-format.h"
#include "chorus-mastodon-parse.h"
#include "chorus-outbox-private.h"
#include "chorus-parse-json-private.h"

/* Sending to a Mastodon-API server. A reply reads the status it answers
 * first (GET /api/v1/statuses/:id): it must still be there, and the reply
 * takes its visibility, so that an answer to a private or direct post
 * does not go public. It is then POSTed to /api/v1/statuses with the
 * item's Idempotency-Key: Mastodon answers a key it saw within the hour
 * with the status it made then, so a resend after a crash or a lost
 * answer gives the same status, not a second one. A pre-test's poll is a
 * status of its own, POSTed the same way with its options and duration,
 * and so is a pre-test's variant post, whose answer also tells how many
 * followers the account had then (account.followers_count).
 * Favourites and boosts are idempotent by nature.
 *
 * A variant post with an image uploads it first (POST /api/v2/media: the
 * file, and its alt text as the description). An answer of 202 means the
 * server is still processing it: GET /api/v1/media/:id is asked again,
 * at growing intervals, until the image has its url, at most MEDIA_POLLS
 * times and for MEDIA_WAIT_SECONDS, after which the item waits for the
 * next flush. The status then names the image in media_ids. An upload
 * takes no Idempotency-Key, so a resend uploads again: at worst an
 * unattached copy stays on the server (Mastodon discards those), while
 * the status keeps the item's key and is made once. */

#define MEDIA_POLLS          12
#define MEDIA_WAIT_SECONDS   30
#define MEDIA_FIRST_DELAY_MS 250
#define MEDIA_MAX_DELAY_MS   4000

typedef struct
{
  ChorusOutboxChannel *channel;     /* the caller's, kept until the task returns */
  ChorusOutboxJob     *job;
  char                *status_path; /* /api/v1/statuses/:id */
  char                *media_id;    /* the uploaded image's */
  guint                media_polls;
  guint                media_delay_ms;
  gint64               media_deadline; /* monotonic µs */
} Send;

static void
send_free (Send *send)
{
  g_free (send->status_path);
  g_free (send->media_id);
  g_free (send);
}

static const char *
known_visibility (const char *visibility)
{
  static const char * const visibilities[] = { "public", "unlisted", "private", "direct", NULL };

  return visibility != NULL && g_strv_contains (visibilities, visibility) ? visibility : "public";
}

/* The status a send or resend answered with, stored as the brand's own
 * post in the target's thread. A 200 means it is on the network, even
 * when the answer cannot be read: the next sync will bring it. */
static ChorusOutboxResult *
read_created (GTask              *task,
              ChorusHttpResponse *response)
{
  Send *send = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = _chorus_outbox_response_json (response);
  const char *uri = _chorus_json_get_string (_chorus_json_object (root), "uri");
  ChorusIncomingPost *post;

  gboolean own_thread = send->job->kind == CHORUS_OUTBOX_KIND_POLL || send->job->kind == CHORUS_OUTBOX_KIND_POST;
  ChorusOutboxResult *sent;

  /* A boost answers with its wrapper, whose address is kept. */
  if (send->job->kind != CHORUS_OUTBOX_KIND_REPLY && !own_thread)
    return _chorus_outbox_result_sent (send->job->kind == CHORUS_OUTBOX_KIND_REPOST ? uri : NULL, NULL);

  if (root == NULL || !(post = chorus_mastodon_post_from_status (root, NULL)))
    return _chorus_outbox_result_sent (uri, NULL);

  /* A poll or a variant post starts a thread of its own, where the
   * community can answer. */
  if (own_thread)
    {
      g_clear_pointer (&post->reply_to_uri, g_free);
      g_free (post->root_uri);
      post->root_uri = g_strdup (post->uri);
      sent = _chorus_outbox_result_sent (post->uri, post);
      sent->followers = _chorus_json_get_int (_chorus_json_get_object (_chorus_json_object (root), "account"),
                                              "followers_count", -1);
      return sent;
    }

  g_free (post->reply_to_uri);
  post->reply_to_uri = g_strdup (_chorus_outbox_job_get_string (send->job, "target_uri"));
  g_free (post->root_uri);
  post->root_uri = g_strdup (_chorus_outbox_job_get_string (send->job, "root_uri"));

  return _chorus_outbox_result_sent (post->uri, post);
}

static void
on_posted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;

  if ((response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    _chorus_outbox_send_return (task, read_created (task, response));
}

/* A reply, or with no @visibility a public post of its own. */
static void
post_reply (GTask      *task,
            const char *visibility)
{
  Send *send = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, send->job->body);
  if (send->job->kind == CHORUS_OUTBOX_KIND_REPLY)
    {
      json_builder_set_member_name (builder, "in_reply_to_id");
      json_builder_add_string_value (builder, _chorus_outbox_job_get_string (send->job, "target_remote_id"));
    }
  if (send->media_id != NULL)
    {
      json_builder_set_member_name (builder, "media_ids");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, send->media_id);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, known_visibility (visibility));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _chorus_outbox_channel_post_async (send->channel, "/api/v1/statuses", body, send->job->idempotency_key,
                                     g_task_get_cancellable (task), on_posted_cb, task);
}

/* Images */

static void wait_for_media (GTask *task);

/* An image is ready once the server has made its full version. */
static gboolean
media_is_ready (ChorusHttpResponse *response,
                JsonObject         *media)
{
  return response->status == 200 && _chorus_json_get_string (media, "url") != NULL;
}

static void
on_media_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  /* 206: still being processed. */
  root = _chorus_outbox_response_json (response);
  if (media_is_ready (response, _chorus_json_object (root)))
    post_reply (task, NULL);
  else
    wait_for_media (task);
}

static gboolean
on_media_wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (send->media_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/media/", escaped, NULL);

  _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_media_read_cb, task);
  return G_SOURCE_REMOVE;
}

static void
wait_for_media (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  GError *error;

  if (send->media_polls >= MEDIA_POLLS ||
      g_get_monotonic_time () + send->media_delay_ms * (gint64) 1000 > send->media_deadline)
    {
      /* Translators: %s is a network ("Mastodon"). */
      error = g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s is still processing the image; Chorus will "
                                                                "try again."), send->channel->network_name);
      _chorus_outbox_send_return (task, _chorus_outbox_result_new (CHORUS_OUTBOX_LATER, error));
      return;
    }

  send->media_polls++;
  g_timeout_add (send->media_delay_ms, on_media_wait_done_cb, task);
  send->media_delay_ms = MIN (send->media_delay_ms * 2, MEDIA_MAX_DELAY_MS);
}

static void
on_uploaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *media;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  root = _chorus_outbox_response_json (response);
  media = _chorus_json_object (root);
  if (!(send->media_id = g_strdup (_chorus_json_get_string (media, "id"))))
    {
      _chorus_outbox_send_return (task, _chorus_outbox_image_unanswered (send->channel, response));
      return;
    }

  send->media_deadline = g_get_monotonic_time () + MEDIA_WAIT_SECONDS * G_USEC_PER_SEC;
  send->media_delay_ms = MEDIA_FIRST_DELAY_MS;
  if (media_is_ready (response, media))
    post_reply (task, NULL);
  else
    wait_for_media (task);
}

/* The image as a form: the file, named by its format, and its alt text. */
static void
upload_image (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  const ChorusImageFormat *format = chorus_image_format_for_type (send->job->image_info->mime_type);
  g_autofree char *filename = g_strconcat ("image.", format->extension, NULL);
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(GBytes) body = NULL;
  const char *alt = _chorus_outbox_job_get_image_alt (send->job);

  soup_multipart_append_form_file (multipart, "file", filename, format->mime_type, send->job->image);
  if (alt != NULL)
    soup_multipart_append_form_string (multipart, "description", alt);
  soup_multipart_to_message (multipart, headers, &body);

  _chorus_outbox_channel_send_async (send->channel, "/api/v2/media", soup_message_headers_get_one (headers,
                                                                                                   "Content-Type"),
                                     body, NULL, g_task_get_cancellable (task), on_uploaded_cb, task);
}

/* The poll as Mastodon takes it in JSON: its options in the order of the
 * run's variants, one choice each. */
static void
post_poll (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  JsonArray *options = _chorus_json_get_array (send->job->payload, "options");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, send->job->body);
  json_builder_set_member_name (builder, "poll");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; options != NULL && i < json_array_get_length (options); i++)
    json_builder_add_string_value (builder, _chorus_json_string (json_array_get_element (options, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, _chorus_outbox_job_get_int (send->job, "expires_in"));
  json_builder_set_member_name (builder, "multiple");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, "public");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _chorus_outbox_channel_post_async (send->channel, "/api/v1/statuses", body, send->job->idempotency_key,
                                     g_task_get_cancellable (task), on_posted_cb, task);
}

static void
on_target_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 404)))
    return;

  if (response->status == 404)
    {
      _chorus_outbox_send_return (task, _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED,
                                                                   _chorus_outbox_new_gone_error (send->channel,
                                                                                                  send->job)));
      return;
    }

  root = _chorus_outbox_response_json (response);
  post_reply (task, _chorus_json_get_string (_chorus_json_object (root), "visibility"));
}

/**
 * _chorus_outbox_mastodon_send_async:
 * @channel: the source, signed in; it must outlive the call
 * @job: a claimed reply, like, repost or poll; it must outlive the call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the outcome; finish with _chorus_outbox_send_finish()
 * @user_data: data for @callback
 */
void
_chorus_outbox_mastodon_send_async (ChorusOutboxChannel *channel,
                                    ChorusOutboxJob     *job,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  const char *target = _chorus_outbox_job_get_string (job, "target_remote_id");
  g_autofree char *escaped = g_uri_escape_string (target != NULL ? target : "", NULL, FALSE);
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonNode) nothing = NULL;
  Send *send = g_new0 (Send, 1);
  g_autofree char *path = NULL;

  send->channel = channel;
  send->job = job;
  send->status_path = g_strconcat ("/api/v1/statuses/", escaped, NULL);
  g_task_set_source_tag (task, _chorus_outbox_mastodon_send_async);
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);
  g_task_set_check_cancellable (task, FALSE);

  if (job->kind == CHORUS_OUTBOX_KIND_REPLY)
    {
      _chorus_outbox_channel_get_async (channel, send->status_path, cancellable, on_target_read_cb, task);
      return;
    }

  if (job->kind == CHORUS_OUTBOX_KIND_POLL)
    {
      post_poll (task);
      return;
    }

  if (job->kind == CHORUS_OUTBOX_KIND_POST && job->image != NULL)
    {
      upload_image (task);
      return;
    }

  if (job->kind == CHORUS_OUTBOX_KIND_POST)
    {
      post_reply (task, NULL);
      return;
    }

  path = g_strconcat (send->status_path, job->kind == CHORUS_OUTBOX_KIND_LIKE ? "/favourite" : "/reblog", NULL);
  nothing = json_node_init_object (json_node_alloc (), empty);
  _chorus_outbox_channel_post_async (channel, path, nothing, job->idempotency_key, cancellable, on_posted_cb, task);
}
