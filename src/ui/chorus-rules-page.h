/* chorus-rules-page.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-rule-editor.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_RULES_PAGE (chorus_rules_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusRulesPage, chorus_rules_page, CHORUS, RULES_PAGE, AdwPreferencesPage)

ChorusRulesPage  *chorus_rules_page_new         (ChorusStore      *store);
gboolean          chorus_rules_page_is_ready    (ChorusRulesPage  *self);
ChorusRuleEditor *chorus_rules_page_add_rule    (ChorusRulesPage  *self);
guint             chorus_rules_page_get_n_rows  (ChorusRulesPage  *self);
AdwActionRow     *chorus_rules_page_get_row     (ChorusRulesPage  *self,
                                                 guint             index);

G_END_DECLS
