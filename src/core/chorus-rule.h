/* chorus-rule.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-inbox-filter.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_RULE (chorus_rule_get_type ())

G_DECLARE_FINAL_TYPE (ChorusRule, chorus_rule, CHORUS, RULE, GObject)

/* No priority to set (CHORUS_PRIORITY_NONE, 0, is a priority a rule may set). */
#define CHORUS_RULE_NO_PRIORITY (-1)

ChorusRule              *chorus_rule_new                  (void);
ChorusRule              *chorus_rule_copy                 (ChorusRule               *self);

gint64                   chorus_rule_get_id               (ChorusRule               *self);
void                     chorus_rule_set_id               (ChorusRule               *self,
                                                           gint64                    id);
const char              *chorus_rule_get_name             (ChorusRule               *self);
void                     chorus_rule_set_name             (ChorusRule               *self,
                                                           const char               *name);
gboolean                 chorus_rule_get_enabled          (ChorusRule               *self);
void                     chorus_rule_set_enabled          (ChorusRule               *self,
                                                           gboolean                  enabled);
int                      chorus_rule_get_position         (ChorusRule               *self);
void                     chorus_rule_set_position         (ChorusRule               *self,
                                                           int                       position);

const ChorusInboxFilter *chorus_rule_get_conditions       (ChorusRule               *self);
void                     chorus_rule_set_conditions       (ChorusRule               *self,
                                                           const ChorusInboxFilter  *conditions);
gboolean                 chorus_rule_has_conditions       (ChorusRule               *self);

const char              *chorus_rule_get_tag_name         (ChorusRule               *self);
void                     chorus_rule_set_tag_name         (ChorusRule               *self,
                                                           const char               *tag_name);
gint64                   chorus_rule_get_assignee_id      (ChorusRule               *self);
void                     chorus_rule_set_assignee_id      (ChorusRule               *self,
                                                           gint64                    member_id);
gint64                   chorus_rule_get_status_id        (ChorusRule               *self);
void                     chorus_rule_set_status_id        (ChorusRule               *self,
                                                           gint64                    status_id);
int                      chorus_rule_get_priority         (ChorusRule               *self);
void                     chorus_rule_set_priority         (ChorusRule               *self,
                                                           int                       priority);
gboolean                 chorus_rule_has_actions          (ChorusRule               *self);

gboolean                 chorus_rule_matches              (ChorusRule               *self,
                                                           const char               *text,
                                                           const char               *network,
                                                           const char               *language,
                                                           ChorusInboxSegments       segments);

char                    *chorus_rule_serialize_actions    (ChorusRule               *self);
gboolean                 chorus_rule_deserialize_actions  (ChorusRule               *self,
                                                           const char               *data,
                                                           GError                  **error);

G_END_DECLS
