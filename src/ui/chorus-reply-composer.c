/* chorus-reply-composer.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-post.h"
#include "chorus-reply-composer-private.h"
#include "chorus-reply-template.h"
#include "chorus-triage-change.h"

/* The reply box under a conversation's thread. It answers the newest post
 * of the thread that is not the brand's own, starting with a mention of
 * its author, counts the text as the network will, and sends through the
 * outbox: the reply is queued in a worker, then the workspace's sender
 * flushes that account's queue, and the thread is read again so the
 * brand's answer shows. Replies the network has not taken yet (queued,
 * sending or failed) are listed below, with Retry, Edit and Cancel, so
 * nothing typed is lost silently (chorus-reply-composer-items.c, which
 * also queues the likes and reposts the thread asks for). "Saved Replies"
 * inserts a saved answer at the cursor, with the name of the person
 * answered filled in. */

G_DEFINE_FINAL_TYPE (ChorusReplyComposer, chorus_reply_composer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_TARGET_POST_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Whether an answer came after the composer was disposed, or was
 * cancelled, and is to be dropped. */
gboolean
_chorus_reply_composer_is_gone (ChorusReplyComposer *self,
                                const GError        *error)
{
  return self->text_view == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

char *
_chorus_reply_composer_dup_text (ChorusReplyComposer *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_chorus_reply_composer_set_busy (ChorusReplyComposer *self,
                                 gboolean             busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

void
_chorus_reply_composer_update_counter (ChorusReplyComposer *self)
{
  g_autofree char *text = _chorus_reply_composer_dup_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *counter = NULL;
  const char *network = self->editing ? chorus_outbox_item_get_network (self->editing) : self->network;
  guint limit = self->editing ? self->edit_limit : self->limit;
  guint length;
  gboolean over;

  if (self->target_post_id == 0 && self->editing == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send", FALSE);
      return;
    }

  length = chorus_outbox_count_length (network, text);
  over = length > limit;
  /* Translators: the length of a reply being written, and the most it may hold, e.g. "123 / 500". */
  counter = g_strdup_printf (_("%u / %u"), length, limit);
  gtk_label_set_label (self->counter_label, counter);
  if (over)
    gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send",
                                 *stripped != '\0' && !over && self->busy == 0);
}

/* Sending */

static void
on_item_finished_cb (ChorusOutboxSender  *sender,
                     gint64               id,
                     const char          *state,
                     const GError        *error,
                     ChorusReplyComposer *self)
{
  if (error != NULL)
    {
      g_clear_error (&self->last_error);
      self->last_error = g_error_copy (error);
    }
}

static void
on_flushed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusReplyComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ChorusOutboxSummary summary = { 0, };

  if (!chorus_outbox_sender_flush_finish (CHORUS_OUTBOX_SENDER (object), result, &summary, &error) ||
      _chorus_reply_composer_is_gone (self, NULL))
    {
      if (_chorus_reply_composer_is_gone (self, error))
        return;
      _chorus_reply_composer_set_busy (self, FALSE);
      g_signal_emit_by_name (self, "failed", error);
      _chorus_reply_composer_reload_items (self);
      return;
    }

  if (summary.sent > 0 && summary.failed == 0 && summary.waiting == 0)
    message = g_strdup (_("Reply sent"));
  else if (summary.failed > 0 && self->last_error != NULL)
    /* Translators: %s says why the network refused the reply. */
    message = g_strdup_printf (_("Reply not sent: %s"), self->last_error->message);
  else if (self->last_error != NULL)
    /* Translators: %s says why the network did not take the reply yet. */
    message = g_strdup_printf (_("Reply queued: %s"), self->last_error->message);
  else
    message = g_strdup (_("Reply queued: it will be sent when the network answers"));
  g_signal_emit_by_name (self, "changed", (gint64) 0, message);

  _chorus_reply_composer_set_busy (self, FALSE);
  if (summary.sent > 0 && self->thread_view != NULL && self->conversation_id > 0)
    chorus_thread_view_show (self->thread_view, self->store, self->conversation_id);
  _chorus_reply_composer_reload_items (self);
}

static void
flush_source (ChorusReplyComposer *self,
              gint64               source_id)
{
  g_clear_error (&self->last_error);
  _chorus_reply_composer_set_busy (self, TRUE);
  chorus_outbox_sender_flush_async (self->sender, source_id, self->cancellable, on_flushed_cb,
                                    g_object_ref (self));
}

/* Finishes a change of the outbox. Returns %FALSE when the answer is to
 * be dropped; otherwise the composer is no longer busy with it, and @item
 * holds the item changed, or %NULL once "failed" said why not. */
gboolean
_chorus_reply_composer_finish_change (ChorusReplyComposer  *self,
                                      GAsyncResult         *result,
                                      ChorusOutboxItem    **item)
{
  g_autoptr(GError) error = NULL;
  ChorusStore *store = g_task_get_source_object (G_TASK (result));

  *item = chorus_store_change_outbox_finish (store, result, &error);
  if (_chorus_reply_composer_is_gone (self, error))
    {
      g_clear_object (item);
      return FALSE;
    }

  _chorus_reply_composer_set_busy (self, FALSE);
  if (*item == NULL)
    g_signal_emit_by_name (self, "failed", error);
  return TRUE;
}

/* What a retry or a cancel made of an item: one queued again goes out at once. */
void
_chorus_reply_composer_item_changed_cb (GObject      *object,
                                        GAsyncResult *result,
                                        gpointer      user_data)
{
  g_autoptr(ChorusReplyComposer) self = user_data;
  g_autoptr(ChorusOutboxItem) item = NULL;

  if (!_chorus_reply_composer_finish_change (self, result, &item))
    return;

  if (item != NULL && chorus_outbox_item_get_state (item) == CHORUS_OUTBOX_STATE_QUEUED && self->sender != NULL)
    flush_source (self, chorus_outbox_item_get_source_id (item));
  else
    _chorus_reply_composer_reload_items (self);
}

static void
on_queued_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusReplyComposer) self = user_data;
  ChorusReplyComposer *composer = self;

  /* The text was taken: it lives in the outbox now. */
  if (!_chorus_reply_composer_is_gone (composer, NULL) && !g_task_had_error (G_TASK (result)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer->text_view), "", -1);
  _chorus_reply_composer_item_changed_cb (object, result, g_steal_pointer (&self));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusReplyComposer *self = CHORUS_REPLY_COMPOSER (widget);
  g_autofree char *text = NULL;

  if (self->store != NULL && self->editing != NULL)
    {
      _chorus_reply_composer_save_edit (self);
      return;
    }

  if (self->store == NULL || self->target_post_id == 0)
    return;

  text = _chorus_reply_composer_dup_text (self);
  _chorus_reply_composer_set_busy (self, TRUE);
  _chorus_reply_composer_update_counter (self);
  chorus_store_change_outbox_async (self->store, CHORUS_OUTBOX_QUEUE_REPLY, self->target_post_id, text,
                                    self->cancellable, on_queued_cb, g_object_ref (self));
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _chorus_reply_composer_leave_edit (CHORUS_REPLY_COMPOSER (widget), TRUE);
}

/* Saved replies and the thread's buttons */

/* At the cursor, but never inside the mention the reply starts with. */
static void
on_saved_reply_chosen_cb (ChorusSavedRepliesButton *button,
                          ChorusSavedReply         *reply,
                          ChorusReplyComposer      *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = chorus_reply_template_expand (chorus_saved_reply_get_body (reply),
                                                        self->author_name, self->author_handle);
  g_autofree char *mention = g_strdup_printf ("%s ", self->author_handle ? self->author_handle : "");
  g_autofree char *current = _chorus_reply_composer_dup_text (self);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (self->author_handle != NULL && g_str_has_prefix (current, mention) &&
      gtk_text_iter_get_offset (&iter) < g_utf8_strlen (mention, -1))
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_strlen (mention, -1));

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_like_requested_cb (ChorusThreadView    *thread_view,
                      gint64               post_id,
                      ChorusReplyComposer *self)
{
  _chorus_reply_composer_act (self, CHORUS_OUTBOX_QUEUE_LIKE, post_id);
}

static void
on_repost_requested_cb (ChorusThreadView    *thread_view,
                        gint64               post_id,
                        ChorusReplyComposer *self)
{
  _chorus_reply_composer_act (self, CHORUS_OUTBOX_QUEUE_REPOST, post_id);
}

/* The post answered */

static void
find_target (ChorusReplyComposer *self)
{
  GListModel *posts = chorus_thread_view_get_posts (self->thread_view);
  ChorusPost *target = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(ChorusPost) post = g_list_model_get_item (posts, i);

      if (!chorus_post_get_is_own (post) &&
          (target == NULL || chorus_post_get_created_at (post) >= chorus_post_get_created_at (target)))
        g_set_object (&target, post);
    }

  self->target_post_id = 0;
  g_clear_pointer (&self->network, g_free);
  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->author_handle, g_free);
  if (target != NULL && chorus_store_get_reply_limit (self->store, chorus_post_get_id (target), &self->limit, &error))
    {
      self->target_post_id = chorus_post_get_id (target);
      self->network = g_strdup (chorus_post_get_network (target));
      self->author_name = g_strdup (chorus_post_get_author_name (target));
      self->author_handle = g_strdup (chorus_post_get_author_handle (target));
      if (self->needs_mention && chorus_post_get_author_handle (target) != NULL)
        {
          g_autofree char *mention = g_strdup_printf ("%s ", chorus_post_get_author_handle (target));

          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), mention, -1);
        }
      self->needs_mention = FALSE;
    }
  else if (error != NULL)
    gtk_label_set_label (self->counter_label, error->message);
  else
    gtk_label_set_label (self->counter_label, _("There is no post to answer"));

  g_clear_object (&target);
  /* What refuses a reply (a sample source) refuses likes and reposts. */
  chorus_thread_view_set_can_act (self->thread_view, self->target_post_id > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), self->target_post_id > 0 || self->editing != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET_POST_ID]);
  _chorus_reply_composer_update_counter (self);
}

static void
on_thread_loading_cb (ChorusThreadView    *thread_view,
                      GParamSpec          *pspec,
                      ChorusReplyComposer *self)
{
  if (self->store != NULL && self->conversation_id > 0 &&
      !chorus_thread_view_get_loading (thread_view) &&
      chorus_thread_view_get_conversation_id (thread_view) == self->conversation_id)
    find_target (self);
}

static void
chorus_reply_composer_dispose (GObject *object)
{
  ChorusReplyComposer *self = (ChorusReplyComposer *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->thread_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->thread_view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->thread_view), (gpointer *) &self->thread_view);
      self->thread_view = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_REPLY_COMPOSER);

  g_clear_object (&self->store);
  g_clear_object (&self->sender);
  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->network, g_free);
  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->author_handle, g_free);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->draft, g_free);

  G_OBJECT_CLASS (chorus_reply_composer_parent_class)->dispose (object);
}

static void
chorus_reply_composer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ChorusReplyComposer *self = CHORUS_REPLY_COMPOSER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, chorus_reply_composer_get_busy (self));
      break;

    case PROP_TARGET_POST_ID:
      g_value_set_int64 (value, self->target_post_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_reply_composer_class_init (ChorusReplyComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_reply_composer_dispose;
  object_class->get_property = chorus_reply_composer_get_property;

  /* Whether a reply is being queued or sent, or the list read. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* The post a reply answers, 0 when there is none. */
  properties [PROP_TARGET_POST_ID] =
    g_param_spec_int64 ("target-post-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  chorus_triage_class_add_signals (object_class);

  gtk_widget_class_install_action (widget_class, "composer.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "composer.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "composer.cancel-edit", NULL);

  g_type_ensure (CHORUS_TYPE_SAVED_REPLIES_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-reply-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, box);
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, counter_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, saved_replies_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, cancel_edit_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, send_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusReplyComposer, items_list);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_reply_chosen_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_reply_composer_init (ChorusReplyComposer *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  _chorus_reply_composer_init_items (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.cancel-edit", FALSE);

  /* Before the text view's own keys, which would start a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("composer.send")));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (_chorus_reply_composer_update_counter), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), FALSE);
  _chorus_reply_composer_update_counter (self);
}

/**
 * chorus_reply_composer_new:
 * @thread_view: the thread the replies answer, which the composer reads
 *   the post to answer from and shows again after a reply was sent
 *
 * Returns: (transfer floating): a new #ChorusReplyComposer
 */
GtkWidget *
chorus_reply_composer_new (ChorusThreadView *thread_view)
{
  ChorusReplyComposer *self;

  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (thread_view), NULL);

  self = g_object_new (CHORUS_TYPE_REPLY_COMPOSER, NULL);
  self->thread_view = thread_view;
  g_object_add_weak_pointer (G_OBJECT (thread_view), (gpointer *) &self->thread_view);
  g_signal_connect (thread_view, "notify::loading", G_CALLBACK (on_thread_loading_cb), self);
  g_signal_connect (thread_view, "like-requested", G_CALLBACK (on_like_requested_cb), self);
  g_signal_connect (thread_view, "repost-requested", G_CALLBACK (on_repost_requested_cb), self);

  return GTK_WIDGET (self);
}

/**
 * chorus_reply_composer_set_store:
 * @self: a #ChorusReplyComposer
 * @store: (nullable): the workspace the outbox is in
 * @http: (nullable): the HTTP client replies are sent with; needed with a @store
 *
 * Drops what was being shown, and takes the sender @store's outbox is
 * flushed with (chorus_outbox_sender_dup_for_store()).
 */
void
chorus_reply_composer_set_store (ChorusReplyComposer *self,
                                 ChorusStore         *store,
                                 ChorusHttp          *http)
{
  g_return_if_fail (CHORUS_IS_REPLY_COMPOSER (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));
  g_return_if_fail (!store || CHORUS_IS_HTTP (http));

  if (store == self->store && self->sender != NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = 0;
  g_clear_object (&self->sender);
  g_set_object (&self->store, store);
  chorus_saved_replies_button_set_store (self->saved_replies_button, store);
  if (store != NULL)
    {
      self->sender = chorus_outbox_sender_dup_for_store (store, http);
      g_signal_connect_object (self->sender, "item-finished", G_CALLBACK (on_item_finished_cb), self, 0);
    }
  chorus_reply_composer_show (self, store, 0);
}

/**
 * chorus_reply_composer_show:
 * @self: a #ChorusReplyComposer
 * @store: (nullable): the workspace, as given to chorus_reply_composer_set_store()
 * @conversation_id: the conversation to answer, or 0 for none
 *
 * Clears the reply, to start again with a mention of the author of the
 * post it will answer once the thread view has read the conversation,
 * and lists the conversation's replies not sent yet.
 */
void
chorus_reply_composer_show (ChorusReplyComposer *self,
                            ChorusStore         *store,
                            gint64               conversation_id)
{
  g_return_if_fail (CHORUS_IS_REPLY_COMPOSER (self));
  g_return_if_fail (!store || store == self->store);

  _chorus_reply_composer_leave_edit (self, FALSE);
  self->conversation_id = store != NULL ? conversation_id : 0;
  self->target_post_id = 0;
  self->needs_mention = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_label_set_label (self->counter_label, NULL);
  g_list_store_remove_all (self->items);
  gtk_widget_set_visible (GTK_WIDGET (self->items_list), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET_POST_ID]);
  _chorus_reply_composer_update_counter (self);

  if (self->conversation_id == 0)
    return;

  _chorus_reply_composer_reload_items (self);
  if (self->thread_view != NULL && !chorus_thread_view_get_loading (self->thread_view) &&
      chorus_thread_view_get_conversation_id (self->thread_view) == conversation_id)
    find_target (self);
}

/**
 * chorus_reply_composer_get_target_post_id:
 * @self: a #ChorusReplyComposer
 *
 * Returns: the post a reply would answer, or 0 when there is none (yet)
 */
gint64
chorus_reply_composer_get_target_post_id (ChorusReplyComposer *self)
{
  g_return_val_if_fail (CHORUS_IS_REPLY_COMPOSER (self), 0);

  return self->target_post_id;
}

/**
 * chorus_reply_composer_get_busy:
 * @self: a #ChorusReplyComposer
 *
 * Returns: whether a reply is being queued or sent, or the list read
 */
gboolean
chorus_reply_composer_get_busy (ChorusReplyComposer *self)
{
  g_return_val_if_fail (CHORUS_IS_REPLY_COMPOSER (self), FALSE);

  return self->busy > 0;
}

/**
 * chorus_reply_composer_get_items:
 * @self: a #ChorusReplyComposer
 *
 * Returns: (transfer none): the conversation's replies, likes and reposts
 *   not sent yet, as #ChorusOutboxItem
 */
GListModel *
chorus_reply_composer_get_items (ChorusReplyComposer *self)
{
  g_return_val_if_fail (CHORUS_IS_REPLY_COMPOSER (self), NULL);

  return G_LIST_MODEL (self->items);
}
