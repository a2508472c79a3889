/* fake-bluesky-thread.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *fake_bluesky_thread_new (JsonObject *item,
                               JsonObject *other_author);

G_END_DECLS
