/* chorus-pretest-observe-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include <glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* What refreshing a poll shares between instruments
 * (chorus-pretest-mastodon-refresh.c, chorus-pretest-discourse-refresh.c):
 * writing a votes snapshot and updating the run, inside the refresh's
 * transaction. */

gboolean  _chorus_pretest_write_votes (sqlite3             *db,
                                       gint64               run_id,
                                       const char          *url,
                                       ChorusIncomingPoll  *poll,
                                       gboolean            *hidden,
                                       GError             **error);
gboolean  _chorus_pretest_update_run  (sqlite3             *db,
                                       gint64               run_id,
                                       gboolean             close,
                                       gboolean             gone,
                                       const char          *notice,
                                       GError             **error);

G_END_DECLS
