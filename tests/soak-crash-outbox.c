/* soak-crash-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>
#include <sys/types.h>

#include <gio/gio.h>

#include "chorus-test-util.h"
#include "fake-bluesky-feed.h"
#include "fake-bluesky.h"
#include "fake-discourse.h"
#include "fake-mastodon-private.h"
#include "outbox-test-util.h"
#include "soak-util.h"

/* Every reply arrives exactly once however often Chorus is killed while
 * sending. A workspace queues PER_NETWORK replies on each of a fake
 * Mastodon server (which honours Idempotency-Key as Mastodon does), a
 * fake Bluesky PDS (which refuses a record key it already holds, as a
 * PDS does) and a fake Discourse forum (which has no idempotency at all;
 * each reply goes to a topic longer than its first page of posts, so
 * that looking for it before a resend reads the topic's tail),
 * and the real "chorusctl outbox send" is sent SIGKILL again and again
 * (CHORUS_SOAK_TRIALS times, 100; whenever nothing is left to send, a
 * new workspace queues as many again; CHORUS_SOAK_SEED repeats a run): half the time after a random delay
 * within what an uninterrupted send of the same queue took, half the
 * time by the server itself, right as a chosen create arrives (the
 * network makes the post, Chorus never hears of it). After every kill
 * the workspace passes SQLite's quick check; at the end of each round one
 * run finishes and every reply is on its network once, sent in the workspace, and
 * stored once as the brand's own post. */

#define TAG          "chorussoakoutbox"
#define TOKEN        "soak-outbox-token"
#define TOKEN_ENV    "CHORUS_SOAK_OUTBOX_TOKEN"
#define KEY          "soak-outbox-discourse-key"
#define KEY_ENV      "CHORUS_SOAK_OUTBOX_KEY"
#define USERNAME     "brand"
#define PER_NETWORK  10
#define N_NETWORKS   3
#define BUSY_TOPIC   25     /* replies in each forum topic answered: more than /t/<id>.json holds */

typedef struct
{
  FakeMastodon  *mastodon;
  FakeBluesky    bluesky;
  FakeDiscourse *discourse;
  gint64         topics[PER_NETWORK];
  char          *dir;
  char          *log;
  gint           pid;           /* chorusctl, while the servers may kill it */
  gint           creates;       /* create requests seen, from any server */
  gint           kill_at;       /* the create that kills it; 0 for none */
  guint          lookups;       /* reads of a forum topic's tail, looking for a reply */
} Soak;

static const char * const child_env[] = {
  TOKEN_ENV "=" TOKEN, PASSWORD_ENV "=" APP_PASSWORD, KEY_ENV "=" KEY, NULL
};

/* Each server counts creates as they arrive and, at the chosen one,
 * kills chorusctl before the create is made and answered. */
static void
see_create (Soak *soak)
{
  gint number = g_atomic_int_add (&soak->creates, 1) + 1;
  gint pid = g_atomic_int_get (&soak->pid);

  if (pid > 0 && number == g_atomic_int_get (&soak->kill_at))
    kill (pid, SIGKILL);
}

static void
on_mastodon_request_cb (guint       number,
                        const char *path,
                        gpointer    user_data)
{
  if (g_str_equal (path, "/api/v1/statuses"))
    see_create (user_data);
}

static gboolean
on_bluesky_route_cb (FakeBluesky       *f,
                     SoupServerMessage *message,
                     const char        *path,
                     GHashTable        *query)
{
  if (g_str_equal (path, "/xrpc/com.atproto.repo.createRecord"))
    see_create (f->extra_data);
  return FALSE;
}

static void
on_discourse_request_cb (const char *method,
                         const char *path,
                         gpointer    user_data)
{
  Soak *soak = user_data;

  if (g_str_equal (method, "POST") && g_str_equal (path, "/posts.json"))
    see_create (soak);
  else if (g_str_has_prefix (path, "/t/") && g_str_has_suffix (path, "/posts.json"))
    soak->lookups++;
}

static void
soak_init (Soak *soak)
{
  soak->mastodon = soak_start_mastodon (TAG, TOKEN, PER_NETWORK, 0, 0);
  fake_mastodon_set_request_func (soak->mastodon, on_mastodon_request_cb, soak);
  fake_bluesky_set_up (&soak->bluesky);
  soak->bluesky.extra_route = on_bluesky_route_cb;
  soak->bluesky.extra_data = soak;
  soak->discourse = fake_discourse_start (KEY, USERNAME);
  fake_discourse_set_request_func (soak->discourse, on_discourse_request_cb, soak);
  for (guint i = 0; i < PER_NETWORK; i++)
    soak->topics[i] = fake_discourse_add_topic (soak->discourse, BUSY_TOPIC);

  soak->dir = chorus_test_make_temp_dir ();
  soak->log = g_build_filename (soak->dir, "chorusctl.log", NULL);
}

static void
soak_clear (Soak *soak)
{
  fake_mastodon_set_request_func (soak->mastodon, NULL, NULL);
  fake_mastodon_stop (soak->mastodon);
  fake_bluesky_tear_down (&soak->bluesky);
  fake_discourse_stop (soak->discourse);
  chorus_test_remove_tree (soak->dir);
  g_free (soak->dir);
  g_free (soak->log);
}

static char *
reply_text (const char *prefix,
            guint       i)
{
  return g_strdup_printf ("%s reply %u: thanks, we are on it.", prefix, i);
}

/* A workspace named @name with the three accounts, a customer's post on
 * each network PER_NETWORK times, and a reply queued to each, saying
 * reply_text (@prefix, i). */
static char *
make_workspace (Soak       *soak,
                const char *name,
                const char *prefix)
{
  g_autofree char *path = g_build_filename (soak->dir, name, NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  const char *discourse_url = fake_discourse_get_url (soak->discourse);
  gint64 mastodon = outbox_test_add_account (store, "mastodon", fake_mastodon_get_url (soak->mastodon), "brand",
                                             TOKEN_ENV);
  gint64 bluesky = outbox_test_add_account (store, "bluesky", soak->bluesky.rig.base, HANDLE, PASSWORD_ENV);
  gint64 discourse = outbox_test_add_account (store, "discourse", discourse_url, USERNAME, KEY_ENV);

  for (guint i = 0; i < PER_NETWORK; i++)
    {
      guint64 status = fake_status_id (i);
      g_autofree char *status_id = g_strdup_printf ("%" G_GUINT64_FORMAT, status);
      g_autofree char *status_uri = g_strdup_printf ("https://fake.example/users/ana/statuses/%s", status_id);
      g_autofree char *at_uri = g_strdup_printf ("at://did:plc:chorussoakfan%02u2222222/app.bsky.feed.post/3ksoak%u",
                                                 i, i);
      g_autofree char *cid = g_strdup_printf ("bafysoaktarget%u", i);
      gint64 topic = soak->topics[i];
      g_autofree char *topic_uri = g_strdup_printf ("%s/t/%" G_GINT64_FORMAT "/1", discourse_url, topic);
      g_autofree char *post_uri = g_strdup_printf ("%s/t/%" G_GINT64_FORMAT "/3", discourse_url, topic);
      g_autofree char *post_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  fake_discourse_get_post_id (soak->discourse, topic, 3));
      gint64 targets[N_NETWORKS];

      targets[0] = outbox_test_store_post (store, mastodon, "mastodon", status_uri, status_id, NULL);
      targets[1] = outbox_test_store_post (store, bluesky, "bluesky", at_uri, cid, NULL);
      targets[2] = outbox_test_store_post (store, discourse, "discourse", post_uri, post_id, topic_uri);
      for (guint n = 0; n < N_NETWORKS; n++)
        {
          g_autofree char *text = reply_text (prefix, n * PER_NETWORK + i);

          outbox_test_queue_reply (store, targets[n], text);
        }
    }

  chorus_test_finalize_object (g_steal_pointer (&store));
  return g_steal_pointer (&path);
}

static gint64
count_unsent (const char *path)
{
  return soak_quick_check (path, "SELECT count(*) FROM outbox WHERE state <> 'sent'");
}

/* Every reply of @prefix is on its network exactly once. On Mastodon, a
 * reply's every request carried one Idempotency-Key, and the statuses
 * made are one per key. */
static void
assert_arrived_once (Soak       *soak,
                     const char *prefix,
                     guint       expected_keys)
{
  g_autoptr(GPtrArray) writes = fake_mastodon_dup_writes (soak->mastodon);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  FakeBlueskyFeed *feed = soak->bluesky.feed;

  for (guint i = 0; i < writes->len; i++)
    {
      FakeMastodonWrite *write = g_ptr_array_index (writes, i);

      g_assert_nonnull (write->idempotency_key);
      g_hash_table_add (keys, write->idempotency_key);
    }
  g_assert_cmpuint (g_hash_table_size (keys), ==, expected_keys);
  g_assert_cmpuint (fake_mastodon_get_stats (soak->mastodon).created, ==, expected_keys);

  for (guint i = 0; i < PER_NETWORK; i++)
    {
      g_autofree char *mastodon = reply_text (prefix, i);
      g_autofree char *bluesky = reply_text (prefix, PER_NETWORK + i);
      g_autofree char *discourse = reply_text (prefix, 2 * PER_NETWORK + i);
      g_autofree char *key = NULL;
      guint bluesky_records = 0;

      for (guint w = 0; w < writes->len; w++)
        {
          FakeMastodonWrite *write = g_ptr_array_index (writes, w);

          if (strstr (write->body, mastodon) == NULL)
            continue;
          if (key == NULL)
            key = g_strdup (write->idempotency_key);
          g_assert_cmpstr (write->idempotency_key, ==, key);
        }
      g_assert_nonnull (key);

      for (guint r = 0; r < feed->records->len; r++)
        bluesky_records += g_strcmp0 (json_object_get_string_member (fake_bluesky_feed_get_record (feed, r), "text"),
                                      bluesky) == 0;
      g_assert_cmpuint (bluesky_records, ==, 1);
      g_assert_cmpuint (fake_discourse_count_raw (soak->discourse, discourse), ==, 1);
    }
}

/* What the workspace says once all is sent: every item sent, and each
 * reply the brand's own post, once, answering its own target. */
static void
assert_all_sent (const char *path)
{
  soak_assert_integrity (path);
  g_assert_cmpint (count_unsent (path), ==, 0);
  g_assert_cmpint (soak_quick_check (path, "SELECT count(*) FROM outbox"), ==, N_NETWORKS * PER_NETWORK);
  g_assert_cmpint (soak_quick_check (path, "SELECT count(*) FROM posts WHERE is_own = 1"), ==,
                   N_NETWORKS * PER_NETWORK);
  g_assert_cmpint (soak_quick_check (path, "SELECT count(DISTINCT reply_to_uri) FROM posts WHERE is_own = 1"), ==,
                   N_NETWORKS * PER_NETWORK);
}

/* One run to the end: all sent, each reply once, and the Mastodon
 * statuses made so far one per reply of the rounds before and this. */
static void
finish_round (Soak       *soak,
              const char *path,
              const char *prefix,
              guint       rounds)
{
  soak_run_chorusctl_ok (child_env, soak->log, path, "outbox", "send", NULL);
  assert_all_sent (path);
  assert_arrived_once (soak, prefix, PER_NETWORK * (rounds + 1));
}

/* Kills "outbox send" until the trials are done; whenever a workspace's
 * queue is empty, its round is checked and a new workspace queues new
 * replies, so that every kill lands where there is something to send. */
static void
test_kills (void)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  guint reference_ms;
  guint trials;
  guint rounds = 0;
  guint killed = 0;
  guint at_create = 0;
  guint progressed = 0;
  gint64 started;
  gint64 unsent = 0;
  Soak soak = { 0, };

  if (chorus_test_skip_without_chorusctl ())
    return;

  soak_init (&soak);

  /* The same queue, sent without interruption: how long it takes. */
  reference = make_workspace (&soak, "reference.chorus", "Reference");
  started = g_get_monotonic_time ();
  soak_run_chorusctl_ok (child_env, soak.log, reference, "outbox", "send", NULL);
  reference_ms = (guint) ((g_get_monotonic_time () - started) / 1000);
  assert_all_sent (reference);
  assert_arrived_once (&soak, "Reference", PER_NETWORK);
  g_test_message ("An uninterrupted send of %u replies took %u ms", N_NETWORKS * PER_NETWORK, reference_ms);

  rand = soak_new_rand ("outbox soak", &trials);
  for (guint trial = 1; trial <= trials; trial++)
    {
      gboolean timed = g_rand_boolean (rand);
      guint delay_ms = timed ? (guint) g_rand_int_range (rand, 1, MAX (reference_ms, 2) + 1) : 0;
      SoakRun run = { child_env, soak.log, delay_ms, &soak.pid, NULL, NULL, 0 };
      gboolean died;
      gint kill_at;
      gint64 now;

      if (path == NULL)
        {
          g_autofree char *name = g_strdup_printf ("soak-%u.chorus", ++rounds);

          g_free (prefix);
          prefix = g_strdup_printf ("Soak %u", rounds);
          path = make_workspace (&soak, name, prefix);
          unsent = count_unsent (path);
        }

      kill_at = timed ? 0 : g_atomic_int_get (&soak.creates) + g_rand_int_range (rand, 1, (gint) unsent + 1);
      g_atomic_int_set (&soak.kill_at, kill_at);
      died = soak_run_chorusctl (&run, path, "outbox", "send", NULL);
      g_atomic_int_set (&soak.kill_at, 0);
      now = count_unsent (path);
      g_test_message ("trial %u: kill %s %u: %s, %" G_GINT64_FORMAT " left to send", trial,
                      timed ? "after ms" : "at create", timed ? delay_ms : (guint) kill_at,
                      died ? "killed" : "finished first", now);
      g_assert_cmpint (now, <=, unsent);
      killed += died;
      at_create += died && !timed;
      progressed += died && now < unsent;
      unsent = now;

      if (unsent == 0)
        {
          finish_round (&soak, path, prefix, rounds);
          g_clear_pointer (&path, g_free);
        }
    }
  if (path != NULL)
    finish_round (&soak, path, prefix, rounds);

  g_test_message ("%u trials in %u rounds: %u killed (%u as a create arrived, %u after sending something); "
                  "%u reads of a forum topic's tail before a resend", trials, rounds, killed, at_create, progressed,
                  soak.lookups);
  g_printerr ("outbox soak: %u kills in %u rounds of %u replies, %u as a create arrived, %u after sending "
              "something, %u forum tail reads\n", killed, rounds, N_NETWORKS * PER_NETWORK, at_create, progressed,
              soak.lookups);
  g_assert_cmpuint (killed, >, 0);
  soak_clear (&soak);
}

int
main (int   argc,
      char *argv[])
{
  return soak_main (&argc, &argv, "/chorus/soak/crash-outbox", test_kills);
}
