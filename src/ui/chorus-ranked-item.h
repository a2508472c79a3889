/* chorus-ranked-item.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-awards.h"
#include "chorus-ranking.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_RANKED_ITEM (chorus_ranked_item_get_type ())

G_DECLARE_FINAL_TYPE (ChorusRankedItem, chorus_ranked_item, CHORUS, RANKED_ITEM, GObject)

ChorusRankedItem        *chorus_ranked_item_new       (ChorusRanking    *ranking,
                                                       guint             index,
                                                       ChorusAwards     *awards);
ChorusRanking           *chorus_ranked_item_get_ranking (ChorusRankedItem *self);
const ChorusRankedEntry *chorus_ranked_item_get_entry (ChorusRankedItem *self);
const ChorusWinner      *chorus_ranked_item_get_winner (ChorusRankedItem *self);

G_END_DECLS
