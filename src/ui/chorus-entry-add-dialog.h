/* chorus-entry-add-dialog.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-challenge.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ENTRY_ADD_DIALOG (chorus_entry_add_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusEntryAddDialog, chorus_entry_add_dialog, CHORUS, ENTRY_ADD_DIALOG, AdwWindow)

ChorusEntryAddDialog *chorus_entry_add_dialog_new      (GtkWindow            *parent,
                                                        ChorusStore          *store,
                                                        ChorusChallenge      *challenge);
void                  chorus_entry_add_dialog_set_file (ChorusEntryAddDialog *self,
                                                        GFile                *file);
gboolean              chorus_entry_add_dialog_is_busy  (ChorusEntryAddDialog *self);

G_END_DECLS
