/* chorus-sample-merges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sample-private.h"
#include "chorus-store-private.h"

/* Once every post is written, a few people of the sample become two, as
 * sync makes them when nothing tells it their accounts belong together:
 * three whose Mastodon profile links to their Bluesky account, and two
 * whose forum account has the same name and links to the same personal
 * site. Two more authors asked not to be indexed or suggested. Each is
 * chosen among the people who wrote on both accounts, in id order, so the
 * same seed gives the same workspace; nobody else changes. */

static const char split_sql[] =
  /* The people to split, and the account that leaves. */
  "CREATE TEMP TABLE sample_splits AS"
  " SELECT p.id AS person_id, m.id AS stays, o.id AS leaves, o.network AS network,"
  "  row_number () OVER (PARTITION BY o.network ORDER BY p.id) AS n"
  " FROM people p"
  " JOIN identities m ON m.person_id = p.id AND m.network = 'mastodon'"
  " JOIN identities o ON o.person_id = p.id AND o.network IN ('bluesky', 'discourse')"
  " WHERE p.id > 1 + " G_STRINGIFY (SAMPLE_N_FEEDS)
  "  AND EXISTS (SELECT 1 FROM posts WHERE author_id = m.id)"
  "  AND EXISTS (SELECT 1 FROM posts WHERE author_id = o.id)"
  "  AND (SELECT count (*) FROM identities WHERE person_id = p.id) = 2;"
  "DELETE FROM sample_splits WHERE n > CASE network WHEN 'bluesky' THEN 3 ELSE 2 END;"
  /* The new people take the next ids, after everyone else. A Bluesky
   * account keeps its own name; a forum one the person's. */
  "CREATE TEMP TABLE sample_new AS"
  " SELECT s.*, (SELECT max (id) FROM people) + row_number () OVER (ORDER BY s.leaves) AS new_id"
  " FROM sample_splits s;"
  "INSERT INTO people (id, display_name, notes, created_at)"
  " SELECT n.new_id, CASE n.network WHEN 'bluesky' THEN i.display_name ELSE p.display_name END, '',"
  "  p.created_at"
  " FROM sample_new n JOIN identities i ON i.id = n.leaves JOIN people p ON p.id = n.person_id;"
  "UPDATE identities SET person_id = (SELECT new_id FROM sample_new WHERE leaves = identities.id)"
  " WHERE id IN (SELECT leaves FROM sample_new);"
  /* The links, as ingest keeps them. */
  "UPDATE identities SET links = (SELECT i.profile_url FROM sample_new n JOIN identities i ON i.id = n.leaves"
  "                               WHERE n.stays = identities.id AND n.network = 'bluesky')"
  " WHERE id IN (SELECT stays FROM sample_new WHERE network = 'bluesky');"
  "UPDATE identities SET links = 'https://' || replace (replace (handle, '.', ''), '_', '') || '.example'"
  " WHERE id IN (SELECT stays FROM sample_new WHERE network = 'discourse');"
  "UPDATE identities SET links = (SELECT i.links FROM sample_new n JOIN identities i ON i.id = n.stays"
  "                               WHERE n.leaves = identities.id)"
  " WHERE id IN (SELECT leaves FROM sample_new WHERE network = 'discourse');"
  /* Two Mastodon authors who opted out, among those left whole. */
  "UPDATE identities SET noindex = 1, discoverable = 0, indexable = 0"
  " WHERE id IN (SELECT m.id FROM identities m"
  "              WHERE m.network = 'mastodon' AND m.person_id > 1 + " G_STRINGIFY (SAMPLE_N_FEEDS) " AND m.links = ''"
  "               AND m.person_id NOT IN (SELECT person_id FROM sample_splits)"
  "               AND EXISTS (SELECT 1 FROM posts WHERE author_id = m.id)"
  "              ORDER BY m.id LIMIT 2);"
  "DROP TABLE sample_new;"
  "DROP TABLE sample_splits;";

/**
 * _chorus_sample_write_merge_candidates:
 * @self: the sample being written
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the people were split
 */
gboolean
_chorus_sample_write_merge_candidates (ChorusSample  *self,
                                       GError       **error)
{
  /* The brand (person 1) and the blogs' people come first. */
  return _chorus_sql_exec (_chorus_store_get_db (self->store), split_sql, error);
}
