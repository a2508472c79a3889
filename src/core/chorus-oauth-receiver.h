/* chorus-oauth-receiver.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_OAUTH_RECEIVER (chorus_oauth_receiver_get_type ())

G_DECLARE_FINAL_TYPE (ChorusOAuthReceiver, chorus_oauth_receiver, CHORUS, OAUTH_RECEIVER, GObject)

ChorusOAuthReceiver *chorus_oauth_receiver_new              (const char           *server_name,
                                                             const char           *state);
gboolean             chorus_oauth_receiver_listen           (ChorusOAuthReceiver  *self,
                                                             guint                 port,
                                                             GError              **error);
guint                chorus_oauth_receiver_get_port         (ChorusOAuthReceiver  *self);
const char          *chorus_oauth_receiver_get_redirect_uri (ChorusOAuthReceiver  *self);
void                 chorus_oauth_receiver_wait_async       (ChorusOAuthReceiver  *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
char                *chorus_oauth_receiver_wait_finish      (ChorusOAuthReceiver  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
