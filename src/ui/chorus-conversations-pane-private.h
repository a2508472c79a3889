/* chorus-conversations-pane-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-conversation-list.h"
#include "chorus-conversation-row.h"
#include "chorus-format.h"
#include "chorus-http.h"
#include "chorus-inbox-sidebar.h"
#include "chorus-insight-strip.h"
#include "chorus-media-cache.h"
#include "chorus-notes-panel.h"
#include "chorus-person-panel.h"
#include "chorus-reply-composer.h"
#include "chorus-store-inbox.h"
#include "chorus-store-insights.h"
#include "chorus-store-triage.h"
#include "chorus-thread-view.h"
#include "chorus-triage-bar.h"
#include "chorus-conversations-pane.h"

G_BEGIN_DECLS

#define N_QUICK_FILTERS 9

struct _ChorusConversationsPane
{
  GtkWidget               parent_instance;

  AdwToastOverlay        *toast_overlay;
  AdwLeaflet             *leaflet;
  ChorusInboxSidebar     *sidebar;
  GtkSearchEntry         *search_entry;
  GtkMenuButton          *filter_button;
  GtkCheckButton         *unread_check;
  GtkCheckButton         *question_check;
  GtkCheckButton         *positive_check;
  GtkCheckButton         *neutral_check;
  GtkCheckButton         *negative_check;
  GtkCheckButton         *mastodon_check;
  GtkCheckButton         *bluesky_check;
  GtkCheckButton         *discourse_check;
  GtkCheckButton         *feed_check;
  GtkLabel               *title_label;
  GtkLabel               *count_label;
  ChorusInsightStrip     *insight_strip;
  GtkStack               *stack;
  GtkListView            *list_view;
  GtkMultiSelection      *selection;
  GtkSignalListItemFactory *factory;
  GtkStack               *thread_stack;
  GtkBox                 *thread_box;
  AdwStatusPage          *no_thread_page;

  ChorusTriageBar        *triage_bar;
  GtkStack               *detail_stack;
  ChorusThreadView       *thread_view;
  ChorusReplyComposer    *reply_composer;
  ChorusNotesPanel       *notes_panel;
  ChorusPersonPanel      *person_panel;

  ChorusStore            *store;
  ChorusHttp             *http;
  ChorusConversationList *conversations;
  GCancellable           *insights_cancellable;
  gint64                  shown_id;
  guint                   reselect_position;  /* G_MAXUINT: keep the selection as it is */
  GArray                 *reselect_ids;       /* or select these once listed (after an undo) */
  GArray                 *undo_ids;           /* what the undo under way was about */
  GPtrArray              *row_pool;           /* ChorusConversationRow, unparented, for the factory */
  AdwToast               *last_toast;   /* for tests, see chorus_conversations_pane_get_last_toast() */
};

void               _chorus_conversations_pane_show_toast      (ChorusConversationsPane *self,
                                                               AdwToast                *toast);
ChorusInboxFilter *_chorus_conversations_pane_build_filter    (ChorusConversationsPane *self);
gboolean           _chorus_conversations_pane_quick_filtered  (ChorusConversationsPane *self);
GPtrArray         *_chorus_conversations_pane_dup_selected    (ChorusConversationsPane *self);
GArray            *_chorus_conversations_pane_dup_selected_ids (ChorusConversationsPane *self);
void               _chorus_conversations_pane_relist          (ChorusConversationsPane *self,
                                                               GArray                  *select_ids);
void               _chorus_conversations_pane_list_loaded     (ChorusConversationsPane *self);
void               _chorus_conversations_pane_get_quick_filters (ChorusConversationsPane *self,
                                                                 GtkCheckButton          *checks[N_QUICK_FILTERS]);
void               _chorus_conversations_pane_save_view       (GtkWidget               *widget,
                                                               const char              *action_name,
                                                               GVariant                *parameter);

G_END_DECLS
