/* chorus-store-merges-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-store-merges.h"
#include "chorus-store-private.h"

G_BEGIN_DECLS

/* What merging people shares with ingest (which says when a profile
 * changed, so that suggestions read the links again) and with undo. */

void     _chorus_merge_keys_invalidate (void);
gboolean _chorus_merge_undo            (sqlite3     *db,
                                        gint64       merge_id,
                                        GError     **error);
gboolean _chorus_person_read_opt_outs  (sqlite3     *db,
                                        gint64       person_id,
                                        ChorusOptOuts *opt_outs,
                                        GError     **error);
gboolean _chorus_undo_person_change    (sqlite3     *db,
                                        const char  *action,
                                        gint64       person_id,
                                        JsonObject  *detail,
                                        GError     **error);
gboolean _chorus_is_person_action      (const char  *action);
/* Undoes audit entry @audit_id and writes the undo's own entry (see
 * chorus-store-undo.c); returns that entry's id, or 0. */
gint64   _chorus_undo_entry            (sqlite3     *db,
                                        gint64       audit_id,
                                        GArray      *changed,
                                        GArray      *skipped,
                                        GError     **error);

G_END_DECLS
