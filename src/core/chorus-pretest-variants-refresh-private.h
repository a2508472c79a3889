/* chorus-pretest-variants-refresh-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-pretest-refresh-private.h"

G_BEGIN_DECLS

/* What refreshing variant posts shares between networks
 * (chorus-pretest-variants-refresh.c): the account's live posts, listed,
 * and written once read, through the pre-test refresh driver
 * (chorus-pretest-refresh.c). A network's reader
 * (chorus-pretest-variants-refresh.c for Mastodon,
 * chorus-pretest-variants-bluesky.c) only asks and reads answers. */

enum
{
  CHORUS_VARIANT_LIKES,
  CHORUS_VARIANT_REPOSTS,
  CHORUS_VARIANT_REPLIES,
  CHORUS_VARIANT_N_COUNTS
};

/* One sent variant post of a running run: an item of the refresh. */
typedef struct
{
  gint64    run_id;
  gint64    variant_id;
  char     *remote_id;                        /* a Mastodon status id, a Bluesky at:// URI */

  /* What the reader found: its counts, or that it was deleted; neither
   * leaves the post as it was. */
  gboolean  read;
  gboolean  gone;
  gint64    counts[CHORUS_VARIANT_N_COUNTS];
} ChorusVariantPost;

/* Refreshing variant posts, @batch at a time read by @read (see
 * ChorusPretestRefreshOps). */
ChorusPretestRefreshOps _chorus_variant_refresh_ops (guint    batch,
                                                     void   (*read) (GTask *task));

/* Why a read of counts failed, in words. */
GError   *_chorus_variant_refresh_status_error (ChorusPretestRefresh  *refresh,
                                                guint                  status);
GError   *_chorus_variant_refresh_parse_error  (ChorusPretestRefresh  *refresh);

G_END_DECLS
