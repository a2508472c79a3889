/* chorus-bluesky-session.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-bluesky-parse.h"
#include "chorus-http.h"
#include "chorus-source.h"

G_BEGIN_DECLS

/* A Bluesky account signed in for one sync: where it reads (its PDS) and
 * the session it reads with. (ChorusBlueskySession is a server's answer.) */
typedef struct _ChorusBlueskyLogin ChorusBlueskyLogin;

ChorusBlueskyLogin *chorus_bluesky_login_new              (ChorusHttp           *http,
                                                           ChorusSource         *source);
void                chorus_bluesky_login_free             (ChorusBlueskyLogin   *self);
const char         *chorus_bluesky_login_get_pds          (ChorusBlueskyLogin   *self);
const char         *chorus_bluesky_login_get_access_token (ChorusBlueskyLogin   *self);
const char         *chorus_bluesky_login_get_did          (ChorusBlueskyLogin   *self);

void                chorus_bluesky_login_open_async       (ChorusBlueskyLogin   *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean            chorus_bluesky_login_open_finish      (ChorusBlueskyLogin   *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                chorus_bluesky_login_check_async      (ChorusBlueskyLogin   *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean            chorus_bluesky_login_check_finish     (ChorusBlueskyLogin   *self,
                                                           GAsyncResult         *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusBlueskyLogin, chorus_bluesky_login_free)

G_END_DECLS
