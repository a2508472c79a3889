/* test-triage-bar.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The triage bar and the notes panel in-process, in a real window on a
 * real workspace (five ingested conversations, Ana Lima as "me" and Bo
 * Chen; see chorus-test-triage.c): a person picks items in the dropdowns,
 * types in the tag popover, clicks chip and delete buttons and confirms
 * dialogs, and the test checks the workspace, the "changed" signal's
 * sentence and audit id (which must undo the change), and what the
 * widgets show afterwards. In English, or Spanish with
 * CHORUS_TEST_LANGUAGE=es.
 *
 * With CHORUS_TRIAGE_SHOTS=<folder>, it also saves screenshots of the bar
 * and the panel, light and dark, wide and narrow, into that folder. */

#include "config.h"

#include "chorus-note.h"
#include "chorus-triage-change.h"

#include "chorus-test-window.h"
#include "triage-bar-fixture.h"

static void
test_one (Rig           *rig,
          gconstpointer  data)
{
  GtkDropDown *status = drop_down (rig, "status_drop_down");
  GtkDropDown *assignee = drop_down (rig, "assignee_drop_down");
  GtkDropDown *priority = drop_down (rig, "priority_drop_down");
  g_autofree char *statuses = NULL;
  g_autofree char *members = NULL;
  g_autofree char *priorities = NULL;
  g_autofree char *status_items = NULL;
  g_autofree char *assignee_items = NULL;
  g_autofree char *priority_items = NULL;
  g_autofree char *me = g_strdup_printf (_("%s (me)"), "Ana Lima");
  g_autofree char *message = NULL;
  gint64 audit_id;

  show_bar (rig, 0, -1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (rig->bar)));
  status_items = items_of (status);
  assignee_items = items_of (assignee);
  priority_items = items_of (priority);

  /* Statuses in position order, the team with "me" marked, no "Mixed". */
  statuses = expected_lines (C_("conversation status", "New"), C_("conversation status", "Open"),
                             C_("conversation status", "Waiting"), C_("conversation status", "Done"), NULL);
  g_assert_cmpstr (status_items, ==, statuses);
  members = expected_lines (_("Unassigned"), me, "Bo Chen", NULL);
  g_assert_cmpstr (assignee_items, ==, members);
  priorities = expected_lines (_("No Priority"), _("Low Priority"), _("Normal Priority"), _("High Priority"), NULL);
  g_assert_cmpstr (priority_items, ==, priorities);
  g_assert_cmpstr (selected_of (status), ==, C_("conversation status", "New"));
  g_assert_cmpstr (selected_of (assignee), ==, _("Unassigned"));
  g_assert_cmpstr (selected_of (priority), ==, _("No Priority"));

  pick (status, C_("conversation status", "Open"));
  message = g_strdup_printf (_("Status set to %s"), C_("conversation status", "Open"));
  audit_id = wait_change (rig, 0, message);
  g_assert_cmpint (column_of (&rig->f, "status_id", 0), ==, OPEN);
  g_assert_cmpint (column_of (&rig->f, "status_id", 1), ==, NEW);
  g_assert_cmpstr (selected_of (status), ==, C_("conversation status", "Open"));

  /* The toast's Undo: the bar follows the store back. */
  g_assert_true (undo_ok (&rig->f, audit_id));
  g_assert_cmpint (column_of (&rig->f, "status_id", 0), ==, NEW);
  g_assert_cmpstr (selected_of (status), ==, C_("conversation status", "New"));

  g_clear_pointer (&message, g_free);
  pick (assignee, "Bo Chen");
  message = g_strdup_printf (_("Assigned to %s"), "Bo Chen");
  wait_change (rig, 1, message);
  g_assert_cmpint (column_of (&rig->f, "assignee_id", 0), ==, rig->f.bo);
  g_assert_cmpstr (selected_of (assignee), ==, "Bo Chen");

  g_clear_pointer (&message, g_free);
  pick (priority, _("High Priority"));
  message = g_strdup_printf (_("Priority set to %s"), C_("priority", "High"));
  wait_change (rig, 2, message);
  g_assert_cmpint (column_of (&rig->f, "priority", 0), ==, CHORUS_PRIORITY_HIGH);
  g_assert_cmpstr (selected_of (priority), ==, _("High Priority"));

  /* Nothing is selected: nothing to act on. */
  chorus_triage_bar_set_conversations (rig->bar, rig->f.store, NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (rig->bar)));
}

static void
test_bulk (Rig           *rig,
           gconstpointer  data)
{
  GtkDropDown *status = drop_down (rig, "status_drop_down");
  GtkDropDown *assignee = drop_down (rig, "assignee_drop_down");
  GtkDropDown *priority = drop_down (rig, "priority_drop_down");
  g_autoptr(GArray) second = ids_of (&rig->f, 1, -1);
  g_autofree char *me = g_strdup_printf (_("%s (me)"), "Ana Lima");
  g_autofree char *closed = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *prioritized = NULL;
  gint64 audit_id;

  set_status (rig, 0, WAITING);
  chorus_store_set_assignee_async (rig->f.store, second, rig->f.bo, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  show_bar (rig, 0, 1, 2, -1);

  g_assert_cmpstr (selected_of (status), ==, _("Mixed Statuses"));
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 0);
  g_assert_cmpstr (selected_of (assignee), ==, _("Mixed Assignees"));
  g_assert_cmpstr (selected_of (priority), ==, _("No Priority"));

  pick (status, C_("conversation status", "Done"));
  closed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation closed", "%s conversations closed", 3), "3");
  audit_id = wait_change (rig, 0, closed);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (column_of (&rig->f, "status_id", i), ==, DONE);
  g_assert_cmpint (column_of (&rig->f, "status_id", 3), ==, NEW);
  g_assert_cmpstr (selected_of (status), ==, C_("conversation status", "Done"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (status)), ==, 4);

  /* Undo gives each conversation its own status back: mixed again. */
  g_assert_true (undo_ok (&rig->f, audit_id));
  g_assert_cmpint (column_of (&rig->f, "status_id", 0), ==, WAITING);
  g_assert_cmpint (column_of (&rig->f, "status_id", 1), ==, NEW);
  g_assert_cmpint (column_of (&rig->f, "status_id", 2), ==, NEW);
  g_assert_cmpstr (selected_of (status), ==, _("Mixed Statuses"));

  pick (assignee, me);
  assigned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation assigned to %s",
                                           "%s conversations assigned to %s", 3), "3", "Ana Lima");
  wait_change (rig, 1, assigned);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (column_of (&rig->f, "assignee_id", i), ==, rig->f.ana);
  g_assert_cmpint (column_of (&rig->f, "assignee_id", 3), ==, -100);
  g_assert_cmpstr (selected_of (assignee), ==, me);

  pick (priority, _("Low Priority"));
  prioritized = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Priority of %s conversation set to %s",
                                              "Priority of %s conversations set to %s", 3), "3", C_("priority", "Low"));
  wait_change (rig, 2, prioritized);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (column_of (&rig->f, "priority", i), ==, CHORUS_PRIORITY_LOW);
}

static void
test_tags (Rig           *rig,
           gconstpointer  data)
{
  g_autoptr(GArray) vip = ids_of (&rig->f, 0, -1);
  g_autoptr(GArray) elsewhere = ids_of (&rig->f, 4, -1);
  g_autofree char *added = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *remove_billing = g_strdup_printf (_("Remove Tag “%s”"), "billing");
  g_autoptr(GtkStringObject) match = NULL;
  ChorusTagPopover *popover;
  GListModel *matches;
  GtkWidget *chip;
  GtkWidget *button;

  /* "urgent" exists on another conversation; "vip" is on one of the two. */
  chorus_store_add_tag_async (rig->f.store, elsewhere, "urgent", NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  chorus_store_add_tag_async (rig->f.store, vip, "vip", NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  show_bar (rig, 0, 1, -1);

  chip = gtk_widget_get_parent (find_widget (GTK_WIDGET (rig->bar), is_label, "vip"));
  g_assert_true (gtk_widget_has_css_class (chip, "chorus-tag-chip"));
  g_assert_true (gtk_widget_has_css_class (chip, "partial"));

  /* A new tag, typed and entered. */
  popover = open_tag_popover (rig);
  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "entry")), "billing");
  g_signal_emit_by_name (popover_child (popover, "entry"), "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag “%s” added to %s conversation",
                                        "Tag “%s” added to %s conversations", 2), "billing", "2");
  wait_change (rig, 0, added);
  g_assert_cmpint (tagged (rig, "billing", 0), ==, 1);
  g_assert_cmpint (tagged (rig, "billing", 1), ==, 1);
  g_assert_cmpint (tagged (rig, "billing", 2), ==, 0);
  chip = gtk_widget_get_parent (find_widget (GTK_WIDGET (rig->bar), is_label, "billing"));
  g_assert_false (gtk_widget_has_css_class (chip, "partial"));

  /* An existing tag, completed from a few letters: the list offers what
   * not both have, and "urg" leaves only "urgent". */
  popover = open_tag_popover (rig);
  matches = chorus_tag_popover_get_matches (popover);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "entry")), "urg");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  match = g_list_model_get_item (matches, 0);
  g_assert_cmpstr (gtk_string_object_get_string (match), ==, "urgent");
  g_signal_emit_by_name (popover_child (popover, "list_view"), "activate", 0u);
  completed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag “%s” added to %s conversation",
                                            "Tag “%s” added to %s conversations", 2), "urgent", "2");
  wait_change (rig, 1, completed);
  g_assert_cmpint (tagged (rig, "urgent", 0), ==, 1);
  g_assert_cmpint (tagged (rig, "urgent", 1), ==, 1);
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM tags WHERE name = 'urgent'"), ==, 1);

  /* The chip's remove button takes the tag off both. */
  button = find_widget (GTK_WIDGET (rig->bar), is_button, remove_billing);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  removed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag “%s” removed from %s conversation",
                                          "Tag “%s” removed from %s conversations", 2), "billing", "2");
  wait_change (rig, 2, removed);
  g_assert_cmpint (tagged (rig, "billing", 0), ==, 0);
  g_assert_cmpint (tagged (rig, "billing", 1), ==, 0);
  g_assert_null (find_widget (GTK_WIDGET (rig->bar), is_label, "billing"));
}

static void
test_actions (Rig           *rig,
              gconstpointer  data)
{
  g_autoptr(GArray) both = ids_of (&rig->f, 0, 1, -1);
  GtkLabel *sentiment = child_of (rig->bar, CHORUS_TYPE_TRIAGE_BAR, "sentiment_label");
  g_autofree char *unread = NULL;
  g_autofree char *done = NULL;
  g_autofree char *positive = NULL;
  g_autofree char *automatic = NULL;
  GtkWidget *toggle;

  chorus_store_set_read_async (rig->f.store, both, TRUE, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  show_bar (rig, 0, 1, -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.unread", NULL));
  unread = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation marked as unread",
                                         "%s conversations marked as unread", 2), "2");
  wait_change (rig, 0, unread);
  g_assert_cmpint (column_of (&rig->f, "unread", 0), ==, 1);
  g_assert_cmpint (column_of (&rig->f, "unread", 1), ==, 1);
  /* Nothing left to mark. */
  g_assert_false (gtk_widget_get_sensitive (child_of (rig->bar, CHORUS_TYPE_TRIAGE_BAR, "unread_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.done", NULL));
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation closed", "%s conversations closed", 2), "2");
  wait_change (rig, 1, done);
  g_assert_cmpint (column_of (&rig->f, "status_id", 0), ==, DONE);
  g_assert_cmpint (column_of (&rig->f, "status_id", 1), ==, DONE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.sentiment", "s", "positive"));
  positive = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sentiment of %s conversation set to %s",
                                           "Sentiment of %s conversations set to %s", 2), "2",
                              C_("sentiment", "Positive"));
  wait_change (rig, 2, positive);
  g_assert_cmpint (column_of (&rig->f, "sentiment_override", 0), ==, CHORUS_SENTIMENT_POSITIVE);
  g_assert_cmpint (column_of (&rig->f, "sentiment_override", 1), ==, CHORUS_SENTIMENT_POSITIVE);
  g_assert_cmpstr (gtk_label_get_label (sentiment), ==, C_("sentiment", "Positive"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.sentiment", "s", "automatic"));
  automatic = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sentiment of %s conversation set back to automatic",
                                            "Sentiment of %s conversations set back to automatic", 2), "2");
  wait_change (rig, 3, automatic);
  g_assert_cmpint (column_of (&rig->f, "sentiment_override", 0), ==, -100);

  /* triage.assign opens the assignee list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.assign", NULL));
  toggle = gtk_widget_get_first_child (GTK_WIDGET (drop_down (rig, "assignee_drop_down")));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
}

static void
test_failure (Rig           *rig,
              gconstpointer  data)
{
  GtkDropDown *assignee = drop_down (rig, "assignee_drop_down");
  ChangeWait wait = { rig, 0 };

  show_bar (rig, 0, -1);

  /* Bo leaves the team behind the bar's back, from another window. */
  chorus_test_db_exec (_chorus_store_get_db (rig->f.store),
                       "DELETE FROM team_members WHERE id = %" G_GINT64_FORMAT, rig->f.bo);
  pick (assignee, "Bo Chen");
  g_assert_true (chorus_test_spin_until (change_arrived, &wait, CHORUS_TEST_WAIT_MS));
  g_assert_error (rig->failure, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_cmpuint (rig->audit_ids->len, ==, 0);
  g_assert_cmpint (column_of (&rig->f, "assignee_id", 0), ==, -100);
  g_assert_cmpstr (selected_of (assignee), ==, _("Unassigned"));
}

static void
on_loading_cb (ChorusTriageBar *bar,
               GParamSpec      *pspec,
               gboolean        *was_loading)
{
  *was_loading |= chorus_triage_bar_get_loading (bar);
}

/* A hundred more conversations, all selected: the bar reads them back a
 * slice at a time, and shows the change once it has them all. */
static void
test_large (Rig           *rig,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *closed = NULL;
  gboolean was_loading = FALSE;
  gint64 last;

  for (guint i = 0; i < 100; i++)
    {
      ChorusIncomingPost *post = chorus_incoming_post_new ("mastodon");

      post->uri = g_strdup_printf ("https://social.example/@many/%u", i);
      post->created_at = 1700100000 + i;
      post->text = g_strdup ("Where is my order?");
      post->author = chorus_incoming_author_new ();
      post->author->handle = g_strdup ("many");
      g_ptr_array_add (posts, post);
    }
  g_assert_true (chorus_store_ingest (rig->f.store, rig->f.source, posts, NULL, &error));
  g_assert_no_error (error);

  last = query_int (&rig->f, "SELECT max (id) FROM conversations");
  for (gint64 id = rig->f.c[0]; id <= last; id++)
    {
      g_ptr_array_add (conversations, chorus_store_load_conversation (rig->f.store, id, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (conversations->len, ==, N_CONVERSATIONS + 100);
  chorus_triage_bar_set_conversations (rig->bar, rig->f.store, conversations);
  g_assert_true (chorus_test_spin_until (bar_loaded, rig->bar, CHORUS_TEST_WAIT_MS));

  g_signal_connect (rig->bar, "notify::loading", G_CALLBACK (on_loading_cb), &was_loading);
  pick (drop_down (rig, "status_drop_down"), C_("conversation status", "Done"));
  closed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation closed", "%s conversations closed", 105),
                            "105");
  wait_change (rig, 0, closed);
  g_assert_true (was_loading);
  g_assert_cmpint (query_int (&rig->f, "SELECT count (*) FROM conversations WHERE status_id = %d", DONE), ==, 105);
  g_assert_cmpstr (selected_of (drop_down (rig, "status_drop_down")), ==, C_("conversation status", "Done"));
  for (guint i = 0; i < conversations->len; i++)
    g_assert_cmpint (chorus_conversation_get_status_id (g_ptr_array_index (chorus_triage_bar_get_conversations (rig->bar),
                                                                           i)), ==, DONE);
  g_signal_handlers_disconnect_by_data (rig->bar, &was_loading);
}

static const char *
history_line (Rig   *rig,
              guint  position)
{
  g_autoptr(ChorusAuditEntry) entry = g_list_model_get_item (chorus_notes_panel_get_history (rig->panel), position);

  return chorus_audit_entry_get_description (entry);
}

static void
test_notes (Rig           *rig,
            gconstpointer  data)
{
  GtkWidget *add_button = child_of (rig->panel, CHORUS_TYPE_NOTES_PANEL, "add_button");
  GtkTextView *view = child_of (rig->panel, CHORUS_TYPE_NOTES_PANEL, "note_view");
  GListModel *notes = chorus_notes_panel_get_notes (rig->panel);
  /* The history isolates the name inside its sentence. */
  g_autofree char *added = g_strdup_printf (_("%s added a note"), CHORUS_TEST_FSI "Ana Lima" CHORUS_TEST_PDI);
  g_autofree char *deleted = g_strdup_printf (_("%s deleted a note"), CHORUS_TEST_FSI "Ana Lima" CHORUS_TEST_PDI);
  g_autoptr(ChorusNote) note = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *delete_button;
  gint64 audit_id;

  /* Bo's name, as the team list holds it, hides an override and a zero-width space. */
  chorus_test_db_exec (_chorus_store_get_db (rig->f.store),
                       "UPDATE team_members SET name = 'Bo " CHORUS_TEST_RLO "Chen" CHORUS_TEST_ZWSP "'"
                       " WHERE id = %" G_GINT64_FORMAT, rig->f.bo);
  add_note_as (rig, rig->f.bo, "Asked for the order number", 26 * 3600);
  show_panel (rig, 0);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_notes_panel_get_history (rig->panel)), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (rig->panel), is_label, "Bo Chen"));
  /* Bo's note is not Ana's to delete. */
  g_assert_null (find_widget (GTK_WIDGET (rig->panel), is_button, _("Delete Note")));
  g_assert_false (gtk_widget_get_sensitive (add_button));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "  Call them back on Monday \n", -1);
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_signal_emit_by_name (add_button, "clicked");
  wait_change (rig, 0, _("Note added"));
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));

  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  note = g_list_model_get_item (notes, 1);
  g_assert_cmpstr (chorus_note_get_author_name (note), ==, "Ana Lima");
  g_assert_cmpstr (chorus_note_get_body (note), ==, "Call them back on Monday");
  g_assert_cmpint (query_int (&rig->f, "SELECT author_id FROM notes WHERE body = 'Call them back on Monday'"),
                   ==, rig->f.ana);
  g_assert_nonnull (find_widget (GTK_WIDGET (rig->panel), is_label, "Ana Lima"));
  g_assert_nonnull (find_widget (GTK_WIDGET (rig->panel), is_label, "Call them back on Monday"));
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_cmpstr (history_line (rig, 0), ==, added);

  /* Ana deletes her note, after confirming. */
  delete_button = find_widget (GTK_WIDGET (rig->panel), is_button, _("Delete Note"));
  g_assert_nonnull (delete_button);
  g_signal_emit_by_name (delete_button, "clicked");
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  audit_id = wait_change (rig, 1, _("Note deleted"));
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_assert_null (find_widget (GTK_WIDGET (rig->panel), is_label, "Call them back on Monday"));
  g_assert_cmpstr (history_line (rig, 0), ==, deleted);
  g_assert_cmpstr (history_line (rig, 1), ==, added);

  /* The toast's Undo puts it back, and the panel shows it again. */
  g_assert_true (undo_ok (&rig->f, audit_id));
  g_assert_true (chorus_test_spin_until (panel_loaded, rig->panel, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_notes_panel_get_history (rig->panel)), ==, 3);

  /* Another conversation: its own, empty, notes. */
  show_panel (rig, 1);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
}

/* Screenshots: what a person sees, in the run's language. */

static gboolean
on_settled_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean settled = FALSE;

  g_timeout_add (ms, on_settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

/* A window or a popover, as its own surface shows it. */
static void
write_png (gpointer    native,
           const char *path)
{
  GtkWidget *widget = GTK_WIDGET (native);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (native));

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
shoot (Rig        *rig,
       const char *name,
       int         width)
{
  const char *dir = g_getenv ("CHORUS_TRIAGE_SHOTS");
  const char *language = g_getenv ("CHORUS_TEST_LANGUAGE") ? g_getenv ("CHORUS_TEST_LANGUAGE") : "en";
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_window_set_default_size (rig->window, width, 860);
  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *file = g_strdup_printf ("triage-%s-%s-%s.png", language, name, dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      settle (700);
      write_png (rig->window, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (Rig           *rig,
                  gconstpointer  data)
{
  g_autoptr(GArray) first = ids_of (&rig->f, 0, -1);
  g_autoptr(GArray) three = ids_of (&rig->f, 0, 1, 2, -1);
  g_autoptr(GArray) other = ids_of (&rig->f, 3, -1);
  const char *tags[] = { "billing", "shipping", "zipper recall", "vip", "urgent", "returns", "feature request" };
  g_autofree char *path = NULL;
  ChorusTagPopover *popover;

  g_assert_cmpint (g_mkdir_with_parents (g_getenv ("CHORUS_TRIAGE_SHOTS"), 0755), ==, 0);
  set_status (rig, 0, OPEN);
  chorus_store_set_assignee_async (rig->f.store, first, rig->f.ana, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  chorus_store_set_priority_async (rig->f.store, first, CHORUS_PRIORITY_HIGH, NULL, on_done_cb, &rig->f);
  triage_ok (&rig->f);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      chorus_store_add_tag_async (rig->f.store, i < 2 ? three : i < 4 ? first : other, tags[i], NULL,
                                  on_done_cb, &rig->f);
      triage_ok (&rig->f);
    }
  add_note_as (rig, rig->f.bo, "Asked for the order number; they bought it at the Lisbon store.", 26 * 3600);
  add_note_as (rig, rig->f.ana, "Replacement approved. Call them back on Monday.", 40 * 60);

  show_bar (rig, 0, -1);
  show_panel (rig, 0);
  gtk_expander_set_expanded (child_of (rig->panel, CHORUS_TYPE_NOTES_PANEL, "history_expander"), TRUE);
  shoot (rig, "one", 520);
  shoot (rig, "narrow", 340);

  popover = open_tag_popover (rig);
  gtk_editable_set_text (GTK_EDITABLE (popover_child (popover, "entry")), "re");
  settle (700);
  path = g_strdup_printf ("%s/triage-%s-tag-popover.png", g_getenv ("CHORUS_TRIAGE_SHOTS"),
                          g_getenv ("CHORUS_TEST_LANGUAGE") ? g_getenv ("CHORUS_TEST_LANGUAGE") : "en");
  write_png (popover, path);
  gtk_popover_popdown (GTK_POPOVER (popover));

  show_bar (rig, 0, 1, 2, -1);
  shoot (rig, "bulk", 520);
}

/* A bulk change to thousands of conversations says how many with the
 * locale's grouping: es_ES in the Spanish run, de_DE otherwise. */
static void
test_message_grouped (void)
{
  g_autofree char *saved = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;

  if (!test_real_locale && (saved = chorus_test_switch_locale (LC_ALL, "de_DE.UTF-8")) == NULL)
    return;

  message = chorus_triage_message_status (12500, C_("conversation status", "Done"), TRUE);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation closed", "%s conversations closed",
                                           12500), "12.500");
  if (saved != NULL)
    setlocale (LC_ALL, saved);

  g_assert_cmpstr (message, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);
  /* The application loads style.css, as in the real program. */
  test_get_application ();
  /* Owned by this thread all along, as a running main loop owns it: the
   * store announces changes through g_main_context_invoke_full(), which
   * would otherwise run the announcement in its worker thread whenever
   * the test is not iterating the loop, and GTK must not be touched
   * there. */
  g_assert_true (g_main_context_acquire (g_main_context_default ()));

  g_test_add ("/chorus/triage-bar/one", Rig, NULL, rig_set_up, test_one, rig_tear_down);
  g_test_add ("/chorus/triage-bar/bulk", Rig, NULL, rig_set_up, test_bulk, rig_tear_down);
  g_test_add ("/chorus/triage-bar/tags", Rig, NULL, rig_set_up, test_tags, rig_tear_down);
  g_test_add ("/chorus/triage-bar/actions", Rig, NULL, rig_set_up, test_actions, rig_tear_down);
  g_test_add ("/chorus/triage-bar/failure", Rig, NULL, rig_set_up, test_failure, rig_tear_down);
  g_test_add ("/chorus/triage-bar/large", Rig, NULL, rig_set_up, test_large, rig_tear_down);
  g_test_add ("/chorus/notes-panel/notes", Rig, NULL, rig_set_up, test_notes, rig_tear_down);
  g_test_add_func ("/chorus/triage-bar/message-grouped", test_message_grouped);
  if (g_getenv ("CHORUS_TRIAGE_SHOTS") != NULL)
    g_test_add ("/chorus/triage-bar/screenshots", Rig, NULL, rig_set_up, test_screenshots, rig_tear_down);

  ret = g_test_run ();
  g_main_context_release (g_main_context_default ());
  test_window_finish ();

  return ret;
}
