/* chorus-ranking-export.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-ranking.h"

G_BEGIN_DECLS

char     *chorus_ranking_dup_csv  (const ChorusRanking *ranking);
JsonNode *chorus_ranking_to_json  (const ChorusRanking *ranking);

G_END_DECLS
