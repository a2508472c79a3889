/* chorus-store-export.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-store.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_EXPORT_FORMAT_JSONL,
  CHORUS_EXPORT_FORMAT_CSV,
} ChorusExportFormat;

gboolean chorus_store_export_posts (ChorusStore         *self,
                                    ChorusExportFormat   format,
                                    GOutputStream       *out,
                                    GCancellable        *cancellable,
                                    guint64             *n_written,
                                    GError             **error);

G_END_DECLS
