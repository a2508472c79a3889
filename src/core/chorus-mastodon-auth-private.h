/* chorus-mastodon-auth-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the local steps of signing in (chorus-mastodon-auth.c) and the
 * requests to the server (chorus-mastodon-auth-requests.c). */

char *_chorus_mastodon_dup_endpoint (const char *server_url,
                                     const char *path);

G_END_DECLS
