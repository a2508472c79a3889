/* test-pretest-mastodon.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-mastodon.h"
#include "outbox-test-util.h"

/* The Mastodon poll instrument of the Pre-tests pane, end to end: a real
 * workspace launches a poll from a campaign's variants, the outbox posts
 * it once to the fake Mastodon server (fake-mastodon.c), and syncs read
 * its votes into observations. */

#define TOKEN       "poll-test-token-31c9e"
#define TOKEN_ENV   "CHORUS_POLL_TEST_TOKEN"
#define TAG         "choruspoll"
#define QUESTION    "Which tagline should lead the spring catalogue?"
#define DAY         (24 * 60 * 60)

typedef struct
{
  OutboxTestBench   b;
  FakeMastodon     *server;
  ChorusSyncEngine *engine;
  gint64            campaign_id;
} Fixture;

static const char * const taglines[] = {
  "Go further",
  "Made to last since 1921",
  "Every trail, every day",
  "Built for the long way round",
  "Outside is home",
};

/* A draft campaign with the first @n taglines as variants. */
static gint64
add_campaign (Fixture *f,
              guint    n)
{
  gint64 id;

  chorus_test_db_exec (f->b.db, "INSERT INTO campaigns (name, state, created_at, updated_at)"
                                " VALUES ('Spring tagline', 'draft', 10, 10)");
  id = sqlite3_last_insert_rowid (f->b.db);
  for (guint i = 0; i < n; i++)
    chorus_test_db_exec (f->b.db, "INSERT INTO variants (campaign_id, position, label, body)"
                                  " VALUES (%" G_GINT64_FORMAT ", %u, '%c', '%s')",
                         id, i, 'A' + i, taglines[i]);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  FakeMastodonConfig config = { 0, };

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 4;
  config.mention_every = 2;
  f->server = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);

  outbox_test_bench_set_up (&f->b, fake_mastodon_get_url (f->server), TOKEN_ENV,
                            "https://fake.example/users/ana/statuses/1", "1");
  f->engine = chorus_sync_engine_new (f->b.store, f->b.http);
  f->campaign_id = add_campaign (f, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->engine);
  outbox_test_bench_tear_down (&f->b);
  fake_mastodon_stop (f->server);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  return chorus_test_db_query_int (f->b.db, sql);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  return chorus_test_db_query_text (f->b.db, sql);
}

static gint64
launch (Fixture *f,
        gint64   duration)
{
  g_autoptr(GError) error = NULL;
  gint64 run = chorus_store_launch_mastodon_poll (f->b.store, f->campaign_id, f->b.source_id, QUESTION,
                                                  duration, &error);

  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);
  return run;
}

/* Syncs the account; returns its last error, or NULL. */
static char *
sync_source (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT last_error FROM sources WHERE id = %" G_GINT64_FORMAT,
                                          f->b.source_id);

  chorus_test_sync_now (f->engine);
  return query_text (f, sql);
}

/* Launched and sent: returns the run. */
static gint64
launch_and_send (Fixture *f)
{
  gint64 run = launch (f, DAY);
  ChorusOutboxSummary summary = outbox_test_flush (f->b.sender);

  g_assert_cmpuint (summary.sent, ==, 1);
  return run;
}

/* The rows a refused launch must not have written. */
static char *
count_writes (Fixture *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT,
                          query_int (f, "SELECT count(*) FROM pretest_runs"),
                          query_int (f, "SELECT count(*) FROM run_posts"),
                          query_int (f, "SELECT count(*) FROM outbox"),
                          query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'campaign-launch'"),
                          query_int (f, "SELECT count(*) FROM campaigns WHERE state <> 'draft'"));
}

static void
assert_refused (Fixture    *f,
                gint64      source_id,
                gint64      duration,
                gint        code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = count_writes (f);
  g_autofree char *after = NULL;
  gint64 run = chorus_store_launch_mastodon_poll (f->b.store, f->campaign_id, source_id, QUESTION, duration,
                                                  &error);

  g_assert_cmpint (run, ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  after = count_writes (f);
  g_assert_cmpstr (after, ==, before);
}

static GPtrArray *
status_posts (Fixture *f)
{
  GPtrArray *writes = fake_mastodon_dup_writes (f->server);

  for (guint i = writes->len; i > 0; i--)
    if (!g_str_equal (((FakeMastodonWrite *) g_ptr_array_index (writes, i - 1))->path, "/api/v1/statuses"))
      g_ptr_array_remove_index (writes, i - 1);
  return writes;
}

static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  ChorusPollLimits limits;

  g_assert_true (chorus_store_get_poll_limits (f->b.store, f->b.source_id, &limits, &error));
  g_assert_no_error (error);
  g_assert_false (limits.known);
  g_assert_cmpint (limits.max_options, ==, 4);
  g_assert_cmpint (limits.max_characters_per_option, ==, 50);
  g_assert_cmpint (limits.min_expiration, ==, 300);
  g_assert_cmpint (limits.max_expiration, ==, 2629746);

  /* A sync reads the instance's own. */
  fake_mastodon_set_poll_limits (f->server, 6, 80, 600, 7 * DAY);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_true (chorus_store_get_poll_limits (f->b.store, f->b.source_id, &limits, &error));
  g_assert_true (limits.known);
  g_assert_cmpint (limits.max_options, ==, 6);
  g_assert_cmpint (limits.max_characters_per_option, ==, 80);
  g_assert_cmpint (limits.min_expiration, ==, 600);
  g_assert_cmpint (limits.max_expiration, ==, 7 * DAY);
}

static void
test_launch_and_send_once (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *key = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *state = NULL;
  FakeMastodonWrite *write;
  JsonObject *sent;
  JsonObject *poll;
  JsonArray *options;
  ChorusOutboxSummary summary;
  gint64 run;

  chorus_store_launch_mastodon_poll_async (f->b.store, f->campaign_id, f->b.source_id, "  " QUESTION "\n", DAY,
                                           NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  run = chorus_store_launch_mastodon_poll_finish (f->b.store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);

  /* One run, one row per variant at its option index, one item. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pretest_runs WHERE instrument = 'mastodon_poll'"
                                 " AND state = 'running' AND question = '" QUESTION "'"
                                 " AND ends_at - started_at = 86400 AND expires_in = 86400"
                                 " AND remote_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts r JOIN variants v ON v.id = r.variant_id"
                                 " WHERE r.position = v.position AND r.outbox_id ="
                                 " (SELECT id FROM outbox WHERE kind = 'poll')"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE kind = 'poll' AND state = 'queued'"
                                 " AND body = '" QUESTION "'"), ==, 1);
  state = query_text (f, "SELECT state FROM campaigns");
  g_assert_cmpstr (state, ==, "running");
  detail = query_text (f, "SELECT detail FROM audit_log WHERE action = 'campaign-launch'"
                          " AND subject_type = 'campaign'");
  g_assert_nonnull (detail);
  g_assert_nonnull (strstr (detail, "\"name\":\"Spring tagline\""));
  g_assert_nonnull (strstr (detail, "\"instrument\":\"mastodon_poll\""));

  /* A second poll may not run beside it. */
  assert_refused (f, f->b.source_id, DAY, CHORUS_ERROR_EXISTS, NULL);

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 0);

  writes = status_posts (f);
  g_assert_cmpuint (writes->len, ==, 1);
  write = g_ptr_array_index (writes, 0);
  key = query_text (f, "SELECT idempotency_key FROM outbox WHERE kind = 'poll'");
  g_assert_cmpstr (write->idempotency_key, ==, key);
  g_assert_cmpuint (write->status, ==, 200);
  g_assert_true (json_parser_load_from_data (parser, write->body, -1, NULL));
  sent = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, QUESTION);
  g_assert_cmpstr (json_object_get_string_member (sent, "visibility"), ==, "public");
  poll = json_object_get_object_member (sent, "poll");
  g_assert_cmpint (json_object_get_int_member (poll, "expires_in"), ==, DAY);
  g_assert_false (json_object_get_boolean_member (poll, "multiple"));
  options = json_object_get_array_member (poll, "options");
  g_assert_cmpuint (json_array_get_length (options), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_array_get_string_element (options, i), ==, taglines[i]);

  /* The run knows its poll, and the variants the brand's post. */
  remote_id = query_text (f, "SELECT remote_id FROM pretest_runs");
  g_assert_cmpstr (remote_id, ==, "700000");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts r JOIN posts p ON p.id = r.post_id"
                                 " WHERE p.is_own AND p.text = '" QUESTION "'"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM polls p JOIN poll_options o ON o.poll_id = p.id"
                                 " WHERE p.remote_id = '700000'"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts = 1"), ==, 1);

  /* Nothing goes twice. */
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 0);
  g_clear_pointer (&writes, g_ptr_array_unref);
  writes = status_posts (f);
  g_assert_cmpuint (writes->len, ==, 1);
}

static void
test_votes (Fixture       *f,
            gconstpointer  data)
{
  const gint64 first[] = { 5, 3, 1 };
  const gint64 second[] = { 7, 3, 2 };
  g_autofree char *failure = NULL;
  g_autofree char *values = NULL;
  g_autofree char *state = NULL;
  guint reads;

  launch_and_send (f);
  fake_mastodon_set_poll_votes (f->server, NULL, first, G_N_ELEMENTS (first));
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 3);
  values = query_text (f, "SELECT group_concat (o.value, ',') FROM (SELECT o.value FROM observations o"
                          " JOIN variants v ON v.id = o.variant_id WHERE o.metric = 'votes' ORDER BY v.position) o");
  g_assert_cmpstr (values, ==, "5,3,1");
  g_assert_cmpint (query_int (f, "SELECT last_refreshed_at > 0 FROM pretest_runs"), ==, 1);

  /* Nothing moved: no snapshot, but the run was read. */
  chorus_test_db_exec (f->b.db, "UPDATE pretest_runs SET last_refreshed_at = 1");
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT last_refreshed_at > 1 FROM pretest_runs"), ==, 1);

  /* Something moved: a whole new snapshot, later than the first. */
  fake_mastodon_set_poll_votes (f->server, NULL, second, G_N_ELEMENTS (second));
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 6);
  g_clear_pointer (&values, g_free);
  values = query_text (f, "SELECT group_concat (o.value, ',') FROM (SELECT o.value FROM observations o"
                          " JOIN variants v ON v.id = o.variant_id"
                          " WHERE o.observed_at = (SELECT max (observed_at) FROM observations)"
                          " ORDER BY v.position) o");
  g_assert_cmpstr (values, ==, "7,3,2");
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT observed_at) FROM observations"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pretest_runs WHERE state = 'running'"), ==, 1);

  /* The poll ends: the run closes, and is not read again. */
  fake_mastodon_expire_poll (f->server, NULL);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  state = query_text (f, "SELECT state FROM pretest_runs");
  g_assert_cmpstr (state, ==, "closed");
  g_assert_cmpint (query_int (f, "SELECT closed_at >= started_at FROM pretest_runs"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 6);
  reads = fake_mastodon_get_stats (f->server).poll_reads;
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).poll_reads, ==, reads);

  /* The campaign's counts are the latest snapshot's. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations o WHERE o.value = 7 AND o.observed_at ="
                                 " (SELECT max (observed_at) FROM observations)"), ==, 1);
}

static void
test_hidden_and_deleted (Fixture       *f,
                         gconstpointer  data)
{
  const gint64 hidden[] = { -1, -1, -1 };
  const gint64 shown[] = { 4, 1, 0 };
  g_autofree char *failure = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *state = NULL;

  launch_and_send (f);
  fake_mastodon_set_poll_votes (f->server, NULL, hidden, G_N_ELEMENTS (hidden));
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 0);
  notice = query_text (f, "SELECT notice FROM pretest_runs");
  g_assert_cmpstr (notice, ==, "This poll hides its results until it ends: Chorus will read the votes then.");
  g_assert_cmpint (query_int (f, "SELECT last_refreshed_at > 0 FROM pretest_runs"), ==, 1);

  fake_mastodon_set_poll_votes (f->server, NULL, shown, G_N_ELEMENTS (shown));
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pretest_runs WHERE notice IS NULL"), ==, 1);

  /* Deleted on the server: closed, with why, and the counts stay. */
  fake_mastodon_delete_poll (f->server, NULL);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  state = query_text (f, "SELECT state FROM pretest_runs");
  g_assert_cmpstr (state, ==, "closed");
  g_clear_pointer (&notice, g_free);
  notice = query_text (f, "SELECT provenance FROM pretest_runs");
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "deleted"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 3);
}

static void
test_sync_errors (Fixture       *f,
                  gconstpointer  data)
{
  const gint64 votes[] = { 2, 2, 9 };
  const gint64 later[] = { 3, 3, 10 };
  g_autofree char *failure = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *dump = "SELECT group_concat (run_id || ':' || variant_id || ':' || value || ':' || observed_at, ',')"
                     " || '/' || (SELECT last_refreshed_at || state FROM pretest_runs) FROM observations";
  guint reads;

  launch_and_send (f);
  fake_mastodon_set_poll_votes (f->server, NULL, votes, G_N_ELEMENTS (votes));
  failure = sync_source (f);
  g_assert_null (failure);
  chorus_test_db_exec (f->b.db, "UPDATE pretest_runs SET last_refreshed_at = 1");
  before = query_text (f, dump);
  fake_mastodon_set_poll_votes (f->server, NULL, later, G_N_ELEMENTS (later));

  /* A server error, however often it is retried, changes nothing and is
   * the source's error. */
  reads = fake_mastodon_get_stats (f->server).poll_reads;
  for (guint i = 1; i <= 4; i++)
    fake_mastodon_add_poll_fault (f->server, reads + i, FAKE_MASTODON_FAULT_SERVER_ERROR);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_nonnull (failure);
  g_assert_nonnull (strstr (failure, "HTTP 500"));
  after = query_text (f, dump);
  g_assert_cmpstr (after, ==, before);

  /* So does an answer that is not JSON. */
  reads = fake_mastodon_get_stats (f->server).poll_reads;
  fake_mastodon_add_poll_fault (f->server, reads + 1, FAKE_MASTODON_FAULT_MALFORMED);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_nonnull (failure);
  g_clear_pointer (&after, g_free);
  after = query_text (f, dump);
  g_assert_cmpstr (after, ==, before);

  /* And the next good read takes the new counts. */
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 6);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  /* Too short for the server (Mastodon's defaults: nothing was read). */
  assert_refused (f, f->b.source_id, 60, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Polls on this server stay open at least 5 min: choose a longer duration.");
  assert_refused (f, f->b.source_id, 60 * DAY, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Polls on this server stay open at most 30 days: choose a shorter duration.");

  /* An option too long. */
  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '%s' WHERE position = 1",
                       "A tagline that goes on and on about the brand and its long history");
  assert_refused (f, f->b.source_id, DAY, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant 2 is 66 characters long, and polls on this server allow 50 per option.");
  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '%s' WHERE position = 1", taglines[1]);

  /* Too many variants. */
  chorus_test_db_exec (f->b.db, "INSERT INTO variants (campaign_id, position, label, body) VALUES"
                                " (%" G_GINT64_FORMAT ", 3, 'D', '%s'), (%" G_GINT64_FORMAT ", 4, 'E', '%s')",
                       f->campaign_id, taglines[3], f->campaign_id, taglines[4]);
  assert_refused (f, f->b.source_id, DAY, CHORUS_ERROR_INVALID_ARGUMENT,
                  "This campaign has 5 variants, and polls on this server allow 4 options.");
  chorus_test_db_exec (f->b.db, "DELETE FROM variants WHERE position = 4");

  /* A closed campaign, then an unknown one. */
  chorus_test_db_exec (f->b.db, "UPDATE campaigns SET state = 'closed'");
  assert_refused (f, f->b.source_id, DAY, CHORUS_ERROR_INVALID_ARGUMENT,
                  "The campaign “Spring tagline” is over: reopen it before launching a poll.");
  chorus_test_db_exec (f->b.db, "UPDATE campaigns SET state = 'draft'");

  /* With all that fixed, it launches. */
  launch (f, DAY);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts"), ==, 4);
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 feed = chorus_store_add_source (f->b.store, "feed", "https://blog.example/feed.xml", NULL, "Blog", &error);
  gint64 anonymous;

  g_assert_no_error (error);
  assert_refused (f, feed, DAY, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Only a Mastodon account can post this poll: choose one in the list of accounts.");
  assert_refused (f, feed + 100, DAY, CHORUS_ERROR_NOT_FOUND, NULL);

  anonymous = chorus_store_add_source (f->b.store, "mastodon", fake_mastodon_get_url (f->server), NULL,
                                       "Public", &error);
  g_assert_no_error (error);
  assert_refused (f, anonymous, DAY, CHORUS_ERROR_INVALID_ARGUMENT, NULL);

  chorus_test_db_exec (f->b.db, "UPDATE sources SET is_sample = 1 WHERE id = %" G_GINT64_FORMAT, f->b.source_id);
  assert_refused (f, f->b.source_id, DAY, CHORUS_ERROR_INVALID_ARGUMENT,
                  "This account belongs to the sample workspace and is made up: nothing can be sent from it.");
  chorus_test_db_exec (f->b.db, "UPDATE sources SET is_sample = 0, enabled = 0 WHERE id = %" G_GINT64_FORMAT,
                       f->b.source_id);
  assert_refused (f, f->b.source_id, DAY, CHORUS_ERROR_INVALID_ARGUMENT, NULL);
}

static void
test_refused_send (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *last_error = NULL;
  ChorusOutboxSummary summary;

  launch (f, DAY);
  fake_mastodon_set_poll_limits (f->server, 2, 50, 300, 2629746);
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 0);
  g_assert_cmpuint (summary.failed, ==, 1);
  last_error = query_text (f, "SELECT last_error FROM outbox WHERE kind = 'poll' AND state = 'failed'");
  g_assert_nonnull (last_error);
  g_assert_nonnull (strstr (last_error, "Poll has too many options"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pretest_runs WHERE remote_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts WHERE post_id IS NOT NULL"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pretest/mastodon/limits", Fixture, NULL, fixture_set_up, test_limits, fixture_tear_down);
  g_test_add ("/pretest/mastodon/launch-and-send-once", Fixture, NULL,
              fixture_set_up, test_launch_and_send_once, fixture_tear_down);
  g_test_add ("/pretest/mastodon/votes", Fixture, NULL, fixture_set_up, test_votes, fixture_tear_down);
  g_test_add ("/pretest/mastodon/hidden-and-deleted", Fixture, NULL,
              fixture_set_up, test_hidden_and_deleted, fixture_tear_down);
  g_test_add ("/pretest/mastodon/sync-errors", Fixture, NULL, fixture_set_up, test_sync_errors, fixture_tear_down);
  g_test_add ("/pretest/mastodon/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/pretest/mastodon/sources", Fixture, NULL, fixture_set_up, test_sources, fixture_tear_down);
  g_test_add ("/pretest/mastodon/refused-send", Fixture, NULL,
              fixture_set_up, test_refused_send, fixture_tear_down);

  return g_test_run ();
}
