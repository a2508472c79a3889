/* soak-crash-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "chorus-test-util.h"
#include "fake-bluesky.h"
#include "fake-discourse.h"
#include "fake-mastodon.h"
#include "soak-util.h"

/* A sync of several networks that is killed again and again must end with
 * what an uninterrupted one gets. The real chorusctl catches up on a fake
 * Mastodon server (a hashtag and the account's mentions, with replies
 * forming threads), a fake Bluesky service (a keyword search and the
 * account's notifications), a fake Discourse forum (new topics, and new
 * posts in topics it read before) and a blog's RSS feed, and is sent
 * SIGKILL at random moments within the span of one uninterrupted
 * catch-up, until it was killed CHORUS_SOAK_TRIALS times (100);
 * CHORUS_SOAK_SEED repeats a run. After every kill the
 * workspace must pass SQLite's quick check; a run that finished before its
 * kill must hold the reference's posts, and the next run starts again from
 * before the catch-up. At the end one run finishes: the workspace must
 * pass SQLite's and FTS5's integrity checks and hold the same posts
 * (network, remote id, text, author, parent), conversations and
 * identities as a workspace that was never interrupted, once each. */

#define TAG             "chorussoak"
#define KEYWORD         "redistricting"
#define TOKEN           "soak-sync-token"
#define TOKEN_ENV       "CHORUS_SOAK_SYNC_TOKEN"
#define MASTODON_FIRST  40
#define MASTODON_MORE   2000
#define BLUESKY_FIRST   20
#define BLUESKY_MORE    90     /* a catch-up reads 10 pages of 10 at most */
#define NOTIFICATIONS   90
#define FEED_FIRST      20
#define FEED_MORE       180
#define KEY             "soak-sync-discourse-key"
#define KEY_ENV         "CHORUS_SOAK_SYNC_KEY"
#define USERNAME        "brand"
#define TOPICS_FIRST    10     /* a first walk reads one page of 30 */
#define TOPICS_MORE     60
#define TOPIC_REPLIES   8

#define POSTS_SQL \
  "SELECT p.uri, s.network, p.remote_id, p.text, i.network, i.handle, p.reply_to_uri, p.is_own " \
  "FROM posts p LEFT JOIN sources s ON s.id = p.source_id LEFT JOIN identities i ON i.id = p.author_id " \
  "ORDER BY p.uri"
#define CONVERSATIONS_SQL \
  "SELECT c.network, c.root_uri, c.post_count, (SELECT count(*) FROM posts p WHERE p.conversation_id = c.id) " \
  "FROM conversations c ORDER BY c.root_uri"
#define IDENTITIES_SQL "SELECT network, server, handle FROM identities ORDER BY network, server, handle"

typedef struct
{
  FakeMastodon *mastodon;
  FakeBluesky   bluesky;
  FakeDiscourse *discourse;
  gint64        topics[TOPICS_FIRST];
  SoupServer   *feed;         /* a blog's RSS, on this thread */
  char         *feed_url;
  guint         feed_items;
  char         *dir;
  char         *log;
  char         *before;       /* synced once, before the catch-up */
  char         *reference;    /* caught up without interruption */
  char         *path;         /* the one that is killed */
  guint         reference_ms;
} Soak;

/* The blog: its newest @feed_items posts, newest first, an hour apart. */
static void
on_feed_request_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  Soak *soak = user_data;
  g_autoptr(GString) rss = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                                         "<title>Soak blog</title><link>https://blog.example/</link>"
                                         "<description>Reviews</description>");

  for (guint i = soak->feed_items; i > 0; i--)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (G_GINT64_CONSTANT (1767225600) + i * 3600);
      g_autofree char *date = g_date_time_format (time, "%a, %d %b %Y %H:%M:%S +0000");

      g_string_append_printf (rss, "<item><title>Review %u</title><link>https://blog.example/review-%u</link>"
                                   "<guid>https://blog.example/review-%u</guid><pubDate>%s</pubDate>"
                                   "<description>&lt;p&gt;Review number %u of the tall pine tent.&lt;/p&gt;"
                                   "</description></item>", i, i, i, date, i);
    }
  g_string_append (rss, "</channel></rss>");
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/rss+xml", SOUP_MEMORY_COPY, rss->str, rss->len);
}

static void
start_feed (Soak *soak)
{
  g_autofree char *base = NULL;

  soak->feed_items = FEED_FIRST;
  soak->feed = soup_server_new (NULL, NULL);
  soup_server_add_handler (soak->feed, "/feed.xml", on_feed_request_cb, soak, NULL);
  base = chorus_test_listen_local (soak->feed, 0);
  soak->feed_url = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "feed.xml", NULL);
}

static const char * const child_env[] = {
  TOKEN_ENV "=" TOKEN, PASSWORD_ENV "=" APP_PASSWORD, KEY_ENV "=" KEY, NULL
};

static void
sync_ok (Soak       *soak,
         const char *path)
{
  soak_run_chorusctl_ok (child_env, soak->log, path, "sync", NULL);
}

/* Both networks, a workspace that follows them and has synced once, and
 * then much more to catch up on. */
static void
soak_init (Soak *soak)
{
  soak->mastodon = soak_start_mastodon (TAG, TOKEN, MASTODON_FIRST, 15, 4);
  fake_bluesky_set_up (&soak->bluesky);
  fake_bluesky_add_posts (&soak->bluesky, BLUESKY_FIRST);
  start_feed (soak);
  soak->discourse = fake_discourse_start (KEY, USERNAME);
  for (guint i = 0; i < TOPICS_FIRST; i++)
    soak->topics[i] = fake_discourse_add_topic (soak->discourse, TOPIC_REPLIES);

  soak->dir = chorus_test_make_temp_dir ();
  soak->log = g_build_filename (soak->dir, "chorusctl.log", NULL);
  soak->before = g_build_filename (soak->dir, "before.chorus", NULL);
  soak->reference = g_build_filename (soak->dir, "reference.chorus", NULL);
  soak->path = g_build_filename (soak->dir, "soak.chorus", NULL);

  soak_run_chorusctl_ok (child_env, soak->log, soak->before, "account", "add", "mastodon", "--server",
                         fake_mastodon_get_url (soak->mastodon), "--token-env", TOKEN_ENV, "--watch-tag", TAG, NULL);
  soak_run_chorusctl_ok (child_env, soak->log, soak->before, "account", "add", "bluesky", "--server",
                         soak->bluesky.rig.base, "--handle", HANDLE, "--password-env", PASSWORD_ENV,
                         "--watch-keyword", KEYWORD, NULL);
  soak_run_chorusctl_ok (child_env, soak->log, soak->before, "account", "add", "feed", "--url", soak->feed_url,
                         NULL);
  soak_run_chorusctl_ok (child_env, soak->log, soak->before, "account", "add", "discourse", "--server",
                         fake_discourse_get_url (soak->discourse), "--username", USERNAME, "--api-key-env", KEY_ENV,
                         NULL);
  sync_ok (soak, soak->before);

  fake_mastodon_append (soak->mastodon, MASTODON_MORE);
  fake_bluesky_add_posts (&soak->bluesky, BLUESKY_MORE);
  fake_bluesky_add_notifications (&soak->bluesky, NOTIFICATIONS);
  soak->feed_items = FEED_FIRST + FEED_MORE;
  for (guint i = 0; i < TOPICS_FIRST; i++)
    fake_discourse_add_replies (soak->discourse, soak->topics[i], 3);
  for (guint i = 0; i < TOPICS_MORE; i++)
    fake_discourse_add_topic (soak->discourse, TOPIC_REPLIES);
}

static void
soak_clear (Soak *soak)
{
  fake_mastodon_stop (soak->mastodon);
  fake_bluesky_tear_down (&soak->bluesky);
  fake_discourse_stop (soak->discourse);
  soup_server_disconnect (soak->feed);
  g_assert_finalize_object (soak->feed);
  g_free (soak->feed_url);
  chorus_test_remove_tree (soak->dir);
  g_free (soak->dir);
  g_free (soak->log);
  g_free (soak->before);
  g_free (soak->reference);
  g_free (soak->path);
}

/* The uninterrupted catch-up, and how long it took. */
static void
make_reference (Soak *soak)
{
  gint64 started;
  gint64 posts;

  soak_copy_workspace (soak->before, soak->reference);
  started = g_get_monotonic_time ();
  sync_ok (soak, soak->reference);
  soak->reference_ms = (guint) ((g_get_monotonic_time () - started) / 1000);
  soak_assert_integrity (soak->reference);
  posts = soak_quick_check (soak->reference, "SELECT count(*) FROM posts");

  /* Both networks took part, and the catch-up went beyond a first page. */
  g_assert_cmpint (posts, >=, MASTODON_FIRST + MASTODON_MORE + BLUESKY_MORE + FEED_FIRST + FEED_MORE +
                              TOPICS_MORE * (TOPIC_REPLIES + 1));
  g_assert_cmpint (soak_quick_check (soak->reference, "SELECT count(*) FROM posts WHERE uri LIKE 'at://%'"), >=,
                   BLUESKY_FIRST + BLUESKY_MORE);
  g_assert_cmpint (soak_quick_check (soak->reference, "SELECT count(*) FROM posts p JOIN sources s "
                                                      "ON s.id = p.source_id WHERE s.network = 'feed'"), ==,
                   FEED_FIRST + FEED_MORE);
  g_assert_cmpint (soak_quick_check (soak->reference, "SELECT count(*) FROM posts p JOIN sources s "
                                                      "ON s.id = p.source_id WHERE s.network = 'discourse'"), ==,
                   (TOPICS_FIRST + TOPICS_MORE) * (TOPIC_REPLIES + 1) + TOPICS_FIRST * 3);
  g_test_message ("An uninterrupted catch-up took %u ms and stored %" G_GINT64_FORMAT " posts",
                  soak->reference_ms, posts);
}

/* The same posts, threads and people as the reference, once each. */
static void
assert_complete (Soak *soak)
{
  soak_assert_integrity (soak->path);
  g_assert_cmpint (soak_quick_check (soak->path, "SELECT count(*) - count(DISTINCT uri) FROM posts"), ==, 0);
  soak_assert_same_rows (soak->path, soak->reference, POSTS_SQL);
  soak_assert_same_rows (soak->path, soak->reference, CONVERSATIONS_SQL);
  soak_assert_same_rows (soak->path, soak->reference, IDENTITIES_SQL);
}

static gint64
count_posts (const char *path)
{
  return soak_quick_check (path, "SELECT count(*) FROM posts");
}

static void
test_kills (void)
{
  g_autoptr(GRand) rand = NULL;
  guint trials;
  guint killed = 0;
  guint progressed = 0;
  guint wrote = 0;
  guint finished = 0;
  guint window_ms;
  gboolean fresh = TRUE;     /* the workspace is at its state before the catch-up */
  gint64 posts;
  gint64 started;
  Soak soak = { 0, };

  if (chorus_test_skip_without_chorusctl ())
    return;

  started = g_get_monotonic_time ();
  soak_init (&soak);
  make_reference (&soak);
  soak_copy_workspace (soak.before, soak.path);
  posts = count_posts (soak.path);
  rand = soak_new_rand ("sync soak", &trials);

  window_ms = soak.reference_ms * 3 / 4;
  for (guint trial = 1; killed < trials; trial++)
    {
      /* Anywhere from the child's start to three quarters of what an
       * uninterrupted catch-up takes (a run that resumes has less to do),
       * so kills land in start-up, fetches, parses and transactions
       * alike. */
      guint delay_ms = (guint) g_rand_int_range (rand, 1, MAX (window_ms, 2) + 1);
      SoakRun run = { child_env, soak.log, delay_ms, NULL, NULL, NULL, 0 };
      gint64 run_started = g_get_monotonic_time ();
      gboolean died = soak_run_chorusctl (&run, soak.path, "sync", NULL);
      guint run_ms = (guint) ((g_get_monotonic_time () - run_started) / 1000);
      gboolean written = soak_wal_written (soak.path);
      gint64 now = count_posts (soak.path);

      g_test_message ("trial %u: kill after %u ms: %s, %" G_GINT64_FORMAT " posts", trial, delay_ms,
                      died ? "killed" : "finished first", now);
      g_assert_cmpint (now, >=, posts);
      g_assert_cmpuint (trial, <, 3 * trials + 10);
      killed += died;
      wrote += died && written;
      progressed += died && now > posts;
      posts = now;

      /* The machine is faster now than when the reference ran: a whole
       * catch-up took @run_ms. */
      if (!died && fresh)
        window_ms = MIN (window_ms, run_ms * 3 / 4);
      fresh = FALSE;

      if (!died)
        {
          assert_complete (&soak);
          soak_copy_workspace (soak.before, soak.path);
          posts = count_posts (soak.path);
          fresh = TRUE;
          finished++;
        }
    }

  sync_ok (&soak, soak.path);
  assert_complete (&soak);
  g_test_message ("%u kills (%u of them after writing to the workspace, %u after storing new posts), "
                  "%u runs finished first; %.1f s in all", killed, wrote, progressed, finished,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_printerr ("sync soak: %u kills, %u after writing to the workspace, %u after storing new posts, "
              "%u runs finished first\n", killed, wrote, progressed, finished);
  soak_clear (&soak);
}

int
main (int   argc,
      char *argv[])
{
  return soak_main (&argc, &argv, "/chorus/soak/crash-sync", test_kills);
}
