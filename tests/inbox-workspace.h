/* inbox-workspace.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A workspace of 60 conversations for the inbox's tests, each made by a
 * rule of its number i (0–59): who started it, what it says, whether a
 * reply came, and its triage state. The rules are the expected values. */

#pragma once

#include "chorus-test-util.h"

G_BEGIN_DECLS

#define INBOX_N_CONVERSATIONS 60
#define INBOX_BASE G_GINT64_CONSTANT (1700000000)

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  gint64               ids[INBOX_N_CONVERSATIONS];   /* the conversation of rule i */
} InboxWorkspace;

typedef gint64 (*InboxRank) (guint i);

void        inbox_workspace_set_up    (InboxWorkspace *w,
                                       gconstpointer   data);
void        inbox_workspace_tear_down (InboxWorkspace *w,
                                       gconstpointer   data);
GArray     *inbox_workspace_expect    (InboxWorkspace *w,
                                       InboxRank       rank,
                                       gboolean        unread_only);
guint       inbox_workspace_index_of  (InboxWorkspace *w,
                                       gint64          id);
char       *inbox_ids_to_string       (GArray         *ids);

/* 0 "@ana@social.example" (advocate), 1 "@ana@other.example",
 * 2 "@bo.bsky.social" (vip, influencer), 3 cy on the forum (detractor),
 * 4 a blog's feed, 5 "@dee@social.example", who writes every reply. */
guint       inbox_root_author         (guint           i);
const char *inbox_network             (guint           i);
gboolean    inbox_has_reply           (guint           i);
gint64      inbox_root_time           (guint           i);
gint64      inbox_reply_time          (guint           i);
gint64      inbox_activity            (guint           i);
const char *inbox_language            (guint           i);
int         inbox_status              (guint           i);
gint64      inbox_assignee            (guint           i);
int         inbox_sentiment           (guint           i);
gboolean    inbox_unread              (guint           i);
gboolean    inbox_question            (guint           i);
gboolean    inbox_has_tag             (guint           i,
                                       gint64          tag);

G_END_DECLS
