/* chorus-conversations-pane-select.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-conversations-pane-private.h"

/* The Conversations pane's selection: what is selected, and where the
 * selection goes when the list is listed again after a triage change. */

GPtrArray *
_chorus_conversations_pane_dup_selected (ChorusConversationsPane *self)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, bitset, &position);
       ok && selected->len < 10000;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (selected, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return selected;
}

/* The ids of the selected conversations, for an undo to select again. */
GArray *
_chorus_conversations_pane_dup_selected_ids (ChorusConversationsPane *self)
{
  g_autoptr(GPtrArray) selected = _chorus_conversations_pane_dup_selected (self);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), selected->len);

  for (guint i = 0; i < selected->len; i++)
    {
      gint64 id = chorus_conversation_get_id (g_ptr_array_index (selected, i));

      g_array_append_val (ids, id);
    }

  return ids;
}

/* After a triage change the view is listed again: a conversation closed
 * with e leaves the Inbox, one assigned leaves Unassigned, and an undo
 * brings it back. When the selected row left, the row that took its
 * place is selected, so e, e, e walks down the list as in a mail reader;
 * after an undo, the conversations it brought back are. */
void
_chorus_conversations_pane_relist (ChorusConversationsPane *self,
                                   GArray                  *select_ids)
{
  GtkBitset *selected;

  if (self->conversations == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  self->reselect_position = gtk_bitset_is_empty (selected) ? G_MAXUINT : gtk_bitset_get_minimum (selected);
  gtk_bitset_unref (selected);
  g_clear_pointer (&self->reselect_ids, g_array_unref);
  if (select_ids != NULL && select_ids->len > 0)
    self->reselect_ids = g_array_ref (select_ids);

  chorus_conversation_list_reload (self->conversations);
}

static gboolean
select_conversations (ChorusConversationsPane *self,
            GArray                  *wanted)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = chorus_conversation_list_dup_ids (self->conversations);
  g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;

  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (set, &g_array_index (wanted, gint64, i));
  for (guint position = 0; position < ids->len; position++)
    if (g_hash_table_contains (set, &g_array_index (ids, gint64, position)))
      gtk_bitset_add (positions, position);

  if (gtk_bitset_is_empty (positions))
    return FALSE;

  mask = gtk_bitset_new_range (0, ids->len);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), positions, mask);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              gtk_bitset_get_minimum (positions));
  return TRUE;
}

void
_chorus_conversations_pane_list_loaded (ChorusConversationsPane *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GArray) wanted = g_steal_pointer (&self->reselect_ids);
  guint position = self->reselect_position;
  guint n_items;
  GtkBitset *selected;
  gboolean none;

  if (chorus_conversation_list_get_loading (self->conversations))
    {
      self->reselect_ids = g_steal_pointer (&wanted);
      return;
    }

  self->reselect_position = G_MAXUINT;
  if (wanted != NULL && select_conversations (self, wanted))
    return;

  if (position == G_MAXUINT)
    return;

  selected = gtk_selection_model_get_selection (model);
  none = gtk_bitset_is_empty (selected);
  gtk_bitset_unref (selected);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (!none || n_items == 0)
    return;

  position = MIN (position, n_items - 1);
  gtk_selection_model_select_item (model, position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

