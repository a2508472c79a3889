/* challenge-mastodon-rig.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "challenge-test-util.h"
#include "chorus-test-util.h"
#include "fake-mastodon-challenge.h"

G_BEGIN_DECLS

/* A g_test_add() fixture for design challenges fed by a fake Mastodon
 * server (fake-mastodon-challenge.c) through the sync engine: challenge 1
 * (challenge_test_add_challenge ()) and a Mastodon source without an
 * account that follows #OtherTag by hand, not the challenge's tag. */
typedef struct
{
  ChorusTestSyncRig  rig;
  FakeChallenge     *fake;
  gint64             source_id;
  gint64             now;
} ChallengeRig;

void               challenge_rig_set_up         (ChallengeRig   *f,
                                                 gconstpointer   data);
void               challenge_rig_tear_down      (ChallengeRig   *f,
                                                 gconstpointer   data);
sqlite3           *challenge_rig_db             (ChallengeRig   *f);
gint64             challenge_rig_count          (ChallengeRig   *f,
                                                 const char     *sql);
gint64             challenge_rig_entry_of       (ChallengeRig   *f,
                                                 const char     *status_id);
char              *challenge_rig_source_error   (ChallengeRig   *f);
ChorusSyncSummary  challenge_rig_sync           (ChallengeRig   *f);
char              *challenge_rig_add_entry_post (ChallengeRig   *f,
                                                 const char     *username,
                                                 gint64          days_ago,
                                                 const char     *text,
                                                 const char     *image_name,
                                                 GBytes         *image);

G_END_DECLS
