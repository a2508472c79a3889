/* test-outbox-queue.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "chorus-error.h"
#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "outbox-test-util.h"

/* The outbox's queue, in a real workspace: what it accepts (the target's
 * source can post, the text fits the network's limit as the network
 * counts it), what a person can change, and the calls for the main
 * thread. Nothing here reaches a network: sending is test-outbox.c's,
 * -bluesky.c's and -discourse.c's. */

#define TOKEN_ENV     "CHORUS_OUTBOX_QUEUE_TOKEN"
#define SERVER        "https://mastodon.example"
#define TARGET_URI    SERVER "/users/ana/statuses/1234"

typedef struct
{
  OutboxTestBench  b;
  const char      *target_uri;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_setenv (TOKEN_ENV, "queue-test-token", TRUE);
  outbox_test_bench_set_up (&f->b, SERVER, TOKEN_ENV, TARGET_URI, "1234");
  f->target_uri = TARGET_URI;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  outbox_test_bench_tear_down (&f->b);
}

static void
assert_refused (ChorusStore *store,
                gint64       post_id,
                const char  *body,
                int          code,
                const char  *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (chorus_store_queue_reply (store, post_id, body, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, piece);
  return g_string_free (text, FALSE);
}

/* Lengths as the networks count them, computed by hand. */
static void
test_lengths (void)
{
  g_autofree char *url_text = g_strconcat ("hi https://example.com/", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                           NULL);

  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "abc"), ==, 3);
  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "e\xcc\x81"), ==, 1);              /* e + acute */
  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "👍🏽"), ==, 1);                      /* skin tone */
  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "👨‍👩‍👧"), ==, 1);                      /* ZWJ family */
  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "🇫🇷🇩🇪"), ==, 2);                      /* two flags */
  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "한국어"), ==, 3);
  g_assert_cmpuint (chorus_outbox_count_length ("bluesky", "a\r\nb"), ==, 3);
  /* Mastodon: "hi " (3) and a link counted as 23. */
  g_assert_cmpuint (chorus_outbox_count_length ("mastodon", url_text), ==, 26);
  /* "@ana@fake.example hi" counts as "@ana hi". */
  g_assert_cmpuint (chorus_outbox_count_length ("mastodon", "@ana@fake.example hi"), ==, 7);
  g_assert_cmpuint (chorus_outbox_count_length ("discourse", "héllo"), ==, 5);
}

static void
test_queue_checks (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *limit = repeat ("a", 500);
  g_autofree char *over = repeat ("a", 501);
  g_autofree char *linked = g_strconcat (limit + 30, " https://example.com/", limit, NULL);  /* 470 + 1 + 23 */
  g_autoptr(GError) error = NULL;
  gint64 feed_source = outbox_test_add_account (f->b.store, "feed", "https://blog.example/feed.xml", NULL, NULL);
  gint64 reader_source = outbox_test_add_account (f->b.store, "mastodon", "https://read.example", NULL, NULL);
  gint64 forum_source = outbox_test_add_account (f->b.store, "discourse", "https://forum.example", "brand", TOKEN_ENV);
  gint64 feed_post = outbox_test_store_post (f->b.store, feed_source, "feed", "https://blog.example/1", NULL, NULL);
  gint64 read_post = outbox_test_store_post (f->b.store, reader_source, "mastodon", "https://read.example/s/1", "1",
                                             NULL);
  gint64 forum_post = outbox_test_store_post (f->b.store, forum_source, "discourse", "https://forum.example/t/7/2",
                                              "702", NULL);
  guint reply_limit = 0;

  assert_refused (f->b.store, f->b.target_id, "", CHORUS_ERROR_INVALID_ARGUMENT, "text");
  assert_refused (f->b.store, f->b.target_id, "  \n ", CHORUS_ERROR_INVALID_ARGUMENT, "text");
  assert_refused (f->b.store, f->b.target_id, over, CHORUS_ERROR_INVALID_ARGUMENT, "501");
  assert_refused (f->b.store, 424242, "Hello", CHORUS_ERROR_NOT_FOUND, NULL);
  assert_refused (f->b.store, feed_post, "Hello", CHORUS_ERROR_INVALID_ARGUMENT, "Feeds");
  assert_refused (f->b.store, read_post, "Hello", CHORUS_ERROR_INVALID_ARGUMENT, "without signing in");
  g_assert_cmpint (chorus_store_queue_repost (f->b.store, forum_post, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  outbox_test_queue_reply (f->b.store, f->b.target_id, limit);
  outbox_test_queue_reply (f->b.store, f->b.target_id, linked);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox"), ==, 2);

  /* The instance's own limit, once the sync has read it. */
  g_assert_true (chorus_store_get_reply_limit (f->b.store, f->b.target_id, &reply_limit, NULL));
  g_assert_cmpuint (reply_limit, ==, 500);
  g_assert_true (chorus_store_set_cursor (f->b.store, f->b.source_id, "instance",
                                          "max_characters=1000 max_poll_options=4", NULL));
  g_assert_true (chorus_store_get_reply_limit (f->b.store, f->b.target_id, &reply_limit, NULL));
  g_assert_cmpuint (reply_limit, ==, 1000);
  outbox_test_queue_reply (f->b.store, f->b.target_id, over);

  /* Each item has its own key, and Discourse items their topic. */
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(DISTINCT idempotency_key) FROM outbox"), ==, 3);
  g_assert_cmpint (chorus_store_queue_reply (f->b.store, forum_post, "Thanks!", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT json_extract (payload, '$.topic_id') * 10"
                                                 " + json_extract (payload, '$.post_number') FROM outbox"
                                                 " WHERE source_id = %" G_GINT64_FORMAT, forum_source), ==, 72);

  /* A sample source's accounts are made up. */
  chorus_test_db_exec (f->b.db, "UPDATE sources SET is_sample = 1 WHERE id = %" G_GINT64_FORMAT, f->b.source_id);
  assert_refused (f->b.store, f->b.target_id, "Hello", CHORUS_ERROR_INVALID_ARGUMENT, "sample");
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ChorusOutboxSummary summary;
  gint64 id = outbox_test_queue_reply (f->b.store, f->b.target_id, "Never mind.");

  g_assert_true (chorus_store_cancel_outbox_item (f->b.store, id, &error));
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent + summary.failed + summary.waiting, ==, 0);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "cancelled", 0), ==, 1);

  g_assert_false (chorus_store_cancel_outbox_item (f->b.store, id, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_edit_outbox_item (f->b.store, id, "Changed", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_retry_outbox_item (f->b.store, id, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
}

static ChorusOutboxItem *
change_async (Fixture            *f,
              ChorusOutboxChange  change,
              gint64              id,
              const char         *body,
              GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_store_change_outbox_async (f->b.store, change, id, body, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_store_change_outbox_finish (f->b.store, result, error);
}

/* The main thread's calls, each in a worker. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ChorusOutboxItem) queued = NULL;
  g_autoptr(ChorusOutboxItem) cancelled = NULL;
  g_autoptr(ChorusOutboxItem) refused = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  queued = change_async (f, CHORUS_OUTBOX_QUEUE_REPLY, f->b.target_id, "Looking into it.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_outbox_item_get_kind (queued), ==, CHORUS_OUTBOX_KIND_REPLY);
  g_assert_cmpint (chorus_outbox_item_get_state (queued), ==, CHORUS_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (chorus_outbox_item_get_body (queued), ==, "Looking into it.");
  g_assert_cmpstr (chorus_outbox_item_get_target_uri (queued), ==, f->target_uri);
  g_assert_cmpstr (chorus_outbox_item_get_network (queued), ==, "mastodon");
  g_assert_cmpint (chorus_outbox_item_get_conversation_id (queued), ==, f->b.conversation_id);

  refused = change_async (f, CHORUS_OUTBOX_EDIT, chorus_outbox_item_get_id (queued), " ", &error);
  g_assert_null (refused);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  chorus_store_list_outbox_async (f->b.store, f->b.conversation_id, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  items = chorus_store_list_outbox_finish (f->b.store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (chorus_outbox_item_get_body (g_ptr_array_index (items, 0)), ==, "Looking into it.");

  cancelled = change_async (f, CHORUS_OUTBOX_CANCEL, chorus_outbox_item_get_id (queued), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_outbox_item_get_state (cancelled), ==, CHORUS_OUTBOX_STATE_CANCELLED);
  g_assert_false (chorus_outbox_item_can_cancel (cancelled));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/outbox-queue/lengths", test_lengths);
  g_test_add ("/chorus/outbox-queue/checks", Fixture, NULL, fixture_set_up, test_queue_checks, fixture_tear_down);
  g_test_add ("/chorus/outbox-queue/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/chorus/outbox-queue/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
