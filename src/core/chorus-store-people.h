/* chorus-store-people.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-person.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* One conversation a person took part in, for their history. */
typedef struct
{
  gint64  id;
  char   *excerpt;      /* the subject, or the start of the first post */
  char   *network;
  gint64  started_at;
  char   *status;       /* the status's name, translated */
  gint64  first_reply;  /* seconds from the person's first post to the brand's next own post, or -1 */
} ChorusPersonConversation;

/* A person's conversations, newest first, and how fast the brand answered
 * all of them. The brand's own people take part in thousands: only the
 * newest are kept for the list. */
#define CHORUS_PERSON_HISTORY_LIMIT 200

typedef struct
{
  GPtrArray *conversations;      /* ChorusPersonConversation, the newest CHORUS_PERSON_HISTORY_LIMIT */
  guint      n_conversations;    /* all of them */
  guint      replied;            /* conversations with a first reply, of all */
  gint64     median_first_reply; /* seconds, or -1 when none was answered */
} ChorusPersonHistory;

void                 chorus_store_load_person_async                (ChorusStore          *self,
                                                                    gint64                person_id,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
ChorusPerson        *chorus_store_load_person_finish               (ChorusStore          *self,
                                                                    GAsyncResult         *result,
                                                                    GError              **error);
void                 chorus_store_list_person_conversations_async  (ChorusStore          *self,
                                                                    gint64                person_id,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
ChorusPersonHistory *chorus_store_list_person_conversations_finish (ChorusStore          *self,
                                                                    GAsyncResult         *result,
                                                                    GError              **error);
void                 chorus_person_history_free                    (ChorusPersonHistory  *history);

void                 chorus_store_set_person_segment_async         (ChorusStore          *self,
                                                                    gint64                person_id,
                                                                    ChorusPersonSegments  segment,
                                                                    gboolean              add,
                                                                    gboolean              automatic,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
void                 chorus_store_set_person_notes_async           (ChorusStore          *self,
                                                                    gint64                person_id,
                                                                    const char           *notes,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
void                 chorus_store_rename_person_async              (ChorusStore          *self,
                                                                    gint64                person_id,
                                                                    const char           *name,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
gint64               chorus_store_person_change_finish             (ChorusStore          *self,
                                                                    GAsyncResult         *result,
                                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusPersonHistory, chorus_person_history_free)

G_END_DECLS
