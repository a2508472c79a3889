/* chorus-store-crm.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-crm-import.h"
#include "chorus-csv.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* How many rows a preview shows, unless told otherwise. */
#define CHORUS_CRM_PREVIEW_ROWS 8

ChorusCrmPreview *chorus_store_preview_crm_import        (ChorusStore             *self,
                                                          ChorusCsvTable          *table,
                                                          const ChorusCrmMapping  *mapping,
                                                          guint                    n_rows,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);
void              chorus_store_preview_crm_import_async  (ChorusStore             *self,
                                                          ChorusCsvTable          *table,
                                                          const ChorusCrmMapping  *mapping,
                                                          guint                    n_rows,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
ChorusCrmPreview *chorus_store_preview_crm_import_finish (ChorusStore             *self,
                                                          GAsyncResult            *result,
                                                          GError                 **error);

gint64            chorus_store_import_crm                (ChorusStore             *self,
                                                          ChorusCsvTable          *table,
                                                          const ChorusCrmMapping  *mapping,
                                                          ChorusCrmTotals         *totals,
                                                          GError                 **error);
void              chorus_store_import_crm_async          (ChorusStore             *self,
                                                          ChorusCsvTable          *table,
                                                          const ChorusCrmMapping  *mapping,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
gint64            chorus_store_import_crm_finish         (ChorusStore             *self,
                                                          GAsyncResult            *result,
                                                          ChorusCrmTotals         *totals,
                                                          GError                 **error);

G_END_DECLS
