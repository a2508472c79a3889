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
 * failed with its error and a Retry button. In English, or Spanish with
 * CHORUS_TEST_LANGUAGE=es. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "chorus-outbox.h"
#include "chorus-post.h"
#include "chorus-reply-composer.h"
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

  list = find_only (GTK_WIDGET (rig.composer), GTK_TYPE_LIST_BOX);
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

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add_func ("/chorus/reply-composer/send", test_send);
  g_test_add_func ("/chorus/reply-composer/refused", test_refused);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
