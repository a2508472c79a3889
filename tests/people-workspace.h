/* people-workspace.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A small workspace of people and conversations whose first-reply times
 * are known by hand, for test-people.c and test-person-panel.c. */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

/* People */
#define ANA   1    /* two identities (Mastodon, Bluesky), VIP, two CRM fields */
#define BO    2    /* one Mastodon identity */
#define BRAND 3    /* the brand's own account */

/* Ana's conversations, newest first, and the brand's first reply in each
 * (seconds from Ana's first post to the next own post, or -1). */
#define C4 4       /* started 12000: Ana 12000, brand 12600          -> 600 */
#define C3 3       /* started 9000, "Billing question", Done: Ana 9000, no reply -> -1 */
#define C2 2       /* started 5000 on Bluesky: Bo 5000, brand 5500 (before Ana), Ana 6000, brand 6090, brand 8000 -> 90 */
#define C1 1       /* started 1000: Ana 1000, Ana 1500, brand 8200     -> 7200 */
/* C5, started 20000: Bo and the brand only; not in Ana's history. */

void chorus_test_seed_people_workspace (ChorusStore *store);

G_END_DECLS
