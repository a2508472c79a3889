/* test-challenge-collect.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "chorus-challenge-collect-private.h"
#include "chorus-challenge-collect.h"
#include "chorus-hashtag.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "challenge-mastodon-rig.h"
#include "chorus-waiting-entry.h"

/* Design challenges fed by a fake Mastodon server (fake-mastodon-challenge.c)
 * through the sync engine: which posts become entries, their images in the
 * media folder, the likes and boosts that become votes, and what a failure
 * leaves (the rig is challenge-mastodon-rig.c; scores from replies and
 * votes read from a post's own server are in test-challenge-votes.c). The
 * hashtag rules themselves are tested first, without a server. */

#define DAY CHALLENGE_TEST_DAY
#define TAG CHALLENGE_TEST_TAG

typedef ChallengeRig Fixture;

/* Helpers */

/* The file the media folder keeps for @sha256, which must hold @bytes. */
static void
assert_stored (Fixture    *f,
               const char *sha256,
               GBytes     *bytes)
{
  g_autofree char *path = chorus_store_dup_media_path (f->rig.store, sha256, "png");
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  gsize length;

  g_assert_cmpstr (sha256, ==, expected);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every file in the media folder (its files are in one folder per first
 * two hex digits) is @image or the marker of an address; returns how many. */
static guint
assert_media_holds_only (Fixture *f,
                         GBytes  *image)
{
  g_autofree char *media_dir = chorus_store_dup_media_dir (f->rig.store);
  g_autoptr(GDir) dir = g_dir_open (media_dir, 0, NULL);
  const char *folder;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((folder = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder_path = g_build_filename (media_dir, folder, NULL);
      g_autoptr(GDir) files = g_dir_open (folder_path, 0, NULL);
      const char *name;

      g_assert_nonnull (files);
      while ((name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder_path, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          n++;
          if (g_str_has_suffix (name, ".url"))
            continue;
          if (!g_str_has_suffix (name, ".png"))
            g_error ("%s is in the media folder", name);
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          g_assert_cmpmem (contents, length, g_bytes_get_data (image, NULL), g_bytes_get_size (image));
        }
    }

  return n;
}

/* What the Designs pane would show of the posts waiting for challenge 1:
 * "handle refused|waits notice" per post, oldest first. */
static char *
dump_waiting (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  GString *dump = g_string_new (NULL);

  chorus_store_list_waiting_entries_async (f->rig.store, 1, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  waiting = chorus_store_list_waiting_entries_finish (f->rig.store, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < waiting->len; i++)
    {
      ChorusWaitingEntry *entry = g_ptr_array_index (waiting, i);

      g_assert_cmpint (chorus_waiting_entry_get_challenge_id (entry), ==, 1);
      g_assert_cmpint (chorus_waiting_entry_get_tried_at (entry), >=, f->now);
      g_assert_true (g_str_has_prefix (chorus_waiting_entry_get_post_url (entry), "https://fake.example/@"));
      g_string_append_printf (dump, "%s%s %s %s", i > 0 ? "\n" : "", chorus_waiting_entry_get_author_handle (entry),
                              chorus_waiting_entry_get_refused (entry) ? "refused" : "waits",
                              chorus_waiting_entry_get_notice (entry));
    }

  return g_string_free (dump, FALSE);
}

/* Tests: hashtags */

static void
test_hashtag_rules (void)
{
  g_autofree char *tag = chorus_hashtag_normalize ("#SummitTee");
  g_autofree char *dashed = chorus_hashtag_normalize ("summer-tee");
  g_autofree char *title = NULL;
  g_autofree char *long_title = NULL;

  g_assert_cmpstr (tag, ==, "summittee");
  g_assert_null (chorus_hashtag_normalize ("##  "));

  g_assert_true (chorus_hashtag_in_text ("My design #SummitTee", tag));
  g_assert_true (chorus_hashtag_in_text ("#summittee!", tag));
  g_assert_true (chorus_hashtag_in_text ("(＃ＳｕｍｍｉｔＴｅｅ)", tag));
  g_assert_false (chorus_hashtag_in_text ("My design SummitTee", tag));
  g_assert_false (chorus_hashtag_in_text ("#SummitTeeShirt", tag));
  g_assert_false (chorus_hashtag_in_text ("mail me at a#SummitTee", tag));
  g_assert_false (chorus_hashtag_in_text ("#Summit Tee", tag));
  /* Mastodon stops a tag at "-"; Bluesky does not. */
  g_assert_true (chorus_hashtag_in_text ("new #summer-tee.", dashed));
  g_assert_true (chorus_hashtag_in_text ("new #summer-tee.", "summer"));

  g_assert_true (chorus_hashtag_in_markup ("<a href=\"https://bsky.app/hashtag/SummitTee\">#summit</a>", tag));
  g_assert_true (chorus_hashtag_in_markup ("x <a href=\"https://m.example/tags/summittee?a=1&amp;b=2\">#y</a>", tag));
  g_assert_false (chorus_hashtag_in_markup ("<a href=\"https://blog.example/tags/summittee\">tee posts</a>", tag));
  g_assert_false (chorus_hashtag_in_markup ("<a href=\"https://m.example/@summittee\">@summittee</a>", tag));
  g_assert_false (chorus_hashtag_in_markup (NULL, tag));

  title = chorus_hashtag_dup_entry_title ("#SummitTee  Night\nTrail, in two colours #tee #art", tag, 80);
  g_assert_cmpstr (title, ==, "Night Trail, in two colours");
  long_title = chorus_hashtag_dup_entry_title ("Morning peak over the lakes", tag, 12);
  g_assert_cmpstr (long_title, ==, "Morning pea…");
  g_assert_null (chorus_hashtag_dup_entry_title ("#SummitTee #art", tag, 80));
}

/* Tests: entries and votes */

static void
test_entries_and_votes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) png_a = challenge_test_make_png (64, 1);
  g_autoptr(GBytes) png_b = challenge_test_make_png (48, 2);
  g_autoptr(GBytes) png_other = challenge_test_make_png (32, 3);
  g_autofree char *a = challenge_rig_add_entry_post (f, "maria", 5, "Night Trail #" TAG, "a.png", png_a);
  g_autofree char *b = challenge_rig_add_entry_post (f, "li@other.example", 4, "#" TAG " Alpine Glow, my take", "b.png", png_b);
  g_autofree char *early = challenge_rig_add_entry_post (f, "sam", 20, "Too early #" TAG, "early.png", png_other);
  g_autofree char *no_image = challenge_rig_add_entry_post (f, "tom", 3, "Words only #" TAG, NULL, NULL);
  g_autofree char *other = fake_challenge_add_status (f->fake, "OtherTag", "uma", f->now - 3 * DAY,
                                                      "I like " TAG " designs #OtherTag", "other.png");
  g_autofree char *votes = NULL;
  g_autofree char *title = NULL;
  ChorusSyncSummary summary;
  gint64 entry_a;
  gint64 entry_b;

  fake_challenge_add_image (f->fake, "other.png", png_other);
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "ana", TRUE);
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "bo@other.example", TRUE);
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "cy", TRUE);
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_BOOST, "bo@other.example", TRUE);
  fake_challenge_vote (f->fake, b, FAKE_CHALLENGE_LIKE, "di", TRUE);
  /* Two accounts a page: a's likes take two pages. */
  fake_challenge_set_page_size (f->fake, 2);

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, 2);
  g_assert_cmpuint (summary.votes_changed, ==, 5);

  /* The challenge's hashtag was followed though the source does not list it. */
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/" TAG), ==, 1);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM posts"), ==, 5);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, 2);
  entry_a = challenge_rig_entry_of (f, a);
  entry_b = challenge_rig_entry_of (f, b);
  g_assert_cmpint (entry_a, >, 0);
  g_assert_cmpint (entry_b, >, 0);
  g_assert_cmpint (challenge_rig_entry_of (f, early), ==, 0);
  g_assert_cmpint (challenge_rig_entry_of (f, no_image), ==, 0);
  g_assert_cmpint (challenge_rig_entry_of (f, other), ==, 0);

  /* What each entry says, and its image, content-addressed. */
  title = chorus_test_db_query_text (challenge_rig_db (f), "SELECT group_concat (title || '|' || moderation || '|' || image_type"
                                              " || '|' || width || 'x' || height, ' / ')"
                                              " FROM (SELECT * FROM submissions ORDER BY id)");
  g_assert_cmpstr (title, ==, "Night Trail|pending|image/png|64x64 / Alpine Glow, my take|pending|image/png|48x48");
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions s JOIN posts p ON p.id = s.origin_post_id"
                             " JOIN identities i ON i.id = s.author_id"
                             " WHERE s.submitted_at = p.created_at AND s.author_id = p.author_id"
                             "  AND i.handle IN ('maria', 'li')"), ==, 2);
  {
    g_autofree char *sha_a = chorus_test_db_query_text (challenge_rig_db (f), "SELECT image_sha256 FROM submissions ORDER BY id");
    g_autofree char *sha_b = chorus_test_db_query_text (challenge_rig_db (f), "SELECT image_sha256 FROM submissions"
                                                                 " ORDER BY id DESC");

    assert_stored (f, sha_a, png_a);
    assert_stored (f, sha_b, png_b);
  }

  /* The votes are the fake's likers and boosters, local or not. */
  votes = challenge_test_dump_votes (f->rig.store, entry_a);
  g_assert_cmpstr (votes, ==, "ana@127.0.0.1:like bo@other.example:like bo@other.example:repost cy@127.0.0.1:like");
  g_clear_pointer (&votes, g_free);
  votes = challenge_test_dump_votes (f->rig.store, entry_b);
  g_assert_cmpstr (votes, ==, "di@127.0.0.1:like");
  g_clear_pointer (&votes, g_free);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM vote_reads"), ==, 2);

  /* Again: nothing twice, no image downloaded again. */
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, 0);
  g_assert_cmpuint (summary.votes_changed, ==, 0);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, 2);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM votes"), ==, 5);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/media/a.png"), ==, 1);

  /* A like given since counts; a like taken back no longer does. */
  fake_challenge_vote (f->fake, b, FAKE_CHALLENGE_LIKE, "eve@third.example", TRUE);
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "ana", FALSE);
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.votes_changed, ==, 2);
  votes = challenge_test_dump_votes (f->rig.store, entry_a);
  g_assert_cmpstr (votes, ==, "bo@other.example:like bo@other.example:repost cy@127.0.0.1:like");
  g_clear_pointer (&votes, g_free);
  votes = challenge_test_dump_votes (f->rig.store, entry_b);
  g_assert_cmpstr (votes, ==, "di@127.0.0.1:like eve@third.example:like");
}

/* A 429 that outlasts ChorusHttp's retries, then a connection dropped in
 * the middle of a page: what was stored stays, the source says why, and
 * the next sync reads what was missed. */
static void
test_read_failures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 4);
  g_autofree char *a = challenge_rig_add_entry_post (f, "maria", 5, "Night Trail #" TAG, "a.png", png);
  g_autofree char *votes = NULL;
  g_autofree char *message = NULL;
  ChorusSyncSummary summary;

  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "ana", TRUE);
  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_BOOST, "bo", TRUE);
  challenge_rig_sync (f);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM votes"), ==, 2);

  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "cy", TRUE);
  fake_challenge_add_fault (f->fake, "/favourited_by", FAKE_CHALLENGE_FAULT_RATE_LIMIT, 4);
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  g_assert_cmpuint (summary.votes_changed, ==, 0);
  message = challenge_rig_source_error (f);
  g_assert_nonnull (strstr (message, "HTTP 429"));
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM votes"), ==, 2);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, 1);

  /* The likes are read, then the boosts' page breaks off. */
  fake_challenge_add_fault (f->fake, "/reblogged_by", FAKE_CHALLENGE_FAULT_DROP, 4);
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  g_clear_pointer (&message, g_free);
  message = challenge_rig_source_error (f);
  g_assert_nonnull (strstr (message, "votes of a challenge entry"));
  votes = challenge_test_dump_votes (f->rig.store, challenge_rig_entry_of (f, a));
  g_assert_cmpstr (votes, ==, "ana@127.0.0.1:like bo@127.0.0.1:repost cy@127.0.0.1:like");

  summary = challenge_rig_sync (f);
  g_clear_pointer (&message, g_free);
  message = challenge_rig_source_error (f);
  g_assert_null (message);
}

/* An image too large and a page that is not an image are refused for
 * good, with nothing left in the media folder; an image whose server
 * failed waits and is fetched at the next sync. */
static void
test_refused_images (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) good = challenge_test_make_png (40, 5);
  g_autoptr(GBytes) flaky = challenge_test_make_png (36, 6);
  g_autoptr(GBytes) html = g_bytes_new_static ("<html><body>Not found</body></html>", 35);
  g_autofree char *huge_bytes = g_malloc0 (CHORUS_ENTRY_IMAGE_MAX_BYTES + 1);
  g_autoptr(GBytes) huge = NULL;
  g_autofree char *good_id = challenge_rig_add_entry_post (f, "maria", 6, "Good #" TAG, "good.png", good);
  g_autofree char *huge_id = NULL;
  g_autofree char *html_id = NULL;
  g_autofree char *flaky_id = NULL;
  g_autofree char *message = NULL;
  ChorusSyncSummary summary;

  memcpy (huge_bytes, "\x89PNG\r\n\x1a\n", 8);
  huge = g_bytes_new_take (g_steal_pointer (&huge_bytes), CHORUS_ENTRY_IMAGE_MAX_BYTES + 1);
  huge_id = challenge_rig_add_entry_post (f, "sam", 5, "Big #" TAG, "huge.png", huge);
  html_id = challenge_rig_add_entry_post (f, "tom", 4, "Page #" TAG, "page.png", html);
  flaky_id = challenge_rig_add_entry_post (f, "uma", 3, "Flaky #" TAG, "flaky.png", flaky);
  fake_challenge_add_fault (f->fake, "/media/flaky.png", FAKE_CHALLENGE_FAULT_SERVER_ERROR, 4);

  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  g_assert_cmpuint (summary.entries_new, ==, 1);
  message = challenge_rig_source_error (f);
  g_assert_cmpstr (message, ==, "3 challenge entries could not be collected; the first reason: The image is too large.");
  g_assert_cmpint (challenge_rig_entry_of (f, good_id), >, 0);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, 1);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM pending_entries WHERE refused"), ==, 2);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM pending_entries WHERE NOT refused"), ==, 1);
  g_clear_pointer (&message, g_free);
  message = dump_waiting (f);
  g_assert_cmpstr (message, ==, "@sam@127.0.0.1 refused The image is too large.\n"
                                "@tom@127.0.0.1 refused This is not an image.\n"
                                "@uma@127.0.0.1 waits The image could not be downloaded: its server answered with "
                                "status 500.");

  /* Only the good image is in the media folder, with the marker of its
   * address: nothing half-written, nothing refused. */
  g_assert_cmpuint (assert_media_holds_only (f, good), ==, 2);

  /* Refused images are not asked for again; the one that failed is. */
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, 1);
  g_assert_cmpint (challenge_rig_entry_of (f, flaky_id), >, 0);
  g_assert_cmpint (challenge_rig_entry_of (f, huge_id), ==, 0);
  g_assert_cmpint (challenge_rig_entry_of (f, html_id), ==, 0);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/media/huge.png"), ==, 1);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/media/page.png"), ==, 1);
  g_clear_pointer (&message, g_free);
  message = dump_waiting (f);
  g_assert_cmpstr (message, ==, "@sam@127.0.0.1 refused The image is too large.\n"
                                "@tom@127.0.0.1 refused This is not an image.");
}

/* Votes are read only while voting is open; a challenge's hashtag is
 * followed only while the challenge is open. */
static void
test_windows (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 4);
  g_autofree char *a = challenge_rig_add_entry_post (f, "maria", 5, "Night Trail #" TAG, "a.png", png);
  g_autofree char *message = NULL;
  ChorusSyncSummary summary;

  fake_challenge_vote (f->fake, a, FAKE_CHALLENGE_LIKE, "ana", TRUE);
  chorus_test_db_exec (challenge_rig_db (f), "UPDATE challenges SET voting_open_at = %" G_GINT64_FORMAT, f->now + DAY);
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, 1);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/favourited_by"), ==, 0);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM votes"), ==, 0);

  /* Closed: the source follows #OtherTag only, as it says. */
  chorus_test_db_exec (challenge_rig_db (f), "UPDATE challenges SET voting_open_at = %" G_GINT64_FORMAT ","
                               " voting_close_at = %" G_GINT64_FORMAT, f->now - 2 * DAY, f->now - 1);
  summary = challenge_rig_sync (f);
  /* Two requests, both on the first sync: its walk back to the start of
   * the submissions ends at the empty page after the post. */
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/" TAG), ==, 2);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/OtherTag"), ==, 2);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/favourited_by"), ==, 0);

  /* Without a hashtag of its own, a source with nothing open follows nothing. */
  chorus_store_set_source_hashtags (f->rig.store, f->source_id, "", NULL);
  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  message = challenge_rig_source_error (f);
  g_assert_cmpstr (message, ==, "This Mastodon source follows no hashtag.");
}

/* The collector on its own, after posts from elsewhere (a feed, here):
 * a sync turns CHORUS_ENTRY_MAX_CANDIDATES posts into entries at most,
 * the oldest first; the next takes the rest. No votes are read where the
 * network has none. */
static ChorusCollectResult
collect_now (Fixture      *f,
             ChorusSource *source)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusCollectResult collected = { 0, };

  chorus_challenge_collect_async (f->rig.store, f->rig.http, cache, source, NULL, chorus_test_async_result_cb,
                                  &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_challenge_collect_finish (result, &collected, &error));
  g_assert_no_error (error);

  return collected;
}

static void
test_at_most_per_sync (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 9);
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusSource) source = NULL;
  g_autofree char *image_url = g_strconcat (f->rig.base, "media/same.png", NULL);
  guint n = CHORUS_ENTRY_MAX_CANDIDATES + 5;
  ChorusCollectResult collected;
  gint64 feed_id;

  fake_challenge_add_image (f->fake, "same.png", png);
  feed_id = chorus_store_add_source (f->rig.store, "feed", "https://blog.example/feed.xml", NULL, "Blog", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      ChorusIncomingPost *post = chorus_incoming_post_new ("feed");
      ChorusIncomingMedia *media = chorus_incoming_media_new ();

      post->uri = g_strdup_printf ("https://blog.example/entries/%u", i);
      post->created_at = f->now - 5 * DAY + i;
      post->text = g_strdup_printf ("Entry %u #" TAG, i);
      media->kind = g_strdup ("image");
      media->url = g_strdup (image_url);
      g_ptr_array_add (post->media, media);
      g_ptr_array_add (posts, post);
    }
  g_assert_true (chorus_store_ingest (f->rig.store, feed_id, posts, NULL, &error));
  g_assert_no_error (error);
  source = chorus_test_find_source (f->rig.store, feed_id);

  collected = collect_now (f, source);
  g_assert_cmpuint (collected.entries_added, ==, CHORUS_ENTRY_MAX_CANDIDATES);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions WHERE title = 'Entry 0'"), ==, 1);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions WHERE title = 'Entry 104'"), ==, 0);

  collected = collect_now (f, source);
  g_assert_cmpuint (collected.entries_added, ==, 5);
  g_assert_cmpuint (collected.votes_added, ==, 0);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(DISTINCT origin_post_id) FROM submissions"), ==, n);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/media/same.png"), ==, 1);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/favourited_by"), ==, 0);
}

/* Adds @n statuses to @tag's timeline, @step seconds apart from @from,
 * each "@prefix <i> #@tag", with @image (at /media/same.png) or none. */
static void
add_statuses (Fixture    *f,
              const char *tag,
              guint       n,
              gint64      from,
              gint64      step,
              const char *prefix,
              GBytes     *image)
{
  if (image != NULL)
    fake_challenge_add_image (f->fake, "same.png", image);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u #%s", prefix, i, tag);

      g_free (fake_challenge_add_status (f->fake, tag, "maria", from + i * step, text,
                                         image != NULL ? "same.png" : NULL));
    }
}

/* The challenge's hashtag stream has a cursor: later syncs ask for what
 * is newer. */
static void
assert_tag_cursor (Fixture *f)
{
  g_autofree char *cursor = chorus_store_dup_cursor (f->rig.store, f->source_id, "tag:" TAG);

  g_assert_nonnull (cursor);
}

/* A challenge created after its hashtag had pages of entries: its first
 * sync walks back to the start of the submissions (and stops at the first
 * page that reaches older posts), keeping no post from before it; an
 * ordinary followed hashtag still takes one page on its first sync, and
 * later syncs take only what is newer. */
static void
test_backfill (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 11);
  ChorusSyncSummary summary;

  add_statuses (f, TAG, 5, f->now - 12 * DAY, 1, "Too early", png);
  add_statuses (f, TAG, CHORUS_ENTRY_MAX_CANDIDATES, f->now - 9 * DAY, 60, "Entry", png);
  add_statuses (f, "OtherTag", 60, f->now - 40 * DAY, 1, "Old", NULL);

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, CHORUS_ENTRY_MAX_CANDIDATES);
  /* 105 statuses, 40 a page: the third page reaches the early ones. */
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/" TAG), ==, 3);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, CHORUS_ENTRY_MAX_CANDIDATES);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions WHERE title = 'Entry 0'"), ==, 1);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM posts WHERE text LIKE 'Too early%'"), ==, 0);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/OtherTag"), ==, 1);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM posts WHERE text LIKE 'Old %'"), ==, 40);
  assert_tag_cursor (f);

  /* Later syncs ask only for what is newer: one page each. */
  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, 0);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/" TAG), ==, 4);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, CHORUS_ENTRY_MAX_CANDIDATES);
}

/* The walk back reads CHORUS_CHALLENGE_BACKFILL_PAGES at most; what is
 * older is skipped (the image post first in the window here), and the
 * stream goes on from its newest page. */
static void
test_backfill_bounded (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) png = challenge_test_make_png (32, 12);
  ChorusSyncSummary summary;

  add_statuses (f, TAG, (CHORUS_CHALLENGE_BACKFILL_PAGES + 1) * 40, f->now - 8 * DAY, 1, "Chatter", NULL);
  add_statuses (f, TAG, 1, f->now - 9 * DAY, 1, "The first", png);

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (summary.entries_new, ==, 0);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/" TAG),
                    ==, CHORUS_CHALLENGE_BACKFILL_PAGES);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM posts WHERE text LIKE 'Chatter%'"),
                   ==, CHORUS_CHALLENGE_BACKFILL_PAGES * 40);
  assert_tag_cursor (f);

  summary = challenge_rig_sync (f);
  g_assert_cmpuint (fake_challenge_count_requests (f->fake, "/api/v1/timelines/tag/" TAG),
                    ==, CHORUS_CHALLENGE_BACKFILL_PAGES + 1);
  g_assert_cmpint (challenge_rig_count (f, "SELECT count(*) FROM submissions"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/challenge-collect/hashtag-rules", test_hashtag_rules);
  g_test_add ("/chorus/challenge-collect/entries-and-votes", Fixture, NULL,
              challenge_rig_set_up, test_entries_and_votes, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-collect/read-failures", Fixture, NULL,
              challenge_rig_set_up, test_read_failures, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-collect/refused-images", Fixture, NULL,
              challenge_rig_set_up, test_refused_images, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-collect/windows", Fixture, NULL,
              challenge_rig_set_up, test_windows, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-collect/at-most-per-sync", Fixture, NULL,
              challenge_rig_set_up, test_at_most_per_sync, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-collect/backfill", Fixture, NULL,
              challenge_rig_set_up, test_backfill, challenge_rig_tear_down);
  g_test_add ("/chorus/challenge-collect/backfill-bounded", Fixture, NULL,
              challenge_rig_set_up, test_backfill_bounded, challenge_rig_tear_down);

  return g_test_run ();
}
