/* chorus-audit-entry.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_AUDIT_ENTRY (chorus_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAuditEntry, chorus_audit_entry, CHORUS, AUDIT_ENTRY, GObject)

gint64      chorus_audit_entry_get_id          (ChorusAuditEntry *self);
gint64      chorus_audit_entry_get_at          (ChorusAuditEntry *self);
gint64      chorus_audit_entry_get_actor_id    (ChorusAuditEntry *self);
const char *chorus_audit_entry_get_action      (ChorusAuditEntry *self);
const char *chorus_audit_entry_get_description (ChorusAuditEntry *self);

G_END_DECLS
