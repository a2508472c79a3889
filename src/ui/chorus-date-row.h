/* chorus-date-row.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_DATE_ROW (chorus_date_row_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDateRow, chorus_date_row, CHORUS, DATE_ROW, AdwActionRow)

gint64      chorus_date_row_get_time       (ChorusDateRow *self);
void        chorus_date_row_set_time       (ChorusDateRow *self,
                                            gint64         time);
gboolean    chorus_date_row_get_end_of_day (ChorusDateRow *self);

G_END_DECLS
