/* crm-import-workspace.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-crm-import and test-crm-import-dialog share: the people
 * workspace of people-workspace.c plus Ana Torres, who is "ana" on a
 * Discourse forum, so that a bare "@ana" matches two people; a CSV file
 * that names its people by every kind of key; and reading a field back. */

#pragma once

#include "chorus-store.h"
#include "people-workspace.h"

G_BEGIN_DECLS

#define ANA_TORRES 4

/* Rows 2-8 of CHORUS_TEST_CRM_CSV match: Ana (an account on a server),
 * Ana (a Bluesky handle), two people (a bare handle), Bo (a handle in
 * capitals), Ana (her profile address), Ana Torres (a Discourse profile
 * address), nobody. */
extern const char chorus_test_crm_csv[];

void  chorus_test_seed_crm_workspace (ChorusStore *store);
char *chorus_test_dup_person_field   (ChorusStore *store,
                                      gint64       person_id,
                                      const char  *name);

G_END_DECLS
