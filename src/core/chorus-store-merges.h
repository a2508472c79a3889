/* chorus-store-merges.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

/* What a person's accounts say about being found: set when one of them
 * asked not to be indexed or suggested (noindex, or not discoverable), or
 * says it is automated. Such a person is never suggested for a merge, and
 * never put into a segment automatically. */
typedef enum
{
  CHORUS_OPT_OUT_NONE    = 0,
  CHORUS_OPT_OUT_NOINDEX = 1 << 0,
  CHORUS_OPT_OUT_BOT     = 1 << 1,
} ChorusOptOuts;

/* Someone who might be the same person as the one asked about. */
typedef struct
{
  gint64     person_id;
  char      *display_name;
  char      *reason;       /* one translated sentence */
  GPtrArray *identities;   /* ChorusIdentity */
} ChorusMergeSuggestion;

typedef struct
{
  ChorusOptOuts  opt_outs;     /* of the person asked about */
  GPtrArray     *suggestions;  /* ChorusMergeSuggestion, by person id */
} ChorusMergeSuggestions;

ChorusMergeSuggestions *chorus_store_suggest_merges        (ChorusStore             *self,
                                                            gint64                   person_id,
                                                            GError                 **error);
void                    chorus_store_suggest_merges_async  (ChorusStore             *self,
                                                            gint64                   person_id,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
ChorusMergeSuggestions *chorus_store_suggest_merges_finish (ChorusStore             *self,
                                                            GAsyncResult            *result,
                                                            GError                 **error);
void                    chorus_merge_suggestions_free      (ChorusMergeSuggestions  *suggestions);

gint64                  chorus_store_merge_people          (ChorusStore             *self,
                                                            gint64                   kept_id,
                                                            gint64                   merged_id,
                                                            GError                 **error);
void                    chorus_store_merge_people_async    (ChorusStore             *self,
                                                            gint64                   kept_id,
                                                            gint64                   merged_id,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
gint64                  chorus_store_merge_people_finish   (ChorusStore             *self,
                                                            GAsyncResult            *result,
                                                            GError                 **error);
gboolean                chorus_store_undo_merge            (ChorusStore             *self,
                                                            gint64                   merge_id,
                                                            GError                 **error);
void                    chorus_store_undo_merge_async      (ChorusStore             *self,
                                                            gint64                   merge_id,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
gboolean                chorus_store_undo_merge_finish     (ChorusStore             *self,
                                                            GAsyncResult            *result,
                                                            GError                 **error);
gboolean                chorus_store_dismiss_merge         (ChorusStore             *self,
                                                            gint64                   person_a,
                                                            gint64                   person_b,
                                                            GError                 **error);
void                    chorus_store_dismiss_merge_async   (ChorusStore             *self,
                                                            gint64                   person_a,
                                                            gint64                   person_b,
                                                            GCancellable            *cancellable,
                                                            GAsyncReadyCallback      callback,
                                                            gpointer                 user_data);
gboolean                chorus_store_dismiss_merge_finish  (ChorusStore             *self,
                                                            GAsyncResult            *result,
                                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusMergeSuggestions, chorus_merge_suggestions_free)

G_END_DECLS
