/* chorus-store-ingest-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-incoming.h"
#include "chorus-store-private.h"

G_BEGIN_DECLS

gboolean _chorus_store_upsert_identities (sqlite3     *db,
                                          const char  *network,
                                          GPtrArray   *authors,
                                          GArray      *ids,
                                          GError     **error);

G_END_DECLS
