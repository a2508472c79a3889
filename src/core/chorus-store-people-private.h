/* chorus-store-people-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-identity.h"
#include "chorus-store-private.h"

G_BEGIN_DECLS

/* What reading people and changing them share. */

void            _chorus_set_person_gone (GError       **error);
ChorusIdentity *_chorus_build_identity  (sqlite3_stmt  *stmt);

G_END_DECLS
