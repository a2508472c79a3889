/* chorus-error.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHORUS_ERROR (chorus_error_quark ())

typedef enum
{
  CHORUS_ERROR_FAILED,
  CHORUS_ERROR_DATABASE,
  CHORUS_ERROR_NOT_FOUND,
  CHORUS_ERROR_NOT_A_WORKSPACE,
  CHORUS_ERROR_NEWER_VERSION,
  CHORUS_ERROR_CORRUPT,
  CHORUS_ERROR_READ_ONLY,
  CHORUS_ERROR_INVALID_ARGUMENT,
  CHORUS_ERROR_PARSE,
  CHORUS_ERROR_NEEDS_SIGN_IN,
  CHORUS_ERROR_EXISTS,
  CHORUS_ERROR_DISK_FULL,
} ChorusError;

GQuark chorus_error_quark (void);

G_END_DECLS
