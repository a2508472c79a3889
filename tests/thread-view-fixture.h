/* thread-view-fixture.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "chorus-test-util.h"

G_BEGIN_DECLS

#define BASE_TIME G_GINT64_CONSTANT (1767225600)
#define THREAD_ID 1
#define EMPTY_ID 2
#define LARGE_ID 3
#define HOSTILE_ID 4
#define HOSTILE_NAME "Kai " CHORUS_TEST_RLO "redlaw" CHORUS_TEST_ZWSP
#define CHAIN_LENGTH 8
#define N_LARGE 2000

SoupServer *thread_view_fixture_start_server (char       **url);
void        thread_view_fixture_stop_server  (SoupServer  *server);
void        thread_view_fixture_seed         (const char  *path,
                                              const char  *server_url);
char       *thread_view_fixture_uri_of       (const char  *name);

G_END_DECLS
