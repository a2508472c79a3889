/* test-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "chorus-application.h"
#include "chorus-campaign.h"
#include "chorus-campaign-card.h"
#include "chorus-campaign-page.h"
#include "chorus-challenge-results.h"
#include "chorus-conversation-list.h"
#include "chorus-conversations-pane.h"
#include "chorus-designs-pane.h"
#include "chorus-pretests-pane.h"
#include "chorus-add-source-dialog.h"
#include "chorus-sample.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-submission-tile.h"
#include "chorus-window-private.h"
#include "chorus-conversations-pane-private.h"

#include "chorus-test-util.h"
#include "chorus-test-window.h"

/* The real window in-process, on a real sample workspace: what a person
 * sees in each pane, in English or (CHORUS_TEST_LANGUAGE=es) Spanish. With
 * CHORUS_WINDOW_SHOTS naming a folder, the campaigns and a challenge's
 * gallery at the narrowest width are saved there. */

static char *sample_path;
static char *tmp_dir;
static gboolean spanish;

/* Spins the main loop until @done returns TRUE or ten seconds (scaled
 * under the sanitizers) pass. */
static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  g_assert_true (chorus_test_spin_until (done, data, 10000));
}

static gboolean
window_has_store (gpointer data)
{
  return chorus_window_get_store (data) != NULL;
}

static gboolean
stack_settled (gpointer data)
{
  const char *name = gtk_stack_get_visible_child_name (data);

  return g_strcmp0 (name, "loading") != 0;
}

static GtkStack *
pane_stack (GtkWidget *pane)
{
  GtkWidget *child = gtk_widget_get_first_child (pane);

  g_assert_true (GTK_IS_STACK (child));
  return GTK_STACK (child);
}

/* The Inbox view is chosen (its statuses listed) and listed. */
static gboolean
inbox_settled (gpointer data)
{
  ChorusWindow *window = data;
  ChorusConversationsPane *pane = CHORUS_CONVERSATIONS_PANE (window->conversations_pane);
  GListModel *model = chorus_conversations_pane_get_model (pane);

  return model != NULL && g_strcmp0 (chorus_conversations_pane_get_page (pane), "loading") != 0 &&
         !chorus_conversation_list_get_loading (CHORUS_CONVERSATION_LIST (model)) &&
         !chorus_inbox_filter_is_empty (chorus_conversation_list_get_filter (CHORUS_CONVERSATION_LIST (model)));
}

/* One registered application for all cases, as in the real program. */
static ChorusApplication *app;

static ChorusApplication *
get_application (void)
{
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;

  app = chorus_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static ChorusWindow *
open_sample_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (sample_path);
  ChorusWindow *window = chorus_window_new (get_application ());

  gtk_window_present (GTK_WINDOW (window));
  chorus_window_open_workspace (window, file, CHORUS_WINDOW_OPEN_DEFAULT);
  wait_until (window_has_store, window);

  return window;
}

static void
destroy_window (ChorusWindow *window)
{
  g_object_ref (window);
  /* Closing, as a person does: it saves the size, then destroys. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_welcome (void)
{
  ChorusWindow *window = chorus_window_new (get_application ());

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_null (chorus_window_get_store (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sync_button)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("Chorus"));

  /* The size comes from the settings, and closing stores it back. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    int width;
    int height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
    gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
    destroy_window (window);
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
  }
}

static void
test_sample_panes (void)
{
  ChorusWindow *window = open_sample_window ();
  ChorusStore *store = chorus_window_get_store (window);
  g_autofree char *name = chorus_store_dup_name (store);
  g_autofree char *title = g_strdup_printf (_("%s — Chorus"), name);
  GListModel *conversations;
  GListModel *campaigns;
  GListModel *challenges;
  GListModel *submissions;
  GtkStack *stack;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==, name);

  /* The workspace is remembered for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-workspace");

    g_assert_cmpstr (last, ==, sample_path);
  }

  /* Sync waits for a real account; the sample's sources are not one. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sync_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->sync_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->sync_button)), ==,
                   _("Add a source to sync"));

  /* Conversations: the Inbox view, every conversation that is not
   * closed, newest first, lazily built. */
  wait_until (inbox_settled, window);
  g_assert_cmpstr (chorus_conversations_pane_get_page (CHORUS_CONVERSATIONS_PANE (window->conversations_pane)),
                   ==, "list");
  conversations = chorus_conversations_pane_get_model (CHORUS_CONVERSATIONS_PANE (window->conversations_pane));
  g_assert_cmpint (g_list_model_get_n_items (conversations), ==,
                   chorus_test_db_query_int (_chorus_store_get_db (store),
                                             "SELECT count (*) FROM conversations c"
                                             " JOIN statuses s ON s.id = c.status_id WHERE NOT s.is_closed"));
  g_assert_cmpint (g_list_model_get_n_items (conversations), <, chorus_store_get_counter (store, "conversations"));
  {
    g_autoptr(ChorusConversation) first = g_list_model_get_item (conversations, 0);
    g_autoptr(ChorusConversation) last = g_list_model_get_item (conversations,
                                                                g_list_model_get_n_items (conversations) - 1);

    g_assert_nonnull (chorus_conversation_get_excerpt (first));
    g_assert_cmpint (chorus_conversation_get_last_activity (first), >=,
                     chorus_conversation_get_last_activity (last));
  }

  /* Pre-tests: campaigns with their variants and counts. */
  chorus_window_set_visible_pane (window, "pretests");
  /* The list of campaigns, inside the pane's pages (the list, a campaign). */
  stack = GTK_STACK (gtk_stack_get_child_by_name (pane_stack (window->pretests_pane), "campaigns"));
  wait_until (stack_settled, stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  campaigns = chorus_pretests_pane_get_campaigns (CHORUS_PRETESTS_PANE (window->pretests_pane));
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), >=, 3);
  {
    g_autoptr(ChorusCampaign) campaign = g_list_model_get_item (campaigns, 0);

    g_assert_cmpuint (g_list_model_get_n_items (chorus_campaign_get_variants (campaign)), >=, 2);
    g_assert_cmpint (chorus_campaign_get_total_votes (campaign), >, 0);
  }

  /* Designs: challenges and a gallery whose thumbnails load. */
  chorus_window_set_visible_pane (window, "designs");
  stack = pane_stack (window->designs_pane);
  wait_until (stack_settled, stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  challenges = chorus_designs_pane_get_challenges (CHORUS_DESIGNS_PANE (window->designs_pane));
  g_assert_cmpuint (g_list_model_get_n_items (challenges), ==, 2);
  submissions = chorus_designs_pane_get_submissions (CHORUS_DESIGNS_PANE (window->designs_pane));
  while (g_list_model_get_n_items (submissions) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (submissions), >, 0);

  g_assert_cmpstr (chorus_window_get_visible_pane (window), ==, "designs");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "conversations");
  g_assert_cmpstr (chorus_window_get_visible_pane (window), ==, "conversations");

  destroy_window (window);
}

static gboolean
toast_or_dialog_shown (gpointer data)
{
  ChorusWindow *window = data;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
        {
          g_list_free (l);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_bad_file_dialog (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.chorus", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *after = NULL;
  ChorusWindow *window;
  const char *text = "Not a workspace, just notes.\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  window = chorus_window_new (get_application ());
  gtk_window_present (GTK_WINDOW (window));
  chorus_window_open_workspace (window, file, CHORUS_WINDOW_OPEN_DEFAULT);
  wait_until (toast_or_dialog_shown, window);

  g_assert_null (chorus_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);

  destroy_window (window);
}

static gboolean
inbox_has_rows (gpointer data)
{
  ChorusWindow *window = data;
  GListModel *model = chorus_conversations_pane_get_model (CHORUS_CONVERSATIONS_PANE (window->conversations_pane));

  return model != NULL && g_list_model_get_n_items (model) > 0 &&
         !chorus_sync_engine_get_syncing (window->engine);
}

static ChorusAddSourceDialog *
find_add_source_dialog (void)
{
  ChorusAddSourceDialog *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (CHORUS_IS_ADD_SOURCE_DIALOG (l->data))
      dialog = l->data;

  return dialog;
}

/* From the welcome page, "Add a Feed…" creates the default workspace,
 * adds the feed, syncs it over HTTP and shows its entries in the inbox. */
static void
test_add_feed (void)
{
  g_autofree char *corpus = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), "feeds", "rss-parser",
                                              "heise.atom", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) feed = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *url = NULL;
  g_autofree char *base = NULL;
  ChorusAddSourceDialog *dialog;
  ChorusWindow *window;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (corpus, &contents, &length, &error));
  feed = g_bytes_new_take (contents, length);
  soup_server_add_handler (server, "/feed.atom", test_serve_feed, feed, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  url = g_strconcat (base, "feed.atom", NULL);

  window = chorus_window_new (get_application ());
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (chorus_window_get_store (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-feed", NULL);
  g_assert_nonnull ((dialog = find_add_source_dialog ()));

  /* An address Chorus must not fetch is refused in the dialog itself. */
  chorus_add_source_dialog_set_url (dialog, "http://example.org/feed");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "source.add", NULL);
  g_assert_true (find_add_source_dialog () == dialog);

  chorus_add_source_dialog_set_url (dialog, url);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "source.add", NULL);
  g_assert_null (find_add_source_dialog ());

  wait_until (window_has_store, window);
  wait_until (inbox_has_rows, window);

  sources = chorus_store_list_sources (chorus_window_get_store (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpint (chorus_source_get_last_success (g_ptr_array_index (sources, 0)), >, 0);
  g_assert_true (g_str_has_prefix (chorus_store_get_path (chorus_window_get_store (window)),
                                   g_get_user_data_dir ()));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->sync_button)));

  /* Then a hashtag on a Mastodon-API server, into the same workspace. */
  {
    g_autofree char *tag_corpus = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), "mastodon", "real",
                                                    "timeline_tag_hoot.json", NULL);
    g_autoptr(GBytes) page = NULL;
    g_autoptr(GPtrArray) after = NULL;
    gint64 posts = chorus_store_get_counter (chorus_window_get_store (window), "posts");

    g_assert_true (g_file_get_contents (tag_corpus, &contents, &length, &error));
    page = g_bytes_new_take (contents, length);
    soup_server_add_handler (server, "/api/v1/timelines/tag/hoot", test_serve_feed, page, NULL);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-hashtag", NULL);
    g_assert_nonnull ((dialog = find_add_source_dialog ()));
    chorus_add_source_dialog_set_url (dialog, base);
    chorus_add_source_dialog_set_hashtags (dialog, "#hoot");
    gtk_widget_activate_action (GTK_WIDGET (dialog), "source.add", NULL);
    g_assert_null (find_add_source_dialog ());

    while (chorus_store_get_counter (chorus_window_get_store (window), "posts") == posts ||
           chorus_sync_engine_get_syncing (window->engine))
      g_main_context_iteration (NULL, TRUE);

    after = chorus_store_list_sources (chorus_window_get_store (window), &error);
    g_assert_cmpuint (after->len, ==, 2);
    g_assert_cmpstr (chorus_source_get_watch_hashtags (g_ptr_array_index (after, 1)), ==, "hoot");
    g_assert_null (chorus_source_get_last_error (g_ptr_array_index (after, 1)));
  }

  destroy_window (window);
}

static void
test_spanish (void)
{
  ChorusWindow *window = chorus_window_new (get_application ());
  AdwViewStackPage *page;

  gtk_window_present (GTK_WINDOW (window));

  page = adw_view_stack_get_page (window->view_stack, window->conversations_pane);
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "_Conversaciones");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chorus");

  destroy_window (window);
}

/* How narrow the window can be in English, measured on this sample: the
 * header bar's, once a campaign's header and figures, the variants side
 * by side, the results switcher and the gallery filters gave way (they
 * made it 594 px wide). Translations may take a little more. */
#define ENGLISH_MIN_WIDTH 400
#define TRANSLATED_MARGIN 16
/* With a conversation open: its column's own width (420 px) and more. */
#define ENGLISH_MIN_WIDTH_THREAD 430

static gboolean
designs_settled (gpointer data)
{
  ChorusWindow *window = data;

  return stack_settled (pane_stack (window->designs_pane)) &&
         g_list_model_get_n_items (chorus_designs_pane_get_submissions (CHORUS_DESIGNS_PANE (window->designs_pane))) > 0;
}

static gboolean
campaign_shown (gpointer data)
{
  return chorus_campaign_page_get_campaign (data) != NULL;
}

static gboolean
switcher_bar_revealed (gpointer data)
{
  ChorusWindow *window = data;

  return adw_view_switcher_bar_get_reveal (window->switcher_bar);
}

/* The window's minimum width, in pixels; the window is then drawn that
 * wide (with warnings fatal, a pane snapshotted before it is allocated
 * fails the test), the bottom view switcher revealed. */
static int
measure_min_width (ChorusWindow *window,
                   const char   *what)
{
  int min;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), min, 700);
  wait_until (switcher_bar_revealed, window);
  test_settle (400);
  g_test_message ("with %s, the window is at least %d px wide in %s", what, min,
                  g_getenv ("CHORUS_TEST_LANGUAGE") ?: "en");
  return min;
}

static gboolean
detail_shown (gpointer data)
{
  ChorusConversationsPane *pane = data;

  return gtk_widget_is_drawable (GTK_WIDGET (pane->thread_view));
}

/* The first conversation open, its thread then its person: the widest
 * minimum width they give the window. */
static int
measure_conversation (ChorusWindow *window)
{
  ChorusConversationsPane *pane = CHORUS_CONVERSATIONS_PANE (window->conversations_pane);
  GtkStack *pages = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (pane->person_panel)));
  int widest;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (pane->selection), 0, TRUE);
  wait_until (detail_shown, pane);
  widest = measure_min_width (window, "a conversation's thread");
  gtk_stack_set_visible_child (pages, GTK_WIDGET (pane->person_panel));
  widest = MAX (widest, measure_min_width (window, "a conversation's person"));
  gtk_stack_set_visible_child (pages, gtk_widget_get_first_child (GTK_WIDGET (pages)));
  return widest;
}

/* Each campaign of the sample in turn, on the Pre-tests pane: the widest
 * minimum width they give the window. */
static int
measure_campaigns (ChorusWindow *window)
{
  g_autoptr(GPtrArray) lists = test_collect (window->pretests_pane, GTK_TYPE_LIST_BOX);
  g_autoptr(GPtrArray) pages = test_collect (window->pretests_pane, CHORUS_TYPE_CAMPAIGN_PAGE);
  GtkListBox *list = lists->pdata[0];
  GtkListBoxRow *row;
  int widest = 0;

  g_assert_cmpuint (pages->len, ==, 1);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_autofree char *what = g_strdup_printf ("campaign %d", i);

      g_signal_emit_by_name (list, "row-activated", row);
      wait_until (campaign_shown, pages->pdata[0]);
      widest = MAX (widest, measure_min_width (window, what));
      gtk_widget_activate_action (pages->pdata[0], "campaign.back", NULL);
    }
  g_assert_cmpint (widest, >, 0);
  return widest;
}

/* On each campaign card, each variant's text (the label after its chip)
 * is at least half the card wide: a long chip ("Long way round") gives
 * way rather than leave the text a narrow column. */
static void
assert_variant_texts_readable (ChorusWindow *window)
{
  g_autoptr(GPtrArray) cards = test_collect (window->pretests_pane, CHORUS_TYPE_CAMPAIGN_CARD);
  guint checked = 0;

  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      g_autoptr(GPtrArray) labels = test_collect (cards->pdata[i], GTK_TYPE_LABEL);
      int card_width = gtk_widget_get_width (cards->pdata[i]);

      for (guint j = 0; j < labels->len; j++)
        {
          GtkWidget *text = gtk_widget_get_next_sibling (labels->pdata[j]);

          if (!gtk_widget_has_css_class (labels->pdata[j], "chorus-variant-label"))
            continue;
          g_assert_true (GTK_IS_LABEL (text));
          g_assert_cmpint (gtk_widget_get_width (text), >=, card_width / 2);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, cards->len * 2);
}

/* Long translated titles ("Votos señalados (9)") wrap or ellipsize
 * rather than widen the window. */
static void
test_narrowest (void)
{
  ChorusWindow *window = open_sample_window ();
  int margin = g_getenv ("CHORUS_TEST_LANGUAGE") ? TRANSLATED_MARGIN : 0;
  int limit = ENGLISH_MIN_WIDTH + margin;
  g_autoptr(GPtrArray) results = test_collect (window->designs_pane, CHORUS_TYPE_CHALLENGE_RESULTS);

  wait_until (inbox_settled, window);
  g_assert_cmpint (measure_conversation (window), <=, ENGLISH_MIN_WIDTH_THREAD + margin);
  chorus_window_set_visible_pane (window, "pretests");
  wait_until (stack_settled, gtk_stack_get_child_by_name (pane_stack (window->pretests_pane), "campaigns"));
  g_assert_cmpint (measure_min_width (window, "the campaigns"), <=, limit);
  assert_variant_texts_readable (window);
  test_shoot (GTK_WINDOW (window), "CHORUS_WINDOW_SHOTS", "window", "campaigns-narrowest");
  g_assert_cmpint (measure_campaigns (window), <=, limit);

  chorus_window_set_visible_pane (window, "designs");
  wait_until (designs_settled, window);
  g_assert_cmpint (measure_min_width (window, "a challenge's gallery"), <=, limit);
  test_show_challenge_content (CHORUS_DESIGNS_PANE (window->designs_pane));
  g_assert_cmpint (measure_min_width (window, "a challenge's gallery, open"), <=, limit);
  test_shoot (GTK_WINDOW (window), "CHORUS_WINDOW_SHOTS", "window", "gallery-narrowest");
  g_assert_cmpuint (results->len, ==, 1);
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (results->pdata[0])), "results");
  test_settle (500);
  g_assert_cmpint (measure_min_width (window, "a challenge's results"), <=, limit);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *locale_dir = g_getenv ("CHORUS_LOCALE_DIR");
  int ret;

  spanish = g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") == 0;

  /* Before GLib caches the user dirs: the default and sample workspaces
   * go into a folder of this run, never into the real user data dir. */
  tmp_dir = g_dir_make_tmp ("chorus-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  /* Not gtk_test_init(): it would force the en_US locale (TOOLCHAIN.md). */
  chorus_test_use_locale ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), tmp_dir));
  sample_path = g_build_filename (tmp_dir, "Sample.chorus", NULL);

  if (!chorus_sample_generate (sample_path, 600, 7, NULL, NULL, &error))
    g_error ("Could not generate the sample: %s", error->message);

  g_test_add_func ("/chorus/window/welcome", test_welcome);
  g_test_add_func ("/chorus/window/sample-panes", test_sample_panes);
  g_test_add_func ("/chorus/window/bad-file-dialog", test_bad_file_dialog);
  g_test_add_func ("/chorus/window/add-feed", test_add_feed);
  g_test_add_func ("/chorus/window/narrowest", test_narrowest);
  if (spanish)
    g_test_add_func ("/chorus/window/spanish", test_spanish);

  ret = g_test_run ();

  g_clear_object (&app);
  chorus_test_remove_tree (tmp_dir);
  g_free (sample_path);
  g_free (tmp_dir);

  return ret;
}
