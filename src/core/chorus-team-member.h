/* chorus-team-member.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_TEAM_MEMBER (chorus_team_member_get_type ())

G_DECLARE_FINAL_TYPE (ChorusTeamMember, chorus_team_member, CHORUS, TEAM_MEMBER, GObject)

gint64      chorus_team_member_get_id    (ChorusTeamMember *self);
const char *chorus_team_member_get_name  (ChorusTeamMember *self);
const char *chorus_team_member_get_email (ChorusTeamMember *self);
const char *chorus_team_member_get_role  (ChorusTeamMember *self);
gboolean    chorus_team_member_get_is_me (ChorusTeamMember *self);

G_END_DECLS
