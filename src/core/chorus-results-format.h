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
 * amounts of money, how far the jurors agree, and the announcement of a
 * winner. Numbers follow the locale. */

/* Krippendorff's thresholds for alpha (chorus-ranking-stats.c). */
#define CHORUS_AGREEMENT_RELIABLE  0.800
#define CHORUS_AGREEMENT_TENTATIVE 0.667

typedef enum
{
  CHORUS_AGREEMENT_UNKNOWN,     /* fewer than two jurors, or nothing to compare */
  CHORUS_AGREEMENT_GOOD,        /* α ≥ 0.800 */
  CHORUS_AGREEMENT_FAIR,        /* 0.667 ≤ α < 0.800 */
  CHORUS_AGREEMENT_POOR,        /* 0 < α < 0.667 */
  CHORUS_AGREEMENT_NONE,        /* α ≤ 0: no better than chance */
} ChorusAgreementLevel;

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
ChorusAgreementLevel chorus_agreement_level       (double       alpha,
                                                   guint        n_jurors);
char                *chorus_format_agreement      (double       alpha,
                                                   guint        n_jurors);
char                *chorus_format_ranking_basis  (const ChorusRanking     *ranking);
char                *chorus_format_entry_votes    (const ChorusRankedEntry *entry);
char                *chorus_format_entry_community (const ChorusRanking    *ranking,
                                                    const ChorusRankedEntry *entry);
char                *chorus_format_announcement   (guint        place,
                                                   const char  *handle,
                                                   const char  *title,
                                                   const char  *hashtag);

G_END_DECLS
