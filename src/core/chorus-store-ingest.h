/* chorus-store-ingest.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-incoming.h"
#include "chorus-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint inserted;
  guint updated;
  guint unchanged;
} ChorusIngestResult;

gboolean chorus_store_ingest (ChorusStore         *self,
                              gint64               source_id,
                              GPtrArray           *posts,
                              ChorusIngestResult  *result,
                              GError             **error);

G_END_DECLS
