/* chorus-reply-composer-items.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-post-actions.h"
#include "chorus-reply-composer-private.h"

/* What the composer keeps of the outbox: the conversation's items not
 * sent yet, listed under the reply with Retry, Edit and Cancel; editing a
 * queued or failed reply in the composer's own text view, where Send
 * becomes Save Changes until the change is saved or dropped (Escape);
 * and the likes and reposts the thread's buttons ask for, queued here so
 * that their toasts come from the composer like a reply's. The thread
 * view is told what the outbox holds each time it is listed. */

static const char *
state_label (ChorusOutboxItem *item)
{
  switch (chorus_outbox_item_get_state (item))
    {
    case CHORUS_OUTBOX_STATE_QUEUED:
      return _("Queued");
    case CHORUS_OUTBOX_STATE_SENDING:
      return _("Sending");
    case CHORUS_OUTBOX_STATE_FAILED:
      return _("Failed");
    case CHORUS_OUTBOX_STATE_SENT:
    case CHORUS_OUTBOX_STATE_CANCELLED:
    default:
      return NULL;
    }
}

/* A reply's text, or what a like or repost is called on its network. */
static const char *
item_label (ChorusOutboxItem *item)
{
  const char *label;

  if (chorus_outbox_item_get_kind (item) == CHORUS_OUTBOX_KIND_REPLY)
    return chorus_outbox_item_get_body (item);

  label = chorus_post_action_get_label (chorus_outbox_item_get_network (item), chorus_outbox_item_get_kind (item));
  return label != NULL ? label : chorus_outbox_item_get_body (item);
}

/* Editing */

static void
set_editing (ChorusReplyComposer *self,
             ChorusOutboxItem    *item)
{
  gboolean editing = item != NULL;

  g_set_object (&self->editing, item);
  gtk_button_set_label (self->send_button, editing ? _("_Save Changes") : _("_Send"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button),
                               editing ? _("Save the changed reply (Ctrl+Enter)") : _("Send the reply (Ctrl+Enter)"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_edit_button), editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.cancel-edit", editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), editing || self->target_post_id > 0);
}

static void
start_edit (ChorusReplyComposer *self,
            ChorusOutboxItem    *item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GError) error = NULL;

  /* The reply being written waits until the edit is over. */
  if (self->editing == NULL)
    {
      g_free (self->draft);
      self->draft = _chorus_reply_composer_dup_text (self);
    }

  /* The limit of the post it answers, quick to read; when that post is
   * gone, the conversation's (one network), which saving checks again. */
  if (!chorus_store_get_reply_limit (self->store, chorus_outbox_item_get_target_post_id (item),
                                     &self->edit_limit, &error))
    self->edit_limit = self->limit > 0 ? self->limit : CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT;

  set_editing (self, item);
  gtk_text_buffer_set_text (buffer, chorus_outbox_item_get_body (item), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  _chorus_reply_composer_update_counter (self);
}

void
_chorus_reply_composer_leave_edit (ChorusReplyComposer *self,
                                   gboolean             restore_draft)
{
  g_autofree char *draft = g_steal_pointer (&self->draft);

  if (self->editing == NULL)
    return;

  set_editing (self, NULL);
  if (restore_draft)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), draft ? draft : "", -1);
  _chorus_reply_composer_update_counter (self);
}

static void
on_edited_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusReplyComposer) self = user_data;
  g_autoptr(ChorusOutboxItem) item = NULL;

  if (!_chorus_reply_composer_finish_change (self, result, &item))
    return;

  /* Refused, the new text stays, to be fixed or dropped. */
  if (item != NULL)
    {
      _chorus_reply_composer_leave_edit (self, TRUE);
      g_signal_emit_by_name (self, "changed", (gint64) 0, _("Reply changed"));
    }
  _chorus_reply_composer_update_counter (self);
  _chorus_reply_composer_reload_items (self);
}

void
_chorus_reply_composer_save_edit (ChorusReplyComposer *self)
{
  g_autofree char *text = _chorus_reply_composer_dup_text (self);

  _chorus_reply_composer_set_busy (self, TRUE);
  _chorus_reply_composer_update_counter (self);
  chorus_store_change_outbox_async (self->store, CHORUS_OUTBOX_EDIT, chorus_outbox_item_get_id (self->editing),
                                    text, self->cancellable, on_edited_cb, g_object_ref (self));
}

/* The list */

static void
on_item_button_clicked_cb (GtkButton           *button,
                           ChorusReplyComposer *self)
{
  ChorusOutboxItem *item = g_object_get_data (G_OBJECT (button), "chorus-outbox-item");
  ChorusOutboxChange change = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "chorus-outbox-change"));

  if (self->store == NULL)
    return;

  if (change == CHORUS_OUTBOX_EDIT)
    {
      start_edit (self, item);
      return;
    }

  _chorus_reply_composer_set_busy (self, TRUE);
  _chorus_reply_composer_update_counter (self);
  chorus_store_change_outbox_async (self->store, change, chorus_outbox_item_get_id (item), NULL, self->cancellable,
                                    _chorus_reply_composer_item_changed_cb, g_object_ref (self));
}

static void
add_item_button (GtkWidget           *row_box,
                 ChorusReplyComposer *self,
                 ChorusOutboxItem    *item,
                 const char          *label,
                 ChorusOutboxChange   change)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "chorus-outbox-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (button), "chorus-outbox-change", GINT_TO_POINTER (change));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_button_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (row_box), button);
}

static GtkWidget *
create_item_row (gpointer object,
                 gpointer user_data)
{
  ChorusOutboxItem *item = object;
  ChorusReplyComposer *self = user_data;
  GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *body = gtk_label_new (item_label (item));
  GtkWidget *state = gtk_label_new (NULL);
  const char *last_error = chorus_outbox_item_get_last_error (item);

  gtk_widget_set_margin_start (row_box, 8);
  gtk_widget_set_margin_end (row_box, 8);
  gtk_widget_set_margin_top (row_box, 6);
  gtk_widget_set_margin_bottom (row_box, 6);
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_wrap (GTK_LABEL (state), TRUE);
  gtk_widget_add_css_class (state, "caption");
  if (last_error != NULL && *last_error != '\0')
    {
      g_autofree char *line = NULL;

      /* Translators: an unsent reply's state ("Failed"), then why the network did not take it. */
      line = g_strdup_printf (C_("reply state", "%s: %s"), state_label (item), last_error);
      gtk_label_set_label (GTK_LABEL (state), line);
    }
  else
    gtk_label_set_label (GTK_LABEL (state), state_label (item));
  gtk_widget_add_css_class (state, chorus_outbox_item_get_state (item) == CHORUS_OUTBOX_STATE_FAILED ?
                            "error" : "dim-label");

  gtk_box_append (GTK_BOX (texts), body);
  gtk_box_append (GTK_BOX (texts), state);
  gtk_box_append (GTK_BOX (row_box), texts);
  if (chorus_outbox_item_can_retry (item))
    add_item_button (row_box, self, item, _("_Retry"), CHORUS_OUTBOX_RETRY);
  if (chorus_outbox_item_can_edit (item))
    add_item_button (row_box, self, item, _("_Edit"), CHORUS_OUTBOX_EDIT);
  if (chorus_outbox_item_can_cancel (item))
    add_item_button (row_box, self, item, _("_Cancel"), CHORUS_OUTBOX_CANCEL);

  return row_box;
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusReplyComposer) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = chorus_store_list_outbox_finish (CHORUS_STORE (object), result, &error);
  if (_chorus_reply_composer_is_gone (self, error))
    return;
  _chorus_reply_composer_set_busy (self, FALSE);
  if (items == NULL)
    {
      g_signal_emit_by_name (self, "failed", error);
      _chorus_reply_composer_update_counter (self);
      return;
    }

  g_list_store_remove_all (self->items);
  for (guint i = 0; i < items->len; i++)
    {
      ChorusOutboxItem *item = g_ptr_array_index (items, i);

      if (chorus_outbox_item_get_conversation_id (item) == self->conversation_id &&
          state_label (item) != NULL)
        g_list_store_append (self->items, item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->items_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0);
  if (self->thread_view != NULL && chorus_thread_view_get_conversation_id (self->thread_view) == self->conversation_id)
    chorus_thread_view_set_outbox_items (self->thread_view, items);
  _chorus_reply_composer_update_counter (self);
}

void
_chorus_reply_composer_reload_items (ChorusReplyComposer *self)
{
  if (self->store == NULL || self->conversation_id == 0)
    return;

  _chorus_reply_composer_set_busy (self, TRUE);
  chorus_store_list_outbox_async (self->store, self->conversation_id, self->cancellable, on_listed_cb,
                                  g_object_ref (self));
}

void
_chorus_reply_composer_init_items (ChorusReplyComposer *self)
{
  self->items = g_list_store_new (CHORUS_TYPE_OUTBOX_ITEM);
  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->items), create_item_row, self, NULL);
}

/* Likes and reposts */

static void
on_acted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChorusReplyComposer) self = user_data;
  g_autoptr(ChorusOutboxItem) item = NULL;

  if (!_chorus_reply_composer_finish_change (self, result, &item))
    return;

  /* The outbox sends it, in the background; the list shows it until then. */
  if (item != NULL)
    g_signal_emit_by_name (self, "changed", (gint64) 0,
                           chorus_post_action_get_queued_message (chorus_outbox_item_get_network (item),
                                                                  chorus_outbox_item_get_kind (item)));
  _chorus_reply_composer_update_counter (self);
  _chorus_reply_composer_reload_items (self);
}

/* Queues a like or repost (@change) of @post_id, as the thread asked. */
void
_chorus_reply_composer_act (ChorusReplyComposer *self,
                            ChorusOutboxChange   change,
                            gint64               post_id)
{
  g_return_if_fail (change == CHORUS_OUTBOX_QUEUE_LIKE || change == CHORUS_OUTBOX_QUEUE_REPOST);

  if (self->store == NULL)
    return;

  _chorus_reply_composer_set_busy (self, TRUE);
  _chorus_reply_composer_update_counter (self);
  chorus_store_change_outbox_async (self->store, change, post_id, NULL, self->cancellable, on_acted_cb,
                                    g_object_ref (self));
}
