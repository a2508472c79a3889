/* chorus-outbox-channel.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-pager.h"
#include "chorus-parse-json-private.h"
#include "chorus-secrets.h"

/* What the network modules of the outbox share: requests that carry the
 * source's credentials to its own server and nowhere else, and how an
 * answer becomes an outcome. A definitive refusal (4xx other than 408
 * and 429) fails the item with the server's reason; no answer, a 5xx, a
 * 408 or a 429 leaves it for the next flush. Messages name the network
 * and quote the server, never a credential. */

#define MAX_REASON_CHARS 300
#define STATUS_REQUEST_TIMEOUT 408
#define STATUS_TOO_MANY_REQUESTS 429

ChorusOutboxResult *
_chorus_outbox_result_new (ChorusOutboxOutcome  outcome,
                           GError              *error)
{
  ChorusOutboxResult *result = g_new0 (ChorusOutboxResult, 1);

  result->outcome = outcome;
  result->error = error;
  result->followers = -1;

  return result;
}

/* Takes @post. */
ChorusOutboxResult *
_chorus_outbox_result_sent (const char         *remote_uri,
                            ChorusIncomingPost *post)
{
  ChorusOutboxResult *result = _chorus_outbox_result_new (CHORUS_OUTBOX_SENT, NULL);

  result->remote_uri = g_strdup (remote_uri);
  result->post = post;
  if (post != NULL)
    post->is_own = TRUE;

  return result;
}

void
_chorus_outbox_result_free (ChorusOutboxResult *result)
{
  if (result == NULL)
    return;

  g_free (result->remote_uri);
  g_clear_pointer (&result->post, chorus_incoming_post_free);
  g_clear_error (&result->error);
  g_free (result);
}

/* What an item becomes: sent, failed, or back in the queue. */
ChorusOutboxState
_chorus_outbox_result_state (ChorusOutboxResult *result)
{
  switch (result->outcome)
    {
    case CHORUS_OUTBOX_SENT:
      return CHORUS_OUTBOX_STATE_SENT;
    case CHORUS_OUTBOX_REFUSED:
      return CHORUS_OUTBOX_STATE_FAILED;
    case CHORUS_OUTBOX_LATER:
    default:
      return CHORUS_OUTBOX_STATE_QUEUED;
    }
}

/* Network modules run as tasks that always return a result: this
 * returns @result (taken) and drops the module's reference to @task. */
void
_chorus_outbox_send_return (GTask              *task,
                            ChorusOutboxResult *result)
{
  g_task_return_pointer (task, result, (GDestroyNotify) _chorus_outbox_result_free);
  g_object_unref (task);
}

ChorusOutboxResult *
_chorus_outbox_send_finish (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

void
_chorus_outbox_channel_free (ChorusOutboxChannel *channel)
{
  if (channel == NULL)
    return;

  g_clear_object (&channel->http);
  g_clear_object (&channel->once);
  g_clear_object (&channel->source);
  g_free (channel->network_name);
  g_free (channel->origin);
  _chorus_parse_wipe_free (channel->secret);
  g_clear_pointer (&channel->login, chorus_bluesky_login_free);
  g_free (channel->did);
  g_free (channel);
}

/* The headers that sign a request in, as name, value pairs. */
static GStrv
new_headers (ChorusOutboxChannel *channel,
             const char          *idempotency_key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *network = chorus_source_get_network (channel->source);
  const char *account = chorus_source_get_account (channel->source);

  g_strv_builder_add (builder, "Accept");
  g_strv_builder_add (builder, "application/json");

  if (g_str_equal (network, "discourse") && channel->secret != NULL)
    {
      g_strv_builder_add_many (builder, "Api-Key", channel->secret, NULL);
      if (account != NULL)
        g_strv_builder_add_many (builder, "Api-Username", account, NULL);
    }
  else if (channel->login != NULL || channel->secret != NULL)
    {
      const char *token = channel->login != NULL ? chorus_bluesky_login_get_access_token (channel->login)
                                                 : channel->secret;
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      g_strv_builder_add_many (builder, "Authorization", authorization, NULL);
      explicit_bzero (authorization, strlen (authorization));
    }

  if (idempotency_key != NULL)
    g_strv_builder_add_many (builder, "Idempotency-Key", idempotency_key, NULL);

  return g_strv_builder_end (builder);
}

static void
wipe_headers (GStrv headers)
{
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    explicit_bzero (headers[i], strlen (headers[i]));
  g_strfreev (headers);
}

static char *
dup_url (ChorusOutboxChannel *channel,
         const char          *path)
{
  char *url = g_strconcat (channel->origin, path, NULL);

  /* Paths are built here, never taken from a server: this only guards
   * against a mistake sending credentials elsewhere. */
  g_assert (chorus_pager_same_origin (url, channel->origin));
  return url;
}

/* GETs @path on the channel's server, signed in; finish with
 * chorus_http_get_finish() on the callback's source object. */
void
_chorus_outbox_channel_get_async (ChorusOutboxChannel *channel,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *url = dup_url (channel, path);
  GStrv headers = new_headers (channel, NULL);

  chorus_http_get_async (channel->http, url, (const char * const *) headers, cancellable, callback, user_data);
  wipe_headers (headers);
}

/* POSTs @body, of @content_type, to @path on the channel's server, signed
 * in, once: what happens next is the outbox's decision. Finish with
 * chorus_http_get_finish() on the callback's source object. */
void
_chorus_outbox_channel_send_async (ChorusOutboxChannel *channel,
                                   const char          *path,
                                   const char          *content_type,
                                   GBytes              *body,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *url = dup_url (channel, path);
  GStrv headers = new_headers (channel, idempotency_key);

  chorus_http_post_async (channel->once, url, (const char * const *) headers, content_type, body, cancellable,
                          callback, user_data);
  wipe_headers (headers);
}

/* POSTs @body as JSON, as _chorus_outbox_channel_send_async() does. */
void
_chorus_outbox_channel_post_async (ChorusOutboxChannel *channel,
                                   const char          *path,
                                   JsonNode            *body,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  char *text = json_to_string (body, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  _chorus_outbox_channel_send_async (channel, path, "application/json", bytes, idempotency_key, cancellable,
                                     callback, user_data);
}

/* A 2xx answer's JSON, or NULL. */
JsonNode *
_chorus_outbox_response_json (ChorusHttpResponse *response)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);

  if (response->status < 200 || response->status >= 300 || length == 0)
    return NULL;

  return _chorus_json_load (body, (gssize) length, NULL);
}

/* What the server said was wrong: Mastodon's "error", Bluesky's
 * "message" (or "error"), Discourse's first of "errors". */
static char *
dup_reason (ChorusHttpResponse *response)
{
  gsize length;
  const char *body = chorus_http_response_get_body (response, &length);
  g_autoptr(JsonNode) root = length > 0 ? _chorus_json_load (body, (gssize) length, NULL) : NULL;
  JsonObject *object = _chorus_json_object (root);
  JsonArray *errors = _chorus_json_get_array (object, "errors");
  const char *reason = _chorus_json_get_string (object, "message");

  if (reason == NULL)
    reason = _chorus_json_get_string (object, "error");
  if (reason == NULL && _chorus_json_array_length (errors) > 0)
    reason = _chorus_json_string (json_array_get_element (errors, 0));
  if (reason == NULL || *reason == '\0')
    return g_strdup_printf ("HTTP %u", response->status);

  return _chorus_parse_dup_clean (reason, MAX_REASON_CHARS);
}

static GError *
new_refusal_error (ChorusOutboxChannel *channel,
                   ChorusOutboxKind     kind,
                   const char          *reason)
{
  const char *name = channel->network_name;

  switch (kind)
    {
    case CHORUS_OUTBOX_KIND_REPLY:
      /* Translators: the first %s is a network ("Mastodon") or a forum's
       * host, the second what its server said. */
      return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s refused the reply: %s"), name, reason);
    case CHORUS_OUTBOX_KIND_LIKE:
      /* Translators: the first %s is a network or a forum, the second what its server said. */
      return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s refused the like: %s"), name, reason);
    case CHORUS_OUTBOX_KIND_POLL:
      /* Translators: the first %s is a network, the second what its server said. */
      return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s refused the poll: %s"), name, reason);
    case CHORUS_OUTBOX_KIND_POST:
      /* Translators: the first %s is a network, the second what its server said. */
      return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s refused the post: %s"), name, reason);
    case CHORUS_OUTBOX_KIND_REPOST:
    case CHORUS_OUTBOX_KIND_OTHER:
    default:
      /* Translators: the first %s is a network or a forum, the second what its server said. */
      return g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED, _("%s refused the repost: %s"), name, reason);
    }
}

/**
 * _chorus_outbox_channel_refusal:
 * @channel: the channel that asked
 * @job: what it asked for
 * @response: an answer other than 2xx
 *
 * Returns: (transfer full): the outcome the answer means
 */
ChorusOutboxResult *
_chorus_outbox_channel_refusal (ChorusOutboxChannel *channel,
                                ChorusOutboxJob     *job,
                                ChorusHttpResponse  *response)
{
  g_autofree char *reason = dup_reason (response);
  guint status = response->status;
  const char *account = chorus_source_get_account (channel->source);

  if (status == 401)
    return _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED,
                                      g_error_new (CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN,
                                                   /* Translators: %s is a network or a forum, then an
                                                    * account. */
                                                   _("%s did not accept Chorus’s sign-in for %s. Sign in to the "
                                                     "account again, then retry."),
                                                   channel->network_name, account != NULL ? account : "—"));

  if (status == STATUS_TOO_MANY_REQUESTS || status == STATUS_REQUEST_TIMEOUT)
    return _chorus_outbox_result_new (CHORUS_OUTBOX_LATER,
                                      g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                                   /* Translators: %s is a network or a forum. */
                                                   _("%s asked Chorus to wait; it will try again."),
                                                   channel->network_name));

  if (status >= 500 || status < 400)
    return _chorus_outbox_result_new (CHORUS_OUTBOX_LATER,
                                      g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                                   /* Translators: %s is a network or a forum, %u an HTTP
                                                    * status. */
                                                   _("%s could not take it just now (HTTP %u); Chorus will try "
                                                     "again."),
                                                   channel->network_name, status));

  return _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED, new_refusal_error (channel, job->kind, reason));
}

/**
 * _chorus_outbox_take_answer:
 * @task: a network module's task, whose request finished
 * @http: the callback's source object
 * @result: the callback's result
 * @channel: the channel that asked
 * @job: what it asked for
 * @handled: an error status the caller handles itself, or 0
 *
 * Returns: (transfer full) (nullable): the answer when it is a 2xx (or
 *   @handled); otherwise %NULL, @task having returned what the failure
 *   means
 */
ChorusHttpResponse *
_chorus_outbox_take_answer (GTask               *task,
                            GObject             *http,
                            GAsyncResult        *result,
                            ChorusOutboxChannel *channel,
                            ChorusOutboxJob     *job,
                            guint                handled)
{
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (http), result, &error)))
    _chorus_outbox_send_return (task, _chorus_outbox_transport_failure (error));
  else if ((response->status >= 200 && response->status < 300) || response->status == handled)
    return g_steal_pointer (&response);
  else
    _chorus_outbox_send_return (task, _chorus_outbox_channel_refusal (channel, job, response));

  return NULL;
}

/* A request that got no answer (already worded by ChorusHttp): next time.
 * Takes @error. */
ChorusOutboxResult *
_chorus_outbox_transport_failure (GError *error)
{
  return _chorus_outbox_result_new (CHORUS_OUTBOX_LATER, error);
}

/* An upload that was taken (2xx), but whose answer does not say what
 * became of the image: next time, as for no answer. */
ChorusOutboxResult *
_chorus_outbox_image_unanswered (ChorusOutboxChannel *channel,
                                 ChorusHttpResponse  *response)
{
  return _chorus_outbox_result_new (CHORUS_OUTBOX_LATER,
                                    g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                                 /* Translators: %s is a network ("Mastodon"), %u an HTTP
                                                  * status. */
                                                 _("%s did not say what it made of the image (HTTP %u); Chorus "
                                                   "will try again."), channel->network_name, response->status));
}

/* The post an item is about is gone from the network. */
GError *
_chorus_outbox_new_gone_error (ChorusOutboxChannel *channel,
                               ChorusOutboxJob     *job)
{
  /* Translators: %s is a network ("Mastodon") or a forum's host. */
  return g_error_new (CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("The post is no longer on %s."),
                      channel->network_name);
}

/* Signing in: the channel is the task's until it is handed over. */

typedef struct
{
  ChorusOutboxChannel *channel;
} Opening;

static void
opening_free (Opening *opening)
{
  _chorus_outbox_channel_free (opening->channel);
  g_free (opening);
}

static ChorusOutboxChannel *
opening_channel (GTask *task)
{
  return ((Opening *) g_task_get_task_data (task))->channel;
}

static void
return_channel (GTask *task)
{
  Opening *opening = g_task_get_task_data (task);

  g_task_return_pointer (task, g_steal_pointer (&opening->channel), (GDestroyNotify) _chorus_outbox_channel_free);
}

static void
on_session_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusOutboxChannel *channel = opening_channel (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *did;
  GError *error = NULL;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  root = _chorus_outbox_response_json (response);
  did = _chorus_json_get_string (_chorus_json_object (root), "did");
  if (!_chorus_parse_is_did (did))
    {
      g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_FAILED,
                               /* Translators: %u is an HTTP status. */
                               _("Bluesky did not say which account Chorus is signed in to (HTTP %u)."),
                               response->status);
      return;
    }

  channel->did = g_strdup (did);
  return_channel (task);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ChorusOutboxChannel *channel = opening_channel (task);
  GError *error = NULL;

  if (!chorus_bluesky_login_open_finish (channel->login, result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Records are written on the account's own server, to its DID's repo. */
  g_free (channel->origin);
  channel->origin = g_strdup (chorus_bluesky_login_get_pds (channel->login));

  /* The session answer names the account; getSession only when it did
   * not say (a server that leaves it out). */
  if (_chorus_parse_is_did (chorus_bluesky_login_get_did (channel->login)))
    {
      channel->did = g_strdup (chorus_bluesky_login_get_did (channel->login));
      return_channel (task);
      g_object_unref (task);
      return;
    }

  _chorus_outbox_channel_get_async (channel, "/xrpc/com.atproto.server.getSession", g_task_get_cancellable (task),
                                    on_session_read_cb, task);
}

static void
on_secret_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusOutboxChannel *channel = opening_channel (task);
  g_autoptr(GError) error = NULL;
  char *secret;

  if (!(secret = chorus_secrets_lookup_finish (result, &error)))
    {
      if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, "%s", error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  channel->secret = _chorus_parse_dup_secret (secret);
  chorus_secrets_free (secret);
  return_channel (task);
}

static char *
dup_without_slash (const char *url)
{
  char *base = g_strstrip (g_strdup (url));
  gsize length = strlen (base);

  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';

  return base;
}

/**
 * _chorus_outbox_channel_open_async:
 * @http: for reads and signing in
 * @once: for sends
 * @source: a Mastodon, Bluesky or Discourse source
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when signed in, or not
 * @user_data: data for @callback
 *
 * Signs @source in for one flush: a Mastodon token or a Discourse key
 * from the keyring or the source's variable, or a Bluesky session (the
 * kept one renewed; see chorus-bluesky-session.c) and its DID.
 */
void
_chorus_outbox_channel_open_async (ChorusHttp          *http,
                                   ChorusHttp          *once,
                                   ChorusSource        *source,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  const char *network = chorus_source_get_network (source);
  ChorusOutboxChannel *channel = g_new0 (ChorusOutboxChannel, 1);
  Opening *opening = g_new0 (Opening, 1);

  opening->channel = channel;
  channel->http = g_object_ref (http);
  channel->once = g_object_ref (once);
  channel->source = g_object_ref (source);
  channel->origin = dup_without_slash (chorus_source_get_server_url (source));
  if (g_str_equal (network, "mastodon"))
    channel->network_name = g_strdup ("Mastodon");
  else if (g_str_equal (network, "bluesky"))
    channel->network_name = g_strdup ("Bluesky");
  else
    channel->network_name = chorus_http_dup_host (channel->origin);

  g_task_set_source_tag (task, _chorus_outbox_channel_open_async);
  g_task_set_task_data (task, opening, (GDestroyNotify) opening_free);

  if (!g_str_equal (network, "bluesky"))
    chorus_secrets_lookup_async (network, chorus_source_get_server_url (source), chorus_source_get_account (source),
                                 g_str_equal (network, "discourse") ? CHORUS_SECRET_KIND_API_KEY
                                                                    : CHORUS_SECRET_KIND_TOKEN,
                                 chorus_source_get_secret_env (source), cancellable, on_secret_cb, task);
  else if (chorus_source_get_account (source) == NULL)
    {
      g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN, "%s",
                               _("This Bluesky source has no account to sign in with."));
      g_object_unref (task);
    }
  else
    {
      channel->login = chorus_bluesky_login_new (http, source);
      chorus_bluesky_login_open_async (channel->login, cancellable, on_signed_in_cb, task);
    }
}

/**
 * _chorus_outbox_channel_open_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the signed-in channel, or %NULL with @error
 *   set (%CHORUS_ERROR_NEEDS_SIGN_IN when there is no secret, or the
 *   network refused it)
 */
ChorusOutboxChannel *
_chorus_outbox_channel_open_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _chorus_outbox_channel_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
