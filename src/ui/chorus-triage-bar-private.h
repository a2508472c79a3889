/* chorus-triage-bar-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-status.h"
#include "chorus-tag-popover.h"
#include "chorus-triage-bar.h"

G_BEGIN_DECLS

/* What the two files of the triage bar share: chorus-triage-bar.c makes
 * the changes, chorus-triage-bar-view.c shows the selection's state. */

/* The value of the "Mixed" item, which no status, member or priority has. */
#define MIXED G_MININT64

typedef struct
{
  GtkDropDown   *drop_down;
  GtkStringList *names;
  GArray        *values;           /* gint64, one per item */
} Choice;

struct _ChorusTriageBar
{
  GtkWidget           parent_instance;

  Choice              status;
  Choice              assignee;
  Choice              priority;
  GtkMenuButton      *sentiment_button;
  GtkImage           *sentiment_icon;
  GtkLabel           *sentiment_label;
  GtkLabel           *why_label;   /* in the sentiment menu: what set it */
  GtkButton          *unread_button;
  GtkMenuButton      *add_tag_button;
  ChorusTagPopover   *tag_popover;
  GPtrArray          *chips;       /* GtkWidget, children of the bar */
  char               *chips_key;   /* what the chips show */

  GSimpleActionGroup *actions;
  ChorusStore        *store;
  GPtrArray          *conversations;
  GArray             *stale;       /* guint, positions of conversations to read again */
  guint               stale_id;
  GPtrArray          *statuses;    /* ChorusStatus, in position order */
  GPtrArray          *members;     /* ChorusTeamMember */
  GPtrArray          *tags;        /* ChorusTag, the workspace's */
  GCancellable       *cancellable;
  guint               loads;
  gboolean            updating;
};

void            _chorus_triage_bar_refresh             (ChorusTriageBar *self);
void            _chorus_triage_bar_init_why            (ChorusTriageBar *self);
void            _chorus_triage_bar_clear_chips         (ChorusTriageBar *self);
ChorusStatus   *_chorus_triage_bar_first_closed_status (ChorusTriageBar *self);
gboolean        _chorus_triage_bar_all_have_status     (ChorusTriageBar *self,
                                                        gint64           status_id);
void            _chorus_triage_bar_remove_tag          (ChorusTriageBar *self,
                                                        GtkButton       *button);

G_END_DECLS
