/* test-inbox-pane.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Conversations pane in-process, in the real window on a real sample
 * workspace, driven as a person drives it: views chosen in the sidebar,
 * words typed into the search box, j, k, e, u, Enter, / and ? pressed on
 * the list, a toast's Undo clicked, rows picked for a bulk change, a view
 * saved from its dialog and deleted again. What the list, the badges and
 * the workspace then hold is checked against SQL of the test's own, and
 * what must last is checked again in a new window on the same file. In
 * English, or Spanish with CHORUS_TEST_LANGUAGE=es. */

#include "config.h"

#include "chorus-conversation-row.h"
#include "inbox-pane-fixture.h"

/* 1. Views: each lists exactly its conversations; badges count the unread. */
static void
test_views (Rig           *rig,
            gconstpointer  data)
{
  const struct { const char *title; const char *where; } views[] = {
    { _("Unread"), "c.unread <> 0" },
    { _("Questions"), OPEN_SQL " AND c.has_question <> 0" },
    { _("Done"), "NOT " OPEN_SQL },
    { _("All Conversations"), "1" },
    { _("Inbox"), OPEN_SQL },
  };
  g_autofree char *badges = dup_expected_badges (rig, NULL, NULL);
  g_autofree char *no_unread = g_strdup_printf ("%s -", _("Inbox"));

  /* The Inbox, as the pane opens: what is not closed, and not all. */
  g_assert_cmpint (assert_view (rig, OPEN_SQL), <, count_where (rig, "1"));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      choose_view (rig, views[i].title);
      g_assert_cmpint (assert_view (rig, views[i].where), >, 0);
    }

  g_test_message ("Badges:\n%s", badges);
  g_assert_false (g_str_has_prefix (badges, no_unread));
  assert_badges (rig, badges);
}

/* 2. Search: words, from:, nothing found, and back. */
static void
test_search (Rig           *rig,
             gconstpointer  data)
{
  g_autofree char *handle = NULL;
  g_autofree char *from = NULL;
  g_autofree char *by_handle = NULL;
  gint64 n_open = count_where (rig, OPEN_SQL);

  search_for (rig, WORD);
  g_assert_cmpint (assert_view (rig, WORD_SQL " AND " OPEN_SQL), >, 1);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list_of (rig))), <, n_open);

  /* from: the author with the most open conversations, by a handle that
   * needs no server. */
  handle = sql_text (rig, "SELECT i.handle FROM identities i JOIN posts p ON p.author_id = i.id"
                          " JOIN conversations c ON c.id = p.conversation_id"
                          " WHERE " OPEN_SQL " AND i.handle NOT GLOB '*[^a-z0-9_]*'"
                          " GROUP BY i.handle ORDER BY count (DISTINCT c.id) DESC, i.handle LIMIT 1");
  by_handle = g_strdup_printf ("c.id IN (SELECT p.conversation_id FROM posts p JOIN identities i"
                               " ON i.id = p.author_id WHERE i.handle = '%s' COLLATE NOCASE) AND " OPEN_SQL,
                               handle);
  from = g_strdup_printf ("from:%s", handle);
  search_for (rig, from);
  g_assert_cmpint (assert_view (rig, by_handle), >, 1);

  /* A word no post has: the empty state that says so. */
  search_for (rig, "qzxvkjwpfy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list_of (rig))), ==, 0);
  g_assert_cmpstr (chorus_conversations_pane_get_page (rig->pane), ==, "no-results");
  g_assert_cmpstr (label_of (rig, "count_label"), ==, "");

  /* Clearing the box brings the whole view back. */
  search_for (rig, "");
  g_assert_cmpint (assert_view (rig, OPEN_SQL), ==, n_open);
}

/* 3. Keyboard: j and k move, e closes and Undo reopens, u marks unread,
 * Enter reads, / searches and ? shows the shortcuts. */
static guint
selected_position (Rig *rig)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (rig->selection);

  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  return gtk_bitset_get_minimum (selected);
}

static gboolean
thread_shown (gpointer data)
{
  Rig *rig = data;
  ChorusThreadView *view = CHORUS_THREAD_VIEW (find_widget (GTK_WIDGET (rig->pane), CHORUS_TYPE_THREAD_VIEW));

  return chorus_thread_view_get_conversation_id (view) == id_at (rig, selected_position (rig)) &&
         !chorus_thread_view_get_loading (view);
}

typedef struct
{
  Rig    *rig;
  gint64  id;
} Expected;

/* Whether exactly the conversation @data names is selected. */
static gboolean
selected_is (gpointer data)
{
  Expected *expected = data;
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (expected->rig->selection);

  return gtk_bitset_get_size (selected) == 1 &&
         id_at (expected->rig, gtk_bitset_get_minimum (selected)) == expected->id;
}

static void
test_keyboard (Rig           *rig,
               gconstpointer  data)
{
  Expected expected;
  g_autofree char *closed = g_strdup_printf (_("Status set to %s"), C_("conversation status", "Done"));
  AdwToast *toast;
  GtkWidget *shortcuts;
  gint64 status;
  gint64 id;

  gtk_widget_grab_focus (rig->list_view);
  g_assert_true (focus_within (rig, rig->list_view));
  g_assert_true (press (rig, GDK_KEY_j));
  g_assert_cmpuint (selected_position (rig), ==, 0);
  g_assert_true (press (rig, GDK_KEY_j));
  g_assert_cmpuint (selected_position (rig), ==, 1);
  g_assert_true (press (rig, GDK_KEY_k));
  g_assert_cmpuint (selected_position (rig), ==, 0);

  /* Reading it marked it read; the selection stays. */
  id = id_at (rig, 0);
  status = column_of (rig, "status_id", id);
  g_assert_cmpint (status, !=, DONE);
  wait_column (rig, "unread", id, "0");
  wait_for (bar_loaded, rig->bar);
  g_assert_cmpuint (selected_position (rig), ==, 0);

  /* e closes it: it leaves the Inbox and the conversation after it takes
   * its place in the selection, as in a mail reader. The toast's Undo
   * brings it back, selected again. */
  expected.rig = rig;
  expected.id = id_at (rig, 1);
  g_assert_true (press (rig, GDK_KEY_e));
  toast = wait_toast (rig, closed);
  g_assert_cmpint (column_of (rig, "status_id", id), ==, DONE);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, _("_Undo"));
  wait_for (selected_is, &expected);
  g_assert_cmpuint (selected_position (rig), ==, 0);
  g_signal_emit_by_name (toast, "button-clicked");
  wait_toast (rig, _("Undone"));
  g_assert_cmpint (column_of (rig, "status_id", id), ==, status);
  expected.id = id;
  wait_for (selected_is, &expected);
  g_assert_cmpuint (selected_position (rig), ==, 0);

  /* u marks it unread, and it stays so while it is selected. */
  wait_for (bar_loaded, rig->bar);
  g_assert_true (press (rig, GDK_KEY_u));
  wait_toast (rig, _("Marked as unread"));
  g_assert_cmpint (column_of (rig, "unread", id), ==, 1);
  settle (200);
  g_assert_cmpint (column_of (rig, "unread", id), ==, 1);
  g_assert_cmpuint (selected_position (rig), ==, 0);

  /* Enter goes to the thread, / to the search box. */
  wait_for (thread_shown, rig);
  g_assert_true (press (rig, GDK_KEY_Return));
  g_assert_true (focus_within (rig, find_widget (GTK_WIDGET (rig->pane), CHORUS_TYPE_THREAD_VIEW)));
  gtk_widget_grab_focus (rig->list_view);
  g_assert_true (press (rig, GDK_KEY_slash));
  g_assert_true (focus_within (rig, GTK_WIDGET (rig->search)));

  /* ? shows the window's keyboard shortcuts. An empty window stands in
   * for the real one, whose page switcher ("1", "2") GTK 4.8 warns about
   * under libadwaita 1.2's style, a warning these tests make fatal. */
  shortcuts = g_object_new (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (rig->window), GTK_SHORTCUTS_WINDOW (shortcuts));
  gtk_widget_grab_focus (rig->list_view);
  g_assert_true (press (rig, GDK_KEY_question));
  g_assert_true (gtk_widget_get_visible (shortcuts));
  gtk_window_close (GTK_WINDOW (shortcuts));

  /* Other keys are the list's own. */
  g_assert_false (press (rig, GDK_KEY_x));
}

/* 4. Bulk: three rows, one change, one audit entry, one undo. */
static gboolean
bar_has_three (gpointer data)
{
  ChorusTriageBar *bar = data;

  return chorus_triage_bar_get_conversations (bar)->len == 3 && !chorus_triage_bar_get_loading (bar);
}

static void
test_bulk (Rig           *rig,
           gconstpointer  data)
{
  g_autofree char *closed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation closed",
                                                          "%s conversations closed", 3), "3");
  g_autofree char *last_audit = sql_text (rig, "SELECT coalesce (max (id), 0) FROM audit_log");
  g_autofree char *entries = NULL;
  AdwToast *toast;
  gint64 id[3];
  gint64 before[3];

  for (guint i = 0; i < 3; i++)
    {
      id[i] = id_at (rig, i);
      before[i] = column_of (rig, "status_id", id[i]);
      g_assert_cmpint (before[i], !=, DONE);
    }

  gtk_selection_model_select_range (rig->selection, 0, 3, TRUE);
  wait_for (bar_has_three, rig->bar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->bar), "triage.done", NULL));
  toast = wait_toast (rig, closed);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, _("_Undo"));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (column_of (rig, "status_id", id[i]), ==, DONE);

  /* One entry, about the three together. */
  entries = sql_text (rig, "SELECT group_concat (subject_type || ' ' || json_array_length (detail, '$.ids') || ' ' ||"
                           "  (SELECT count (*) FROM json_each (detail, '$.ids') WHERE value IN (%" G_GINT64_FORMAT
                           ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")))"
                           " FROM audit_log WHERE id > %s", id[0], id[1], id[2], last_audit);
  g_assert_cmpstr (entries, ==, "conversations 3 3");

  /* Undo gives each its own status back. */
  g_signal_emit_by_name (toast, "button-clicked");
  wait_toast (rig, _("Undone"));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (column_of (rig, "status_id", id[i]), ==, before[i]);
}

/* 5. Saved views: saved from the search and a quick filter, kept in the
 * workspace, and deleted from the sidebar. */
static gboolean
saved_view_chosen (gpointer data)
{
  Rig *rig = data;

  return chorus_inbox_sidebar_get_saved_view (rig->sidebar) != 0 && listed (rig);
}

static gboolean
inbox_chosen (gpointer data)
{
  Rig *rig = data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (rig->views);

  return row != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), _("Inbox")) == 0 &&
         listed (rig);
}

static ChorusSavedView *
only_saved_view (Rig *rig)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = chorus_store_list_saved_views (rig->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, <=, 1);
  return saved->len == 1 ? g_object_ref (g_ptr_array_index (saved, 0)) : NULL;
}

static void
test_saved_views (Rig           *rig,
                  gconstpointer  data)
{
  const char *where = "c.unread <> 0 AND " OPEN_SQL " AND " WORD_SQL;
  const char *name = "Summit, unread";
  const gint64 open_statuses[] = { 1, 2, 3 };
  GtkCheckButton *unread_check = pane_child (rig, "unread_check");
  g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_new ();
  g_autoptr(ChorusSavedView) view = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  g_autofree char *badges = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 n_expected;
  gint64 id;

  /* An opening quote alone, as people type: the phrase runs to the end. */
  search_for (rig, "\"" WORD);
  gtk_check_button_set_active (unread_check, TRUE);
  wait_for (listed, rig);
  g_assert_cmpint ((n_expected = assert_view (rig, where)), >, 0);

  /* The dialog offers the search as the name, and wants one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->pane), "inbox.save-view", NULL));
  dialog = inbox_pane_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (rig->window));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "\"" WORD);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Summit, unread ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The workspace has it: the Inbox's statuses, the search, the filter. */
  view = only_saved_view (rig);
  g_assert_nonnull (view);
  id = chorus_saved_view_get_id (view);
  g_assert_cmpstr (chorus_saved_view_get_name (view), ==, name);
  chorus_inbox_filter_set_status_ids (filter, open_statuses, G_N_ELEMENTS (open_statuses));
  chorus_inbox_filter_set_search (filter, "\"" WORD);
  chorus_inbox_filter_set_unread_only (filter, TRUE);
  got = chorus_inbox_filter_serialize (chorus_saved_view_get_filter (view));
  want = chorus_inbox_filter_serialize (filter);
  g_assert_cmpstr (got, ==, want);

  /* The sidebar chooses it, and it alone narrows the list now. */
  wait_for (saved_view_chosen, rig);
  g_assert_cmpint (chorus_inbox_sidebar_get_saved_view (rig->sidebar), ==, id);
  g_assert_cmpstr (label_of (rig, "title_label"), ==, name);
  g_assert_cmpstr (gtk_editable_get_text (rig->search), ==, "");
  g_assert_false (gtk_check_button_get_active (unread_check));
  g_assert_false (gtk_widget_has_css_class (pane_child (rig, "filter_button"), "accent"));
  g_assert_cmpint (assert_view (rig, where), ==, n_expected);
  badges = dup_expected_badges (rig, name, OPEN_SQL " AND " WORD_SQL);
  assert_badges (rig, badges);

  /* Typed words narrow its search, after its phrase. */
  search_for (rig, "from:nobody");
  g_assert_cmpstr (chorus_inbox_filter_get_search (chorus_conversation_list_get_filter (list_of (rig))), ==,
                   "\"" WORD "\" from:nobody");
  g_assert_cmpstr (chorus_conversations_pane_get_page (rig->pane), ==, "no-results");
  search_for (rig, "");

  /* A new window on the same workspace has it too. */
  close_pane (rig);
  open_pane (rig);
  assert_badges (rig, badges);
  choose_view (rig, name);
  g_assert_cmpint (chorus_inbox_sidebar_get_saved_view (rig->sidebar), ==, id);
  g_assert_cmpint (assert_view (rig, where), ==, n_expected);

  /* Deleted from the sidebar, it is gone, and the Inbox is chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->sidebar), "sidebar.delete-view", "x", id));
  g_assert_null (only_saved_view (rig));
  wait_for (inbox_chosen, rig);
  g_assert_null (view_row (rig, name));
  g_assert_cmpstr (label_of (rig, "title_label"), ==, _("Inbox"));
  assert_view (rig, OPEN_SQL);
}

/* 6. Read state: choosing an unread conversation reads it, for good. */
static guint
first_unread (Rig *rig)
{
  GListModel *model = G_LIST_MODEL (rig->selection);

  for (guint position = 0; position < g_list_model_get_n_items (model); position++)
    {
      g_autoptr(ChorusConversation) conversation = g_list_model_get_item (model, position);

      if (chorus_conversation_get_unread (conversation))
        return position;
    }

  g_assert_not_reached ();
}

static void
test_read (Rig           *rig,
           gconstpointer  data)
{
  guint position = first_unread (rig);
  gint64 id = id_at (rig, position);
  g_autofree char *before = dup_expected_badges (rig, NULL, NULL);
  g_autofree char *after = NULL;

  g_assert_cmpint (column_of (rig, "unread", id), ==, 1);
  assert_badges (rig, before);

  gtk_selection_model_select_item (rig->selection, position, TRUE);
  wait_column (rig, "unread", id, "0");
  shoot (rig, "thread");
  after = dup_expected_badges (rig, NULL, NULL);
  g_assert_cmpstr (after, !=, before);
  assert_badges (rig, after);
  g_assert_cmpuint (selected_position (rig), ==, position);

  close_pane (rig);
  open_pane (rig);
  g_assert_cmpint (column_of (rig, "unread", id), ==, 0);
  assert_badges (rig, after);
  g_assert_cmpint (id_at (rig, position), ==, id);
  {
    g_autoptr(ChorusConversation) conversation = g_list_model_get_item (G_LIST_MODEL (rig->selection), position);

    g_assert_false (chorus_conversation_get_unread (conversation));
  }
}

/* 7. Rows: GTK 4.8 lets go of every row a new listing replaces; the next
 * listing's rows come back from those, and show its conversations and its
 * matches, never what they showed before. */
static GPtrArray *
dup_rows (Rig *rig)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GtkWidget *item = gtk_widget_get_first_child (rig->list_view); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && CHORUS_IS_CONVERSATION_ROW (row))
        g_ptr_array_add (rows, g_object_ref (row));
    }

  g_assert_cmpuint (rows->len, >, 0);
  return rows;
}

/* Every row shows a conversation of the list; returns how many rows
 * highlight a match. */
static guint
assert_rows_listed (Rig       *rig,
                    GPtrArray *rows)
{
  g_autoptr(GHashTable) listed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_highlighted = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list_of (rig))); i++)
    g_hash_table_add (listed_ids, g_memdup2 (&(gint64) { id_at (rig, i) }, sizeof (gint64)));

  for (guint i = 0; i < rows->len; i++)
    {
      ChorusConversationRow *row = g_ptr_array_index (rows, i);
      ChorusConversation *conversation = chorus_conversation_row_get_conversation (row);
      GtkLabel *excerpt = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), CHORUS_TYPE_CONVERSATION_ROW,
                                                                    "excerpt_label"));
      gint64 id;

      g_assert_nonnull (conversation);
      id = chorus_conversation_get_id (conversation);
      g_assert_true (g_hash_table_contains (listed_ids, &id));
      n_highlighted += strstr (gtk_label_get_label (excerpt), "<b>") != NULL;
    }

  return n_highlighted;
}

static void
test_rows (Rig           *rig,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) opened = dup_rows (rig);
  g_autoptr(GPtrArray) searched = NULL;
  g_autoptr(GPtrArray) cleared = NULL;
  guint reused = 0;

  g_assert_cmpuint (assert_rows_listed (rig, opened), ==, 0);

  search_for (rig, WORD);
  searched = dup_rows (rig);
  g_assert_cmpuint (assert_rows_listed (rig, searched), >, 0);

  search_for (rig, "");
  cleared = dup_rows (rig);
  g_assert_cmpuint (assert_rows_listed (rig, cleared), ==, 0);

  /* The search let go of the rows the pane opened with: they came back. */
  for (guint i = 0; i < cleared->len; i++)
    {
      g_assert_true (g_ptr_array_find (opened, g_ptr_array_index (cleared, i), NULL) ||
                     g_ptr_array_find (searched, g_ptr_array_index (cleared, i), NULL));
      reused += g_ptr_array_find (opened, g_ptr_array_index (cleared, i), NULL);
    }
  g_assert_cmpuint (reused, >, 0);
}

/* 8. A closed window's rows go with it, even while something (a job of
 * the insight strip) still holds the pane, which keeps a pool of rows. */
static void
test_rows_closed (Rig           *rig,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) watched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ChorusConversationsPane) pane = NULL;

  /* Rows in the pool, and rows in the list. */
  search_for (rig, WORD);
  rows = dup_rows (rig);
  search_for (rig, "");
  g_ptr_array_extend_and_steal (rows, dup_rows (rig));

  for (guint i = 0; i < rows->len; i++)
    {
      gpointer *weak = g_new (gpointer, 1);

      *weak = g_ptr_array_index (rows, i);
      g_object_add_weak_pointer (*weak, weak);
      g_ptr_array_add (watched, weak);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  pane = g_object_ref (rig->pane);
  close_pane (rig);
  for (guint i = 0; i < watched->len; i++)
    g_assert_null (*(gpointer *) g_ptr_array_index (watched, i));

  g_clear_object (&pane);
  open_pane (rig);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  inbox_pane_fixture_init (&argc, &argv);
  /* As g_application_run() does: the main thread owns the main context
   * throughout, so the store's announcements always come through it (see
   * run_write() in chorus-store-write.c), never from a worker. */
  g_assert_true (g_main_context_acquire (NULL));

  g_test_add ("/chorus/inbox-pane/views", Rig, NULL, rig_set_up, test_views, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/search", Rig, NULL, rig_set_up, test_search, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/keyboard", Rig, NULL, rig_set_up, test_keyboard, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/bulk", Rig, NULL, rig_set_up, test_bulk, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/saved-views", Rig, NULL, rig_set_up, test_saved_views, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/read", Rig, NULL, rig_set_up, test_read, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/rows", Rig, NULL, rig_set_up, test_rows, rig_tear_down);
  g_test_add ("/chorus/inbox-pane/rows-closed", Rig, NULL, rig_set_up, test_rows_closed, rig_tear_down);

  ret = g_test_run ();
  inbox_pane_fixture_finish ();
  g_main_context_release (NULL);

  return ret;
}
