/* chorus-secrets.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What kinds of secret a source may keep, the "kind" attribute. */
#define CHORUS_SECRET_KIND_TOKEN         "token"
#define CHORUS_SECRET_KIND_APP_PASSWORD  "app-password"
#define CHORUS_SECRET_KIND_API_KEY       "api-key"
#define CHORUS_SECRET_KIND_REFRESH_TOKEN "refresh-token"
#define CHORUS_SECRET_KIND_CLIENT_SECRET "client-secret"

/* How long a keyring call may take before it counts as unavailable. */
#define CHORUS_SECRETS_DEFAULT_TIMEOUT_SECONDS 10

gboolean chorus_secrets_is_valid_kind (const char           *kind);
void     chorus_secrets_set_timeout   (guint                 seconds);

void     chorus_secrets_store_async   (const char           *network,
                                       const char           *server_url,
                                       const char           *account,
                                       const char           *kind,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean chorus_secrets_store_finish  (GAsyncResult         *result,
                                       GError              **error);

void     chorus_secrets_lookup_async  (const char           *network,
                                       const char           *server_url,
                                       const char           *account,
                                       const char           *kind,
                                       const char           *env_name,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char    *chorus_secrets_lookup_finish (GAsyncResult         *result,
                                       GError              **error);

void     chorus_secrets_clear_async   (const char           *network,
                                       const char           *server_url,
                                       const char           *account,
                                       const char           *kind,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean chorus_secrets_clear_finish  (GAsyncResult         *result,
                                       GError              **error);

void     chorus_secrets_free          (char                 *secret);

G_END_DECLS
