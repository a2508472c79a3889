/* chorus-variant-replies.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-campaign-page-private.h"
#include "chorus-format.h"
#include "chorus-post.h"
#include "chorus-pretest-variants.h"
#include "chorus-text.h"
#include "chorus-variant-replies.h"

/* The qualitative side of a variant posts run: for each variant, side by
 * side, how the replies to its posts read (positive, neutral, negative)
 * and the replies people liked most. Counts say which variant won; the
 * replies say why. Each variant's replies are read in a worker; the
 * section stays empty of figures until they arrive. */

#define TOP_REPLIES 3

struct _ChorusVariantReplies
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *flow;
  GCancellable *cancellable;
  guint         pending;
};

G_DEFINE_FINAL_TYPE (ChorusVariantReplies, chorus_variant_replies, GTK_TYPE_WIDGET)

/* What one variant's card keeps until its replies arrive. */
typedef struct
{
  ChorusVariantReplies *self;
  GtkBox               *card;
  GtkWidget            *placeholder;
  ChorusSentimentMix    mix;
} Card;

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
set_rgba (cairo_t    *cr,
          const char *spec,
          double      alpha)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, alpha);
}

/* The mix as one bar: positive, neutral, negative, from the start edge. */
static void
draw_mix (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const ChorusSentimentMix *mix = user_data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (area)) == GTK_TEXT_DIR_RTL;
  guint counts[3] = { mix->positive, mix->neutral, mix->negative };
  const char *colors[3] = { dark ? "#57e389" : "#26a269", dark ? "#9a9996" : "#77767b",
                            dark ? "#ff7b63" : "#c01c28" };
  guint total = mix->positive + mix->neutral + mix->negative;
  double x = 0;

  if (total == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      double w = (double) width * counts[i] / total;

      if (counts[i] == 0)
        continue;
      set_rgba (cr, colors[i], i == 1 ? 0.6 : 1.0);
      cairo_rectangle (cr, rtl ? width - x - w : x, 0, w, height);
      cairo_fill (cr);
      x += w;
    }
}

/* The mix with each count by its label, so that no word has to agree
 * with a number other than its own. */
char *
_chorus_variant_replies_describe_mix (const ChorusSentimentMix *mix)
{
  guint total = mix->positive + mix->neutral + mix->negative;
  g_autofree char *replies = chorus_format_metric_count ("replies", total);
  g_autofree char *positive = chorus_format_count (mix->positive);
  g_autofree char *neutral = chorus_format_count (mix->neutral);
  g_autofree char *negative = chorus_format_count (mix->negative);

  /* Translators: the sentiment of the replies to one variant: %s is how
   * many replies there are ("12 replies"), then how many read positive,
   * neutral and negative, each formatted for the locale. */
  return g_strdup_printf (_("%s · positive: %s · neutral: %s · negative: %s"), replies, positive, neutral, negative);
}

static void
on_open_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "chorus-uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* Only addresses a browser should open: what a server sends is not trusted. */
static gboolean
is_web_address (const char *uri)
{
  return uri != NULL && (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://"));
}

static GtkWidget *
build_reply (ChorusPost *post)
{
  GtkWidget *reply = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *name = chorus_text_safe_name (chorus_post_get_author_name (post));
  g_autofree char *handle = chorus_text_safe_name (chorus_post_get_author_handle (post));
  GtkWidget *author = new_label (name, "heading");
  GtkWidget *text = new_label (chorus_post_get_text (post), NULL);
  g_autofree char *likes = NULL;
  GtkWidget *footer;

  gtk_widget_add_css_class (reply, "chorus-variant-reply");
  gtk_label_set_wrap (GTK_LABEL (author), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (author, TRUE);
  gtk_widget_set_tooltip_text (author, handle);
  gtk_box_append (GTK_BOX (header), author);

  if (is_web_address (chorus_post_get_url (post)))
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
      /* Translators: %s is a network, such as “Mastodon”. */
      g_autofree char *tooltip = g_strdup_printf (_("Open on %s"),
                                                  chorus_format_network (chorus_post_get_network (post)));

      gtk_widget_add_css_class (open, "flat");
      gtk_widget_add_css_class (open, "circular");
      gtk_widget_set_valign (open, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (open, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (open), "chorus-uri", g_strdup (chorus_post_get_url (post)), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (header), open);
    }
  gtk_box_append (GTK_BOX (reply), header);

  gtk_label_set_lines (GTK_LABEL (text), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (reply), text);

  if (chorus_post_get_like_count (post) > 0)
    {
      g_autofree char *count = chorus_format_count (chorus_post_get_like_count (post));

      /* Translators: %s is a number of likes or favourites, already formatted. */
      likes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s like", "%s likes",
                                            (gulong) chorus_post_get_like_count (post)), count);
      footer = new_label (likes, "caption");
      gtk_widget_add_css_class (footer, "dim-label");
      gtk_box_append (GTK_BOX (reply), footer);
    }

  return reply;
}

static void
card_free (Card *card)
{
  g_clear_object (&card->self);
  g_clear_object (&card->card);
  g_free (card);
}

static void
fill_card (Card      *card,
           GPtrArray *replies)
{
  GtkWidget *bar;
  g_autofree char *mix_text = _chorus_variant_replies_describe_mix (&card->mix);
  GtkWidget *mix_label;

  gtk_box_remove (card->card, card->placeholder);
  if (replies->len == 0)
    {
      GtkWidget *none = new_label (_("No replies yet"), "dim-label");

      gtk_box_append (card->card, none);
      return;
    }

  bar = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (bar), 8);
  /* The card owns the mix; the bar reads it while the card lives. */
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_mix,
                                  g_memdup2 (&card->mix, sizeof card->mix), g_free);
  gtk_widget_add_css_class (bar, "chorus-mix-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, mix_text, -1);
  gtk_box_append (card->card, bar);

  mix_label = new_label (mix_text, "caption");
  gtk_widget_add_css_class (mix_label, "dim-label");
  gtk_box_append (card->card, mix_label);

  for (guint i = 0; i < replies->len; i++)
    gtk_box_append (card->card, build_reply (g_ptr_array_index (replies, i)));
}

static void
on_replies_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Card *card = user_data;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;

  replies = chorus_store_list_variant_replies_finish (CHORUS_STORE (object), result, &card->mix, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      card_free (card);
      return;
    }

  card->self->pending--;
  if (replies == NULL)
    gtk_label_set_label (GTK_LABEL (card->placeholder), error->message);
  else
    fill_card (card, replies);
  card_free (card);
}

static GtkWidget *
add_card (ChorusVariantReplies *self,
          ChorusStore          *store,
          ChorusCampaign       *campaign,
          ChorusVariant        *variant)
{
  GtkWidget *box = _chorus_campaign_new_variant_card (variant);
  Card *card = g_new0 (Card, 1);

  card->self = g_object_ref (self);
  card->card = GTK_BOX (g_object_ref (box));
  card->placeholder = new_label (_("Reading replies…"), "dim-label");
  gtk_box_append (GTK_BOX (box), card->placeholder);

  self->pending++;
  chorus_store_list_variant_replies_async (store, chorus_campaign_get_id (campaign), chorus_variant_get_id (variant),
                                           TOP_REPLIES, self->cancellable, on_replies_cb, card);
  return box;
}

static gboolean
has_variant_posts (ChorusCampaign *campaign)
{
  GPtrArray *runs = chorus_campaign_get_runs (campaign);

  for (guint i = 0; i < runs->len; i++)
    if (chorus_pretest_run_get_instrument (g_ptr_array_index (runs, i)) == CHORUS_INSTRUMENT_VARIANT_POSTS)
      return TRUE;
  return FALSE;
}

static void
chorus_variant_replies_dispose (GObject *object)
{
  ChorusVariantReplies *self = CHORUS_VARIANT_REPLIES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (chorus_variant_replies_parent_class)->dispose (object);
}

static void
chorus_variant_replies_class_init (ChorusVariantRepliesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_variant_replies_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_variant_replies_init (ChorusVariantReplies *self)
{
  GtkWidget *heading = new_label (_("What People Replied"), "heading");
  GtkWidget *caption = new_label (_("Replies to each variant’s posts, most liked first. The mix counts every reply; "
                                    "a sentiment a person corrected in the inbox counts as corrected."),
                                  "caption");

  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_margin_top (heading, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), heading);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (self->box), caption);

}

/**
 * chorus_variant_replies_new:
 * @store: the workspace
 * @campaign: a campaign
 *
 * The replies section of @campaign's page, or %NULL when the campaign has
 * no variant posts run (polls and manual results have no replies to show).
 *
 * Returns: (transfer floating) (nullable): the section
 */
GtkWidget *
chorus_variant_replies_new (ChorusStore    *store,
                            ChorusCampaign *campaign)
{
  ChorusVariantReplies *self;
  GListModel *variants;
  guint n;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_CAMPAIGN (campaign), NULL);

  if (!has_variant_posts (campaign))
    return NULL;

  self = g_object_new (CHORUS_TYPE_VARIANT_REPLIES, NULL);
  variants = chorus_campaign_get_variants (campaign);
  n = g_list_model_get_n_items (variants);
  self->flow = _chorus_campaign_new_variant_flow (n);
  gtk_widget_set_margin_top (self->flow, 6);
  gtk_box_append (GTK_BOX (self->box), self->flow);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), add_card (self, store, campaign, variant));
    }

  return GTK_WIDGET (self);
}

/* For tests: whether every variant's replies have arrived. */
gboolean
chorus_variant_replies_is_loaded (ChorusVariantReplies *self)
{
  g_return_val_if_fail (CHORUS_IS_VARIANT_REPLIES (self), FALSE);

  return self->pending == 0;
}
