/* chorus-inbox-filter.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_INBOX_FILTER (chorus_inbox_filter_get_type ())

typedef struct _ChorusInboxFilter ChorusInboxFilter;

typedef enum
{
  CHORUS_INBOX_ASSIGNEE_ANY,
  CHORUS_INBOX_ASSIGNEE_MINE,        /* the team member with is_me set */
  CHORUS_INBOX_ASSIGNEE_UNASSIGNED,
  CHORUS_INBOX_ASSIGNEE_MEMBER,      /* the team member given by id */
} ChorusInboxAssignee;

/* The effective sentiment: the override when someone set one, else the
 * automatic one; unknown counts as neutral. No flag set means any. */
typedef enum
{
  CHORUS_INBOX_SENTIMENT_NEGATIVE = 1 << 0,
  CHORUS_INBOX_SENTIMENT_NEUTRAL  = 1 << 1,
  CHORUS_INBOX_SENTIMENT_POSITIVE = 1 << 2,
} ChorusInboxSentiments;

#define CHORUS_INBOX_SENTIMENT_ALL (CHORUS_INBOX_SENTIMENT_NEGATIVE | CHORUS_INBOX_SENTIMENT_NEUTRAL | \
                                    CHORUS_INBOX_SENTIMENT_POSITIVE)

/* Segments of the person who started a conversation. No flag set means any. */
typedef enum
{
  CHORUS_INBOX_SEGMENT_ADVOCATE   = 1 << 0,
  CHORUS_INBOX_SEGMENT_DETRACTOR  = 1 << 1,
  CHORUS_INBOX_SEGMENT_INFLUENCER = 1 << 2,
  CHORUS_INBOX_SEGMENT_EMPLOYEE   = 1 << 3,
  CHORUS_INBOX_SEGMENT_VIP        = 1 << 4,
} ChorusInboxSegments;

#define CHORUS_INBOX_SEGMENT_ALL (CHORUS_INBOX_SEGMENT_ADVOCATE | CHORUS_INBOX_SEGMENT_DETRACTOR | \
                                  CHORUS_INBOX_SEGMENT_INFLUENCER | CHORUS_INBOX_SEGMENT_EMPLOYEE | \
                                  CHORUS_INBOX_SEGMENT_VIP)

GType                  chorus_inbox_filter_get_type          (void) G_GNUC_CONST;
ChorusInboxFilter     *chorus_inbox_filter_new               (void);
ChorusInboxFilter     *chorus_inbox_filter_copy              (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_free              (ChorusInboxFilter        *self);
gboolean               chorus_inbox_filter_equal             (const ChorusInboxFilter  *a,
                                                              const ChorusInboxFilter  *b);
gboolean               chorus_inbox_filter_is_empty          (const ChorusInboxFilter  *self);

const char            *chorus_inbox_filter_get_search        (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_search        (ChorusInboxFilter        *self,
                                                              const char               *search);
const char * const    *chorus_inbox_filter_get_networks      (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_networks      (ChorusInboxFilter        *self,
                                                              const char * const       *networks);
const gint64          *chorus_inbox_filter_get_source_ids    (const ChorusInboxFilter  *self,
                                                              gsize                    *n_ids);
void                   chorus_inbox_filter_set_source_ids    (ChorusInboxFilter        *self,
                                                              const gint64             *ids,
                                                              gsize                     n_ids);
const gint64          *chorus_inbox_filter_get_status_ids    (const ChorusInboxFilter  *self,
                                                              gsize                    *n_ids);
void                   chorus_inbox_filter_set_status_ids    (ChorusInboxFilter        *self,
                                                              const gint64             *ids,
                                                              gsize                     n_ids);
ChorusInboxAssignee    chorus_inbox_filter_get_assignee      (const ChorusInboxFilter  *self,
                                                              gint64                   *member_id);
void                   chorus_inbox_filter_set_assignee      (ChorusInboxFilter        *self,
                                                              ChorusInboxAssignee       assignee,
                                                              gint64                    member_id);
const gint64          *chorus_inbox_filter_get_tag_ids       (const ChorusInboxFilter  *self,
                                                              gsize                    *n_ids);
void                   chorus_inbox_filter_set_tag_ids       (ChorusInboxFilter        *self,
                                                              const gint64             *ids,
                                                              gsize                     n_ids);
ChorusInboxSentiments  chorus_inbox_filter_get_sentiments    (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_sentiments    (ChorusInboxFilter        *self,
                                                              ChorusInboxSentiments     sentiments);
const char * const    *chorus_inbox_filter_get_languages     (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_languages     (ChorusInboxFilter        *self,
                                                              const char * const       *languages);
void                   chorus_inbox_filter_get_date_range    (const ChorusInboxFilter  *self,
                                                              gint64                   *since,
                                                              gint64                   *until);
void                   chorus_inbox_filter_set_date_range    (ChorusInboxFilter        *self,
                                                              gint64                    since,
                                                              gint64                    until);
gboolean               chorus_inbox_filter_get_unread_only   (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_unread_only   (ChorusInboxFilter        *self,
                                                              gboolean                  unread_only);
gboolean               chorus_inbox_filter_get_question_only (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_question_only (ChorusInboxFilter        *self,
                                                              gboolean                  question_only);
ChorusInboxSegments    chorus_inbox_filter_get_segments      (const ChorusInboxFilter  *self);
void                   chorus_inbox_filter_set_segments      (ChorusInboxFilter        *self,
                                                              ChorusInboxSegments       segments);

char                  *chorus_inbox_filter_serialize         (const ChorusInboxFilter  *self);
ChorusInboxFilter     *chorus_inbox_filter_deserialize       (const char               *data,
                                                              GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusInboxFilter, chorus_inbox_filter_free)

G_END_DECLS
