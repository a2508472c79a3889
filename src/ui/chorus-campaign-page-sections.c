/* chorus-campaign-page-sections.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chorus-campaign-page-private.h"
#include "chorus-format.h"
#include "chorus-share-chart.h"
#include "chorus-thumbnailer.h"
#include "chorus-verdict.h"

/* What a campaign page shows, section by section: the brief, the decision,
 * the variants side by side, the result read honestly, and the runs. */

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
add_heading (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = add_label (box, text, "heading");

  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
}

GStrv
_chorus_campaign_dup_labels (ChorusCampaign *campaign)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      g_strv_builder_add (builder, chorus_variant_get_label (variant));
    }
  return g_strv_builder_end (builder);
}

static const char *
metric_name (const char *metric)
{
  if (g_strcmp0 (metric, "likes") == 0)
    return C_("metric", "likes");
  if (g_strcmp0 (metric, "reposts") == 0)
    return C_("metric", "reposts");
  if (g_strcmp0 (metric, "replies") == 0)
    return C_("metric", "replies");
  if (g_strcmp0 (metric, "engagements") == 0)
    return C_("metric", "likes, reposts and replies");
  return C_("metric", "votes");
}

static char *
dup_label_of (ChorusCampaign *campaign,
              gint64          variant_id)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      if (chorus_variant_get_id (variant) == variant_id)
        return g_strdup (chorus_variant_get_label (variant));
    }
  return g_strdup (_("a variant since removed"));
}

static void
add_decision (GtkBox         *box,
              ChorusCampaign *campaign)
{
  gint64 variant_id, decided_at;
  const char *decided_by, *rationale;
  g_autofree char *label = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  GtkWidget *banner, *inner, *icon;

  if (!chorus_campaign_get_decision (campaign, &variant_id, &decided_by, &decided_at, &rationale))
    return;

  label = dup_label_of (campaign, variant_id);
  date = chorus_format_date (decided_at);
  if (decided_by != NULL)
    /* Translators: the first %s is a variant's name, the second a team member's, the third a date. */
    title = g_strdup_printf (_("Decision: “%s”, chosen by %s on %s"), label, decided_by, date);
  else
    /* Translators: the first %s is a variant's name, the second a date. */
    title = g_strdup_printf (_("Decision: “%s”, chosen on %s"), label, date);

  banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (banner, "card");
  gtk_widget_add_css_class (banner, "chorus-decision");
  icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "success");
  gtk_box_append (GTK_BOX (banner), icon);
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (inner, TRUE);
  add_label (GTK_BOX (inner), title, "heading");
  add_label (GTK_BOX (inner), rationale, NULL);
  gtk_box_append (GTK_BOX (banner), inner);
  gtk_box_append (box, banner);
}

void
_chorus_campaign_page_add_details (GtkBox         *box,
                                   ChorusCampaign *campaign)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  const char *goal = chorus_campaign_get_goal (campaign);
  const char *hypothesis = chorus_campaign_get_hypothesis (campaign);
  g_autofree char *created = chorus_format_date (chorus_campaign_get_created_at (campaign));

  if (goal != NULL && *goal != '\0')
    add_label (box, goal, NULL);
  if (*hypothesis != '\0')
    {
      /* Translators: %s is what the team expects a pre-test to show. */
      g_autofree char *text = g_strdup_printf (_("Hypothesis: %s"), hypothesis);

      add_label (box, text, "dim-label");
    }

  /* Translators: %s is a metric in lower case: votes, likes, reposts or replies. */
  g_string_append_printf (meta, _("Compared on %s"), metric_name (chorus_campaign_get_metric (campaign)));
  if (chorus_campaign_get_owner_name (campaign) != NULL)
    {
      g_string_append (meta, " · ");
      /* Translators: %s is a team member's name. */
      g_string_append_printf (meta, _("Owner: %s"), chorus_campaign_get_owner_name (campaign));
    }
  if (chorus_campaign_get_created_at (campaign) > 0)
    {
      g_string_append (meta, " · ");
      /* Translators: %s is a date. */
      g_string_append_printf (meta, _("Created %s"), created);
    }
  add_label (box, meta->str, "caption");
  gtk_widget_add_css_class (gtk_widget_get_last_child (GTK_WIDGET (box)), "dim-label");

  add_decision (box, campaign);
}

#define THUMBNAIL_SIZE 240

/* The variant's image, its alt text as the picture's description. */
static void
add_thumbnail (GtkBox        *card,
               ChorusVariant *variant)
{
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), chorus_variant_get_image_alt (variant));
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (picture, "chorus-thumbnail");
  /* The thumbnail's own size (at most THUMBNAIL_SIZE a side), not the
   * card's width, so that a tall image stays small. */
  gtk_box_append (GTK_BOX (row), picture);
  gtk_box_append (card, row);

  chorus_thumbnailer_show (GTK_PICTURE (picture), chorus_variant_get_image_path (variant), THUMBNAIL_SIZE, NULL);
}

GtkWidget *
_chorus_campaign_new_variant_card (ChorusVariant *variant)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *chip = gtk_label_new (chorus_variant_get_label (variant));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chorus-variant-card");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (chip, "chorus-variant-label");
  gtk_box_append (GTK_BOX (card), chip);
  return card;
}

GtkWidget *
_chorus_campaign_new_variant_flow (guint n)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  /* Side by side where there is room, one above the other in a narrow window. */
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), n <= 4 ? MAX (n, 1) : 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  return flow;
}

static GtkWidget *
build_variant_card (ChorusVariant *variant)
{
  GtkWidget *card = _chorus_campaign_new_variant_card (variant);

  add_label (GTK_BOX (card), chorus_variant_get_body (variant), NULL);

  if (chorus_variant_get_image_path (variant) != NULL)
    add_thumbnail (GTK_BOX (card), variant);
  if (chorus_variant_get_image_sha256 (variant) != NULL)
    {
      /* Translators: %s is an image's description (its alt text). */
      g_autofree char *text = g_strdup_printf (_("Image: %s"), chorus_variant_get_image_alt (variant));

      add_label (GTK_BOX (card), text, "caption");
    }
  if (chorus_variant_get_link_url (variant) != NULL)
    {
      GtkWidget *link = add_label (GTK_BOX (card), chorus_variant_get_link_url (variant), "caption");

      gtk_label_set_ellipsize (GTK_LABEL (link), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_wrap (GTK_LABEL (link), FALSE);
      gtk_widget_add_css_class (link, "dim-label");
    }

  return card;
}

void
_chorus_campaign_page_add_variants (GtkBox         *box,
                                    ChorusCampaign *campaign)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);
  guint n = g_list_model_get_n_items (variants);
  GtkWidget *flow = _chorus_campaign_new_variant_flow (n);

  add_heading (box, _("Variants"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      gtk_flow_box_append (GTK_FLOW_BOX (flow), build_variant_card (variant));
    }

  gtk_box_append (box, flow);
}

static void
attach_cell (GtkGrid    *grid,
             const char *text,
             int         column,
             int         row,
             gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_set_hexpand (label, column == 0);
  gtk_widget_add_css_class (label, header ? "caption-heading" : "numeric");
  if (header)
    {
      /* A long title ("Probabilidad de ser la mejor") wraps over its
       * figures rather than widen the page past the window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (column == 0)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
add_figures (GtkBox             *box,
             ChorusAnalysis     *analysis,
             const char * const *labels)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  gboolean rates = chorus_analysis_get_design (analysis) == CHORUS_ANALYSIS_RATES;
  const char *headers[] = {
    C_("figures", "Variant"), C_("figures", "Count"), rates ? C_("figures", "Exposures") : NULL,
    rates ? C_("figures", "Rate") : C_("figures", "Share"),
    /* xgettext:no-c-format */
    C_("figures", "95% interval"),
    C_("figures", "Chance to be best"), C_("figures", "Expected loss"),
  };
  int column = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "chorus-figures");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      if (headers[i] != NULL)
        attach_cell (GTK_GRID (grid), headers[i], column++, 0, TRUE);
    }

  for (guint i = 0; i < chorus_analysis_get_n_variants (analysis); i++)
    {
      const ChorusAnalysisVariant *variant = chorus_analysis_get_variant (analysis, i);
      g_autofree char *count = chorus_format_count (variant->count);
      g_autofree char *exposures = rates ? chorus_format_count (variant->exposures) : NULL;
      g_autofree char *share = chorus_verdict_format_share (variant->share);
      g_autofree char *low = chorus_verdict_format_share (variant->wilson_low);
      g_autofree char *high = chorus_verdict_format_share (variant->wilson_high);
      /* Translators: a 95% interval, from its low to its high end, such as "35.3% – 45.3%". */
      g_autofree char *interval = g_strdup_printf (_("%s – %s"), low, high);
      g_autofree char *chance = chorus_format_percent (variant->chance_to_beat_all);
      /* Translators: an expected loss in percentage points, such as "0.4 pts". */
      g_autofree char *loss = g_strdup_printf (_("%.1f pts"), variant->expected_loss * 100.0);
      int row = (int) i + 1;

      column = 0;
      attach_cell (GTK_GRID (grid), labels[i], column++, row, FALSE);
      attach_cell (GTK_GRID (grid), count, column++, row, FALSE);
      if (rates)
        attach_cell (GTK_GRID (grid), exposures, column++, row, FALSE);
      attach_cell (GTK_GRID (grid), share, column++, row, FALSE);
      attach_cell (GTK_GRID (grid), interval, column++, row, FALSE);
      attach_cell (GTK_GRID (grid), chance, column++, row, FALSE);
      attach_cell (GTK_GRID (grid), loss, column++, row, FALSE);
    }

  /* Where the window is narrower than the figures, they scroll sideways
   * rather than set the window's minimum width. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_box_append (box, scroller);
}

static void
add_warning (GtkBox     *box,
             const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_widget_set_hexpand (add_label (GTK_BOX (row), text, NULL), TRUE);
  gtk_box_append (box, row);
}

void
_chorus_campaign_page_add_result (GtkBox         *box,
                                  ChorusCampaign *campaign,
                                  ChorusAnalysis *analysis,
                                  const GError   *analysis_error)
{
  g_auto(GStrv) labels = _chorus_campaign_dup_labels (campaign);
  g_autofree char *headline = NULL;
  g_autofree char *test = NULL;
  g_autofree char *plan = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  GtkWidget *chart;
  gint64 refreshed = chorus_campaign_get_last_refreshed (campaign);

  add_heading (box, _("Result"));

  if (analysis == NULL)
    {
      add_warning (box, analysis_error->message);
      return;
    }
  if (chorus_campaign_get_runs (campaign)->len == 0)
    {
      add_label (box, _("Nothing to read yet: put the variants to the community, or add results from "
                        "another channel."), "dim-label");
      return;
    }

  headline = chorus_verdict_dup_headline (analysis, (const char * const *) labels);
  add_label (box, headline, "title-4");

  chart = chorus_share_chart_new ();
  chorus_share_chart_set_analysis (CHORUS_SHARE_CHART (chart), analysis, (const char * const *) labels);
  gtk_widget_set_margin_top (chart, 6);
  gtk_box_append (box, chart);
  add_label (box,
             chorus_analysis_get_design (analysis) == CHORUS_ANALYSIS_POLL
             /* xgettext:no-c-format */
             ? _("Bars show each variant’s share, lines its 95% interval, and the dashed mark equal preference.")
             /* xgettext:no-c-format */
             : _("Bars show each variant’s rate of success and lines its 95% interval."),
             "caption");
  gtk_widget_add_css_class (gtk_widget_get_last_child (GTK_WIDGET (box)), "dim-label");

  add_figures (box, analysis, (const char * const *) labels);

  if ((test = chorus_verdict_dup_test (analysis)) != NULL)
    add_label (box, test, NULL);
  warnings = chorus_verdict_dup_warnings (analysis);
  for (guint i = 0; i < warnings->len; i++)
    add_warning (box, g_ptr_array_index (warnings, i));
  if ((plan = chorus_verdict_dup_plan (analysis)) != NULL)
    add_label (box, plan, "dim-label");

  if (refreshed > 0)
    {
      g_autofree char *when = chorus_format_relative_time_in_sentence (g_get_real_time () / G_USEC_PER_SEC,
                                                                         refreshed);
      /* Translators: %s is a time as a sentence says it: "just now", "5 min ago", "at 22:11",
       * "yesterday", "on Monday" or "on Mar 12". */
      g_autofree char *text = g_strdup_printf (_("Counts last refreshed %s"), when);

      add_label (box, text, "caption");
      gtk_widget_add_css_class (gtk_widget_get_last_child (GTK_WIDGET (box)), "dim-label");
    }
}

static char *
describe_run (ChorusPretestRun *run)
{
  g_autoptr(GString) text = g_string_new (chorus_format_campaign_state (chorus_pretest_run_get_state (run)));
  const char *send_state = chorus_pretest_run_get_send_state (run);

  if (chorus_pretest_run_get_started_at (run) > 0)
    {
      g_autofree char *date = chorus_format_date (chorus_pretest_run_get_started_at (run));

      g_string_append (text, " · ");
      /* Translators: %s is a date. */
      g_string_append_printf (text, _("started %s"), date);
    }
  if (chorus_pretest_run_get_ends_at (run) > 0 && chorus_pretest_run_get_closed_at (run) == 0)
    {
      g_autofree char *date = chorus_format_date (chorus_pretest_run_get_ends_at (run));

      g_string_append (text, " · ");
      /* Translators: %s is a date. */
      g_string_append_printf (text, _("ends %s"), date);
    }
  if (g_strcmp0 (send_state, "queued") == 0 && g_strcmp0 (chorus_pretest_run_get_state (run), "paused") == 0)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("publishing held until the campaign resumes"));
    }
  else if (g_strcmp0 (send_state, "queued") == 0 || g_strcmp0 (send_state, "sending") == 0)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("waiting to be published"));
    }
  else if (g_strcmp0 (send_state, "failed") == 0)
    {
      g_string_append (text, " · ");
      /* Translators: %s is why publishing failed, a sentence from the network or from Chorus. */
      g_string_append_printf (text, _("publishing failed: %s"),
                              chorus_pretest_run_get_send_error (run) ? chorus_pretest_run_get_send_error (run) : "");
    }
  if (chorus_pretest_run_get_provenance (run) != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: %s is where manual results came from, such as a file's name. */
      g_string_append_printf (text, _("from %s"), chorus_pretest_run_get_provenance (run));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_chorus_campaign_page_add_runs (GtkBox         *box,
                                ChorusCampaign *campaign)
{
  GPtrArray *runs = chorus_campaign_get_runs (campaign);
  GtkWidget *list;

  if (runs->len == 0)
    return;

  add_heading (box, _("Runs"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < runs->len; i++)
    {
      ChorusPretestRun *run = g_ptr_array_index (runs, i);
      GtkWidget *row = adw_action_row_new ();
      const char *instrument = chorus_format_instrument (chorus_instrument_to_string (chorus_pretest_run_get_instrument (run)));
      g_autofree char *subtitle = describe_run (run);
      g_autofree char *title = chorus_pretest_run_get_source_name (run) != NULL
                               /* Translators: a pre-test run: how it ran, then where, such as "Mastodon poll on Brand (mastodon.social)". */
                               ? g_strdup_printf (_("%s on %s"), instrument, chorus_pretest_run_get_source_name (run))
                               : g_strdup (instrument);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (chorus_pretest_run_get_notice (run) != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          /* The notice on a line of its own under the run's state. */
          g_autofree char *with_notice = g_strconcat (subtitle, "\n", chorus_pretest_run_get_notice (run), NULL);

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, chorus_pretest_run_get_notice (run));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          chorus_pretest_run_get_notice (run), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), with_notice);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (box, list);
}
