/* test-pretest-variants.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-analysis.h"
#include "chorus-campaign.h"
#include "chorus-error.h"
#include "chorus-incoming.h"
#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-post.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-campaigns.h"
#include "chorus-store-ingest.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-mastodon.h"
#include "outbox-test-util.h"

/* The variant posts instrument of the Pre-tests pane, end to end: a real
 * workspace launches a campaign's variants as posts, the outbox sends
 * each once and only when due to the fake Mastodon server
 * (fake-mastodon.c), and syncs read their counts into observations. */

#define TOKEN       "variants-test-token-8d21"
#define TOKEN_ENV   "CHORUS_VARIANTS_TEST_TOKEN"
#define TAG         "chorusvariants"
#define HOUR        (60 * 60)
#define FOLLOWERS   480

typedef struct
{
  OutboxTestBench   b;
  FakeMastodon     *server;
  ChorusSyncEngine *engine;
  gint64            campaign_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  FakeMastodonConfig config = { 0, };

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 4;
  f->server = fake_mastodon_start (&config);
  fake_mastodon_set_followers (f->server, FOLLOWERS);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);

  outbox_test_bench_set_up (&f->b, fake_mastodon_get_url (f->server), TOKEN_ENV,
                            "https://fake.example/users/ana/statuses/1", "1");
  f->engine = chorus_sync_engine_new (f->b.store, f->b.http);

  f->campaign_id = outbox_test_add_campaign (f->b.db, "Spring tagline");
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
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return chorus_test_db_query_int (f->b.db, sql);
}

static gint64
launch (Fixture *f,
        gint64   spacing,
        guint64  seed)
{
  g_autoptr(GError) error = NULL;
  gint64 run = chorus_store_launch_variant_posts (f->b.store, f->campaign_id, &f->b.source_id, 1, spacing, seed,
                                                  &error);

  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);
  return run;
}

static char *
sync_source (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT last_error FROM sources WHERE id = %" G_GINT64_FORMAT,
                                          f->b.source_id);

  chorus_test_sync_now (f->engine);
  return chorus_test_db_query_text (f->b.db, sql);
}

/* Everything a launch writes, to compare before and after a refusal. */
static char *
count_writes (Fixture *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          query_int (f, "SELECT count(*) FROM pretest_runs"),
                          query_int (f, "SELECT count(*) FROM run_posts"),
                          query_int (f, "SELECT count(*) FROM outbox"),
                          query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'campaign-launch'"));
}

static void
assert_refused (Fixture      *f,
                const gint64 *sources,
                guint         n_sources,
                gint64        spacing,
                gint          code,
                const char   *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = count_writes (f);
  g_autofree char *after = NULL;

  g_assert_cmpint (chorus_store_launch_variant_posts (f->b.store, f->campaign_id, sources, n_sources, spacing, 7,
                                                      &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  after = count_writes (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (480, 'a');
  g_autofree char *bluesky_text = g_strnfill (299, 'b');
  gint64 bluesky = outbox_test_add_account (f->b.store, "bluesky", fake_mastodon_get_url (f->server),
                                            "ana.test", TOKEN_ENV);
  gint64 both[] = { f->b.source_id, bluesky };
  gint64 twice[] = { f->b.source_id, f->b.source_id };
  gint64 feed;

  assert_refused (f, NULL, 0, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Choose at least one account to post the variants from.");
  assert_refused (f, twice, 2, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "The same account is chosen twice: each account posts each variant once.");
  assert_refused (f, &f->b.source_id, 1, -1, CHORUS_ERROR_INVALID_ARGUMENT,
                  "The time between two posts cannot be negative.");

  /* Variant B carries its link, which Mastodon counts as 23: 480 + 2 + 23. */
  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '%s' WHERE position = 1", long_text);
  assert_refused (f, &f->b.source_id, 1, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant B is 505 characters long, and posts on Mastodon allow 500.");
  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '%s' WHERE position = 1", outbox_test_taglines[1]);

  /* 301 fits Mastodon, not Bluesky; 300 fits both (a launch that
   * succeeds is tested elsewhere). */
  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '%s ok' WHERE position = 2", bluesky_text);
  assert_refused (f, both, 2, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant C is 302 characters long, and posts on Bluesky allow 300.");
  assert_refused (f, both + 1, 1, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant C is 302 characters long, and posts on Bluesky allow 300.");
  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '%s' WHERE position = 2", outbox_test_taglines[2]);

  feed = chorus_store_add_source (f->b.store, "feed", "https://blog.example/feed.xml", NULL, "Blog", NULL);
  assert_refused (f, &feed, 1, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant posts go out from Mastodon or Bluesky accounts: choose those in the list of accounts.");

  chorus_test_db_exec (f->b.db, "UPDATE variants SET body = '   ' WHERE position = 0");
  assert_refused (f, &f->b.source_id, 1, HOUR, CHORUS_ERROR_INVALID_ARGUMENT, "Variant A has no text to post.");
  chorus_test_db_exec (f->b.db, "DELETE FROM variants WHERE position > 0");
  assert_refused (f, &f->b.source_id, 1, HOUR, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant posts need at least two variants to compare, and this campaign has 1.");

}

/* The order the account posts in, as the run's schedule records it, and
 * as its run posts' positions and times say. */
static char *
dup_order (Fixture *f,
           gint64   run,
           guint64  seed)
{
  g_autofree char *sql = g_strdup_printf ("SELECT schedule FROM pretest_runs WHERE id = %" G_GINT64_FORMAT, run);
  g_autofree char *schedule = chorus_test_db_query_text (f->b.db, sql);
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *source;
  JsonArray *variants;
  GString *order = g_string_new (NULL);
  gint64 started = query_int (f, "SELECT started_at FROM pretest_runs WHERE id = %" G_GINT64_FORMAT, run);

  g_assert_true (json_parser_load_from_data (parser, schedule, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "spacing"), ==, HOUR);
  g_assert_cmpstr (json_object_get_string_member (root, "seed"), ==, seed_text);
  source = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_cmpint (json_object_get_int_member (source, "source_id"), ==, f->b.source_id);
  variants = json_object_get_array_member (source, "variants");
  g_assert_cmpuint (json_array_get_length (variants), ==, G_N_ELEMENTS (outbox_test_taglines));

  for (guint k = 0; k < json_array_get_length (variants); k++)
    {
      gint64 variant = json_array_get_int_element (variants, k);

      /* The k-th post is that variant's, due k hours after the start, and
       * its outbox item waits until then. */
      g_assert_cmpint (query_int (f, "SELECT variant_id FROM run_posts WHERE run_id = %" G_GINT64_FORMAT
                                     " AND position = %u", run, k), ==, variant);
      g_assert_cmpint (query_int (f, "SELECT scheduled_at FROM run_posts WHERE run_id = %" G_GINT64_FORMAT
                                     " AND position = %u", run, k), ==, started + k * HOUR);
      g_assert_cmpint (query_int (f, "SELECT o.not_before FROM run_posts p JOIN outbox o ON o.id = p.outbox_id"
                                     " WHERE p.run_id = %" G_GINT64_FORMAT " AND p.position = %u", run, k),
                       ==, started + k * HOUR);
      g_string_append_printf (order, "%" G_GINT64_FORMAT " ", variant);
    }

  return g_string_free (order, FALSE);
}

/* Each launch's order is a permutation of the variants that its seed
 * gives again; other seeds give other orders. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  gint64 run;

  for (guint64 seed = 1; seed <= 12; seed++)
    {
      g_auto(GStrv) ids = NULL;
      char *order;

      run = launch (f, HOUR, seed * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
      order = dup_order (f, run, seed * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
      ids = g_strsplit (g_strstrip (order), " ", -1);
      g_assert_cmpuint (g_strv_length (ids), ==, 3);
      for (guint i = 0; i < G_N_ELEMENTS (outbox_test_taglines); i++)
        g_assert_cmpint (query_int (f, "SELECT count(*) FROM variants WHERE position = %u AND id IN (%s, %s, %s)",
                                    i, ids[0], ids[1], ids[2]), ==, 1);
      g_hash_table_add (orders, order);
      chorus_test_db_exec (f->b.db, "UPDATE pretest_runs SET state = 'closed'");
    }
  /* Twelve seeds over six orders: more than one shows up. */
  g_assert_cmpuint (g_hash_table_size (orders), >, 1);

  run = launch (f, HOUR, 42);
  first = dup_order (f, run, 42);
  chorus_test_db_exec (f->b.db, "UPDATE pretest_runs SET state = 'closed'");
  run = launch (f, HOUR, 42);
  again = dup_order (f, run, 42);
  g_assert_cmpstr (first, ==, again);

  /* One launch, one audit entry, each. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'campaign-launch'"), ==, 14);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM campaigns WHERE state = 'running'"), ==, 1);
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

/* Makes the next waiting post due, as if an hour had passed. */
static void
pass_an_hour (Fixture *f)
{
  chorus_test_db_exec (f->b.db, "UPDATE outbox SET not_before = not_before - %d WHERE not_before IS NOT NULL",
                       HOUR);
}

static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  ChorusOutboxSummary summary;
  gint64 run = launch (f, HOUR, 3);
  gint64 started = query_int (f, "SELECT started_at FROM pretest_runs WHERE id = %" G_GINT64_FORMAT, run);
  gint64 second = query_int (f, "SELECT variant_id FROM run_posts WHERE position = 1");

  /* Only the first is due. */
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpuint (summary.sent_pretest, ==, 1);   /* the window's toast speaks of a pre-test post */
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 1);
  g_assert_cmpint (chorus_store_next_outbox_due (f->b.store, &error), ==, started + HOUR);
  g_assert_no_error (error);
  g_assert_cmpint (summary.next_due, ==, started + HOUR);   /* the window flushes again then */
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 0);
  g_assert_cmpint (summary.next_due, ==, started + HOUR);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 1);

  /* The first post is the brand's own, its variant's text with its link,
   * in a thread of its own, and its account's followers are its reach. */
  writes = status_posts (f);
  g_assert_cmpuint (writes->len, ==, 1);
  g_assert_nonnull (((FakeMastodonWrite *) g_ptr_array_index (writes, 0))->idempotency_key);
  g_assert_null (strstr (((FakeMastodonWrite *) g_ptr_array_index (writes, 0))->body, "in_reply_to_id"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts rp JOIN posts p ON p.id = rp.post_id"
                                 " JOIN variants v ON v.id = rp.variant_id JOIN outbox o ON o.id = rp.outbox_id"
                                 " WHERE rp.position = 0 AND p.is_own AND p.reply_to_uri IS NULL"
                                 "  AND o.body = v.body || coalesce (char (10, 10) || v.link_url, '')"
                                 "  AND rp.remote_id = p.remote_id AND rp.posted_at >= %" G_GINT64_FORMAT, started),
                   ==, 1);
  g_assert_cmpint (query_int (f, "SELECT value FROM observations o JOIN run_posts rp"
                                 " ON rp.variant_id = o.variant_id AND rp.position = 0 WHERE metric = 'reach'"), ==,
                   FOLLOWERS);

  /* An hour later, the second, once. */
  pass_an_hour (f);
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts WHERE variant_id = %" G_GINT64_FORMAT
                                 " AND remote_id IS NOT NULL", second), ==, 1);
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 0);
  g_assert_cmpint (chorus_store_next_outbox_due (f->b.store, &error), ==, started + HOUR);

  pass_an_hour (f);
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpint (summary.next_due, ==, 0);
  g_assert_cmpint (chorus_store_next_outbox_due (f->b.store, &error), ==, 0);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts = 1"), ==, 3);
}

/* Paused, a run's scheduled posts wait however late they get; resumed,
 * they keep their spacing from then on; closed, the rest never go out. */
static void
test_pause (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now, second_due;

  launch (f, HOUR, 3);
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 1);

  g_assert_true (chorus_store_set_campaign_state (f->b.store, f->campaign_id, "paused", &error));
  g_assert_no_error (error);
  pass_an_hour (f);
  pass_an_hour (f);
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 0);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 1);
  /* Nothing to wake the window for while the run is paused. */
  g_assert_cmpint (chorus_store_next_outbox_due (f->b.store, &error), ==, 0);

  now = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (chorus_store_set_campaign_state (f->b.store, f->campaign_id, "running", &error));
  second_due = query_int (f, "SELECT min (not_before) FROM outbox WHERE state = 'queued'");
  g_assert_cmpint (second_due, >=, now);
  g_assert_cmpint (second_due, <=, now + 5);
  g_assert_cmpint (query_int (f, "SELECT max (not_before) - min (not_before) FROM outbox WHERE state = 'queued'"), ==,
                   HOUR);
  /* The recorded schedule moves with them (two hours apart only because
   * pass_an_hour() moved the outbox alone). */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM run_posts rp JOIN outbox o ON o.id = rp.outbox_id"
                                 " WHERE o.state = 'queued' AND rp.scheduled_at - o.not_before = %d", 2 * HOUR), ==, 2);
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 1);
  g_assert_cmpint (chorus_store_next_outbox_due (f->b.store, &error), ==, second_due + HOUR);

  g_assert_true (chorus_store_set_campaign_state (f->b.store, f->campaign_id, "closed", &error));
  pass_an_hour (f);
  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM outbox WHERE state = 'cancelled'"), ==, 1);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 2);
  g_assert_cmpint (chorus_store_next_outbox_due (f->b.store, &error), ==, 0);
}

/* An answer lost mid-send: the next flush sends with the same key, and
 * the server makes no second status. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  launch (f, 0, 5);
  fake_mastodon_add_post_fault (f->server, 2, FAKE_MASTODON_FAULT_DROP);

  /* The second status is made, but its answer is lost: the sender waits
   * for the next flush. */
  outbox_test_flush (f->b.sender);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'sent'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM outbox WHERE state = 'queued' AND attempts = 1"), ==, 1);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 2);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 2);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).created, ==, 3);
  g_assert_cmpint (fake_mastodon_get_stats (f->server).status_posts, ==, 4);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts WHERE remote_id IS NOT NULL"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT remote_id) FROM run_posts"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM posts WHERE is_own"), ==, 3);
}

/* The variant the server's @index-th made status carries. */
static gint64
variant_of_status (Fixture *f,
                   guint    index)
{
  return query_int (f, "SELECT variant_id FROM run_posts WHERE posted_at IS NOT NULL ORDER BY outbox_id"
                       " LIMIT 1 OFFSET %u", index);
}

static gint64
count_observations (Fixture *f)
{
  return query_int (f, "SELECT count(*) FROM observations");
}

static gint64
launch_and_send_all (Fixture *f)
{
  gint64 run = launch (f, 0, 11);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 3);
  return run;
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  gint64 run = launch_and_send_all (f);
  gint64 a = variant_of_status (f, 0);
  gint64 b = variant_of_status (f, 1);
  g_autofree char *failure = NULL;
  gint64 before;

  g_assert_cmpint (count_observations (f), ==, 3);    /* reach */
  fake_mastodon_set_status_counts (f->server, 0, 12, 3, 2);
  fake_mastodon_set_status_counts (f->server, 1, 4, 0, 1);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (outbox_test_latest (f->b.db, a, "likes"), ==, 12);
  g_assert_cmpint (outbox_test_latest (f->b.db, a, "reposts"), ==, 3);
  g_assert_cmpint (outbox_test_latest (f->b.db, a, "replies"), ==, 2);
  g_assert_cmpint (outbox_test_latest (f->b.db, b, "likes"), ==, 4);
  g_assert_cmpint (outbox_test_latest (f->b.db, b, "reposts"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT last_refreshed_at > 0 FROM pretest_runs WHERE id = %" G_GINT64_FORMAT,
                              run), ==, 1);

  /* Unchanged counts write nothing. */
  before = count_observations (f);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (count_observations (f), ==, before);

  /* One count moved: one snapshot. */
  fake_mastodon_set_status_counts (f->server, 0, 15, -1, -1);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_cmpint (count_observations (f), ==, before + 1);
  g_assert_cmpint (outbox_test_latest (f->b.db, a, "likes"), ==, 15);
}

/* 5xx, 429, a broken answer or a dropped connection: the sync says so,
 * and the counts stay as they were. A deleted post keeps its counts, with
 * a notice. */
static void
test_refresh_faults (Fixture       *f,
                     gconstpointer  data)
{
  /* Each fault, as often as the client tries again. */
  const struct
  {
    FakeMastodonFault fault;
    guint             times;
  } faults[] = {
    { FAKE_MASTODON_FAULT_SERVER_ERROR, 2 },
    { FAKE_MASTODON_FAULT_RATE_LIMIT, 2 },
    { FAKE_MASTODON_FAULT_MALFORMED, 1 },
    { FAKE_MASTODON_FAULT_DROP, 2 },
  };
  gint64 a;
  gint64 before;
  g_autofree char *failure = NULL;

  launch_and_send_all (f);
  a = variant_of_status (f, 0);
  fake_mastodon_set_status_counts (f->server, 0, 7, 1, 1);
  failure = sync_source (f);
  g_assert_null (failure);
  before = count_observations (f);

  fake_mastodon_set_status_counts (f->server, 0, 9, 2, 2);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      guint reads = fake_mastodon_get_stats (f->server).status_reads;

      for (guint j = 1; j <= faults[i].times; j++)
        fake_mastodon_add_status_fault (f->server, reads + j, faults[i].fault);
      g_clear_pointer (&failure, g_free);
      failure = sync_source (f);
      g_assert_nonnull (failure);
      g_assert_cmpuint (fake_mastodon_get_stats (f->server).status_reads, ==, reads + faults[i].times);
      g_assert_cmpint (count_observations (f), ==, before);
      g_assert_cmpint (outbox_test_latest (f->b.db, a, "likes"), ==, 7);
    }

  fake_mastodon_delete_status (f->server, 0);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (outbox_test_latest (f->b.db, a, "likes"), ==, 7);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts WHERE variant_id = %" G_GINT64_FORMAT
                                 " AND notice LIKE 'This post was deleted%%'", a), ==, 1);
  /* The campaign page shows it on the run. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ChorusCampaign) campaign = chorus_store_load_campaign (f->b.store, f->campaign_id, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (chorus_pretest_run_get_notice (g_ptr_array_index (chorus_campaign_get_runs (campaign), 0)),
                                     "This post was deleted"));
  }
}

/* The campaign reads engagements (likes + reposts + replies) out of the
 * followers each post reached. */
static void
test_analysis (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;
  g_autofree char *failure = NULL;
  const gint64 counts[][3] = { { 30, 6, 4 }, { 9, 1, 2 }, { 20, 2, 3 } };
  gint64 expected[3];
  gint64 variants[3];

  launch_and_send_all (f);
  for (guint i = 0; i < 3; i++)
    {
      fake_mastodon_set_status_counts (f->server, i, counts[i][0], counts[i][1], counts[i][2]);
      expected[i] = counts[i][0] + counts[i][1] + counts[i][2];
      variants[i] = variant_of_status (f, i);
    }
  failure = sync_source (f);
  g_assert_null (failure);
  /* Posted within seconds of each other: no time warning. */
  outbox_test_assert_rates (f->b.store, f->b.db, f->campaign_id, variants, expected, 3, FOLLOWERS);

  /* Had the first gone out 13 hours earlier, the reader is warned. */
  chorus_test_db_exec (f->b.db, "UPDATE run_posts SET posted_at = posted_at - 13 * 3600 WHERE position = 0");
  campaign = chorus_store_load_campaign (f->b.store, f->campaign_id, &error);
  analysis = chorus_campaign_analyse (campaign, &error);
  g_assert_no_error (error);
  g_assert_true (chorus_analysis_get_warnings (analysis) & CHORUS_ANALYSIS_WARNING_TIME_SPREAD);
}

/* A reply from someone to the brand's post @parent_uri. */
static void
add_reply (Fixture    *f,
           const char *parent_uri,
           guint       n,
           const char *text,
           gint64      likes)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  ChorusIncomingPost *post = chorus_incoming_post_new ("mastodon");
  g_autoptr(GError) error = NULL;

  post->uri = g_strdup_printf ("https://elsewhere.example/users/fan%u/statuses/%u", n, 100 + n);
  post->remote_id = g_strdup_printf ("%u", 100 + n);
  post->author = chorus_incoming_author_new ();
  post->author->handle = g_strdup_printf ("fan%u", n);
  post->author->server = g_strdup ("elsewhere.example");
  post->created_at = G_GINT64_CONSTANT (1767225600) + n;
  post->text = g_strdup (text);
  post->language = g_strdup ("en");
  post->like_count = likes;
  post->reply_to_uri = g_strdup (parent_uri);
  post->root_uri = g_strdup (parent_uri);
  g_ptr_array_add (posts, post);
  g_assert_true (chorus_store_ingest (f->b.store, f->b.source_id, posts, NULL, &error));
  g_assert_no_error (error);
}

static void
test_replies (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GPtrArray) others = NULL;
  ChorusSentimentMix mix = { 9, 9, 9 };
  gint64 a, b;
  g_autofree char *a_uri = NULL;
  g_autofree char *b_uri = NULL;
  g_autofree char *sql = NULL;

  launch_and_send_all (f);
  a = variant_of_status (f, 0);
  b = variant_of_status (f, 1);
  sql = g_strdup_printf ("SELECT p.uri FROM run_posts rp JOIN posts p ON p.id = rp.post_id"
                         " WHERE rp.variant_id = %" G_GINT64_FORMAT, a);
  a_uri = chorus_test_db_query_text (f->b.db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT p.uri FROM run_posts rp JOIN posts p ON p.id = rp.post_id"
                         " WHERE rp.variant_id = %" G_GINT64_FORMAT, b);
  b_uri = chorus_test_db_query_text (f->b.db, sql);

  add_reply (f, a_uri, 1, "I love this, what a great idea!", 2);
  add_reply (f, a_uri, 2, "This is terrible and ugly, I hate it.", 9);
  add_reply (f, a_uri, 3, "When does it ship?", 2);
  add_reply (f, a_uri, 4, "Wonderful, beautiful work!", 0);
  add_reply (f, b_uri, 5, "Awful. Really bad.", 1);

  replies = chorus_store_list_variant_replies (f->b.store, f->campaign_id, a, 3, &mix, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 3);
  /* Most liked first, then newest. */
  g_assert_cmpint (chorus_post_get_like_count (g_ptr_array_index (replies, 0)), ==, 9);
  g_assert_cmpstr (chorus_post_get_text (g_ptr_array_index (replies, 1)), ==, "When does it ship?");
  g_assert_cmpstr (chorus_post_get_text (g_ptr_array_index (replies, 2)), ==, "I love this, what a great idea!");
  /* The mix counts all four, not only those listed. */
  g_assert_cmpuint (mix.positive, ==, 2);
  g_assert_cmpuint (mix.negative, ==, 1);
  g_assert_cmpuint (mix.neutral, ==, 1);

  others = chorus_store_list_variant_replies (f->b.store, f->campaign_id, b, 10, &mix, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpuint (mix.negative, ==, 1);
  g_assert_cmpuint (mix.positive + mix.neutral, ==, 0);

  /* A person's reading of the thread wins. */
  chorus_test_db_exec (f->b.db, "UPDATE conversations SET sentiment_override = 1 WHERE root_uri = '%s'", b_uri);
  g_clear_pointer (&others, g_ptr_array_unref);
  others = chorus_store_list_variant_replies (f->b.store, f->campaign_id, b, 10, &mix, &error);
  g_assert_cmpuint (mix.positive, ==, 1);
  g_assert_cmpuint (mix.negative, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/pretest-variants/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/scheduled", Fixture, NULL, fixture_set_up, test_scheduled,
              fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/pause", Fixture, NULL, fixture_set_up, test_pause, fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/lost-answer", Fixture, NULL, fixture_set_up, test_lost_answer,
              fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/refresh", Fixture, NULL, fixture_set_up, test_refresh, fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/refresh-faults", Fixture, NULL, fixture_set_up, test_refresh_faults,
              fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/analysis", Fixture, NULL, fixture_set_up, test_analysis, fixture_tear_down);
  g_test_add ("/chorus/pretest-variants/replies", Fixture, NULL, fixture_set_up, test_replies, fixture_tear_down);

  return g_test_run ();
}
