/* chorus-post-poll.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_POST_POLL (chorus_post_poll_get_type ())

typedef struct
{
  char   *title;
  gint64  votes;            /* -1 while the network hides the results */
} ChorusPostPollOption;

typedef struct
{
  GArray   *options;        /* ChorusPostPollOption, in the poll's order */
  gint64    voters_count;   /* people who voted, -1 when unknown */
  gint64    expires_at;     /* Unix time, 0 for a poll without an end */
  gboolean  multiple;       /* several choices per voter */
  gint64    refreshed_at;   /* when the results were read, 0 if never */
} ChorusPostPoll;

GType           chorus_post_poll_get_type      (void) G_GNUC_CONST;
ChorusPostPoll *chorus_post_poll_new           (gint64                voters_count,
                                                gint64                expires_at,
                                                gboolean              multiple,
                                                gint64                refreshed_at);
void            chorus_post_poll_add_option    (ChorusPostPoll       *poll,
                                                const char           *title,
                                                gint64                votes);
ChorusPostPoll *chorus_post_poll_copy          (const ChorusPostPoll *poll);
void            chorus_post_poll_free          (ChorusPostPoll       *poll);
guint           chorus_post_poll_get_n_options (const ChorusPostPoll *poll);
const ChorusPostPollOption *
                chorus_post_poll_get_option    (const ChorusPostPoll *poll,
                                                guint                 index);
gint64          chorus_post_poll_get_total     (const ChorusPostPoll *poll);
double          chorus_post_poll_get_share     (const ChorusPostPoll *poll,
                                                guint                 index);
gboolean        chorus_post_poll_is_leader     (const ChorusPostPoll *poll,
                                                guint                 index);
gboolean        chorus_post_poll_is_closed     (const ChorusPostPoll *poll,
                                                gint64                now);
char           *chorus_post_poll_format_status (const ChorusPostPoll *poll,
                                                gint64                now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusPostPoll, chorus_post_poll_free)

G_END_DECLS
