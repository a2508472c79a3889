/* challenge-workspace.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "challenge-workspace.h"
#include "chorus-store-private.h"

/* Summit Tee (score5, weight 0.5; criteria Originality 0.6, Brand fit 0.4):
 *
 *   entry 1 "Pine Ridge" by Dee: Ana likes it (11), Ana's other account
 *     reposts it (21), Ben scores 4, Dee scores 5 (a self-vote), Cy scored
 *     1 from an account newer than the challenge, excluded. Jurors Kim
 *     8, 6 (7.2) and Lee 7, 7 (7): jury 0.71.
 *   entry 2 "Night Trail, "Redux"" by Eve: Ana scores 3, Ben 2, a kiosk
 *     voter 5. Kim 6, 9 (7.2), Lee 5 on Originality only (5): jury 0.61.
 *   entry 3 "Copy", rejected: Ana's like on it counts for nothing.
 *   entry 4 "=Formula", added by hand without an author, pending: no
 *     votes, no jury.
 *
 * Counted scores 4, 5 | 3, 2, 5: prior mean 19/5 = 3.8, weight 5/3.
 * Bayesian averages (19/3 + 9)/(11/3) = 46/11 and (19/3 + 10)/(14/3) =
 * 3.5, and 3.8 for entry 4. Combined 0.5 · 46/55 + 0.5 · 0.71 =
 * 0.7731818… and 0.5 · 0.7 + 0.5 · 0.61 = 0.655; entry 4 has no jury
 * score, so none. Voters: Ana, Ana's other account, Ben, Dee and the
 * kiosk voter (5) until Ana's accounts are merged (then 4).
 *
 * Mug Art (support, weight 1, in 2099): entry 5, liked by Ana. */

void
chorus_test_seed_challenge_workspace (sqlite3 *db)
{
  chorus_test_db_exec (db,
                       "INSERT INTO team_members (id, name, is_me, created_at) VALUES"
                       " (1, 'Jo', 1, 0), (2, 'Kim', 0, 0), (3, 'Lee', 0, 0);"
                       "INSERT INTO people (id, display_name, created_at) VALUES"
                       " (1, 'Ana', 0), (2, 'Ana L.', 0), (3, 'Ben', 0), (4, 'Cy', 0), (5, 'Dee', 0), (6, 'Eve', 0);"
                       "INSERT INTO identities (id, person_id, network, server, handle, account_created_at) VALUES"
                       " (11, 1, 'mastodon', 'social.example', 'ana', %" G_GINT64_FORMAT "),"
                       " (21, 2, 'bluesky', '', 'ana.bsky.social', NULL),"
                       " (31, 3, 'mastodon', 'social.example', 'ben', NULL),"
                       " (41, 4, 'mastodon', 'social.example', 'cy', %" G_GINT64_FORMAT "),"
                       " (51, 5, 'mastodon', 'social.example', 'dee', NULL),"
                       " (61, 6, 'bluesky', '', 'eve.bsky.social', NULL);",
                       CHALLENGE_T0 - 400 * CHALLENGE_DAY, CHALLENGE_T0 + 5 * CHALLENGE_DAY);
  chorus_test_db_exec (db,
                       "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                       "  voting_open_at, voting_close_at, scale, community_weight, created_at) VALUES"
                       " (1, 'Summit Tee', 'SummitTee', %1$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT " + 10 * %2$d,"
                       "  %1$" G_GINT64_FORMAT " + 11 * %2$d, %1$" G_GINT64_FORMAT " + 20 * %2$d, 'score5', 0.5,"
                       "  %1$" G_GINT64_FORMAT " - %2$d),"
                       " (2, 'Mug Art', 'MugArt', 4070908800, 4071772800, 4071859200, 4072723200, 'support', 1.0,"
                       "  4070822400);"
                       "INSERT INTO jury_members (challenge_id, member_id) VALUES (1, 2), (1, 3);"
                       "INSERT INTO jury_criteria (id, challenge_id, name, weight, position) VALUES"
                       " (1, 1, 'Originality', 0.6, 0), (2, 1, 'Brand fit', 0.4, 1);",
                       CHALLENGE_T0, CHALLENGE_DAY);
  chorus_test_db_exec (db,
                       "INSERT INTO submissions (id, challenge_id, title, author_id, image_sha256, image_type,"
                       "  moderation, moderation_reason, submitted_at) VALUES"
                       " (1, 1, 'Pine Ridge', 51, printf ('%%064d', 1), 'image/png', 'accepted', NULL,"
                       "  %1$" G_GINT64_FORMAT " + %2$d),"
                       " (2, 1, 'Night Trail, \"Redux\"', 61, printf ('%%064d', 2), 'image/jpeg', 'accepted', NULL,"
                       "  %1$" G_GINT64_FORMAT " + 2 * %2$d),"
                       " (3, 1, 'Copy', 31, printf ('%%064d', 3), 'image/png', 'rejected', 'A copy of entry 1.',"
                       "  %1$" G_GINT64_FORMAT " + 3 * %2$d),"
                       " (4, 1, '=Formula', NULL, printf ('%%064d', 4), 'image/png', 'pending', NULL,"
                       "  %1$" G_GINT64_FORMAT " + 4 * %2$d),"
                       " (5, 2, 'Mug', 11, printf ('%%064d', 5), 'image/png', 'accepted', NULL, 4071000000);",
                       CHALLENGE_T0, CHALLENGE_DAY);
  chorus_test_db_exec (db,
                       "INSERT INTO votes (id, submission_id, voter_id, kiosk_token, kind, score, cast_at,"
                       "  excluded, exclusion_reason) VALUES"
                       " (1, 1, 11, NULL, 'like', NULL, %1$" G_GINT64_FORMAT " + 12 * %2$d, 0, NULL),"
                       " (2, 1, 21, NULL, 'repost', NULL, %1$" G_GINT64_FORMAT " + 12 * %2$d + 60, 0, NULL),"
                       " (3, 1, 31, NULL, 'reply_score', 4, %1$" G_GINT64_FORMAT " + 13 * %2$d, 0, NULL),"
                       " (4, 1, 51, NULL, 'reply_score', 5, %1$" G_GINT64_FORMAT " + 13 * %2$d, 0, NULL),"
                       " (5, 1, 41, NULL, 'reply_score', 1, %1$" G_GINT64_FORMAT " + 14 * %2$d, 1, 'New account'),"
                       " (6, 2, 11, NULL, 'reply_score', 3, %1$" G_GINT64_FORMAT " + 12 * %2$d, 0, NULL),"
                       " (7, 2, 31, NULL, 'reply_score', 2, %1$" G_GINT64_FORMAT " + 13 * %2$d, 0, NULL),"
                       " (8, 2, NULL, 'k-1', 'kiosk', 5, %1$" G_GINT64_FORMAT " + 15 * %2$d, 0, NULL),"
                       " (9, 3, 11, NULL, 'like', NULL, %1$" G_GINT64_FORMAT " + 12 * %2$d, 0, NULL),"
                       " (10, 5, 11, NULL, 'like', NULL, 4071900000, 0, NULL);"
                       "INSERT INTO jury_scores (submission_id, juror_id, criterion_id, score, scored_at) VALUES"
                       " (1, 2, 1, 8, 0), (1, 2, 2, 6, 0), (1, 3, 1, 7, 0), (1, 3, 2, 7, 0),"
                       " (2, 2, 1, 6, 0), (2, 2, 2, 9, 0), (2, 3, 1, 5, 0);",
                       CHALLENGE_T0, CHALLENGE_DAY);
}

void
challenge_fixture_set_up (ChallengeFixture *f,
                          gconstpointer     data)
{
  chorus_test_workspace_init (&f->workspace, "challenges.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->db = _chorus_store_get_db (f->store);
  chorus_test_seed_challenge_workspace (f->db);
}

void
challenge_fixture_tear_down (ChallengeFixture *f,
                             gconstpointer     data)
{
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove_all (&f->workspace);
}
