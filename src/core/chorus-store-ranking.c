/* chorus-store-ranking.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-phash.h"
#include "chorus-ranking-private.h"
#include "chorus-store-ranking.h"
#include "chorus-store-triage-private.h"

/* Reading a challenge's ranking, and finding its near-duplicate entries.
 * Entries the moderators rejected are not ranked, nor are their votes or
 * jury scores read. A person is whoever their identity belongs to now,
 * or the person they were merged into. Each entry carries the notice of
 * the last read of its votes (vote_reads), if that read left some out.
 *
 * Before either, every PNG entry without a perceptual hash yet gets one
 * from its file in the media store (a short write of derived data, not
 * audited); images core cannot decode get theirs from whoever can,
 * through chorus_store_set_submission_phash(). The reads then run in one
 * transaction, so the ranking is of one moment. */

#define PERSON "coalesce (p.merged_into, p.id)"

#define CHALLENGE_SQL \
  "SELECT title, hashtag, scale, community_weight, created_at, voting_open_at" \
  " FROM challenges WHERE id = ?1"

#define ENTRIES_SQL \
  "SELECT s.id, s.submitted_at, s.title, s.author_id, " PERSON ", i.network, i.handle," \
  "       i.server, s.image_sha256, s.image_type, s.moderation, s.phash, r.notice" \
  " FROM submissions s LEFT JOIN identities i ON i.id = s.author_id" \
  " LEFT JOIN people p ON p.id = i.person_id LEFT JOIN vote_reads r ON r.submission_id = s.id" \
  " WHERE s.challenge_id = ?1 AND s.moderation <> 'rejected'"

#define VOTES_SQL \
  "SELECT v.id, v.submission_id, v.kind, v.cast_at, v.voter_id, " PERSON ", i.network," \
  "       i.handle, i.server, i.account_created_at, v.kiosk_token, v.score, v.excluded," \
  "       v.exclusion_reason" \
  " FROM submissions s JOIN votes v ON v.submission_id = s.id" \
  " LEFT JOIN identities i ON i.id = v.voter_id LEFT JOIN people p ON p.id = i.person_id" \
  " WHERE s.challenge_id = ?1 AND s.moderation <> 'rejected'"

#define CRITERIA_SQL \
  "SELECT id, weight FROM jury_criteria WHERE challenge_id = ?1"

#define JURY_SQL \
  "SELECT j.submission_id, j.juror_id, j.criterion_id, j.score" \
  " FROM submissions s JOIN jury_scores j ON j.submission_id = s.id" \
  " WHERE s.challenge_id = ?1 AND s.moderation <> 'rejected'"

#define UNHASHED_SQL \
  "SELECT id, image_sha256 FROM submissions" \
  " WHERE challenge_id = ?1 AND phash IS NULL AND image_type = 'image/png'"

#define HASHES_SQL \
  "SELECT id, phash FROM submissions" \
  " WHERE challenge_id = ?1 AND phash IS NOT NULL ORDER BY submitted_at, id"

typedef struct
{
  ChorusStore   *store;
  ChorusRanking *ranking;
} Loader;

typedef void (*RowFunc) (Loader       *loader,
                         sqlite3_stmt *stmt);

static void
set_challenge_gone (GError **error,
                    gint64   challenge_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, challenge_id);

  /* Translators: %s is the id (a number) of a design challenge. */
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("There is no challenge with the id %s."), id);
}

/* Runs @sql with @id as ?1 and hands each row to @func. */
static gboolean
each_row (sqlite3     *db,
          const char  *sql,
          gint64       id,
          RowFunc      func,
          Loader      *loader,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, sql, id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (loader, stmt);

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "ranking");
      return FALSE;
    }
  return TRUE;
}

static ChorusRanking *
read_challenge (sqlite3  *db,
                gint64    challenge_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ChorusRanking *ranking;

  if (!(stmt = _chorus_sql_prepare_with_id (db, CHALLENGE_SQL, challenge_id, error)))
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_challenge_gone (error, challenge_id);
      return NULL;
    }

  ranking = _chorus_ranking_new (challenge_id, (const char *) sqlite3_column_text (stmt, 2),
                                 sqlite3_column_double (stmt, 3), sqlite3_column_int64 (stmt, 4));
  ranking->title = _chorus_sql_dup_text (stmt, 0);
  ranking->hashtag = _chorus_sql_dup_text (stmt, 1);
  ranking->voting_open_at = sqlite3_column_int64 (stmt, 5);
  return ranking;
}

static char *
dup_handle (sqlite3_stmt *stmt,
            int           network_column)
{
  return chorus_format_handle ((const char *) sqlite3_column_text (stmt, network_column),
                               (const char *) sqlite3_column_text (stmt, network_column + 1),
                               (const char *) sqlite3_column_text (stmt, network_column + 2));
}

static void
add_entry_row (Loader       *loader,
               sqlite3_stmt *stmt)
{
  ChorusRankedEntry *entry = _chorus_ranking_add_entry (loader->ranking, sqlite3_column_int64 (stmt, 0),
                                                        sqlite3_column_int64 (stmt, 1));

  entry->title = _chorus_sql_dup_text (stmt, 2);
  entry->author_id = sqlite3_column_int64 (stmt, 3);
  entry->author_person_id = sqlite3_column_int64 (stmt, 4);
  entry->author = dup_handle (stmt, 5);
  entry->image_sha256 = _chorus_sql_dup_text (stmt, 8);
  entry->image_path = _chorus_store_dup_image_path (loader->store, entry->image_sha256,
                                                    (const char *) sqlite3_column_text (stmt, 9));
  g_free (entry->moderation);
  entry->moderation = _chorus_sql_dup_text (stmt, 10);
  entry->has_phash = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  entry->phash = (guint64) sqlite3_column_int64 (stmt, 11);
  entry->read_notice = _chorus_sql_dup_text (stmt, 12);
}

static void
add_vote_row (Loader       *loader,
              sqlite3_stmt *stmt)
{
  ChorusRankedVote *vote = _chorus_ranking_add_vote (loader->ranking, sqlite3_column_int64 (stmt, 0),
                                                     sqlite3_column_int64 (stmt, 1),
                                                     (const char *) sqlite3_column_text (stmt, 2),
                                                     sqlite3_column_int64 (stmt, 3));

  vote->voter_id = sqlite3_column_int64 (stmt, 4);
  vote->person_id = sqlite3_column_int64 (stmt, 5);
  vote->voter = vote->voter_id != 0 ? dup_handle (stmt, 6) : _chorus_sql_dup_text (stmt, 10);
  vote->account_created_at = sqlite3_column_int64 (stmt, 9);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    vote->score = sqlite3_column_double (stmt, 11);
  vote->excluded = sqlite3_column_int (stmt, 12) != 0;
  vote->exclusion_reason = _chorus_sql_dup_text (stmt, 13);
}

static void
add_criterion_row (Loader       *loader,
                   sqlite3_stmt *stmt)
{
  _chorus_ranking_add_criterion (loader->ranking, sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1));
}

static void
add_jury_row (Loader       *loader,
              sqlite3_stmt *stmt)
{
  _chorus_ranking_add_jury_score (loader->ranking, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2), sqlite3_column_double (stmt, 3));
}

/* The dHash of a PNG file, or FALSE if it cannot be read as one. */
static gboolean
hash_file (const char *path,
           guint64    *hash)
{
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf info;
  char *contents;
  gsize length;

  if (g_stat (path, &info) != 0 || info.st_size > CHORUS_PHASH_MAX_FILE_BYTES ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  bytes = g_bytes_new_take (contents, length);
  return chorus_phash_from_png (bytes, hash, NULL);
}

static gboolean
store_hashes (sqlite3  *db,
              GArray   *hashes,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_chorus_sql_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!(stmt = _chorus_sql_prepare (db, "UPDATE submissions SET phash = ?2 WHERE id = ?1 AND phash IS NULL", error)))
    goto fail;

  for (guint i = 0; i + 1 < hashes->len; i += 2)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (hashes, gint64, i));
      sqlite3_bind_int64 (stmt, 2, g_array_index (hashes, gint64, i + 1));
      if (!_chorus_sql_step_done (db, stmt, "phash", error))
        goto fail;
    }

  if (_chorus_sql_exec (db, "COMMIT", error))
    return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Hashes the PNG entries of the challenge that have no hash yet. Files
 * that are missing or unreadable are left without one. */
static gboolean
hash_missing_images (ChorusStore  *store,
                     sqlite3      *db,
                     gint64        challenge_id,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, UNHASHED_SQL, challenge_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *path = _chorus_store_dup_image_path (store, (const char *) sqlite3_column_text (stmt, 1),
                                                            "image/png");
      guint64 hash;

      if (path != NULL && hash_file (path, &hash))
        {
          gint64 value = (gint64) hash;

          g_array_append_val (hashes, id);
          g_array_append_val (hashes, value);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "phash");
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  return hashes->len == 0 || store_hashes (db, hashes, error);
}

static gboolean
read_ranking (Loader   *loader,
              sqlite3  *db,
              gint64    id,
              GError  **error)
{
  return each_row (db, ENTRIES_SQL, id, add_entry_row, loader, error) &&
         each_row (db, VOTES_SQL, id, add_vote_row, loader, error) &&
         each_row (db, CRITERIA_SQL, id, add_criterion_row, loader, error) &&
         each_row (db, JURY_SQL, id, add_jury_row, loader, error);
}

/* @data points to the challenge's id. */
static gpointer
rank_challenge (ChorusStore    *store,
                gconstpointer   data,
                GError        **error)
{
  gint64 challenge_id = *(const gint64 *) data;
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (store);
  g_autoptr(ChorusRanking) ranking = NULL;
  Loader loader = { store, NULL };
  sqlite3 *db = connection->db;
  gboolean read;

  if (!hash_missing_images (store, db, challenge_id, error) ||
      !_chorus_sql_exec (db, "BEGIN", error))
    return NULL;

  loader.ranking = ranking = read_challenge (db, challenge_id, error);
  read = ranking != NULL && read_ranking (&loader, db, challenge_id, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!read)
    return NULL;

  _chorus_ranking_compute (ranking);
  return g_steal_pointer (&ranking);
}

/* @data points to the challenge's id. */
static gpointer
find_near_duplicates (ChorusStore    *store,
                      gconstpointer   data,
                      GError        **error)
{
  gint64 challenge_id = *(const gint64 *) data;
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (store);
  g_autoptr(ChorusRanking) challenge = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (ChorusNearDuplicate));
  sqlite3 *db = connection->db;
  int rc;

  if (!(challenge = read_challenge (db, challenge_id, error)) ||
      !hash_missing_images (store, db, challenge_id, error) ||
      !(stmt = _chorus_sql_prepare_with_id (db, HASHES_SQL, challenge_id, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 hash = sqlite3_column_int64 (stmt, 1);

      for (guint i = 0; i + 1 < hashes->len; i += 2)
        {
          guint distance = chorus_phash_distance ((guint64) hash, (guint64) g_array_index (hashes, gint64, i + 1));
          ChorusNearDuplicate pair = { id, g_array_index (hashes, gint64, i), distance };

          if (distance <= CHORUS_PHASH_NEAR_DISTANCE)
            g_array_append_val (pairs, pair);
        }
      g_array_append_val (hashes, id);
      g_array_append_val (hashes, hash);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "phash");
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

/**
 * chorus_store_rank_challenge:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker, or use chorus_store_rank_challenge_async().
 * Ranks the challenge's entries that were not rejected (see
 * chorus-ranking.c), hashing the PNG images not hashed yet.
 *
 * Returns: (transfer full): the ranking, or %NULL with @error set
 *   (%CHORUS_ERROR_NOT_FOUND when there is no such challenge)
 */
ChorusRanking *
chorus_store_rank_challenge (ChorusStore  *self,
                             gint64        challenge_id,
                             GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return rank_challenge (self, &challenge_id, error);
}

/**
 * chorus_store_find_near_duplicates:
 * @self: a #ChorusStore
 * @challenge_id: the challenge
 * @error: a location for a #GError
 *
 * Blocking. Compares the perceptual hashes of all the challenge's
 * entries, rejected ones included (a copy of a rejected entry is worth
 * knowing about), hashing the PNG images not hashed yet.
 *
 * Returns: (transfer full) (element-type ChorusNearDuplicate): every pair
 *   of entries at most %CHORUS_PHASH_NEAR_DISTANCE bits apart, by the
 *   later entry, or %NULL with @error set
 */
GArray *
chorus_store_find_near_duplicates (ChorusStore  *self,
                                   gint64        challenge_id,
                                   GError      **error)
{
  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  return find_near_duplicates (self, &challenge_id, error);
}

/**
 * chorus_store_set_submission_phash:
 *
 * Blocking. Keeps the perceptual hash of an entry whose image the caller
 * decoded (see chorus_phash_compute()).
 *
 * Returns: %FALSE with @error set if the entry is gone
 */
gboolean
chorus_store_set_submission_phash (ChorusStore  *self,
                                   gint64        submission_id,
                                   guint64       phash,
                                   GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  connection = _chorus_store_connection_new (self);
  if (!(stmt = _chorus_sql_prepare_with_id (connection->db, "UPDATE submissions SET phash = ?2 WHERE id = ?1",
                                            submission_id, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 2, (gint64) phash);
  if (!_chorus_sql_step_done (connection->db, stmt, "phash", error))
    return FALSE;
  if (sqlite3_changes (connection->db) == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, _("That entry no longer exists."));
      return FALSE;
    }
  return TRUE;
}

void
chorus_store_rank_challenge_async (ChorusStore         *self,
                                   gint64               challenge_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  _chorus_store_run_async (self, rank_challenge, &challenge_id, sizeof challenge_id,
                           (GDestroyNotify) chorus_ranking_unref, chorus_store_rank_challenge_async, cancellable,
                           callback, user_data);
}

/**
 * chorus_store_rank_challenge_finish:
 *
 * Returns: (transfer full): what chorus_store_rank_challenge() returns
 */
ChorusRanking *
chorus_store_rank_challenge_finish (ChorusStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _chorus_store_run_finish (self, result, chorus_store_rank_challenge_async, error);
}

void
chorus_store_find_near_duplicates_async (ChorusStore         *self,
                                         gint64               challenge_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  _chorus_store_run_async (self, find_near_duplicates, &challenge_id, sizeof challenge_id,
                           (GDestroyNotify) g_array_unref, chorus_store_find_near_duplicates_async, cancellable,
                           callback, user_data);
}

/**
 * chorus_store_find_near_duplicates_finish:
 *
 * Returns: (transfer full) (element-type ChorusNearDuplicate): what
 *   chorus_store_find_near_duplicates() returns
 */
GArray *
chorus_store_find_near_duplicates_finish (ChorusStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _chorus_store_run_finish (self, result, chorus_store_find_near_duplicates_async, error);
}
