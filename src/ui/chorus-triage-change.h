/* chorus-triage-change.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-conversation.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* Called once a change finished, after "changed" or "failed" was emitted;
 * @error is %NULL when the change worked. */
typedef void       (*ChorusTriageThen)       (GtkWidget     *widget,
                                              const GError  *error);
typedef GPtrArray *(*ChorusTriageListFinish) (ChorusStore   *store,
                                              GAsyncResult  *result,
                                              GError       **error);
/* Called with the items a list read, or with %NULL after "failed" was
 * emitted. */
typedef void       (*ChorusTriageListed)     (GtkWidget     *widget,
                                              ChorusStore   *store,
                                              gpointer       target,
                                              GPtrArray     *items);

void            chorus_triage_class_add_signals (GObjectClass           *klass);
gpointer        chorus_triage_call_new          (GtkWidget              *widget,
                                                 char                   *message,
                                                 ChorusTriageThen        then);
void            chorus_triage_call_done_cb      (GObject                *source,
                                                 GAsyncResult           *result,
                                                 gpointer                user_data);
gpointer        chorus_triage_list_new          (GtkWidget              *widget,
                                                 ChorusTriageListFinish  finish,
                                                 ChorusTriageListed      listed,
                                                 gpointer                target);
void            chorus_triage_list_done_cb      (GObject                *source,
                                                 GAsyncResult           *result,
                                                 gpointer                user_data);

const char     *chorus_triage_priority_label    (ChorusPriority          priority);
const char     *chorus_triage_sentiment_name    (ChorusSentiment         sentiment);
const char     *chorus_triage_sentiment_icon    (ChorusSentiment         sentiment);
const char     *chorus_triage_sentiment_key     (ChorusSentiment         sentiment);
ChorusSentiment chorus_triage_parse_sentiment   (const char             *key);

char           *chorus_triage_message_status    (guint                   n,
                                                 const char             *status,
                                                 gboolean                closed);
char           *chorus_triage_message_assignee  (guint                   n,
                                                 const char             *member);
char           *chorus_triage_message_priority  (guint                   n,
                                                 ChorusPriority          priority);
char           *chorus_triage_message_tag       (guint                   n,
                                                 const char             *tag,
                                                 gboolean                added);
char           *chorus_triage_message_unread    (guint                   n);
char           *chorus_triage_message_sentiment (guint                   n,
                                                 ChorusSentiment         sentiment);
char           *chorus_triage_message_note      (gboolean                added);

G_END_DECLS
