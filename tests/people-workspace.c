/* people-workspace.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-store-private.h"
#include "chorus-test-util.h"
#include "people-workspace.h"

/* Rows written with raw SQL so that every time is chosen by hand; post
 * keys follow the store's rule (created_at in the high bits). */
void
chorus_test_seed_people_workspace (ChorusStore *store)
{
  sqlite3 *db = _chorus_store_get_db (store);

  chorus_test_db_exec (db,
                       "INSERT INTO people (id, display_name, notes, created_at) VALUES"
                       " (1, 'Ana Lima', 'Prefers email.', 100), (2, 'Bo Chen', '', 100),"
                       " (3, 'Chorus Brand', '', 100);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name,"
                       "  profile_url, account_created_at) VALUES"
                       " (1, 1, 'mastodon', 'social.example', 'ana', 'Ana 🌿', 'https://social.example/@ana', 50),"
                       " (2, 1, 'bluesky', 'bsky.social', 'ana.bsky.social', 'Ana L.', 'javascript:alert(1)', 60),"
                       " (3, 2, 'mastodon', 'social.example', 'bo', 'Bo', NULL, NULL),"
                       " (4, 3, 'mastodon', 'social.example', 'brand', 'Brand', NULL, NULL);"
                       "INSERT INTO person_segments (person_id, segment) VALUES (1, 'vip');"
                       "INSERT INTO person_fields (person_id, name, value) VALUES"
                       " (1, 'Plan', 'Pro'), (1, 'Customer since', '2021');"
                       "INSERT INTO conversations (id, network, root_uri, subject, started_at,"
                       "  last_activity_at, status_id) VALUES"
                       " (1, 'mastodon', 'u:c1', NULL, 1000, 8200, 1),"
                       " (2, 'bluesky', 'u:c2', NULL, 5000, 8000, 2),"
                       " (3, 'mastodon', 'u:c3', 'Billing question', 9000, 9000, 4),"
                       " (4, 'mastodon', 'u:c4', '', 12000, 12600, 1),"
                       " (5, 'mastodon', 'u:c5', NULL, 20000, 20100, 1);"
                       "INSERT INTO posts (id, conversation_id, uri, author_id, created_at, text, is_own) VALUES"
                       " ((1000 << 16) + 1, 1, 'u:p1', 1, 1000, 'My order never arrived', 0),"
                       " ((1500 << 16) + 1, 1, 'u:p2', 1, 1500, 'Hello?', 0),"
                       " ((8200 << 16) + 1, 1, 'u:p3', 4, 8200, 'Sorry, checking now', 1),"
                       " ((5000 << 16) + 1, 2, 'u:p4', 3, 5000, 'Is the app down?\nFor me it is', 0),"
                       " ((5500 << 16) + 1, 2, 'u:p5', 4, 5500, 'Looking into it', 1),"
                       " ((6000 << 16) + 1, 2, 'u:p6', 2, 6000, 'Same here', 0),"
                       " ((6090 << 16) + 1, 2, 'u:p7', 4, 6090, 'Fixed now', 1),"
                       " ((8000 << 16) + 1, 2, 'u:p8', 4, 8000, 'Thanks all', 1),"
                       " ((9000 << 16) + 1, 3, 'u:p9', 1, 9000, 'I was billed twice', 0),"
                       " ((12000 << 16) + 1, 4, 'u:p10', 1, 12000, 'Love the new colours', 0),"
                       " ((12600 << 16) + 1, 4, 'u:p11', 4, 12600, 'Thank you!', 1),"
                       " ((20000 << 16) + 1, 5, 'u:p12', 3, 20000, 'Bo again', 0),"
                       " ((20100 << 16) + 1, 5, 'u:p13', 4, 20100, 'Hi Bo', 1);");
}
