/* test-saved-replies-page.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Saved Replies page of Preferences on a real workspace: empty, then a
 * reply added and edited through the dialog (which refuses to save
 * without a name and a text), moved up, and deleted once confirmed; and
 * the reply box's menu in the real window, whose "Create a Saved Reply…"
 * opens Preferences on this page with a new reply's dialog. Inserting
 * them is in test-reply-composer.c. In English, or
 * Spanish with CHORUS_TEST_LANGUAGE=es. */

#include "config.h"

#include "chorus-preferences-window.h"
#include "chorus-saved-replies-button.h"
#include "chorus-saved-replies-page.h"
#include "chorus-store-saved-replies.h"

#include "chorus-test-window.h"

typedef struct
{
  ChorusTestWorkspace     workspace;
  ChorusStore            *store;
  AdwPreferencesWindow   *window;
  ChorusSavedRepliesPage *page;
} Rig;

static gboolean
page_ready (gpointer data)
{
  return chorus_saved_replies_page_is_ready (data);
}

static void
rig_set_up (Rig *rig)
{
  chorus_test_workspace_init (&rig->workspace, "replies.chorus");
  rig->store = chorus_test_open_store (rig->workspace.path, CHORUS_STORE_OPEN_CREATE);
  rig->window = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  rig->page = chorus_saved_replies_page_new (rig->store);
  adw_preferences_window_add (rig->window, ADW_PREFERENCES_PAGE (rig->page));
  gtk_window_present (GTK_WINDOW (rig->window));
  g_assert_true (chorus_test_spin_until (page_ready, rig->page, CHORUS_TEST_WAIT_MS));
}

static void
rig_tear_down (Rig *rig)
{
  g_object_ref (rig->window);
  gtk_window_destroy (GTK_WINDOW (rig->window));
  chorus_test_finalize_object (rig->window);
  chorus_test_finalize_object (g_steal_pointer (&rig->store));
  chorus_test_workspace_remove_all (&rig->workspace);
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  GtkWidget *found;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((found = find_first (child, type)) != NULL)
      return found;
  return NULL;
}

/* Types a name and a text into the dialog, then answers @response. */
static void
fill_and_answer (Rig              *rig,
                 AdwMessageDialog *dialog,
                 const char       *name,
                 const char       *body,
                 const char       *response)
{
  GtkEditable *entry = GTK_EDITABLE (find_first (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
  GtkTextView *text_view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));

  gtk_editable_set_text (entry, name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), body, -1);
  if (g_str_equal (response, "save"))
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (chorus_test_spin_until (page_ready, rig->page, CHORUS_TEST_WAIT_MS));
}

/* "name=body|…" as saved, in their order. */
static char *
dup_saved (Rig *rig)
{
  sqlite3 *db = chorus_test_db_open (rig->workspace.path, SQLITE_OPEN_READONLY, 5000);
  char *saved = chorus_test_db_query_text (db, "SELECT group_concat (name || '=' || body, '|') FROM"
                                               " (SELECT name, body FROM saved_replies ORDER BY position, id)");

  sqlite3_close (db);
  return saved;
}

static void
click_row_button (AdwActionRow *row,
                  const char   *tooltip)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *found = NULL;

  for (GtkWidget *w = find_first (GTK_WIDGET (row), GTK_TYPE_BUTTON); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), tooltip) == 0)
      found = w;
  g_assert_nonnull (found);
  g_signal_emit_by_name (found, "clicked");
}

static void
test_page (void)
{
  Rig rig = { 0, };
  AdwMessageDialog *dialog;
  AdwMessageDialog *confirm;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *left = NULL;

  rig_set_up (&rig);
  g_assert_cmpuint (chorus_saved_replies_page_get_n_rows (rig.page), ==, 0);
  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (rig.page)), ==, "saved-replies");

  /* Nothing to save until there is a name and a text. */
  dialog = chorus_saved_replies_page_add (rig.page);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (find_first (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "Thanks");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  fill_and_answer (&rig, dialog, "  Thanks ", "Thanks, {name}!\nWe are on it.", "save");
  dialog = chorus_saved_replies_page_add (rig.page);
  fill_and_answer (&rig, dialog, "Ignored", "Never saved", "cancel");
  dialog = chorus_saved_replies_page_add (rig.page);
  fill_and_answer (&rig, dialog, "DM", "Please send us a DM.", "save");
  listed = dup_saved (&rig);
  g_assert_cmpstr (listed, ==, "Thanks=Thanks, {name}!\nWe are on it.|DM=Please send us a DM.");
  g_assert_cmpuint (chorus_saved_replies_page_get_n_rows (rig.page), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (chorus_saved_replies_page_get_row (rig.page, 0))),
                   ==, "Thanks");
  /* The text on one line. */
  g_assert_cmpstr (adw_action_row_get_subtitle (chorus_saved_replies_page_get_row (rig.page, 0)), ==,
                   "Thanks, {name}! We are on it.");

  /* Edited: the dialog starts from what is saved. */
  replies = chorus_store_list_saved_replies (rig.store, &error);
  g_assert_no_error (error);
  dialog = chorus_saved_replies_page_edit (rig.page, g_ptr_array_index (replies, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_first (GTK_WIDGET (dialog), GTK_TYPE_ENTRY))), ==, "DM");
  fill_and_answer (&rig, dialog, "Send us a DM", "Hi {name}, please send us a DM.", "save");
  edited = dup_saved (&rig);
  g_assert_cmpstr (edited, ==, "Thanks=Thanks, {name}!\nWe are on it.|Send us a DM=Hi {name}, please send us a DM.");

  /* Moved up, from its row. */
  click_row_button (chorus_saved_replies_page_get_row (rig.page, 1), _("Move Up"));
  g_assert_true (chorus_test_spin_until (page_ready, rig.page, CHORUS_TEST_WAIT_MS));
  moved = dup_saved (&rig);
  g_assert_cmpstr (moved, ==, "Send us a DM=Hi {name}, please send us a DM.|Thanks=Thanks, {name}!\nWe are on it.");

  /* Deleted only once confirmed. */
  click_row_button (chorus_saved_replies_page_get_row (rig.page, 1), _("Delete"));
  confirm = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "delete");
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_true (chorus_test_spin_until (page_ready, rig.page, CHORUS_TEST_WAIT_MS));
  left = dup_saved (&rig);
  g_assert_cmpstr (left, ==, "Send us a DM=Hi {name}, please send us a DM.");
  g_assert_cmpuint (chorus_saved_replies_page_get_n_rows (rig.page), ==, 1);

  rig_tear_down (&rig);
}

static gboolean
replies_loaded (gpointer data)
{
  return !chorus_saved_replies_button_get_loading (data);
}

static gboolean
page_and_dialog_shown (gpointer data)
{
  ChorusPreferencesWindow *preferences = test_find_toplevel (CHORUS_TYPE_PREFERENCES_WINDOW);

  return preferences != NULL && test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* From the reply box of the window: Preferences, on this page. */
static void
test_from_window (void)
{
  ChorusWindow *window = test_open_empty_window ("menu.chorus");
  ChorusSavedRepliesButton *button;
  ChorusPreferencesWindow *preferences;
  AdwMessageDialog *dialog;
  GtkWidget *create;

  button = CHORUS_SAVED_REPLIES_BUTTON (find_first (GTK_WIDGET (window), CHORUS_TYPE_SAVED_REPLIES_BUTTON));
  g_assert_nonnull (button);
  g_assert_true (chorus_test_spin_until (replies_loaded, button, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (chorus_saved_replies_button_get_replies (button)), ==, 0);
  create = find_first (gtk_popover_get_child (chorus_saved_replies_button_get_popover (button)), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (create)), ==, _("_Create a Saved Reply…"));

  g_signal_emit_by_name (create, "clicked");
  g_assert_true (chorus_test_spin_until (page_and_dialog_shown, NULL, CHORUS_TEST_WAIT_MS));
  preferences = test_find_toplevel (CHORUS_TYPE_PREFERENCES_WINDOW);
  dialog = test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==,
                   "saved-replies");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (preferences));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (preferences));
  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add_func ("/chorus/saved-replies-page/page", test_page);
  g_test_add_func ("/chorus/saved-replies-page/from-window", test_from_window);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
