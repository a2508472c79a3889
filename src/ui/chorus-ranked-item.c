/* chorus-ranked-item.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-ranked-item.h"

/* One entry of a challenge's ranking as an item of a list model, for the
 * Results view's table: the ranking it belongs to (kept alive), its
 * place there, and its place among the winners, if any. */

struct _ChorusRankedItem
{
  GObject        parent_instance;

  ChorusRanking *ranking;
  ChorusAwards  *awards;
  guint          index;
};

G_DEFINE_FINAL_TYPE (ChorusRankedItem, chorus_ranked_item, G_TYPE_OBJECT)

static void
chorus_ranked_item_finalize (GObject *object)
{
  ChorusRankedItem *self = (ChorusRankedItem *)object;

  g_clear_pointer (&self->ranking, chorus_ranking_unref);
  g_clear_pointer (&self->awards, chorus_awards_unref);

  G_OBJECT_CLASS (chorus_ranked_item_parent_class)->finalize (object);
}

static void
chorus_ranked_item_class_init (ChorusRankedItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_ranked_item_finalize;
}

static void
chorus_ranked_item_init (ChorusRankedItem *self)
{
}

/**
 * chorus_ranked_item_new:
 * @ranking: a ranking
 * @index: an entry of it, in rank order
 * @awards: (nullable): the challenge's winners
 */
ChorusRankedItem *
chorus_ranked_item_new (ChorusRanking *ranking,
                        guint          index,
                        ChorusAwards  *awards)
{
  ChorusRankedItem *self;

  g_return_val_if_fail (ranking != NULL, NULL);
  g_return_val_if_fail (index < chorus_ranking_get_n_entries (ranking), NULL);

  self = g_object_new (CHORUS_TYPE_RANKED_ITEM, NULL);
  self->ranking = chorus_ranking_ref (ranking);
  self->awards = awards != NULL ? chorus_awards_ref (awards) : NULL;
  self->index = index;
  return self;
}

ChorusRanking *
chorus_ranked_item_get_ranking (ChorusRankedItem *self)
{
  g_return_val_if_fail (CHORUS_IS_RANKED_ITEM (self), NULL);

  return self->ranking;
}

const ChorusRankedEntry *
chorus_ranked_item_get_entry (ChorusRankedItem *self)
{
  g_return_val_if_fail (CHORUS_IS_RANKED_ITEM (self), NULL);

  return chorus_ranking_get_entry (self->ranking, self->index);
}

/* Returns: (nullable): the entry's place among the winners, or %NULL */
const ChorusWinner *
chorus_ranked_item_get_winner (ChorusRankedItem *self)
{
  g_return_val_if_fail (CHORUS_IS_RANKED_ITEM (self), NULL);

  if (self->awards == NULL)
    return NULL;
  return chorus_awards_find_winner (self->awards, chorus_ranked_item_get_entry (self)->submission_id);
}
