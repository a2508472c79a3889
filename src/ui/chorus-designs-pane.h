/* chorus-designs-pane.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DESIGNS_PANE (chorus_designs_pane_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDesignsPane, chorus_designs_pane, CHORUS, DESIGNS_PANE, GtkWidget)

void        chorus_designs_pane_set_store       (ChorusDesignsPane *self,
                                                 ChorusStore       *store);
GListModel *chorus_designs_pane_get_challenges  (ChorusDesignsPane *self);
GListModel *chorus_designs_pane_get_submissions (ChorusDesignsPane *self);
void        chorus_designs_pane_select          (ChorusDesignsPane *self,
                                                 guint              position);

void        chorus_designs_pane_reload          (ChorusDesignsPane *self);

G_END_DECLS
