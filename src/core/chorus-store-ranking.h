/* chorus-store-ranking.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-ranking.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* A challenge's ranking, its near-duplicate entries, and excluding votes
 * from it (and counting them again), each exclusion with a reason in the
 * audit log. */

/* Two entries of one challenge whose images look alike. */
typedef struct
{
  gint64 submission_id;   /* the later entry */
  gint64 original_id;     /* the earlier one it looks like */
  guint  distance;        /* bits apart, at most CHORUS_PHASH_NEAR_DISTANCE */
} ChorusNearDuplicate;

ChorusRanking *chorus_store_rank_challenge              (ChorusStore          *self,
                                                         gint64                challenge_id,
                                                         GError              **error);
void           chorus_store_rank_challenge_async        (ChorusStore          *self,
                                                         gint64                challenge_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
ChorusRanking *chorus_store_rank_challenge_finish       (ChorusStore          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

GArray        *chorus_store_find_near_duplicates        (ChorusStore          *self,
                                                         gint64                challenge_id,
                                                         GError              **error);
void           chorus_store_find_near_duplicates_async  (ChorusStore          *self,
                                                         gint64                challenge_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GArray        *chorus_store_find_near_duplicates_finish (ChorusStore          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
gboolean       chorus_store_set_submission_phash        (ChorusStore          *self,
                                                         gint64                submission_id,
                                                         guint64               phash,
                                                         GError              **error);

gint64         chorus_store_exclude_vote                (ChorusStore          *self,
                                                         gint64                vote_id,
                                                         const char           *reason,
                                                         GError              **error);
void           chorus_store_exclude_vote_async          (ChorusStore          *self,
                                                         gint64                vote_id,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gint64         chorus_store_include_vote                (ChorusStore          *self,
                                                         gint64                vote_id,
                                                         const char           *reason,
                                                         GError              **error);
void           chorus_store_include_vote_async          (ChorusStore          *self,
                                                         gint64                vote_id,
                                                         const char           *reason,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gint64         chorus_store_vote_change_finish          (ChorusStore          *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
