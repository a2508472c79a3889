/* test-campaign-flow.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-campaign-card.h"
#include "chorus-campaign-editor.h"
#include "chorus-campaign-launch.h"
#include "chorus-campaign-page.h"
#include "chorus-campaign-page-private.h"
#include "chorus-chart-draw.h"
#include "chorus-format.h"
#include "chorus-pretests-pane.h"
#include "chorus-sample.h"
#include "chorus-sentiment.h"
#include "chorus-store-campaigns.h"
#include "chorus-store-private.h"
#include "chorus-variant-replies.h"
#include "chorus-share-chart.h"
#include "chorus-store-campaigns.h"
#include "chorus-verdict.h"
#include "fake-mastodon.h"

#include "chorus-test-window.h"

/* A pre-test as a person runs it, in the real window against the fake
 * Mastodon server: New Campaign with three variants typed into the
 * editor, Put to the Community as a Mastodon poll, votes arriving at the
 * next sync and drawn on the chart, and the decision recorded from its
 * dialog. In English and Spanish, as the other window tests. On the
 * sample workspace, a variant posts campaign shows what people replied to
 * each variant, checked against the workspace read directly. */

#define TOKEN      "campaign-flow-token-8d21"
#define TOKEN_ENV  "CHORUS_CAMPAIGN_FLOW_TOKEN"
#define TAG        "choruscampaignflow"
#define NAME       "Autumn boots tagline"
#define RATIONALE  "Clear favourite with the community; it also tested best in the shop."

static const char * const taglines[] = {
  "Made for the long way round",
  "Boots that remember every trail",
  "Walk it, weather it, keep it",
};

static const gint64 votes[] = { 61, 17, 22 };

/* ---- Finding widgets as a person sees them ---- */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = test_find_button (root, label);

  if (button == NULL)
    g_error ("no button labelled %s", label);
  return button;
}

static gboolean
shows_label_containing (GtkWidget  *root,
                        const char *text)
{
  g_autoptr(GPtrArray) labels = test_collect (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) &&
        strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

/* Screenshots for a person to look at, light and dark, when
 * CHORUS_CAMPAIGN_SHOTS names a folder. */
static void
shoot (GtkWindow  *window,
       const char *what)
{
  test_shoot (window, "CHORUS_CAMPAIGN_SHOTS", "campaign", what);
}

/* ---- Waiting ---- */

typedef struct
{
  ChorusWindow *window;
  FakeMastodon *fake;
  GtkWidget    *page;
} Flow;

static gboolean
editor_is_open (gpointer data)
{
  return test_find_toplevel (CHORUS_TYPE_CAMPAIGN_EDITOR) != NULL;
}

static gboolean
editor_is_closed (gpointer data)
{
  return !editor_is_open (data);
}

static gboolean
page_shows_campaign (gpointer data)
{
  Flow *flow = data;
  ChorusCampaign *campaign = chorus_campaign_page_get_campaign (CHORUS_CAMPAIGN_PAGE (flow->page));

  return campaign != NULL && g_strcmp0 (chorus_campaign_get_name (campaign), NAME) == 0 &&
         gtk_widget_is_drawable (flow->page);
}

/* The message dialog on screen; one closed before may linger unseen
 * until what it started has finished. */
static AdwMessageDialog *
find_dialog (void)
{
  AdwMessageDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;

  return found;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
campaign_has_run (gpointer data)
{
  Flow *flow = data;
  ChorusCampaign *campaign = chorus_campaign_page_get_campaign (CHORUS_CAMPAIGN_PAGE (flow->page));

  return campaign != NULL && chorus_campaign_get_runs (campaign)->len == 1;
}

static gboolean
poll_was_posted (gpointer data)
{
  Flow *flow = data;

  return fake_mastodon_get_stats (flow->fake).created >= 1 && !flow->window->outbox_flushing;
}

static gboolean
outbox_toast_shown (gpointer data)
{
  Flow *flow = data;

  return flow->window->outbox_toast != NULL;
}

static gboolean
page_counts_votes (gpointer data)
{
  Flow *flow = data;
  ChorusCampaign *campaign = chorus_campaign_page_get_campaign (CHORUS_CAMPAIGN_PAGE (flow->page));
  gint64 total = 0;

  if (campaign == NULL || !test_not_syncing (flow->window))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (chorus_campaign_get_variants (campaign)); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (chorus_campaign_get_variants (campaign), i);

      total += chorus_variant_get_votes (variant);
    }

  return total == votes[0] + votes[1] + votes[2];
}

/* Whether the page shows one share chart, laid out tall enough for a row
 * per variant: the chart is allocated some frames after the votes arrive,
 * later still in the sanitizer build. */
static gboolean
chart_is_laid_out (gpointer data)
{
  Flow *flow = data;
  g_autoptr(GPtrArray) charts = test_collect (flow->page, CHORUS_TYPE_SHARE_CHART);

  return charts->len == 1 && gtk_widget_is_drawable (charts->pdata[0]) &&
         gtk_widget_get_height (charts->pdata[0]) >= CHORUS_CHART_ROW_HEIGHT * (int) G_N_ELEMENTS (votes);
}

static gboolean
page_shows_decision (gpointer data)
{
  Flow *flow = data;
  ChorusCampaign *campaign = chorus_campaign_page_get_campaign (CHORUS_CAMPAIGN_PAGE (flow->page));

  return campaign != NULL && chorus_campaign_get_decision (campaign, NULL, NULL, NULL, NULL) &&
         shows_label_containing (flow->page, RATIONALE);
}

/* ---- Steps ---- */

static void
create_campaign (Flow *flow)
{
  GtkWindow *editor;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) views = NULL;

  gtk_widget_activate_action (flow->window->pretests_pane, "pretests.new", NULL);
  g_assert_true (chorus_test_spin_until (editor_is_open, NULL, CHORUS_TEST_WAIT_MS));
  editor = test_find_toplevel (CHORUS_TYPE_CAMPAIGN_EDITOR);

  /* Two variants to begin with; a third from Add Variant. */
  views = test_collect (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views->len, ==, 2);
  g_signal_emit_by_name (find_button (GTK_WIDGET (editor), _("_Add Variant")), "clicked");
  g_clear_pointer (&views, g_ptr_array_unref);
  views = test_collect (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views->len, ==, G_N_ELEMENTS (taglines));
  for (guint i = 0; i < views->len; i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[i]), taglines[i], -1);

  /* The name is the first field. */
  entries = test_collect (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), NAME);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "The longest journey wins the most votes.");
  shoot (editor, "editor");

  g_signal_emit_by_name (find_button (GTK_WIDGET (editor), _("_Save")), "clicked");
  g_assert_true (chorus_test_spin_until (editor_is_closed, NULL, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (page_shows_campaign, flow, CHORUS_TEST_WAIT_MS));
}

static gboolean
launch_is_ready (gpointer data)
{
  GtkWidget *launch = test_find_toplevel (CHORUS_TYPE_CAMPAIGN_LAUNCH);

  return launch != NULL && gtk_widget_get_sensitive (find_button (launch, _("_Publish")));
}

/* Each instrument's page, for a person to look at; back to the poll. */
static void
shoot_instruments (GtkWindow *launch)
{
  static const char * const names[] = { "launch-mastodon", "launch-discourse", "launch-posts" };
  g_autoptr(GPtrArray) rows = test_collect (GTK_WIDGET (launch), ADW_TYPE_COMBO_ROW);

  for (guint i = G_N_ELEMENTS (names); i > 0; i--)
    {
      adw_combo_row_set_selected (rows->pdata[0], i - 1);
      shoot (launch, names[i - 1]);
    }
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[0]), ==, 0);
}

static void
launch_poll (Flow *flow)
{
  GtkWindow *launch;
  g_autoptr(GPtrArray) writes = NULL;
  g_autofree char *published = NULL;
  FakeMastodonWrite *write;

  gtk_widget_activate_action (flow->page, "campaign.launch", NULL);
  g_assert_true (chorus_test_spin_until (launch_is_ready, NULL, CHORUS_TEST_WAIT_MS));
  launch = test_find_toplevel (CHORUS_TYPE_CAMPAIGN_LAUNCH);
  shoot_instruments (launch);
  g_signal_emit_by_name (find_button (GTK_WIDGET (launch), _("_Publish")), "clicked");

  /* The run shows at once; the poll goes out without waiting for a sync. */
  g_assert_true (chorus_test_spin_until (campaign_has_run, flow, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (poll_was_posted, flow, CHORUS_TEST_WAIT_MS));
  g_assert_cmpuint (fake_mastodon_get_stats (flow->fake).created, ==, 1);
  g_assert_true (chorus_test_spin_until (outbox_toast_shown, flow, CHORUS_TEST_WAIT_MS));
  published = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Published %u pre-test post",
                                            "Published %u pre-test posts", 1), 1);
  g_assert_cmpstr (adw_toast_get_title (flow->window->outbox_toast), ==, published);

  writes = fake_mastodon_dup_writes (flow->fake);
  g_assert_cmpuint (writes->len, ==, 1);
  write = writes->pdata[0];
  g_assert_cmpstr (write->path, ==, "/api/v1/statuses");
  g_assert_nonnull (write->idempotency_key);
  for (guint i = 0; i < G_N_ELEMENTS (taglines); i++)
    g_assert_nonnull (strstr (write->body, taglines[i]));
}

/* What @widget draws, as 32-bit pixels (GDK_MEMORY_DEFAULT: B, G, R, A). */
static guchar *
render_widget (GtkWidget *widget,
               int       *width,
               int       *height,
               gsize     *stride)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  *stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc ((gsize) gdk_texture_get_height (texture) * *stride);
  gdk_texture_download (texture, pixels, *stride);
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  return pixels;
}

/* Pixels of the accent colour (#1c71d8, in which the leading bar is
 * drawn) in each of the chart's rows. */
static void
count_accent (GtkWidget *chart,
              guint     *per_row,
              guint      n_rows)
{
  int width, height;
  gsize stride;
  g_autofree guchar *pixels = render_widget (chart, &width, &height, &stride);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        guint row = y / CHORUS_CHART_ROW_HEIGHT;

        if (row < n_rows && abs (p[2] - 0x1c) < 8 && abs (p[1] - 0x71) < 8 && abs (p[0] - 0xd8) < 8)
          per_row[row]++;
      }
}

/* In a narrow window (400 px leave the chart about 330) and narrower
 * still, each caption keeps to its slot beside the variant's name, in two
 * lines at most, with room below them for the bar; at 330 px none is cut
 * ("… de probabilidad de ser la mejor" was, in Spanish). */
static void
check_captions (GtkWidget      *chart,
                ChorusCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAnalysis) analysis = chorus_campaign_analyse (campaign, &error);
  g_auto(GStrv) labels = _chorus_campaign_dup_labels (campaign);
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chart, NULL);
  const double widths[] = { 330, 200 };

  g_assert_no_error (error);
  bars = chorus_share_chart_dup_bars (analysis, (const char * const *) labels);
  g_assert_cmpuint (bars->len, ==, G_N_ELEMENTS (votes));
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint i = 0; i < bars->len; i++)
      {
        ChorusChartBar *bar = bars->pdata[i];
        double slot = chorus_chart_layout_caption (layout, bar, widths[w], FALSE);
        PangoRectangle logical;

        pango_layout_get_pixel_extents (layout, NULL, &logical);
        g_test_message ("at %.0f px, “%s” in %d px of %.0f, %d lines", widths[w], bar->caption, logical.width, slot,
                        pango_layout_get_line_count (layout));
        g_assert_cmpfloat (slot, >=, widths[w] / 2);
        g_assert_cmpint (logical.x, >=, 0);
        g_assert_cmpfloat (logical.x + logical.width, <=, ceil (slot));
        g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
        g_assert_cmpint (logical.height + CHORUS_CHART_TEXT_GAP + CHORUS_CHART_BAR_HEIGHT, <=, CHORUS_CHART_ROW_HEIGHT);
        if (widths[w] >= 330)
          g_assert_false (pango_layout_is_ellipsized (layout));
      }
}

/* The page shows each variant's share, worked out here from the votes,
 * and the chart draws the clear leader, "A", in the accent colour and
 * no other bar. */
static void
check_chart (Flow *flow)
{
  g_autoptr(GPtrArray) charts = test_collect (flow->page, CHORUS_TYPE_SHARE_CHART);
  gint64 total = votes[0] + votes[1] + votes[2];
  guint accent[G_N_ELEMENTS (votes)] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    {
      g_autofree char *share = chorus_verdict_format_share ((double) votes[i] / total);

      g_assert_true (shows_label_containing (flow->page, share));
    }
  /* As a person in Spain reads the leader's share: a decimal comma, and a
   * no-break space before the sign. */
  if (test_real_locale && g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") == 0)
    g_assert_true (shows_label_containing (flow->page, "61,0\u00a0%"));

  g_assert_cmpuint (charts->len, ==, 1);
  g_assert_true (gtk_widget_is_drawable (charts->pdata[0]));
  g_assert_cmpint (gtk_widget_get_height (charts->pdata[0]), >=, CHORUS_CHART_ROW_HEIGHT * (int) G_N_ELEMENTS (votes));
  count_accent (charts->pdata[0], accent, G_N_ELEMENTS (votes));
  check_captions (charts->pdata[0], chorus_campaign_page_get_campaign (CHORUS_CAMPAIGN_PAGE (flow->page)));
  g_assert_cmpuint (accent[0], >, 200);
  g_assert_cmpuint (accent[1], ==, 0);
  g_assert_cmpuint (accent[2], ==, 0);
}

static void
record_decision (Flow *flow)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) drop_downs = NULL;
  sqlite3 *db;
  g_autofree char *rationale = NULL;

  gtk_widget_activate_action (flow->page, "campaign.decide", NULL);
  g_assert_true (chorus_test_spin_until (dialog_is_open, NULL, CHORUS_TEST_WAIT_MS));
  dialog = find_dialog ();

  /* The leading variant is proposed; Record waits for a reason. */
  drop_downs = test_collect (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (drop_downs->len, ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_downs->pdata[0]), ==, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  views = test_collect (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), RATIONALE, -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), _("_Record")), "clicked");

  g_assert_true (chorus_test_spin_until (page_shows_decision, flow, CHORUS_TEST_WAIT_MS));

  db = chorus_test_db_open (chorus_store_get_path (flow->window->store), SQLITE_OPEN_READONLY, 5000);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM decisions"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT v.position FROM decisions d"
                                                 " JOIN variants v ON v.id = d.variant_id"), ==, 1);
  rationale = chorus_test_db_query_text (db, "SELECT rationale FROM decisions");
  g_assert_cmpstr (rationale, ==, RATIONALE);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count(*) FROM audit_log"
                                                 " WHERE action = 'campaign-decision'"), ==, 1);
  sqlite3_close (db);
}

static void
test_poll_flow (void)
{
  FakeMastodonConfig config = { 0, };
  g_autofree char *path = NULL;
  g_autoptr(ChorusStore) store = test_create_workspace ("Campaign flow.chorus", &path);
  Flow flow = { 0, };

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 3;
  flow.fake = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);
  test_add_source (store, "mastodon", fake_mastodon_get_url (flow.fake), "brand", "Brand on Mastodon", TOKEN_ENV);
  g_clear_object (&store);

  flow.window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (flow.window), 1200, 900);
  adw_view_stack_set_visible_child_name (flow.window->view_stack, "pretests");
  g_assert_true (chorus_test_spin_until (test_not_syncing, flow.window, CHORUS_TEST_WAIT_MS));
  {
    g_autoptr(GPtrArray) pages = test_collect (flow.window->pretests_pane, CHORUS_TYPE_CAMPAIGN_PAGE);

    g_assert_cmpuint (pages->len, ==, 1);
    flow.page = pages->pdata[0];
  }

  create_campaign (&flow);
  launch_poll (&flow);

  /* The community votes; the next sync reads them onto the page. */
  fake_mastodon_set_poll_votes (flow.fake, NULL, votes, G_N_ELEMENTS (votes));
  gtk_widget_activate_action (GTK_WIDGET (flow.window), "win.sync", NULL);
  g_assert_true (chorus_test_spin_until (page_counts_votes, &flow, CHORUS_TEST_WAIT_MS));
  g_assert_true (chorus_test_spin_until (chart_is_laid_out, &flow, CHORUS_TEST_WAIT_MS));
  check_chart (&flow);
  shoot (GTK_WINDOW (flow.window), "results");

  record_decision (&flow);
  shoot (GTK_WINDOW (flow.window), "decision");

  test_destroy_window (flow.window);
  fake_mastodon_stop (flow.fake);
}

/* ---- What people replied ---- */

static gboolean
replies_loaded (gpointer data)
{
  g_autoptr(GPtrArray) sections = test_collect (data, CHORUS_TYPE_VARIANT_REPLIES);

  return sections->len == 1 && chorus_variant_replies_is_loaded (sections->pdata[0]);
}

/* The replies to @variant_id's posts, read without the store: their texts
 * most liked first, and the mix as the sentiment lexicon reads them. */
static GPtrArray *
read_replies (sqlite3            *db,
              gint64              variant_id,
              ChorusSentimentMix *mix)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT p.text, p.language FROM run_posts rp"
                                       " JOIN posts own ON own.id = rp.post_id"
                                       " JOIN posts p ON p.conversation_id = own.conversation_id AND p.is_own = 0"
                                       " WHERE rp.variant_id = ?1 ORDER BY p.like_count DESC, p.created_at DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, variant_id);
  memset (mix, 0, sizeof *mix);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      switch (chorus_sentiment_classify (text, (const char *) sqlite3_column_text (stmt, 1)))
        {
        case CHORUS_SENTIMENT_POSITIVE: mix->positive++; break;
        case CHORUS_SENTIMENT_NEGATIVE: mix->negative++; break;
        case CHORUS_SENTIMENT_NEUTRAL:
        case CHORUS_SENTIMENT_NONE:
        default: mix->neutral++; break;
        }
      g_ptr_array_add (texts, g_strdup (text));
    }
  return texts;
}

/* The author of the most liked reply to a variant gets a name that hides
 * an override and a zero-width space. */
static void
name_top_replier (const char *path)
{
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);

  chorus_test_db_exec (db,
                       "UPDATE identities SET display_name = 'Kai " CHORUS_TEST_RLO "redlaw" CHORUS_TEST_ZWSP "'"
                       " WHERE id = (SELECT p.author_id FROM run_posts rp"
                       " JOIN posts own ON own.id = rp.post_id"
                       " JOIN posts p ON p.conversation_id = own.conversation_id AND p.is_own = 0"
                       " ORDER BY p.like_count DESC, p.created_at DESC LIMIT 1)");
  sqlite3_close (db);
}

static gint64 card_id;
static GtkWidget *found_card;

static gboolean
find_card (gpointer data)
{
  g_autoptr(GPtrArray) cards = test_collect (data, CHORUS_TYPE_CAMPAIGN_CARD);

  found_card = NULL;
  for (guint i = 0; i < cards->len; i++)
    if (chorus_campaign_get_id (chorus_campaign_card_get_campaign (cards->pdata[i])) == card_id)
      found_card = cards->pdata[i];
  return found_card != NULL;
}

static void
test_replies (void)
{
  g_autofree char *path = g_build_filename (test_dir, "replies.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  ChorusCampaign *campaign = NULL;
  ChorusWindow *window;
  ChorusStore *store;
  GListModel *variants;
  gint64 id;

  g_assert_true (chorus_sample_generate (path, 400, 7, NULL, NULL, &error));
  name_top_replier (path);
  window = test_open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  adw_view_stack_set_visible_child_name (window->view_stack, "pretests");
  store = chorus_window_get_store (window);
  id = chorus_test_db_query_int (_chorus_store_get_db (store),
                                 "SELECT campaign_id FROM pretest_runs WHERE instrument = 'variant_posts'");
  pages = test_collect (window->pretests_pane, CHORUS_TYPE_CAMPAIGN_PAGE);
  /* Opened from its card in the list, as a person does. */
  card_id = id;
  g_assert_true (chorus_test_spin_until (find_card, window->pretests_pane, CHORUS_TEST_WAIT_MS));
  gtk_widget_activate (found_card);
  g_assert_true (chorus_test_spin_until (replies_loaded, pages->pdata[0], CHORUS_TEST_WAIT_MS));
  test_settle (300);

  campaign = chorus_campaign_page_get_campaign (pages->pdata[0]);
  variants = chorus_campaign_get_variants (campaign);
  g_assert_cmpuint (g_list_model_get_n_items (variants), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);
      ChorusSentimentMix mix;
      g_autoptr(GPtrArray) texts = read_replies (_chorus_store_get_db (store), chorus_variant_get_id (variant), &mix);
      g_autofree char *line = NULL;
      guint total = mix.positive + mix.neutral + mix.negative;

      /* Each variant's mix, in the words the page uses, and its three
       * most liked replies; the sample gives both variants some of each. */
      g_assert_cmpuint (texts->len, ==, 5);
      g_assert_cmpuint (mix.positive, >, 0);
      g_assert_cmpuint (mix.negative, >, 0);
      line = _chorus_variant_replies_describe_mix (&mix);
      g_assert_cmpuint (total, ==, 5);
      if (g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") != 0)
        {
          g_autofree char *english = g_strdup_printf ("5 replies · positive: %u · neutral: %u · negative: %u",
                                                      mix.positive, mix.neutral, mix.negative);

          g_assert_cmpstr (line, ==, english);
        }
      g_assert_true (shows_label_containing (pages->pdata[0], line));
      for (guint r = 0; r < 3; r++)
        g_assert_true (shows_label_containing (pages->pdata[0], texts->pdata[r]));
      g_assert_false (shows_label_containing (pages->pdata[0], texts->pdata[4]));
    }

  /* The most liked reply's author, by the letters of their name. */
  g_assert_true (shows_label_containing (pages->pdata[0], "Kai redlaw"));
  g_assert_false (shows_label_containing (pages->pdata[0], CHORUS_TEST_RLO));
  g_assert_false (shows_label_containing (pages->pdata[0], CHORUS_TEST_ZWSP));

  {
    g_autoptr(GPtrArray) sections = test_collect (pages->pdata[0], CHORUS_TYPE_VARIANT_REPLIES);
    GtkWidget *scrolled = gtk_widget_get_ancestor (sections->pdata[0], GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (sections->pdata[0], gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adjustment, top.y - 24);
    shoot (GTK_WINDOW (window), "replies");
  }

  test_destroy_window (window);
}

/* The account rows of the variant posts page that are drawn, by title. */
static GtkWidget *
find_account_row (GtkWidget  *launch,
                  const char *title)
{
  g_autoptr(GPtrArray) rows = test_collect (launch, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_is_drawable (rows->pdata[i]) &&
        g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  return NULL;
}

static gboolean
shows_account_rows (gpointer data)
{
  return find_account_row (data, "Brand on Mastodon") != NULL && find_account_row (data, "Brand on Bluesky") != NULL;
}

/* Variant posts go out from Mastodon and Bluesky accounts: both are
 * offered, each row naming its network; a feed is not. */
static void
test_variant_accounts (void)
{
  const char * const networks[][2] = { { "Brand on Mastodon", "mastodon" }, { "Brand on Bluesky", "bluesky" } };
  g_autofree char *path = NULL;
  g_autoptr(ChorusStore) store = test_create_workspace ("Variant accounts.chorus", &path);
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(GPtrArray) combos = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *launch;
  sqlite3 *db;

  test_add_source (store, "mastodon", "https://mastodon.example", "brand", "Brand on Mastodon", NULL);
  test_add_source (store, "bluesky", "https://bsky.social", "brand.example", "Brand on Bluesky", NULL);
  test_add_source (store, "feed", "https://blog.example/feed.xml", NULL, "Brand blog", NULL);
  db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);
  chorus_test_db_exec (db, "INSERT INTO campaigns (name, state, primary_metric, created_at, updated_at)"
                           " VALUES ('" NAME "', 'draft', 'engagements', 10, 10)");
  campaign = chorus_store_load_campaign (store, sqlite3_last_insert_rowid (db), &error);
  g_assert_no_error (error);
  sqlite3_close (db);

  launch = GTK_WIDGET (chorus_campaign_launch_new (NULL, store, campaign));
  gtk_window_present (GTK_WINDOW (launch));
  combos = test_collect (launch, ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (combos->pdata[0], 2);
  g_assert_true (chorus_test_spin_until (shows_account_rows, launch, CHORUS_TEST_WAIT_MS));
  g_assert_null (find_account_row (launch, "Brand blog"));

  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    {
      GtkWidget *row = find_account_row (launch, networks[i][0]);
      g_autoptr(GPtrArray) labels = test_collect (row, GTK_TYPE_LABEL);
      gboolean named = FALSE;

      for (guint j = 0; j < labels->len; j++)
        named |= g_strcmp0 (gtk_label_get_label (labels->pdata[j]), chorus_format_network (networks[i][1])) == 0 &&
                 gtk_widget_has_css_class (labels->pdata[j], networks[i][1]);
      g_assert_true (named);
    }

  /* Checking the Bluesky account is enough to publish. */
  g_assert_false (gtk_widget_get_sensitive (find_button (launch, _("_Publish"))));
  {
    g_autoptr(GPtrArray) checks = test_collect (find_account_row (launch, "Brand on Bluesky"), GTK_TYPE_CHECK_BUTTON);

    gtk_check_button_set_active (checks->pdata[0], TRUE);
  }
  g_assert_true (gtk_widget_get_sensitive (find_button (launch, _("_Publish"))));
  shoot (GTK_WINDOW (launch), "launch-posts-networks");

  gtk_window_destroy (GTK_WINDOW (launch));
  test_settle (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);
  g_test_add_func ("/campaign-flow/mastodon-poll", test_poll_flow);
  g_test_add_func ("/campaign-flow/replies", test_replies);
  g_test_add_func ("/campaign-flow/variant-accounts", test_variant_accounts);
  status = g_test_run ();
  test_window_finish ();

  return status;
}
