/* merges-workspace.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People who might be the same, on top of people-workspace.c, for
 * test-merges.c and test-person-panel-merges.c. */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

#define GARCIA      10  /* "Ana García" on Mastodon: links to her site and to GARCIA_SKY's profile */
#define GARCIA_SKY  11  /* "Ana" on Bluesky, linked from GARCIA */
#define GARCIA_FORUM 12 /* "ÁNA  garcia" on a forum: links to the same site */
#define GARCIA_ELSE 13  /* "Ana Garcia": another site */
#define GARCIA_BOT  14  /* same name and site, a bot */
#define GARCIA_NOINDEX 15 /* same name and site, noindex */
#define GARCIA_HIDDEN 16 /* same name and site, not discoverable */

/* Conversations 6 (GARCIA, newest of all) and 7 (GARCIA_SKY). */

void chorus_test_seed_merges_workspace (ChorusStore *store);

G_END_DECLS
