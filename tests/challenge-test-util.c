/* challenge-test-util.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "challenge-test-util.h"
#include "chorus-sample-private.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

/* Challenge 1, #SummitTee2026: open for entries from ten days before @now
 * to a day before, voting from a day before for five days. */
void
challenge_test_add_challenge (ChorusStore *store,
                              gint64       now)
{
  chorus_test_db_exec (_chorus_store_get_db (store),
                       "INSERT INTO challenges (id, title, hashtag, submissions_open_at, submissions_close_at,"
                       " voting_open_at, voting_close_at, created_at) VALUES (1, 'Summit Tee', '"
                       CHALLENGE_TEST_TAG "', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                       ", %" G_GINT64_FORMAT ", 1)",
                       now - 10 * CHALLENGE_TEST_DAY, now - CHALLENGE_TEST_DAY, now - CHALLENGE_TEST_DAY,
                       now + 5 * CHALLENGE_TEST_DAY);
}

/* A real PNG of @size × @size: the sample workspace's entry art. */
GBytes *
challenge_test_make_png (guint size,
                         guint seed)
{
  g_autoptr(GError) error = NULL;
  GBytes *png = _chorus_sample_art_render (SAMPLE_ART_TEE, "Night Trail", seed, size, &error);

  g_assert_no_error (error);
  return png;
}

/* The entry the post whose @column ("remote_id", "uri") is @value
 * became, or 0. */
gint64
challenge_test_entry_of (ChorusStore *store,
                         const char  *column,
                         const char  *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (s.id), 0) FROM submissions s"
                                          " JOIN posts p ON p.id = s.origin_post_id WHERE p.%s = '%s'",
                                          column, value);

  return chorus_test_db_query_int (_chorus_store_get_db (store), sql);
}

/* An entry's votes (those that match @filter), each as @vote says, in
 * order; @vote and @filter are SQL on votes v and identities i. */
static char *
dump_votes (ChorusStore *store,
            gint64       submission_id,
            const char  *vote,
            const char  *filter)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (vote, ' ') FROM"
                                          " (SELECT %s AS vote"
                                          "  FROM votes v JOIN identities i ON i.id = v.voter_id"
                                          "  WHERE v.submission_id = %" G_GINT64_FORMAT " %s ORDER BY 1)",
                                          vote, submission_id, filter);
  char *votes = chorus_test_db_query_text (_chorus_store_get_db (store), sql);

  return votes != NULL ? votes : g_strdup ("");
}

/* An entry's votes, as "handle@server:kind" in order. */
char *
challenge_test_dump_votes (ChorusStore *store,
                           gint64       submission_id)
{
  return dump_votes (store, submission_id, "i.handle || '@' || i.server || ':' || v.kind", "");
}

/* An entry's scores from replies, as "handle@server=score" in order. */
char *
challenge_test_dump_scores (ChorusStore *store,
                            gint64       submission_id)
{
  return dump_votes (store, submission_id, "i.handle || '@' || i.server || '=' || printf ('%.1f', v.score)",
                     "AND v.kind = 'reply_score'");
}
