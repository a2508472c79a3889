/* chorus-conversations-pane.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-conversation-list.h"
#include "chorus-conversation-row.h"
#include "chorus-conversations-pane-private.h"
#include "chorus-format.h"
#include "chorus-http.h"
#include "chorus-inbox-sidebar.h"
#include "chorus-insight-strip.h"
#include "chorus-media-cache.h"
#include "chorus-notes-panel.h"
#include "chorus-person-panel.h"
#include "chorus-reply-composer.h"
#include "chorus-stack-switcher.h"
#include "chorus-store-inbox.h"
#include "chorus-store-insights.h"
#include "chorus-store-triage.h"
#include "chorus-thread-view.h"
#include "chorus-triage-bar.h"

/* The inbox: views on the left, the conversations of the chosen view
 * (narrowed by the search box and the quick filters) in the middle, and
 * the selected conversation's thread, triage controls and notes on the
 * right. Everything the list shows is filtered and searched in SQL (see
 * chorus-store-inbox.c); the pane only composes the filter. Triage
 * changes come back as toasts that can undo them. Keyboard first: j and
 * k move, Enter reads, e closes, a assigns, t tags, u marks unread and /
 * searches. */


G_DEFINE_FINAL_TYPE (ChorusConversationsPane, chorus_conversations_pane, GTK_TYPE_WIDGET)

/* Takes @toast, as adw_toast_overlay_add_toast() does. */
void
_chorus_conversations_pane_show_toast (ChorusConversationsPane *self,
            AdwToast                *toast)
{
  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_page (ChorusConversationsPane *self)
{
  const ChorusInboxFilter *filter;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n_items;

  gtk_label_set_label (self->title_label, chorus_inbox_sidebar_get_title (self->sidebar));

  if (self->conversations == NULL)
    {
      gtk_label_set_label (self->count_label, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->conversations));
  count = chorus_format_count (n_items);
  /* Translators: %s is a number, formatted for the locale. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation", "%s conversations", n_items),
                          count);
  gtk_label_set_label (self->count_label, n_items > 0 ? text : NULL);

  if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  filter = chorus_conversation_list_get_filter (self->conversations);
  if (chorus_conversation_list_get_loading (self->conversations))
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (chorus_store_get_counter (self->store, "conversations") == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, chorus_inbox_filter_is_empty (filter) ? "empty" : "no-results");
}

/* Insights */

#define INSIGHT_DAYS 14

static void
on_insights_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusConversationsPane) self = user_data;
  g_autoptr(ChorusInsights) insights = NULL;
  g_autoptr(GError) error = NULL;

  if (!(insights = chorus_store_insights_finish (CHORUS_STORE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot compute the inbox's figures: %s", error->message);
      return;
    }

  chorus_insight_strip_set_insights (self->insight_strip, insights);
}

/* Once the view is listed in full: its figures. */
static void
update_insights (ChorusConversationsPane *self)
{
  g_autoptr(GArray) ids = NULL;

  /* The figures of the view being left are of no use: a listing starts,
   * and it has the cores to itself until it is done. */
  g_cancellable_cancel (self->insights_cancellable);
  g_clear_object (&self->insights_cancellable);

  if (self->conversations == NULL || chorus_conversation_list_get_loading (self->conversations))
    return;

  self->insights_cancellable = g_cancellable_new ();

  ids = chorus_conversation_list_dup_ids (self->conversations);
  chorus_store_insights_async (self->store, ids, INSIGHT_DAYS, g_get_real_time () / G_USEC_PER_SEC,
                               self->insights_cancellable, on_insights_cb, g_object_ref (self));
}

static void
apply_filter (ChorusConversationsPane *self)
{
  g_autoptr(ChorusInboxFilter) filter = NULL;

  if (self->conversations == NULL || chorus_inbox_sidebar_get_filter (self->sidebar) == NULL)
    return;

  filter = _chorus_conversations_pane_build_filter (self);
  chorus_conversation_list_set_filter (self->conversations, filter);

  if (_chorus_conversations_pane_quick_filtered (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  update_page (self);
}

/* The selection */

static void
on_marked_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (chorus_store_triage_finish (CHORUS_STORE (object), result, &error) == 0 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot mark a conversation read: %s", error->message);
}

static void
show_selection (ChorusConversationsPane *self)
{
  g_autoptr(GPtrArray) selected = _chorus_conversations_pane_dup_selected (self);
  ChorusConversation *first;
  g_autofree char *description = NULL;

  chorus_triage_bar_set_conversations (self->triage_bar, self->store, selected);

  if (selected->len == 0)
    {
      self->shown_id = 0;
      adw_status_page_set_title (self->no_thread_page, _("No Conversation Selected"));
      adw_status_page_set_description (self->no_thread_page,
                                       _("Choose a conversation to read it, answer and triage it. "
                                         "Press ? to see the keyboard shortcuts."));
      gtk_stack_set_visible_child_name (self->thread_stack, "none");
      return;
    }

  gtk_stack_set_visible_child_name (self->thread_stack, "thread");

  if (selected->len > 1)
    {
      g_autofree char *count = chorus_format_count (selected->len);

      self->shown_id = 0;
      /* Translators: %s is a number of conversations, formatted for the locale. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation selected",
                                                  "%s conversations selected", selected->len), count);
      gtk_stack_set_visible_child_name (self->detail_stack, "bulk");
      gtk_label_set_label (GTK_LABEL (gtk_stack_get_child_by_name (self->detail_stack, "bulk")), description);
      return;
    }

  first = g_ptr_array_index (selected, 0);
  gtk_stack_set_visible_child_name (self->detail_stack, "conversation");
  if (self->shown_id == chorus_conversation_get_id (first))
    return;

  self->shown_id = chorus_conversation_get_id (first);
  chorus_thread_view_show (self->thread_view, self->store, self->shown_id);
  chorus_reply_composer_show (self->reply_composer, self->store, self->shown_id);
  chorus_notes_panel_show (self->notes_panel, self->store, self->shown_id);
  chorus_person_panel_show (self->person_panel, self->store, chorus_conversation_get_author_person_id (first));

  /* Reading it is what marks it read, and that survives restarts. */
  if (chorus_conversation_get_unread (first))
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, self->shown_id);
      chorus_store_set_read_async (self->store, ids, TRUE, NULL, on_marked_read_cb, NULL);
    }
}

static void
on_selection_changed_cb (GtkSelectionModel       *model,
                         guint                    position,
                         guint                    n_items,
                         ChorusConversationsPane *self)
{
  show_selection (self);
}

/* Undo */

static void
on_undone_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ChorusConversationsPane) self = user_data;
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gboolean undone = chorus_store_undo_finish (CHORUS_STORE (object), result, &skipped, &error);

  /* The pane was closed meanwhile. */
  if (self->toast_overlay == NULL)
    return;

  if (!undone)
    toast = adw_toast_new (error->message);
  else if (skipped != NULL && skipped->len > 0)
    toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: shown after an undo; %u is a number of
                                                * conversations. */
                                               "Undone, except for %u conversation changed since",
                                               "Undone, except for %u conversations changed since",
                                               skipped->len), skipped->len);
  else
    toast = adw_toast_new (_("Undone"));

  _chorus_conversations_pane_show_toast (self, toast);
  if (undone)
    _chorus_conversations_pane_relist (self, self->undo_ids);
  g_clear_pointer (&self->undo_ids, g_array_unref);
}

static void
on_undo_clicked_cb (AdwToast                *toast,
                    ChorusConversationsPane *self)
{
  gint64 audit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "chorus-audit-id"));
  GArray *ids = g_object_get_data (G_OBJECT (toast), "chorus-selected-ids");

  g_clear_pointer (&self->undo_ids, g_array_unref);
  self->undo_ids = ids != NULL ? g_array_ref (ids) : NULL;
  if (self->store != NULL)
    chorus_store_undo_async (self->store, audit_id, NULL, on_undone_cb, g_object_ref (self));
}

static void
on_triage_changed_cb (GtkWidget               *source,
                      gint64                   audit_id,
                      const char              *message,
                      ChorusConversationsPane *self)
{
  AdwToast *toast = adw_toast_new (message);

  if (audit_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "chorus-audit-id", GSIZE_TO_POINTER ((gsize) audit_id));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
      g_object_set_data_full (G_OBJECT (toast), "chorus-selected-ids", _chorus_conversations_pane_dup_selected_ids (self),
                              (GDestroyNotify) g_array_unref);
    }
  _chorus_conversations_pane_show_toast (self, toast);
  _chorus_conversations_pane_relist (self, NULL);
}

static void
on_triage_failed_cb (GtkWidget               *source,
                     GError                  *error,
                     ChorusConversationsPane *self)
{
  _chorus_conversations_pane_show_toast (self, adw_toast_new (error->message));
}

static void
on_conversations_changed_cb (ChorusStore             *store,
                             GArray                  *ids,
                             ChorusConversationsPane *self)
{
  if (self->conversations != NULL)
    {
      GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
      GtkBitset *current = gtk_selection_model_get_selection (model);
      g_autoptr(GtkBitset) selected = gtk_bitset_copy (current);

      /* Changed rows are rebuilt in place, and GtkMultiSelection silently
       * unselects a row that changes: select them again, or j and k would
       * start over from the top after each triage change. */
      gtk_bitset_unref (current);
      chorus_conversation_list_refresh (self->conversations, ids);
      gtk_selection_model_set_selection (model, selected, selected);
    }
  chorus_inbox_sidebar_refresh (self->sidebar);
}

/* Keyboard */

static void
move_selection (ChorusConversationsPane *self,
                int                      delta)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position;

  if (n_items == 0)
    return;

  if (gtk_bitset_is_empty (bitset))
    position = 0;
  else if (delta > 0)
    position = MIN (gtk_bitset_get_maximum (bitset) + 1, n_items - 1);
  else
    position = gtk_bitset_get_minimum (bitset) > 0 ? gtk_bitset_get_minimum (bitset) - 1 : 0;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey   *controller,
                        guint                    keyval,
                        guint                    keycode,
                        GdkModifierType          state,
                        ChorusConversationsPane *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_j:
      move_selection (self, 1);
      return TRUE;

    case GDK_KEY_k:
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_e:
      return gtk_widget_activate_action (GTK_WIDGET (self->triage_bar), "triage.done", NULL);

    case GDK_KEY_a:
      return gtk_widget_activate_action (GTK_WIDGET (self->triage_bar), "triage.assign", NULL);

    case GDK_KEY_t:
      return gtk_widget_activate_action (GTK_WIDGET (self->triage_bar), "triage.tag", NULL);

    case GDK_KEY_u:
      return gtk_widget_activate_action (GTK_WIDGET (self->triage_bar), "triage.unread", NULL);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->shown_id == 0)
        return FALSE;
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->thread_stack));
      return gtk_widget_child_focus (GTK_WIDGET (self->thread_view), GTK_DIR_TAB_FORWARD);

    case GDK_KEY_slash:
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return TRUE;

    case GDK_KEY_question:
      return gtk_widget_activate_action (GTK_WIDGET (self), "win.show-help-overlay", NULL);

    default:
      return FALSE;
    }
}

static void
on_search_stop_cb (GtkSearchEntry          *entry,
                   ChorusConversationsPane *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate_cb (GtkSearchEntry          *entry,
                       ChorusConversationsPane *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

/* Rows */

/* GTK 4.8's list view drops the row widgets of the items a new listing
 * replaced (up to 205 of them) and makes new ones for the items that came:
 * building and destroying rows was most of the time from a search to its
 * first rows. Rows let go wait here for the next ones. GTK 4.8 has taken a
 * row off its list item before "teardown" is emitted, so each list item
 * keeps a reference to its row under ROW_KEY to give it back. */
#define ROW_POOL_MAX 256
#define ROW_KEY "chorus-row"

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ChorusConversationsPane  *self)
{
  GtkWidget *row;

  if (self->row_pool->len > 0)
    row = g_ptr_array_steal_index_fast (self->row_pool, self->row_pool->len - 1);
  else
    row = g_object_ref_sink (g_object_new (CHORUS_TYPE_CONVERSATION_ROW, NULL));

  gtk_list_item_set_child (item, row);
  g_object_set_data_full (G_OBJECT (item), ROW_KEY, row, g_object_unref);
}

static void
on_factory_teardown_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        ChorusConversationsPane  *self)
{
  GtkWidget *row = g_object_steal_data (G_OBJECT (item), ROW_KEY);

  if (row == NULL)
    return;

  if (gtk_list_item_get_child (item) == row)
    gtk_list_item_set_child (item, NULL);
  chorus_conversation_row_unbind (CHORUS_CONVERSATION_ROW (row));

  if (self->row_pool == NULL || self->row_pool->len >= ROW_POOL_MAX || gtk_widget_get_parent (row) != NULL)
    g_object_unref (row);
  else
    g_ptr_array_add (self->row_pool, row);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ChorusConversationsPane  *self)
{
  ChorusConversationRow *row = CHORUS_CONVERSATION_ROW (gtk_list_item_get_child (item));
  const ChorusInboxFilter *filter = chorus_conversation_list_get_filter (self->conversations);

  /* The words the list matched, a saved view's as well as those typed. */
  chorus_conversation_row_bind (row, gtk_list_item_get_item (item), chorus_inbox_filter_get_search (filter));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ChorusConversationsPane  *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    chorus_conversation_row_unbind (CHORUS_CONVERSATION_ROW (row));
}

/* The detail column: triage above the thread, or above a count for a
 * multi-selection; notes and history on a second page. */
static void
build_detail (ChorusConversationsPane *self)
{
  GtkStack *pages = GTK_STACK (gtk_stack_new ());
  GtkWidget *switcher = chorus_stack_switcher_new (pages);
  GtkWidget *bulk = gtk_label_new (NULL);
  GtkWidget *conversation = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *thread_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->triage_bar = CHORUS_TRIAGE_BAR (chorus_triage_bar_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->triage_bar), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->triage_bar), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->triage_bar), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->triage_bar), 8);
  gtk_box_append (self->thread_box, GTK_WIDGET (self->triage_bar));
  gtk_box_append (self->thread_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->thread_view = CHORUS_THREAD_VIEW (chorus_thread_view_new (NULL));
  self->notes_panel = CHORUS_NOTES_PANEL (chorus_notes_panel_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->thread_view), TRUE);
  self->reply_composer = CHORUS_REPLY_COMPOSER (chorus_reply_composer_new (self->thread_view));
  gtk_box_append (GTK_BOX (thread_page), GTK_WIDGET (self->thread_view));
  gtk_box_append (GTK_BOX (thread_page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (thread_page), GTK_WIDGET (self->reply_composer));
  gtk_stack_add_titled (pages, thread_page, "thread", _("Thread"));
  gtk_stack_add_titled (pages, GTK_WIDGET (self->notes_panel), "notes", _("Notes and History"));
  self->person_panel = CHORUS_PERSON_PANEL (chorus_person_panel_new ());
  gtk_stack_add_titled (pages, GTK_WIDGET (self->person_panel), "person", _("Person"));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (conversation), switcher);
  gtk_widget_set_vexpand (GTK_WIDGET (pages), TRUE);
  gtk_box_append (GTK_BOX (conversation), GTK_WIDGET (pages));

  gtk_widget_add_css_class (bulk, "title-2");
  gtk_widget_add_css_class (bulk, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (bulk), TRUE);
  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail_stack), TRUE);
  gtk_stack_add_named (self->detail_stack, conversation, "conversation");
  gtk_stack_add_named (self->detail_stack, bulk, "bulk");
  gtk_box_append (self->thread_box, GTK_WIDGET (self->detail_stack));

  g_signal_connect_object (self->triage_bar, "changed", G_CALLBACK (on_triage_changed_cb), self, 0);
  g_signal_connect_object (self->triage_bar, "failed", G_CALLBACK (on_triage_failed_cb), self, 0);
  g_signal_connect_object (self->notes_panel, "changed", G_CALLBACK (on_triage_changed_cb), self, 0);
  g_signal_connect_object (self->notes_panel, "failed", G_CALLBACK (on_triage_failed_cb), self, 0);
  g_signal_connect_object (self->person_panel, "changed", G_CALLBACK (on_triage_changed_cb), self, 0);
  g_signal_connect_object (self->person_panel, "failed", G_CALLBACK (on_triage_failed_cb), self, 0);
  g_signal_connect_object (self->reply_composer, "changed", G_CALLBACK (on_triage_changed_cb), self, 0);
  g_signal_connect_object (self->reply_composer, "failed", G_CALLBACK (on_triage_failed_cb), self, 0);
}

/* The rows a closing window let go of go with it: a job still running
 * (the insight strip's) can keep the pane for seconds after its window,
 * and the rows in the pool with it. */
static void
chorus_conversations_pane_unroot (GtkWidget *widget)
{
  ChorusConversationsPane *self = CHORUS_CONVERSATIONS_PANE (widget);

  GTK_WIDGET_CLASS (chorus_conversations_pane_parent_class)->unroot (widget);
  g_ptr_array_set_size (self->row_pool, 0);
}

static void
chorus_conversations_pane_dispose (GObject *object)
{
  ChorusConversationsPane *self = (ChorusConversationsPane *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The sidebar may outlive the pane while it lists views for it. */
  if (self->sidebar != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sidebar, self);
      chorus_inbox_sidebar_set_store (self->sidebar, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CONVERSATIONS_PANE);
  g_cancellable_cancel (self->insights_cancellable);
  g_clear_object (&self->insights_cancellable);
  g_clear_object (&self->conversations);
  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->reselect_ids, g_array_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
  g_clear_pointer (&self->row_pool, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_conversations_pane_parent_class)->dispose (object);
}

static void
chorus_conversations_pane_class_init (ChorusConversationsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_conversations_pane_dispose;
  widget_class->unroot = chorus_conversations_pane_unroot;

  g_type_ensure (CHORUS_TYPE_CONVERSATION_ROW);
  g_type_ensure (CHORUS_TYPE_INBOX_SIDEBAR);
  g_type_ensure (CHORUS_TYPE_INSIGHT_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-conversations-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, unread_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, question_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, positive_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, neutral_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, negative_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, mastodon_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, bluesky_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, discourse_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, feed_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, insight_strip);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, factory);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, thread_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, thread_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationsPane, no_thread_page);

  gtk_widget_class_install_action (widget_class, "inbox.save-view", NULL, _chorus_conversations_pane_save_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_conversations_pane_init (ChorusConversationsPane *self)
{
  GtkCheckButton *checks[N_QUICK_FILTERS];
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_detail (self);
  self->reselect_position = G_MAXUINT;
  self->row_pool = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect (self->factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (self->factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (self->factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  g_signal_connect (self->factory, "teardown", G_CALLBACK (on_factory_teardown_cb), self);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->sidebar, "changed", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply_filter), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);

  _chorus_conversations_pane_get_quick_filters (self, checks);
  for (guint i = 0; i < N_QUICK_FILTERS; i++)
    g_signal_connect_swapped (checks[i], "toggled", G_CALLBACK (apply_filter), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  update_page (self);
}

void
chorus_conversations_pane_set_store (ChorusConversationsPane *self,
                                     ChorusStore             *store)
{
  g_autoptr(ChorusMediaCache) media_cache = NULL;

  g_return_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (self->conversations != NULL)
    g_signal_handlers_disconnect_by_func (self->conversations, update_page, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_multi_selection_set_model (self->selection, NULL);
  g_clear_object (&self->conversations);
  g_set_object (&self->store, store);
  self->shown_id = 0;

  if (store != NULL)
    {
      if (self->http == NULL)
        self->http = chorus_http_new ();
      media_cache = chorus_media_cache_new (store, self->http);
      chorus_thread_view_set_media_cache (self->thread_view, media_cache);

      self->conversations = chorus_conversation_list_new (store);
      /* The list may outlive the pane while it loads. */
      g_signal_connect_object (self->conversations, "notify::loading", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->conversations, "notify::loading", G_CALLBACK (_chorus_conversations_pane_list_loaded), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->conversations, "notify::loading", G_CALLBACK (update_insights), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->conversations, "notify::n-items", G_CALLBACK (update_page), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect (store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb), self);
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->conversations));
    }

  chorus_reply_composer_set_store (self->reply_composer, store, self->http);
  chorus_inbox_sidebar_set_store (self->sidebar, store);
  show_selection (self);
  update_page (self);
}

/**
 * chorus_conversations_pane_get_model:
 *
 * Returns: (transfer none) (nullable): the conversations shown
 */
GListModel *
chorus_conversations_pane_get_model (ChorusConversationsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self), NULL);

  return G_LIST_MODEL (self->conversations);
}

/**
 * chorus_conversations_pane_reload:
 *
 * Lists the conversations again, after a sync brought new ones.
 */
void
chorus_conversations_pane_reload (ChorusConversationsPane *self)
{
  g_return_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self));

  if (self->conversations != NULL)
    chorus_conversation_list_reload (self->conversations);
  chorus_inbox_sidebar_refresh (self->sidebar);
}

/**
 * chorus_conversations_pane_get_page:
 *
 * Returns: what the list column shows: "loading", "empty", "no-results"
 *   or "list"
 */
const char *
chorus_conversations_pane_get_page (ChorusConversationsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * chorus_conversations_pane_get_last_toast:
 *
 * For tests: the toast the pane showed last (after a triage change, an
 * undo or a failure), which may have been dismissed since. Its "Undo"
 * button is the toast's "button-clicked" signal.
 *
 * Returns: (transfer none) (nullable): the last toast, or %NULL
 */
AdwToast *
chorus_conversations_pane_get_last_toast (ChorusConversationsPane *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATIONS_PANE (self), NULL);

  return self->last_toast;
}
