/* challenge-test-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

/* What the challenge collector's tests share (test-challenge-collect and
 * test-challenge-collect-bluesky). */

#define CHALLENGE_TEST_DAY (24 * 60 * 60)
#define CHALLENGE_TEST_TAG "SummitTee2026"

void     challenge_test_add_challenge (ChorusStore *store,
                                       gint64       now);
GBytes  *challenge_test_make_png      (guint        size,
                                       guint        seed);
gint64   challenge_test_entry_of      (ChorusStore *store,
                                       const char  *column,
                                       const char  *value);
char    *challenge_test_dump_votes    (ChorusStore *store,
                                       gint64       submission_id);
char    *challenge_test_dump_scores   (ChorusStore *store,
                                       gint64       submission_id);

G_END_DECLS
