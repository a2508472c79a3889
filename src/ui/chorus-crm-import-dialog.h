/* chorus-crm-import-dialog.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-crm-import.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CRM_IMPORT_DIALOG (chorus_crm_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCrmImportDialog, chorus_crm_import_dialog, CHORUS, CRM_IMPORT_DIALOG, AdwWindow)

ChorusCrmImportDialog  *chorus_crm_import_dialog_new         (GtkWindow             *parent,
                                                              ChorusStore           *store,
                                                              GFile                 *file);
void                    chorus_crm_import_dialog_choose      (GtkWindow             *parent,
                                                              ChorusStore           *store,
                                                              AdwToastOverlay       *toasts);
gboolean                chorus_crm_import_dialog_get_busy    (ChorusCrmImportDialog *self);
const ChorusCrmMapping *chorus_crm_import_dialog_get_mapping (ChorusCrmImportDialog *self);
const ChorusCrmPreview *chorus_crm_import_dialog_get_preview (ChorusCrmImportDialog *self);
const char             *chorus_crm_import_dialog_get_status  (ChorusCrmImportDialog *self);

G_END_DECLS
