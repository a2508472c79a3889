/* chorus-waiting-entry.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_WAITING_ENTRY (chorus_waiting_entry_get_type ())

G_DECLARE_FINAL_TYPE (ChorusWaitingEntry, chorus_waiting_entry, CHORUS, WAITING_ENTRY, GObject)

gint64      chorus_waiting_entry_get_challenge_id  (ChorusWaitingEntry *self);
gint64      chorus_waiting_entry_get_post_id       (ChorusWaitingEntry *self);
const char *chorus_waiting_entry_get_post_url      (ChorusWaitingEntry *self);
const char *chorus_waiting_entry_get_author_handle (ChorusWaitingEntry *self);
const char *chorus_waiting_entry_get_notice        (ChorusWaitingEntry *self);
gboolean    chorus_waiting_entry_get_refused       (ChorusWaitingEntry *self);
gint64      chorus_waiting_entry_get_tried_at      (ChorusWaitingEntry *self);

G_END_DECLS
