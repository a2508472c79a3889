/* chorus-team-page.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_TEAM_PAGE (chorus_team_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusTeamPage, chorus_team_page, CHORUS, TEAM_PAGE, AdwPreferencesPage)

ChorusTeamPage   *chorus_team_page_new        (ChorusStore     *store);
gboolean          chorus_team_page_is_ready   (ChorusTeamPage  *self);
AdwMessageDialog *chorus_team_page_add_member (ChorusTeamPage  *self);
AdwComboRow      *chorus_team_page_get_me_row (ChorusTeamPage  *self);
guint             chorus_team_page_get_n_rows (ChorusTeamPage  *self);
AdwActionRow     *chorus_team_page_get_row    (ChorusTeamPage  *self,
                                               guint            index);

G_END_DECLS
