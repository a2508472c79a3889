/* test-ingest.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

/* Storing what connectors read: one post per URI whatever the order and
 * the repetitions, threads joined whichever post comes first, edits and
 * poll snapshots applied, and a bad batch stored not at all. */

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "ingest.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (f->store);
  chorus_test_workspace_remove_all (&f->workspace);
}

static ChorusIncomingPost *
make_post (const char *uri,
           const char *reply_to,
           gint64      created_at,
           const char *text)
{
  ChorusIncomingPost *post = chorus_incoming_post_new ("mastodon");

  post->uri = g_strdup (uri);
  post->reply_to_uri = g_strdup (reply_to);
  post->created_at = created_at;
  post->text = g_strdup (text);
  post->author = chorus_incoming_author_new ();
  post->author->handle = g_strdup ("ana");
  post->author->server = g_strdup ("social.example");
  post->author->display_name = g_strdup ("Ana");

  return post;
}

static ChorusIngestResult
ingest (Fixture   *f,
        GPtrArray *posts)
{
  g_autoptr(GError) error = NULL;
  ChorusIngestResult result = { 0, };

  g_assert_true (chorus_store_ingest (f->store, 0, posts, &result, &error));
  g_assert_no_error (error);

  return result;
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  return chorus_test_db_query_int (_chorus_store_get_db (f->store), sql);
}

static void
test_threads_and_repeats (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) first = chorus_incoming_post_array_new ();
  g_autoptr(GPtrArray) second = chorus_incoming_post_array_new ();
  ChorusIngestResult result;

  /* The reply arrives before the post it answers. */
  g_ptr_array_add (first, make_post ("https://s.example/2", "https://s.example/1", 2000, "Same here!"));
  result = ingest (f, first);
  g_assert_cmpuint (result.inserted, ==, 1);

  g_ptr_array_add (second, make_post ("https://s.example/1", NULL, 1000, "The zipper broke"));
  g_ptr_array_add (second, make_post ("https://s.example/3", "https://s.example/2", 3000, "Sorry, fixing it"));
  g_ptr_array_add (second, make_post ("https://s.example/2", "https://s.example/1", 2000, "Same here!"));
  result = ingest (f, second);
  g_assert_cmpuint (result.inserted, ==, 2);
  g_assert_cmpuint (result.unchanged, ==, 1);

  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM conversations"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT post_count FROM conversations"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT started_at FROM conversations"), ==, 1000);
  g_assert_cmpint (query_int (f, "SELECT last_activity_at FROM conversations"), ==, 3000);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM identities"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM people"), ==, 1);
  g_assert_cmpint (chorus_store_get_counter (f->store, "posts"), ==, 3);

  /* Keys follow time, so the FTS rowid does too. */
  g_assert_cmpint (query_int (f, "SELECT min (id) FROM posts WHERE uri = 'https://s.example/1'") >> CHORUS_POST_KEY_SHIFT,
                   ==, 1000);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts_fts WHERE posts_fts MATCH 'zipper'"), ==, 1);
}

static void
test_edits_and_polls (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) first = chorus_incoming_post_array_new ();
  g_autoptr(GPtrArray) second = chorus_incoming_post_array_new ();
  ChorusIncomingPost *post;
  ChorusIngestResult result;

  post = make_post ("https://s.example/poll", NULL, 5000, "Which tagline?");
  post->poll = chorus_incoming_poll_new ();
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Go further", 3));
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Your trail", -1));
  g_ptr_array_add (first, post);
  ingest (f, first);

  post = make_post ("https://s.example/poll", NULL, 5000, "Which tagline do you prefer?");
  post->edited_at = 5100;
  post->like_count = 4;
  post->poll = chorus_incoming_poll_new ();
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Go further", 10));
  g_ptr_array_add (post->poll->options, chorus_incoming_poll_option_new ("Your trail", 7));
  g_ptr_array_add (second, post);
  result = ingest (f, second);

  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT like_count FROM posts"), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT edited_at FROM posts"), ==, 5100);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts_fts WHERE posts_fts MATCH 'prefer'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM poll_options"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT sum (votes) FROM poll_options"), ==, 17);
}

static void
test_bad_batch_stores_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (posts, make_post ("https://s.example/ok", NULL, 1000, "Fine"));
  g_ptr_array_add (posts, make_post (NULL, NULL, 1000, "No address"));

  g_assert_false (chorus_store_ingest (f->store, 0, posts, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM posts"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM people"), ==, 0);
  g_assert_cmpint (chorus_store_get_counter (f->store, "posts"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/ingest/threads-and-repeats", Fixture, NULL, fixture_set_up,
              test_threads_and_repeats, fixture_tear_down);
  g_test_add ("/chorus/ingest/edits-and-polls", Fixture, NULL, fixture_set_up,
              test_edits_and_polls, fixture_tear_down);
  g_test_add ("/chorus/ingest/bad-batch-stores-nothing", Fixture, NULL, fixture_set_up,
              test_bad_batch_stores_nothing, fixture_tear_down);

  return g_test_run ();
}
