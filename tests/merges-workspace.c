/* merges-workspace.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-store-private.h"
#include "chorus-test-util.h"
#include "merges-workspace.h"
#include "people-workspace.h"

/* Links are stored as ingest stores them: normalised, one per line. */
void
chorus_test_seed_merges_workspace (ChorusStore *store)
{
  chorus_test_seed_people_workspace (store);
  chorus_test_db_exec (_chorus_store_get_db (store),
                       "INSERT INTO people (id, display_name, notes, created_at) VALUES"
                       " (10, 'Ana García', 'Met at FOSDEM.', 100), (11, 'Ana', 'Asked about refunds.', 100),"
                       " (12, 'ÁNA  garcia', '', 100), (13, 'Ana Garcia', '', 100),"
                       " (14, 'Ana García', '', 100), (15, 'Ana García', '', 100), (16, 'Ana García', '', 100);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name,"
                       "  profile_url, links, is_bot, noindex, discoverable) VALUES"
                       " (10, 10, 'mastodon', 'social.example', 'anagarcia', 'Ana García',"
                       "  'https://social.example/@anagarcia',"
                       "  'https://anagarcia.example' || char (10) || 'https://bsky.app/profile/anagarcia.bsky.social',"
                       "  0, 0, 1),"
                       " (11, 11, 'bluesky', '', 'anagarcia.bsky.social', 'Ana',"
                       "  'https://bsky.app/profile/anagarcia.bsky.social', '', 0, 0, NULL),"
                       " (12, 12, 'discourse', 'forum.example', 'ana_g', 'ÁNA  garcia',"
                       "  'https://forum.example/u/ana_g', 'https://anagarcia.example', 0, 0, NULL),"
                       " (13, 13, 'mastodon', 'other.example', 'ana', 'Ana Garcia',"
                       "  'https://other.example/@ana', 'https://other.example/ana', 0, 0, NULL),"
                       " (14, 14, 'mastodon', 'bots.example', 'anabot', 'Ana García',"
                       "  'https://bots.example/@anabot', 'https://anagarcia.example', 1, 0, NULL),"
                       " (15, 15, 'mastodon', 'quiet.example', 'ana', 'Ana García',"
                       "  'https://quiet.example/@ana', 'https://anagarcia.example', 0, 1, NULL),"
                       " (16, 16, 'mastodon', 'hidden.example', 'ana', 'Ana García',"
                       "  'https://hidden.example/@ana', 'https://anagarcia.example', 0, 0, 0);"
                       "INSERT INTO person_segments (person_id, segment) VALUES"
                       " (10, 'vip'), (11, 'vip'), (11, 'advocate');"
                       "INSERT INTO person_fields (person_id, name, value) VALUES"
                       " (10, 'Plan', 'Team'), (11, 'Plan', 'Free'), (11, 'City', 'Porto');"
                       "INSERT INTO conversations (id, network, root_uri, subject, started_at,"
                       "  last_activity_at, status_id) VALUES"
                       " (6, 'mastodon', 'u:c6', NULL, 30000, 30000, 1),"
                       " (7, 'bluesky', 'u:c7', NULL, 29000, 29000, 1);"
                       "INSERT INTO posts (id, conversation_id, uri, author_id, created_at, text, is_own) VALUES"
                       " ((30000 << 16) + 1, 6, 'u:p14', 10, 30000, 'Is there a student discount?', 0),"
                       " ((29000 << 16) + 1, 7, 'u:p15', 11, 29000, 'Refund still pending', 0);");
}
