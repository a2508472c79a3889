/* chorus-http.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "chorus-http.h"

/* HTTP as Chorus needs it from servers it does not control: HTTPS unless
 * the host is this machine, TLS always checked, bodies capped, stuck
 * requests timed out, and transient failures (5xx, dropped connections,
 * 429 with Retry-After) retried with exponential backoff and jitter. */

#define DEFAULT_MAX_BYTES (16 * 1024 * 1024)
#define DEFAULT_TIMEOUT_SECONDS 30
#define DEFAULT_DEADLINE_SECONDS (10 * 60)
#define DEFAULT_BACKOFF_MS 1000
#define DEFAULT_MAX_ATTEMPTS 4
#define MAX_RETRY_AFTER_SECONDS 120
#define READ_CHUNK (64 * 1024)
#define STATUS_TOO_MANY_REQUESTS 429  /* not named by libsoup 3.2 */

struct _ChorusHttp
{
  GObject      parent_instance;

  SoupSession *session;
  GHashTable  *not_before;      /* host → monotonic µs before which not to ask */
  guint        backoff_ms;
  guint        max_attempts;
  gsize        max_bytes;
  guint        deadline_seconds;
};

G_DEFINE_FINAL_TYPE (ChorusHttp, chorus_http, G_TYPE_OBJECT)

typedef struct
{
  char        *url;
  char        *host;
  GStrv        headers;
  const char  *method;          /* SOUP_METHOD_GET or SOUP_METHOD_POST */
  char        *content_type;    /* of the request body, for POST */
  GBytes      *request_body;    /* or NULL */
  guint        attempt;
  SoupMessage *message;
  GByteArray  *body;
  guint        wait_id;
  GCancellable *caller_cancellable;   /* the task's, or NULL */
  GCancellable *attempt_cancellable;  /* cancelled by the caller's, or by the deadline */
  gulong       cancelled_id;
  guint        deadline_id;
  gboolean     timed_out;             /* the attempt ran past its deadline */
} Request;

static void start_attempt (GTask *task);

static void
end_attempt (Request *request)
{
  g_clear_handle_id (&request->deadline_id, g_source_remove);
  if (request->cancelled_id != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->cancelled_id);
  request->cancelled_id = 0;
  g_clear_object (&request->attempt_cancellable);
  request->timed_out = FALSE;
}

static void
request_free (Request *request)
{
  end_attempt (request);
  g_clear_object (&request->caller_cancellable);
  g_clear_handle_id (&request->wait_id, g_source_remove);
  g_free (request->url);
  g_free (request->host);
  g_strfreev (request->headers);
  g_free (request->content_type);
  g_clear_pointer (&request->request_body, g_bytes_unref);
  g_clear_object (&request->message);
  g_clear_pointer (&request->body, g_byte_array_unref);
  g_free (request);
}

void
chorus_http_response_free (ChorusHttpResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response->link);
  g_free (response->content_type);
  g_free (response);
}

/* The body of @response, and its length in @length: "" for an empty one,
 * never NULL. */
const char *
chorus_http_response_get_body (ChorusHttpResponse *response,
                               gsize              *length)
{
  const char *body = g_bytes_get_data (response->body, length);

  return *length > 0 ? body : "";
}

static gboolean
is_transient (const GError *error)
{
  if (error->domain == G_TLS_ERROR || error->domain == G_RESOLVER_ERROR)
    return FALSE;

  if (error->domain != G_IO_ERROR)
    return error->domain == SOUP_SESSION_ERROR;

  switch (error->code)
    {
    case G_IO_ERROR_CANCELLED:
    case G_IO_ERROR_NOT_SUPPORTED:
    case G_IO_ERROR_INVALID_ARGUMENT:
    case G_IO_ERROR_MESSAGE_TOO_LARGE:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Plain words for what went wrong, naming the server but never the full
 * address, which may carry a token. */
static GError *
describe_error (const Request *request,
                const GError  *error)
{
  if (error->domain == G_TLS_ERROR)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                        /* Translators: %s is a server's name, such as mastodon.social. */
                        _("The secure connection to %s could not be verified, so Chorus did not use it."),
                        request->host);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND,
                        /* Translators: %s is a server's name, such as mastodon.social. */
                        _("%s could not be found. Check the address and your internet connection."),
                        request->host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        /* Translators: %s is a server's name, such as mastodon.social. */
                        _("%s did not answer in time."), request->host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  return g_error_new (G_IO_ERROR, error->domain == G_IO_ERROR ? error->code : G_IO_ERROR_FAILED,
                      /* Translators: the first %s is a server's name, such as mastodon.social; the second the
                       * reason, from the network library, often in English. */
                      _("The connection to %s failed (%s)."), request->host, error->message);
}

/* An attempt cancelled by its deadline, rather than by the caller, timed
 * out: a server that trickles its answer a byte at a time never trips
 * libsoup's idle timeout. */
static void
note_deadline (const Request  *request,
               GError        **error)
{
  if (request->timed_out && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (error);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "deadline");
    }
}

static void
fail (GTask        *task,
      const GError *error)
{
  Request *request = g_task_get_task_data (task);

  g_task_return_error (task, describe_error (request, error));
}

static gboolean
on_wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  request->wait_id = 0;
  start_attempt (task);

  return G_SOURCE_REMOVE;
}

/* Waits before the next attempt; returns FALSE when there is none left. */
static gboolean
retry_later (GTask *task,
             guint  delay_ms)
{
  Request *request = g_task_get_task_data (task);
  ChorusHttp *self = g_task_get_source_object (task);

  if (request->attempt >= self->max_attempts)
    return FALSE;

  g_debug ("Retrying %s in %u ms (attempt %u)", request->host, delay_ms, request->attempt + 1);
  request->wait_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, on_wait_done_cb,
                                         g_object_ref (task), g_object_unref);
  return TRUE;
}

static guint
backoff_delay (ChorusHttp *self,
               guint       attempt)
{
  guint64 delay = (guint64) self->backoff_ms << MIN (attempt - 1, 10);

  /* Jitter spreads out clients that failed together. */
  return (guint) MIN (delay + g_random_int_range (0, (gint32) self->backoff_ms + 1), 5 * 60 * 1000);
}

/* Retry-After is seconds or an HTTP date. */
static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  gint64 seconds;
  char *end;

  if (value == NULL)
    return -1;

  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0')
    return MAX (seconds, 0);

  if ((date = soup_date_time_new_from_http_string (value)))
    return MAX (g_date_time_to_unix (date) - g_get_real_time () / G_USEC_PER_SEC, 0);

  return -1;
}

/* Rate-limit headers: Mastodon's X-RateLimit-Reset is a date, the IETF
 * RateLimit-Reset (Bluesky) seconds to wait, or sometimes a Unix time. */
static gint64
parse_reset (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 number;
  char *end;

  if (value == NULL)
    return -1;

  if ((date = g_date_time_new_from_iso8601 (value, NULL)))
    return MAX (g_date_time_to_unix (date) - now, 0);

  number = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || number < 0)
    return -1;

  return number > 1000000000 ? MAX (number - now, 0) : number;
}

/* Remembers when a server that said "no requests left" resets, so that the
 * next request to it waits instead of being refused. */
static void
note_rate_limit (ChorusHttp         *self,
                 const char         *host,
                 SoupMessageHeaders *headers)
{
  const char *remaining = soup_message_headers_get_one (headers, "X-RateLimit-Remaining");
  const char *reset = soup_message_headers_get_one (headers, "X-RateLimit-Reset");
  gint64 *when;
  gint64 seconds;

  if (remaining == NULL)
    {
      remaining = soup_message_headers_get_one (headers, "RateLimit-Remaining");
      reset = soup_message_headers_get_one (headers, "RateLimit-Reset");
    }

  if (remaining == NULL || g_ascii_strtoll (remaining, NULL, 10) > 0 || (seconds = parse_reset (reset)) < 0)
    {
      g_hash_table_remove (self->not_before, host);
      return;
    }

  when = g_new (gint64, 1);
  *when = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  g_hash_table_insert (self->not_before, g_strdup (host), when);
}

/* Returns TRUE when the request must wait for the server's rate limit to
 * reset first (and has been scheduled or failed). */
static gboolean
wait_for_rate_limit (GTask *task)
{
  ChorusHttp *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gint64 *not_before = g_hash_table_lookup (self->not_before, request->host);
  gint64 wait_us;

  if (not_before == NULL || (wait_us = *not_before - g_get_monotonic_time ()) <= 0)
    return FALSE;

  if (wait_us > (gint64) MAX_RETRY_AFTER_SECONDS * G_USEC_PER_SEC)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC +
                                                                   wait_us / G_USEC_PER_SEC);
      g_autofree char *time = g_date_time_format (when, "%X");

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               /* Translators: the first %s is a server's name, such as mastodon.social; the
                                * second a time, such as 14:05. */
                               _("%s asks Chorus to wait until %s before asking again."),
                               request->host, time);
      return TRUE;
    }

  g_debug ("Waiting %" G_GINT64_FORMAT " ms for the rate limit of %s", wait_us / 1000, request->host);
  request->wait_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (wait_us / 1000) + 1, on_wait_done_cb,
                                         g_object_ref (task), g_object_unref);
  return TRUE;
}

static ChorusHttpResponse *
build_response (Request *request)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  ChorusHttpResponse *response = g_new0 (ChorusHttpResponse, 1);
  const char *date = soup_message_headers_get_one (headers, "Date");
  g_autoptr(GDateTime) server_time = date != NULL ? soup_date_time_new_from_http_string (date) : NULL;

  response->status = soup_message_get_status (request->message);
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->body));
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  response->link = g_strdup (soup_message_headers_get_one (headers, "Link"));
  response->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  response->date = server_time != NULL ? g_date_time_to_unix (server_time) : 0;

  return response;
}

static void on_read_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data);

/* Takes over the caller's reference to @task. */
static void
read_next (GInputStream *stream,
           GTask        *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (stream, READ_CHUNK, G_PRIORITY_DEFAULT, request->attempt_cancellable,
                                   on_read_cb, task);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusHttp *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  GInputStream *stream = G_INPUT_STREAM (object);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  if (!(chunk = g_input_stream_read_bytes_finish (stream, result, &error)))
    {
      note_deadline (request, &error);
      /* A connection dropped in the middle of the body. */
      if (is_transient (error) && retry_later (task, backoff_delay (self, request->attempt)))
        return;

      fail (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
      goffset expected = soup_message_headers_get_content_length (headers);

      /* libsoup 3.2 reports a connection closed before the announced
       * length as a clean end: treat it as the dropped connection it is. */
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          (goffset) request->body->len < expected)
        {
          g_autofree char *received = g_strdup_printf ("%u", request->body->len);
          g_autofree char *announced = g_strdup_printf ("%" G_GOFFSET_FORMAT, expected);
          g_autoptr(GError) dropped = g_error_new (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                                                   /* Translators: both %s are byte counts; this ends "The
                                                    * connection to HOST failed (…)." */
                                                   _("the answer stopped after %s of %s bytes"),
                                                   received, announced);

          if (retry_later (task, backoff_delay (self, request->attempt)))
            return;

          fail (task, dropped);
          return;
        }

      g_task_return_pointer (task, build_response (request), (GDestroyNotify) chorus_http_response_free);
      return;
    }

  if (request->body->len + g_bytes_get_size (chunk) > self->max_bytes)
    {
      g_autofree char *limit = g_format_size (self->max_bytes);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               /* Translators: the first %s is a server's name, such as mastodon.social; the
                                * second a size, such as 8 MB. */
                               _("%s sent more than %s, more than Chorus accepts in one answer."),
                               request->host, limit);
      return;
    }

  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next (stream, g_steal_pointer (&task));
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChorusHttp *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  if (!(stream = soup_session_send_finish (SOUP_SESSION (object), result, &error)))
    {
      note_deadline (request, &error);
      if (is_transient (error) && retry_later (task, backoff_delay (self, request->attempt)))
        return;

      fail (task, error);
      return;
    }

  status = soup_message_get_status (request->message);
  note_rate_limit (self, request->host, soup_message_get_response_headers (request->message));

  if (status == STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
      gint64 wait = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

      if (wait > MAX_RETRY_AFTER_SECONDS)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC + wait);
          g_autofree char *time = g_date_time_format (when, "%X");

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                                   /* Translators: the first %s is a server's name, such as mastodon.social;
                                    * the second a time, such as 14:05. */
                                   _("%s asks Chorus to wait until %s before asking again."),
                                   request->host, time);
          return;
        }

      if (retry_later (task, wait >= 0 ? (guint) wait * 1000 : backoff_delay (self, request->attempt)))
        return;
    }
  else if (status >= 500 && retry_later (task, backoff_delay (self, request->attempt)))
    return;

  request->body = g_byte_array_new ();
  read_next (stream, g_steal_pointer (&task));
}

static void
on_caller_cancelled_cb (GCancellable *cancellable,
                        GCancellable *attempt_cancellable)
{
  g_cancellable_cancel (attempt_cancellable);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  Request *request = user_data;

  request->deadline_id = 0;
  request->timed_out = TRUE;
  g_cancellable_cancel (request->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Each attempt has a cancellable of its own, which the caller's cancels,
 * and a deadline for the whole exchange. */
static void
arm_attempt (ChorusHttp *self,
             Request    *request)
{
  end_attempt (request);
  request->attempt_cancellable = g_cancellable_new ();
  if (request->caller_cancellable != NULL)
    request->cancelled_id = g_cancellable_connect (request->caller_cancellable, G_CALLBACK (on_caller_cancelled_cb),
                                                   request->attempt_cancellable, NULL);
  request->deadline_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->deadline_seconds * 1000, on_deadline_cb,
                                             request, NULL);
}

static void
start_attempt (GTask *task)
{
  ChorusHttp *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  if (wait_for_rate_limit (task))
    return;

  arm_attempt (self, request);
  request->attempt++;
  g_clear_object (&request->message);
  g_clear_pointer (&request->body, g_byte_array_unref);

  request->message = soup_message_new (request->method, request->url);
  headers = soup_message_get_request_headers (request->message);

  if (request->request_body != NULL)
    soup_message_set_request_body_from_bytes (request->message, request->content_type, request->request_body);

  for (guint i = 0; request->headers && request->headers[i] && request->headers[i + 1]; i += 2)
    soup_message_headers_replace (headers, request->headers[i], request->headers[i + 1]);

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->attempt_cancellable, on_sent_cb, g_object_ref (task));
}

static void
chorus_http_dispose (GObject *object)
{
  ChorusHttp *self = (ChorusHttp *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->not_before, g_hash_table_unref);

  G_OBJECT_CLASS (chorus_http_parent_class)->dispose (object);
}

static void
chorus_http_class_init (ChorusHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_http_dispose;
}

static void
chorus_http_init (ChorusHttp *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Chorus/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT_SECONDS,
                                                 "idle-timeout", 60,
                                                 NULL);
  self->not_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->backoff_ms = DEFAULT_BACKOFF_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->max_bytes = DEFAULT_MAX_BYTES;
  self->deadline_seconds = DEFAULT_DEADLINE_SECONDS;
}

ChorusHttp *
chorus_http_new (void)
{
  return g_object_new (CHORUS_TYPE_HTTP, NULL);
}

/**
 * chorus_http_set_backoff:
 * @self: a #ChorusHttp
 * @base_ms: the first wait after a transient failure; it doubles each time
 * @max_attempts: how many times a request is tried in all
 */
void
chorus_http_set_backoff (ChorusHttp *self,
                         guint       base_ms,
                         guint       max_attempts)
{
  g_return_if_fail (CHORUS_IS_HTTP (self));
  g_return_if_fail (max_attempts > 0);

  self->backoff_ms = base_ms;
  self->max_attempts = max_attempts;
}

void
chorus_http_set_max_bytes (ChorusHttp *self,
                           gsize       max_bytes)
{
  g_return_if_fail (CHORUS_IS_HTTP (self));

  self->max_bytes = max_bytes;
}

void
chorus_http_set_timeout (ChorusHttp *self,
                         guint       seconds)
{
  g_return_if_fail (CHORUS_IS_HTTP (self));

  soup_session_set_timeout (self->session, seconds);
}

/**
 * chorus_http_set_deadline:
 * @self: a #ChorusHttp
 * @seconds: how long one attempt may take in all, from sending the request
 *   to the last byte of the answer
 *
 * The timeout (chorus_http_set_timeout()) is for a server that goes quiet;
 * the deadline is for one that never stops answering slowly. Ten minutes
 * unless set.
 */
void
chorus_http_set_deadline (ChorusHttp *self,
                          guint       seconds)
{
  g_return_if_fail (CHORUS_IS_HTTP (self));
  g_return_if_fail (seconds > 0);

  self->deadline_seconds = seconds;
}

static void
request_async (ChorusHttp          *self,
               const char          *method,
               const char          *url,
               const char * const  *headers,
               const char          *content_type,
               GBytes              *body,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, request_async);

  if (!chorus_http_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = g_new0 (Request, 1);
  request->method = method;
  request->url = g_strdup (url);
  request->host = chorus_http_dup_host (url);
  request->headers = g_strdupv ((char **) headers);
  request->content_type = g_strdup (content_type);
  request->request_body = body != NULL ? g_bytes_ref (body) : NULL;
  request->caller_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  start_attempt (task);
}

/**
 * chorus_http_get_async:
 * @self: a #ChorusHttp
 * @url: what to fetch; see chorus_http_check_url()
 * @headers: (nullable) (array zero-terminated=1): request headers as
 *   name, value pairs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer is complete, or the last attempt failed
 * @user_data: data for @callback
 *
 * Fetches @url. Any HTTP status is a result (the caller decides what 304
 * or 404 mean), except that 5xx, 429 and 503 are retried first.
 */
void
chorus_http_get_async (ChorusHttp          *self,
                       const char          *url,
                       const char * const  *headers,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_HTTP (self));
  g_return_if_fail (url != NULL);

  request_async (self, SOUP_METHOD_GET, url, headers, NULL, NULL, cancellable, callback, user_data);
}

/**
 * chorus_http_post_async:
 * @self: a #ChorusHttp
 * @url: where to send; see chorus_http_check_url()
 * @headers: (nullable) (array zero-terminated=1): request headers as
 *   name, value pairs
 * @content_type: the type of @body, "application/json" for instance
 * @body: what to send
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer is complete, or the last attempt failed
 * @user_data: data for @callback
 *
 * Sends @body to @url, retried like chorus_http_get_async(). Only use it
 * for requests that are safe to repeat (sign-in, token exchange), or that
 * carry an Idempotency-Key header. Finish with chorus_http_get_finish().
 */
void
chorus_http_post_async (ChorusHttp          *self,
                        const char          *url,
                        const char * const  *headers,
                        const char          *content_type,
                        GBytes              *body,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_HTTP (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (content_type != NULL);
  g_return_if_fail (body != NULL);

  request_async (self, SOUP_METHOD_POST, url, headers, content_type, body, cancellable, callback, user_data);
}

/**
 * chorus_http_get_finish:
 *
 * Finishes chorus_http_get_async() and chorus_http_post_async().
 *
 * Returns: (transfer full): the answer, or %NULL with @error set in words
 *   a person can act on
 */
ChorusHttpResponse *
chorus_http_get_finish (ChorusHttp    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
