/* chorus-account-row.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-source.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ACCOUNT_ROW (chorus_account_row_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAccountRow, chorus_account_row, CHORUS, ACCOUNT_ROW, AdwExpanderRow)

ChorusAccountRow *chorus_account_row_new               (ChorusSource     *source);
ChorusSource     *chorus_account_row_get_source        (ChorusAccountRow *self);
gboolean          chorus_account_row_get_needs_sign_in (ChorusAccountRow *self);
char             *chorus_account_describe_health       (ChorusSource     *source,
                                                        gint64            now);
char             *chorus_account_describe_watching     (ChorusSource     *source);

G_END_DECLS
