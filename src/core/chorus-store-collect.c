/* chorus-store-collect.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-challenge-collect-private.h"
#include "chorus-challenge-collect.h"
#include "chorus-format.h"
#include "chorus-hashtag.h"
#include "chorus-store-ingest-private.h"
#include "chorus-store-triage-private.h"
#include "chorus-waiting-entry.h"

/* The workspace's side of the challenge collector (see
 * chorus-challenge-collect.c for when each runs). All of it blocks: run
 * it in a worker, the writes through _chorus_store_write ().
 *
 * Candidates are found through the search index: the posts of one source
 * whose text has the hashtag's words, within the submission window (post
 * keys follow time, so the window is a range of the index's rowids), then
 * checked here for the hashtag itself. A tag without a letter or digit,
 * which the index cannot find, is looked for in every post of the window
 * that has a "#". The brand's own posts (sent from Chorus) are never
 * entries. */

#define WINDOW_SQL \
  "SELECT id, hashtag, submissions_open_at, submissions_close_at FROM challenges" \
  " WHERE submissions_open_at <= ?1 AND ?1 <= voting_close_at ORDER BY id"

#define CANDIDATE_COLUMNS \
  "SELECT p.id, p.author_id, p.created_at, p.text, p.html," \
  "       (SELECT m.url FROM post_media m WHERE m.post_id = p.id AND m.kind = 'image'" \
  "        AND m.url IS NOT NULL ORDER BY m.id LIMIT 1)," \
  "       e.image_url, e.refused"

#define CANDIDATE_FILTER \
  " AND p.source_id = ?4 AND NOT p.is_own" \
  " AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.challenge_id = ?5 AND s.origin_post_id = p.id)" \
  " ORDER BY p.id"

static const char indexed_sql[] =
  CANDIDATE_COLUMNS
  " FROM posts_fts f JOIN posts p ON p.id = f.rowid"
  " LEFT JOIN pending_entries e ON e.challenge_id = ?5 AND e.post_id = p.id"
  " WHERE posts_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3"
  CANDIDATE_FILTER;

static const char scanned_sql[] =
  CANDIDATE_COLUMNS
  " FROM posts p"
  " LEFT JOIN pending_entries e ON e.challenge_id = ?5 AND e.post_id = p.id"
  " WHERE p.id BETWEEN ?2 AND ?3 AND instr (p.text, ?1) > 0"
  CANDIDATE_FILTER;

#define TARGETS_SQL \
  "SELECT s.id, p.id, p.remote_id, p.uri, ch.voting_open_at, ch.voting_close_at, ch.scale = 'score5'" \
  " FROM challenges ch JOIN submissions s ON s.challenge_id = ch.id" \
  " JOIN posts p ON p.id = s.origin_post_id" \
  " LEFT JOIN vote_reads r ON r.submission_id = s.id" \
  " WHERE ch.voting_open_at <= ?2 AND ?2 <= ch.voting_close_at AND s.moderation <> 'rejected'" \
  "  AND p.source_id = ?1 AND p.remote_id IS NOT NULL" \
  " ORDER BY coalesce (r.read_at, 0), s.id LIMIT ?3"

#define WAITING_SQL \
  "SELECT e.challenge_id, e.post_id, p.url, i.network, i.handle, i.server, e.notice, e.refused, e.tried_at" \
  " FROM pending_entries e JOIN posts p ON p.id = e.post_id" \
  " LEFT JOIN identities i ON i.id = p.author_id" \
  " WHERE e.challenge_id = ?1 ORDER BY e.post_id"

void
_chorus_entry_candidate_free (ChorusEntryCandidate *candidate)
{
  g_free (candidate->title);
  g_free (candidate->image_url);
  g_free (candidate);
}

void
_chorus_entry_image_free (ChorusEntryImage *image)
{
  g_free (image->sha256);
  g_free (image->notice);
  g_free (image);
}

void
_chorus_vote_target_free (ChorusVoteTarget *target)
{
  g_free (target->remote_id);
  g_free (target->uri);
  g_free (target->poll_name);
  g_free (target->option_id);
  g_free (target);
}

/* Takes @author. */
ChorusVoter *
_chorus_voter_new (ChorusIncomingAuthor *author,
                   gint64                cast_at)
{
  ChorusVoter *voter = g_new0 (ChorusVoter, 1);

  voter->author = author;
  voter->cast_at = cast_at;
  voter->score = NAN;
  return voter;
}

void
_chorus_voter_free (ChorusVoter *voter)
{
  g_clear_pointer (&voter->author, chorus_incoming_author_free);
  g_free (voter);
}

/* An empty read of @target's votes of @kind on @network. */
ChorusVoteRead *
_chorus_vote_read_new (ChorusVoteTarget *target,
                       const char       *network,
                       ChorusVoteKind    kind)
{
  ChorusVoteRead *read = g_new0 (ChorusVoteRead, 1);

  read->target = target;
  read->network = network;
  read->kind = kind;
  read->voters = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_voter_free);
  return read;
}

void
_chorus_vote_read_free (ChorusVoteRead *read)
{
  g_clear_pointer (&read->voters, g_ptr_array_unref);
  g_free (read->notice);
  g_free (read);
}

/* Whether a query ended on something else than SQLITE_DONE; if so,
 * @error says so, naming @what was read. */
gboolean
_chorus_collect_step_failed (sqlite3     *db,
                             int          rc,
                             const char  *what,
                             GError     **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;

  _chorus_set_sqlite_error (error, db, what);
  return TRUE;
}

/**
 * _chorus_collect_dup_hashtags:
 * @db: a connection
 * @now: the time, in Unix seconds
 * @opens_at: (out) (optional) (transfer full) (element-type gint64): when
 *   each hashtag's submissions open, in Unix seconds, in the same order
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the hashtags of the challenges open at @now,
 *   from the start of their submissions to the end of their voting, as
 *   the challenges spell them, without "#"; %NULL with @error set
 */
GStrv
_chorus_collect_dup_hashtags (sqlite3  *db,
                              gint64    now,
                              GArray  **opens_at,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, WINDOW_SQL, now, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *tag = (const char *) sqlite3_column_text (stmt, 1);

      while (tag != NULL && *tag == '#')
        tag++;
      if (tag != NULL && *tag != '\0')
        {
          gint64 start = sqlite3_column_int64 (stmt, 2);

          g_strv_builder_add (builder, tag);
          g_array_append_val (starts, start);
        }
    }

  if (_chorus_collect_step_failed (db, rc, "challenge hashtags", error))
    return NULL;

  if (opens_at != NULL)
    *opens_at = g_steal_pointer (&starts);
  return g_strv_builder_end (builder);
}

/* The search index's query for @tag's words, as one phrase, or NULL when
 * it has no word the index keeps. */
static char *
dup_phrase (const char *tag)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *quoted = NULL;
  gboolean has_word = FALSE;

  for (const char *p = tag; *p != '\0'; p = g_utf8_next_char (p))
    has_word |= g_unichar_isalnum (g_utf8_get_char (p));

  if (!has_word)
    return NULL;

  parts = g_strsplit (tag, "\"", -1);
  quoted = g_strjoinv ("\"\"", parts);
  return g_strconcat ("\"", quoted, "\"", NULL);
}

/* A row of a candidate query, or NULL when the post does not qualify
 * after all: no image, the image refused for good already, or the tag
 * found by the index's words but not as a hashtag. */
static ChorusEntryCandidate *
read_candidate (sqlite3_stmt *stmt,
                gint64        challenge_id,
                const char   *tag)
{
  const char *text = (const char *) sqlite3_column_text (stmt, 3);
  const char *markup = (const char *) sqlite3_column_text (stmt, 4);
  const char *image_url = (const char *) sqlite3_column_text (stmt, 5);
  const char *refused_url = (const char *) sqlite3_column_text (stmt, 6);
  ChorusEntryCandidate *candidate;

  if (image_url == NULL || (sqlite3_column_int (stmt, 7) && g_strcmp0 (refused_url, image_url) == 0) ||
      (!chorus_hashtag_in_text (text, tag) && !chorus_hashtag_in_markup (markup, tag)))
    return NULL;

  candidate = g_new0 (ChorusEntryCandidate, 1);
  candidate->challenge_id = challenge_id;
  candidate->post_id = sqlite3_column_int64 (stmt, 0);
  candidate->author_id = sqlite3_column_int64 (stmt, 1);
  candidate->created_at = sqlite3_column_int64 (stmt, 2);
  candidate->image_url = g_strdup (image_url);
  candidate->title = chorus_hashtag_dup_entry_title (text, tag, CHORUS_ENTRY_TITLE_MAX_CHARS);
  if (candidate->title == NULL)
    /* Translators: the title of a challenge entry whose post has no words. */
    candidate->title = g_strdup (_("Untitled entry"));

  return candidate;
}

static gboolean
add_candidates (sqlite3     *db,
                gint64       source_id,
                gint64       challenge_id,
                const char  *hashtag,
                gint64       open_at,
                gint64       close_at,
                GPtrArray   *candidates,
                GError     **error)
{
  g_autofree char *tag = chorus_hashtag_normalize (hashtag);
  g_autofree char *phrase = tag != NULL ? dup_phrase (tag) : NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_DONE;

  if (tag == NULL)
    return TRUE;

  if (!(stmt = _chorus_sql_prepare (db, phrase != NULL ? indexed_sql : scanned_sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, phrase != NULL ? phrase : "#", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, open_at << CHORUS_POST_KEY_SHIFT);
  sqlite3_bind_int64 (stmt, 3, (close_at << CHORUS_POST_KEY_SHIFT) | ((1 << CHORUS_POST_KEY_SHIFT) - 1));
  sqlite3_bind_int64 (stmt, 4, source_id);
  sqlite3_bind_int64 (stmt, 5, challenge_id);

  while (candidates->len < CHORUS_ENTRY_MAX_CANDIDATES && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusEntryCandidate *candidate = read_candidate (stmt, challenge_id, tag);

      if (candidate != NULL)
        g_ptr_array_add (candidates, candidate);
    }

  /* Stopped at the most a sync takes, or at the end. */
  return rc == SQLITE_ROW || !_chorus_collect_step_failed (db, rc, "challenge entries", error);
}

/**
 * _chorus_collect_list_candidates:
 * @db: a connection
 * @source_id: the source whose posts are looked at
 * @now: the time, in Unix seconds
 * @error: a location for a #GError
 *
 * Finds the posts of @source_id that should be entries of a challenge
 * open at @now (see _chorus_collect_dup_hashtags ()) and are not yet:
 * posted within its submission window (both ends included), with its
 * hashtag and an image. At most CHORUS_ENTRY_MAX_CANDIDATES, the oldest
 * posts of the first challenges first: the next sync takes the others.
 *
 * Returns: (transfer full) (element-type ChorusEntryCandidate): the
 *   candidates, or %NULL with @error set
 */
GPtrArray *
_chorus_collect_list_candidates (sqlite3  *db,
                                 gint64    source_id,
                                 gint64    now,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, WINDOW_SQL, now, error);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_entry_candidate_free);
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return NULL;

  while (candidates->len < CHORUS_ENTRY_MAX_CANDIDATES && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_candidates (db, source_id, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                         sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3), candidates, error))
      return NULL;

  if (rc != SQLITE_ROW && _chorus_collect_step_failed (db, rc, "challenges", error))
    return NULL;

  return g_steal_pointer (&candidates);
}

/**
 * _chorus_collect_list_targets:
 * @db: a connection
 * @source_id: the source that read the entries' posts
 * @now: the time, in Unix seconds
 * @limit: how many at most
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusVoteTarget): the entries
 *   whose votes are read now, not rejected and in their voting window,
 *   those read least recently first; %NULL with @error set
 */
GPtrArray *
_chorus_collect_list_targets (sqlite3  *db,
                              gint64    source_id,
                              gint64    now,
                              guint     limit,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _chorus_sql_prepare_with_id (db, TARGETS_SQL, source_id, error);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_vote_target_free);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusVoteTarget *target = g_new0 (ChorusVoteTarget, 1);

      target->submission_id = sqlite3_column_int64 (stmt, 0);
      target->post_id = sqlite3_column_int64 (stmt, 1);
      target->remote_id = _chorus_sql_dup_text (stmt, 2);
      target->uri = _chorus_sql_dup_text (stmt, 3);
      target->voting_open_at = sqlite3_column_int64 (stmt, 4);
      target->voting_close_at = sqlite3_column_int64 (stmt, 5);
      target->scored = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (targets, target);
    }

  if (_chorus_collect_step_failed (db, rc, "challenge entries", error))
    return NULL;

  return g_steal_pointer (&targets);
}

static gboolean
add_entry (sqlite3           *db,
           ChorusEntryImage  *image,
           GError           **error)
{
  ChorusEntryCandidate *candidate = image->candidate;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!(insert = _chorus_sql_prepare (db,
                                      "INSERT INTO submissions (challenge_id, title, author_id, origin_post_id,"
                                      " image_sha256, image_type, width, height, submitted_at)"
                                      " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
                                      " WHERE EXISTS (SELECT 1 FROM posts WHERE id = ?4)"
                                      "  AND NOT EXISTS (SELECT 1 FROM submissions"
                                      "                  WHERE challenge_id = ?1 AND origin_post_id = ?4)",
                                      error)))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, candidate->challenge_id);
  sqlite3_bind_text (insert, 2, candidate->title, -1, SQLITE_STATIC);
  if (candidate->author_id > 0)
    sqlite3_bind_int64 (insert, 3, candidate->author_id);
  sqlite3_bind_int64 (insert, 4, candidate->post_id);
  sqlite3_bind_text (insert, 5, image->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, image->mime_type, -1, SQLITE_STATIC);
  if (image->width > 0 && image->height > 0)
    {
      sqlite3_bind_int64 (insert, 7, image->width);
      sqlite3_bind_int64 (insert, 8, image->height);
    }
  sqlite3_bind_int64 (insert, 9, candidate->created_at);

  if (!_chorus_sql_step_done (db, insert, "challenge entry", error))
    return FALSE;

  if (sqlite3_changes (db) > 0)
    image->submission_id = sqlite3_last_insert_rowid (db);

  return TRUE;
}

/* The post waits, with why, or is refused for good. */
static gboolean
keep_waiting (sqlite3           *db,
              ChorusEntryImage  *image,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;

  if (!(upsert = _chorus_sql_prepare (db,
                                      "INSERT INTO pending_entries (challenge_id, post_id, image_url, notice, refused,"
                                      " tried_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6"
                                      " WHERE EXISTS (SELECT 1 FROM posts WHERE id = ?2)"
                                      " ON CONFLICT (challenge_id, post_id) DO UPDATE SET"
                                      "  image_url = excluded.image_url, notice = excluded.notice,"
                                      "  refused = excluded.refused, tried_at = excluded.tried_at",
                                      error)))
    return FALSE;

  sqlite3_bind_int64 (upsert, 1, image->candidate->challenge_id);
  sqlite3_bind_int64 (upsert, 2, image->candidate->post_id);
  sqlite3_bind_text (upsert, 3, image->candidate->image_url, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 4, image->notice, -1, SQLITE_STATIC);
  sqlite3_bind_int (upsert, 5, image->refused);
  sqlite3_bind_int64 (upsert, 6, g_get_real_time () / G_USEC_PER_SEC);

  return _chorus_sql_step_done (db, upsert, "waiting entry", error);
}

/**
 * _chorus_collect_store_entry:
 * @db: a connection in a write transaction
 * @image: (type ChorusEntryImage): a candidate and what became of its image
 * @changed: unused
 * @error: a location for a #GError
 *
 * A #ChorusStoreWriteFunc: with its image stored, the candidate becomes an
 * entry (once: a post already an entry, or deleted meanwhile, is left as
 * it is), moderation pending; without, it waits with the reason.
 *
 * Returns: 1, or 0 with @error set
 */
gint64
_chorus_collect_store_entry (sqlite3  *db,
                             gpointer  image,
                             GArray   *changed,
                             GError  **error)
{
  ChorusEntryImage *entry = image;
  g_autoptr(sqlite3_stmt) forget = NULL;

  if (entry->sha256 == NULL)
    return keep_waiting (db, entry, error) ? 1 : 0;

  if (!add_entry (db, entry, error) ||
      !(forget = _chorus_sql_prepare_with_id (db, "DELETE FROM pending_entries WHERE post_id = ?1 AND challenge_id = ?2",
                                              entry->candidate->post_id, error)))
    return 0;

  sqlite3_bind_int64 (forget, 2, entry->candidate->challenge_id);
  return _chorus_sql_step_done (db, forget, "waiting entry", error) ? 1 : 0;
}

static const char *
kind_name (ChorusVoteKind kind)
{
  switch (kind)
    {
    case CHORUS_VOTE_LIKE:
      return "like";
    case CHORUS_VOTE_REPOST:
      return "repost";
    case CHORUS_VOTE_POLL:
      return "poll";
    case CHORUS_VOTE_REPLY_SCORE:
    default:
      return "reply_score";
    }
}

static gboolean
in_window (ChorusVoteRead *read,
           ChorusVoter    *voter)
{
  gint64 cast_at = voter->cast_at > 0 ? voter->cast_at : read->now;

  return cast_at >= read->target->voting_open_at && cast_at <= read->target->voting_close_at;
}

/* Which of @read's voters count, by index: those in the voting window,
 * and of a person's scores, the latest (the last read when two are as
 * late). */
static GArray *
pick_voters (ChorusVoteRead *read,
             GArray         *ids)
{
  g_autoptr(GHashTable) latest = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < read->voters->len; i++)
    {
      ChorusVoter *voter = g_ptr_array_index (read->voters, i);
      gint64 *id = &g_array_index (ids, gint64, i);
      gpointer found;

      if (!in_window (read, voter))
        continue;
      if (read->kind == CHORUS_VOTE_REPLY_SCORE && g_hash_table_lookup_extended (latest, id, NULL, &found))
        {
          guint *index = &g_array_index (picked, guint, GPOINTER_TO_UINT (found));
          ChorusVoter *other = g_ptr_array_index (read->voters, *index);

          if (voter->cast_at >= other->cast_at)
            *index = i;
          continue;
        }

      g_hash_table_insert (latest, id, GUINT_TO_POINTER (picked->len));
      g_array_append_val (picked, i);
    }

  return picked;
}

/* Each voter's vote, once; @ids are their identities. Votes a network
 * dates outside the voting window do not count and are not kept. A
 * score given again replaces the person's earlier one. */
static gboolean
add_votes (sqlite3         *db,
           ChorusVoteRead  *read,
           GArray          *ids,
           JsonArray       *seen,
           GError         **error)
{
  ChorusVoteTarget *target = read->target;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GArray) picked = pick_voters (read, ids);

  if (!(insert = _chorus_sql_prepare_with_id (db,
                                              "INSERT INTO votes (submission_id, voter_id, kind, cast_at,"
                                              " origin_post_id, score) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                              " ON CONFLICT DO UPDATE SET score = excluded.score,"
                                              "  cast_at = excluded.cast_at"
                                              " WHERE votes.score IS NOT excluded.score",
                                              target->submission_id, error)))
    return FALSE;

  for (guint i = 0; i < picked->len; i++)
    {
      guint index = g_array_index (picked, guint, i);
      ChorusVoter *voter = g_ptr_array_index (read->voters, index);

      json_array_add_int_element (seen, g_array_index (ids, gint64, index));
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, index));
      sqlite3_bind_text (insert, 3, kind_name (read->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 4, voter->cast_at > 0 ? voter->cast_at : read->now);
      sqlite3_bind_int64 (insert, 5, target->post_id);
      if (isnan (voter->score))
        sqlite3_bind_null (insert, 6);
      else
        sqlite3_bind_double (insert, 6, voter->score);
      if (!_chorus_sql_step_done (db, insert, "vote", error))
        return FALSE;
      read->added += sqlite3_changes (db);
    }

  return TRUE;
}

/* After a read of every page: the votes of people no longer there were
 * withdrawn (a like undone, a boost removed, a reply deleted, a poll vote
 * changed), of those read from the same post: an entry may be named in
 * several polls. */
static gboolean
remove_withdrawn (sqlite3         *db,
                  ChorusVoteRead  *read,
                  JsonArray       *seen,
                  GError         **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), seen);
  g_autofree char *ids = json_to_string (node, FALSE);

  if (!(remove = _chorus_sql_prepare_with_id (db,
                                              "DELETE FROM votes WHERE submission_id = ?1 AND kind = ?2"
                                              " AND origin_post_id IS ?4"
                                              " AND voter_id IS NOT NULL AND kiosk_token IS NULL"
                                              " AND voter_id NOT IN (SELECT value FROM json_each (?3))",
                                              read->target->submission_id, error)))
    return FALSE;

  sqlite3_bind_text (remove, 2, kind_name (read->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (remove, 3, ids, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (remove, 4, read->target->post_id);
  if (!_chorus_sql_step_done (db, remove, "withdrawn votes", error))
    return FALSE;

  read->removed += sqlite3_changes (db);
  return TRUE;
}

static gboolean
mark_read (sqlite3         *db,
           ChorusVoteRead  *read,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;

  if (!(upsert = _chorus_sql_prepare_with_id (db,
                                              "INSERT INTO vote_reads (submission_id, read_at, notice)"
                                              " VALUES (?1, ?2, ?3) ON CONFLICT (submission_id) DO UPDATE SET"
                                              "  read_at = excluded.read_at, notice = excluded.notice",
                                              read->target->submission_id, error)))
    return FALSE;

  sqlite3_bind_int64 (upsert, 2, read->now);
  sqlite3_bind_text (upsert, 3, read->notice, -1, SQLITE_STATIC);
  return _chorus_sql_step_done (db, upsert, "votes read", error);
}

/**
 * _chorus_collect_store_votes:
 * @db: a connection in a write transaction
 * @read: (type ChorusVoteRead): who liked or boosted an entry, as read
 * @changed: unused
 * @error: a location for a #GError
 *
 * A #ChorusStoreWriteFunc: each voter becomes an identity (as a post's
 * author would) and a vote of @read's kind, cast when the network says,
 * else now, and counted once per person and kind (the votes_once index);
 * for a score given in replies, the person's latest, which replaces the
 * one stored.
 * When every page was read, the votes of that kind whose people were not
 * there are removed: they were withdrawn. An entry deleted meanwhile is
 * left alone.
 *
 * Returns: 1, or 0 with @error set
 */
gint64
_chorus_collect_store_votes (sqlite3  *db,
                             gpointer  read,
                             GArray   *changed,
                             GError  **error)
{
  ChorusVoteRead *votes = read;
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonArray) seen = json_array_new ();
  g_autoptr(sqlite3_stmt) exists = NULL;

  if (!(exists = _chorus_sql_prepare_with_id (db, "SELECT 1 FROM submissions WHERE id = ?1",
                                              votes->target->submission_id, error)))
    return 0;
  if (sqlite3_step (exists) != SQLITE_ROW)
    return 1;

  for (guint i = 0; i < votes->voters->len; i++)
    g_ptr_array_add (authors, ((ChorusVoter *) g_ptr_array_index (votes->voters, i))->author);

  if (!_chorus_store_upsert_identities (db, votes->network, authors, ids, error) ||
      !add_votes (db, votes, ids, seen, error) ||
      (votes->complete && !remove_withdrawn (db, votes, seen, error)) ||
      (votes->last && !mark_read (db, votes, error)))
    return 0;

  return 1;
}

static gpointer
build_waiting_entry (sqlite3_stmt *stmt)
{
  g_autofree char *url = _chorus_sql_dup_text (stmt, 2);
  g_autofree char *handle = NULL;
  g_autofree char *notice = _chorus_sql_dup_text (stmt, 6);

  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    handle = chorus_format_handle ((const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4),
                                   (const char *) sqlite3_column_text (stmt, 5));

  return g_object_new (CHORUS_TYPE_WAITING_ENTRY,
                       "challenge-id", sqlite3_column_int64 (stmt, 0),
                       "post-id", sqlite3_column_int64 (stmt, 1),
                       "post-url", url,
                       "author-handle", handle,
                       "notice", notice,
                       "refused", sqlite3_column_int (stmt, 7) != 0,
                       "tried-at", sqlite3_column_int64 (stmt, 8),
                       NULL);
}

/**
 * chorus_store_list_waiting_entries_async:
 * @self: a #ChorusStore
 * @challenge_id: a challenge
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists, in a worker, the posts that carry the challenge's hashtag and
 * an image but are not entries, because their image could not be stored.
 */
void
chorus_store_list_waiting_entries_async (ChorusStore         *self,
                                         gint64               challenge_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_read_async (self, WAITING_SQL, build_waiting_entry, challenge_id,
                            chorus_store_list_waiting_entries_async, cancellable, callback, user_data);
}

/**
 * chorus_store_list_waiting_entries_finish:
 *
 * Returns: (transfer full) (element-type ChorusWaitingEntry): the posts,
 *   oldest first, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_waiting_entries_finish (ChorusStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_waiting_entries_async, error);
}
