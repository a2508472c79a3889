/* test-http-faults.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>

#include "chorus-http.h"
#include "chorus-test-util.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"

/* Network faults a person meets away from the office: a name that does
 * not resolve, a certificate nobody vouches for, a server that speaks no
 * TLS, a server that accepts and never answers, and one that never stops
 * sending. Each is asked of ChorusHttp directly and through a feed sync,
 * against servers on 127.0.0.1: each ends in one sentence naming the
 * server, and a sync that stores nothing and records no success. */

typedef struct
{
  ChorusTestSyncRig  rig;
  GSocketService    *silent;       /* accepts, reads nothing, says nothing */
  GPtrArray         *held;         /* its connections, kept open */
  char              *silent_base;
  GSocketService    *endless;      /* sends a chunked body that never ends */
  char              *endless_base;
  guint64            endless_sent;
  GSocketService    *trickle;      /* sends its answer a byte every 100 ms */
  char              *trickle_base;
  GPtrArray         *trickling;    /* Trickle, one per connection */
} Fixture;

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  soup_server_message_set_status (message, 404, NULL);
}

static gboolean
on_silent_incoming_cb (GSocketService    *service,
                       GSocketConnection *connection,
                       GObject           *source,
                       gpointer           user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->held, g_object_ref (connection));
  return TRUE;
}

typedef struct
{
  Fixture      *fixture;
  GOutputStream *out;
  GBytes       *chunk;
} Stream;

static void write_chunk (Stream *stream);

static void
on_chunk_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Stream *stream = user_data;
  gsize written = 0;

  /* The client hung up: the body was refused, as it must be. */
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, &written, NULL))
    {
      g_bytes_unref (stream->chunk);
      g_object_unref (stream->out);
      g_free (stream);
      return;
    }

  stream->fixture->endless_sent += written;
  write_chunk (stream);
}

static void
write_chunk (Stream *stream)
{
  gsize size;
  const char *data = g_bytes_get_data (stream->chunk, &size);

  g_output_stream_write_all_async (stream->out, data, size, G_PRIORITY_DEFAULT, NULL,
                                   on_chunk_written_cb, stream);
}

/* Answers at once, then sends 64 kB chunks of a chunked body for ever. */
static gboolean
on_endless_incoming_cb (GSocketService    *service,
                        GSocketConnection *connection,
                        GObject           *source,
                        gpointer           user_data)
{
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                             "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  GString *chunk = g_string_new (NULL);
  Stream *stream = g_new0 (Stream, 1);

  g_string_append_printf (chunk, "%x\r\n", 64 * 1024);
  for (guint i = 0; i < 64 * 1024; i++)
    g_string_append_c (chunk, 'x');
  g_string_append (chunk, "\r\n");

  stream->fixture = user_data;
  stream->out = g_object_ref (g_io_stream_get_output_stream (G_IO_STREAM (connection)));
  stream->chunk = g_string_free_to_bytes (chunk);
  g_output_stream_write_all (stream->out, head, sizeof head - 1, NULL, NULL, NULL);
  write_chunk (stream);

  return TRUE;
}

typedef struct
{
  GOutputStream *out;
  guint          source_id;
} Trickle;

static void
trickle_free (Trickle *trickle)
{
  g_clear_handle_id (&trickle->source_id, g_source_remove);
  g_object_unref (trickle->out);
  g_free (trickle);
}

static gboolean
on_trickle_cb (gpointer user_data)
{
  Trickle *trickle = user_data;

  if (g_output_stream_write (trickle->out, "x", 1, NULL, NULL) == 1)
    return G_SOURCE_CONTINUE;

  trickle->source_id = 0;
  return G_SOURCE_REMOVE;
}

/* Answers at once, announcing a megabyte, then sends it a byte at a time:
 * never quiet long enough for an idle timeout. */
static gboolean
on_trickle_incoming_cb (GSocketService    *service,
                        GSocketConnection *connection,
                        GObject           *source,
                        gpointer           user_data)
{
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                             "Content-Length: 1000000\r\nConnection: close\r\n\r\n";
  Fixture *f = user_data;
  Trickle *trickle = g_new0 (Trickle, 1);

  trickle->out = g_object_ref (g_io_stream_get_output_stream (G_IO_STREAM (connection)));
  g_output_stream_write_all (trickle->out, head, sizeof head - 1, NULL, NULL, NULL);
  trickle->source_id = g_timeout_add (100, on_trickle_cb, trickle);
  g_ptr_array_add (f->trickling, trickle);
  g_ptr_array_add (f->held, g_object_ref (connection));

  return TRUE;
}

static GSocketService *
listen_local (GCallback  callback,
              Fixture   *f,
              char     **base)
{
  GSocketService *service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any_port, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", callback, f);
  *base = g_strdup_printf ("http://127.0.0.1:%u/",
                           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return service;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  chorus_http_set_backoff (f->rig.http, 10, 2);
  chorus_http_set_timeout (f->rig.http, 1);
  chorus_http_set_max_bytes (f->rig.http, 1024 * 1024);

  f->held = g_ptr_array_new_with_free_func (g_object_unref);
  f->silent = listen_local (G_CALLBACK (on_silent_incoming_cb), f, &f->silent_base);
  f->endless = listen_local (G_CALLBACK (on_endless_incoming_cb), f, &f->endless_base);
  f->trickling = g_ptr_array_new_with_free_func ((GDestroyNotify) trickle_free);
  f->trickle = listen_local (G_CALLBACK (on_trickle_incoming_cb), f, &f->trickle_base);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_socket_service_stop (f->silent);
  g_socket_listener_close (G_SOCKET_LISTENER (f->silent));
  g_socket_service_stop (f->endless);
  g_socket_listener_close (G_SOCKET_LISTENER (f->endless));
  g_socket_service_stop (f->trickle);
  g_socket_listener_close (G_SOCKET_LISTENER (f->trickle));
  g_ptr_array_unref (f->trickling);
  g_ptr_array_unref (f->held);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->silent);
  g_clear_object (&f->endless);
  g_clear_object (&f->trickle);
  g_free (f->trickle_base);
  g_free (f->silent_base);
  g_free (f->endless_base);
  chorus_test_sync_rig_tear_down (&f->rig);
}

/* Fetches @url with the rig's ChorusHttp, expecting a failure. */
static GError *
fetch_error (Fixture    *f,
             const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChorusHttpResponse) response = NULL;
  GError *error = NULL;

  chorus_http_get_async (f->rig.http, url, NULL, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  response = chorus_http_get_finish (f->rig.http, result, &error);
  g_assert_null (response);
  g_assert_nonnull (error);

  return error;
}

/* A feed source at @url synced once fails with a message that contains
 * @expected; nothing is stored and no success is recorded. */
static void
assert_sync_fails (Fixture    *f,
                   const char *url,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusSource) source = NULL;
  ChorusSyncSummary summary;
  gint64 id = chorus_store_add_source (f->rig.store, "feed", url, NULL, "Faulty", &error);

  g_assert_no_error (error);
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  g_assert_cmpuint (summary.posts_new, ==, 0);

  source = chorus_test_find_source (f->rig.store, id);
  g_assert_nonnull (chorus_source_get_last_error (source));
  g_assert_nonnull (strstr (chorus_source_get_last_error (source), expected));
  g_assert_cmpint (chorus_source_get_last_success (source), ==, 0);
  /* Nothing half-written: no post, no cursor moved on. */
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (f->rig.store), "SELECT count (*) FROM posts"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (f->rig.store),
                                             "SELECT count (*) FROM source_cursors"), ==, 0);
}

static void
test_dns_failure (Fixture       *f,
                  gconstpointer  data)
{
  const char *url = "https://chorus-no-such-host.invalid/feed.xml";
  g_autoptr(GError) error = fetch_error (f, url);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "chorus-no-such-host.invalid could not be found. Check the address and your internet connection.");

  assert_sync_fails (f, url, "could not be found");

  /* chorusctl says it on standard error, and fails. */
  if (!chorus_test_skip_without_chorusctl ())
    {
      g_auto(ChorusTestRun) run = { 0 };

      chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->rig.workspace.path, "sync", NULL);
      g_test_message ("chorusctl: %s / %s", run.out, run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "chorusctl: Faulty: chorus-no-such-host.invalid could not be found. "
                                         "Check the address and your internet connection.\n"));
      g_assert_nonnull (strstr (run.out, "Sources synced: 0, failed: 1."));
    }
}

static void
test_not_tls (Fixture       *f,
              gconstpointer  data)
{
  /* A plain HTTP server that answers as soon as it is connected to, as a
   * proxy or a misconfigured port does. */
  g_autofree char *url = g_strdup_printf ("https://%s", f->endless_base + strlen ("http://"));
  g_autoptr(GError) error = fetch_error (f, url);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The secure connection to 127.0.0.1 could not be verified, so Chorus did not use it.");

  assert_sync_fails (f, url, "could not be verified");
}

/* A server with a certificate made up on the spot, which nobody signed. */
static SoupServer *
start_self_signed_server (Fixture  *f,
                          char    **base)
{
  g_autofree char *dir = chorus_test_make_temp_dir ();
  g_autofree char *cert_path = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (dir, "key.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=127.0.0.1", "-keyout", key_path, "-out", cert_path, NULL };
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = chorus_test_run_program (argv);
  SoupServer *server;

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  chorus_test_remove_tree (dir);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_request_cb, f, NULL);
  *base = chorus_test_listen_local (server, SOUP_SERVER_LISTEN_HTTPS);

  return server;
}

static void
test_self_signed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_find_program_in_path ("openssl"))
    {
      g_test_skip ("openssl is needed to make a certificate");
      return;
    }

  server = start_self_signed_server (f, &base);
  g_assert_true (g_str_has_prefix (base, "https://"));
  url = g_strconcat (base, "feed.xml", NULL);
  error = fetch_error (f, url);
  g_assert_cmpstr (error->message, ==,
                   "The secure connection to 127.0.0.1 could not be verified, so Chorus did not use it.");

  assert_sync_fails (f, url, "could not be verified");
  soup_server_disconnect (server);
}

/* Two attempts of a second each, both given up: the sentence, two
 * connections to the server, about two seconds. */
static void
assert_times_out (Fixture    *f,
                  const char *url,
                  GPtrArray  *connections)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = fetch_error (f, url);
  gint64 elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpstr (error->message, ==, "127.0.0.1 did not answer in time.");
  g_assert_cmpuint (connections->len, ==, 2);
  g_assert_cmpint (elapsed_ms, >=, 2 * 1000 - 100);
  g_assert_cmpint (elapsed_ms, <, 10 * 1000);

  assert_sync_fails (f, url, "did not answer in time");
}

/* Accepted, then nothing: given up after the timeout, on each attempt. */
static void
test_never_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->silent_base, "feed.xml", NULL);

  assert_times_out (f, url, f->held);
}

/* A server that never goes quiet but never finishes either: each attempt
 * ends at its deadline. */
static void
test_trickle (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->trickle_base, "feed.xml", NULL);

  chorus_http_set_deadline (f->rig.http, 1);
  assert_times_out (f, url, f->trickling);
}

/* A body that never ends is cut off at the cap, and reading stops there. */
static void
test_endless_body (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->endless_base, "feed.xml", NULL);
  g_autoptr(GError) error = fetch_error (f, url);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "127.0.0.1 sent more than 1.0\u00a0MB, more than Chorus accepts in one answer.");

  /* The client stopped reading at the cap: what the server got out is the
   * cap plus what the sockets' buffers hold, nowhere near endless. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_test_message ("The server got %" G_GUINT64_FORMAT " bytes out before the client hung up", f->endless_sent);
  g_assert_cmpuint (f->endless_sent, <, 16 * 1024 * 1024);

  assert_sync_fails (f, url, "more than Chorus accepts");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/http-faults/dns-failure", Fixture, NULL, fixture_set_up, test_dns_failure, fixture_tear_down);
  g_test_add ("/chorus/http-faults/tls/not-tls", Fixture, NULL, fixture_set_up, test_not_tls, fixture_tear_down);
  g_test_add ("/chorus/http-faults/tls/self-signed", Fixture, NULL, fixture_set_up, test_self_signed,
              fixture_tear_down);
  g_test_add ("/chorus/http-faults/never-answers", Fixture, NULL, fixture_set_up, test_never_answers,
              fixture_tear_down);
  g_test_add ("/chorus/http-faults/trickle", Fixture, NULL, fixture_set_up, test_trickle, fixture_tear_down);
  g_test_add ("/chorus/http-faults/endless-body", Fixture, NULL, fixture_set_up, test_endless_body,
              fixture_tear_down);

  return g_test_run ();
}
