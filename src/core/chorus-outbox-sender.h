/* chorus-outbox-sender.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_OUTBOX_SENDER (chorus_outbox_sender_get_type ())

G_DECLARE_FINAL_TYPE (ChorusOutboxSender, chorus_outbox_sender, CHORUS, OUTBOX_SENDER, GObject)

typedef struct
{
  guint sent;
  guint failed;       /* refused by the network: a person must act (edit, sign in, retry) */
  guint waiting;      /* still queued: no answer, or "not now"; the next flush tries again */
  guint sent_pretest;   /* of @sent, a pre-test's polls and variant posts */
  guint failed_pretest; /* of @failed, the same */
  gint64 next_due;      /* when the next item that waits for its time may go (Unix seconds), or 0 */
} ChorusOutboxSummary;

ChorusOutboxSender *chorus_outbox_sender_new          (ChorusStore          *store,
                                                       ChorusHttp           *http);
ChorusOutboxSender *chorus_outbox_sender_dup_for_store (ChorusStore        *store,
                                                        ChorusHttp         *http);
gboolean            chorus_outbox_sender_get_sending  (ChorusOutboxSender   *self);
void                chorus_outbox_sender_flush_async  (ChorusOutboxSender   *self,
                                                       gint64                source_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            chorus_outbox_sender_flush_finish (ChorusOutboxSender   *self,
                                                       GAsyncResult         *result,
                                                       ChorusOutboxSummary  *summary,
                                                       GError              **error);

G_END_DECLS
