/* test-challenge-votes.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "challenge-mastodon-rig.h"
#include "chorus-challenge-votes-private.h"
#include "chorus-store-ranking.h"

/* Community votes on design challenges beyond likes on the source's own
 * server, through the sync engine and a fake Mastodon server
 * (challenge-mastodon-rig.c): scores given in replies to an entry's post,
 * and the likes and boosts of a post from another server, read from that
 * server too. */

#define DAY  CHALLENGE_TEST_DAY
#define HOUR (60 * 60)
#define TAG  CHALLENGE_TEST_TAG

typedef ChallengeRig Fixture;

static const ChorusRankedEntry *
rank_entry (ChorusRanking *ranking,
            gint64         submission_id)
{
  const ChorusRankedEntry *entry = chorus_ranking_find_entry (ranking, submission_id);

  g_assert_nonnull (entry);
  return entry;
}

/* Replies that give a score become reply_score votes, one per person, the
 * latest; ambiguous, out-of-range, early and nested replies do not count;
 * a reply deleted or edited to no score withdraws its vote; the ranking
 * reads the scores, and the notice of those that did not count. */
static void
test_score_replies (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 10);
  g_autofree char *a = challenge_rig_add_entry_post (f, "maria", 5, "Night Trail #" TAG, "a.png", png);
  g_autofree char *b = challenge_rig_add_entry_post (f, "li@other.example", 4, "Alpine Glow #" TAG, "b.png", png);
  g_autofree char *ana = fake_challenge_add_reply (f->fake, a, "ana", f->now - 2 * HOUR, "@maria 5/5");
  g_autofree char *bo = fake_challenge_add_reply (f->fake, a, "bo@other.example", f->now - 2 * HOUR,
                                                  "@maria 4 stars, love the colours");
  g_autofree char *cy = fake_challenge_add_reply (f->fake, a, "cy", f->now - 2 * HOUR, "@maria ★★★★");
  g_autofree char *scores = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(ChorusRanking) ranking = NULL;
  g_autoptr(GError) error = NULL;
  const ChorusRankedEntry *ranked;
  ChorusSyncSummary summary;
  gint64 entry_a;
  guint self_votes = 0;
  guint asked;

  g_free (fake_challenge_add_reply (f->fake, a, "di", f->now - HOUR, "@maria 5/5 design, 2/5 colours"));
  g_free (fake_challenge_add_reply (f->fake, a, "eve", f->now - HOUR, "@maria 12/10 would wear"));
  g_free (fake_challenge_add_reply (f->fake, a, "fay", f->now - HOUR, "@maria love it!"));
  g_free (fake_challenge_add_reply (f->fake, a, "gus", f->now - 3 * HOUR, "@maria 2/5"));
  g_free (fake_challenge_add_reply (f->fake, a, "gus", f->now - HOUR, "@maria on second thought, 4/5"));
  g_free (fake_challenge_add_reply (f->fake, a, "hal", f->now - 3 * DAY, "@maria 5/5 already"));
  g_free (fake_challenge_add_reply (f->fake, a, "maria", f->now - HOUR, "Thanks all! 5/5 from me"));
  g_free (fake_challenge_add_reply (f->fake, b, "jo", f->now - HOUR, "@li 3 out of 5"));
  g_free (fake_challenge_add_reply (f->fake, ana, "ivy", f->now - HOUR, "@ana 1/5, sorry"));
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "ana", TRUE);

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 7);
  entry_a = challenge_rig_entry_of (f, a);
  scores = challenge_test_dump_scores (f->rig.store, entry_a);
  g_assert_cmpstr (scores, ==, "ana@127.0.0.1=5.0 bo@other.example=4.0 cy@127.0.0.1=4.0 gus@127.0.0.1=4.0"
                               " maria@127.0.0.1=5.0");
  g_clear_pointer (&scores, g_free);
  scores = challenge_test_dump_scores (f->rig.store, challenge_rig_entry_of (f, b));
  g_assert_cmpstr (scores, ==, "jo@127.0.0.1=3.0");
  g_clear_pointer (&scores, g_free);
  sql = g_strdup_printf ("SELECT cast_at FROM votes v JOIN identities i ON i.id = v.voter_id"
                         " WHERE i.handle = 'gus' AND v.submission_id = %" G_GINT64_FORMAT, entry_a);
  g_assert_cmpint (challenge_rig_count (f, sql), ==, f->now - HOUR);
  notice = chorus_test_db_query_text (challenge_rig_db (f), "SELECT group_concat (notice, ' | ') FROM vote_reads");
  g_assert_cmpstr (notice, ==, "1 reply gives scores that disagree, and does not count. "
                               "1 reply gives a score beyond its scale, and does not count.");

  /* The ranking reads them: five scores with a mean of 4.4, and the
   * author's own score flagged, not dropped. */
  ranking = chorus_store_rank_challenge (f->rig.store, 1, &error);
  g_assert_no_error (error);
  ranked = rank_entry (ranking, entry_a);
  g_assert_cmpuint (ranked->n_scores, ==, 5);
  g_assert_cmpfloat_with_epsilon (ranked->mean_score, 4.4, 1e-9);
  g_assert_cmpuint (ranked->supporters, ==, 1);
  g_assert_true (ranked->flags & CHORUS_RANKING_FLAG_SELF_VOTE);
  g_assert_cmpstr (ranked->read_notice, ==, notice);
  g_assert_null (rank_entry (ranking, challenge_rig_entry_of (f, b))->read_notice);
  for (guint i = 0; i < chorus_ranking_get_n_votes (ranking); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (ranking, i);

      if (vote->flags & CHORUS_RANKING_FLAG_SELF_VOTE)
        {
          g_assert_cmpstr (vote->kind, ==, "reply_score");
          g_assert_true (vote->counted);
          self_votes++;
        }
    }
  g_assert_cmpuint (self_votes, ==, 1);
  g_clear_pointer (&ranking, chorus_ranking_unref);

  /* Read again: nothing changes. */
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 0);

  /* A reply deleted and one edited to no score withdraw their votes; one
   * edited to another score changes it. */
  fake_challenge_delete_status (f->fake, ana);
  fake_challenge_edit_status (f->fake, cy, "@maria thanks for sharing", f->now - 1);
  fake_challenge_edit_status (f->fake, bo, "@maria 3 stars on a second look", f->now - 1);
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 3);
  scores = challenge_test_dump_scores (f->rig.store, entry_a);
  g_assert_cmpstr (scores, ==, "bo@other.example=3.0 gus@127.0.0.1=4.0 maria@127.0.0.1=5.0");
  g_clear_pointer (&scores, g_free);
  ranking = chorus_store_rank_challenge (f->rig.store, 1, &error);
  g_assert_no_error (error);
  ranked = rank_entry (ranking, entry_a);
  g_assert_cmpuint (ranked->n_scores, ==, 3);
  g_assert_cmpfloat_with_epsilon (ranked->mean_score, 4.0, 1e-9);

  /* Faults while reading replies (each retried but the answer that is
   * not JSON) keep the scores stored; the next read withdraws bo's. */
  fake_challenge_delete_status (f->fake, bo);
  for (guint fault = FAKE_CHALLENGE_FAULT_RATE_LIMIT; fault <= FAKE_CHALLENGE_FAULT_BAD_JSON; fault++)
    {
      guint times = fault == FAKE_CHALLENGE_FAULT_BAD_JSON ? 1 : 4;

      asked = fake_challenge_count_requests (f->fake, "/context");
      fake_challenge_add_fault (f->fake, "/context", fault, times);
      summary = chorus_test_sync_now (f->rig.engine);
      g_assert_cmpuint (summary.sources_failed, ==, 1);
      g_assert_cmpuint (summary.votes_changed, ==, 0);
      g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/context"), ==, asked + times);
      g_clear_pointer (&scores, g_free);
      scores = challenge_test_dump_scores (f->rig.store, entry_a);
      g_assert_cmpstr (scores, ==, "bo@other.example=3.0 gus@127.0.0.1=4.0 maria@127.0.0.1=5.0");
    }

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 1);
  g_clear_pointer (&scores, g_free);
  scores = challenge_test_dump_scores (f->rig.store, entry_a);
  g_assert_cmpstr (scores, ==, "gus@127.0.0.1=4.0 maria@127.0.0.1=5.0");

  /* A support challenge does not read replies. */
  chorus_test_db_exec (challenge_rig_db (f), "UPDATE challenges SET scale = 'support'");
  asked = fake_challenge_count_requests (f->fake, "/context");
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/context"), ==, asked);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/favourited_by"), >, 0);
}

/* The server a post came from, when it is not the source's: another
 * FakeChallenge on a server of its own. */
typedef struct
{
  SoupServer    *server;
  FakeChallenge *fake;
  char          *base;
} Origin;

static void
on_origin_request_cb (SoupServer        *server,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  Origin *origin = user_data;

  if (soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization") != NULL)
    g_error ("The source's sign-in went to the post's own server");
  if (!fake_challenge_serve (origin->fake, message, path, query))
    chorus_test_reply_json (message, 404, "{\"error\":\"Record not found\"}");
}

static void
origin_start (Origin *origin)
{
  origin->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (origin->server, NULL, on_origin_request_cb, origin, NULL);
  origin->base = chorus_test_listen_local (origin->server, 0);
  origin->fake = fake_challenge_new (g_getenv ("CHORUS_CORPUS_DIR"), origin->base);
}

static void
origin_stop (Origin *origin)
{
  soup_server_disconnect (origin->server);
  g_clear_object (&origin->server);
  g_clear_pointer (&origin->fake, fake_challenge_free);
  g_free (origin->base);
}

/* An entry posted on another server: its likes and boosts are read from
 * there too, each person once; when that server fails, the source's own
 * list counts and nothing is taken as withdrawn. */
static void
test_origin_votes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 12);
  Origin origin = { NULL, };
  g_autofree char *b = NULL;
  g_autofree char *there = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *votes = NULL;
  ChorusSyncSummary summary;

  origin_start (&origin);
  there = fake_challenge_add_status (origin.fake, "", "li", f->now - 4 * DAY, "Alpine Glow #" TAG, NULL);
  b = challenge_rig_add_entry_post (f, "li@127.0.0.1", 4, "Alpine Glow #" TAG, "b.png", png);
  uri = g_strdup_printf ("%susers/li/statuses/%s", origin.base, there);
  fake_challenge_set_status_uri (f->fake, b, uri);
  fake_challenge_vote (f->fake, b, FAKE_CHALLENGE_LIKE, "ana", TRUE);
  fake_challenge_vote (origin.fake, there, FAKE_CHALLENGE_LIKE, "oz", TRUE);
  fake_challenge_vote (origin.fake, there, FAKE_CHALLENGE_LIKE, "ana@127.0.0.1", TRUE);
  fake_challenge_vote (origin.fake, there, FAKE_CHALLENGE_LIKE, "pia@third.example", TRUE);
  fake_challenge_vote (origin.fake, there, FAKE_CHALLENGE_BOOST, "oz", TRUE);

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 4);
  votes = challenge_test_dump_votes (f->rig.store, challenge_rig_entry_of (f, b));
  g_assert_cmpstr (votes, ==, "ana@127.0.0.1:like oz@127.0.0.1:like oz@127.0.0.1:repost pia@third.example:like");
  g_assert_cmpuint (fake_challenge_count_requests (origin.fake, "/favourited_by"), ==, 1);
  g_assert_cmpuint (fake_challenge_count_requests (origin.fake, "/reblogged_by"), ==, 1);
  g_assert_cmpuint (fake_challenge_count_requests (origin.fake, "/context"), ==, 0);

  /* A like taken back there stops counting. */
  fake_challenge_vote (origin.fake, there, FAKE_CHALLENGE_LIKE, "pia@third.example", FALSE);
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 1);

  /* That server failing fails nothing, and withdraws nothing. */
  fake_challenge_vote (origin.fake, there, FAKE_CHALLENGE_LIKE, "oz", FALSE);
  fake_challenge_add_fault (origin.fake, "/favourited_by", FAKE_CHALLENGE_FAULT_SERVER_ERROR, 4);
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 0);
  g_clear_pointer (&votes, g_free);
  votes = challenge_test_dump_votes (f->rig.store, challenge_rig_entry_of (f, b));
  g_assert_cmpstr (votes, ==, "ana@127.0.0.1:like oz@127.0.0.1:like oz@127.0.0.1:repost");

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 1);
  g_clear_pointer (&votes, g_free);
  votes = challenge_test_dump_votes (f->rig.store, challenge_rig_entry_of (f, b));
  g_assert_cmpstr (votes, ==, "ana@127.0.0.1:like oz@127.0.0.1:repost");

  origin_stop (&origin);
}

/* Which posts are read from their own server too, and where. */
static void
test_origin_rules (void)
{
  const struct
  {
    const char *uri;
    const char *base;
    const char *origin;    /* base, then id, or NULL */
  } cases[] = {
    { "https://other.example/users/li/statuses/1132", "https://m.example", "https://other.example 1132" },
    { "https://other.example:8443/users/li/statuses/01HZX", "https://m.example", "https://other.example:8443 01HZX" },
    { "https://m.example/users/li/statuses/1132", "https://m.example", NULL },
    { "https://M.example/users/li/statuses/1132", "https://m.example", NULL },
    { "http://other.example/users/li/statuses/1132", "https://m.example", NULL },
    { "http://127.0.0.1:8080/users/li/statuses/1132", "https://m.example", NULL },
    { "https://misskey.example/notes/9k2j", "https://m.example", NULL },
    { "https://pleroma.example/objects/4b1c-99", "https://m.example", NULL },
    { "https://other.example/users/li/statuses/1132/activity", "https://m.example", NULL },
    { "https://other.example/users/li/statuses/11?x=1", "https://m.example", NULL },
    { "https://other.example/users/li/statuses/1%2F2", "https://m.example", NULL },
    { "http://127.0.0.1:9/users/li/statuses/5", "http://127.0.0.1:8", "http://127.0.0.1:9 5" },
    { NULL, "https://m.example", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChorusVoteTarget target = { .uri = (char *) cases[i].uri, .remote_id = (char *) "77" };
      g_autofree char *base = NULL;
      g_autoptr(ChorusVoteTarget) origin = _chorus_vote_target_dup_origin (&target, cases[i].base, &base);
      g_autofree char *found = origin != NULL ? g_strdup_printf ("%s %s", base, origin->remote_id) : NULL;

      g_assert_cmpstr (found, ==, cases[i].origin);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/challenge-votes/origin-rules", test_origin_rules);
  g_test_add ("/chorus/challenge-votes/score-replies", Fixture, NULL,
              challenge_rig_set_up, test_score_replies, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-votes/origin-votes", Fixture, NULL,
              challenge_rig_set_up, test_origin_votes, challenge_rig_tear_down);

  return g_test_run ();
}
