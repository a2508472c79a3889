/* test-pretest-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-outbox-sender.h"
#include "chorus-pretest-discourse.h"
#include "chorus-store-campaigns.h"
#include "chorus-store-sources.h"
#include "chorus-store-triage-private.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-discourse.h"
#include "outbox-test-util.h"

/* The Discourse poll instrument, end to end: a real workspace launches a
 * poll from a campaign's variants, the outbox posts it once to the fake
 * forum (fake-discourse.c), and syncs read its votes and voters. */

#define KEY        "disc-poll-key-5e21"
#define KEY_ENV    "CHORUS_DISC_POLL_TEST_KEY"
#define USERNAME   "brand"
#define QUESTION   "Which tagline should lead the spring catalogue?"
#define TITLE      "Spring catalogue: pick our tagline"
#define DAY        (24 * 60 * 60)

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  sqlite3             *db;
  ChorusHttp          *http;
  ChorusOutboxSender  *sender;
  ChorusSyncEngine    *engine;
  FakeDiscourse       *forum;
  gint64               source_id;
  gint64               campaign_id;
} Fixture;

static const char * const taglines[] = { "Go further", "Made to last since 1921", "Every trail, every day" };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->forum = fake_discourse_start (KEY, USERNAME);
  g_setenv (KEY_ENV, KEY, TRUE);
  chorus_test_workspace_init (&f->workspace, "poll.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->db = chorus_test_db_open (f->workspace.path, SQLITE_OPEN_READWRITE, 5000);
  f->http = chorus_http_new ();
  chorus_http_set_backoff (f->http, 1, 2);
  f->sender = chorus_outbox_sender_new (f->store, f->http);
  f->engine = chorus_sync_engine_new (f->store, f->http);
  f->source_id = outbox_test_add_account (f->store, "discourse", fake_discourse_get_url (f->forum), USERNAME,
                                          KEY_ENV);
  chorus_test_db_exec (f->db, "INSERT INTO campaigns (name, state, created_at, updated_at)"
                              " VALUES ('Spring tagline', 'draft', 10, 10)");
  f->campaign_id = sqlite3_last_insert_rowid (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (taglines); i++)
    chorus_test_db_exec (f->db, "INSERT INTO variants (campaign_id, position, label, body)"
                                " VALUES (%" G_GINT64_FORMAT ", %u, '%c', '%s')", f->campaign_id, i, 'A' + i,
                         taglines[i]);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->sender);
  g_clear_object (&f->http);
  sqlite3_close (f->db);
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove_all (&f->workspace);
  fake_discourse_stop (f->forum);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  return chorus_test_db_query_int (f->db, sql);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  return chorus_test_db_query_text (f->db, sql);
}

static gint64
launch (Fixture  *f,
        gboolean  public_voters)
{
  ChorusDiscoursePollPlace place = { 0, TITLE, 4 };
  g_autoptr(GError) error = NULL;
  gint64 run = chorus_store_launch_discourse_poll (f->store, f->campaign_id, f->source_id, &place, QUESTION, DAY,
                                                   public_voters, &error);

  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);
  return run;
}

static char *
sync_source (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT last_error FROM sources WHERE id = %" G_GINT64_FORMAT,
                                          f->source_id);

  chorus_test_sync_now (f->engine);
  return query_text (f, sql);
}

static void
assert_refused (Fixture                        *f,
                gint64                          source_id,
                const ChorusDiscoursePollPlace *place,
                gint                            code,
                const char                     *message)
{
  g_autoptr(GError) error = NULL;
  gint64 run = chorus_store_launch_discourse_poll (f->store, f->campaign_id, source_id, place, QUESTION, DAY, FALSE,
                                                   &error);

  g_assert_cmpint (run, ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (query_int (f, "SELECT (SELECT count(*) FROM pretest_runs) + (SELECT count(*) FROM outbox)"
                                 " + (SELECT count(*) FROM run_posts)"), ==, 0);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  ChorusDiscoursePollPlace topic = { 77, NULL, 0 };
  ChorusDiscoursePollPlace short_title = { 0, "Tagline?", 0 };
  g_autoptr(GError) error = NULL;
  gint64 feed = chorus_store_add_source (f->store, "feed", "https://blog.example/feed.xml", NULL, "Blog", &error);

  g_assert_no_error (error);
  assert_refused (f, feed, &topic, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Only a Discourse forum account can post this poll: choose one in the list of accounts.");
  assert_refused (f, f->source_id, &short_title, CHORUS_ERROR_INVALID_ARGUMENT,
                  "The topic’s title is 8 characters long, and the forum takes titles of at least 15.");

  chorus_test_db_exec (f->db, "UPDATE variants SET body = 'Go further ' WHERE position = 2");
  assert_refused (f, f->source_id, &topic, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variants 1 and 3 say the same thing, and a forum poll’s options must differ.");
  chorus_test_db_exec (f->db, "UPDATE variants SET body = 'Every trail,' || char (10) || 'every day'"
                              " WHERE position = 2");
  assert_refused (f, f->source_id, &topic, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant 3 has more than one line, and a forum poll’s options are one line each.");
  chorus_test_db_exec (f->db, "UPDATE variants SET body = '   ' WHERE position = 1");
  assert_refused (f, f->source_id, &topic, CHORUS_ERROR_INVALID_ARGUMENT,
                  "Variant 2 has no text to offer as a poll option.");
}

static void
test_send_once (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *sent = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *sentence = NULL;
  const char *raw;
  JsonObject *body;
  ChorusOutboxSummary summary;

  launch (f, FALSE);
  detail = query_text (f, "SELECT detail FROM audit_log WHERE action = 'campaign-launch'");
  g_assert_nonnull (strstr (detail, "\"instrument\":\"discourse_poll\""));
  sentence = chorus_test_describe ("campaign-launch", detail, "Ana");
  g_assert_cmpstr (sentence, ==, "Ana put the campaign “Spring tagline” to a forum poll");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts r JOIN variants v ON v.id = r.variant_id"
                                 " WHERE r.position = v.position"), ==, 3);

  /* The forum makes the post, and the answer is lost: the resend finds it. */
  fake_discourse_add_fault (f->forum, "/posts.json", FAKE_DISCOURSE_FAULT_LOSE_ANSWER);
  summary = outbox_test_flush (f->sender);
  g_assert_cmpuint (summary.sent, ==, 0);
  g_assert_cmpuint (fake_discourse_get_stats (f->forum).posts_made, ==, 1);
  summary = outbox_test_flush (f->sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpuint (fake_discourse_get_stats (f->forum).posts_made, ==, 1);
  g_assert_cmpuint (fake_discourse_get_stats (f->forum).creates, ==, 1);

  sent = fake_discourse_dup_last_create (f->forum);
  g_assert_true (json_parser_load_from_data (parser, sent, -1, NULL));
  body = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (body, "title"), ==, TITLE);
  g_assert_cmpint (json_object_get_int_member (body, "category"), ==, 4);
  raw = json_object_get_string_member (body, "raw");
  g_assert_true (g_str_has_prefix (raw, QUESTION "\n\n[poll type=regular results=always public=false close="));
  g_assert_nonnull (strstr (raw, "Z]\n* Go further\n* Made to last since 1921\n* Every trail, every day\n[/poll]"));

  remote_id = query_text (f, "SELECT remote_id FROM pretest_runs");
  g_assert_cmpstr (remote_id, ==, "500");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_posts WHERE post_id IS NOT NULL"), ==, 3);
}

/* The campaign as the page and chorusctl read it: the poll's votes, one
 * poll, analysed as votes against equal preference. */
static void
check_campaign_counts (Fixture      *f,
                       const gint64 *votes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaign) campaign = chorus_store_load_campaign (f->store, f->campaign_id, &error);
  g_autoptr(ChorusAnalysis) analysis = NULL;
  gint64 total = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (chorus_campaign_get_variants (campaign), i);

      g_assert_cmpint (chorus_variant_get_votes (variant), ==, votes[i]);
      g_assert_cmpint (chorus_variant_get_exposures (variant), <, 0);
      total += votes[i];
    }

  analysis = chorus_campaign_analyse (campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_POLL);
  g_assert_cmpint (chorus_analysis_get_total (analysis), ==, total);
}

static void
test_votes (Fixture       *f,
            gconstpointer  data)
{
  const gint64 first[] = { 5, 3, 1 };
  const gint64 second[] = { 7, 3, 2 };
  g_autofree char *failure = NULL;
  g_autofree char *values = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *before = NULL;
  /* How often each comes: the client retries all but a bad answer. */
  static const struct { FakeDiscourseFault fault; guint times; const char *says; } faults[] = {
    { FAKE_DISCOURSE_FAULT_SERVER_ERROR, 2, "HTTP 500" },
    { FAKE_DISCOURSE_FAULT_MALFORMED, 1, "sent a poll Chorus cannot read" },
    { FAKE_DISCOURSE_FAULT_RATE_LIMIT, 2, "429" },
    { FAKE_DISCOURSE_FAULT_DROP, 2, "connection to 127.0.0.1 failed" },
  };
  const char *dump = "SELECT group_concat (variant_id || ':' || value || ':' || observed_at, ',')"
                     " || '/' || (SELECT last_refreshed_at || state FROM pretest_runs) FROM observations";

  launch (f, FALSE);
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  fake_discourse_set_votes (f->forum, first, 3);
  failure = sync_source (f);
  g_assert_null (failure);
  values = query_text (f, "SELECT group_concat (value, ',') FROM (SELECT o.value FROM observations o"
                          " JOIN variants v ON v.id = o.variant_id ORDER BY v.position)");
  g_assert_cmpstr (values, ==, "5,3,1");
  check_campaign_counts (f, first);

  /* Unchanged: no new snapshot. */
  chorus_test_db_exec (f->db, "UPDATE pretest_runs SET last_refreshed_at = 1");
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT last_refreshed_at > 1 FROM pretest_runs"), ==, 1);

  /* A 500, a bad answer, a server that says slow down and one that hangs
   * up mid-answer change nothing; the client tries twice where it retries
   * (chorus_http_set_backoff () above). */
  chorus_test_db_exec (f->db, "UPDATE pretest_runs SET last_refreshed_at = 1");
  before = query_text (f, dump);
  fake_discourse_set_votes (f->forum, second, 3);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *after = NULL;

      for (guint k = 0; k < faults[i].times; k++)
        fake_discourse_add_fault (f->forum, "/posts/", faults[i].fault);
      g_clear_pointer (&failure, g_free);
      failure = sync_source (f);
      g_assert_nonnull (failure);
      g_assert_nonnull (strstr (failure, faults[i].says));
      after = query_text (f, dump);
      g_assert_cmpstr (after, ==, before);
    }
  /* The next good read takes the new counts; closing keeps them. */
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 6);
  g_assert_cmpint (query_int (f, "SELECT sum (value) FROM observations WHERE observed_at ="
                                 " (SELECT max (observed_at) FROM observations)"), ==, 12);
  fake_discourse_close_poll (f->forum);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  notice = query_text (f, "SELECT state || ': ' || notice FROM pretest_runs");
  g_assert_nonnull (strstr (notice, "closed: The poll was closed on 127.0.0.1"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 6);
}

static void
test_hidden (Fixture       *f,
             gconstpointer  data)
{
  const gint64 votes[] = { 1, 2, 3 };
  g_autofree char *failure = NULL;
  g_autofree char *notice = NULL;

  launch (f, FALSE);
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  fake_discourse_set_votes (f->forum, votes, 3);
  fake_discourse_set_results (f->forum, "on_close");
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM observations"), ==, 0);
  notice = query_text (f, "SELECT notice FROM pretest_runs");
  g_assert_cmpstr (notice, ==, "This poll hides its results until it ends: Chorus will read the votes then.");
  /* The campaign page reads it with the run. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ChorusCampaign) campaign = chorus_store_load_campaign (f->store, f->campaign_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (chorus_pretest_run_get_notice (g_ptr_array_index (chorus_campaign_get_runs (campaign), 0)), ==,
                     notice);
  }

  fake_discourse_delete_post (f->forum);
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pretest_runs WHERE state = 'closed'"
                                 " AND provenance LIKE '%deleted%'"), ==, 1);
}

static void
test_public_voters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) voters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  gint64 run = launch (f, TRUE);
  ChorusRunVoter *voter;

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  for (guint i = 0; i < 55; i++)
    {
      g_autofree char *name = g_strdup_printf ("fan%02u", i);

      fake_discourse_add_voter (f->forum, 0, name);
    }
  fake_discourse_add_voter (f->forum, 2, "zoe");
  failure = sync_source (f);
  g_assert_null (failure);

  voters = chorus_store_list_run_voters (f->store, run, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (voters->len, ==, 56);
  voter = g_ptr_array_index (voters, 55);
  g_assert_cmpstr (voter->username, ==, "zoe");
  g_assert_cmpint (voter->variant_id, ==, query_int (f, "SELECT id FROM variants WHERE position = 2"));
  g_assert_cmpint (query_int (f, "SELECT value FROM observations o JOIN variants v ON v.id = o.variant_id"
                                 " WHERE v.position = 0"), ==, 55);

  /* Seen again, kept once. */
  g_clear_pointer (&failure, g_free);
  failure = sync_source (f);
  g_assert_null (failure);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM run_voters"), ==, 56);
}

static void
test_refused_public (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *last_error = NULL;
  ChorusOutboxSummary summary;

  fake_discourse_refuse_public (f->forum, TRUE);
  launch (f, TRUE);
  summary = outbox_test_flush (f->sender);
  g_assert_cmpuint (summary.failed, ==, 1);
  last_error = query_text (f, "SELECT last_error FROM outbox WHERE state = 'failed'");
  g_assert_cmpstr (last_error, ==, "127.0.0.1 does not allow polls that show who voted: launch the poll again "
                                   "without public voters.");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM pretest_runs WHERE remote_id IS NULL"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pretest/discourse/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/pretest/discourse/send-once", Fixture, NULL, fixture_set_up, test_send_once, fixture_tear_down);
  g_test_add ("/pretest/discourse/votes", Fixture, NULL, fixture_set_up, test_votes, fixture_tear_down);
  g_test_add ("/pretest/discourse/hidden", Fixture, NULL, fixture_set_up, test_hidden, fixture_tear_down);
  g_test_add ("/pretest/discourse/public-voters", Fixture, NULL,
              fixture_set_up, test_public_voters, fixture_tear_down);
  g_test_add ("/pretest/discourse/refused-public", Fixture, NULL,
              fixture_set_up, test_refused_public, fixture_tear_down);

  return g_test_run ();
}
