/* chorus-account-check.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"

G_BEGIN_DECLS

/* What a person types about an account, made into what the store keeps. */
char     *chorus_account_normalize_url         (const char           *text,
                                                gboolean              is_server);
char     *chorus_account_normalize_name        (const char           *text);
char     *chorus_account_normalize_words       (const char           *text);
char     *chorus_account_normalize_phrases     (const char           *text);
char     *chorus_account_format_watch_list     (const char           *list,
                                                gboolean              phrases,
                                                const char           *prefix);
char     *chorus_account_dup_default_name      (const char           *network,
                                                const char           *server_url,
                                                const char           *account,
                                                const char           *feed_title);
const char *chorus_account_get_secret_kind     (const char           *network);

/* Trying an account before it is kept; each finishes with
 * chorus_account_check_finish(). */
void      chorus_account_check_feed_async      (ChorusHttp           *http,
                                                const char           *feed_url,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void      chorus_account_check_bluesky_async   (ChorusHttp           *http,
                                                const char           *server_url,
                                                const char           *handle,
                                                const char           *app_password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void      chorus_account_check_discourse_async (ChorusHttp           *http,
                                                const char           *forum_url,
                                                const char           *username,
                                                const char           *api_key,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char     *chorus_account_check_finish          (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
