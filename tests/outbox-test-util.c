/* outbox-test-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-analysis.h"
#include "chorus-campaign.h"
#include "chorus-outbox.h"
#include "chorus-store-campaigns.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "outbox-test-util.h"

/* A source named "Brand" that watches mentions and finds its secret in
 * @secret_env (or has none, when %NULL). */
gint64
outbox_test_add_account (ChorusStore *store,
                         const char  *network,
                         const char  *url,
                         const char  *account,
                         const char  *secret_env)
{
  ChorusSourceSettings settings = { "Brand", TRUE, "", "", "", secret_env };
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_add_account (store, network, url, account, &settings, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A customer's post read by @source_id, answering @parent_uri (which is
 * then its thread's root) or starting a thread of its own; returns its id
 * in the workspace. */
gint64
outbox_test_store_post (ChorusStore *store,
                        gint64       source_id,
                        const char  *network,
                        const char  *uri,
                        const char  *remote_id,
                        const char  *parent_uri)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  ChorusIncomingPost *post = chorus_incoming_post_new (network);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = chorus_test_db_open (chorus_store_get_path (store), SQLITE_OPEN_READONLY, 5000);
  g_autofree char *sql = NULL;
  gint64 id;

  post->uri = g_strdup (uri);
  post->remote_id = g_strdup (remote_id);
  post->author = chorus_incoming_author_new ();
  post->author->handle = g_strdup ("ana");
  post->author->server = g_strdup (g_str_equal (network, "bluesky") ? "" : "fake.example");
  post->created_at = G_GINT64_CONSTANT (1767225600);
  post->text = g_strdup ("Where is my order?");
  post->reply_to_uri = g_strdup (parent_uri);
  post->root_uri = g_strdup (parent_uri != NULL ? parent_uri : uri);
  g_ptr_array_add (posts, post);
  g_assert_true (chorus_store_ingest (store, source_id, posts, NULL, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT id FROM posts WHERE uri = '%s'", uri);
  id = chorus_test_db_query_int (db, sql);
  sqlite3_close (db);
  return id;
}

/* Queues a reply that the queue must accept; returns its id. */
gint64
outbox_test_queue_reply (ChorusStore *store,
                         gint64       post_id,
                         const char  *body)
{
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_queue_reply (store, post_id, body, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Flushes every source's queue, which must succeed as a whole (items may
 * fail), and returns what it did. */
ChorusOutboxSummary
outbox_test_flush (ChorusOutboxSender *sender)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusOutboxSummary summary = { 0, };

  chorus_outbox_sender_flush_async (sender, 0, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_outbox_sender_flush_finish (sender, result, &summary, &error));
  g_assert_no_error (error);
  g_assert_false (chorus_outbox_sender_get_sending (sender));

  return summary;
}

/* The integer the query @format makes gives. */
gint64
outbox_test_query_int (sqlite3    *db,
                       const char *format,
                       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return chorus_test_db_query_int (db, sql);
}

const char * const outbox_test_taglines[3] = {
  "Go further",
  "Made to last since 1921",
  "Every trail, every day",
};

gint64
outbox_test_add_campaign (sqlite3    *db,
                          const char *name)
{
  gint64 id;

  chorus_test_db_exec (db, "INSERT INTO campaigns (name, state, primary_metric, created_at, updated_at)"
                           " VALUES ('%s', 'draft', 'engagements', 10, 10)", name);
  id = sqlite3_last_insert_rowid (db);
  for (guint i = 0; i < G_N_ELEMENTS (outbox_test_taglines); i++)
    chorus_test_db_exec (db, "INSERT INTO variants (campaign_id, position, label, body, link_url)"
                             " VALUES (%" G_GINT64_FORMAT ", %u, '%c', '%s', %s)", id, i, 'A' + i,
                         outbox_test_taglines[i], i == 1 ? "'https://brand.example/spring'" : "NULL");
  return id;
}

gint64
outbox_test_latest (sqlite3    *db,
                    gint64      variant_id,
                    const char *metric)
{
  return outbox_test_query_int (db, "SELECT coalesce ((SELECT value FROM observations WHERE variant_id = %"
                                G_GINT64_FORMAT " AND metric = '%s' ORDER BY observed_at DESC, id DESC LIMIT 1),"
                                " -1)", variant_id, metric);
}

void
outbox_test_assert_rates (ChorusStore  *store,
                          sqlite3      *db,
                          gint64        campaign_id,
                          const gint64 *variant_ids,
                          const gint64 *counts,
                          guint         n,
                          gint64        exposures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaign) campaign = chorus_store_load_campaign (store, campaign_id, &error);
  g_autoptr(ChorusAnalysis) analysis = NULL;

  g_assert_no_error (error);
  analysis = chorus_campaign_analyse (campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_RATES);
  for (guint i = 0; i < n; i++)
    {
      guint position = (guint) outbox_test_query_int (db, "SELECT position FROM variants WHERE id = %"
                                                      G_GINT64_FORMAT, variant_ids[i]);
      const ChorusAnalysisVariant *v = chorus_analysis_get_variant (analysis, position);

      g_assert_cmpint (v->count, ==, counts[i]);
      g_assert_cmpint (v->exposures, ==, exposures);
    }
  g_assert_false (chorus_analysis_get_warnings (analysis) & CHORUS_ANALYSIS_WARNING_TIME_SPREAD);
}

/* How many outbox items are in @state after @attempts attempts. */
gint64
outbox_test_count_items (sqlite3    *db,
                         const char *state,
                         guint       attempts)
{
  return outbox_test_query_int (db, "SELECT count(*) FROM outbox WHERE state = '%s' AND attempts = %u", state,
                                attempts);
}

void
outbox_test_bench_set_up (OutboxTestBench *bench,
                          const char      *server_url,
                          const char      *secret_env,
                          const char      *target_uri,
                          const char      *target_remote_id)
{
  chorus_test_workspace_init (&bench->workspace, "outbox.chorus");
  bench->store = chorus_test_open_store (bench->workspace.path, CHORUS_STORE_OPEN_CREATE);
  bench->db = chorus_test_db_open (bench->workspace.path, SQLITE_OPEN_READWRITE, 5000);
  bench->http = chorus_http_new ();
  chorus_http_set_backoff (bench->http, 1, 2);
  bench->sender = chorus_outbox_sender_new (bench->store, bench->http);
  bench->source_id = outbox_test_add_account (bench->store, "mastodon", server_url, "brand", secret_env);
  bench->target_id = outbox_test_store_post (bench->store, bench->source_id, "mastodon", target_uri, target_remote_id,
                                             NULL);
  bench->conversation_id = outbox_test_query_int (bench->db, "SELECT conversation_id FROM posts WHERE id = %"
                                                  G_GINT64_FORMAT, bench->target_id);
}

/* Drops the sender, checks that the store is finalized, and removes the
 * workspace with everything in it. */
void
outbox_test_bench_tear_down (OutboxTestBench *bench)
{
  g_clear_object (&bench->sender);
  g_clear_object (&bench->http);
  sqlite3_close (bench->db);
  chorus_test_finalize_object (g_steal_pointer (&bench->store));
  chorus_test_workspace_remove_all (&bench->workspace);
}
