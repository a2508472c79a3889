/* test-reply-composer.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reply composer in-process, under a thread view, on a real workspace
 * whose Mastodon account points at the fake Mastodon server
 * (fake-mastodon.c) on 127.0.0.1: the mention it starts with, the
 * counter, a reply sent once with the right in_reply_to_id and shown in
 * the thread as the brand's, and a reply the server refuses, listed as
 * failed with its error and a Retry button; a saved reply inserted with
 * the person's name filled in; a failed reply edited in place; and the
 * thread's Favourite and Boost, each queued once in the outbox. In
 * English, or Spanish with CHORUS_TEST_LANGUAGE=es. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "chorus-outbox.h"
#include "chorus-post-actions.h"
#include "chorus-post-private.h"
#include "chorus-post-row.h"
#include "chorus-reply-composer.h"
#include "chorus-saved-replies-button.h"
#include "chorus-store-saved-replies.h"
#include "chorus-thread-view.h"
#include "fake-mastodon-private.h"
#include "outbox-test-util.h"

#include "chorus-test-window.h"

#define TOKEN        "composer-test-token-41c2"
#define TOKEN_ENV    "CHORUS_COMPOSER_TEST_TOKEN"
#define TAG          "choruscomposer"
#define TARGET_INDEX 2
#define REPLY_TEXT   "Sorry about that, it ships today."

typedef struct
{
  OutboxTestBench      b;
  FakeMastodon        *server;
  char                *remote_id;
  GtkWindow           *window;
  ChorusThreadView    *view;
  ChorusReplyComposer *composer;
  char                *message;      /* the last "changed" message */
} Rig;

static void
on_changed_cb (ChorusReplyComposer *composer,
               gint64               audit_id,
               const char          *message,
               Rig                 *rig)
{
  g_assert_cmpint (audit_id, ==, 0);
  g_free (rig->message);
  rig->message = g_strdup (message);
}

static gboolean
composer_ready (gpointer data)
{
  Rig *rig = data;

  return !chorus_thread_view_get_loading (rig->view) &&
         !chorus_reply_composer_get_busy (rig->composer) &&
         chorus_reply_composer_get_target_post_id (rig->composer) > 0;
}

static gboolean
composer_answered (gpointer data)
{
  Rig *rig = data;

  return rig->message != NULL && composer_ready (rig);
}

static void
rig_set_up (Rig *rig)
{
  FakeMastodonConfig config = { 0, };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *target_uri = NULL;
  guint64 status_id;

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 5;
  rig->server = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);

  status_id = fake_status_id (TARGET_INDEX);
  target_uri = g_strdup_printf ("https://fake.example/users/ana/statuses/%" G_GUINT64_FORMAT, status_id);
  rig->remote_id = g_strdup_printf ("%" G_GUINT64_FORMAT, status_id);
  outbox_test_bench_set_up (&rig->b, fake_mastodon_get_url (rig->server), TOKEN_ENV, target_uri, rig->remote_id);

  rig->view = CHORUS_THREAD_VIEW (chorus_thread_view_new (NULL));
  gtk_widget_set_vexpand (GTK_WIDGET (rig->view), TRUE);
  rig->composer = CHORUS_REPLY_COMPOSER (chorus_reply_composer_new (rig->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rig->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rig->composer));
  rig->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (rig->window, 600, 700);
  gtk_window_set_child (rig->window, box);
  gtk_window_present (rig->window);
  g_signal_connect (rig->composer, "changed", G_CALLBACK (on_changed_cb), rig);

  chorus_reply_composer_set_store (rig->composer, rig->b.store, rig->b.http);
  chorus_thread_view_show (rig->view, rig->b.store, rig->b.conversation_id);
  chorus_reply_composer_show (rig->composer, rig->b.store, rig->b.conversation_id);
  g_assert_true (chorus_test_spin_until (composer_ready, rig, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig->window));
}

static void
rig_tear_down (Rig *rig)
{
  gtk_window_destroy (rig->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  outbox_test_bench_tear_down (&rig->b);
  fake_mastodon_stop (rig->server);
  g_free (rig->remote_id);
  g_free (rig->message);
}

/* Widgets */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_only (GtkWidget *widget,
           GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (found, i)), label) == 0)
      return g_ptr_array_index (found, i);
  return NULL;
}

static GtkWidget *
find_label_class (GtkWidget  *widget,
                  const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, found);
  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (found, i), css_class))
      return g_ptr_array_index (found, i);
  return NULL;
}

/* The list of items not sent yet, not the saved replies' menu. */
static GtkWidget *
find_items_list (GtkWidget *widget)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LIST_BOX, found);
  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (found, i), GTK_TYPE_POPOVER) == NULL)
      return g_ptr_array_index (found, i);
  g_assert_not_reached ();
}

static char *
dup_buffer_text (GtkTextView *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_text (GtkTextView *text_view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static GPtrArray *
status_writes (Rig *rig)
{
  GPtrArray *writes = fake_mastodon_dup_writes (rig->server);

  for (guint i = writes->len; i > 0; i--)
    if (!g_str_equal (((FakeMastodonWrite *) g_ptr_array_index (writes, i - 1))->path, "/api/v1/statuses"))
      g_ptr_array_remove_index (writes, i - 1);
  return writes;
}

static void
send_and_wait (Rig *rig)
{
  GtkWidget *send = find_button (GTK_WIDGET (rig->composer), _("_Send"));

  g_assert_nonnull (send);
  g_assert_true (gtk_widget_is_sensitive (send));
  g_clear_pointer (&rig->message, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig->composer), "composer.send", NULL));
  g_assert_true (chorus_test_spin_until (composer_answered, rig, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig->window));
}

/* The mention, the counter, one POST, and the brand's reply in the thread. */
static void
test_send (void)
{
  Rig rig = { 0, };
  GtkTextView *text_view;
  GtkWidget *counter;
  GtkWidget *send;
  GListModel *posts;
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *over = NULL;
  g_autofree char *expected_body = NULL;
  JsonObject *body;
  guint own = 0;

  rig_set_up (&rig);
  text_view = GTK_TEXT_VIEW (find_only (GTK_WIDGET (rig.composer), GTK_TYPE_TEXT_VIEW));
  counter = find_label_class (GTK_WIDGET (rig.composer), "numeric");
  send = find_button (GTK_WIDGET (rig.composer), _("_Send"));
  g_assert_nonnull (counter);
  g_assert_cmpint (chorus_reply_composer_get_target_post_id (rig.composer), ==, rig.b.target_id);

  /* Mastodon counts a mention by its user name: "@ana " is 5. */
  text = dup_buffer_text (text_view);
  g_assert_cmpstr (text, ==, "@ana@fake.example ");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (counter)), ==, "5 / 500");
  g_assert_true (gtk_widget_is_sensitive (send));

  /* 5 + 496 = 501: over, in red, and Send is off. */
  over = g_strnfill (496, 'x');
  type_text (text_view, over);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (counter)), ==, "501 / 500");
  g_assert_true (gtk_widget_has_css_class (counter, "error"));
  g_assert_false (gtk_widget_is_sensitive (send));

  /* Empty, Send is off too. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "  ", -1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (counter)), ==, "2 / 500");
  g_assert_false (gtk_widget_has_css_class (counter, "error"));
  g_assert_false (gtk_widget_is_sensitive (send));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "@ana@fake.example ", -1);
  type_text (text_view, REPLY_TEXT);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (counter)), ==, "38 / 500");
  send_and_wait (&rig);

  g_assert_cmpstr (rig.message, ==, _("Reply sent"));
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (text_view);
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (chorus_reply_composer_get_items (rig.composer)), ==, 0);

  writes = status_writes (&rig);
  g_assert_cmpuint (writes->len, ==, 1);
  g_assert_nonnull (((FakeMastodonWrite *) writes->pdata[0])->idempotency_key);
  g_assert_true (json_parser_load_from_data (parser, ((FakeMastodonWrite *) writes->pdata[0])->body, -1, &error));
  g_assert_no_error (error);
  body = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (body, "in_reply_to_id"), ==, rig.remote_id);
  expected_body = g_strconcat ("@ana@fake.example ", REPLY_TEXT, NULL);
  g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, expected_body);

  /* The thread was read again, with the brand's answer in it. */
  posts = chorus_thread_view_get_posts (rig.view);
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (posts); i++)
    {
      g_autoptr(ChorusPost) post = g_list_model_get_item (posts, i);

      if (chorus_post_get_is_own (post))
        {
          own++;
          g_assert_cmpstr (chorus_post_get_text (post), ==, expected_body);
        }
    }
  g_assert_cmpuint (own, ==, 1);
  /* The answer is still the customer's post, not the brand's own. */
  g_assert_cmpint (chorus_reply_composer_get_target_post_id (rig.composer), ==, rig.b.target_id);

  rig_tear_down (&rig);
}

/* Refused with 422: listed as failed, with the error and Retry. */
static void
test_refused (void)
{
  Rig rig = { 0, };
  GtkTextView *text_view;
  GListModel *items;
  g_autoptr(ChorusOutboxItem) item = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *list;
  const char *reason = "Validation failed: Text character limit of 500 exceeded";
  g_autofree char *expected_start = NULL;
  gboolean shown = FALSE;

  rig_set_up (&rig);
  fake_mastodon_add_post_fault (rig.server, 1, FAKE_MASTODON_FAULT_UNPROCESSABLE);
  text_view = GTK_TEXT_VIEW (find_only (GTK_WIDGET (rig.composer), GTK_TYPE_TEXT_VIEW));
  type_text (text_view, REPLY_TEXT);
  send_and_wait (&rig);

  /* Translators' text around it, the server's reason inside. */
  expected_start = g_strdup_printf (_("Reply not sent: %s"), "");
  g_assert_true (g_str_has_prefix (rig.message, expected_start));
  g_assert_nonnull (strstr (rig.message, reason));

  writes = status_writes (&rig);
  g_assert_cmpuint (writes->len, ==, 1);
  g_assert_cmpint (outbox_test_count_items (rig.b.db, "failed", 1), ==, 1);

  items = chorus_reply_composer_get_items (rig.composer);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpint (chorus_outbox_item_get_state (item), ==, CHORUS_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (chorus_outbox_item_get_body (item), ==, "@ana@fake.example " REPLY_TEXT);

  list = find_items_list (GTK_WIDGET (rig.composer));
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_nonnull (find_button (list, _("_Retry")));
  g_assert_nonnull (find_button (list, _("_Cancel")));
  collect (list, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), reason) != NULL)
      shown = gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error");
  g_assert_true (shown);

  /* Retry sends it again, and the list empties. */
  g_clear_pointer (&rig.message, g_free);
  g_signal_emit_by_name (find_button (list, _("_Retry")), "clicked");
  g_assert_true (chorus_test_spin_until (composer_answered, &rig, CHORUS_TEST_WAIT_MS));
  g_assert_cmpstr (rig.message, ==, _("Reply sent"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_clear_pointer (&writes, g_ptr_array_unref);
  writes = status_writes (&rig);
  g_assert_cmpuint (writes->len, ==, 2);
  g_assert_cmpint (outbox_test_count_items (rig.b.db, "sent", 2), ==, 1);

  rig_tear_down (&rig);
}

static void
assert_list_shows (GtkWidget  *list,
                   const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean found = FALSE;

  collect (list, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    found |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0;
  g_assert_true (found);
}

static gboolean
list_has_one (gpointer data)
{
  Rig *rig = data;

  return g_list_model_get_n_items (chorus_reply_composer_get_items (rig->composer)) == 1;
}

/* Saved replies */

static gboolean
replies_loaded (gpointer data)
{
  return !chorus_saved_replies_button_get_loading (data);
}

/* Shown, as far as the widgets up to @top go. */
static gboolean
is_shown (GtkWidget *widget,
          GtkWidget *top)
{
  for (; widget != NULL && widget != top; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return widget == top;
}

static void
choose_saved_reply (GtkPopover *popover,
                    int         index)
{
  GtkListBox *list = GTK_LIST_BOX (find_only (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, index));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* The empty menu, then saved replies inserted at the cursor, never inside
 * the mention, with the person's name and handle filled in. */
static void
test_saved_reply (void)
{
  Rig rig = { 0, };
  ChorusSavedRepliesButton *button;
  GtkPopover *popover;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;

  rig_set_up (&rig);
  button = CHORUS_SAVED_REPLIES_BUTTON (find_only (GTK_WIDGET (rig.composer), CHORUS_TYPE_SAVED_REPLIES_BUTTON));
  popover = chorus_saved_replies_button_get_popover (button);
  text_view = GTK_TEXT_VIEW (find_only (GTK_WIDGET (rig.composer), GTK_TYPE_TEXT_VIEW));
  buffer = gtk_text_view_get_buffer (text_view);

  /* None yet: the menu says so and offers to create one. */
  gtk_popover_popup (popover);
  g_assert_true (chorus_test_spin_until (replies_loaded, button, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig.window));
  g_assert_cmpuint (g_list_model_get_n_items (chorus_saved_replies_button_get_replies (button)), ==, 0);
  g_assert_true (is_shown (find_button (GTK_WIDGET (popover), _("_Create a Saved Reply…")), GTK_WIDGET (popover)));
  g_assert_false (is_shown (find_button (GTK_WIDGET (popover), _("_Manage Saved Replies…")), GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);

  /* Saved elsewhere (Preferences), read again when the menu opens; the
   * person has a name now. */
  chorus_store_add_saved_reply (rig.b.store, "Thanks", "Thanks, {name}! {order} ships {{today}}.", &error);
  g_assert_no_error (error);
  chorus_store_add_saved_reply (rig.b.store, "Hello", " Hi {handle}", &error);
  g_assert_no_error (error);
  chorus_test_db_exec (rig.b.db, "UPDATE identities SET display_name = 'Ana Lima ✨'");
  chorus_thread_view_show (rig.view, rig.b.store, rig.b.conversation_id);
  chorus_reply_composer_show (rig.composer, rig.b.store, rig.b.conversation_id);
  g_assert_true (chorus_test_spin_until (composer_ready, &rig, CHORUS_TEST_WAIT_MS));

  gtk_popover_popup (popover);
  g_assert_true (chorus_test_spin_until (replies_loaded, button, CHORUS_TEST_WAIT_MS));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig.window));
  g_assert_cmpuint (g_list_model_get_n_items (chorus_saved_replies_button_get_replies (button)), ==, 2);
  g_assert_false (is_shown (find_button (GTK_WIDGET (popover), _("_Create a Saved Reply…")), GTK_WIDGET (popover)));
  g_assert_true (is_shown (find_button (GTK_WIDGET (popover), _("_Manage Saved Replies…")), GTK_WIDGET (popover)));

  /* The cursor at the very start: the text goes after the mention. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  choose_saved_reply (popover, 0);
  text = dup_buffer_text (text_view);
  g_assert_cmpstr (text, ==, "@ana@fake.example Thanks, Ana Lima ✨! {order} ships {today}.");

  /* Then where the cursor was left, at the end of what was inserted. */
  gtk_popover_popup (popover);
  g_assert_true (chorus_test_spin_until (replies_loaded, button, CHORUS_TEST_WAIT_MS));
  choose_saved_reply (popover, 1);
  second = dup_buffer_text (text_view);
  g_assert_cmpstr (second, ==, "@ana@fake.example Thanks, Ana Lima ✨! {order} ships {today}. Hi @ana@fake.example");
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (rig.composer), _("_Send"))));

  rig_tear_down (&rig);
}

/* Editing */

static GtkWidget *
find_shown_button (GtkWidget  *widget,
                   const char *label)
{
  GtkWidget *button = find_button (widget, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  return button;
}

/* A failed reply changed in the composer: Send becomes Save Changes,
 * Cancel brings back the reply being written, and saving rewrites the
 * outbox item, sending nothing. */
static void
test_edit (void)
{
  Rig rig = { 0, };
  GtkTextView *text_view;
  GtkWidget *list;
  g_autoptr(ChorusOutboxItem) item = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *sql = NULL;
  const char *fixed = "@ana@fake.example Fixed: it ships today.";

  rig_set_up (&rig);
  fake_mastodon_add_post_fault (rig.server, 1, FAKE_MASTODON_FAULT_UNPROCESSABLE);
  text_view = GTK_TEXT_VIEW (find_only (GTK_WIDGET (rig.composer), GTK_TYPE_TEXT_VIEW));
  type_text (text_view, REPLY_TEXT);
  send_and_wait (&rig);
  g_assert_cmpint (outbox_test_count_items (rig.b.db, "failed", 1), ==, 1);
  item = g_list_model_get_item (chorus_reply_composer_get_items (rig.composer), 0);
  list = find_items_list (GTK_WIDGET (rig.composer));

  /* What was being written waits during the edit. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "@ana@fake.example a draft", -1);
  g_signal_emit_by_name (find_button (list, _("_Edit")), "clicked");
  text = dup_buffer_text (text_view);
  g_assert_cmpstr (text, ==, "@ana@fake.example " REPLY_TEXT);
  g_assert_null (find_button (GTK_WIDGET (rig.composer), _("_Send")));
  g_assert_true (gtk_widget_is_sensitive (find_shown_button (GTK_WIDGET (rig.composer), _("_Save Changes"))));
  g_assert_true (gtk_widget_is_sensitive (find_shown_button (GTK_WIDGET (rig.composer), _("_Cancel"))));

  /* Escape, or Cancel: back to the draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig.composer), "composer.cancel-edit", NULL));
  restored = dup_buffer_text (text_view);
  g_assert_cmpstr (restored, ==, "@ana@fake.example a draft");
  g_assert_nonnull (find_shown_button (GTK_WIDGET (rig.composer), _("_Send")));
  /* The composer's own Cancel, before the list's. */
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (rig.composer), _("_Cancel"))));

  /* Saved: the item has the new text, stays failed until retried, and
   * nothing more went to the server. */
  g_signal_emit_by_name (find_button (list, _("_Edit")), "clicked");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), fixed, -1);
  g_clear_pointer (&rig.message, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rig.composer), "composer.send", NULL));
  g_assert_true (chorus_test_spin_until (composer_answered, &rig, CHORUS_TEST_WAIT_MS));
  g_assert_cmpstr (rig.message, ==, _("Reply changed"));
  sql = g_strdup_printf ("SELECT body FROM outbox WHERE id = %" G_GINT64_FORMAT, chorus_outbox_item_get_id (item));
  body = chorus_test_db_query_text (rig.b.db, sql);
  g_assert_cmpstr (body, ==, fixed);
  g_assert_cmpint (outbox_test_count_items (rig.b.db, "failed", 1), ==, 1);
  g_assert_cmpint (outbox_test_query_int (rig.b.db, "SELECT count (*) FROM outbox"), ==, 1);
  writes = status_writes (&rig);
  g_assert_cmpuint (writes->len, ==, 1);
  g_clear_pointer (&text, g_free);
  text = dup_buffer_text (text_view);
  g_assert_cmpstr (text, ==, "@ana@fake.example a draft");
  g_assert_nonnull (find_shown_button (GTK_WIDGET (rig.composer), _("_Send")));
  g_clear_object (&item);
  item = g_list_model_get_item (chorus_reply_composer_get_items (rig.composer), 0);
  g_assert_cmpstr (chorus_outbox_item_get_body (item), ==, fixed);

  rig_tear_down (&rig);
}

/* Favourite and Boost */

static ChorusPostRow *
find_post_row (ChorusThreadView *view,
               gint64            post_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (view), CHORUS_TYPE_POST_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      ChorusPost *post = chorus_post_row_get_post (g_ptr_array_index (rows, i));

      if (post != NULL && chorus_post_get_id (post) == post_id)
        return g_ptr_array_index (rows, i);
    }
  g_assert_not_reached ();
}

/* The row's two toggle buttons: Like (Favourite), then Repost (Boost). */
static void
find_actions (ChorusPostRow    *row,
              GtkToggleButton **like,
              GtkToggleButton **repost)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON, found);
  g_assert_cmpuint (found->len, ==, 2);
  *like = g_ptr_array_index (found, 0);
  *repost = g_ptr_array_index (found, 1);
}

static gint64
count_kind (Rig        *rig,
            const char *kind)
{
  return outbox_test_query_int (rig->b.db, "SELECT count (*) FROM outbox WHERE kind = '%s' AND target_post_id = %"
                                G_GINT64_FORMAT " AND state <> 'cancelled'", kind, rig->b.target_id);
}

static void
press_and_wait (Rig             *rig,
                GtkToggleButton *button)
{
  g_clear_pointer (&rig->message, g_free);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_true (chorus_test_spin_until (composer_answered, rig, CHORUS_TEST_WAIT_MS));
}

/* Each queued once, as the outbox shows, and the buttons stay pressed
 * until the item is cancelled. */
static void
test_like_and_boost (void)
{
  Rig rig = { 0, };
  ChorusPostRow *row;
  GtkToggleButton *like;
  GtkToggleButton *boost;

  rig_set_up (&rig);
  row = find_post_row (rig.view, rig.b.target_id);
  find_actions (row, &like, &boost);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (like)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (boost)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (like)), ==, C_("post action", "Favourite"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (boost)), ==, C_("post action", "Boost"));
  g_assert_false (gtk_toggle_button_get_active (like));

  press_and_wait (&rig, like);
  g_assert_cmpstr (rig.message, ==, chorus_post_action_get_queued_message ("mastodon", CHORUS_OUTBOX_KIND_LIKE));
  g_assert_cmpint (count_kind (&rig, "like"), ==, 1);
  g_assert_cmpint (count_kind (&rig, "repost"), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (like));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (like)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (like)), ==, C_("post action", "Favourited"));

  /* Asked again (another row of the same post, say): still one. */
  g_clear_pointer (&rig.message, g_free);
  g_signal_emit_by_name (rig.view, "like-requested", rig.b.target_id);
  g_assert_true (chorus_test_spin_until (composer_answered, &rig, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (count_kind (&rig, "like"), ==, 1);

  press_and_wait (&rig, boost);
  g_assert_cmpstr (rig.message, ==, chorus_post_action_get_queued_message ("mastodon", CHORUS_OUTBOX_KIND_REPOST));
  g_assert_cmpint (count_kind (&rig, "repost"), ==, 1);
  g_assert_cmpint (count_kind (&rig, "like"), ==, 1);
  g_assert_cmpint (outbox_test_query_int (rig.b.db, "SELECT count (*) FROM outbox"), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (boost));

  /* Both wait in the composer's list, by name; cancelling the like frees its button. */
  g_assert_cmpuint (g_list_model_get_n_items (chorus_reply_composer_get_items (rig.composer)), ==, 2);
  assert_list_shows (find_items_list (GTK_WIDGET (rig.composer)), C_("post action", "Favourite"));
  g_clear_pointer (&rig.message, g_free);
  g_signal_emit_by_name (find_button (find_items_list (GTK_WIDGET (rig.composer)), _("_Cancel")), "clicked");
  g_assert_true (chorus_test_spin_until (composer_ready, &rig, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (list_has_one, &rig, CHORUS_TEST_WAIT_MS));
  g_assert_cmpint (count_kind (&rig, "like"), ==, 0);
  g_assert_false (gtk_toggle_button_get_active (like));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (like)));
  g_assert_true (gtk_toggle_button_get_active (boost));

  rig_tear_down (&rig);
}

/* Which buttons a post shows, by network and author. */
static void
test_post_actions (void)
{
  static const struct {
    const char *network;
    gboolean    own;
    const char *like;
    const char *repost;
  } cases[] = {
    { "mastodon", FALSE, NC_("post action", "Favourite"), NC_("post action", "Boost") },
    { "bluesky", FALSE, N_("Like"), N_("Repost") },
    { "discourse", FALSE, N_("Like"), NULL },
    { "feed", FALSE, NULL, NULL },
    { "mastodon", TRUE, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ChorusPost) post = _chorus_post_new ();
      GtkWidget *row = g_object_ref_sink (chorus_post_row_new ());
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
      g_autoptr(GPtrArray) tooltips = g_ptr_array_new ();

      post->id = 1;
      post->network = g_strdup (cases[i].network);
      post->is_own = cases[i].own;
      post->text = g_strdup ("Where is my order?");
      chorus_post_row_set_post (CHORUS_POST_ROW (row), post);

      collect (row, GTK_TYPE_TOGGLE_BUTTON, buttons);
      for (guint j = 0; j < buttons->len; j++)
        if (gtk_widget_get_visible (g_ptr_array_index (buttons, j)))
          g_ptr_array_add (tooltips, (gpointer) gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, j)));
      g_ptr_array_add (tooltips, NULL);

      g_assert_cmpuint (tooltips->len - 1, ==, (cases[i].like != NULL) + (cases[i].repost != NULL));
      if (cases[i].like != NULL)
        g_assert_cmpstr (g_ptr_array_index (tooltips, 0), ==, g_dpgettext2 (NULL, "post action", cases[i].like));
      if (cases[i].repost != NULL)
        g_assert_cmpstr (g_ptr_array_index (tooltips, 1), ==, g_dpgettext2 (NULL, "post action", cases[i].repost));
      if (!cases[i].own)
        g_assert_cmpstr (chorus_post_action_get_label (cases[i].network, CHORUS_OUTBOX_KIND_REPOST), ==,
                         (cases[i].repost ? g_dpgettext2 (NULL, "post action", cases[i].repost) : NULL));

      /* A source that cannot act (a sample) shows no button at all, and
       * gets them back when it can. */
      chorus_post_row_set_acted (CHORUS_POST_ROW (row), FALSE, FALSE, FALSE);
      for (guint j = 0; j < buttons->len; j++)
        g_assert_false (gtk_widget_is_visible (g_ptr_array_index (buttons, j)));
      chorus_post_row_set_acted (CHORUS_POST_ROW (row), TRUE, FALSE, FALSE);
      for (guint j = 0, shown = 0; j < buttons->len; j++)
        {
          shown += gtk_widget_is_visible (g_ptr_array_index (buttons, j));
          if (j + 1 == buttons->len)
            g_assert_cmpuint (shown, ==, tooltips->len - 1);
        }

      chorus_test_finalize_object (row);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add_func ("/chorus/reply-composer/send", test_send);
  g_test_add_func ("/chorus/reply-composer/refused", test_refused);
  g_test_add_func ("/chorus/reply-composer/saved-reply", test_saved_reply);
  g_test_add_func ("/chorus/reply-composer/edit", test_edit);
  g_test_add_func ("/chorus/reply-composer/like-and-boost", test_like_and_boost);
  g_test_add_func ("/chorus/reply-composer/post-actions", test_post_actions);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
