/* test-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-mastodon-parse.h"
#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-store-ingest.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "fake-mastodon-private.h"
#include "outbox-test-util.h"

/* The outbox with Mastodon: what the queue accepts, and a real workspace
 * sending to the fake Mastodon server (fake-mastodon.c) on 127.0.0.1,
 * which records every write and honours Idempotency-Key as Mastodon does.
 * The target is one of the server's generated statuses, stored as a
 * mention read by the account. */

#define TOKEN         "outbox-test-token-7f3a9"
#define TOKEN_ENV     "CHORUS_OUTBOX_TEST_TOKEN"
#define WRONG_TOKEN   "wrong-outbox-secret-5521"
#define WRONG_ENV     "CHORUS_OUTBOX_TEST_WRONG"
#define TAG           "chorusoutbox"
#define TARGET_INDEX  3

typedef struct
{
  OutboxTestBench  b;
  FakeMastodon    *server;
  char            *target_uri;
  guint64          status_id;
} Fixture;

static char *
query_text (Fixture    *f,
            const char *sql)
{
  return chorus_test_db_query_text (f->b.db, sql);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  FakeMastodonConfig config = { 0, };
  g_autofree char *remote_id = NULL;

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 10;
  f->server = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);
  g_setenv (WRONG_ENV, WRONG_TOKEN, TRUE);

  f->status_id = fake_status_id (TARGET_INDEX);
  f->target_uri = g_strdup_printf ("https://fake.example/users/ana/statuses/%" G_GUINT64_FORMAT, f->status_id);
  remote_id = g_strdup_printf ("%" G_GUINT64_FORMAT, f->status_id);
  outbox_test_bench_set_up (&f->b, fake_mastodon_get_url (f->server), TOKEN_ENV, f->target_uri, remote_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  outbox_test_bench_tear_down (&f->b);
  fake_mastodon_stop (f->server);
  g_free (f->target_uri);
}

static GPtrArray *
status_writes (Fixture *f)
{
  GPtrArray *writes = fake_mastodon_dup_writes (f->server);

  for (guint i = writes->len; i > 0; i--)
    if (!g_str_equal (((FakeMastodonWrite *) g_ptr_array_index (writes, i - 1))->path, "/api/v1/statuses"))
      g_ptr_array_remove_index (writes, i - 1);
  return writes;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
on_item_started_cb (ChorusOutboxSender *sender,
                    gint64              id,
                    gpointer            user_data)
{
  g_string_append_printf (user_data, "started %" G_GINT64_FORMAT ";", id);
}

static void
on_item_finished_cb (ChorusOutboxSender *sender,
                     gint64              id,
                     const char         *state,
                     const GError       *error,
                     gpointer            user_data)
{
  g_string_append_printf (user_data, "%s %" G_GINT64_FORMAT ";", state, id);
}

static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *key = NULL;
  g_autofree char *status_id = g_strdup_printf ("%" G_GUINT64_FORMAT, f->status_id);
  g_autofree char *reply_uri = NULL;
  g_autoptr(GPtrArray) items = NULL;
  FakeMastodonWrite *write;
  JsonObject *sent;
  ChorusOutboxSummary summary;
  gint64 id;

  /* The reply takes the target's visibility. */
  fake_mastodon_set_visibility (f->server, f->status_id, "private");
  chorus_test_db_exec (f->b.db, "UPDATE conversations SET unread = 0");
  id = outbox_test_queue_reply (f->b.store, f->b.target_id, "Sorry! It ships today.");
  key = query_text (f, "SELECT idempotency_key FROM outbox");
  g_assert_true (g_uuid_string_is_valid (key));

  g_signal_connect (f->b.sender, "item-started", G_CALLBACK (on_item_started_cb), events);
  g_signal_connect (f->b.sender, "item-finished", G_CALLBACK (on_item_finished_cb), events);
  summary = outbox_test_flush (f->b.sender);
  g_signal_handlers_disconnect_by_data (f->b.sender, events);
  g_assert_cmpstr (events->str, ==, "started 1;sent 1;");
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpuint (summary.failed + summary.waiting, ==, 0);

  writes = status_writes (f);
  g_assert_cmpuint (writes->len, ==, 1);
  write = g_ptr_array_index (writes, 0);
  g_assert_cmpstr (write->idempotency_key, ==, key);
  sent = parse_object (parser, write->body);
  g_assert_cmpstr (json_object_get_string_member (sent, "in_reply_to_id"), ==, status_id);
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "Sorry! It ships today.");
  g_assert_cmpstr (json_object_get_string_member (sent, "visibility"), ==, "private");

  /* Sent, and in the thread as the brand's own reply. */
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 1);
  reply_uri = query_text (f, "SELECT remote_uri FROM outbox");
  g_assert_cmpstr (reply_uri, ==, "https://fake.example/users/brand/statuses/9000000");
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts = 1"
                                                 " AND sent_at > 0 AND last_error IS NULL"), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM posts WHERE is_own = 1 AND uri = '%s'"
                                                 " AND reply_to_uri = '%s' AND conversation_id = %" G_GINT64_FORMAT
                                                 " AND text = 'Sorry! It ships today.'",
                                          reply_uri, f->target_uri, f->b.conversation_id), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT unread FROM conversations"), ==, 0);

  items = chorus_store_list_outbox (f->b.store, f->b.conversation_id, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (chorus_outbox_item_get_id (g_ptr_array_index (items, 0)), ==, id);
  g_assert_cmpint (chorus_outbox_item_get_state (g_ptr_array_index (items, 0)), ==, CHORUS_OUTBOX_STATE_SENT);
  g_assert_false (chorus_outbox_item_can_edit (g_ptr_array_index (items, 0)));

  /* Nothing left: a second flush sends nothing. */
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent + summary.failed + summary.waiting, ==, 0);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).status_posts, ==, 1);
}

/* A sync that reads the brand's reply again keeps it the brand's. */
static void
test_own_post_read_again (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) again = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *status = NULL;

  outbox_test_queue_reply (f->b.store, f->b.target_id, "On its way!");
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 1);

  status = g_strdup_printf ("{\"id\":\"9000000\",\"uri\":\"https://fake.example/users/brand/statuses/9000000\","
                            "\"created_at\":\"2026-01-03T00:00:00.000Z\",\"content\":\"<p>On its way! (edited)</p>\","
                            "\"account\":{\"id\":\"1\",\"username\":\"brand\",\"acct\":\"brand\"},"
                            "\"favourites_count\":4}");
  g_assert_true (json_parser_load_from_data (parser, status, -1, NULL));
  g_ptr_array_add (again, chorus_mastodon_post_from_status (json_parser_get_root (parser), &error));
  g_assert_true (chorus_store_ingest (f->b.store, f->b.source_id, again, NULL, &error));
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT is_own * 10 + like_count FROM posts"
                                                 " WHERE uri = 'https://fake.example/users/brand/statuses/9000000'"),
                   ==, 14);
}

static void
test_like_and_repost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 like = chorus_store_queue_like (f->b.store, f->b.target_id, &error);
  gint64 repost = chorus_store_queue_repost (f->b.store, f->b.target_id, &error);
  g_autofree char *repost_uri = NULL;
  g_autofree char *expected = g_strdup_printf ("https://fake.example/users/brand/statuses/%" G_GUINT64_FORMAT
                                               "/activity", f->status_id);
  FakeMastodonStats stats;

  g_assert_no_error (error);
  g_assert_cmpint (like, >, 0);
  g_assert_cmpint (repost, >, like);
  /* Liking again is the same like. */
  g_assert_cmpint (chorus_store_queue_like (f->b.store, f->b.target_id, NULL), ==, like);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 2);
  stats = fake_mastodon_get_stats (f->server);
  g_assert_cmpuint (stats.favourites, ==, 1);
  g_assert_cmpuint (stats.reblogs, ==, 1);
  g_assert_cmpuint (stats.created, ==, 0);
  repost_uri = query_text (f, "SELECT remote_uri FROM outbox WHERE kind = 'repost'");
  g_assert_cmpstr (repost_uri, ==, expected);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox WHERE state = 'sent'"), ==, 2);
  g_assert_cmpint (chorus_store_queue_like (f->b.store, f->b.target_id, NULL), ==, like);
}

/* Two POSTs with one key made one status, and one reply in the thread. */
static void
assert_sent_once (Fixture *f)
{
  g_autoptr(GPtrArray) writes = status_writes (f);

  g_assert_cmpuint (writes->len, ==, 2);
  g_assert_cmpstr (((FakeMastodonWrite *) writes->pdata[0])->idempotency_key, ==,
                   ((FakeMastodonWrite *) writes->pdata[1])->idempotency_key);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM posts WHERE is_own = 1"), ==, 1);
}

static void
test_server_error_then_sent (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *reason = NULL;
  ChorusOutboxSummary summary;

  fake_mastodon_add_post_fault (f->server, 1, FAKE_MASTODON_FAULT_SERVER_ERROR);
  outbox_test_queue_reply (f->b.store, f->b.target_id, "Checking now.");

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.waiting, ==, 1);
  g_assert_cmpuint (summary.sent + summary.failed, ==, 0);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "queued", 1), ==, 1);
  reason = query_text (f, "SELECT last_error FROM outbox");
  g_assert_nonnull (strstr (reason, "HTTP 500"));

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "sent", 2), ==, 1);

  assert_sent_once (f);
}

static void
test_refused_edit_retry (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusOutboxItem) item = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  ChorusOutboxSummary summary;
  gint64 id;

  fake_mastodon_add_post_fault (f->server, 1, FAKE_MASTODON_FAULT_UNPROCESSABLE);
  id = outbox_test_queue_reply (f->b.store, f->b.target_id, "First try.");

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.failed, ==, 1);
  item = chorus_store_load_outbox_item (f->b.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_outbox_item_get_state (item), ==, CHORUS_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (chorus_outbox_item_get_last_error (item), ==,
                   "Mastodon refused the reply: Validation failed: Text character limit of 500 exceeded");
  g_assert_true (chorus_outbox_item_can_retry (item));
  g_assert_true (chorus_outbox_item_can_edit (item));

  /* Edited, it stays failed until retried. */
  g_assert_true (chorus_store_edit_outbox_item (f->b.store, id, "Second try.", &error));
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox WHERE state = 'failed'"), ==, 1);
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 0);
  g_assert_true (chorus_store_retry_outbox_item (f->b.store, id, &error));
  g_assert_false (chorus_store_retry_outbox_item (f->b.store, id, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 1);
  writes = status_writes (f);
  g_assert_cmpuint (writes->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (parse_object (parser, ((FakeMastodonWrite *) writes->pdata[1])->body),
                                                  "status"), ==, "Second try.");
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts = 2"
                                                 " AND last_error IS NULL"), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM audit_log"
                                                 " WHERE subject_type = 'outbox'"), ==, 3);
}

/* Written offline, sent once the server can be reached. */
static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *reason = NULL;
  ChorusOutboxSummary summary;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);
  g_socket_listener_close (listener);
  chorus_test_db_exec (f->b.db, "UPDATE sources SET server_url = 'http://127.0.0.1:%u'", port);
  outbox_test_queue_reply (f->b.store, f->b.target_id, "Written on a train.");

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.waiting, ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "queued", 1), ==, 1);
  reason = query_text (f, "SELECT last_error FROM outbox");
  g_assert_nonnull (reason);

  chorus_test_db_exec (f->b.db, "UPDATE sources SET server_url = '%s'", fake_mastodon_get_url (f->server));
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 1);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "sent", 2), ==, 1);
}

/* Cancelled while the server held the request: back in the queue, and
 * the resend, with the same key, gets the same status. */
static void
test_interrupted_resend (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusOutboxSummary summary;

  fake_mastodon_add_post_fault (f->server, 1, FAKE_MASTODON_FAULT_STALL);
  outbox_test_queue_reply (f->b.store, f->b.target_id, "Held up.");
  chorus_outbox_sender_flush_async (f->b.sender, 0, cancellable, chorus_test_async_result_cb, &result);
  /* The server's thread makes the status: nothing wakes this one. */
  while (fake_mastodon_get_stats (f->server).created == 0)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  chorus_test_wait_async_result (&result);
  g_assert_false (chorus_outbox_sender_flush_finish (f->b.sender, result, &summary, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "queued", 1), ==, 1);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 1);
  assert_sent_once (f);
}

static GMutex logged_lock;
static GString *logged;

static GLogWriterOutput
capture_log_cb (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&logged_lock);
  for (gsize i = 0; logged != NULL && i < n_fields; i++)
    if (fields[i].length < 0 && g_str_equal (fields[i].key, "MESSAGE"))
      g_string_append_printf (logged, "%s\n", (const char *) fields[i].value);
  g_mutex_unlock (&logged_lock);

  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
assert_file_lacks (const char *path,
                   const char *secret)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  g_assert_null (g_strstr_len (contents, (gssize) length, secret));
}

/* Tokens go in headers to their server, and nowhere else: not in logs,
 * not in messages, not in the workspace. A refused one fails the item
 * and asks for a new sign-in. */
static void
test_secrets_stay_out (Fixture       *f,
                       gconstpointer  data)
{
  const char *url = fake_mastodon_get_url (f->server);
  gint64 wrong_source = outbox_test_add_account (f->b.store, "mastodon", url, "other", WRONG_ENV);
  g_autofree char *remote_id = g_strdup_printf ("%" G_GUINT64_FORMAT, fake_status_id (5));
  gint64 other_target = outbox_test_store_post (f->b.store, wrong_source, "mastodon",
                                                "https://fake.example/users/bo/statuses/5", remote_id, NULL);
  g_autofree char *reason = NULL;
  g_autofree char *wal = g_strconcat (f->b.workspace.path, "-wal", NULL);
  g_autofree char *captured = NULL;
  ChorusOutboxSummary summary;

  outbox_test_queue_reply (f->b.store, f->b.target_id, "Fine.");
  g_assert_cmpint (chorus_store_queue_reply (f->b.store, other_target, "Also fine.", NULL), >, 0);

  g_mutex_lock (&logged_lock);
  logged = g_string_new (NULL);
  g_mutex_unlock (&logged_lock);
  summary = outbox_test_flush (f->b.sender);
  g_mutex_lock (&logged_lock);
  captured = g_string_free (g_steal_pointer (&logged), FALSE);
  g_mutex_unlock (&logged_lock);

  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 1);
  reason = query_text (f, "SELECT last_error FROM outbox WHERE state = 'failed'");
  g_assert_nonnull (strstr (reason, "sign"));
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT needs_reauth FROM sources WHERE id = %" G_GINT64_FORMAT,
                                          wrong_source), ==, 1);

  g_assert_null (strstr (captured, TOKEN));
  g_assert_null (strstr (captured, WRONG_TOKEN));
  g_assert_null (strstr (reason, WRONG_TOKEN));
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox WHERE payload LIKE '%%" TOKEN "%%'"
                                                 " OR payload LIKE '%%" WRONG_TOKEN "%%'"), ==, 0);
  chorus_test_db_exec (f->b.db, "PRAGMA wal_checkpoint (FULL)");
  assert_file_lacks (f->b.workspace.path, TOKEN);
  assert_file_lacks (f->b.workspace.path, WRONG_TOKEN);
  assert_file_lacks (wal, TOKEN);
  assert_file_lacks (wal, WRONG_TOKEN);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (capture_log_cb, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/outbox/mastodon/reply", Fixture, NULL, fixture_set_up, test_reply, fixture_tear_down);
  g_test_add ("/chorus/outbox/mastodon/own-post-read-again", Fixture, NULL, fixture_set_up,
              test_own_post_read_again, fixture_tear_down);
  g_test_add ("/chorus/outbox/mastodon/like-and-repost", Fixture, NULL, fixture_set_up, test_like_and_repost,
              fixture_tear_down);
  g_test_add ("/chorus/outbox/mastodon/server-error-then-sent", Fixture, NULL, fixture_set_up,
              test_server_error_then_sent, fixture_tear_down);
  g_test_add ("/chorus/outbox/mastodon/refused-edit-retry", Fixture, NULL, fixture_set_up,
              test_refused_edit_retry, fixture_tear_down);
  g_test_add ("/chorus/outbox/offline", Fixture, NULL, fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/chorus/outbox/mastodon/interrupted-resend", Fixture, NULL, fixture_set_up,
              test_interrupted_resend, fixture_tear_down);
  g_test_add ("/chorus/outbox/secrets-stay-out", Fixture, NULL, fixture_set_up, test_secrets_stay_out,
              fixture_tear_down);

  return g_test_run ();
}
