/* chorus-reply-composer.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-http.h"
#include "chorus-store.h"
#include "chorus-thread-view.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_REPLY_COMPOSER (chorus_reply_composer_get_type ())

/* Signals: "changed" (gint64 audit_id, always 0, const char *message)
 * after a reply was sent or queued, and "failed" (GError *error); see
 * chorus_triage_class_add_signals(). Actions: "composer.send" (Ctrl+Enter
 * in the reply being written), and "composer.cancel-edit" (Escape) while
 * a queued or failed reply is being changed. Likes and reposts asked for
 * in the thread view are queued here too. */

G_DECLARE_FINAL_TYPE (ChorusReplyComposer, chorus_reply_composer, CHORUS, REPLY_COMPOSER, GtkWidget)

GtkWidget  *chorus_reply_composer_new               (ChorusThreadView    *thread_view);
void        chorus_reply_composer_set_store         (ChorusReplyComposer *self,
                                                     ChorusStore         *store,
                                                     ChorusHttp          *http);
void        chorus_reply_composer_show              (ChorusReplyComposer *self,
                                                     ChorusStore         *store,
                                                     gint64               conversation_id);
gint64      chorus_reply_composer_get_target_post_id (ChorusReplyComposer *self);
gboolean    chorus_reply_composer_get_busy          (ChorusReplyComposer *self);
GListModel *chorus_reply_composer_get_items         (ChorusReplyComposer *self);

G_END_DECLS
