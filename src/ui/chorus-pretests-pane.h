/* chorus-pretests-pane.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_PRETESTS_PANE (chorus_pretests_pane_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPretestsPane, chorus_pretests_pane, CHORUS, PRETESTS_PANE, GtkWidget)

void        chorus_pretests_pane_set_store     (ChorusPretestsPane *self,
                                                ChorusStore        *store);
void        chorus_pretests_pane_reload        (ChorusPretestsPane *self);
GListModel *chorus_pretests_pane_get_campaigns (ChorusPretestsPane *self);

G_END_DECLS
