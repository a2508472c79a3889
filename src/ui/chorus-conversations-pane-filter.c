/* chorus-conversations-pane-filter.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-conversations-pane-private.h"

/* What the inbox lists: the chosen view's filter narrowed by the words
 * typed and the quick filters, and saving that combination as a view of
 * its own. */

/* Filter */

/* The words typed narrow the view's own search (a saved view's), which
 * they must not replace: both must match. A quote the view's search left
 * open is closed first, or the typed words would join its phrase. */
static void
add_typed_search (ChorusInboxFilter *filter,
                  const char        *typed)
{
  const char *own = chorus_inbox_filter_get_search (filter);
  g_autofree char *both = NULL;
  guint quotes = 0;

  if (own == NULL || *own == '\0')
    {
      chorus_inbox_filter_set_search (filter, typed);
      return;
    }
  if (*typed == '\0')
    return;

  for (const char *c = own; *c != '\0'; c++)
    quotes += *c == '"';
  both = g_strconcat (own, quotes % 2 == 1 ? "\" " : " ", typed, NULL);
  chorus_inbox_filter_set_search (filter, both);
}

ChorusInboxFilter *
_chorus_conversations_pane_build_filter (ChorusConversationsPane *self)
{
  const ChorusInboxFilter *base = chorus_inbox_sidebar_get_filter (self->sidebar);
  ChorusInboxFilter *filter = base != NULL ? chorus_inbox_filter_copy (base) : chorus_inbox_filter_new ();
  ChorusInboxSentiments sentiments = chorus_inbox_filter_get_sentiments (filter);
  g_autoptr(GStrvBuilder) networks = g_strv_builder_new ();
  g_auto(GStrv) network_list = NULL;
  const struct { GtkCheckButton *check; const char *network; } network_checks[] = {
    { self->mastodon_check, "mastodon" },
    { self->bluesky_check, "bluesky" },
    { self->discourse_check, "discourse" },
    { self->feed_check, "feed" },
  };
  ChorusInboxSentiments chosen = 0;

  add_typed_search (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (gtk_check_button_get_active (self->unread_check))
    chorus_inbox_filter_set_unread_only (filter, TRUE);
  if (gtk_check_button_get_active (self->question_check))
    chorus_inbox_filter_set_question_only (filter, TRUE);

  if (gtk_check_button_get_active (self->positive_check))
    chosen |= CHORUS_INBOX_SENTIMENT_POSITIVE;
  if (gtk_check_button_get_active (self->neutral_check))
    chosen |= CHORUS_INBOX_SENTIMENT_NEUTRAL;
  if (gtk_check_button_get_active (self->negative_check))
    chosen |= CHORUS_INBOX_SENTIMENT_NEGATIVE;
  /* The view's own choice (Negative) and the quick filter narrow each
   * other; when they exclude each other, the quick filter is the newer
   * wish. */
  if (chosen != 0)
    chorus_inbox_filter_set_sentiments (filter, (sentiments & chosen) != 0 ? sentiments & chosen : chosen);

  for (guint i = 0; i < G_N_ELEMENTS (network_checks); i++)
    if (gtk_check_button_get_active (network_checks[i].check))
      g_strv_builder_add (networks, network_checks[i].network);
  network_list = g_strv_builder_end (networks);
  if (network_list[0] != NULL)
    chorus_inbox_filter_set_networks (filter, (const char * const *) network_list);

  return filter;
}


/* The quick filters' check buttons, in the popover's order. */
void
_chorus_conversations_pane_get_quick_filters (ChorusConversationsPane *self,
                                              GtkCheckButton          *checks[N_QUICK_FILTERS])
{
  checks[0] = self->unread_check;
  checks[1] = self->question_check;
  checks[2] = self->positive_check;
  checks[3] = self->neutral_check;
  checks[4] = self->negative_check;
  checks[5] = self->mastodon_check;
  checks[6] = self->bluesky_check;
  checks[7] = self->discourse_check;
  checks[8] = self->feed_check;
}

gboolean
_chorus_conversations_pane_quick_filtered (ChorusConversationsPane *self)
{
  GtkCheckButton *checks[N_QUICK_FILTERS];

  _chorus_conversations_pane_get_quick_filters (self, checks);
  for (guint i = 0; i < N_QUICK_FILTERS; i++)
    if (gtk_check_button_get_active (checks[i]))
      return TRUE;

  return FALSE;
}

/* Saving a view */

static void
on_save_view_response_cb (AdwMessageDialog        *dialog,
                          const char              *response,
                          ChorusConversationsPane *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "chorus-entry");
  GtkCheckButton *checks[N_QUICK_FILTERS];
  g_autoptr(ChorusInboxFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  filter = _chorus_conversations_pane_build_filter (self);
  if ((id = chorus_store_add_saved_view (self->store, name, filter, &error)) <= 0)
    {
      _chorus_conversations_pane_show_toast (self, adw_toast_new (error->message));
      return;
    }

  /* The saved view holds the search and quick filters now: clear them
   * all, or the next view chosen would still be narrowed by them. */
  g_signal_handlers_block_matched (self->search_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_matched (self->search_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  _chorus_conversations_pane_get_quick_filters (self, checks);
  for (guint i = 0; i < N_QUICK_FILTERS; i++)
    {
      g_signal_handlers_block_matched (checks[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_check_button_set_active (checks[i], FALSE);
      g_signal_handlers_unblock_matched (checks[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  chorus_inbox_sidebar_select_saved_view (self->sidebar, id);
}

static void
on_view_name_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

void
_chorus_conversations_pane_save_view (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChorusConversationsPane *self = CHORUS_CONVERSATIONS_PANE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->store == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Save as a View"),
                                   _("The view keeps the search and filters shown now, and appears in the "
                                     "sidebar with its unread count."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_object_set_data (G_OBJECT (dialog), "chorus-entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_view_name_changed_cb), dialog);
  on_view_name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_view_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
