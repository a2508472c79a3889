/* test-insights.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-format.h"
#include "chorus-store-ingest.h"
#include "chorus-store-insights.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

/* The insight strip's figures on a small workspace whose every number is
 * known: posts on chosen days, statuses and sentiments set by SQL, and
 * the brand's first replies after chosen delays. */

#define BASE  "https://social.example/@ana/"
#define DAY   (24 * 60 * 60)
/* Noon on a fixed day; the window's last day. */
#define NOW   (G_GINT64_CONSTANT (1767268800) + 12 * 60 * 60)
#define TODAY (NOW - NOW % DAY)

typedef struct
{
  const char *uri;
  const char *reply_to;
  gint64      created_at;
} Spec;

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
      post->text = g_strdup ("A post.");
      g_ptr_array_add (posts, post);
    }

  g_assert_true (chorus_store_ingest (store, 0, posts, NULL, &error));
  g_assert_no_error (error);
}

static GArray *
all_ids (sqlite3 *db)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM conversations ORDER BY id", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  return ids;
}

static ChorusInsights *
compute (ChorusStore *store,
         GArray      *ids,
         guint        days)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusInsights *insights;

  chorus_store_insights_async (store, ids, days, NOW, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  insights = chorus_store_insights_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (insights);

  return insights;
}

static void
test_figures (ChorusTestTempDir *fixture,
              gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "insights.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = _chorus_store_get_db (store);
  g_autoptr(ChorusInsights) insights = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) some = NULL;
  const Spec specs[] = {
    /* a: today, answered by the brand after 10 minutes, then the customer again. */
    { "a", NULL, TODAY + 3600 },
    { "a-brand", "a", TODAY + 3600 + 600 },
    { "a-again", "a-brand", TODAY + 3600 + 900 },
    /* b: two days ago, answered after 2 hours. */
    { "b", NULL, TODAY - 2 * DAY + 100 },
    { "b-brand", "b", TODAY - 2 * DAY + 100 + 7200 },
    /* c: yesterday, never answered. */
    { "c", NULL, TODAY - DAY + 50 },
    /* d: before the window, answered within it: not counted as a first reply. */
    { "d", NULL, TODAY - 10 * DAY },
    { "d-brand", "d", TODAY - 1 * DAY },
  };

  ingest (store, specs, G_N_ELEMENTS (specs));
  chorus_test_db_exec (db, "UPDATE posts SET is_own = 1 WHERE uri LIKE '%%-brand'");
  /* a positive (overridden from negative), b negative, c neutral, d done. */
  chorus_test_db_exec (db, "UPDATE conversations SET sentiment = -1, sentiment_override = 1"
                           " WHERE root_uri = '" BASE "a'");
  chorus_test_db_exec (db, "UPDATE conversations SET sentiment = -1 WHERE root_uri = '" BASE "b'");
  chorus_test_db_exec (db, "UPDATE conversations SET sentiment = 0 WHERE root_uri = '" BASE "c'");
  chorus_test_db_exec (db, "UPDATE conversations SET status_id = 4 WHERE root_uri = '" BASE "d'");

  ids = all_ids (db);
  g_assert_cmpuint (ids->len, ==, 4);
  insights = compute (store, ids, 7);

  g_assert_cmpuint (insights->n_days, ==, 7);
  g_assert_cmpint (insights->first_day, ==, TODAY - 6 * DAY);
  /* Customer posts only: today a and a-again; two days ago b; yesterday c. */
  g_assert_cmpuint (insights->volume[6], ==, 2);
  g_assert_cmpuint (insights->volume[5], ==, 1);
  g_assert_cmpuint (insights->volume[4], ==, 1);
  g_assert_cmpuint (insights->volume[0], ==, 0);
  /* By the day of last activity: a today (positive, the override wins),
   * b two days ago (negative after its reply), c yesterday (neutral), d
   * yesterday (its reply; no sentiment counts as neutral). */
  g_assert_cmpuint (insights->positive[6], ==, 1);
  g_assert_cmpuint (insights->negative[4], ==, 1);
  g_assert_cmpuint (insights->neutral[5], ==, 2);
  g_assert_cmpuint (insights->negative[6] + insights->neutral[6], ==, 0);
  g_assert_cmpuint (insights->open_count, ==, 3);
  /* First replies of conversations started in the window: 600 s and 7200 s. */
  g_assert_cmpuint (insights->replied, ==, 2);
  g_assert_cmpint (insights->median_first_reply, ==, (600 + 7200) / 2);

  /* A view of c alone: nothing answered. */
  g_clear_pointer (&insights, chorus_insights_free);
  some = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (some, g_array_index (ids, gint64, 2));
  insights = compute (store, some, 7);
  g_assert_cmpuint (insights->open_count, ==, 1);
  g_assert_cmpuint (insights->replied, ==, 0);
  g_assert_cmpint (insights->median_first_reply, ==, -1);
  g_assert_cmpuint (insights->volume[5], ==, 1);
  g_assert_cmpuint (insights->volume[6], ==, 0);
}

static void
test_duration (void)
{
  g_autofree char *seconds = chorus_format_duration (30);
  g_autofree char *minutes = chorus_format_duration (45 * 60 + 10);
  g_autofree char *hours = chorus_format_duration (3 * 3600);
  g_autofree char *mixed = chorus_format_duration (3 * 3600 + 20 * 60);
  g_autofree char *days = chorus_format_duration (2 * DAY + 5);

  g_assert_cmpstr (seconds, ==, "under a minute");
  g_assert_cmpstr (minutes, ==, "45 min");
  g_assert_cmpstr (hours, ==, "3 h");
  g_assert_cmpstr (mixed, ==, "3 h 20 min");
  g_assert_cmpstr (days, ==, "2 days");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  chorus_test_add_in_temp_dir ("/chorus/insights/figures", test_figures);
  g_test_add_func ("/chorus/insights/duration", test_duration);

  return g_test_run ();
}
