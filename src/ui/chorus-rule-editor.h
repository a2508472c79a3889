/* chorus-rule-editor.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-rule.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_RULE_EDITOR (chorus_rule_editor_get_type ())

G_DECLARE_FINAL_TYPE (ChorusRuleEditor, chorus_rule_editor, CHORUS, RULE_EDITOR, AdwWindow)

ChorusRuleEditor *chorus_rule_editor_new          (ChorusStore *store,
                                                   ChorusRule  *rule,
                                                   GPtrArray   *members,
                                                   GPtrArray   *statuses);
const char       *chorus_rule_editor_get_dry_run  (ChorusRuleEditor *self);

char             *chorus_rule_summarize           (ChorusRule  *rule,
                                                   GPtrArray   *members,
                                                   GPtrArray   *statuses);

G_END_DECLS
