/* challenge-workspace.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A small workspace of two design challenges whose ranking is worked out
 * by hand (challenge-workspace.c), for test-store-ranking.c,
 * test-store-jury.c and test-chorusctl-challenge.c. */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "chorus-store.h"
#include "chorus-test-util.h"

G_BEGIN_DECLS

/* 2020-01-01T00:00:00Z: the Summit Tee challenge opens for entries. */
#define CHALLENGE_T0  G_GINT64_CONSTANT (1577836800)
#define CHALLENGE_DAY (24 * 60 * 60)

/* Challenges */
#define SUMMIT_TEE 1   /* score5, community weight 0.5, two jurors; closed */
#define MUG_ART    2   /* support, community weight 1; in 2099 */

/* People (and their identities, person × 10 + 1) */
#define ANA     1      /* identity 11 on Mastodon */
#define ANA_ALT 2      /* identity 21 on Bluesky: Ana too, not merged yet */
#define BEN     3      /* identity 31 */
#define CY      4      /* identity 41, created after the challenge */
#define DEE     5      /* identity 51, author of entry 1 */
#define EVE     6      /* identity 61, author of entry 2 */

/* Votes that matter */
#define VOTE_ANA_LIKE     1
#define VOTE_ANA_REPOST   2
#define VOTE_CY_EXCLUDED  5

void chorus_test_seed_challenge_workspace (sqlite3 *db);

/* A g_test_add() fixture: the workspace above, open. */
typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  sqlite3             *db;
} ChallengeFixture;

void challenge_fixture_set_up    (ChallengeFixture *f,
                                  gconstpointer     data);
void challenge_fixture_tear_down (ChallengeFixture *f,
                                  gconstpointer     data);

G_END_DECLS
