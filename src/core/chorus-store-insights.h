/* chorus-store-insights.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

/* What the insight strip above the inbox shows for the conversations of
 * the current view, over its last days (UTC days, oldest first). */
typedef struct
{
  guint   n_days;
  gint64  first_day;          /* Unix time of the first day's start */
  guint  *volume;             /* customer posts per day */
  guint  *positive;           /* conversations last active that day, by sentiment */
  guint  *neutral;
  guint  *negative;
  guint   open_count;         /* conversations whose status is not closed */
  guint   replied;            /* conversations started in the window that got a first reply */
  gint64  median_first_reply; /* seconds, or -1 when none was answered */
} ChorusInsights;

void            chorus_store_insights_async  (ChorusStore         *self,
                                              GArray              *conversation_ids,
                                              guint                days,
                                              gint64               now,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ChorusInsights *chorus_store_insights_finish (ChorusStore         *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void            chorus_insights_free         (ChorusInsights      *insights);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusInsights, chorus_insights_free)

G_END_DECLS
