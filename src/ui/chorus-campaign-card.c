/* chorus-campaign-card.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-campaign-card.h"
#include "chorus-format.h"
#include "chorus-wrap-box.h"
#include "chorus-wrap-layout.h"

/* One campaign: its goal, state, and each variant's share of the votes. */

struct _ChorusCampaignCard
{
  GtkListBoxRow   parent_instance;

  GtkLabel       *name_label;
  GtkLabel       *goal_label;
  GtkLabel       *state_label;
  GtkGrid        *variants_grid;
  GtkLabel       *meta_label;

  ChorusCampaign *campaign;
};

G_DEFINE_FINAL_TYPE (ChorusCampaignCard, chorus_campaign_card, GTK_TYPE_LIST_BOX_ROW)

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static char *
format_count_and_share (const char *metric,
                        gint64      count,
                        gint64      total)
{
  g_autofree char *count_text = chorus_format_metric_count (metric, count);
  g_autofree char *share = NULL;

  if (total <= 0)
    return g_steal_pointer (&count_text);

  share = chorus_format_percent ((double) count / (double) total);
  /* Translators: "182 votes · 44%". */
  return g_strdup_printf (C_("count and share", "%s · %s"), count_text, share);
}

/* Room for a readable line of a variant's text beside its chip; with
 * less, the text goes under the chip and takes the card's width. */
#define VARIANT_TEXT_CHARS 28

/* A variant: its chip, its text, and once the campaign ran, its count
 * and a bar of its share. The chip, the text and the count flow like
 * words (ChorusWrapBox), so a long chip ("Long way round") never leaves
 * the text a narrow column on a narrow window. */
static void
add_variant (ChorusCampaignCard *self,
             ChorusVariant      *variant,
             guint               row,
             gint64              total,
             gint64              leading_votes)
{
  gint64 votes = chorus_variant_get_votes (variant);
  g_autofree char *count_text = NULL;
  GtkWidget *line = chorus_wrap_box_new ();
  GtkWidget *letter = new_label (chorus_variant_get_label (variant), "chorus-variant-label");
  GtkWidget *body = new_label (chorus_variant_get_body (variant), NULL);
  GtkWidget *count;
  GtkWidget *bar;

  gtk_widget_set_valign (letter, GTK_ALIGN_START);
  gtk_widget_set_halign (letter, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (body), VARIANT_TEXT_CHARS);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_widget_set_hexpand (body, TRUE);
  chorus_wrap_layout_set_spacing (CHORUS_WRAP_LAYOUT (gtk_widget_get_layout_manager (line)), 12);
  chorus_wrap_box_append (CHORUS_WRAP_BOX (line), letter);
  chorus_wrap_box_append (CHORUS_WRAP_BOX (line), body);
  gtk_grid_attach (self->variants_grid, line, 0, row * 2, 1, 1);

  /* A campaign that never ran has variants but nothing to count yet. */
  if (chorus_campaign_get_instrument (self->campaign) == NULL)
    return;

  count_text = format_count_and_share (chorus_campaign_get_metric (self->campaign), votes, total);
  count = new_label (count_text, "numeric");
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_set_valign (count, GTK_ALIGN_START);
  gtk_widget_add_css_class (count, "dim-label");
  chorus_wrap_box_append (CHORUS_WRAP_BOX (line), count);

  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), total > 0 ? (double) votes / (double) total : 0);
  gtk_widget_set_margin_bottom (bar, 6);
  if (total > 0 && votes == leading_votes)
    gtk_widget_add_css_class (bar, "chorus-leader");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count_text,
                                  -1);
  gtk_grid_attach (self->variants_grid, bar, 0, row * 2 + 1, 1, 1);
}

static char *
build_meta (ChorusCampaign *campaign,
            gint64          total)
{
  g_autofree char *votes = chorus_format_metric_count (chorus_campaign_get_metric (campaign), total);
  g_autofree char *when = NULL;
  gint64 refreshed = chorus_campaign_get_last_refreshed (campaign);
  const char *instrument = chorus_format_instrument (chorus_campaign_get_instrument (campaign));

  if (chorus_campaign_get_instrument (campaign) == NULL)
    return g_strdup (instrument);

  if (refreshed <= 0)
    /* Translators: "Mastodon poll · 412 votes in all"; the second %s is a count such as "412 votes". */
    return g_strdup_printf (C_("campaign summary", "%s · %s in all"), instrument, votes);

  when = chorus_format_relative_time_in_sentence (g_get_real_time () / G_USEC_PER_SEC, refreshed);
  /* Translators: "Mastodon poll · 412 votes in all · updated 5 min ago"; the second %s is a count
   * such as "412 votes", the last one a time as a sentence says it: "just now", "5 min ago",
   * "at 14:05", "yesterday", "on Monday" or "on Mar 12". */
  return g_strdup_printf (_("%s · %s in all · updated %s"), instrument, votes, when);
}

static void
populate (ChorusCampaignCard *self)
{
  GListModel *variants = chorus_campaign_get_variants (self->campaign);
  guint n = g_list_model_get_n_items (variants);
  gint64 total = chorus_campaign_get_total_votes (self->campaign);
  gint64 leading = 0;
  g_autofree char *meta = NULL;
  const char *state = chorus_campaign_get_state (self->campaign);

  gtk_label_set_label (self->name_label, chorus_campaign_get_name (self->campaign));
  gtk_label_set_label (self->goal_label, chorus_campaign_get_goal (self->campaign));
  gtk_widget_set_visible (GTK_WIDGET (self->goal_label),
                          *chorus_campaign_get_goal (self->campaign) != '\0');
  gtk_label_set_label (self->state_label, chorus_format_campaign_state (state));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      leading = MAX (leading, chorus_variant_get_votes (variant));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      add_variant (self, variant, i, total, leading);
    }

  meta = build_meta (self->campaign, total);
  gtk_label_set_label (self->meta_label, meta);
}

static void
chorus_campaign_card_dispose (GObject *object)
{
  ChorusCampaignCard *self = (ChorusCampaignCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CAMPAIGN_CARD);
  g_clear_object (&self->campaign);

  G_OBJECT_CLASS (chorus_campaign_card_parent_class)->dispose (object);
}

static void
chorus_campaign_card_class_init (ChorusCampaignCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_campaign_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-campaign-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignCard, goal_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignCard, variants_grid);
  gtk_widget_class_bind_template_child (widget_class, ChorusCampaignCard, meta_label);
}

static void
chorus_campaign_card_init (ChorusCampaignCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusCampaignCard *
chorus_campaign_card_new (ChorusCampaign *campaign)
{
  ChorusCampaignCard *self;

  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (CHORUS_TYPE_CAMPAIGN_CARD, NULL);
  self->campaign = g_object_ref (campaign);
  populate (self);

  return self;
}

ChorusCampaign *
chorus_campaign_card_get_campaign (ChorusCampaignCard *self)
{
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN_CARD (self), NULL);

  return self->campaign;
}
