/* chorus-store-people-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store-private.h"

G_BEGIN_DECLS

/* What reading people and changing them share. */

void _chorus_set_person_gone (GError **error);

G_END_DECLS
