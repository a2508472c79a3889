/* outbox-test-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "chorus-outbox-sender.h"
#include "chorus-store.h"
#include "chorus-test-util.h"

G_BEGIN_DECLS

/* A workspace with a Mastodon account ("brand") and a post of a
 * customer's it read, for queue and sending tests, with a sender whose
 * HTTP client gives up after two quick attempts. */
typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  sqlite3             *db;
  ChorusHttp          *http;
  ChorusOutboxSender  *sender;
  gint64               source_id;
  gint64               target_id;
  gint64               conversation_id;
} OutboxTestBench;

void                outbox_test_bench_set_up    (OutboxTestBench     *bench,
                                                 const char          *server_url,
                                                 const char          *secret_env,
                                                 const char          *target_uri,
                                                 const char          *target_remote_id);
void                outbox_test_bench_tear_down (OutboxTestBench     *bench);

/* What the outbox tests share: an account to send from, a post to act on,
 * a reply queued, one flush run to its end, and a number read from the
 * workspace. Each helper fails the running test when it goes wrong. */

gint64              outbox_test_add_account (ChorusStore         *store,
                                             const char          *network,
                                             const char          *url,
                                             const char          *account,
                                             const char          *secret_env);
gint64              outbox_test_store_post  (ChorusStore         *store,
                                             gint64               source_id,
                                             const char          *network,
                                             const char          *uri,
                                             const char          *remote_id,
                                             const char          *parent_uri);
gint64              outbox_test_queue_reply (ChorusStore         *store,
                                             gint64               post_id,
                                             const char          *body);
ChorusOutboxSummary outbox_test_flush       (ChorusOutboxSender  *sender);
gint64              outbox_test_count_items (sqlite3             *db,
                                             const char          *state,
                                             guint                attempts);
gint64              outbox_test_query_int   (sqlite3             *db,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (2, 3);

/* What the pre-test tests share: a draft campaign named @name whose
 * variants A, B and C say outbox_test_taglines (B with a link), and the
 * latest observation of a variant's metric, or -1. */
extern const char * const outbox_test_taglines[3];

gint64              outbox_test_add_campaign (sqlite3            *db,
                                              const char         *name);
gint64              outbox_test_latest       (sqlite3            *db,
                                              gint64              variant_id,
                                              const char         *metric);
/* The campaign's analysis compares rates: variant @variant_ids[i] has
 * @counts[i] out of @exposures, and they went out close in time. */
void                outbox_test_assert_rates (ChorusStore        *store,
                                              sqlite3            *db,
                                              gint64              campaign_id,
                                              const gint64       *variant_ids,
                                              const gint64       *counts,
                                              guint               n,
                                              gint64              exposures);

G_END_DECLS
