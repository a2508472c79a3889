/* chorus-mastodon-sign-in.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-http.h"
#include "chorus-mastodon-auth.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_MASTODON_SIGN_IN (chorus_mastodon_sign_in_get_type ())

G_DECLARE_FINAL_TYPE (ChorusMastodonSignIn, chorus_mastodon_sign_in, CHORUS, MASTODON_SIGN_IN, GObject)

/* What a finished sign-in gives: who, and the token to keep. */
typedef struct
{
  ChorusMastodonAccount *account;
  ChorusMastodonToken   *token;
} ChorusMastodonSignInResult;

void                        chorus_mastodon_sign_in_result_free              (ChorusMastodonSignInResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMastodonSignInResult, chorus_mastodon_sign_in_result_free)

ChorusMastodonSignIn       *chorus_mastodon_sign_in_new                      (ChorusHttp                  *http,
                                                                              const char                  *server_url);
const char                 *chorus_mastodon_sign_in_get_server_url           (ChorusMastodonSignIn        *self);
const char                 *chorus_mastodon_sign_in_get_authorize_url        (ChorusMastodonSignIn        *self);
const char                 *chorus_mastodon_sign_in_get_manual_authorize_url (ChorusMastodonSignIn        *self);
gboolean                    chorus_mastodon_sign_in_submit_code              (ChorusMastodonSignIn        *self,
                                                                              const char                  *text,
                                                                              GError                     **error);
void                        chorus_mastodon_sign_in_run_async                (ChorusMastodonSignIn        *self,
                                                                              GCancellable                *cancellable,
                                                                              GAsyncReadyCallback          callback,
                                                                              gpointer                     user_data);
ChorusMastodonSignInResult *chorus_mastodon_sign_in_run_finish               (ChorusMastodonSignIn        *self,
                                                                              GAsyncResult                *result,
                                                                              GError                     **error);

G_END_DECLS
