/* chorus-statuses-page.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_STATUSES_PAGE (chorus_statuses_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusStatusesPage, chorus_statuses_page, CHORUS, STATUSES_PAGE, AdwPreferencesPage)

ChorusStatusesPage *chorus_statuses_page_new        (ChorusStore         *store);
gboolean            chorus_statuses_page_is_ready   (ChorusStatusesPage  *self);
AdwMessageDialog   *chorus_statuses_page_add_status (ChorusStatusesPage  *self);
guint               chorus_statuses_page_get_n_rows (ChorusStatusesPage  *self);
AdwActionRow       *chorus_statuses_page_get_row    (ChorusStatusesPage  *self,
                                                     guint                index);

G_END_DECLS
