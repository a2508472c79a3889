/* chorus-inbox-filter-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-inbox-filter.h"

G_BEGIN_DECLS

#define CHORUS_INBOX_N_SENTIMENTS 3
#define CHORUS_INBOX_N_SEGMENTS 5

/* Bit i of the flags is entry i: the words saved views and the schema use. */
extern const char * const _chorus_inbox_sentiment_keys[CHORUS_INBOX_N_SENTIMENTS];
extern const char * const _chorus_inbox_segment_keys[CHORUS_INBOX_N_SEGMENTS];

G_END_DECLS
