/* test-signals.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-error.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-signals.h"
#include "chorus-test-util.h"

/* A conversation's automatic sentiment and question flag, set by ingest
 * in a real workspace: from what the customer says now (the newest post
 * that is not the brand's own), not from a post arriving late, again when
 * a post is edited, and never over the sentiment someone on the team set. */

#define BASE "https://social.example/"
#define OVERRIDE "SELECT sentiment_override FROM conversations"

typedef struct
{
  const char *uri;              /* after BASE */
  const char *reply_to;         /* after BASE, or NULL */
  gint64      created_at;
  const char *text;
  gint64      edited_at;
} Spec;

typedef struct
{
  int      sentiment;           /* 99 for NULL */
  gboolean question;
} Signals;

static ChorusStore *
open_workspace (ChorusTestTempDir *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "signals.chorus", NULL);

  return chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
}

static void
ingest (ChorusStore *store,
        const Spec  *specs,
        guint        n_specs)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_specs; i++)
    {
      ChorusIncomingPost *post = chorus_incoming_post_new ("mastodon");

      post->uri = g_strconcat (BASE, specs[i].uri, NULL);
      if (specs[i].reply_to != NULL)
        post->reply_to_uri = g_strconcat (BASE, specs[i].reply_to, NULL);
      post->created_at = specs[i].created_at;
      post->edited_at = specs[i].edited_at;
      post->text = g_strdup (specs[i].text);
      g_ptr_array_add (posts, post);
    }

  g_assert_true (chorus_store_ingest (store, 0, posts, NULL, &error));
  g_assert_no_error (error);
}

static gint64
query_int (ChorusStore *store,
           const char  *sql)
{
  return chorus_test_db_query_int (_chorus_store_get_db (store), sql);
}

static Signals
read_signals (ChorusStore *store,
              const char  *root)
{
  g_autofree char *where = g_strdup_printf (" FROM conversations WHERE root_uri = '%s%s'",
                                            BASE, root);
  g_autofree char *sentiment = g_strconcat ("SELECT coalesce (sentiment, 99)", where, NULL);
  g_autofree char *question = g_strconcat ("SELECT has_question", where, NULL);
  Signals signals;

  signals.sentiment = query_int (store, sentiment);
  signals.question = query_int (store, question);
  return signals;
}

#define assert_signals(store, root, expected_sentiment, expected_question) \
  G_STMT_START { \
    Signals signals_ = read_signals ((store), (root)); \
    g_assert_cmpint (signals_.sentiment, ==, (expected_sentiment)); \
    g_assert_cmpint (signals_.question, ==, (expected_question)); \
  } G_STMT_END

static void
test_set_on_ingest (ChorusTestTempDir *fixture,
                    gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  const Spec batch[] = {
    { "a", NULL, 1000, "I love the new blend! Where can I buy it?" },
    { "b", NULL, 1001, "The app is broken again, terrible." },
    { "c", NULL, 1002, "The new store opens on Friday." },
    { "d", NULL, 1003, "¿alguien sabe cuándo abre la tienda?" },
  };

  ingest (store, batch, G_N_ELEMENTS (batch));

  assert_signals (store, "a", 1, TRUE);
  assert_signals (store, "b", -1, FALSE);
  assert_signals (store, "c", 0, FALSE);
  assert_signals (store, "d", 0, TRUE);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM conversations"
                                     " WHERE sentiment_override IS NOT NULL"), ==, 0);

  chorus_test_finalize_object (store);
}

static void
test_newest_customer_post_wins (ChorusTestTempDir *fixture,
                                gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  const Spec root[] = { { "1", NULL, 1000, "Love my new jacket!" } };
  const Spec complaint[] = { { "2", "1", 2000, "Update: the zipper broke, really disappointed." } };
  const Spec ask[] = { { "3", "2", 3000, "How do I get a replacement" } };

  ingest (store, root, 1);
  assert_signals (store, "1", 1, FALSE);

  ingest (store, complaint, 1);
  assert_signals (store, "1", -1, FALSE);

  ingest (store, ask, 1);
  assert_signals (store, "1", 0, TRUE);

  chorus_test_finalize_object (store);
}

static void
test_late_post_keeps_newer (ChorusTestTempDir *fixture,
                            gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  const Spec first[] = {
    { "1", NULL, 1000, "Hello" },
    { "3", "1", 3000, "Worst support ever." },
  };
  const Spec late[] = { { "2", "1", 2000, "Amazing, is it back in stock?" } };
  /* Newest first in one batch, as timelines are read. */
  const Spec reversed[] = {
    { "y", "x", 5000, "Thanks, all fixed now, great service!" },
    { "x", NULL, 4000, "Why is my order late? Unacceptable." },
  };

  ingest (store, first, G_N_ELEMENTS (first));
  assert_signals (store, "1", -1, FALSE);

  ingest (store, late, 1);
  assert_signals (store, "1", -1, FALSE);
  g_assert_cmpint (query_int (store, "SELECT post_count FROM conversations"
                                     " WHERE root_uri = '" BASE "1'"), ==, 3);

  ingest (store, reversed, G_N_ELEMENTS (reversed));
  assert_signals (store, "x", 1, FALSE);

  chorus_test_finalize_object (store);
}

static void
test_edit_reevaluates (ChorusTestTempDir *fixture,
                       gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  const Spec post[] = { { "1", NULL, 1000, "This blend is great" } };
  const Spec edited[] = {
    { "1", NULL, 1000, "This blend is terrible now. Can I get a refund?", 1100 },
  };
  const Spec thread[] = {
    { "a", NULL, 2000, "Great stuff" },
    { "b", "a", 3000, "Is it vegan?" },
  };
  const Spec older_edited[] = { { "a", NULL, 2000, "Terrible stuff", 3500 } };

  ingest (store, post, 1);
  assert_signals (store, "1", 1, FALSE);

  ingest (store, edited, 1);
  assert_signals (store, "1", -1, TRUE);

  /* An edit of an older post leaves the newer one's signals. */
  ingest (store, thread, G_N_ELEMENTS (thread));
  assert_signals (store, "a", 0, TRUE);
  ingest (store, older_edited, 1);
  assert_signals (store, "a", 0, TRUE);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM posts WHERE text = 'Terrible stuff'"),
                   ==, 1);

  chorus_test_finalize_object (store);
}

static void
test_override_kept (ChorusTestTempDir *fixture,
                    gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  sqlite3 *db = _chorus_store_get_db (store);
  const Spec root[] = { { "1", NULL, 1000, "I love it" } };
  const Spec reply[] = { { "2", "1", 2000, "This is awful. Why did it change?" } };
  const Spec edited[] = { { "2", "1", 2000, "It is back now.", 2100 } };
  g_autoptr(ChorusSentimentAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  ChorusSentimentDriver *driver;
  gboolean overridden = FALSE;
  gint64 conversation;

  ingest (store, root, 1);
  chorus_test_db_exec (db, "UPDATE conversations SET sentiment_override = 1");

  ingest (store, reply, 1);
  assert_signals (store, "1", -1, TRUE);
  g_assert_cmpint (chorus_test_db_query_int (db, OVERRIDE), ==, 1);

  conversation = chorus_test_db_query_int (db, "SELECT id FROM conversations");
  analysis = chorus_store_dup_conversation_sentiment (store, conversation, &overridden, &error);
  g_assert_no_error (error);
  g_assert_true (overridden);
  g_assert_cmpint (analysis->label, ==, CHORUS_SENTIMENT_NEGATIVE);
  g_assert_cmpuint (analysis->drivers->len, ==, 1);
  driver = g_ptr_array_index (analysis->drivers, 0);
  g_assert_cmpstr (driver->text, ==, "awful");

  chorus_test_db_exec (db, "UPDATE conversations SET sentiment_override = -1");
  ingest (store, edited, 1);
  assert_signals (store, "1", 0, FALSE);
  g_assert_cmpint (chorus_test_db_query_int (db, OVERRIDE), ==, -1);

  chorus_test_finalize_object (store);
}

/* The brand's own replies say nothing about how the customer feels. */
static void
test_own_posts_ignored (ChorusTestTempDir *fixture,
                        gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  sqlite3 *db = _chorus_store_get_db (store);
  const Spec root[] = { { "1", NULL, 1000, "Terrible service." } };
  const Spec late[] = { { "2", "1", 2500, "Now it works, thanks!" } };
  g_autoptr(ChorusSentimentAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  ChorusSentimentDriver *driver;
  gboolean overridden = TRUE;
  gint64 conversation;

  ingest (store, root, 1);
  conversation = chorus_test_db_query_int (db, "SELECT id FROM conversations");
  chorus_test_db_exec (db,
                       "INSERT INTO posts (id, conversation_id, uri, created_at, text, is_own)"
                       " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '" BASE "own',"
                       " 3000, 'So sorry! Could you DM us your order number?', 1)",
                       (gint64) 3000 << CHORUS_POST_KEY_SHIFT, conversation);

  ingest (store, late, 1);
  assert_signals (store, "1", 1, FALSE);

  analysis = chorus_store_dup_conversation_sentiment (store, conversation, &overridden, &error);
  g_assert_no_error (error);
  g_assert_false (overridden);
  g_assert_cmpint (analysis->label, ==, CHORUS_SENTIMENT_POSITIVE);
  g_assert_cmpuint (analysis->drivers->len, ==, 2);
  driver = g_ptr_array_index (analysis->drivers, 1);
  g_assert_cmpstr (driver->text, ==, "thanks");

  chorus_test_finalize_object (store);
}

static void
test_dup_sentiment_edges (ChorusTestTempDir *fixture,
                          gconstpointer      data)
{
  ChorusStore *store = open_workspace (fixture);
  sqlite3 *db = _chorus_store_get_db (store);
  g_autoptr(ChorusSentimentAnalysis) missing = NULL;
  g_autoptr(ChorusSentimentAnalysis) only_own = NULL;
  g_autoptr(GError) error = NULL;

  missing = chorus_store_dup_conversation_sentiment (store, 42, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  chorus_test_db_exec (db,
                       "INSERT INTO conversations"
                       "  (id, network, root_uri, started_at, last_activity_at)"
                       " VALUES (7, 'mastodon', '" BASE "announce', 1000, 1000);"
                       "INSERT INTO posts (id, conversation_id, uri, created_at, text, is_own)"
                       " VALUES (65536000, 7, '" BASE "announce', 1000,"
                       "         'We love our customers!', 1)");

  only_own = chorus_store_dup_conversation_sentiment (store, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (only_own->label, ==, CHORUS_SENTIMENT_NEUTRAL);
  g_assert_cmpuint (only_own->drivers->len, ==, 0);

  chorus_test_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  chorus_test_add_in_temp_dir ("/chorus/signals/set-on-ingest", test_set_on_ingest);
  chorus_test_add_in_temp_dir ("/chorus/signals/newest-customer-post-wins",
                               test_newest_customer_post_wins);
  chorus_test_add_in_temp_dir ("/chorus/signals/late-post-keeps-newer", test_late_post_keeps_newer);
  chorus_test_add_in_temp_dir ("/chorus/signals/edit-reevaluates", test_edit_reevaluates);
  chorus_test_add_in_temp_dir ("/chorus/signals/override-kept", test_override_kept);
  chorus_test_add_in_temp_dir ("/chorus/signals/own-posts-ignored", test_own_posts_ignored);
  chorus_test_add_in_temp_dir ("/chorus/signals/dup-sentiment-edges", test_dup_sentiment_edges);

  return g_test_run ();
}
