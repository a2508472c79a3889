/* chorus-store-rules-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-incoming.h"
#include "chorus-rule.h"
#include "chorus-store-private.h"

G_BEGIN_DECLS

GPtrArray      *_chorus_rules_load      (sqlite3             *db,
                                         gboolean             enabled_only,
                                         GError             **error);
/* Applying the rules during one ingest batch: to the conversation each
 * new customer post (@post, by @author_id, 0 when unknown) went into,
 * inside the batch's transaction, writing one audit entry per rule that
 * changed something. Free it before the transaction ends. */
typedef struct _ChorusRulesRun ChorusRulesRun;

ChorusRulesRun *_chorus_rules_run_new   (sqlite3             *db,
                                         GError             **error);
gboolean        _chorus_rules_run_apply (ChorusRulesRun      *run,
                                         gint64               conversation_id,
                                         gint64               author_id,
                                         ChorusIncomingPost  *post,
                                         GError             **error);
void            _chorus_rules_run_free  (ChorusRulesRun      *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusRulesRun, _chorus_rules_run_free)

G_END_DECLS
