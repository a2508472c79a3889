/* chorus-format.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *chorus_format_handle          (const char *network,
                                           const char *handle,
                                           const char *server);
const char *chorus_format_network         (const char *network);
const char *chorus_format_status          (const char *builtin,
                                           const char *custom_name);
const char *chorus_format_campaign_state  (const char *state);
const char *chorus_format_instrument      (const char *instrument);
char       *chorus_format_relative_time   (gint64      now,
                                           gint64      then);
char       *chorus_format_relative_time_in_sentence (gint64 now,
                                                     gint64 then);
char       *chorus_format_date            (gint64      then);
char       *chorus_format_challenge_phase (gint64      now,
                                           gint64      submissions_open,
                                           gint64      submissions_close,
                                           gint64      voting_open,
                                           gint64      voting_close);
char       *chorus_format_metric_count    (const char *metric,
                                           gint64      count);
char       *chorus_format_count           (gint64      count);
char       *chorus_format_duration        (gint64      seconds);
char       *chorus_format_decimal         (double      value,
                                           guint       decimals);
char       *chorus_format_percent         (double      fraction);
char       *chorus_format_share           (double      fraction);
char       *chorus_format_weighting       (double      community_weight);
char       *chorus_format_initials        (const char *name);

G_END_DECLS
