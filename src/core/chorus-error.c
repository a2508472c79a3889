/* chorus-error.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-error.h"

G_DEFINE_QUARK (chorus-error-quark, chorus_error)
