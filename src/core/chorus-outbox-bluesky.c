/* chorus-outbox-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-parse.h"
#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-parse-json-private.h"

/* Writing Bluesky records: a reply (app.bsky.feed.post with root and
 * parent references), a pre-test's variant post (the same record without
 * them), a like or a repost, each through
 * com.atproto.repo.createRecord on the account's PDS, under the record key
 * the item was given when queued.
 *
 * A strong reference is a URI and a cid. The workspace keeps a post's cid
 * as its remote_id (see chorus-bluesky-parse.c), and the queue copies the
 * target's and the thread root's into the item. When one is missing, the
 * target is read with app.bsky.feed.getPosts: its cid, and its record's
 * own reply.root, which names the thread's root with its cid.
 *
 * Exactly once: an item that may already be on the network is first
 * looked up by its key (com.atproto.repo.getRecord), and when a create is
 * refused, the key is looked up before the refusal is believed (a PDS
 * answers a key it already has with an error, a 500 on some versions).
 * A record found is the item, sent.
 *
 * A variant post, once sent, reads its account's profile
 * (app.bsky.actor.getProfile) for the followers it reached; when that
 * read fails, the post is still sent, without a reach.
 *
 * A variant post with an image uploads it first
 * (com.atproto.repo.uploadBlob, the bytes with their Content-Type), and
 * the record embeds the blob the PDS answers with, as
 * app.bsky.embed.images, with its alt text and aspect ratio. A blob is
 * known by its content, so uploading it again on a resend is harmless. */

#define POST_COLLECTION   "app.bsky.feed.post"
#define MAX_MENTIONS      16
#define WEB_BASE          "https://bsky.app"

typedef struct
{
  ChorusOutboxChannel *channel;     /* the caller's, kept until the task returns */
  ChorusOutboxJob     *job;
  const char          *collection;
  char                *target_cid;
  char                *root_uri;
  char                *root_cid;
  GArray              *facets;      /* ChorusOutboxFacet */
  GPtrArray           *dids;        /* char *, one per facet: a mention's DID, else NULL */
  guint                next_facet;
  ChorusHttpResponse  *refusal;     /* a create's answer, while the key is looked up */
  ChorusOutboxResult  *sent;        /* a variant post's, while its reach is read */
  JsonNode            *blob;        /* a variant post's image, once uploaded */
} Send;

static void look_up_record (GTask *task);

static void
send_free (Send *send)
{
  g_free (send->target_cid);
  g_free (send->root_uri);
  g_free (send->root_cid);
  g_clear_pointer (&send->facets, g_array_unref);
  g_clear_pointer (&send->dids, g_ptr_array_unref);
  g_clear_pointer (&send->refusal, chorus_http_response_free);
  g_clear_pointer (&send->sent, _chorus_outbox_result_free);
  g_clear_pointer (&send->blob, json_node_unref);
  g_free (send);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
}

static void
add_ref (JsonBuilder *builder,
         const char  *name,
         const char  *uri,
         const char  *cid)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, uri);
  json_builder_set_member_name (builder, "cid");
  json_builder_add_string_value (builder, cid);
  json_builder_end_object (builder);
}

static void
add_facets (JsonBuilder *builder,
            Send        *send)
{
  static const char * const features[] = {
    [CHORUS_OUTBOX_FACET_LINK] = "app.bsky.richtext.facet#link",
    [CHORUS_OUTBOX_FACET_MENTION] = "app.bsky.richtext.facet#mention",
    [CHORUS_OUTBOX_FACET_TAG] = "app.bsky.richtext.facet#tag",
  };
  static const char * const members[] = {
    [CHORUS_OUTBOX_FACET_LINK] = "uri",
    [CHORUS_OUTBOX_FACET_MENTION] = "did",
    [CHORUS_OUTBOX_FACET_TAG] = "tag",
  };

  json_builder_set_member_name (builder, "facets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < send->facets->len; i++)
    {
      ChorusOutboxFacet *facet = &g_array_index (send->facets, ChorusOutboxFacet, i);
      const char *value = facet->kind == CHORUS_OUTBOX_FACET_MENTION ? g_ptr_array_index (send->dids, i)
                                                                      : facet->value;

      /* A handle that did not resolve stays plain text. */
      if (value == NULL)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "byteStart");
      json_builder_add_int_value (builder, (gint64) facet->byte_start);
      json_builder_set_member_name (builder, "byteEnd");
      json_builder_add_int_value (builder, (gint64) facet->byte_end);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "features");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$type");
      json_builder_add_string_value (builder, features[facet->kind]);
      json_builder_set_member_name (builder, members[facet->kind]);
      json_builder_add_string_value (builder, value);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_image_embed (JsonBuilder *builder,
                 Send        *send)
{
  const char *alt = _chorus_outbox_job_get_image_alt (send->job);

  json_builder_set_member_name (builder, "embed");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.embed.images");
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "image");
  json_builder_add_value (builder, json_node_copy (send->blob));
  json_builder_set_member_name (builder, "alt");
  json_builder_add_string_value (builder, alt != NULL ? alt : "");
  json_builder_set_member_name (builder, "aspectRatio");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, send->job->image_info->width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, send->job->image_info->height);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The createRecord input: the record under the item's key. */
static JsonNode *
build_input (Send *send)
{
  ChorusOutboxJob *job = send->job;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created_at = format_time (_chorus_outbox_job_get_int (job, "created_at"));
  const char *target_uri = _chorus_outbox_job_get_string (job, "target_uri");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "repo");
  json_builder_add_string_value (builder, send->channel->did);
  json_builder_set_member_name (builder, "collection");
  json_builder_add_string_value (builder, send->collection);
  json_builder_set_member_name (builder, "rkey");
  json_builder_add_string_value (builder, _chorus_outbox_job_get_string (job, "rkey"));
  json_builder_set_member_name (builder, "record");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, send->collection);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created_at);

  if (job->kind == CHORUS_OUTBOX_KIND_REPLY || job->kind == CHORUS_OUTBOX_KIND_POST)
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, job->body);
      if (job->kind == CHORUS_OUTBOX_KIND_REPLY)
        {
          json_builder_set_member_name (builder, "reply");
          json_builder_begin_object (builder);
          add_ref (builder, "root", send->root_uri, send->root_cid);
          add_ref (builder, "parent", target_uri, send->target_cid);
          json_builder_end_object (builder);
        }
      if (send->facets->len > 0)
        add_facets (builder, send);
      if (send->blob != NULL)
        add_image_embed (builder, send);
    }
  else
    add_ref (builder, "subject", target_uri, send->target_cid);

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The brand's reply as the workspace keeps posts: from the record that
 * was written (or found under the item's key). */
static ChorusIncomingPost *
build_own_post (Send       *send,
                const char *uri,
                const char *cid,
                JsonObject *record)
{
  ChorusIncomingPost *post = chorus_incoming_post_new ("bluesky");
  const char *account = chorus_source_get_account (send->channel->source);
  JsonObject *reply = _chorus_json_get_object (record, "reply");
  const char *text = _chorus_json_get_string (record, "text");
  const char *rkey = strrchr (uri, '/') + 1;

  post->uri = g_strdup (uri);
  post->remote_id = g_strdup (cid);
  post->author = chorus_incoming_author_new ();
  post->author->handle = _chorus_parse_is_did (account) ? g_strdup (account) : g_ascii_strdown (account, -1);
  post->author->server = g_strdup ("");
  post->author->display_name = g_strdup (post->author->handle);
  post->author->profile_url = g_strconcat (WEB_BASE "/profile/", post->author->handle, NULL);
  post->url = g_strconcat (post->author->profile_url, "/post/", rkey, NULL);
  post->created_at = _chorus_parse_time (_chorus_json_get_string (record, "createdAt"));
  if (post->created_at <= 0)
    post->created_at = g_get_real_time () / G_USEC_PER_SEC;
  post->text = _chorus_parse_dup_text (text != NULL ? text : "", CHORUS_PARSE_MAX_TEXT);
  post->markup = chorus_bluesky_facets_to_markup (post->text, _chorus_json_get_array (record, "facets"));
  post->reply_to_uri = g_strdup (_chorus_json_get_string (_chorus_json_get_object (reply, "parent"), "uri"));
  post->root_uri = g_strdup (_chorus_json_get_string (_chorus_json_get_object (reply, "root"), "uri"));
  if (post->reply_to_uri == NULL)
    post->reply_to_uri = g_strdup (_chorus_outbox_job_get_string (send->job, "target_uri"));
  if (post->root_uri == NULL)
    post->root_uri = g_strdup (send->root_uri != NULL ? send->root_uri : uri);

  return post;
}

static ChorusOutboxResult *
sent_result (Send       *send,
             const char *uri,
             const char *cid,
             JsonObject *record)
{
  if (uri == NULL || !g_str_has_prefix (uri, "at://") || strrchr (uri, '/') == NULL)
    return _chorus_outbox_result_sent (NULL, NULL);

  if (send->job->kind != CHORUS_OUTBOX_KIND_REPLY && send->job->kind != CHORUS_OUTBOX_KIND_POST)
    return _chorus_outbox_result_sent (uri, NULL);

  return _chorus_outbox_result_sent (uri, build_own_post (send, uri, cid, record));
}

/* Reach */

static void
on_profile_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = chorus_http_get_finish (CHORUS_HTTP (object), result, NULL);
  g_autoptr(JsonNode) root = response != NULL && response->status == 200 ? _chorus_outbox_response_json (response)
                                                                          : NULL;

  send->sent->followers = _chorus_json_get_int (_chorus_json_object (root), "followersCount", -1);
  _chorus_outbox_send_return (task, g_steal_pointer (&send->sent));
}

/* Returns @result, once a sent variant post knows its reach. */
static void
return_sent (GTask              *task,
             ChorusOutboxResult *result)
{
  Send *send = g_task_get_task_data (task);
  g_autofree char *actor = NULL;
  g_autofree char *path = NULL;

  if (send->job->kind != CHORUS_OUTBOX_KIND_POST || result->outcome != CHORUS_OUTBOX_SENT)
    {
      _chorus_outbox_send_return (task, result);
      return;
    }

  send->sent = result;
  actor = g_uri_escape_string (send->channel->did, NULL, FALSE);
  path = g_strconcat ("/xrpc/app.bsky.actor.getProfile?actor=", actor, NULL);
  _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_profile_read_cb, task);
}

/* Creating */

static void
on_created_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) input = NULL;
  JsonObject *answer;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    _chorus_outbox_send_return (task, _chorus_outbox_transport_failure (error));
  else if (response->status == 401)
    _chorus_outbox_send_return (task, _chorus_outbox_channel_refusal (send->channel, send->job, response));
  else if (response->status != 200)
    {
      /* Perhaps the key is taken: by this item, sent before. */
      send->refusal = g_steal_pointer (&response);
      look_up_record (task);
    }
  else
    {
      root = _chorus_outbox_response_json (response);
      answer = _chorus_json_object (root);
      input = build_input (send);
      return_sent (task, sent_result (send, _chorus_json_get_string (answer, "uri"),
                                      _chorus_json_get_string (answer, "cid"),
                                      _chorus_json_get_object (_chorus_json_object (input), "record")));
    }
}

static void
create_record (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  g_autoptr(JsonNode) input = build_input (send);

  _chorus_outbox_channel_post_async (send->channel, "/xrpc/com.atproto.repo.createRecord", input, NULL,
                                     g_task_get_cancellable (task), on_created_cb, task);
}

/* Mentions name an account by DID: each handle is resolved, one at a
 * time; one that does not resolve stays plain text. */
static void resolve_next (GTask *task);

static void
on_handle_resolved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = chorus_http_get_finish (CHORUS_HTTP (object), result, NULL);
  g_autoptr(JsonNode) root = response != NULL ? _chorus_outbox_response_json (response) : NULL;
  const char *did = _chorus_json_get_string (_chorus_json_object (root), "did");

  if (_chorus_parse_is_did (did))
    g_ptr_array_index (send->dids, send->next_facet) = g_strdup (did);
  send->next_facet++;
  resolve_next (task);
}

static void
resolve_next (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  guint mentions = 0;

  for (guint i = 0; i < send->next_facet; i++)
    mentions += g_array_index (send->facets, ChorusOutboxFacet, i).kind == CHORUS_OUTBOX_FACET_MENTION;

  while (send->next_facet < send->facets->len &&
         g_array_index (send->facets, ChorusOutboxFacet, send->next_facet).kind != CHORUS_OUTBOX_FACET_MENTION)
    send->next_facet++;

  if (send->next_facet < send->facets->len && mentions < MAX_MENTIONS)
    {
      ChorusOutboxFacet *facet = &g_array_index (send->facets, ChorusOutboxFacet, send->next_facet);
      g_autofree char *escaped = g_uri_escape_string (facet->value, NULL, FALSE);
      g_autofree char *path = g_strconcat ("/xrpc/com.atproto.identity.resolveHandle?handle=", escaped, NULL);

      _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_handle_resolved_cb,
                                        task);
      return;
    }

  create_record (task);
}

static void write_record (GTask *task);

static void
on_blob_uploaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answer;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  root = _chorus_outbox_response_json (response);
  answer = _chorus_json_object (root);
  if (_chorus_json_get_object (answer, "blob") == NULL)
    {
      _chorus_outbox_send_return (task, _chorus_outbox_image_unanswered (send->channel, response));
      return;
    }

  send->blob = json_node_copy (json_object_get_member (answer, "blob"));
  write_record (task);
}

static void
upload_blob (GTask *task)
{
  Send *send = g_task_get_task_data (task);

  _chorus_outbox_channel_send_async (send->channel, "/xrpc/com.atproto.repo.uploadBlob",
                                     send->job->image_info->mime_type, send->job->image, NULL,
                                     g_task_get_cancellable (task), on_blob_uploaded_cb, task);
}

static void
write_record (GTask *task)
{
  Send *send = g_task_get_task_data (task);

  if (send->job->kind != CHORUS_OUTBOX_KIND_REPLY && send->job->kind != CHORUS_OUTBOX_KIND_POST)
    {
      create_record (task);
      return;
    }

  if (send->job->image != NULL && send->blob == NULL)
    {
      upload_blob (task);
      return;
    }

  send->facets = _chorus_outbox_find_facets (send->job->body);
  send->dids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (send->dids, send->facets->len);
  send->next_facet = 0;
  resolve_next (task);
}

/* References */

static void
on_target_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *view;
  JsonObject *thread_root;
  const char *cid;

  if (!(response = _chorus_outbox_take_answer (task, object, result, send->channel, send->job, 0)))
    return;

  root = _chorus_outbox_response_json (response);
  view = _chorus_json_array_object (_chorus_json_get_array (_chorus_json_object (root), "posts"), 0);
  cid = _chorus_json_get_string (view, "cid");
  if (cid == NULL ||
      g_strcmp0 (_chorus_json_get_string (view, "uri"), _chorus_outbox_job_get_string (send->job, "target_uri")))
    {
      _chorus_outbox_send_return (task, _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED,
                                                                   _chorus_outbox_new_gone_error (send->channel,
                                                                                                  send->job)));
      return;
    }

  g_free (send->target_cid);
  send->target_cid = g_strdup (cid);

  /* The target's record names its thread's root; a post without one is
   * the root. */
  thread_root = _chorus_json_get_object (_chorus_json_get_object (_chorus_json_get_object (view, "record"),
                                                                  "reply"), "root");
  g_free (send->root_uri);
  g_free (send->root_cid);
  send->root_uri = g_strdup (_chorus_json_get_string (thread_root, "uri"));
  send->root_cid = g_strdup (_chorus_json_get_string (thread_root, "cid"));
  if (send->root_uri == NULL || send->root_cid == NULL)
    {
      g_free (send->root_uri);
      g_free (send->root_cid);
      send->root_uri = g_strdup (_chorus_outbox_job_get_string (send->job, "target_uri"));
      send->root_cid = g_strdup (cid);
    }

  write_record (task);
}

/* Uses what the workspace knows, or reads the target. */
static void
find_references (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  ChorusOutboxJob *job = send->job;
  const char *target_uri = _chorus_outbox_job_get_string (job, "target_uri");
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  /* A post of its own refers to nothing. */
  if (job->kind == CHORUS_OUTBOX_KIND_POST)
    {
      write_record (task);
      return;
    }

  send->target_cid = g_strdup (_chorus_outbox_job_get_string (job, "target_remote_id"));
  send->root_uri = g_strdup (_chorus_outbox_job_get_string (job, "root_uri"));
  send->root_cid = g_strdup (_chorus_outbox_job_get_string (job, "root_remote_id"));
  if (g_strcmp0 (send->root_uri, target_uri) == 0 && send->root_cid == NULL)
    send->root_cid = g_strdup (send->target_cid);

  if (send->target_cid != NULL &&
      (job->kind != CHORUS_OUTBOX_KIND_REPLY || (send->root_uri != NULL && send->root_cid != NULL)))
    {
      write_record (task);
      return;
    }

  escaped = g_uri_escape_string (target_uri, NULL, FALSE);
  path = g_strconcat ("/xrpc/app.bsky.feed.getPosts?uris=", escaped, NULL);
  _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_target_read_cb, task);
}

/* Looking the key up */

static void
on_record_looked_up_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(ChorusHttpResponse) refusal = g_steal_pointer (&send->refusal);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answer;
  GError *error = NULL;

  response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error);
  if (response != NULL && response->status == 200)
    {
      root = _chorus_outbox_response_json (response);
      answer = _chorus_json_object (root);
      return_sent (task, sent_result (send, _chorus_json_get_string (answer, "uri"),
                                      _chorus_json_get_string (answer, "cid"),
                                      _chorus_json_get_object (answer, "value")));
    }
  else if (refusal != NULL)
    {
      /* Not there: the create's answer stands. */
      g_clear_error (&error);
      _chorus_outbox_send_return (task, _chorus_outbox_channel_refusal (send->channel, send->job, refusal));
    }
  else if (response == NULL)
    _chorus_outbox_send_return (task, _chorus_outbox_transport_failure (error));
  else if (response->status == 400 || response->status == 404)
    /* Never written: write it now, under the same key. */
    find_references (task);
  else
    _chorus_outbox_send_return (task, _chorus_outbox_channel_refusal (send->channel, send->job, response));
}

static void
look_up_record (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  g_autofree char *repo = g_uri_escape_string (send->channel->did, NULL, FALSE);
  g_autofree char *rkey = g_uri_escape_string (_chorus_outbox_job_get_string (send->job, "rkey"), NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/xrpc/com.atproto.repo.getRecord?repo=%s&collection=%s&rkey=%s",
                                           repo, send->collection, rkey);

  _chorus_outbox_channel_get_async (send->channel, path, g_task_get_cancellable (task), on_record_looked_up_cb,
                                    task);
}

/**
 * _chorus_outbox_bluesky_send_async:
 * @channel: the source, signed in, with its DID; it must outlive the call
 * @job: a claimed reply, like or repost; it must outlive the call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the outcome; finish with _chorus_outbox_send_finish()
 * @user_data: data for @callback
 */
void
_chorus_outbox_bluesky_send_async (ChorusOutboxChannel *channel,
                                   ChorusOutboxJob     *job,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Send *send = g_new0 (Send, 1);

  send->channel = channel;
  send->job = job;
  send->collection = job->kind == CHORUS_OUTBOX_KIND_REPLY || job->kind == CHORUS_OUTBOX_KIND_POST ? POST_COLLECTION
                     : job->kind == CHORUS_OUTBOX_KIND_LIKE ? "app.bsky.feed.like"
                     : "app.bsky.feed.repost";
  g_task_set_source_tag (task, _chorus_outbox_bluesky_send_async);
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);
  g_task_set_check_cancellable (task, FALSE);

  if (_chorus_outbox_job_get_string (job, "rkey") == NULL)
    {
      /* Only items queued for Bluesky have a key: without one, it could
       * not be sent again safely. */
      _chorus_outbox_send_return (task, _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED,
                                                                   g_error_new_literal (CHORUS_ERROR,
                                                                                        CHORUS_ERROR_INVALID_ARGUMENT,
                                                                                        _("This item was not queued "
                                                                                          "for Bluesky, so Chorus "
                                                                                          "cannot send it there."))));
      return;
    }

  if (_chorus_outbox_job_may_have_gone (job))
    look_up_record (task);
  else
    find_references (task);
}
