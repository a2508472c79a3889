/* chorus-outbox-item.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CHORUS_OUTBOX_KIND_REPLY,
  CHORUS_OUTBOX_KIND_LIKE,
  CHORUS_OUTBOX_KIND_REPOST,
  CHORUS_OUTBOX_KIND_POLL,      /* a pre-test's poll (chorus-pretest-mastodon.c) */
  CHORUS_OUTBOX_KIND_POST,      /* a pre-test's variant post (chorus-pretest-variants.c) */
  CHORUS_OUTBOX_KIND_OTHER,     /* announcements, which challenges send */
} ChorusOutboxKind;

typedef enum
{
  CHORUS_OUTBOX_STATE_QUEUED,
  CHORUS_OUTBOX_STATE_SENDING,
  CHORUS_OUTBOX_STATE_SENT,
  CHORUS_OUTBOX_STATE_FAILED,
  CHORUS_OUTBOX_STATE_CANCELLED,
} ChorusOutboxState;

#define CHORUS_TYPE_OUTBOX_ITEM (chorus_outbox_item_get_type ())

G_DECLARE_FINAL_TYPE (ChorusOutboxItem, chorus_outbox_item, CHORUS, OUTBOX_ITEM, GObject)

ChorusOutboxKind   chorus_outbox_kind_from_string         (const char       *kind);
const char        *chorus_outbox_kind_to_string           (ChorusOutboxKind  kind);
ChorusOutboxState  chorus_outbox_state_from_string        (const char       *state);
const char        *chorus_outbox_state_to_string          (ChorusOutboxState state);

gint64             chorus_outbox_item_get_id              (ChorusOutboxItem *self);
gint64             chorus_outbox_item_get_source_id       (ChorusOutboxItem *self);
const char        *chorus_outbox_item_get_network         (ChorusOutboxItem *self);
ChorusOutboxKind   chorus_outbox_item_get_kind            (ChorusOutboxItem *self);
gint64             chorus_outbox_item_get_target_post_id  (ChorusOutboxItem *self);
const char        *chorus_outbox_item_get_target_uri      (ChorusOutboxItem *self);
gint64             chorus_outbox_item_get_conversation_id (ChorusOutboxItem *self);
const char        *chorus_outbox_item_get_body            (ChorusOutboxItem *self);
ChorusOutboxState  chorus_outbox_item_get_state           (ChorusOutboxItem *self);
guint              chorus_outbox_item_get_attempts        (ChorusOutboxItem *self);
const char        *chorus_outbox_item_get_last_error      (ChorusOutboxItem *self);
const char        *chorus_outbox_item_get_remote_uri      (ChorusOutboxItem *self);
gint64             chorus_outbox_item_get_created_at      (ChorusOutboxItem *self);
gint64             chorus_outbox_item_get_sent_at         (ChorusOutboxItem *self);
gboolean           chorus_outbox_item_can_retry           (ChorusOutboxItem *self);
gboolean           chorus_outbox_item_can_edit            (ChorusOutboxItem *self);
gboolean           chorus_outbox_item_can_cancel          (ChorusOutboxItem *self);

G_END_DECLS
