/* chorus-audit-awards-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *_chorus_audit_describe_awards (const char *actor,
                                     const char *action,
                                     JsonObject *detail);

G_END_DECLS
