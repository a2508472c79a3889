/* chorus-accounts-page.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-window.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ACCOUNTS_PAGE (chorus_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAccountsPage, chorus_accounts_page, CHORUS, ACCOUNTS_PAGE, AdwPreferencesPage)

ChorusAccountsPage *chorus_accounts_page_new (ChorusWindow *window);

G_END_DECLS
