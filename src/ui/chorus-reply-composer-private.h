/* chorus-reply-composer-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-reply-composer.h"
#include "chorus-saved-replies-button.h"

G_BEGIN_DECLS

struct _ChorusReplyComposer
{
  GtkWidget                 parent_instance;

  GtkWidget                *box;
  GtkTextView              *text_view;
  GtkLabel                 *counter_label;
  ChorusSavedRepliesButton *saved_replies_button;
  GtkButton                *cancel_edit_button;
  GtkButton                *send_button;
  GtkListBox               *items_list;

  ChorusThreadView         *thread_view;      /* not owned: it holds the composer's pane */
  ChorusStore              *store;
  ChorusOutboxSender       *sender;
  GListStore               *items;            /* ChorusOutboxItem, not sent yet */
  GCancellable             *cancellable;
  GError                   *last_error;       /* from the last flush's items */
  char                     *network;
  char                     *author_name;      /* of the post answered, for saved replies */
  char                     *author_handle;
  ChorusOutboxItem         *editing;          /* the reply being reworded, or NULL */
  char                     *draft;            /* what the text view held before the edit */
  gint64                    conversation_id;
  gint64                    target_post_id;
  guint                     limit;
  guint                     edit_limit;
  guint                     busy;
  gboolean                  needs_mention;
};

/* chorus-reply-composer.c */
gboolean _chorus_reply_composer_is_gone         (ChorusReplyComposer *self,
                                                 const GError        *error);
char    *_chorus_reply_composer_dup_text        (ChorusReplyComposer *self);
void     _chorus_reply_composer_set_busy        (ChorusReplyComposer *self,
                                                 gboolean             busy);
void     _chorus_reply_composer_update_counter  (ChorusReplyComposer *self);
gboolean _chorus_reply_composer_finish_change   (ChorusReplyComposer *self,
                                                 GAsyncResult        *result,
                                                 ChorusOutboxItem   **item);
void     _chorus_reply_composer_item_changed_cb (GObject             *object,
                                                 GAsyncResult        *result,
                                                 gpointer             user_data);

/* chorus-reply-composer-items.c: the outbox list, editing an item of it,
 * and likes and reposts asked for from the thread. */
void     _chorus_reply_composer_init_items      (ChorusReplyComposer *self);
void     _chorus_reply_composer_reload_items    (ChorusReplyComposer *self);
void     _chorus_reply_composer_save_edit       (ChorusReplyComposer *self);
void     _chorus_reply_composer_leave_edit      (ChorusReplyComposer *self,
                                                 gboolean             restore_draft);
void     _chorus_reply_composer_act             (ChorusReplyComposer *self,
                                                 ChorusOutboxChange   change,
                                                 gint64               post_id);

G_END_DECLS
