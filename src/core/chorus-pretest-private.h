/* chorus-pretest-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "chorus-pretest-launch-private.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-run.h"

G_BEGIN_DECLS

/* What launching any pre-test instrument checks and writes (see
 * chorus-pretest-post-checks.c), inside the launch's transaction. */

/* One of the campaign's variants, as an instrument publishes it. */
typedef struct
{
  gint64  id;
  char   *label;
  char   *body;          /* trimmed */
  char   *link_url;      /* or NULL */
  char   *image_sha256;  /* or NULL; then image_type and image_alt are NULL too */
  char   *image_type;
  char   *image_alt;
  guint64 image_size;    /* bytes, once the launch found the file */
} ChorusPretestVariant;

gboolean  _chorus_pretest_check_poster    (sqlite3           *db,
                                           gint64             source_id,
                                           ChorusInstrument   instrument,
                                           char             **network,
                                           GError           **error);
char     *_chorus_pretest_check_campaign_for  (sqlite3           *db,
                                           gint64             campaign_id,
                                           ChorusInstrument   instrument,
                                           GError           **error);
GArray   *_chorus_pretest_load_variants   (sqlite3           *db,
                                           gint64             campaign_id,
                                           GError           **error);
gboolean  _chorus_pretest_audit_launch    (sqlite3           *db,
                                           gint64             campaign_id,
                                           const char        *name,
                                           gint64             run_id,
                                           ChorusInstrument   instrument,
                                           GError           **error);
gboolean  _chorus_pretest_read_limits     (sqlite3           *db,
                                           gint64             source_id,
                                           ChorusPollLimits  *limits,
                                           gint64            *max_characters,
                                           gint64            *max_image_bytes,
                                           GError           **error);

/* A variant's count on one account, as a snapshot of all its accounts
 * (chorus-pretest-variants-record.c); writes nothing when it did not move.
 * Returns FALSE with @error set. */
gboolean  _chorus_pretest_observe         (sqlite3           *db,
                                           gint64             run_id,
                                           gint64             variant_id,
                                           gint64             source_id,
                                           const char        *metric,
                                           gint64             value,
                                           gint64             now,
                                           GError           **error);

/* Inside a campaign's change of state (chorus-store-campaign-write.c):
 * its runs' queued posts are held, spaced again from now, or cancelled. */
gboolean  _chorus_pretest_follow_state    (sqlite3           *db,
                                           gint64             campaign_id,
                                           const char        *from,
                                           const char        *to,
                                           GError           **error);

G_END_DECLS
