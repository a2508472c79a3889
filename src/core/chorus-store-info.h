/* chorus-store-info.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 posts;
  gint64 conversations;
  gint64 people;
  gint64 campaigns;
  gint64 challenges;
  gint64 submissions;
} ChorusStoreCounts;

gboolean           chorus_store_get_counts    (ChorusStore          *self,
                                               ChorusStoreCounts    *counts,
                                               GError              **error);
void               chorus_store_count_async   (ChorusStore          *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
ChorusStoreCounts *chorus_store_count_finish  (ChorusStore          *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
