/* chorus-rule-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-rule.h"

G_BEGIN_DECLS

/* A post's text folded as rules compare it, once for all of them. */
char     *_chorus_rule_fold_text      (const char          *text);
gboolean  _chorus_rule_matches_folded (ChorusRule          *self,
                                       const char          *words,
                                       const char          *network,
                                       const char          *language,
                                       ChorusInboxSegments  segments);

G_END_DECLS
