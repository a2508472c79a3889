/* chorus-store-rules.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-rule.h"
#include "chorus-store.h"

G_BEGIN_DECLS

GPtrArray *chorus_store_list_rules                (ChorusStore   *self,
                                                   GError       **error);
gint64     chorus_store_add_rule                  (ChorusStore   *self,
                                                   ChorusRule    *rule,
                                                   GError       **error);
gboolean   chorus_store_update_rule               (ChorusStore   *self,
                                                   ChorusRule    *rule,
                                                   GError       **error);
gboolean   chorus_store_delete_rule               (ChorusStore   *self,
                                                   gint64         id,
                                                   GError       **error);
gboolean   chorus_store_reorder_rules             (ChorusStore   *self,
                                                   const gint64  *ids,
                                                   gsize          n_ids,
                                                   GError       **error);
void       chorus_store_count_rule_matches_async  (ChorusStore          *self,
                                                   ChorusRule           *rule,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean   chorus_store_count_rule_matches_finish (ChorusStore          *self,
                                                   GAsyncResult         *result,
                                                   guint                *count,
                                                   GError              **error);

G_END_DECLS
