/* chorus-mastodon-auth.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-mastodon-parse.h"

G_BEGIN_DECLS

/* What Chorus asks a Mastodon server for, and why:
 *   read:statuses       timelines, hashtag timelines and threads to listen to
 *   read:notifications  mentions of the account, the replies to answer
 *   read:search         finding posts and accounts by keyword
 *   read:accounts       verify_credentials (who signed in) and authors' profiles
 *   write:statuses      replying from Chorus
 *   write:favourites    favouriting a post from Chorus
 * Nothing else: no follows, no blocks, no direct messages, no media. */
#define CHORUS_MASTODON_SCOPES \
  "read:statuses read:notifications read:search read:accounts write:statuses write:favourites"

/* The redirect URI of the paste-the-code fallback: the server shows the
 * code instead of sending the browser anywhere. */
#define CHORUS_MASTODON_OOB_REDIRECT_URI "urn:ietf:wg:oauth:2.0:oob"

#define CHORUS_MASTODON_PKCE_VERIFIER_LENGTH 64
#define CHORUS_MASTODON_STATE_LENGTH         32
#define CHORUS_MASTODON_MAX_CODE_LENGTH      512

/* GET /api/v1/accounts/verify_credentials: who signed in. */
typedef struct
{
  char *id;
  char *username;
  char *acct;
  char *display_name;             /* the username when the account has none */
} ChorusMastodonAccount;

void                   chorus_mastodon_account_free              (ChorusMastodonAccount  *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMastodonAccount, chorus_mastodon_account_free)

char                  *chorus_mastodon_pkce_new_verifier         (void);
char                  *chorus_mastodon_pkce_challenge            (const char             *verifier);
char                  *chorus_mastodon_oauth_new_state           (void);
char                  *chorus_mastodon_build_authorize_url       (const char             *server_url,
                                                                  const char             *client_id,
                                                                  const char             *redirect_uri,
                                                                  const char             *scopes,
                                                                  const char             *state,
                                                                  const char             *code_challenge);
char                  *chorus_mastodon_check_pasted_code         (const char             *text,
                                                                  GError                **error);

void                   chorus_mastodon_register_app_async        (ChorusHttp             *http,
                                                                  const char             *server_url,
                                                                  const char             *loopback_redirect_uri,
                                                                  const char             *scopes,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
ChorusMastodonApp     *chorus_mastodon_register_app_finish       (ChorusHttp             *http,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);
void                   chorus_mastodon_check_app_async           (ChorusHttp             *http,
                                                                  const char             *server_url,
                                                                  const ChorusMastodonApp *app,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
gboolean               chorus_mastodon_check_app_finish          (ChorusHttp             *http,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);
void                   chorus_mastodon_exchange_code_async       (ChorusHttp             *http,
                                                                  const char             *server_url,
                                                                  const ChorusMastodonApp *app,
                                                                  const char             *code,
                                                                  const char             *code_verifier,
                                                                  const char             *redirect_uri,
                                                                  const char             *scopes,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
ChorusMastodonToken   *chorus_mastodon_exchange_code_finish      (ChorusHttp             *http,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);
void                   chorus_mastodon_verify_credentials_async  (ChorusHttp             *http,
                                                                  const char             *server_url,
                                                                  const char             *access_token,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
ChorusMastodonAccount *chorus_mastodon_verify_credentials_finish (ChorusHttp             *http,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);

G_END_DECLS
