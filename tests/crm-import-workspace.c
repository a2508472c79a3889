/* crm-import-workspace.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-store-private.h"
#include "chorus-test-util.h"
#include "crm-import-workspace.h"

const char chorus_test_crm_csv[] =
  "Handle,Plan,City,Notes\r\n"
  "@ana@social.example,Enterprise,Lisbon,first\r\n"
  "ana.bsky.social,,Porto,\r\n"
  "@ana,Pro Max,Madrid,\r\n"
  "@BO,Free,,\r\n"
  "https://Social.Example/@ana/,Gold,,\r\n"
  "https://forum.example/u/ana,Team,Quito,\r\n"
  "@nobody,Free,Paris,\r\n";

void
chorus_test_seed_crm_workspace (ChorusStore *store)
{
  chorus_test_seed_people_workspace (store);
  chorus_test_db_exec (_chorus_store_get_db (store),
                       "INSERT INTO people (id, display_name, created_at) VALUES (4, 'Ana Torres', 100);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name)"
                       " VALUES (5, 4, 'discourse', 'forum.example', 'ana', 'Ana T');");
}

/* Returns: (transfer full): the person's field, or "" when they have none by that name */
char *
chorus_test_dup_person_field (ChorusStore *store,
                              gint64       person_id,
                              const char  *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE ((SELECT value FROM person_fields"
                                          " WHERE person_id = %" G_GINT64_FORMAT " AND name = '%s'), '')",
                                          person_id, name);

  return chorus_test_db_query_text (_chorus_store_get_db (store), sql);
}
