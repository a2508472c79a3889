/* chorus-results-format.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chorus-ranking.h"

G_BEGIN_DECLS

/* A challenge's results in words and numbers a person reads: places,
 * scores, amounts of money, what the ranking rests on, and the
 * announcement of a winner. Numbers follow the locale. How far the
 * jurors agree is chorus_jury_describe_agreement()'s. */

char                *chorus_format_place          (guint        place);
char                *chorus_format_score          (double       value,
                                                   int          decimals);
const char          *chorus_format_vote_kind      (const char  *kind);
const char          *chorus_format_reward_kind    (const char  *kind);
char                *chorus_format_money          (gint64       cents,
                                                   const char  *currency);
gboolean             chorus_parse_money           (const char  *text,
                                                   gint64      *cents,
                                                   GError     **error);
char                *chorus_format_amount         (gint64       cents);
char                *chorus_format_ranking_basis  (const ChorusRanking     *ranking);
char                *chorus_format_entry_votes    (const ChorusRankedEntry *entry);
char                *chorus_format_entry_community (const ChorusRanking    *ranking,
                                                    const ChorusRankedEntry *entry);
char                *chorus_format_announcement   (guint        place,
                                                   const char  *handle,
                                                   const char  *title,
                                                   const char  *hashtag);

G_END_DECLS
