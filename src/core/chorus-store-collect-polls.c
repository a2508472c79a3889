/* chorus-store-collect-polls.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-challenge-collect-private.h"
#include "chorus-hashtag.h"
#include "chorus-store-triage-private.h"

/* The workspace's side of challenge polls (see chorus-challenge-polls.c):
 * which forum posts of a source hold a poll that votes in a challenge.
 * A post does when it carries the hashtag of a challenge whose voting is
 * open, was posted since the challenge opened for entries (a poll on its
 * entries cannot be older), and has a poll, as the forum's sync stored
 * it; the newest MAX_POLL_POSTS are read. The brand's own posts count:
 * a poll the team opens on the forum is the usual way to run one.
 * Blocking: run it in a worker. */

#define MAX_POLL_POSTS 10

#define POLL_POSTS_SQL \
  "SELECT p.id, p.remote_id, pl.remote_id, p.text, p.html, ch.id, ch.hashtag, ch.scale = 'score5'," \
  "       ch.voting_open_at, ch.voting_close_at" \
  " FROM polls pl JOIN posts p ON p.id = pl.post_id JOIN challenges ch" \
  " WHERE p.source_id = ?1 AND ch.voting_open_at <= ?2 AND ?2 <= ch.voting_close_at" \
  "  AND p.created_at >= ch.submissions_open_at" \
  "  AND p.remote_id IS NOT NULL AND pl.remote_id IS NOT NULL" \
  " ORDER BY p.id DESC, ch.id"

#define ENTRIES_SQL \
  "SELECT id, title FROM submissions WHERE challenge_id = ?1 AND moderation <> 'rejected' ORDER BY id"

void
_chorus_poll_post_free (ChorusPollPost *post)
{
  g_free (post->remote_id);
  g_free (post->poll_name);
  g_clear_pointer (&post->entry_ids, g_array_unref);
  g_clear_pointer (&post->entry_titles, g_ptr_array_unref);
  g_free (post);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusPollPost, _chorus_poll_post_free)

/* Whether the post in @stmt's row carries its challenge's hashtag. */
static gboolean
carries_hashtag (sqlite3_stmt *stmt)
{
  g_autofree char *tag = chorus_hashtag_normalize ((const char *) sqlite3_column_text (stmt, 6));

  return tag != NULL && (chorus_hashtag_in_text ((const char *) sqlite3_column_text (stmt, 3), tag) ||
                         chorus_hashtag_in_markup ((const char *) sqlite3_column_text (stmt, 4), tag));
}

static gboolean
add_entries (sqlite3         *db,
             gint64           challenge_id,
             ChorusPollPost  *post,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, ENTRIES_SQL, challenge_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (post->entry_ids, id);
      g_ptr_array_add (post->entry_titles, _chorus_sql_dup_text (stmt, 1));
    }

  return !_chorus_collect_step_failed (db, rc, "challenge entries", error);
}

static ChorusPollPost *
new_poll_post (sqlite3       *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(ChorusPollPost) post = g_new0 (ChorusPollPost, 1);

  post->post_id = sqlite3_column_int64 (stmt, 0);
  post->remote_id = _chorus_sql_dup_text (stmt, 1);
  post->poll_name = _chorus_sql_dup_text (stmt, 2);
  post->scored = sqlite3_column_int (stmt, 7) != 0;
  post->voting_open_at = sqlite3_column_int64 (stmt, 8);
  post->voting_close_at = sqlite3_column_int64 (stmt, 9);
  post->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  post->entry_titles = g_ptr_array_new_with_free_func (g_free);

  if (!add_entries (db, sqlite3_column_int64 (stmt, 5), post, error))
    return NULL;

  return g_steal_pointer (&post);
}

/**
 * _chorus_collect_list_poll_posts:
 * @db: a connection
 * @source_id: the forum's source
 * @now: the time, in Unix seconds
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusPollPost): the posts whose
 *   polls vote in a challenge now, newest first, each with the entries of
 *   its challenge; %NULL with @error set
 */
GPtrArray *
_chorus_collect_list_poll_posts (sqlite3  *db,
                                 gint64    source_id,
                                 gint64    now,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, POLL_POSTS_SQL, source_id, error);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_poll_post_free);
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 2, now);
  while (posts->len < MAX_POLL_POSTS && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusPollPost *post;

      if (!carries_hashtag (stmt))
        continue;
      if (!(post = new_poll_post (db, stmt, error)))
        return NULL;
      g_ptr_array_add (posts, post);
    }

  if (rc != SQLITE_ROW && _chorus_collect_step_failed (db, rc, "challenge polls", error))
    return NULL;

  return g_steal_pointer (&posts);
}
