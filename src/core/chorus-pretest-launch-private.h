/* chorus-pretest-launch-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What launching a poll shares between instruments
 * (chorus-pretest-mastodon.c, chorus-pretest-discourse.c): the checks
 * every poll needs and the rows every run writes. All of them run inside
 * the launch's transaction, in a store worker. */

/* One variant as a poll option. */
typedef struct
{
  gint64    id;
  char     *body;         /* trimmed */
  char     *label;
  gboolean  has_image;
} ChorusPretestOption;

gboolean  _chorus_pretest_fail             (GError      **error,
                                            gint          code,
                                            const char   *message);
GArray   *_chorus_pretest_load_options     (sqlite3      *db,
                                            gint64        campaign_id,
                                            GError      **error);
gboolean  _chorus_pretest_check_options    (GArray       *options,
                                            GError      **error);
gint64    _chorus_pretest_insert_run       (sqlite3      *db,
                                            gint64        campaign_id,
                                            const char   *instrument,
                                            gint64        source_id,
                                            const char   *question,
                                            gint64        duration,
                                            gint64        now,
                                            GError      **error);
gint64    _chorus_pretest_insert_item      (sqlite3      *db,
                                            gint64        source_id,
                                            const char   *body,
                                            JsonObject   *payload,
                                            gint64        now,
                                            GError      **error);
gboolean  _chorus_pretest_insert_run_posts (sqlite3      *db,
                                            gint64        run_id,
                                            gint64        source_id,
                                            gint64        outbox_id,
                                            GArray       *options,
                                            gint64        now,
                                            GError      **error);
gboolean  _chorus_pretest_finish_launch    (sqlite3      *db,
                                            gint64        campaign_id,
                                            const char   *name,
                                            const char   *instrument,
                                            gint64        run_id,
                                            GError      **error);

G_END_DECLS
