/* test-challenge-polls.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "challenge-test-util.h"
#include "chorus-challenge-collect.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-ranking.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "fake-discourse.h"

/* Forum polls as challenge votes (chorus-challenge-polls.c), against a
 * fake Discourse forum (fake-discourse.c): a public poll in a post that
 * carries the challenge's hashtag gives each voter a "poll" vote for the
 * entry their option names by its title; a poll that is not public gives
 * none; a vote moved to another option moves; faults keep what was
 * stored. The collector runs on its own, after posts the forum's sync
 * would have stored. */

#define KEY      "challenge-poll-key-93b1"
#define KEY_ENV  "CHORUS_CHALLENGE_POLL_TEST_KEY"
#define USERNAME "brand"
#define TAG      CHALLENGE_TEST_TAG

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  ChorusHttp          *http;
  ChorusMediaCache    *cache;
  FakeDiscourse       *forum;
  ChorusSource        *source;
  gint64               now;
  gint64               night_trail;
  gint64               alpine_glow;
} Fixture;

static sqlite3 *
db (Fixture *f)
{
  return _chorus_store_get_db (f->store);
}

static gint64
add_entry (Fixture    *f,
           const char *title,
           const char *moderation)
{
  chorus_test_db_exec (db (f), "INSERT INTO submissions (challenge_id, title, image_sha256, moderation, submitted_at)"
                               " VALUES (1, '%s', 'unused', '%s', %" G_GINT64_FORMAT ")", title, moderation, f->now);
  return sqlite3_last_insert_rowid (db (f));
}

/* A topic on the forum, with the same post in the workspace as the
 * forum's sync would store it, its poll included. */
static void
add_poll_topic (Fixture             *f,
                gint64               created_at,
                const char          *text,
                const char          *poll_flags,
                const char * const  *options)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) raw = g_string_new (text);
  ChorusIncomingPost *post = chorus_incoming_post_new ("discourse");
  gint64 id;

  g_string_append_printf (raw, "\n[poll type=multiple%s]\n", poll_flags);
  for (guint i = 0; options[i] != NULL; i++)
    g_string_append_printf (raw, "* %s\n", options[i]);
  g_string_append (raw, "[/poll]");
  id = fake_discourse_open_topic (f->forum, "Vote for the Summit Tee", raw->str);

  post->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  post->uri = g_strdup_printf ("%s/t/%" G_GINT64_FORMAT "/1", fake_discourse_get_url (f->forum), 900 + id - 500);
  post->created_at = created_at;
  post->text = g_strdup (text);
  post->poll = chorus_incoming_poll_new ();
  post->poll->remote_id = g_strdup ("poll");
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new (options[i], 0));
  g_ptr_array_add (posts, post);
  g_assert_true (chorus_store_ingest (f->store, chorus_source_get_id (f->source), posts, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ChorusSourceSettings settings = { "Brand", TRUE, "", "", "", KEY_ENV };
  g_autoptr(GError) error = NULL;
  gint64 source_id;

  f->forum = fake_discourse_start (KEY, USERNAME);
  g_setenv (KEY_ENV, KEY, TRUE);
  chorus_test_workspace_init (&f->workspace, "polls.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->http = chorus_http_new ();
  chorus_http_set_backoff (f->http, 5, 4);
  f->cache = chorus_media_cache_new (f->store, f->http);
  f->now = g_get_real_time () / G_USEC_PER_SEC;

  source_id = chorus_store_add_account (f->store, "discourse", fake_discourse_get_url (f->forum), USERNAME, &settings,
                                        &error);
  g_assert_no_error (error);
  f->source = chorus_test_find_source (f->store, source_id);

  challenge_test_add_challenge (f->store, f->now);
  f->night_trail = add_entry (f, "Night Trail", "accepted");
  f->alpine_glow = add_entry (f, "Alpine Glow", "pending");
  add_entry (f, "Sea Foam", "rejected");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_object (&f->cache);
  g_clear_object (&f->http);
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove_all (&f->workspace);
  fake_discourse_stop (f->forum);
}

/* Runs the collector; returns its error's message, or NULL. */
static char *
collect (Fixture             *f,
         ChorusCollectResult *collected)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  chorus_challenge_collect_async (f->store, f->http, f->cache, f->source, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  if (chorus_challenge_collect_finish (result, collected, &error))
    return NULL;

  return g_strdup (error->message);
}

static char *
dump_votes (Fixture *f,
            gint64   submission_id)
{
  return challenge_test_dump_votes (f->store, submission_id);
}

static void
assert_votes (Fixture    *f,
              const char *night_trail,
              const char *alpine_glow)
{
  g_autofree char *votes = dump_votes (f, f->night_trail);
  g_autofree char *others = dump_votes (f, f->alpine_glow);

  g_assert_cmpstr (votes, ==, night_trail);
  g_assert_cmpstr (others, ==, alpine_glow);
}

static void
test_public_poll (Fixture       *f,
                  gconstpointer  data)
{
  const char * const options[] = { "Night Trail", " alpine GLOW ", "Sea Foam", "None of these", NULL };
  const char * const private_options[] = { "Night Trail", "Alpine Glow", NULL };
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ChorusCollectResult collected = { 0, };
  const ChorusRankedEntry *ranked;

  /* A poll that is not public, one that hides its results, one without
   * the hashtag, and one older than the challenge give nothing. */
  add_poll_topic (f, f->now - 60, "Quick one, which is best? #" TAG, "", private_options);
  fake_discourse_add_voter (f->forum, 0, "eve");
  add_poll_topic (f, f->now - 60, "Results when it closes #" TAG, " public=true results=on_close", private_options);
  fake_discourse_add_voter (f->forum, 0, "gil");
  add_poll_topic (f, f->now - 60, "Unrelated poll", " public=true", private_options);
  fake_discourse_add_voter (f->forum, 0, "fay");
  add_poll_topic (f, f->now - 30 * CHALLENGE_TEST_DAY, "Last year's #" TAG, " public=true", private_options);
  fake_discourse_add_voter (f->forum, 0, "hugo");
  add_poll_topic (f, f->now - 60, "Vote for your favourite design #" TAG, " public=true", options);
  fake_discourse_add_voter (f->forum, 0, "ana");
  fake_discourse_add_voter (f->forum, 0, "bo");
  fake_discourse_add_voter (f->forum, 1, "ana");
  fake_discourse_add_voter (f->forum, 2, "cy");
  fake_discourse_add_voter (f->forum, 3, "di");

  message = collect (f, &collected);
  g_assert_null (message);
  g_assert_cmpuint (collected.votes_added, ==, 3);
  assert_votes (f, "ana@127.0.0.1:poll bo@127.0.0.1:poll", "ana@127.0.0.1:poll");
  g_assert_cmpint (chorus_test_db_query_int (db (f), "SELECT count(*) FROM votes WHERE score = 5"), ==, 3);
  /* Three posts read (with the hashtag, since the challenge opened);
   * voters of the two options that name entries, the rejected one aside. */
  g_assert_cmpuint (fake_discourse_get_stats (f->forum).post_reads, ==, 3);
  g_assert_cmpuint (fake_discourse_get_stats (f->forum).voter_reads, ==, 2);
  g_assert_cmpint (chorus_test_db_query_int (db (f), "SELECT count(*) FROM vote_reads"), ==, 0);

  ranking = chorus_store_rank_challenge (f->store, 1, &error);
  g_assert_no_error (error);
  ranked = chorus_ranking_find_entry (ranking, f->night_trail);
  g_assert_cmpuint (ranked->n_scores, ==, 2);
  g_assert_cmpfloat_with_epsilon (ranked->mean_score, 5.0, 1e-9);

  /* bo changes their mind. */
  fake_discourse_remove_voter (f->forum, 0, "bo");
  fake_discourse_add_voter (f->forum, 1, "bo");
  collected = (ChorusCollectResult) { 0, };
  message = collect (f, &collected);
  g_assert_null (message);
  g_assert_cmpuint (collected.votes_added, ==, 1);
  g_assert_cmpuint (collected.votes_removed, ==, 1);
  assert_votes (f, "ana@127.0.0.1:poll", "ana@127.0.0.1:poll bo@127.0.0.1:poll");
}

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  const char * const options[] = { "Night Trail", "Alpine Glow", NULL };
  const struct
  {
    const char         *prefix;
    FakeDiscourseFault  fault;
    guint               times;
    const char         *says;
  } faults[] = {
    { "/posts/", FAKE_DISCOURSE_FAULT_SERVER_ERROR, 4, "HTTP 500" },
    { "/posts/", FAKE_DISCOURSE_FAULT_MALFORMED, 1, "challenge poll Chorus cannot read" },
    { "/polls/voters.json", FAKE_DISCOURSE_FAULT_RATE_LIMIT, 4, "HTTP 429" },
    { "/polls/voters.json", FAKE_DISCOURSE_FAULT_DROP, 4, "votes of a challenge entry" },
    { "/polls/voters.json", FAKE_DISCOURSE_FAULT_MALFORMED, 1, "list of votes that Chorus cannot read" },
  };
  ChorusCollectResult collected = { 0, };
  g_autofree char *message = NULL;

  add_poll_topic (f, f->now - 60, "Vote! #" TAG, " public=true", options);
  fake_discourse_add_voter (f->forum, 0, "ana");
  message = collect (f, &collected);
  g_assert_null (message);
  assert_votes (f, "ana@127.0.0.1:poll", "");

  /* Whatever fails, ana's vote stays, and bo's waits for a good read. */
  fake_discourse_remove_voter (f->forum, 0, "ana");
  fake_discourse_add_voter (f->forum, 0, "bo");
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      for (guint j = 0; j < faults[i].times; j++)
        fake_discourse_add_fault (f->forum, faults[i].prefix, faults[i].fault);
      g_clear_pointer (&message, g_free);
      message = collect (f, &collected);
      g_assert_nonnull (message);
      if (!strstr (message, faults[i].says))
        g_error ("fault %u: %s", i, message);
      assert_votes (f, "ana@127.0.0.1:poll", "");
    }

  g_clear_pointer (&message, g_free);
  message = collect (f, &collected);
  g_assert_null (message);
  assert_votes (f, "bo@127.0.0.1:poll", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/challenge-polls/public-poll", Fixture, NULL, fixture_set_up, test_public_poll,
              fixture_tear_down);
  g_test_add ("/chorus/challenge-polls/faults", Fixture, NULL, fixture_set_up, test_faults, fixture_tear_down);

  return g_test_run ();
}
